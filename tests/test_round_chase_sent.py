"""`round chase --sent` records that reminders went out (the reminders log, durable as the
call log is); `round chase` says when each was last chased, and `round status` shows it."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import reminders
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
TO_REMIND = ["h14", "h15", "h17", "h18", "h19", "h20"]
"""The sample round's self-assessors not started or unfinished."""
WRITE = os.write


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round, the only round in the tests' transcripts folder."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def said(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    out = capsys.readouterr()
    return status, out.out, out.err


def logged(folder: Path) -> list[dict]:
    """The reminders log as written."""
    text = (folder / reminders.REMINDERS_FILE).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def row(out: str, invitee: str) -> str:
    """The line that lists an invitee."""
    return next(line for line in out.splitlines() if line.split()[:1] == [invitee])


def test_reminders_sent_are_recorded_and_shown_by_chase_and_status(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = said(capsys, "round", "chase")
    assert status == exit_codes.OK
    assert "not chased yet" in row(out, "h17")
    assert "partnership-bot round chase --sent" in out  # how to record them
    assert not (herts / reminders.REMINDERS_FILE).exists()

    status, out, err = said(capsys, "round", "chase", "--sent", "h17,h18", "--caller", "Sam")
    assert status == exit_codes.OK, err
    assert out.startswith("Recorded: reminded 2 on ")
    assert [(e["invitee"], e["by"]) for e in logged(herts)] == [("h17", "Sam"), ("h18", "Sam")]
    assert "last chased" in row(out, "h17") and "by Sam" in row(out, "h17")
    assert "not chased yet" in row(out, "h19")

    status, out, err = said(capsys, "round", "chase", "--sent")
    assert status == exit_codes.OK, err
    assert [e["invitee"] for e in logged(herts)][2:] == TO_REMIND
    assert all("last chased" in row(out, i) for i in TO_REMIND)

    monkeypatch.setenv("COLUMNS", "80")
    status, out, _ = said(capsys, "round", "status")
    assert status == exit_codes.OK
    listed = {line.split()[0]: line for line in out.splitlines() if line.startswith("  h")}
    assert all(" chased " in listed[i] for i in TO_REMIND), out
    assert " chased " not in listed["h16"] and " chased " not in listed["h01"]


@pytest.mark.parametrize(
    ("ids", "why"),
    [
        ("h01", "h01 (Ann Archer) is complete, not someone to remind"),
        ("h38", "is interviewed by telephone"),
        ("h99", 'No invitee "h99" in this round'),
    ],
)
def test_reminders_for_someone_not_to_remind_are_refused_and_nothing_recorded(
    herts: Path, capsys: pytest.CaptureFixture[str], ids: str, why: str
) -> None:
    status, _, err = said(capsys, "round", "chase", "--sent", f"h17,{ids}")
    assert status == exit_codes.USAGE
    assert why in err
    assert not (herts / reminders.REMINDERS_FILE).exists()


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes to the reminders log get half their bytes in, then ENOSPC."""

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(reminders.REMINDERS_FILE):
            WRITE(fd, bytes(data)[: max(len(data) // 2, 1)])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return WRITE(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_a_failed_first_write_leaves_no_log_and_a_later_one_leaves_it_as_it_was(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with monkeypatch.context() as patched:
        full_disk(patched)
        status, _, err = said(capsys, "round", "chase", "--sent")
    assert status == exit_codes.CANNOT_WRITE
    assert "cannot write transcripts/rounds/herts/reminders.jsonl (No space left on device)" in err
    assert "free some space on its disk" in err and "nothing was changed" in err
    assert not (herts / reminders.REMINDERS_FILE).exists()
    assert said(capsys, "round", "chase", "--sent", "h17")[0] == exit_codes.OK
    before = (herts / reminders.REMINDERS_FILE).read_bytes()
    with monkeypatch.context() as patched:
        full_disk(patched)
        assert said(capsys, "round", "chase", "--sent")[0] == exit_codes.CANNOT_WRITE
    assert (herts / reminders.REMINDERS_FILE).read_bytes() == before


def test_a_torn_last_line_is_left_out_and_cut_off_by_the_next_writer(herts: Path) -> None:
    from datetime import UTC, datetime

    at = datetime(2009, 12, 2, 10, 0, tzinfo=UTC)
    reminders.append(herts, [reminders.Reminder(at=at, invitee="h17")])
    path = herts / reminders.REMINDERS_FILE
    with path.open("ab") as torn:
        torn.write(b'{"at": "2009-12-')
    assert [r.invitee for r in reminders.read(herts)] == ["h17"]
    reminders.append(herts, [reminders.Reminder(at=at, invitee="h18")])
    assert [r.invitee for r in reminders.read(herts)] == ["h17", "h18"]
    assert path.read_bytes().count(b"\n") == 2
