"""An anonymised report takes a respondent's name out of quotes where it is used as a
name, never an ordinary word that happens to be part of it ("Will Strong" leaves "we will
work" whole). The rule, in bot/report/redact.py and docs/reports.md, as properties over
examples."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from bot.report.redact import NAME, redactor

PEOPLE = ["Will Strong", "May Hope", "Grace Wood", "Mark Forward"]
"""Respondents whose every name part is also an ordinary word."""
FILLER = ["we", "the", "board", "work", "agreed", "plan", "and", "to", "it", "well"]
"""Words that are nobody's name."""
ORDINARY = sorted({p.casefold() for name in PEOPLE for p in name.split()})
redact = redactor(PEOPLE, ["Dacorum Borough Council"])

words = st.lists(st.sampled_from(FILLER + ORDINARY), min_size=1, max_size=12)


def no_whole_name(text: list[str]) -> bool:
    """Whether no respondent's whole name stands in the words (that is always taken out,
    in any case)."""
    joined = f" {' '.join(text)} "
    return not any(f" {person.casefold()} " in joined for person in PEOPLE)


@given(words)
def test_ordinary_words_in_lower_case_are_left_whole(text: list[str]) -> None:
    assume(no_whole_name(text))
    sentence = " ".join(text)
    assert redact(sentence) == sentence


@given(words)
def test_a_sentence_may_begin_with_one(text: list[str]) -> None:
    assume(no_whole_name(text))
    sentence = " ".join(text)
    capitalised = sentence[0].upper() + sentence[1:]
    assert redact(capitalised) == capitalised
    after_a_stop = f"It went well. {capitalised}"
    assert redact(after_a_stop) == after_a_stop


@given(words, st.sampled_from(PEOPLE), st.sampled_from(["lower", "upper", "title"]))
def test_a_whole_name_goes_in_any_case_and_place(text: list[str], person: str, case: str) -> None:
    written = getattr(person, case)()
    sentence = " ".join([*text, written, *text])
    out = redact(sentence)
    assert NAME in out
    assert written not in out


@given(words, st.sampled_from(PEOPLE), st.integers(0, 1))
def test_a_name_part_with_a_capital_inside_a_sentence_goes(
    text: list[str], person: str, which: int
) -> None:
    part = person.split()[which]
    out = redact(" ".join(["we", "asked", part, *text]))
    assert out.startswith(f"we asked {NAME}")


@given(words, st.sampled_from(["ann", "Archer", "ARCHER", "ng", "Dacorum"]))
def test_a_name_part_that_is_no_ordinary_word_goes_wherever_it_stands(
    text: list[str], part: str
) -> None:
    named = redactor(["Ann Archer", "Li Ng"], ["Dacorum Borough Council"])
    out = named(" ".join([part, *text]))
    assert out.split()[0] in (NAME, "[organisation]")


def test_the_examples_from_the_rule() -> None:
    assert redact("we will work with the strong") == "we will work with the strong"
    assert redact("Will we manage? I asked Will.") == f"Will we manage? I asked {NAME}."
    assert redact("Strong leadership matters") == "Strong leadership matters"
    assert redact("as Strong said, WILL STRONG agreed") == f"as {NAME} said, {NAME} agreed"
    assert redact('"Hope so," said Grace') == f'"Hope so," said {NAME}'
