"""A round's folder shared by computers whose clocks disagree: an invitee's state follows
the order of the call log (appended under its lock, so the order calls were logged in),
never the times written, and an entry timed later than the one after it is noted with
its file and line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import cli
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.work import snapshot
from tests.conftest import ROOT
from tests.round_helpers import new_round

NOW = datetime(2026, 12, 2, 15, 25, tzinfo=UTC)
AHEAD = NOW + timedelta(hours=2, minutes=35)
"""A refusal logged on a computer whose clock is 2 h 35 min fast."""


def fast_refusal(folder: Path) -> None:
    """The refusal, as the computer whose clock is ahead writes it."""
    calls.append(folder, [CallEntry(at=AHEAD, invitee="i001", caller="Fast", outcome="refused")])


def test_a_call_back_logged_after_a_refusal_timed_ahead_stands(tmp_path: Path) -> None:
    folder = new_round(tmp_path, "Kim Three,telephone\nIvy One,telephone\n")
    fast_refusal(folder)
    booked = NOW + timedelta(hours=1)
    calls.append(
        folder,
        [CallEntry(at=NOW, invitee="i001", caller="B", outcome="call_back", appointment=booked)],
    )
    found = snapshot(folder, NOW).find("i001")
    assert found.state == "appointment"
    assert found.appointment == booked
    assert found.last_outcome == "call_back"
    due = snapshot(folder, booked)
    from bot.rounds.state import next_calls

    assert next_calls(due.invitees, booked)[0].invitee.id == "i001"


def test_a_claim_logged_after_an_entry_timed_ahead_holds_the_invitee(tmp_path: Path) -> None:
    folder = new_round(tmp_path, "Kim Three,telephone\n")
    fast_refusal(folder)
    calls.append(
        folder,
        [CallEntry(at=NOW, invitee="i001", caller="B", outcome="call_back", appointment=NOW)],
    )
    calls.append(
        folder,
        [CallEntry(at=NOW, invitee="i001", caller="B", outcome="calling", until=NOW + calls.LEASE)],
    )
    assert snapshot(folder, NOW, "Ann").find("i001").being_called_by == "B"


def test_the_entry_timed_ahead_is_noted_with_its_line(tmp_path: Path) -> None:
    folder = new_round(tmp_path, "Kim Three,telephone\n")
    (folder / "calls.jsonl").write_text(
        "\n".join(
            json.dumps(e)
            for e in (
                {"at": "2026-12-02T15:00:00Z", "invitee": "i001", "outcome": "busy"},
                {"at": "2026-12-02T18:00:00Z", "invitee": "i001", "outcome": "refused"},
            )
        )
        + "\n\n"  # a blank line: lines are counted as the file has them
        + json.dumps({"at": "2026-12-02T15:25:00Z", "invitee": "i001", "outcome": "no_answer"})
        + "\n"
    )
    notes = calls.order_notes(calls.read(folder), folder / "calls.jsonl")
    assert len(notes) == 1
    assert notes[0].startswith("transcripts/rounds/r/calls.jsonl:2: the entry for i001 (refused)")
    assert "later than the entry after it (line 4," in notes[0]
    assert snapshot(folder, NOW).call_notes == tuple(notes)


def test_round_call_status_and_validate_note_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = new_round(tmp_path, "Kim Three,telephone\n")
    ahead = datetime.now(UTC) + timedelta(hours=3)
    fast_refusal(folder)
    log = folder / "calls.jsonl"
    log.write_text(log.read_text().replace(AHEAD.isoformat(), ahead.isoformat()))
    capsys.readouterr()
    where = "transcripts/rounds/r/calls.jsonl:1: the entry for i001 (refused) is timed"
    assert cli.main(["round", "call", "i001", "call-back", "--at", "+1h", "--caller", "B"]) == 0
    said = capsys.readouterr().out
    assert "Logged: i001 call back" in said and f"note: {where}" in said
    env = {**os.environ, "COLUMNS": "400"}
    status = subprocess.run(
        [sys.executable, "-m", "bot", "round", "status"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert status.returncode == 0, status.stderr
    assert f"note: {where}" in status.stdout
    row = next(line for line in status.stdout.splitlines() if line.startswith("  i001"))
    assert "appointment" in row and "refused" not in row
    assert cli.main(["validate", str(folder)]) == 0
    assert where in capsys.readouterr().out
