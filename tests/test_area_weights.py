"""Area weights in the overall score, and actions of the framework as a whole (not of one
area): the model, validation at the line, scoring, the aggregate and every report format."""

from __future__ import annotations

import json
from pathlib import Path
from statistics import fmean

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.loading import load_framework
from bot.problems import LoadError
from bot.report import render_assessment
from bot.report.aggregate import aggregate_data
from bot.scoring import compile_transcript
from bot.scoring.aggregate import Filters, aggregate
from bot.scoring.source import framework_for
from bot.validate import check_framework
from tests.conftest import DATA, ROOT
from tests.scripted import make

WHOLE_ACTIONS = """
[[actions]]
id = "whole-review"
text = "Review the partnership as a whole."
when = 'score("overall") < 50'
owner = "Partnership chair"
letter = "a"

[[actions]]
id = "both-areas"
text = "Bring the protocol and the board together."
when = 'a2 == "no" and b1 > 15'
"""


def mini_text(weights: tuple[str, str] = ("", ""), extra: str = WHOLE_ACTIONS) -> str:
    """The test framework with the given area weights and framework-level actions."""
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    one, two = weights
    if one:
        text = text.replace('title = "Area one"\n', f'title = "Area one"\nweight = {one}\n')
    if two:
        text = text.replace('title = "Area two"\n', f'title = "Area two"\nweight = {two}\n')
    return text + extra


def catalogue_for(folder: Path, text: str) -> Catalogue:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mini.toml").write_text(text, encoding="utf-8")
    return Catalogue(framework_folders=[folder], dialogue_folders=[DATA])


def assess(cat: Catalogue, folder: Path, answers: list[str]):
    path, transcript = make(cat, folder, "mini", "mini-chat", answers)
    loaded, warnings = framework_for(transcript, path, cat)
    return compile_transcript(transcript, loaded, warnings)


def test_every_shipped_example_keeps_the_plain_mean(catalogue: Catalogue) -> None:
    # Weight 1, the default, keeps every shipped figure: the overall score is still the
    # plain mean of the area scores, and the aggregate's the plain mean of area means.
    examples = [
        p
        for p in (ROOT / "transcripts" / "examples").rglob("*.toml")
        if ".frameworks" not in p.parts
    ]
    assert examples
    for path in examples:
        transcript = store.parse_transcript(path.read_text(encoding="utf-8"), path)
        loaded, _ = framework_for(transcript, path, catalogue)
        assert all(a.weight == 1 for a in loaded.framework.areas)
        result = compile_transcript(transcript, loaded)
        scored = [a.score for a in result.areas if a.score is not None]
        if result.overall is not None:
            assert result.overall == pytest.approx(fmean(scored), abs=1e-6), path.name
    folder = ROOT / "transcripts" / "examples" / "hertfordshire-survey"
    totals, run = aggregate(store.iter_transcript_files([folder]), catalogue, Filters(), workers=1)
    data = aggregate_data(
        "hertfordshire-review", totals["hertfordshire-review"], run, catalogue, Filters(), False
    )
    # The plain mean of the unrounded area means (the rounded ones printed would drift).
    spreads = totals["hertfordshire-review"].areas
    means = [spreads[a["id"]].mean for a in data["areas"] if a["score"] is not None]
    assert data["overall"]["score"] == pytest.approx(round(fmean(means), 1))


def test_the_overall_score_is_weighted_by_area(tmp_path: Path) -> None:
    # a1 Agree (66.67), a2 Partly (50): area one 58.33; b1 20 (0), b2 Strongly (100, weight
    # 2): area two 66.67. Weighted 3:1 the overall is (3 * 58.33 + 66.67) / 4.
    cat = catalogue_for(tmp_path / "fw", mini_text(("3", "1")))
    result = assess(cat, tmp_path / "t", ["3", "p", "20", "4"])
    one, two = (a.score for a in result.areas)
    assert one == pytest.approx(175 / 3)
    assert two == pytest.approx(200 / 3)
    assert result.overall == pytest.approx((3 * one + two) / 4)
    zero = catalogue_for(tmp_path / "fw0", mini_text(("0", "1")))
    assert assess(zero, tmp_path / "t0", ["3", "p", "20", "4"]).overall == pytest.approx(two)


def test_the_aggregate_overall_is_weighted_too(tmp_path: Path) -> None:
    cat = catalogue_for(tmp_path / "fw", mini_text(("3", "1")))
    folder = tmp_path / "t"
    make(cat, folder, "mini", "mini-chat", ["3", "p", "20", "4"])
    make(cat, folder, "mini", "mini-chat", ["1", "n", "13", "1"])
    totals, run = aggregate(store.iter_transcript_files([folder]), cat, Filters(), workers=1)
    data = aggregate_data("mini", totals["mini"], run, cat, Filters(), False)
    one, two = (a["score"] for a in data["areas"])
    assert data["overall"]["score"] == pytest.approx(round((3 * one + two) / 4, 1))


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (("-1", "1"), "greater than or equal to 0"),
        (("0", "0"), "every area has weight 0"),
    ],
)
def test_bad_weights_are_refused_at_their_line(
    tmp_path: Path, weights: tuple[str, str], message: str
) -> None:
    path = tmp_path / "mini.toml"
    text = mini_text(weights, extra="")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_framework(path)
    problems = [p for p in caught.value.problems if message in p.message]
    assert problems, caught.value.problems
    lines = text.splitlines()
    assert all(lines[p.line - 1].startswith("weight = ") for p in problems)


def test_an_area_may_not_take_the_overall_scores_name(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(mini_text(extra="").replace('id = "two"', 'id = "overall"'), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_framework(path)
    assert any('"overall" names the overall score' in p.message for p in caught.value.problems)


def test_framework_actions_fire_on_the_overall_score_and_several_areas(tmp_path: Path) -> None:
    cat = catalogue_for(tmp_path / "fw", mini_text())
    weak = assess(cat, tmp_path / "weak", ["1", "n", "20", "1"])
    fired = [a.action.id for a in weak.overall_actions]
    assert fired == ["whole-review", "both-areas"]
    review = weak.overall_actions[0]
    assert review.area is None and review.letter == "a"
    assert review.need == pytest.approx(100 - fmean([weak.overall, *(a.score for a in weak.areas)]))
    # Reading the overall score, its triggers are the weak answers of every area, and the
    # overall score itself is given with them, as it counts in the need.
    assert {t.split()[0] for t in review.triggers} == {"a1", "a2", "b1", "b2", "overall"}
    assert review.triggers[-1] == f"overall score {weak.overall:.1f}"
    assert [t.split()[0] for t in weak.overall_actions[1].triggers] == ["a2", "b1"]
    assert weak.actions[-2:] == weak.overall_actions  # listed after every area's
    strong = assess(cat, tmp_path / "strong", ["4", "y", "The County Council", "13", "4"])
    assert strong.overall_actions == ()


def test_conditions_and_reports_share_one_overall_score(tmp_path: Path) -> None:
    # With 60% needed, area one (a1 Strongly, a2 Don't know: 1 of 2) has too little
    # coverage for a score, so the overall is area two's alone (0), though area one's
    # answered question scores 100 and weighs 3: the report and score("overall") both say 0.
    text = mini_text(("3", "1")).replace('version = "1"\n', 'version = "1"\nmin_coverage = 60\n', 1)
    cat = catalogue_for(tmp_path / "fw", text)
    result = assess(cat, tmp_path / "t", ["4", "d", "20", "1"])
    one, two = result.areas
    assert one.score is None and not one.enough and two.score == pytest.approx(0)
    assert result.overall == pytest.approx(0)
    review = result.overall_actions[0]
    assert review.action.id == "whole-review"  # score("overall") < 50 holds on 0
    assert review.need == pytest.approx(100)
    # A skipped question lowers coverage for conditions as for the report.
    skipped = assess(cat, tmp_path / "s", ["4", ":skip", "20", "1"])
    assert skipped.overall == pytest.approx(0)
    assert [a.action.id for a in skipped.overall_actions][:1] == ["whole-review"]


def test_framework_actions_in_every_report_format(tmp_path: Path) -> None:
    cat = catalogue_for(tmp_path / "fw", mini_text(("2", "1")))
    result = assess(cat, tmp_path / "t", ["1", "n", "20", "1"])
    md = render_assessment(result, "md")
    assert "## The partnership as a whole" in md
    assert "- a) Review the partnership as a whole." in md
    assert "Area one 2.0; Area two 1.0." in md  # the weights, where they are not all 1
    html = render_assessment(result, "html")
    assert '<h2 id="whole">The partnership as a whole</h2>' in html
    assert "Bring the protocol and the board together." in html
    data = json.loads(render_assessment(result, "json"))
    assert [a["id"] for a in data["overall_actions"]] == ["whole-review", "both-areas"]
    assert data["actions"][-1]["area"] == "" and data["actions"][-1]["area_title"] == (
        "The partnership as a whole"
    )
    assert [a["weight"] for a in data["areas"]] == [2.0, 1.0]
    csv = render_assessment(result, "csv")
    assert "The partnership as a whole,a,Review the partnership as a whole." in csv


def test_the_aggregate_lists_framework_actions(tmp_path: Path) -> None:
    cat = catalogue_for(tmp_path / "fw", mini_text())
    folder = tmp_path / "t"
    make(cat, folder, "mini", "mini-chat", ["1", "n", "20", "1"])
    make(cat, folder, "mini", "mini-chat", ["4", "y", "The County Council", "13", "4"])
    totals, run = aggregate(store.iter_transcript_files([folder]), cat, Filters(), workers=1)
    data = aggregate_data("mini", totals["mini"], run, cat, Filters(), False)
    whole = {a["id"]: a for a in data["actions"] if a["area"] == ""}
    assert set(whole) == {"whole-review", "both-areas"}
    assert whole["whole-review"]["respondents"] == 1
    assert whole["whole-review"]["area_title"] == "The partnership as a whole"


def test_validate_checks_framework_actions(tmp_path: Path, catalogue: Catalogue) -> None:
    never = """
[[actions]]
id = "never"
text = "Never."
when = 'a1 == "agree" and a1 == "disagree"'
"""
    cat = catalogue_for(tmp_path / "fw", mini_text(extra=never))
    loaded = cat.framework("mini")
    problems = check_framework(loaded, cat)
    assert [p.path for p in problems if "can never be true" in p.message] == ["actions[0].when"]
    line = (tmp_path / "fw" / "mini.toml").read_text().splitlines()[problems[-1].line - 1]
    assert line.startswith("when = ")


def test_an_area_below_minimum_coverage_has_no_score_in_the_aggregate_either(
    tmp_path: Path,
) -> None:
    # Area one needs 60% coverage: a1 answered and a2 Don't know gives it none in the
    # single report, so that respondent must not count towards the aggregate's area mean.
    text = mini_text().replace('version = "1"\n', 'version = "1"\nmin_coverage = 60\n', 1)
    cat = catalogue_for(tmp_path / "fw", text)
    folder = tmp_path / "t"
    low = assess(cat, folder, ["4", "d", "20", "1"])
    full = assess(cat, folder, ["1", "y", "The County Council", "13", "4"])
    assert low.areas[0].score is None and full.areas[0].score is not None
    totals, run = aggregate(store.iter_transcript_files([folder]), cat, Filters(), workers=1)
    data = aggregate_data("mini", totals["mini"], run, cat, Filters(), False)
    one = next(a for a in data["areas"] if a["id"] == "one")
    assert one["n"] == 1
    assert one["score"] == pytest.approx(full.areas[0].score, abs=0.05)
