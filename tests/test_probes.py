"""Every probe trigger fires when it should, and not otherwise; the cap holds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.engine import Session
from bot.engine.evidence import is_hedged, is_vague, names_evidence
from bot.loading import LoadedDialogue

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def started(dialogue: LoadedDialogue) -> Session:
    session = Session(dialogue)
    session.begin(NOW)
    return session


def fired(session: Session, text: str) -> str:
    """The trigger of the probe an answer fired, or "" when it moved on."""
    outcome = session.answer(text, NOW)
    assert outcome.accepted, outcome.error
    probes = [t for t in outcome.turns if t.kind == "probe"]
    return probes[0].trigger if probes else ""


@pytest.mark.parametrize(
    ("answer", "trigger"),
    [
        ("1", "low"),
        ("2 - partly", "low"),
        ("d", "dont_know"),
        ("r", ""),  # refused is respected, not probed
        ("4", "unevidenced_high"),
        ("4 - we have the minutes of the March 2009 board", ""),
        ("Strongly agree - see the Community Safety Partnership protocol", ""),
        ("3", ""),
        ("3 - I think so", "vague"),
        ("3 - we meet every month and the agreed terms of reference are on the website", ""),
    ],
)
def test_rating_triggers(mini_chat: LoadedDialogue, answer: str, trigger: str) -> None:
    assert fired(started(mini_chat), answer) == trigger


def test_text_answer_vague_and_specific(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    fired(session, "3")  # a1
    fired(session, "yes")  # a2 -> branch to a3
    assert session.current().question.id == "a3"
    assert fired(session, "probably others") == "vague"
    session = started(mini_chat)
    fired(session, "3")
    fired(session, "y")
    assert fired(session, "Essex Police and the PCT signed in June 2009") == ""


@pytest.mark.parametrize(
    ("number", "trigger"),
    [("20", "out_of_range"), ("9", "out_of_range"), ("12", ""), ("15 members", "")],
)
def test_out_of_range(mini_chat: LoadedDialogue, number: str, trigger: str) -> None:
    session = started(mini_chat)
    fired(session, "3")
    fired(session, "p")
    assert session.current().question.id == "b1"
    assert fired(session, number) == trigger
    if trigger:
        assert session.current().text == "The recommended size is 12-15. Why this many?"


def test_inconsistent_fires_on_a_failed_check(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    fired(session, "4 - minutes of the June 2009 meeting")  # a1 scored high, with evidence
    assert fired(session, "no") == "inconsistent"
    session = started(mini_chat)
    fired(session, "2")
    session.answer("we lack time", NOW)  # reply to the low probe
    assert fired(session, "no") == ""


def test_at_most_max_probes_per_question(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    assert fired(session, "1") == "low"
    outcome = session.answer("maybe", NOW)  # a vague reply fires the vague probe: 2 of 2
    assert [t.trigger for t in outcome.turns if t.kind == "probe"] == ["vague"]
    outcome = session.answer("not sure", NOW)  # still vague, but the cap is reached
    assert [t.kind for t in outcome.turns] == ["probe_answer", "ask"]
    assert session.current().question.id == "a2"


def test_probe_reply_naming_evidence_settles_it(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    assert fired(session, "4") == "unevidenced_high"
    outcome = session.answer("The 2008 review by the Audit Commission", NOW)
    assert [t.kind for t in outcome.turns] == ["probe_answer", "ask"]


def test_skipping_a_probe_moves_on(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    fired(session, "1")
    outcome = session.skip(NOW)
    assert [t.kind for t in outcome.turns] == ["skip", "ask"]
    assert outcome.turns[0].trigger == "low"


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("We have minutes", True),
        ("Signed in 2009", True),
        ("The Hill Park Project brought partners together", True),
        ("The LAA covers it", True),
        ("for example the youth forum", True),
        ("it is fine really", False),
        ("Yes", False),
        ("OK", False),
        ("YES", False),
        ("2", False),
        ("12 members", True),
        ("2008", True),
        ("14/03/2009", True),
        # A document's name used as a state or a verb names no document.
        ("under review", False),
        ("It is under review at the moment", False),
        ("awaiting consultation", False),
        ("we plan to look at it", False),
        ("they will review it soon", False),
        ("planning to start something", False),
        ("the review found gaps", True),
        ("our action plan covers it", True),
        ("Our action plan to tackle anti-social behaviour was agreed", True),
        ("agreed under the 2009 plan", True),
        ("we review the strategy yearly", True),
    ],
)
def test_names_evidence(text: str, evidence: bool) -> None:
    assert names_evidence(text) is evidence


def test_hedges_and_vagueness() -> None:
    assert is_hedged("I think it works")
    assert is_hedged("Probably, yes")
    assert not is_hedged("It works: see the 2009 minutes")
    assert is_vague("fine")
    assert is_vague("I think the partnership has a plan of some kind somewhere")
    assert not is_vague("The partnership agreed its information sharing protocol in March 2009")


@pytest.mark.parametrize(
    ("answer", "trigger"),
    [
        # Short, but naming a dated or documented record: where to look is said.
        ("3 - Done - signed Jan 2010", ""),
        ("3 - Yes, minutes of 3 March", ""),
        ("3 - agreed at the 2009 board", ""),
        # Short and naming nothing: still a bit vague.
        ("3 - Yes we do", "vague"),
        ("3 - OK", "vague"),
        ("3 - Mostly OK", "vague"),
        ("3 - signed off", "vague"),
    ],
)
def test_a_short_comment_naming_evidence_is_not_vague(
    mini_chat: LoadedDialogue, answer: str, trigger: str
) -> None:
    assert fired(started(mini_chat), answer) == trigger
