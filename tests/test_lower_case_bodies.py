"""A body named in lower case ("the district council agreed it") names evidence, as "the
District Council" and "the CSP" do; a body's word alone ("the council is fine") and an
answer that says only yes ("yes we do") name none, for the follow-up and the report
alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.evidence import is_vague, names_evidence, said_names_evidence
from tests.test_shouted_evidence import NOW, report_evidence, to_question

BODIES = (
    "the district council",
    "the county council",
    "the borough council",
    "the city council",
    "the parish council",
    "the police authority",
    "the fire authority",
    "the partnership board",
    "the executive board",
    "the health trust",
    "the primary care trust",
    "the community safety partnership",
    "the local strategic partnership",
    "the steering group",
    "the scrutiny committee",
    "the children's trust",
    "the children’s trust",
    "the CSP",
    "our steering group",
    "their partnership board",
    "the new district council",
)
"""Bodies named in lower case (and an acronym, as before)."""

LOWER_CASE = tuple(b for b in BODIES if b.startswith("the ") and b.islower())
"""The bodies above named with "the", in lower case."""

COMMON_BODIES = (
    "the local authority",
    "the health and wellbeing board",
    "the clinical commissioning group",
    "the housing association",
    "the police force",
    "the youth offending team",
    "the working group",
)
"""The bodies a partnership names most often, in lower case."""

NOT_BODIES = (
    "the council",
    "the board",
    "the partnership",
    "our partnership",
    "the authority",
    "the group",
    "they",
    "we",
    "everyone",
    "the health service",
    "health services",
    "the police service",
    "primary care services",
    "management services",
    "district councils",
    "a strategic partnership",
    "a partnership group",
    "a thematic group",
    "no partnership board",
    "no steering group",
    "not the district council",
    "without the steering group",
    "a lack of the partnership board",
    "our strategic partnership",
    "this strategic partnership",
)
"""A body's word alone, a sector or bodies in general, no determiner naming one body, a
negated body or the assessed partnership describing itself: which body is meant is not
said."""

SAID_OF_NONE = (
    "the health service is fine",
    "health services are stretched",
    "better management services needed",
    "we are not yet a strategic partnership",
    "it is more of a strategic partnership now",
    "there is no partnership board",
    "we have no steering group",
    "we don't have the steering group any more",
    "we are the local strategic partnership",
    "there isn't a working group",
)
"""Answers in the words of a body that name no body (a sector, a negation, the
partnership itself)."""

NEGATIONS = ("no", "not", "without", "lack of", "never", "don't have")
"""Words that say a body is not there."""

FRAMES = (
    "{} agreed it",
    "agreed by {}",
    "{} signed it off",
    "it went to {}",
    "{} is fine",
    "yes, {} does",
)
"""Sentences around a body, with no document, date, number or example of their own."""

VAGUE = ("the council is fine", "yes we do", "yes", "we do", "the board is good", "it works")
"""Answers that name no evidence."""


@given(body=st.sampled_from(BODIES), frame=st.sampled_from(FRAMES))
def test_a_body_named_in_lower_case_names_evidence(body: str, frame: str) -> None:
    text = frame.format(body)
    assert names_evidence(text), text
    assert said_names_evidence([text]) and not is_vague(text)


@given(body=st.sampled_from(COMMON_BODIES), frame=st.sampled_from(FRAMES))
def test_the_commonest_bodies_in_lower_case_name_evidence(body: str, frame: str) -> None:
    text = frame.format(body)
    assert names_evidence(text) and not is_vague(text), text


@given(
    body=st.sampled_from(LOWER_CASE + COMMON_BODIES),
    negation=st.sampled_from(NEGATIONS),
    frame=st.sampled_from(("we have {}", "there is {}", "it went {}", "{} at all")),
)
def test_a_negated_body_names_none(body: str, negation: str, frame: str) -> None:
    said = body.removeprefix("the ") if negation == "no" else body
    text = frame.format(f"{negation} {said}")
    assert not names_evidence(text) and is_vague(text), text


@given(body=st.sampled_from(LOWER_CASE + COMMON_BODIES))
def test_a_body_in_general_or_in_the_plural_names_none(body: str) -> None:
    one = body.removeprefix("the ")
    for text in (f"{one}s are stretched", f"a {one} would help", f"any {one} is fine"):
        assert not names_evidence(text), text


def test_answers_in_a_bodys_words_that_name_none_stay_vague() -> None:
    assert [t for t in SAID_OF_NONE if names_evidence(t) or not is_vague(t)] == []


@given(word=st.sampled_from(NOT_BODIES), frame=st.sampled_from(FRAMES))
def test_a_bodys_word_alone_names_no_evidence(word: str, frame: str) -> None:
    text = frame.format(word)
    assert not names_evidence(text), text
    assert is_vague(text)


@given(body=st.sampled_from(BODIES), frame=st.sampled_from(FRAMES))
def test_a_lower_case_body_typed_in_capitals_is_shouting_and_names_none(
    body: str, frame: str
) -> None:
    shouted = frame.format(body).upper()
    assert not names_evidence(shouted), shouted


def test_vague_answers_stay_vague() -> None:
    assert [t for t in VAGUE if names_evidence(t) or not is_vague(t)] == []


def test_a_top_score_naming_a_body_in_lower_case_is_not_followed_up_and_counts(
    catalogue: Catalogue,
) -> None:
    dialogue = catalogue.dialogue("working-better-together-self")
    for comment, evidence in (
        ("the district council agreed it", True),
        ("the partnership board signed it off", True),
        ("the council is fine", False),
        ("yes we do", False),
        ("health services are stretched", False),
        ("we are not yet a strategic partnership", False),
        ("the local authority agreed it", True),
    ):
        session = Session(dialogue)
        session.begin(NOW)
        to_question(session, "3.6")
        question = session.current().question.id
        outcome = session.answer(f"4 - {comment}", NOW)
        probed = [t.trigger for t in outcome.turns if t.kind == "probe"]
        assert probed == ([] if evidence else ["unevidenced_high"]), comment
        assert report_evidence(dialogue, session, question) is evidence
