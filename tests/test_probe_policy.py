"""The probe policy on its own, and not-applicable answers through a session and a report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.probes import (
    ProbeState,
    Said,
    asks_for,
    does_what_was_asked,
    fires,
    next_probe,
    probe_text,
)
from bot.loading import LoadedDialogue
from bot.model import Probe, Question, Turn
from bot.model.framework import Range
from bot.scoring import compile_transcript
from tests.test_final_path import started, through, transcript_of

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
WHO = Question(id="who", text="If so, who is best placed to fulfil this role?", kind="text")


def answer(text: str = "", **fields) -> Turn:
    return Turn(
        seq=1, at=NOW, speaker="respondent", kind="answer", question="who", text=text, **fields
    )


def state(words: str, expected: str = "name", **fields) -> ProbeState:
    return ProbeState(WHO, None, answer(words, value=words, **fields), [Said(words, expected)], [])


VAGUE = Probe(on="vague", text="Could you name them?")


@pytest.mark.parametrize(
    ("wording", "asks"),
    [
        ("If so, who is best placed to fulfil this role?", "name"),
        ("That's fine. Who in the partnership would know?", "name"),
        ("Could you say a little more: who proposed the chair, who agreed it, and when?", "name"),
        ("When was the risk assessment done, and what were the top risks?", "date"),
        ("Could you give an example: a joint meeting, a shared project?", ""),
        ("Do all representatives have designated deputies who are familiar?", ""),
    ],
)
def test_what_a_prompt_asks_for(wording: str, asks: str) -> None:
    assert asks_for(wording) == asks


@pytest.mark.parametrize(
    ("words", "expected", "done"),
    [
        ("Cllr Jane Smith", "name", True),
        ("Jane Smith", "name", True),
        ("the portfolio holder for community safety", "name", True),
        ("the chief executive", "name", True),
        ("probably someone from the council", "name", False),
        ("not sure", "name", False),
        ("nobody really", "name", False),
        ("March 2009", "date", True),
        ("last spring", "date", True),
        ("a while back", "date", False),
        ("Jane Smith", "", False),
    ],
)
def test_does_what_was_asked(words: str, expected: str, done: bool) -> None:
    assert does_what_was_asked(words, expected) is done


def test_a_name_to_a_who_question_is_not_vague() -> None:
    assert not fires(VAGUE, state("Cllr Jane Smith"), lambda: True)
    assert not fires(VAGUE, state("the chief executive"), lambda: True)
    assert fires(VAGUE, state("someone, probably"), lambda: True)
    # A role is what a who question asks for; elsewhere it names no evidence. (A person's
    # name is a named body, evidence wherever it is given.)
    assert fires(VAGUE, state("the chief executive", expected=""), lambda: True)


def test_not_applicable_is_never_followed_up() -> None:
    for on in ("vague", "low", "dont_know", "unevidenced_high"):
        probe = Probe(on=on, text="Why?")
        assert not fires(probe, state("n/a", abstain="not_applicable"), lambda: True)


def test_next_probe_order_once_and_cap() -> None:
    probes = [Probe(on="vague", text="More?"), Probe(on="dont_know", text="Who would know?")]
    vague = state("something")
    assert next_probe(probes, vague, 2, lambda i: True) == 0
    fired_once = ProbeState(WHO, None, vague.answer, vague.said, [0])
    assert next_probe(probes, fired_once, 2, lambda i: True) is None
    assert next_probe(probes, vague, 0, lambda i: True) is None


def test_inconsistent_uses_the_check() -> None:
    probe = Probe(on="inconsistent", text="Why?", check="a1 == 1")
    assert fires(probe, state("x"), lambda: False)
    assert not fires(probe, state("x"), lambda: True)


def test_probe_text_fills_the_range() -> None:
    question = Question(id="n", text="How many?", kind="number", recommended=Range(min=12, max=15))
    assert probe_text(Probe(on="out_of_range", text="Why not {range}?"), question) == (
        "Why not 12-15?"
    )


# ----- through a session and a report ---------------------------------------------------


def to_question(session: Session, question_id: str, answer_with: str = "3") -> None:
    """Answer everything (follow-ups skipped) until the question is asked."""
    while session.current().question.id != question_id:
        through(session, answer_with if session.current().question.kind != "text" else "x y z")
        while session.current().kind == "probe":
            session.skip(NOW)


@pytest.mark.parametrize(
    "text", ["n/a", "This does not apply: we are a unitary authority", "not applicable"]
)
def test_does_not_apply_gets_no_vague_follow_up(text: str) -> None:
    catalogue = Catalogue()
    session = started(catalogue.dialogue("working-better-together-self"))
    to_question(session, "q3_5")
    outcome = session.answer(text, NOW)
    assert outcome.accepted
    assert not any(t.kind == "probe" for t in outcome.turns)
    assert session.current().question.id == "q3_6"


def test_not_applicable_lowers_neither_score_nor_coverage() -> None:
    catalogue = Catalogue()
    dialogue = catalogue.dialogue("working-better-together-self")
    framework = dialogue.framework
    session = started(dialogue)
    to_question(session, "q3_5")
    through(session, "This does not apply: we are a unitary authority")
    area = next(a for a in compile_transcript(transcript_of(session), framework).areas
                if any(q.question.id == "q3_5" for q in a.questions))  # fmt: skip
    result = next(q for q in area.questions if q.question.id == "q3_5")
    assert result.shown_answer == "Not applicable"
    assert result.words == ("we are a unitary authority",)
    assert result.score is None
    asked = [q for q in area.questions if q.asked and q.question.kind != "text"]
    assert area.coverage == sum(1 for q in asked if q.score is not None) / len(asked)


def test_a_name_at_the_hallmarks_follow_on_is_not_called_vague() -> None:
    catalogue = Catalogue()
    session = started(catalogue.dialogue("hallmarks-self"))
    through(session, "y", "y", "y", "y", "y")
    assert session.current().question.id == "h1_5b"
    outcome = session.answer("Cllr Jane Smith, the portfolio holder", NOW)
    assert not any(t.kind == "probe" for t in outcome.turns)
    assert session.current().question.id == "h1_6"


def test_a_name_in_reply_to_who_would_know_is_not_called_vague(
    mini_chat,
) -> None:
    session = Session(mini_chat)
    session.begin(NOW)
    session.answer("d", NOW)
    assert session.current().text == "Who would know?"
    outcome = session.answer("Jane Smith", NOW)
    assert not any(t.kind == "probe" for t in outcome.turns)


@pytest.mark.parametrize(
    ("words", "vague"),
    [
        ("Done - signed Jan 2010", False),
        ("Yes, minutes of 3 March", False),
        ("Yes, in the 2009 strategy", False),
        ("Yes we do", True),
        ("YES WE DO", True),  # shouted: capitals, not acronyms
        ("Yes, signed by the CSP", False),  # an acronym among ordinary words
        ("Mostly OK", True),
        ("I think so, in 2009", True),  # hedged, whatever it names
    ],
)
def test_a_short_answer_is_vague_only_when_it_names_no_evidence(words: str, vague: bool) -> None:
    assert fires(VAGUE, state(words, expected=""), lambda: True) is vague


@pytest.mark.parametrize(
    ("comment", "evidence"),
    [
        ("Done - signed Jan 2010", True),
        ("Yes we do", False),
        ("YES WE DO", False),
        ("agreed with the CSP", True),
    ],
)
def test_the_follow_up_and_the_report_agree_on_evidence(
    mini_chat: LoadedDialogue, comment: str, evidence: bool
) -> None:
    session = started(mini_chat)
    outcome = session.answer(f"3 - {comment}", NOW)
    probed = [t.trigger for t in outcome.turns if t.kind == "probe"]
    assert probed == ([] if evidence else ["vague"])
    through(session, "yes")
    report = compile_transcript(transcript_of(session), mini_chat.framework)
    a1 = next(q for area in report.areas for q in area.questions if q.question.id == "a1")
    assert a1.evidence is evidence


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("signed by the CSP in Jan", True),
        ("agreed with the CSP", True),
        ("The LSPs meet", True),
        ("LAA", True),  # a lone word in capitals is read as an acronym
        ("YES WE DO", False),  # shouting
        ("WE HAVE THE CSP", False),  # shouted throughout: no word of it told apart
        ("OK", False),
        ("Yes we do", False),
    ],
)
def test_capitals_count_as_an_acronym_only_among_ordinary_words(text: str, acronym: bool) -> None:
    from bot.engine.evidence import names_acronym, names_evidence

    assert names_acronym(text) is acronym
    assert names_evidence(text) is acronym
