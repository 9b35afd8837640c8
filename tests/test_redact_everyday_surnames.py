"""A person whose surname is an everyday word an organisation's name is made of ("Pat
Voluntary", "Sam Church", "Jo Young") loses it from people's words only where it is used
as their name: "the voluntary sector" keeps its word, "Mr Voluntary" and "as Voluntary
said" do not. The rule of bot/report/redact.py (`distinctive`, `_as_name`), as
properties over examples."""

from __future__ import annotations

import re

from hypothesis import assume, given
from hypothesis import strategies as st

from bot.report.redact import GENERIC_WORDS, NAME, ORGANISATION_WORDS, redactor

PEOPLE = ["Pat Voluntary", "Sam Church", "Jo Young", "Kim Safety", "Lee Parish"]
"""Respondents whose surname is one of the words organisations' names are made of."""
SURNAMES = sorted(p.split()[-1].casefold() for p in PEOPLE)
FILLER = ["the", "sector", "hall", "people", "board", "agreed", "works", "with", "and", "plan"]
"""Words that are nobody's name."""
redact = redactor(PEOPLE, ["Dacorum Borough Council"])

words = st.lists(st.sampled_from(FILLER + SURNAMES), min_size=1, max_size=10)


def test_the_surnames_are_everyday_words_of_organisations_names() -> None:
    assert set(SURNAMES) <= ORGANISATION_WORDS | GENERIC_WORDS


def no_whole_name(text: list[str]) -> bool:
    """Whether no whole name stands in the words (that is taken out in any case)."""
    joined = f" {' '.join(text)} "
    return not any(f" {p.split()[0].casefold()} " in joined for p in PEOPLE)


@given(words)
def test_the_everyday_word_in_lower_case_is_left_whole(text: list[str]) -> None:
    assume(no_whole_name(text))
    sentence = " ".join(text)
    assert redact(sentence) == sentence


@given(words)
def test_a_sentence_may_begin_with_it(text: list[str]) -> None:
    assume(no_whole_name(text))
    sentence = " ".join(text)
    capitalised = f"It went well. {sentence[0].upper()}{sentence[1:]}"
    assert redact(capitalised) == capitalised


@given(
    st.sampled_from(PEOPLE),
    st.sampled_from(["Mr {}", "cllr {}", "Cllr. {}", "as {} said", "{}'s view", "{}"]),
    st.sampled_from(["title", "upper"]),
)
def test_the_surname_used_as_a_name_goes(person: str, frame: str, case: str) -> None:
    surname = getattr(person.split()[-1], case)()
    out = redact("we said " + frame.format(surname))
    assert NAME in out and not re.search(rf"(?<!\w){surname}(?!\w)", out, re.I), out


def test_the_examples_from_the_rule() -> None:
    said = "Pat Voluntary said the voluntary sector agreed. Voluntary groups met Mr Voluntary."
    assert (
        redact(said) == f"{NAME} said the voluntary sector agreed. Voluntary groups met Mr {NAME}."
    )
    assert redact("the church hall and young people") == "the church hall and young people"
    assert redact("as Church said, jo young agreed") == f"as {NAME} said, {NAME} agreed"
    assert redact("P. Voluntary and VOLUNTARY") == f"{NAME} and {NAME}"


def test_a_title_that_is_an_everyday_word_makes_no_name_in_lower_case() -> None:
    """ "miss", "pc" and "sir" in lower case are words, not titles: the word after them
    keeps its place unless it is written as a name."""
    take = redactor(["Will Strong"], [])
    assert take("we miss strong leadership") == "we miss strong leadership"
    assert take("the pc will check") == "the pc will check"
    assert take("sir will do it") == "sir will do it"
    assert take("Miss Strong said so") == "Miss [name] said so"
    assert take("cllr strong agreed") == "cllr [name] agreed"
