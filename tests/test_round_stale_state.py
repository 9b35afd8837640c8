"""What a round shows of an invitee is what stands now: someone who has finished is
finished whoever holds a stale claim on them, and the note shown for a booked call-back is
the one it was booked with, not an earlier call's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import cli
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import Linked, next_calls, start_refusal, states
from bot.tui.screens.round import state_text
from tests.round_helpers import NOW, SampleRound, claim, sample_round

PERSON = Invitee(id="a", name="A", mode="telephone")
ROUND = Round(title="R", framework="hertfordshire-review", invitees=(PERSON,))
DONE = Linked("a", "complete", NOW - timedelta(hours=1), Path("a.toml"))


def call(outcome: str, minutes: int, note: str = "", at_hours: int = 0) -> CallEntry:
    """A call on the invitee ``minutes`` before NOW (a call-back booked ``at_hours`` on)."""
    at = NOW - timedelta(minutes=minutes)
    appointment = at + timedelta(hours=at_hours) if outcome == "call_back" else None
    return CallEntry(
        at=at, invitee="a", caller="Sam", outcome=outcome, appointment=appointment, note=note
    )


def test_a_finished_invitee_is_not_shown_busy_by_a_stale_claim() -> None:
    [shown] = states(ROUND, [claim("Pat", at=NOW - timedelta(minutes=5))], [DONE], NOW, "Kim")
    assert shown.state == "complete"
    assert shown.being_called_by is None and shown.held_by == ""
    assert state_text(shown, NOW) == "complete"
    assert start_refusal(shown) == ""
    # Their finished transcript open elsewhere (being read) holds them no more.
    [read] = states(ROUND, [], [DONE], NOW, "Kim", {DONE.path: "process 1"})
    assert read.held_by == ""


def test_an_unfinished_invitee_is_still_held_by_a_claim() -> None:
    started = Linked("a", "in_progress", NOW - timedelta(hours=1), Path("a.toml"))
    [shown] = states(ROUND, [claim("Pat", at=NOW - timedelta(minutes=5))], [started], NOW, "Kim")
    assert shown.held_by == "Pat" and state_text(shown, NOW) == "busy: Pat"


def test_round_status_shows_a_finished_invitee_as_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample: SampleRound = sample_round(tmp_path, monkeypatch, "Kim")
    # Pat's claim on h21, who has finished their interview, is within its time now.
    calls.append(sample.folder, [claim("Pat", "h21", datetime.now(UTC))])
    assert cli.main(["round", "status"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("h21")]
    assert "complete" in line and "Pat" not in line


def test_a_booked_call_back_shows_its_own_note() -> None:
    log = [call("no_answer", 60, "try the mobile"), call("call_back", 30, at_hours=-1)]
    [shown] = states(ROUND, log, [], NOW)
    assert shown.state == "appointment" and shown.note == ""
    log[-1] = call("call_back", 30, "ask for the deputy", at_hours=-1)
    [shown] = states(ROUND, log, [], NOW)
    assert shown.note == "ask for the deputy"
    assert next_calls([shown], NOW)[0].note == "ask for the deputy"
    # With no call-back standing, the last note logged is the one for the next caller.
    [shown] = states(ROUND, [*log, call("refused", 10, "")], [], NOW)
    assert shown.appointment is None and shown.note == "ask for the deputy"


def test_round_next_shows_the_call_backs_own_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_round(tmp_path, monkeypatch, "Kim")
    assert cli.main(["round", "call", "h38", "no-answer", "--note", "try the mobile"]) == 0
    assert (
        cli.main(["round", "call", "h38", "call-back", "--at", "2009-11-01 10:00", "--force"]) == 0
    )
    capsys.readouterr()
    assert cli.main(["round", "next", "-n", "40"]) == 0
    shown = capsys.readouterr().out.split("h38 ", 1)[1].split("\nh", 1)[0]
    assert "appointment" in shown and "try the mobile" not in shown
