"""The sample transcripts read like real data: under no action of the sample reports is
one generated reply quoted twice, in the same words or with the same ending."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.report.make import ReportOptions, aggregate_report
from bot.scoring.aggregate import Filters
from tests.conftest import ROOT

SAMPLES = [
    ROOT / "transcripts" / "examples" / "hertfordshire-survey",
    ROOT / "transcripts" / "rounds" / "hertfordshire-2009",
    ROOT / "transcripts" / "rounds" / "hertfordshire-2010",
]


@pytest.mark.parametrize("folder", SAMPLES, ids=lambda p: p.name)
def test_no_action_quotes_one_reply_twice(folder: Path, tmp_path: Path) -> None:
    files = list(store.iter_transcript_files([folder]))
    made = aggregate_report(
        files, Catalogue(), ReportOptions(format="json"), Filters(), tmp_path / "cache"
    )
    actions = json.loads(made.text)["actions"]
    quoted = [a for a in actions if len(a["quotes"]) > 1]
    assert quoted, "the sample has actions with several quotes"
    for action in quoted:
        quotes = action["quotes"]
        assert len(set(quotes)) == len(quotes), (action["id"], quotes)
        # Nor the same words after a different opening ("In our district, ...").
        endings = [q[-30:].casefold() for q in quotes]
        assert len(set(endings)) == len(endings), (action["id"], quotes)
