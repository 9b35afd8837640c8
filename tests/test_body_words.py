"""One list of body words (`bot.engine.bodies`) serves the evidence rule, the follow-ups'
reading of who and the anonymiser: a body's word names who to a "who" follow-up, names
no body as evidence alone, and is never taken out of an anonymised quote by itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.engine.bodies import BODY_NAME_WORDS, BODY_WORDS
from bot.engine.evidence import names_evidence
from bot.engine.probes import does_what_was_asked, gives_name
from bot.report.redact import distinctive, redactor


@given(word=st.sampled_from(BODY_WORDS))
def test_a_bodys_word_names_who_and_alone_no_evidence(word: str) -> None:
    assert gives_name(f"the {word} did") and does_what_was_asked(f"the {word}", "name")
    assert not names_evidence(f"the {word} is fine")


def test_the_steering_group_answers_who() -> None:
    assert gives_name("the steering group") and gives_name("the scrutiny committee")
    assert not gives_name("we do") and not gives_name("nobody")


@given(word=st.sampled_from(sorted(BODY_NAME_WORDS)))
def test_no_body_word_names_an_organisation_by_itself(word: str) -> None:
    assert not distinctive(word) and not distinctive(word.title())


def test_an_organisations_body_words_stay_in_a_quote_where_they_are_not_its_name() -> None:
    redact = redactor([], ["Dacorum Scrutiny Panel"])
    assert redact("the panel met; scrutiny is weak; Dacorum did") == (
        "the panel met; scrutiny is weak; [organisation] did"
    )
    assert redact("the Dacorum Scrutiny Panel met") == "the [organisation] met"
