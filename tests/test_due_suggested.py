"""A single report's due date is a suggestion (three, six or twelve months by priority),
and every place that shows one says so."""

from __future__ import annotations

import re
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.scoring import compile_transcript
from bot.scoring.source import framework_for
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"


def sample():  # type: ignore[no-untyped-def]
    transcript = store.load(SAMPLE).transcript
    framework, _ = framework_for(transcript, SAMPLE, Catalogue())
    return compile_transcript(transcript, framework)


def test_the_due_date_reads_as_a_suggestion() -> None:
    assessment = sample()
    due = [a.due for a in assessment.actions if a.due]
    assert due
    markdown = render_assessment(assessment, "md")
    html = render_assessment(assessment, "html")
    assert f"*suggested due date:* {due[0]}" in markdown
    assert f"suggested due date: {due[0]}" in html
    # Never as a bare deadline.
    assert not re.search(r"\*by:\*", markdown) and "; by: " not in html


async def test_the_report_screen_says_it_too(tmp_path: Path) -> None:
    from tests.test_tui import SIZE, open_sample_report
    from tests.tui_helpers import make_app

    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sample_report(pilot, tmp_path)
        shown = " ".join(str(screen.query_one("#actions").render()).split())
    due = next(a.due for a in screen.assessment.actions if a.due)
    assert f"suggested due date: {due}" in shown and f"; by {due}" not in shown
