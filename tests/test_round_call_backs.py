"""`round status` counts the call-backs to make, due now and booked for later, by the
rule `round next` follows: those due are the ones it offers first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot import cli
from bot.rounds.calls import CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import call_backs, next_calls, states
from tests.round_helpers import NOW, claim, sample_round

PEOPLE = tuple(
    Invitee(id=i, name=i.upper(), mode="self" if i == "s" else "telephone")
    for i in ("a", "b", "c", "d", "s")
)
ROUND = Round(title="R", framework="hertfordshire-review", invitees=PEOPLE)


def booked(invitee: str, hours: int) -> CallEntry:
    """A call-back with ``invitee`` logged an hour ago, for ``hours`` from NOW."""
    return CallEntry(
        at=NOW - timedelta(hours=1),
        invitee=invitee,
        caller="Sam",
        outcome="call_back",
        appointment=NOW + timedelta(hours=hours),
    )


def test_call_backs_due_are_those_round_next_offers_first_in_its_order() -> None:
    log = [booked("a", -1), booked("b", -3), booked("c", 2), booked("d", -2), booked("s", -5)]
    log.append(claim("Pat", "d", NOW - timedelta(minutes=1)))  # d is being called by Pat
    found = states(ROUND, log, [], NOW, "Kim")
    backs = call_backs(found, NOW)
    assert [s.invitee.id for s in backs.due] == ["b", "a"]
    assert [s.invitee.id for s in next_calls(found, NOW)][:2] == ["b", "a"]
    assert [s.invitee.id for s in backs.later] == ["c"]


def test_round_status_counts_call_backs_due_and_booked_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_round(tmp_path, monkeypatch, "Kim")
    # The sample round's three call-backs are long due; one more is booked for later.
    assert cli.main(["round", "call", "h38", "call-back", "--at", "+2h"]) == 0
    capsys.readouterr()
    assert cli.main(["round", "status"]) == 0
    out = capsys.readouterr().out
    [line] = [x.strip() for x in out.splitlines() if x.strip().startswith("call-backs:")]
    assert line.startswith("call-backs: 3 due now (round next offers them first), 1 booked later")
