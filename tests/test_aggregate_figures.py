"""Aggregate figures beside the published ones, each statement's own source, the seed's
action letters and sources, priorities from need and share, and the published order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.report.aggregate import aggregate_data
from bot.report.render import render_aggregate
from bot.scoring.aggregate import Filters, aggregate
from tests.conftest import ROOT
from tests.csv_tables import csv_tables
from tests.plain_driver import run

EXAMPLES = ROOT / "transcripts" / "examples"
SURVEY = EXAMPLES / "hertfordshire-survey"
INTERVIEW = EXAMPLES / "hertfordshire-interview.toml"
FAREHAM = EXAMPLES / "fareham-working-better-together.toml"


def data_for(catalogue: Catalogue, *paths: Path, **options: str) -> dict:
    totals, run_info = aggregate(store.iter_transcript_files(list(paths)), catalogue, Filters())
    ((framework_id, framework_totals),) = totals.items()
    return aggregate_data(
        framework_id, framework_totals, run_info, catalogue, Filters(), False, **options
    )


def statement(data: dict, number: str) -> dict:
    return next(s for s in data["statements"] if s["number"] == number)


def test_all_three_published_figures_and_their_differences(catalogue: Catalogue) -> None:
    data = data_for(catalogue, SURVEY)
    s3 = statement(data, "S3")
    # Appendix 1 publishes all three for S3: 89.5 agree, 4.4 don't know, 6.2 disagree.
    mark = s3["benchmark"]
    assert (mark["agree"], mark["dont_know"], mark["disagree"]) == (89.5, 4.4, 6.2)
    assert mark["agree_difference"] == round(s3["agree"] - 89.5, 1)
    assert mark["dont_know_difference"] == round(s3["dont_know"] - 4.4, 1)
    assert mark["disagree_difference"] == round(s3["disagree"] - 6.2, 1)

    markdown = render_aggregate(data, "md")
    row = next(line for line in markdown.splitlines() if line.startswith("| S3 "))
    assert "| 89.5 / 4.4 / 6.2 |" in row
    assert f"{mark['dont_know_difference']:+.1f}" in row

    html = render_aggregate(data, "html")
    assert "Published % don't know" in html and "Published % disagree" in html
    assert '<td class="num">4.4</td><td class="num">6.2</td>' in html

    text = render_aggregate(data, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows.index(next(r for r in rows if r and r[0] == "number"))
    table = [dict(zip(rows[header], r, strict=True)) for r in rows[header + 1 :] if r]
    s3_row = next(r for r in table if r["number"] == "S3")
    assert (s3_row["published_agree"], s3_row["published_dont_know"]) == ("89.5", "4.4")
    assert s3_row["published_disagree"] == "6.2"
    # A negative difference is a number, not a cell to guard against formulas.
    assert s3_row["agree_difference"] == str(mark["agree_difference"])
    assert s3_row["published_n"] == "106"


def test_survey_and_interview_together_name_each_statements_own_source(
    catalogue: Catalogue,
) -> None:
    data = data_for(catalogue, SURVEY, INTERVIEW)
    s1, t1 = statement(data, "S1")["benchmark"], statement(data, "T1")["benchmark"]
    assert "Appendix 1" in s1["source"] and s1["n"] == 106
    assert "Appendix 2" in t1["source"] and t1["n"] == 52
    notes = {n["number"]: n for n in data["benchmark_notes"]}
    assert notes[s1["note"]]["n"] == 106 and notes[t1["note"]]["n"] == 52
    # Appendix 2 publishes no don't know figure: shown as not published, not as 0.
    assert t1["dont_know"] is None and t1["dont_know_difference"] is None

    markdown = render_aggregate(data, "md")
    t1_row = next(line for line in markdown.splitlines() if line.startswith("| T1 "))
    assert t1_row.rstrip().endswith(f"| {t1['note']} |")
    assert "48.0 / n/a / 52.0" in t1_row
    assert f"Note {t1['note']}: " in markdown
    assert "telephone interviews (Audit Commission), Appendix 2 (n = 52)" in markdown
    assert "online survey (Audit Commission), Appendix 1 (n = 106)" in markdown
    html = render_aggregate(data, "html")
    assert "Appendix 2 (n = 52)" in html and "Appendix 1 (n = 106)" in html


def test_aggregate_actions_keep_the_seeds_letter_and_source(catalogue: Catalogue) -> None:
    data = data_for(catalogue, FAREHAM)
    refresh = next(a for a in data["actions"] if a["text"].startswith("To refresh the SCS"))
    assert refresh["letter"] == "a"
    assert refresh["source"] == "Appendix A, 1 a)"
    # Ranked in a column of its own, called by its Ref (the area's number and the seed's
    # letter, labelled "Action 1a"), never "1. a)", where the rank would stand for the
    # seed's area number.
    assert "- **Rank 1** · **Action 1a**: To refresh the SCS" in render_aggregate(data, "md")
    assert "<strong>Action 1a</strong>: <strong>To refresh the SCS" in render_aggregate(
        data, "html"
    )
    # Labelled "Action", never a bare "1a" or "Ref 1a" beside a question's number; the
    # legend says what it is, in both formats alike.
    for fmt in ("md", "html"):
        shown = render_aggregate(data, fmt)
        assert "Ref 1a" not in shown
        assert "never a question" in shown and "takes the Ref alone" in shown
        # Written as the paper shows it: no escaped mark-up around the command's name.
        assert "\\`" not in shown and "`round plan" not in shown
    assert data["ref_legend"].startswith("Action and its Ref")
    assert "Appendix A, 1 a)" in render_aggregate(data, "html")
    rows, statements, *_ = csv_tables(render_aggregate(data, "csv"))
    assert [r["action"] for r in rows] == [a["text"] for a in data["actions"]]
    assert "statement" in statements[0]
    first = next(r for r in rows if r["action"].startswith("To refresh the SCS"))
    assert (first["letter"], first["source"]) == ("a", "Appendix A, 1 a)")
    # No trigger (no single respondent); a due date and status only from an agreed plan.
    assert "trigger" not in rows[0]
    assert (first["owner_from"], first["due"], first["status"]) == ("framework suggestion", "", "")


@pytest.mark.parametrize(
    ("need", "share", "expected"),
    [
        (80.0, 30.0, "high"),  # high need, a fair share
        (80.0, 10.0, "medium"),  # high need, but few respondents: one step lower
        (60.0, 60.0, "high"),  # medium need, half or more: one step higher
        (60.0, 30.0, "medium"),
        (40.0, 60.0, "medium"),
        (40.0, 10.0, "low"),
        (None, 100.0, "medium"),
    ],
)
def test_aggregate_priority_from_need_and_share(
    need: float | None, share: float, expected: str
) -> None:
    from bot.scoring.aggregate import aggregate_priority

    assert aggregate_priority(need, share) == expected


def test_aggregate_actions_are_not_all_low(catalogue: Catalogue) -> None:
    data = data_for(catalogue, SURVEY)
    terms = next(a for a in data["actions"] if a["id"] == "terms-of-reference")
    # 7 of 24 respondents (29.2%) with a mean need of 75 or more: high.
    assert terms["share"] >= 25 and terms["need"] >= 75
    assert terms["priority"] == "high"
    assert len({a["priority"] for a in data["actions"]}) > 1


def test_statements_in_the_published_order(catalogue: Catalogue) -> None:
    data = data_for(catalogue, SURVEY, INTERVIEW, order="published")
    numbers = [s["number"] for s in data["statements"]]
    assert numbers == [f"S{i}" for i in range(1, 19)] + [f"T{i}" for i in range(1, 25)]
    by_area = [s["number"] for s in data_for(catalogue, SURVEY, INTERVIEW)["statements"]]
    assert by_area[:2] == ["S3", "T1"]  # the default: by area, as the framework has them


@pytest.mark.e2e
def test_order_published_on_the_command_line(tmp_path: Path) -> None:
    result = run(
        "report", "--aggregate", "--order", "published", "--format", "json", str(SURVEY),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["order"] == "published"
    assert [s["number"] for s in data["statements"]][:3] == ["S1", "S2", "S3"]
    wrong = run("report", "--aggregate", "--order", "seed", str(SURVEY), cwd=tmp_path)
    assert wrong.returncode == 2
    assert "published" in wrong.stderr
