"""How a board reads an aggregate, a round's report and a comparison: each statement's
figures count what people answered, in the question's own words (a reverse-scored
question's "Yes" is counted as a Yes, and marked), the middle answers have a column of
their own, an action's rank is never set where a seed's number stands, and an anonymised
report shows no spread that would let one respondent work out the others' scores."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.scoring.small_groups import MIN_FOR_RANGE, MIN_FOR_SD, SMALL_GROUP_RULE
from tests.csv_tables import csv_tables
from tests.hallmarks_round import hallmarks_round, hallmarks_transcript
from tests.plain_driver import run

EXAMPLES = Path(__file__).parent.parent / "transcripts" / "examples"

# 1.7 "Do you need any additional protocols ...?" is reverse-scored (a Yes is a gap).
PEOPLE = [
    {"h1_7": "y", "h1_1": "y"},
    {"h1_7": "y", "h1_1": "p"},
    {"h1_7": "n", "h1_1": "p"},
    {"h1_7": "p", "h1_1": "p"},
]


@pytest.fixture
def four(tmp_path: Path, catalogue: Catalogue) -> Path:
    return hallmarks_round(tmp_path / "r", catalogue, PEOPLE)


def _statement(data: dict, number: str) -> dict:
    return next(s for s in data["statements"] if s["number"] == number)


def _row(md: str, number: str) -> list[str]:
    line = next(line for line in md.splitlines() if line.startswith(f"| {number} "))
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.e2e
def test_a_reverse_scored_statement_counts_what_people_answered(four: Path) -> None:
    for args in (("round", "report", "-r", str(four)), ("report", str(four), "--aggregate")):
        data = json.loads(run(*args, "--format", "json").stdout)
        row = _statement(data, "1.7")
        # Two said Yes (they need more protocols), one Partly, one No: "% Yes" is 50.
        assert (row["agree"], row["middle"], row["disagree"]) == (50.0, 25.0, 25.0)
        assert row["reverse"] is True and row["words"]["agree"] == ["Yes"]
        assert data["statement_headings"]["agree"] == "% Yes"
        md = run(*args).stdout
        assert "| Statement | n | % Yes | % Partly | % don't know | % No | Pattern |" in md
        cells = _row(md, "1.7")
        assert cells[0].endswith("(reverse-scored)") and cells[2:6] == [
            "50.0",
            "25.0",
            "0.0",
            "25.0",
        ]
        html = run(*args, "--format", "html").stdout
        assert '(reverse-scored)</span></th><td class="num">4</td><td class="num">50.0</td>' in html
        table = csv_tables(run(*args, "--format", "csv").stdout)[1]
        rows = {r["number"]: r for r in table}
        assert rows["1.7"]["reverse_scored"] == "yes" and rows["1.7"]["agree"] == "50.0"
        assert rows["1.6"]["reverse_scored"] == "no"


@pytest.mark.e2e
def test_the_legend_accounts_for_the_middle_answers(four: Path) -> None:
    data = json.loads(run("round", "report", "-r", str(four), "--format", "json").stdout)
    row = _statement(data, "1.1")
    # One Yes and three Partly: 25 / 75 / 0 / 0 adds up to 100.
    assert (row["agree"], row["middle"], row["dont_know"], row["disagree"]) == (
        25.0,
        75.0,
        0.0,
        0.0,
    )
    legend = data["statement_legend"]
    assert '% Partly counts "Partly"' in legend and "need not add up" not in legend
    for fmt in ("md", "html"):
        shown = run("round", "report", "-r", str(four), "--format", fmt).stdout
        assert "no replies are not shown" not in shown
        assert "% Partly" in shown


def test_the_headings_follow_the_scales_words(catalogue: Catalogue) -> None:
    from bot.scoring.aggregate import answer_words, statement_headings

    ptp = catalogue.framework("ptp-success-criteria").framework
    words = [answer_words(ptp, q) for q in ptp.questions() if not q.fact and q.kind != "text"]
    headings = statement_headings(words)
    # Two scales ("like us", "met"): the columns keep their general names, and the
    # four-point scales have no middle answer, so no middle column.
    assert headings["agree"] == "% agree" and headings["middle_shown"] is False
    criterion_3 = next(q for q in ptp.questions() if q.number == "3")
    assert criterion_3.reverse
    # Reverse-scored or not, agreeing is "Fully like us" as the respondent said it.
    assert answer_words(ptp, criterion_3)["agree"] == ["Largely like us", "Fully like us"]


@pytest.mark.e2e
def test_a_comparison_counts_what_people_answered(tmp_path: Path, catalogue: Catalogue) -> None:
    then, now = tmp_path / "then", tmp_path / "now"
    for n, answers in enumerate(PEOPLE):
        hallmarks_transcript(catalogue, then, f"Then {n}", answers | {"h1_7": "n"})
        hallmarks_transcript(catalogue, now, f"Now {n}", answers)
    data = json.loads(run("report", "--compare", str(then), str(now), "--format", "json").stdout)
    row = _statement(data, "1.7")
    assert (row["then"]["agree"], row["now"]["agree"]) == (0.0, 50.0) and row["reverse"]
    assert data["agree_heading"] == "% Yes"
    md = run("report", "--compare", str(then), str(now)).stdout
    assert "(reverse-scored)" in _row(md, "1.7")[0]
    assert "% Yes" in md and "answered Yes, as each statement is worded" in md
    html = run("report", "--compare", str(then), str(now), "--format", "html").stdout
    assert "(reverse-scored)</span>" in html


@pytest.mark.e2e
def test_an_aggregate_ranks_actions_apart_from_the_seeds_refs(tmp_path: Path) -> None:
    folder = tmp_path / "wbt"
    folder.mkdir()
    shutil.copy(EXAMPLES / "fareham-working-better-together.toml", folder)
    md = run("report", str(folder), "--aggregate").stdout
    actions = md.split("## Suggested actions")[1]
    # No "3. a) ...": a rank never stands where the seed's area number belongs.
    assert not re.search(r"^\d+\. [a-z]\) ", actions, re.MULTILINE)
    assert re.search(r"^- \*\*Rank 1\*\* · \*\*Action \d[a-z]\*\*: ", actions, re.MULTILINE)
    data = json.loads(run("report", str(folder), "--aggregate", "--format", "json").stdout)
    assert [a["rank"] for a in data["actions"]] == list(range(1, len(data["actions"]) + 1))
    lettered = [a for a in data["actions"] if a["letter"]]
    assert lettered and all(a["ref"].endswith(a["letter"]) for a in lettered)
    table = run("report", str(folder), "--aggregate", "--format", "csv").stdout
    header = next(csv.reader(io.StringIO(table)))
    assert header[0] == "rank" and "ref" in header


@pytest.mark.e2e
def test_a_round_report_calls_actions_by_the_plans_refs(four: Path) -> None:
    assert run("round", "plan", "-r", str(four)).returncode == 0
    plan = run("round", "plan", "-r", str(four), "--format", "csv").stdout
    refs = {row["action"]: row["ref"] for row in csv.DictReader(io.StringIO(plan))}
    data = json.loads(run("round", "report", "-r", str(four), "--format", "json").stdout)
    assert refs and {a["text"]: a["ref"] for a in data["actions"]} == refs
    md = run("round", "report", "-r", str(four)).stdout
    first = data["actions"][0]
    assert f"- **Rank 1** · **Action {first['ref']}**: {first['text']}" in md


def _areas(folder: Path) -> list[dict]:
    args = ("round", "report", "-r", str(folder), "--anonymise", "--format", "json")
    return json.loads(run(*args).stdout)["areas"]


@pytest.mark.e2e
def test_an_anonymised_group_of_three_shows_no_spread(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = hallmarks_round(tmp_path / "r", catalogue, [{}, {"h1_1": "p"}, {"h1_1": "n"}])
    area = _areas(folder)[0]
    # With the mean, lowest and highest, one of three could work out the third's score.
    assert area["n"] == 3 and area["score"] is not None
    assert (area["sd"], area["min"], area["max"]) == (None, None, None)
    md = run("round", "report", "-r", str(folder), "--anonymise").stdout
    row = next(line for line in md.splitlines() if line.startswith("| Empowered"))
    assert row.count("not shown") == 3
    assert f"only from {MIN_FOR_SD} respondents" in SMALL_GROUP_RULE and SMALL_GROUP_RULE in md
    html = run("round", "report", "-r", str(folder), "--anonymise", "--format", "html").stdout
    assert html.count('<td class="num">not shown</td>') >= 3
    named = json.loads(run("round", "report", "-r", str(folder), "--format", "json").stdout)
    assert named["areas"][0]["min"] is not None  # not anonymised: as it is


@pytest.mark.e2e
def test_the_spread_is_shown_from_enough_respondents(tmp_path: Path, catalogue: Catalogue) -> None:
    people = [{"h1_1": key} for key in "ypnyp"] + [{}]
    assert len(people) == MIN_FOR_RANGE
    area = _areas(hallmarks_round(tmp_path / "six", catalogue, people))[0]
    assert None not in (area["sd"], area["min"], area["max"])
    area = _areas(hallmarks_round(tmp_path / "four", catalogue, people[:MIN_FOR_SD]))[0]
    assert area["sd"] is not None and (area["min"], area["max"]) == (None, None)
