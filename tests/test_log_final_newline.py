"""A round's append-only logs (calls.jsonl, reminders.jsonl): a whole entry that lacks only
its final newline is kept (the next writer ends its line); only a truly torn last line is
cut, and first kept aside in `<file>.torn`, named with its line in what is said."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import exit_codes
from bot.rounds import calls, reminders
from bot.rounds.calls import CallEntry
from tests.conftest import ROOT
from tests.plain_driver import command

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
AT = datetime(2026, 12, 2, 15, 11, tzinfo=UTC)
BUSY = b'{"at": "2026-12-02T15:11:00Z", "invitee": "h40", "caller": "Kim", "outcome": "busy"}'
REMINDED = b'{"at": "2026-12-02T15:21:00Z", "invitee": "h17", "by": "Kim"}'


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round, the only round in the tests' transcripts folder."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def run(folder: Path, *words: str) -> subprocess.CompletedProcess[str]:
    """The command run in the round's transcripts folder's parent."""
    return subprocess.run(
        [command(), *words],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder.parent.parent.parent,
    )


def test_a_whole_call_without_its_newline_is_kept_by_the_next_writer(herts: Path) -> None:
    path = calls.calls_path(herts)
    before = path.read_bytes()
    path.write_bytes(before + BUSY)
    log = calls.read(herts)
    assert log.dropped_bytes == 0 and log.entries[-1].outcome == "busy"
    done = run(herts, "round", "call", "h40", "no-answer", "--caller", "Kim")
    assert done.returncode == exit_codes.OK, done.stderr
    assert "interrupted" not in done.stdout + done.stderr
    text = path.read_bytes()
    assert text.startswith(before + BUSY + b"\n")
    assert [e.outcome for e in calls.read(herts).entries[-2:]] == ["busy", "no_answer"]
    assert not list(herts.glob("*.torn*"))


def test_a_torn_call_is_kept_aside_and_named_with_its_line(herts: Path) -> None:
    path = calls.calls_path(herts)
    before = path.read_bytes()
    line = before.count(b"\n") + 1
    path.write_bytes(before + BUSY[:30])
    status = run(herts, "round", "status")
    assert f"transcripts/rounds/herts/calls.jsonl:{line}: the last entry was interrupted" in (
        status.stdout
    )
    done = run(herts, "round", "call", "h40", "no-answer", "--caller", "Kim")
    assert done.returncode == exit_codes.OK, done.stderr
    assert (
        f"note: transcripts/rounds/herts/calls.jsonl:{line}: its last entry was interrupted "
        "(not a whole entry): it was cut from the log and kept in "
        "transcripts/rounds/herts/calls.jsonl.torn"
    ) in done.stderr
    assert (herts / "calls.jsonl.torn").read_bytes() == BUSY[:30]
    assert path.read_bytes().startswith(before) and BUSY[:30] not in path.read_bytes()


def test_a_whole_reminder_without_its_newline_is_kept(herts: Path) -> None:
    path = reminders.reminders_path(herts)
    path.write_bytes(REMINDED)
    assert [r.invitee for r in reminders.read(herts)] == ["h17"]
    said = reminders.append(herts, [reminders.Reminder(at=AT, invitee="h18", by="Kim")])
    assert said == ""
    assert path.read_bytes().startswith(REMINDED + b"\n")
    assert [r.invitee for r in reminders.read(herts)] == ["h17", "h18"]
    assert not list(herts.glob("*.torn*"))


def test_a_torn_reminder_is_kept_aside_and_said(herts: Path) -> None:
    path = reminders.reminders_path(herts)
    path.write_bytes(REMINDED + b"\n" + REMINDED[:20])
    done = run(herts, "round", "chase", "--sent", "h18", "--caller", "Kim")
    assert done.returncode == exit_codes.OK, done.stderr
    assert (
        "note: transcripts/rounds/herts/reminders.jsonl:2: its last entry was interrupted"
    ) in done.stderr
    assert (herts / "reminders.jsonl.torn").read_bytes() == REMINDED[:20]
    assert [r.invitee for r in reminders.read(herts)] == ["h17", "h18"]


def test_the_call_log_api_says_what_it_did(tmp_path: Path) -> None:
    entry = CallEntry(at=AT, invitee="a", caller="Sam", outcome="busy")
    assert calls.append(tmp_path, [entry]) == ""
    path = calls.calls_path(tmp_path)
    path.write_bytes(path.read_bytes() + entry.line().encode()[:10])
    said = calls.append(tmp_path, [entry])
    assert said.startswith("calls.jsonl:2: its last entry was interrupted")
    assert [e.invitee for e in calls.read(tmp_path).entries] == ["a", "a"]
