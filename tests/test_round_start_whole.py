"""Starting an invitee's conversation from a round either fully happens (transcript made and
its call logged) or leaves nothing new behind: a call log that cannot be written (a full
disk) leaves no empty transcript, no lock note and no half-written line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import caller
from tests.round_helpers import interview, new_round

WRITE = os.write


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round of two telephone invitees, one call already logged."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Ann,telephone\nBob,telephone\n")
    assert cli.main(["round", "call", "i002", "no-answer", "--caller", "Sam"]) == 0
    return folder


def full_disk_for(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes to the file called ``name`` get half their bytes in, then ENOSPC."""
    real = WRITE

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(name):
            half = bytes(data)[: max(len(data) // 2, 1)]
            if real(fd, half) < len(data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_a_start_whose_call_cannot_be_logged_leaves_nothing_behind(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in round_folder.iterdir())
    log = (round_folder / "calls.jsonl").read_bytes()
    full_disk_for("calls.jsonl", monkeypatch)
    status = interview(monkeypatch, "i001", "--caller", "Sam")
    err = capsys.readouterr().err
    assert status == exit_codes.CANNOT_WRITE
    assert (
        "error: cannot log the call in transcripts/rounds/r/calls.jsonl (No space left on device)"
        in err
    )
    assert "free some space on its disk and start again" in err
    assert "Traceback" not in err
    # No stray transcript (or its lock note), and the log ends on its last whole entry.
    assert sorted(p.name for p in round_folder.iterdir()) == before
    assert (round_folder / "calls.jsonl").read_bytes() == log
    monkeypatch.setattr(os, "write", WRITE)
    # Once the log can be written, the start happens as if nothing had been tried.
    assert interview(monkeypatch, "i001", "--caller", "Sam") == exit_codes.OK
    assert len(list(round_folder.glob("2*.toml"))) == 1
