"""Every unscored question is a fact everywhere, never a statement: a number with no
recommended range (governance-structure 2a, "Not scored") is listed with the facts of the
single report, the aggregate and the comparison, and never in a statements table."""

from __future__ import annotations

from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.report.aggregate import aggregate_data
from bot.scoring.aggregate import Filters, aggregate
from tests.plain_driver import run
from tests.test_register_not_asked import answered


def test_every_unscored_question_of_a_shipped_framework_is_a_fact() -> None:
    catalogue = Catalogue()
    not_facts = [
        f"{framework_id} {question.number or question.id}"
        for framework_id in sorted(catalogue.framework_files())
        for question in catalogue.framework(framework_id).framework.questions()
        if question.kind != "text" and not question.counted and not question.fact
    ]
    assert not_facts == []


def _aggregated(folder: Path) -> dict:
    catalogue = Catalogue()
    for index in range(3):
        answered(folder / f"p{index}", [], leave=False)
    files = [p for p in folder.rglob("*.toml")]
    totals, run_info = aggregate(
        store.iter_transcript_files(files), catalogue, Filters(), cache_folder=folder / "cache"
    )
    framework_totals = totals["governance-structure"]
    return aggregate_data(
        "governance-structure", framework_totals, run_info, catalogue, Filters(), anonymise=False
    )


def test_the_conference_count_is_a_fact_of_the_aggregate_not_a_statement(tmp_path: Path) -> None:
    data = _aggregated(tmp_path / "t")
    assert "conferences" not in {s["id"] for s in data["statements"]}
    (fact,) = [f for f in data["facts"] if f["id"] == "conferences"]
    assert fact["n"] == 3


def test_the_conference_count_is_a_fact_of_the_single_report(tmp_path: Path) -> None:
    talk = answered(tmp_path / "t", [], leave=False)
    text = render_assessment(talk.assessment(), "md")
    line = text[text.index("2a") :].split("\n")[1]
    assert "Fact (not scored)" in line, line


def test_the_conference_count_is_no_statement_of_a_comparison(tmp_path: Path) -> None:
    folders = [tmp_path / "then", tmp_path / "now"]
    for folder in folders:
        for index in range(3):
            answered(folder / f"p{index}", [], leave=False)
    result = run("report", "--compare", *map(str, folders))
    assert result.returncode == 0, result.stderr
    assert "2a How many times a year" not in result.stdout
    assert "SE6 Does the Partnership Conference appeal" in result.stdout  # a statement
