"""End to end: bytes that are not UTF-8 and a disk that fills, through the installed command."""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest

from bot import exit_codes, store
from tests.conftest import DATA
from tests.plain_driver import command

pytestmark = pytest.mark.e2e

MINI = ["-f", str(DATA / "mini.toml"), "-d", str(DATA / "mini-chat.toml")]


def run_bytes(
    *args: str | bytes, stdin: bytes, cwd: Path, **kwargs: object
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [command(), *args], input=stdin, capture_output=True, timeout=120, cwd=cwd, **kwargs
    )


def transcript_named(stdout: str, cwd: Path) -> Path:
    line = next(line for line in stdout.splitlines() if line.startswith("Transcript: "))
    return cwd / line.split(": ", 1)[1]


@pytest.mark.parametrize("lang", ["C.UTF-8", "C"])
def test_invalid_utf8_in_answers_and_names_is_kept_visibly(tmp_path: Path, lang: str) -> None:
    result = run_bytes(
        "assess",
        "--plain",
        "-f",
        "working-better-together",
        "--respondent",
        b"Ann \xff",
        stdin=b"3 - first\n2 - bad \xff byte\n",
        cwd=tmp_path,
        env={"LANG": lang, "PATH": "/usr/bin:/bin", "LC_ALL": lang},
    )
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == exit_codes.INPUT_ENDED, err
    assert "Traceback" not in err
    assert "each is kept as \ufffd" in out
    assert "note: --respondent holds bytes that are not UTF-8 text; each is kept as \ufffd" in err
    transcript = store.load(transcript_named(out, tmp_path)).transcript
    assert transcript.respondent.name == "Ann \ufffd"
    assert "2 - bad \ufffd byte" in [t.text for t in transcript.turns]


def test_a_failed_save_ends_with_a_message_and_status_not_a_traceback(tmp_path: Path) -> None:
    # Enough room for the header and the first answers, not for a long comment.
    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))

    long_comment = "3 - " + "the minutes of the board " * 400
    result = run_bytes(
        "assess",
        "--plain",
        *MINI,
        stdin=f"3 - first\n{long_comment}\n".encode(),
        cwd=tmp_path,
        preexec_fn=small_files,
    )
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == exit_codes.CANNOT_WRITE, out + err
    assert "Traceback" not in err
    assert "Could not save (File too large)." in out
    assert "Everything answered before this is saved in" in out
    assert "Resume with: partnership-bot resume" in out
    path = transcript_named(out, tmp_path)
    assert [t.text for t in store.load(path).transcript.turns if t.kind == "answer"] == [
        "3 - first"
    ]
