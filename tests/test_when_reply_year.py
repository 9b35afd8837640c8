"""A year alone ("2009") in reply to a follow-up that asks when is what was asked: the
reply is the respondent's words, quoted, read for evidence (a date) and never offered
as the next question's key; a lone number to any other follow-up stays no words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import is_reply_words
from bot.scoring import compile_transcript
from tests.test_chat_follow_up_keys import begun, said
from tests.test_final_path import transcript_of
from tests.test_shouted_evidence import NOW, to_question
from tests.tui_helpers import log_text, running, send

WHEN = "When did scrutiny last challenge the LSP's performance, and on what?"
"""The follow-up to a top score at Working Better Together 2.2: it asks when."""


@pytest.mark.parametrize(
    ("reply", "prompt", "words"),
    [
        ("2009", WHEN, True),
        (" 2009 ", "Could you say more: when was it agreed?", True),
        ("12/03/2009", WHEN, True),
        ("2009", "What keeps the Board at this size?", False),
        ("2", WHEN, False),
        ("12", WHEN, False),
        ("3.5", WHEN, False),
        ("in 2009", "What keeps the Board at this size?", True),
        (":skip", WHEN, False),
    ],
)
def test_a_date_alone_is_words_only_in_reply_to_when(reply: str, prompt: str, words: bool) -> None:
    assert is_reply_words(reply, prompt) is words


def _at_2_2(catalogue: Catalogue) -> tuple[Session, str]:
    dialogue = catalogue.dialogue("working-better-together-self")
    session = Session(dialogue)
    session.begin(NOW)
    to_question(session, "2.2")
    question = session.current().question.id
    outcome = session.answer("4", NOW)
    assert [t.text for t in outcome.turns if t.kind == "probe"] == [WHEN]
    return session, question


@pytest.mark.parametrize(("reply", "evidence"), [("2009", True), ("12", False)])
def test_a_year_in_reply_to_when_is_quoted_and_counts_as_evidence(
    catalogue: Catalogue, reply: str, evidence: bool
) -> None:
    session, question = _at_2_2(catalogue)
    outcome = session.answer(reply, NOW)
    assert not [t for t in outcome.turns if t.kind == "probe"]
    dialogue = catalogue.dialogue("working-better-together-self")
    report = compile_transcript(transcript_of(session), dialogue.framework)
    result = next(q for a in report.areas for q in a.questions if q.question.id == question)
    assert result.evidence is evidence
    assert (reply in result.words) is evidence


async def test_the_chat_keeps_a_year_to_when_as_the_reply_never_asking_or_calling_it_unquoted(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    talk.begin()
    while not (talk.current().kind == "ask" and talk.current().question.number == "2.2"):
        if talk.current().kind == "probe":
            assert talk.skip().accepted
        elif not talk.answer("3").accepted:
            assert talk.answer("Elected at the AGM in May 2008").accepted
    async with running(catalogue, tmp_path, talk, size=(100, 40)) as (app, pilot):
        await send(pilot, "4")
        assert talk.current().kind == "probe" and talk.current().text == WHEN
        await send(pilot, "2009")
        log = log_text(app)
        assert "an answer's key" not in log and "not quoted" not in log
        assert talk.current().kind == "ask"
    assert said(talk.path)[-2:] == [("answer", "q2_2", "4"), ("probe_answer", "q2_2", "2009")]
    assert store.load(talk.path).transcript.turns[-1].kind == "ask"
