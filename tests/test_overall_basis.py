"""An overall score that stands on some areas only says so wherever it is printed: "from 1
of 2 areas: Delivery has too few answers to score", never a bare "100.0 (Green)" that a
board would read as the whole partnership's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape
from textual.widgets import Static

from bot import cli, store
from bot.catalogue import Catalogue
from bot.end_summary import result_line, summary_title
from bot.report import render_assessment
from bot.report.data import assessment_data
from bot.scoring import compile_transcript
from bot.scoring.basis import NOT_ASKED_WHY, TOO_FEW, OverallBasis
from bot.scoring.results import Assessment
from bot.scoring.source import dialogue_for, framework_for
from tests.scripted import make

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "transcripts" / "examples"

NORTH_VALE = """
id = "north-vale"
title = "North Vale Partnership self-check"
version = "1"

[source]
document = "North Vale Partnership self-check"

[scales.agree]
weak_at_or_below = 1
options = [
  { value = "disagree", key = "1", label = "Disagree", score = 0 },
  { value = "tend_disagree", key = "2", label = "Tend to disagree", score = 1 },
  { value = "tend_agree", key = "3", label = "Tend to agree", score = 2 },
  { value = "agree", key = "4", label = "Agree", score = 3 },
  { value = "dont_know", key = "d", label = "Don't know", abstain = "dont_know" },
]

[scales.yn]
weak_at_or_below = 0
options = [
  { value = "yes", key = "y", label = "Yes", score = 1 },
  { value = "no", key = "n", label = "No", score = 0 },
]

[bands]
rag = [
  { name = "red", label = "Red", min = 0 },
  { name = "amber", label = "Amber", min = 40 },
  { name = "green", label = "Green", min = 70 },
]

[[areas]]
id = "leadership"
title = "Leadership"
questions = [
  { id = "l1", number = "L1", text = "The board has a clear shared vision.", scale = "agree" },
  { id = "l2", number = "L2", text = "Board members attend regularly.", scale = "agree" },
  { id = "l3", number = "L3", text = "The chair makes sure every partner is heard.", scale = "agree" },
  { id = "l4", number = "L4", text = "Decisions are recorded and followed up.", scale = "agree" },
]

[[areas]]
id = "delivery"
title = "Delivery"
questions = [
  { id = "d1", number = "D1", kind = "yesno", text = "Is there a joint delivery plan?", scale = "yn" },
  { id = "d2", number = "D2", text = "Progress is reported every quarter.", scale = "agree" },
  { id = "d3", number = "D3", text = "Partners pool budgets.", scale = "agree" },
  { id = "d4", number = "D4", text = "Residents can see what was achieved.", scale = "agree" },
]
"""

LEFT_OUT = "from 1 of 2 areas: Delivery has too few answers to score"


def left_after_d1(tmp_path: Path) -> tuple[Path, Assessment]:
    """Leadership all top marks, Delivery's D1 "No", then the respondent leaves."""
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "north-vale.toml").write_text(NORTH_VALE, encoding="utf-8")
    catalogue = Catalogue.searching([folder])
    path, transcript = make(
        catalogue, tmp_path / "t", "north-vale", None, ["4", "4", "4", "4", "n"], finish=False
    )
    loaded, warnings = framework_for(transcript, path, catalogue)
    return path, compile_transcript(transcript, loaded, warnings)


def test_an_overall_from_some_areas_says_which_in_every_place(tmp_path: Path) -> None:
    _, assessment = left_after_d1(tmp_path)
    assert assessment.overall == 100.0  # the documented rule stands: Delivery is left out
    assert result_line(assessment, complete=False).startswith(
        f"Overall so far: 100.0/100 (Green), {LEFT_OUT}  ·  "
    )
    # Said once, after the areas (above): the summary's heading does not repeat it.
    assert LEFT_OUT not in summary_title(assessment)
    md = render_assessment(assessment, "md")
    assert f"**Overall score:** 100.0 / 100 (Green), {LEFT_OUT}\n" in md
    html = render_assessment(assessment, "html")
    assert f"Green</span>, {LEFT_OUT}</p>" in html
    data = json.loads(render_assessment(assessment, "json"))
    assert data["overall"]["basis_words"] == LEFT_OUT
    assert data["overall"]["basis"]["left_out"] == [
        {"title": "Delivery", "why": "has too few answers to score"}
    ]


def test_the_words_name_each_area_left_out_by_why() -> None:
    assert OverallBasis(4).words() == ""
    basis = OverallBasis(
        5, (("Delivery", TOO_FEW), ("Resources", TOO_FEW), ("Engagement", NOT_ASKED_WHY))
    )
    assert basis.words() == (
        "from 2 of 5 areas: Delivery and Resources have too few answers to score; "
        "Engagement was not asked"
    )


def left_after(path: Path, keep: int) -> Assessment:
    """A sample transcript left (abandoned) after ``keep`` of its turns, compiled as its
    report compiles it; all of them: the sample as it is."""
    catalogue = Catalogue()
    transcript = store.load(path).transcript
    framework, warnings = framework_for(transcript, path, catalogue)
    if keep < len(transcript.turns):
        update = {"turns": transcript.turns[:keep], "status": "abandoned"}
        transcript = transcript.model_copy(update=update)
    dialogue, _ = dialogue_for(transcript, path, catalogue, framework)
    return compile_transcript(transcript, framework, warnings, dialogue)


SAMPLES = sorted(p for p in EXAMPLES.rglob("*.toml") if ".frameworks" not in p.parts)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_printed_overall_says_over_which_areas_it_stands(path: Path) -> None:
    """A property over the samples, whole and left part way at several points: wherever
    an overall is printed, it says over which areas it stands exactly when an area of
    it got no score, and never otherwise."""
    turns = len(store.load(path).transcript.turns)
    for keep in (*range(1, turns, max(1, turns // 6)), turns):
        assessment = left_after(path, keep)
        counted = [a for a in assessment.areas if a.area.weight > 0 and a.area.questions]
        missing = [a.area.title for a in counted if a.score is None]
        words = assessment.overall_basis_words
        md = render_assessment(assessment, "md")
        if assessment.overall is None or not missing:
            assert words == "" and " areas: " not in md.split("\n## 1.")[0]
            continue
        assert words.startswith(f"from {len(counted) - len(missing)} of {len(counted)} area")
        assert all(title in words for title in missing)
        assert f"/ 100 ({assessment.overall_rag.label}), {words}\n" in md
        assert escape(words) in render_assessment(assessment, "html")
        assert assessment_data(assessment)["overall"]["basis_words"] == words
        assert words in result_line(assessment, complete=False)


def report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What `partnership-bot report ARGS` prints."""
    cli.main(["report", *args])
    return capsys.readouterr().out


@pytest.mark.parametrize("path", [p for p in SAMPLES if p.parent == EXAMPLES], ids=lambda p: p.stem)
def test_an_aggregate_of_one_stands_on_the_areas_its_report_does(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    single = json.loads(report(capsys, "--format", "json", str(path)))["overall"]
    pooled = json.loads(report(capsys, "--format", "json", "--aggregate", str(path)))["overall"]
    assert (pooled["basis"]["areas"], pooled["basis"]["scored"]) == (
        single["basis"]["areas"],
        single["basis"]["scored"],
    )
    assert bool(pooled["basis_words"]) == bool(single["basis_words"])


def test_an_aggregate_names_the_areas_no_respondent_scored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The survey leaves Engagement to the telephone interview.
    folder = str(EXAMPLES / "hertfordshire-survey")
    said = "from 8 of 9 areas: Engagement has no score from any respondent"
    assert f"/ 100 (Green), {said}\n" in report(capsys, "--aggregate", folder)
    assert f"Green</span>, {said}</p>" in report(capsys, "--aggregate", "--format", "html", folder)


async def test_the_app_report_screen_says_it_too(tmp_path: Path) -> None:
    from tests.tui_helpers import make_app

    path, _ = left_after_d1(tmp_path)
    catalogue = Catalogue.searching([tmp_path / "frameworks"])
    app = make_app(catalogue, tmp_path / "t")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_report(path)
        await pilot.pause()
        title = str(app.screen.query_one("#report-title", Static).render())
    assert f"overall 100.0/100 (Green), {LEFT_OUT}" in title


async def test_the_app_says_it_at_the_end_of_an_abandoned_assessment(tmp_path: Path) -> None:
    from bot import conversation
    from bot.model import Respondent
    from tests.conftest import Clock
    from tests.tui_helpers import running, send

    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "north-vale.toml").write_text(NORTH_VALE, encoding="utf-8")
    catalogue = Catalogue.searching([folder])
    talk = conversation.start(
        catalogue, "north-vale", None, Respondent(name="Dee"), tmp_path / "t", clock=Clock()
    )
    async with running(catalogue, tmp_path / "t", talk) as (app, pilot):
        for key in ("4", "4", "4", "4", "n"):
            await send(pilot, key)
            while talk.current().kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert talk.session.over and not talk.session.complete
        said = str(app.screen.query_one("#result", Static).render())
    assert f"Overall so far: 100.0/100 (Green), {LEFT_OUT}" in said
