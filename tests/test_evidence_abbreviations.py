"""A document named by its usual abbreviation ("agreed in the ToR", "the SCS"), a body's
word in capitals ("to full Council") and how often in words ("twice a year",
"quarterly") name evidence, as the documented definition says (a document, body or
number); vague answers stay vague, for the follow-up and the report alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.evidence import is_vague, names_evidence, said_names_evidence
from tests.test_lower_case_bodies import FRAMES, VAGUE
from tests.test_shouted_evidence import NOW, report_evidence, to_question

DOCUMENTS = (
    "the ToR",
    "the ToRs",
    "the tor",
    "the TOR",
    "the terms of reference",
    "the SCS",
    "the scs",
    "the LAA",
    "the laa",
    "the MoU",
    "the constitution",
    "the minutes",
    "the action plan",
    "the work programme",
)
"""Documents, by their words or their usual abbreviations."""

DOCUMENT_FRAMES = ("agreed in {}", "named in {}", "yes, {} says so", "it is set out in {}")
"""Sentences around a document, with nothing else that names evidence."""

CAPITAL_BODIES = ("full Council", "Cabinet", "the Council", "the Board", "the Executive")
"""A body's word in capitals."""

FREQUENCIES = (
    "twice a year",
    "once a month",
    "three times a year",
    "four times per year",
    "every two months",
    "every other month",
    "each quarter",
    "quarterly",
    "monthly",
    "bi-monthly",
    "twice yearly",
    "annually",
)
"""How often, in words."""

FREQUENCY_FRAMES = ("we meet {}", "{} to the board", "yes - {}", "it is reviewed {}")
"""Sentences around a frequency."""

NOT_EVIDENCE = (
    "yes we do",
    "the council is fine",
    "Council is fine",
    "we meet regularly",
    "we meet often",
    "a few times a year",
    "now and then",
    "the board is good",
    "it is stored safely",
    "a torrent of ideas",
    "history shows it",
    "the group is compact",
    "AGREED IN THE TOR",
    "the health service is fine",
    "the police service does its best",
    "better management services needed",
    "there is no partnership board",
    "we have no steering group",
    "we are not yet a strategic partnership",
    "it is a thematic group thing",
)
"""Vague answers: no document, body, number or frequency (and shouting, whose words name
none)."""


@given(document=st.sampled_from(DOCUMENTS), frame=st.sampled_from(DOCUMENT_FRAMES))
def test_a_document_by_its_abbreviation_names_evidence(document: str, frame: str) -> None:
    text = frame.format(document)
    assert names_evidence(text), text
    assert said_names_evidence([text]) and not is_vague(text)


@given(
    body=st.sampled_from(CAPITAL_BODIES),
    frame=st.sampled_from([f for f in FRAMES if not f.startswith("{}")]),
)
def test_a_bodys_word_in_capitals_names_evidence(body: str, frame: str) -> None:
    text = frame.format(body)
    assert names_evidence(text), text


def test_a_bodys_word_starting_a_sentence_is_no_name() -> None:
    # Every sentence's first word has a capital: "Council is fine" says no more than
    # "the council is fine".
    assert not names_evidence("Council is fine") and not names_evidence("Fine. Board is ok")


@given(often=st.sampled_from(FREQUENCIES), frame=st.sampled_from(FREQUENCY_FRAMES))
def test_how_often_in_words_names_evidence(often: str, frame: str) -> None:
    text = frame.format(often)
    assert names_evidence(text), text
    assert names_evidence(text.upper()), "a frequency names evidence however it is typed"


@given(text=st.sampled_from(NOT_EVIDENCE + VAGUE))
def test_vague_answers_name_none(text: str) -> None:
    assert not names_evidence(text), text
    assert is_vague(text)


def test_a_top_score_naming_the_tor_is_not_followed_up_and_counts(catalogue: Catalogue) -> None:
    dialogue = catalogue.dialogue("working-better-together-self")
    for comment, evidence in (
        ("named in the ToR", True),
        ("agreed in the ToR", True),
        ("twice a year to full Council", True),
        ("we meet quarterly", True),
        ("we meet regularly", False),
        ("the council is fine", False),
    ):
        session = Session(dialogue)
        session.begin(NOW)
        to_question(session, "3.6")
        question = session.current().question.id
        outcome = session.answer(f"4 - {comment}", NOW)
        probed = [t.trigger for t in outcome.turns if t.kind == "probe"]
        assert probed == ([] if evidence else ["unevidenced_high"]), comment
        assert report_evidence(dialogue, session, question) is evidence, comment


@pytest.mark.parametrize(
    "text",
    [
        "1 - annual",
        "an annual conference",
        "biannual",
        "bi-annual review",
        "biennial",
        "reviewed biennially",
        "semi-annual",
    ],
)
def test_annual_and_its_kin_name_how_often(text: str) -> None:
    assert names_evidence(text), text
    assert names_evidence(text.upper()), text
