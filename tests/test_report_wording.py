"""A framework built from one partnership's 2009 paper keeps that paper's words in its
actions (Fareham's name among them); every report says once whose words they are, so a
report for another partnership never reads as if it were about Fareham."""

from __future__ import annotations

import json
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.report.make import ReportOptions, aggregate_report
from bot.scoring import compile_transcript
from bot.scoring.aggregate import Filters
from bot.scoring.source import framework_for
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
SEED_WORDS = (
    "To develop a picture of the quality of life in Fareham based on the national indicator "
    "dataset and broken down into neighbourhood profiles."
)


def horsham_report(fmt: str) -> str:
    """The Fareham sample's answers, as if given for another partnership."""
    catalogue = Catalogue()
    loaded = store.load(SAMPLE).transcript
    respondent = loaded.respondent.model_copy(update={"partnership": "Horsham Partnership"})
    transcript = loaded.model_copy(update={"respondent": respondent})
    framework, _ = framework_for(transcript, SAMPLE, catalogue)
    return render_assessment(compile_transcript(transcript, framework), fmt)


def test_a_report_says_once_whose_words_the_actions_are() -> None:
    markdown = horsham_report("md")
    # The seed's wording is kept as it is, never rewritten for another partnership...
    assert SEED_WORDS in markdown
    # ... and the report says, once, whose words they are.
    assert markdown.count("*Wording:*") == 1
    note = next(line for line in markdown.splitlines() if line.startswith("*Wording:*"))
    assert "networkfareham Board paper" in note
    assert "not necessarily the partnership assessed here" in note
    assert markdown.index("*Wording:*") < markdown.index(SEED_WORDS)
    html = horsham_report("html")
    assert html.count("<strong>Wording:</strong>") == 1 and "networkfareham" in html
    data = json.loads(horsham_report("json"))
    assert "networkfareham Board paper" in data["wording_note"]
    assert any(a["text"] == SEED_WORDS for a in data["actions"])


def test_an_aggregate_says_it_too(tmp_path: Path) -> None:
    catalogue = Catalogue()
    for fmt in ("md", "html"):
        made = aggregate_report(
            [SAMPLE], catalogue, ReportOptions(format=fmt), Filters(), tmp_path / "cache"
        )
        assert made.text.count("Wording:") == 1, fmt
        assert "networkfareham Board paper" in made.text
