"""Facts give no figures: a number question with `scored = false` is never scored."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import store
from bot.answer_score import AnswerMismatch, raw_score
from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer
from bot.iso_date import stored_date
from bot.model import Question, Respondent, Turn
from bot.model.framework import Range
from bot.report.aggregate import aggregate_data
from bot.report.render import render_aggregate
from bot.scoring.aggregate import Filters, aggregate
from tests.conftest import DATA, ROOT
from tests.scripted import make

OWN = DATA / "own"

NOW = datetime(2009, 6, 1, 9, 0, tzinfo=UTC)


def _number(scored: bool) -> Question:
    return Question(
        id="n",
        text="How many partners attend?",
        kind="number",
        scored=scored,
        recommended=Range(min=12, max=15),
    )


def _turn(value: str) -> Turn:
    return Turn(seq=1, at=NOW, speaker="respondent", kind="answer", question="n", value=value)


def test_an_unscored_number_with_a_recommended_range_gets_no_score() -> None:
    fact = _number(scored=False)
    assert parse_answer(fact, None, "3").score is None
    assert parse_answer(fact, None, "13").score is None
    assert raw_score(None, fact, _turn("3")) is None  # type: ignore[arg-type]
    assert raw_score(None, fact, _turn("13")) is None  # type: ignore[arg-type]
    assert fact.fact and not fact.scoreable


def test_a_scored_number_is_still_scored_by_its_range() -> None:
    scored = _number(scored=True)
    assert parse_answer(scored, None, "3").score == 0.0
    assert parse_answer(scored, None, "13").score == 100.0
    assert raw_score(None, scored, _turn("13")) == 100.0  # type: ignore[arg-type]


# ----- facts across respondents -----------------------------------------------------------

BOARD_ANSWERS = [
    ["2", "1 2 3", "2 Dec 2009", "1", "3", "n", "2"],
    ["1", "1 3", "5 May 2007", "1", "3", "y", "12 May 2009", "4"],
]


def _board_round(folder: Path) -> tuple[Catalogue, dict]:
    cat = Catalogue(framework_folders=[OWN], dialogue_folders=[OWN])
    for index, answers in enumerate(BOARD_ANSWERS):
        make(
            cat,
            folder,
            "board-check",
            "board-check-chat",
            answers,
            Respondent(name=f"Person {index}", organisation=f"Org {index}", role="Officer"),
        )
    totals, run_info = aggregate(
        store.iter_transcript_files([folder]), cat, Filters(), cache_folder=folder / "cache"
    )
    ((framework_id, framework_totals),) = totals.items()
    data = aggregate_data(framework_id, framework_totals, run_info, cat, Filters(), anonymise=False)
    return cat, data


def test_facts_are_not_in_the_aggregate_statements_table(tmp_path: Path) -> None:
    _, data = _board_round(tmp_path / "t")
    listed = {s["id"] for s in data["statements"]}
    assert listed == {"b2", "b4", "b5", "r3"}
    assert not listed & {"b1", "b3", "r1", "r2"}


# ----- one rule for a stored date -----------------------------------------------------------


def test_the_stored_date_rule_is_written_once() -> None:
    pattern = r"\d{4}-\d{2}-\d{2}"
    holders = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if pattern in path.read_text(encoding="utf-8")
    )
    assert holders == ["bot/iso_date.py"]


@pytest.mark.parametrize(
    ("text", "is_date"),
    [("2009-12-02", True), ("2009-2-2", False), ("2009-02-30", False), ("02/12/2009", False)],
)
def test_answers_and_conditions_read_a_stored_date_alike(text: str, is_date: bool) -> None:
    date_question = Question(id="d", text="When?", kind="date")
    turn = Turn(seq=1, at=NOW, speaker="respondent", kind="answer", question="d", value=text)
    try:
        raw_score(None, date_question, turn)  # type: ignore[arg-type]
        stored = True
    except AnswerMismatch:
        stored = False
    assert stored is is_date
    assert (stored_date(text) is not None) is is_date


# ----- a year of more than four digits ------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["1 June 10000", "1/6/10000", "June 1, 10000", "10000-06-01", "1 June 20091"]
)
def test_a_year_of_five_digits_is_named_whole(text: str) -> None:
    question = Question(id="d", text="When?", kind="date")
    with pytest.raises(AnswerError) as error:
        parse_answer(question, None, text)
    year = text.split()[-1] if " " in text else ("10000" if "10000" in text else "")
    assert f"{year} is not a year" in str(error.value), str(error.value)


def test_the_aggregate_tallies_facts_across_respondents(tmp_path: Path) -> None:
    _, data = _board_round(tmp_path / "t")
    tally = {
        f["id"]: (f["n"], [(a["label"], a["count"], a["share"]) for a in f["answers"]])
        for f in data["facts"]
    }
    assert tally == {
        "b1": (2, [("The council", 1, 50.0), ("The police", 1, 50.0)]),
        "r1": (2, [("Yes", 1, 50.0), ("No", 1, 50.0)]),
    }
    markdown = render_aggregate(data, "md")
    assert (
        "## Facts" in markdown
        and "| 1 Which partner chairs the board? | 2 | The council | 1 | 50.0 |" in markdown
    )
    html = render_aggregate(data, "html")
    assert '<h2 id="facts">Facts</h2>' in html and "<td>The police</td>" in html
    rows = list(csv.reader(io.StringIO(render_aggregate(data, "csv"))))
    start = rows.index(["number", "fact", "area", "n", "answer", "respondents", "share"])
    assert rows[start + 1 :] == [
        ["1", "Which partner chairs the board?", "The board", "2", "The council", "1", "50.0"],
        ["1", "Which partner chairs the board?", "The board", "2", "The police", "1", "50.0"],
        ["6", "Does the partnership have a risk register?", "Risk", "2", "Yes", "1", "50.0"],
        ["6", "Does the partnership have a risk register?", "Risk", "2", "No", "1", "50.0"],
    ]
    assert json.loads(render_aggregate(data, "json"))["facts"] == data["facts"]


def test_an_anonymised_aggregate_pools_fact_answers_of_fewer_than_three(tmp_path: Path) -> None:
    # Six chairs named: three the council, one the police, two health. Only the council's
    # count rests on three or more (and the two hidden rest on three together).
    cat = Catalogue(framework_folders=[OWN], dialogue_folders=[OWN])
    folder = tmp_path / "t"
    for index, key in enumerate(["1", "1", "1", "2", "3", "3"]):
        make(
            cat,
            folder,
            "board-check",
            "board-check-chat",
            [key, *BOARD_ANSWERS[0][1:]],
            Respondent(name=f"Person {index}", organisation=f"Org {index}", role="Officer"),
        )
    totals, run_info = aggregate(
        store.iter_transcript_files([folder]), cat, Filters(), cache_folder=folder / "cache"
    )
    ((framework_id, framework_totals),) = totals.items()
    data = aggregate_data(
        framework_id, framework_totals, run_info, cat, Filters(), True, small_groups=True
    )
    tally = {
        f["id"]: (f["n"], [(a["label"], a["count"], a["share"]) for a in f["answers"]])
        for f in data["facts"]
    }
    assert tally["b1"] == (6, [("The council", 3, 50.0), ("Other answers", None, None)])
    assert tally["r1"] == (6, [("No", 6, 100.0)])
    markdown = render_aggregate(data, "md")
    assert "| Other answers | not shown | not shown |" in markdown
    assert "The police" not in markdown and "Health" not in markdown and "16.7" not in markdown
    html = render_aggregate(data, "html")
    assert '<td>Other answers</td><td colspan="2">not shown</td>' in html
    assert "The police" not in html
    rows = list(csv.reader(io.StringIO(render_aggregate(data, "csv"))))
    start = rows.index(["number", "fact", "area", "n", "answer", "respondents", "share"])
    assert rows[start + 2] == [
        "1",
        "Which partner chairs the board?",
        "The board",
        "6",
        "Other answers",
        "not shown",
        "not shown",
    ]
    assert "police" not in render_aggregate(data, "json")


def test_a_facts_n_counts_not_applicable_as_its_table_says(tmp_path: Path) -> None:
    # The chair's question invites "does not apply": one of three says so.
    own = tmp_path / "own"
    shutil.copytree(OWN, own)
    framework = own / "board-check.toml"
    chair = 'text = "Which partner chairs the board?"\n'
    framework.write_text(
        framework.read_text(encoding="utf-8").replace(
            chair, chair + "allow_not_applicable = true\n"
        ),
        encoding="utf-8",
    )
    cat = Catalogue(framework_folders=[own], dialogue_folders=[own])
    folder = tmp_path / "t"
    for index, key in enumerate(["1", "2", "n/a"]):
        make(
            cat,
            folder,
            "board-check",
            "board-check-chat",
            [key, *BOARD_ANSWERS[0][1:]],
            Respondent(name=f"Person {index}", organisation=f"Org {index}", role="Officer"),
        )
    totals, run_info = aggregate(
        store.iter_transcript_files([folder]), cat, Filters(), cache_folder=folder / "cache"
    )
    ((framework_id, framework_totals),) = totals.items()
    data = aggregate_data(framework_id, framework_totals, run_info, cat, Filters(), anonymise=False)
    (chairs,) = (f for f in data["facts"] if f["id"] == "b1")
    rows = [(a["label"], a["count"]) for a in chairs["answers"]]
    assert chairs["n"] == 3 == sum(count for _, count in rows)
    assert ("Not applicable", 1) in rows
    # The words above the table say what n counts: Not applicable among them.
    said = "everyone who gave the question an answer, a Don't know, a refusal or a Not applicable"
    assert said in render_aggregate(data, "md")
    assert said in render_aggregate(data, "html")
