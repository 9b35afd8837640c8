"""Every round command that writes a round's file (the call log, round.toml, plan.toml)
and cannot (a full disk, a file-size limit, no permission) says which file, why and what
to do, with exit status 6, never a traceback; and leaves the file as it was (``round new``
leaves no folder behind)."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import caller
from tests.round_helpers import new_round

WRITE = os.write
OPEN = os.open
MKDIR = os.mkdir


def fail_writes_to(name: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes to a file whose name holds ``name`` raise OSError(``code``), none of the
    bytes written."""

    def write(fd: int, data: bytes) -> int:
        if name in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(code, os.strerror(code))
        return WRITE(fd, data)

    monkeypatch.setattr(os, "write", write)


def refuse_opening(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a file whose name ends in ``name`` for writing is refused (as for a file,
    or a folder, that is not writable)."""

    def open_(path, flags, *rest, **kw):  # type: ignore[no-untyped-def]
        if str(path).endswith(name) and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return OPEN(path, flags, *rest, **kw)

    monkeypatch.setattr(os, "open", open_)


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round of two telephone invitees with one call logged."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Ann,telephone\nBob,telephone\n")
    assert cli.main(["round", "call", "i002", "no-answer", "--caller", "Sam"]) == 0
    return folder


def said_cleanly(err: str, file: str, why: str) -> None:
    """One error line naming the file and why, with what to do; no traceback."""
    assert "Traceback" not in err
    assert f"error: cannot write {file} ({why}): " in err
    assert "run the command again (nothing was changed)" in err


CALL_COMMANDS = [
    ["round", "call", "i001", "busy", "--caller", "Sam", "--note", "rang twice"],
    ["round", "call", "i001", "call-back", "--at", "+2h", "--caller", "Sam"],
    ["round", "next", "--claim", "--caller", "Sam"],
]


@pytest.mark.parametrize("command", CALL_COMMANDS, ids=lambda c: " ".join(c[1:3]))
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG])
def test_a_call_log_that_cannot_be_written_is_said_with_status_6(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    code: int,
) -> None:
    log = (round_folder / "calls.jsonl").read_bytes()
    capsys.readouterr()
    fail_writes_to("calls.jsonl", code, monkeypatch)
    assert cli.main(command) == exit_codes.CANNOT_WRITE
    err = capsys.readouterr().err
    said_cleanly(err, "transcripts/rounds/r/calls.jsonl", os.strerror(code))
    remedy = "free some space on its disk" if code == errno.ENOSPC else "(ulimit -f)"
    assert remedy in err
    assert (round_folder / "calls.jsonl").read_bytes() == log


@pytest.mark.parametrize("command", CALL_COMMANDS, ids=lambda c: " ".join(c[1:3]))
def test_a_call_log_not_writable_is_said_with_status_6(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    log = (round_folder / "calls.jsonl").read_bytes()
    capsys.readouterr()
    refuse_opening("calls.jsonl", monkeypatch)
    assert cli.main(command) == exit_codes.CANNOT_WRITE
    err = capsys.readouterr().err
    said_cleanly(err, "transcripts/rounds/r/calls.jsonl", "Permission denied")
    assert "make it and its folder writable" in err
    assert (round_folder / "calls.jsonl").read_bytes() == log


def test_a_call_log_lock_not_writable_names_the_call_log(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    refuse_opening(".calls.lock", monkeypatch)
    assert cli.main(CALL_COMMANDS[0]) == exit_codes.CANNOT_WRITE
    said_cleanly(capsys.readouterr().err, "transcripts/rounds/r/calls.jsonl", "Permission denied")


def test_a_file_size_limit_is_said_with_status_6(round_folder: Path, tmp_path: Path) -> None:
    """The real thing: a process whose file-size limit the call log has reached."""
    (round_folder / "calls.jsonl").write_bytes(
        (round_folder / "calls.jsonl").read_bytes() * (4096 // 100)
    )
    log = (round_folder / "calls.jsonl").read_bytes()
    size = len(log) + 10

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    done = subprocess.run(
        [sys.executable, "-m", "bot", *CALL_COMMANDS[0][:-2], "--note", "x" * 100],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=60,
    )
    assert done.returncode == exit_codes.CANNOT_WRITE, done.stderr
    said_cleanly(done.stderr, "transcripts/rounds/r/calls.jsonl", "File too large")
    assert (round_folder / "calls.jsonl").read_bytes() == log


@pytest.mark.parametrize(
    ("name", "where"),
    [("second", "transcripts/rounds/second"), ("deeper/still/second", "deeper/still/second")],
)
def test_round_new_on_a_full_disk_leaves_no_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    where: str,
) -> None:
    new_round(tmp_path, "Ann,telephone\n")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    capsys.readouterr()
    fail_writes_to("round.toml", errno.ENOSPC, monkeypatch)
    status = cli.main(["round", "new", name, "--title", "T", "-f", "hertfordshire-review"])
    assert status == exit_codes.CANNOT_WRITE
    said_cleanly(capsys.readouterr().err, f"{where}/round.toml", "No space left on device")
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_round_new_in_a_folder_not_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new_round(tmp_path, "Ann,telephone\n")

    def mkdir(path, *rest, **kw):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "mkdir", mkdir)
    capsys.readouterr()
    status = cli.main(["round", "new", "zz", "--title", "T", "-f", "hertfordshire-review"])
    assert status == exit_codes.CANNOT_WRITE
    said_cleanly(capsys.readouterr().err, "transcripts/rounds/zz/round.toml", "Permission denied")
    monkeypatch.setattr(os, "mkdir", MKDIR)
    assert not (tmp_path / "transcripts" / "rounds" / "zz").exists()


@pytest.mark.parametrize("how", ["full", "not writable"])
def test_round_plan_that_cannot_be_saved_is_said_with_status_6(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    capsys.readouterr()
    if how == "full":
        fail_writes_to(".plan.toml.", errno.ENOSPC, monkeypatch)
    else:
        refuse_opening(".tmp", monkeypatch)
    assert cli.main(["round", "plan"]) == exit_codes.CANNOT_WRITE
    why = "No space left on device" if how == "full" else "Permission denied"
    said_cleanly(capsys.readouterr().err, "transcripts/rounds/r/plan.toml", why)
    assert sorted(p.name for p in round_folder.iterdir() if "plan" in p.name) == []


def test_round_import_that_cannot_be_saved_is_said_with_status_6(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (round_folder / "round.toml").read_bytes()
    Path("more.csv").write_text("name,mode\nCat,telephone\n")
    capsys.readouterr()
    fail_writes_to(".round.toml.", errno.ENOSPC, monkeypatch)
    assert cli.main(["round", "import", "more.csv"]) == exit_codes.CANNOT_WRITE
    said_cleanly(
        capsys.readouterr().err, "transcripts/rounds/r/round.toml", "No space left on device"
    )
    assert (round_folder / "round.toml").read_bytes() == before


def test_a_call_note_too_long_is_a_usage_error(
    round_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    status = cli.main(["round", "call", "i001", "busy", "--caller", "Sam", "--note", "x" * 2001])
    assert status == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error: --note has 2001 characters; a call's note keeps at most 2000" in err


REMEDIES = {
    errno.ENOSPC: "free some space on its disk",
    errno.EFBIG: "(ulimit -f)",
    errno.EACCES: "make it and its folder writable",
}
"""What each failure is to be told to do (`bot.files.remedy`)."""


@pytest.mark.parametrize("code", list(REMEDIES), ids=errno.errorcode.get)
def test_chase_sent_that_cannot_be_recorded_gives_the_advice_that_fits(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
) -> None:
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Ann,self\nBob,self\n")
    capsys.readouterr()
    fail_writes_to("reminders.jsonl", code, monkeypatch)
    status = cli.main(["round", "chase", "--sent", "--caller", "Sam"])
    assert status == exit_codes.CANNOT_WRITE
    err = capsys.readouterr().err
    said_cleanly(err, "transcripts/rounds/r/reminders.jsonl", os.strerror(code))
    assert REMEDIES[code] in err
    if code != errno.EACCES:
        assert "writable" not in err
    assert (
        not (folder / "reminders.jsonl").exists() or not (folder / "reminders.jsonl").read_bytes()
    )


def test_round_assess_past_the_file_size_limit_is_told_of_the_limit(tmp_path: Path) -> None:
    """The real thing: a process that may write no byte (ulimit -f 0), starting a
    self-assessor's conversation: the advice is the limit's, not to make a folder writable."""
    new_round(tmp_path, "Ann,self\n")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    done = subprocess.run(
        [sys.executable, "-m", "bot", "round", "assess", "i001", "--plain"],
        cwd=tmp_path,
        input="3\n",
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=60,
    )
    assert done.returncode == exit_codes.CANNOT_WRITE, done.stderr
    assert "Traceback" not in done.stderr
    assert "(File too large): " in done.stderr
    assert "(ulimit -f)" in done.stderr
    assert "writable" not in done.stderr
