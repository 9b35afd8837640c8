"""A FIFO (or a device) named like a framework, dialogue or transcript is refused unopened
by every reader, in a folder given to `validate` and in a frameworks folder alike (never a
hang); and a symbolic link found inside a folder given to `validate` is not followed."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot import cli, store
from bot.loading import read_bytes
from bot.problems import LoadError
from tests.conftest import ROOT

EXAMPLE = ROOT / "transcripts" / "examples" / "hertfordshire-interview.toml"


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """The command in this folder; one that blocks fails the test after 30 seconds."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **(env or {})},
    )


def test_validate_dir_refuses_a_fifo_in_it(tmp_path: Path) -> None:
    (tmp_path / "v1").mkdir()
    (tmp_path / "v1" / "kept.toml").write_bytes(EXAMPLE.read_bytes())
    os.mkfifo(tmp_path / "v1" / "f.toml")
    done = run("validate", "v1")
    assert "v1/f.toml: is not a regular file (a FIFO or a device), so it is not read" in (
        done.stdout + done.stderr
    )
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (
            ["assess", "--frameworks", "fwdir", "-f", "hallmarks", "--plain", "--respondent", "F"],
            {},
        ),
        (["validate", "--frameworks", "fwdir"], {}),
        (["--frameworks", "fwdir", "frameworks"], {}),
        (
            ["assess", "-f", "hallmarks", "--plain", "--respondent", "F"],
            {"PARTNERSHIP_BOT_FRAMEWORKS": "fwdir"},
        ),
    ],
    ids=["assess", "validate", "frameworks", "assess-env"],
)
def test_a_fifo_in_a_frameworks_folder_is_passed_over(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    (tmp_path / "fwdir").mkdir()
    os.mkfifo(tmp_path / "fwdir" / "x.toml")
    done = run(*args, stdin=":quit\n", env=env)
    assert "Traceback" not in done.stderr
    refused = "x.toml: is not a regular file (a FIFO or a device), so it is not read"
    if args[0] == "validate" or args[-1] == "frameworks":
        # A file of the folder that fails, listed as any other (status 1).
        assert done.returncode == 1
        assert args[0] != "validate" or f"fwdir/{refused}" in done.stdout
    else:
        assert done.returncode == 0, done.stderr
    if args[-1] == "frameworks":
        assert "fails to load: is not a regular file (a FIFO or a device)" in done.stdout


def test_a_fifo_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.loading import file_text

    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    opened: list[str] = []
    real = os.open

    def open_(path, *rest, **kw):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real(path, *rest, **kw)

    monkeypatch.setattr(os, "open", open_)
    with pytest.raises(LoadError, match="is not a regular file"):
        read_bytes(fifo, "framework")
    assert file_text(fifo) == ""
    with pytest.raises(LoadError, match="is not a regular file"):
        store.open_for_writing(fifo)  # resume
    assert not store.in_use(fifo)
    assert str(fifo) not in opened


def test_validate_dir_does_not_follow_a_link_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "v1").mkdir()
    (tmp_path / "v1" / "kept.toml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "outside.toml").write_text("not = toml = at all\n")
    (tmp_path / "v1" / "l.toml").symlink_to(tmp_path / "outside.toml")
    assert cli.main(["validate", "v1"]) == 0
    out = capsys.readouterr().out
    assert "outside.toml" not in out
    assert "v1/l.toml is a symbolic link: links inside a folder are not followed" in out
    # Named on its own, the link is the user's choice, and followed.
    assert cli.main(["validate", "v1/l.toml"]) == 1


def test_an_aggregate_report_passes_over_a_fifo_in_a_frameworks_folder(tmp_path: Path) -> None:
    (tmp_path / "fwdir").mkdir()
    os.mkfifo(tmp_path / "fwdir" / "x.toml")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "t.toml").write_bytes(EXAMPLE.read_bytes())
    done = run("--frameworks", "fwdir", "report", "in", "--aggregate", "-o", "out.md")
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "out.md").is_file()


def returns_without_blocking(read, fifo: Path):  # type: ignore[no-untyped-def]
    """What ``read()`` returns; the test fails if it blocks opening ``fifo``."""
    found: list[object] = []
    reading = threading.Thread(target=lambda: found.append(read()), daemon=True)
    reading.start()
    reading.join(10)
    if reading.is_alive():  # blocked opening the FIFO: let it go, and fail
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"reading blocked on the FIFO {fifo}")
    return found[0]


def test_a_fifo_in_place_of_the_remembered_caller_is_not_read() -> None:
    from bot.rounds import caller

    where = caller.remembered_path()
    where.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(where)
    assert returns_without_blocking(caller.remembered, where) == ""


def test_a_fifo_in_place_of_a_remembered_check_is_not_read() -> None:
    from bot import remembered

    where = remembered._path("entry")
    where.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(where)
    assert returns_without_blocking(lambda: remembered._read("entry"), where) is None
