"""Reasonable answers are understood or refused saying why: spoken yes/no (yep, nope), a
misspelt label (did you mean), a number in words (digits wanted), an answer the question
does not have (partly at yes/no, n/a where not offered)."""

from __future__ import annotations

import pytest

from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer


def _parse(framework: str, question_id: str, text: str):
    loaded = Catalogue().framework(framework).framework
    question = loaded.question(question_id)
    return parse_answer(question, loaded.scale_of(question), text)


@pytest.mark.parametrize(
    ("text", "value", "comment"),
    [
        ("yep", "yes", ""),
        ("Yeah, we do", "yes", "we do"),
        ("yup.", "yes", ""),
        ("nope", "no", ""),
        ("nah - we are working on it", "no", "we are working on it"),
    ],
)
def test_spoken_yes_and_no_name_yes_and_no(text: str, value: str, comment: str) -> None:
    parsed = _parse("hallmarks", "h1_1", text)
    assert (parsed.value, parsed.comment) == (value, comment)


def test_spoken_yes_names_nothing_where_no_option_is_yes() -> None:
    with pytest.raises(AnswerError):
        _parse("working-better-together", "q2_4", "yep")


def test_a_misspelt_label_gets_the_closest_option() -> None:
    with pytest.raises(AnswerError, match=r"did you mean Fairly well \(3\)\?") as refused:
        _parse("working-better-together", "q2_4", "fairy well")
    assert "Not at all well (1) or" not in str(refused.value)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("twelve", 'digits: 12 for "twelve"'),
        ("Twelve members", "digits: 12"),
        ("twenty-one", "digits."),
    ],
)
def test_a_number_in_words_is_asked_for_in_digits(text: str, says: str) -> None:
    with pytest.raises(AnswerError, match="Please give the number in digits") as refused:
        _parse("governance-structure", "board_size", text)
    assert says in str(refused.value)


def test_none_at_a_number_question_suggests_0() -> None:
    with pytest.raises(AnswerError, match=r'For "none", please type 0\.'):
        _parse("governance-structure", "executive_size", "none")


def test_partly_at_a_yes_no_question_says_it_has_no_in_between_answer() -> None:
    with pytest.raises(AnswerError) as refused:
        _parse("governance-structure", "deputies", "partly")
    assert str(refused.value) == (
        '"partly" does not fit here: this question has no in-between answer. '
        "The answers are: Yes (y), No (n), Don't know (d)."
    )


@pytest.mark.parametrize(
    ("framework", "question"),
    [("working-better-together", "q6_4"), ("governance-structure", "board_size")],
)
def test_n_a_where_not_offered_says_so(framework: str, question: str) -> None:
    with pytest.raises(AnswerError, match="This question does not take Not applicable") as refused:
        _parse(framework, question, "n/a")
    assert refused.value.skippable


def test_n_a_where_offered_is_still_taken() -> None:
    assert _parse("working-better-together", "q3_5", "n/a").abstain == "not_applicable"
