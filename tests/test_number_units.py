"""Words straight after a number that only say what it counts ("4 a year", "12 members")
are its unit: the number is kept, and the words are neither a comment nor a quote; after a
mark they are the comment ("4 - a year")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.engine.answers import parse_answer
from bot.engine.path import is_words
from bot.report.make import ReportOptions, transcript_reports
from tests.conftest import DATA
from tests.scripted import make


def _parse(question_id: str, text: str):
    loaded = Catalogue().framework("governance-structure").framework
    question = loaded.question(question_id)
    return parse_answer(question, loaded.scale_of(question), text)


@pytest.mark.parametrize(
    ("question", "text", "value", "comment"),
    [
        ("board_meetings", "4 a year", "4", ""),
        ("board_meetings", "4 - a year", "4", "a year"),
        ("board_meetings", "6 times per year", "6", ""),
        ("board_size", "12 members", "12", ""),
        ("board_size", "12 members, two are vacant", "12", "two are vacant"),
        ("board_size", "12 - two seats are vacant", "12", "two seats are vacant"),
    ],
)
def test_a_unit_after_a_number_is_not_a_comment(
    question: str, text: str, value: str, comment: str
) -> None:
    parsed = _parse(question, text)
    assert (parsed.value, parsed.comment) == (value, comment)


def test_a_reply_with_a_number_and_words_is_words() -> None:
    # The README's advice for replies: "type words with it (`2 a year`)"; quoted whole.
    assert is_words("2 a year") and not is_words("2")


def test_the_report_quotes_no_unit(tmp_path: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    make(
        cat,
        tmp_path / "t",
        "mini",
        "mini-chat",
        ["3", "y", "the county council", "13 members", "3"],
    )
    files = list(store.iter_transcript_files([tmp_path / "t"]))
    report = transcript_reports(files, cat, ReportOptions(format="md")).made[0].text
    assert "the county council" in report
    assert '"members"' not in report
