"""Words after a mark after a number are the comment, whatever they say ("12 - monthly"),
but a unit of another period than the question's ("4 - a month"), refused: no word
typed is dropped; only a unit that fits the question's, typed straight after
the number, is taken as its unit ("4 times a year - we meet quarterly": the comment is
"we meet quarterly")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import store
from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer
from bot.engine.typed import tokens
from bot.engine.units import PEOPLE_WORDS, PERIOD_WORDS, RATE_WORDS, other_period
from bot.model import Question

CATALOGUE = Catalogue()


def _number_questions() -> list[tuple[str, Question]]:
    """Every shipped number question, with its framework's id."""
    found = []
    for framework_id in sorted(CATALOGUE.framework_files()):
        framework = CATALOGUE.framework(framework_id).framework
        found += [
            (framework_id, question)
            for area in framework.areas
            for question in area.questions
            if question.kind == "number"
        ]
    return found


NUMBER_QUESTIONS = _number_questions()


def _parse(question_id: str, text: str):
    loaded = CATALOGUE.framework("governance-structure").framework
    question = loaded.question(question_id)
    return parse_answer(question, loaded.scale_of(question), text)


def test_every_shipped_number_question_is_tried() -> None:
    assert len(NUMBER_QUESTIONS) >= 7


@pytest.mark.parametrize(
    ("question", "text", "comment"),
    [
        ("thematic_meetings", "12 - monthly", "monthly"),
        ("thematic_meetings", "4 - quarterly", "quarterly"),
        ("thematic_size", "10 - weekly", "weekly"),
        ("board_size", "12 - monthly meetings", "monthly meetings"),
        ("board_meetings", "4 - a year", "a year"),
        ("board_meetings", "3 (yearly)", "yearly"),
        ("board_size", "12: members", "members"),
        (
            "thematic_meetings",
            "9 - quarterly, in the civic centre",
            "quarterly, in the civic centre",
        ),
    ],
)
def test_words_after_a_mark_are_the_comment_whatever_they_say(
    question: str, text: str, comment: str
) -> None:
    assert _parse(question, text).comment == comment


@pytest.mark.parametrize(
    ("question", "text", "comment"),
    [
        ("board_meetings", "4 times a year - we meet quarterly", "we meet quarterly"),
        ("board_meetings", "4 times a year", ""),
        ("board_meetings", "6 times per year", ""),
        ("board_meetings", "3 meetings a year (in the spring)", "in the spring"),
        ("board_size", "12 members, two are vacant", "two are vacant"),
        ("board_size", "12 people", ""),
        ("conferences", "1 a year: in the autumn", "in the autumn"),
    ],
)
def test_a_unit_that_fits_straight_after_the_number_is_its_unit(
    question: str, text: str, comment: str
) -> None:
    assert _parse(question, text).comment == comment


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("board_size", "12 monthly meetings"),  # members are counted, not meetings
        ("board_size", "12 members who attend"),  # a unit run on to words, no mark
        ("board_meetings", "4 times a year in the civic centre"),
    ],
)
def test_words_that_are_not_the_questions_unit_are_kept_whole(question: str, text: str) -> None:
    assert _parse(question, text).comment == text.partition(" ")[2]


MARKS = (" - ", " – ", " — ", ": ", "; ", " (", ", ", " -- ")
"""Marks that set a comment apart from a number."""

VOCABULARY = sorted(
    {"a", "an", "per", "the", "in", "every", "members", "meetings", "conferences"}
    | RATE_WORDS
    | PEOPLE_WORDS
    | set().union(*PERIOD_WORDS.values())
)
"""The words most likely to be taken for a unit."""

WORDS = st.lists(
    st.one_of(st.sampled_from(VOCABULARY), st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(
    asked=st.sampled_from(NUMBER_QUESTIONS),
    place=st.floats(min_value=0, max_value=1),
    mark=st.sampled_from(MARKS),
    words=WORDS,
)
def test_every_word_after_a_mark_is_kept(
    asked: tuple[str, Question], place: float, mark: str, words: list[str]
) -> None:
    framework_id, question = asked
    low, high = question.minimum or 0, question.maximum or 100
    number = int(low + (high - low) * place)
    text = f"{number}{mark}{' '.join(words)}"
    loaded = CATALOGUE.framework(framework_id).framework
    if other_period(question, " ".join(words), marked=True) is not None:
        # "4 - a month" where meetings a year are counted: refused, never a comment.
        with pytest.raises(AnswerError):
            parse_answer(question, loaded.scale_of(question), text)
        return
    parsed = parse_answer(question, loaded.scale_of(question), text)
    assert parsed.value == str(number)
    assert tokens(parsed.comment) == words, text


def test_plain_mode_says_and_the_report_quotes_the_words_after_the_dash(tmp_path: Path) -> None:
    """The command itself, from a pipe: what is taken is said with its comment, and the
    report quotes it."""
    from tests.plain_driver import run as command

    lines = ["12 - monthly meetings", "9", "10 - weekly", "y", "y", "y", "y"]
    lines += ["3 times a year - we meet quarterly", "6", "12 - monthly", ":quit"]
    args = ("--transcripts", "g", "assess", "--plain", "-f", "governance-structure")
    done = command(*args, "--respondent", "P", stdin="\n".join(lines) + "\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (saved,) = (tmp_path / "g").glob("*.toml")
    report = command("report", str(saved), cwd=tmp_path)
    for taken in ("12 - monthly meetings", "10 - weekly", "3 - we meet quarterly", "12 - monthly"):
        assert f"   Taken as: {taken}\n" in done.stdout
    assert "times a year - we meet" not in done.stdout
    assert report.returncode == 0, report.stderr
    for quoted in ("monthly meetings", "weekly", "we meet quarterly", "monthly"):
        assert f"“{quoted}”" in report.stdout or f'"{quoted}"' in report.stdout, quoted


async def test_the_chat_shows_each_number_with_its_words_and_no_dash_not_typed(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    from tests.tui_helpers import begun, log_text, running, send

    talk = begun(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    async with running(catalogue, tmp_path, talk, size=(100, 40)) as (app, pilot):
        await send(pilot, "12 - monthly meetings")
        await send(pilot, "9 members who attend")
        await send(pilot, "10 members - two are vacant")
        shown = log_text(app)
    assert "12 - monthly meetings" in shown
    assert "9 members who attend" in shown and "9 - members" not in shown
    assert "10 - two are vacant" in shown and "10 - members" not in shown
    answers = [t for t in store.load(talk.path).transcript.turns if t.kind == "answer"]
    assert [t.comment for t in answers] == [
        "monthly meetings",
        "members who attend",
        "two are vacant",
    ]


@pytest.mark.parametrize(
    "text", ["4 a month", "12 monthly", "4 meetings a month", "2 weekly, mostly", "4 per week"]
)
def test_a_number_counted_by_another_period_is_refused_saying_what_is_counted(
    text: str,
) -> None:
    """Taken as meetings a year, "4 a month" would be scored as 4 a year."""
    with pytest.raises(AnswerError) as refused:
        _parse("board_meetings", text)
    said = str(refused.value)
    assert said.startswith(f'"{text}" counts by the ')
    assert "this question asks for meetings a year." in said


@pytest.mark.parametrize(
    "text",
    [
        "4 - a month",
        "4 - per week",
        "4 - each month",
        "4 - a quarter",
        "4 (a month)",
        "4: times per month, in the hall",
        "4 - meetings a week",
    ],
)
def test_after_a_mark_a_unit_of_another_period_is_refused_as_without_one(text: str) -> None:
    """ "4 - a month" where meetings a year are counted is 48 a year, never 4 with a
    comment "a month"."""
    with pytest.raises(AnswerError) as refused:
        _parse("board_meetings", text)
    said = str(refused.value)
    assert said.startswith(f'"{text}" counts by the ')
    assert "this question asks for meetings a year." in said


@pytest.mark.parametrize(
    ("question", "text", "comment"),
    [
        ("board_meetings", "12 - monthly", "monthly"),
        ("board_meetings", "4 - quarterly", "quarterly"),
        ("board_meetings", "4 - month by month it varies", "month by month it varies"),
        ("board_meetings", "4 - a year", "a year"),
        ("board_meetings", "4 - a monthly catch-up too", "a monthly catch-up too"),
        ("board_size", "12 - a month ago it was 10", "a month ago it was 10"),
    ],
)
def test_after_a_mark_a_period_word_that_describes_is_the_comment(
    question: str, text: str, comment: str
) -> None:
    assert _parse(question, text).comment == comment


@settings(max_examples=200, deadline=None)
@given(
    number=st.integers(min_value=1, max_value=50),
    mark=st.sampled_from(MARKS),
    joining=st.sampled_from(["a", "an", "per", "each", "every", "times a", "times per"]),
    period=st.sampled_from(["month", "week", "fortnight", "quarter", "day", "months", "weeks"]),
    after=st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=4),
)
def test_a_unit_of_another_period_after_any_mark_is_refused(
    number: int, mark: str, joining: str, period: str, after: list[str]
) -> None:
    text = f"{number}{mark}{' '.join([joining, period, *after])}"
    with pytest.raises(AnswerError, match="counts by the "):
        _parse("board_meetings", text)


def test_plain_mode_refuses_a_unit_of_another_period_after_a_mark(tmp_path: Path) -> None:
    """The command itself, from a pipe: "4 - a month" where meetings a year are counted is
    refused saying what the question counts, and nothing is taken as 4 a year (a refused
    line from a pipe stops the run, status 5)."""
    from tests.plain_driver import run as command

    lines = ["12", "9", "10", "y", "y", "y", "y", "4 - a month", "48 - monthly", ":quit"]
    args = ("--transcripts", "g", "assess", "--plain", "-f", "governance-structure")
    done = command(*args, "--respondent", "P", stdin="\n".join(lines) + "\n", cwd=tmp_path)
    assert done.returncode == 5, done.stderr
    assert '"4 - a month" counts by the month, and this question asks for meetings a year.' in (
        " ".join(done.stdout.split())
    )
    assert "Taken as: 4 - a month" not in done.stdout
