"""Parsing typed answers: whole-word option keys, clean numbers, Don't know, not applicable."""

from __future__ import annotations

import pytest

from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer
from bot.engine.typed import typed_option
from bot.loading import LoadedFramework
from bot.model import Question


def parse(framework: LoadedFramework, question_id: str, text: str):
    question = framework.framework.question(question_id)
    return parse_answer(question, framework.framework.scale_of(question), text)


@pytest.fixture(scope="module")
def wbt() -> LoadedFramework:
    return Catalogue().framework("working-better-together")


@pytest.fixture(scope="module")
def governance() -> LoadedFramework:
    return Catalogue().framework("governance-structure")


@pytest.mark.parametrize(
    ("text", "value", "comment"),
    [
        ("3", "fairly", ""),
        ("3 - the SCS was refreshed in 2008", "fairly", "the SCS was refreshed in 2008"),
        ("3, mostly", "fairly", "mostly"),
        ("3. The board agreed it", "fairly", "The board agreed it"),
        ("3) yes", "fairly", "yes"),
        ("fairly well.", "fairly", ""),
        ("Fairly well - see the minutes", "fairly", "see the minutes"),
        ("d", "dont_know", ""),
    ],
)
def test_an_option_is_the_whole_first_word(
    wbt: LoadedFramework, text: str, value: str, comment: str
) -> None:
    parsed = parse(wbt, "q1_1", text)
    assert (parsed.value, parsed.comment) == (value, comment)


@pytest.mark.parametrize("text", ["3.5", "3/4", "3-4", "3,5", "34", "3x"])
def test_a_key_run_into_more_is_refused_saying_what_is_accepted(
    wbt: LoadedFramework, text: str
) -> None:
    with pytest.raises(AnswerError) as refused:
        parse(wbt, "q1_1", text)
    message = str(refused.value)
    assert "Please answer with one of: 1, 2, 3, 4, d" in message
    assert "after the answer and a dash" in message or text == "34"


@pytest.mark.parametrize(
    "text",
    [
        "not sure",
        "Not sure really",
        "dunno",
        "I dunno",
        "don't know",
        "dont know",
        "Don’t know",
        "dk",
        "no idea",
        "I don't know",
        "unsure",
    ],
)
def test_the_usual_ways_of_saying_dont_know(wbt: LoadedFramework, text: str) -> None:
    parsed = parse(wbt, "q1_1", text)
    assert (parsed.abstain, parsed.label) == ("dont_know", "Don't know")
    assert parsed.comment == ""


def test_dont_know_with_a_comment(wbt: LoadedFramework) -> None:
    parsed = parse(wbt, "q1_1", "not sure - ask the LSP manager")
    assert (parsed.abstain, parsed.comment) == ("dont_know", "ask the LSP manager")


def test_the_typed_option_mark_agrees_with_the_parser(wbt: LoadedFramework) -> None:
    options = wbt.framework.scales["how_well"].options
    assert typed_option(options, "3.5") is None
    assert typed_option(options, "3 - yes").value == "fairly"
    assert typed_option(options, "no idea").value == "dont_know"


def test_dont_know_is_refused_where_the_scale_has_none() -> None:
    from bot.model import Option, Scale

    scale = Scale(
        options=(
            Option(value="yes", key="y", label="Yes", score=1),
            Option(value="no", key="n", label="No", score=0),
        )
    )
    question = Question(id="q", text="Q?", kind="yesno", scale="s")
    with pytest.raises(AnswerError, match="Don't know is not one of the answers here"):
        parse_answer(question, scale, "no idea")
    assert parse_answer(question, scale, "no, never").value == "no"


@pytest.mark.parametrize(
    ("text", "value", "comment"),
    [
        ("12", "12", ""),
        ("14 members", "14", ""),
        ("14 - two are vacant", "14", "two are vacant"),
        ("14, roughly", "14", "roughly"),
        ("0", "0", ""),
    ],
)
def test_clean_numbers(governance: LoadedFramework, text: str, value: str, comment: str) -> None:
    parsed = parse(governance, "board_size", text)
    assert (parsed.value, parsed.comment) == (value, comment)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1e9", "Please answer with a whole number of members, such as 12"),
        ("12.5", '"12.5" is not a whole number'),
        ("3/4", "Please answer with a whole number of members"),
        ("12-15", "Please give one number of members (a typical one if it varies)"),
        ("12 to 15", "Please give one number of members"),
        ("1,00", "Please answer with a whole number"),
        ("about 12", "Please answer with a whole number"),
        ("-1", "at least 0"),
        ("5000", "at most 200"),
    ],
)
def test_numbers_that_are_not_clean_are_refused(
    governance: LoadedFramework, text: str, says: str
) -> None:
    with pytest.raises(AnswerError) as refused:
        parse(governance, "board_size", text)
    assert says in str(refused.value)


def test_a_fraction_where_the_unit_is_not_counted(governance: LoadedFramework) -> None:
    question = governance.framework.question("board_size").model_copy(
        update={"whole": False, "maximum": None}
    )
    assert parse_answer(question, None, "12.5").value == "12.5"
    assert parse_answer(question, None, "1,000").value == "1000"
    assert parse_answer(question, None, "1000000").value == "1000000"


@pytest.mark.parametrize("text", ["d", "don't know", "not sure really", "no idea"])
def test_dont_know_on_a_number_question_that_allows_it(
    governance: LoadedFramework, text: str
) -> None:
    parsed = parse(governance, "board_size", text)
    assert (parsed.abstain, parsed.label, parsed.score) == ("dont_know", "Don't know", None)


def test_the_refusal_says_dont_know_is_possible(governance: LoadedFramework) -> None:
    with pytest.raises(AnswerError, match="or d for Don't know"):
        parse(governance, "board_size", "lots")


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("n/a", ""),
        ("N/A", ""),
        ("na", ""),
        ("Not applicable", ""),
        ("This does not apply: we are a unitary authority", "we are a unitary authority"),
        ("does not apply - unitary", "unitary"),
        ("It doesn't apply.", ""),
    ],
)
def test_not_applicable_where_the_question_invites_it(
    wbt: LoadedFramework, text: str, comment: str
) -> None:
    parsed = parse(wbt, "q3_5", text)
    assert (parsed.abstain, parsed.label, parsed.comment) == (
        "not_applicable",
        "Not applicable",
        comment,
    )


def test_not_applicable_is_text_where_it_is_not_invited(wbt: LoadedFramework) -> None:
    assert parse(wbt, "q7_1", "n/a").abstain == ""
    with pytest.raises(AnswerError):
        parse(wbt, "q1_1", "n/a")
