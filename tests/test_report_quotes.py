"""Long answers, comments, replies and notes are quoted in part in every report format,
by one rule, saying how long the whole is; the transcript keeps every word."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import limits, store
from bot.catalogue import Catalogue
from bot.report.data import quoted
from bot.report.make import ReportOptions, aggregate_report, transcript_reports
from bot.scoring.aggregate import Filters
from tests.conftest import DATA
from tests.scripted import make

LONG_COMMENT = " ".join(f"comment{i}" for i in range(1_500))  # about 14,000 characters
LONG_REPLY = " ".join(f"reply{i}" for i in range(1_500))  # about 11,000 characters


def test_short_words_are_quoted_whole_and_long_ones_in_part() -> None:
    assert quoted("We lack the resources") == "We lack the resources"
    exact = "x" * limits.QUOTE_CHARS
    assert quoted(exact) == exact
    shown = quoted(LONG_COMMENT)
    assert shown.startswith("comment0 comment1 ")
    assert shown.endswith(f"… ({len(LONG_COMMENT):,} characters in full in the transcript)")
    assert len(shown) < limits.QUOTE_CHARS + 60
    assert not shown.split("…")[0].endswith(" ")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    make(
        cat,
        tmp_path / "t",
        "mini",
        "mini-chat",
        ["1 - " + LONG_COMMENT, "p", "13", "3"],
        probe_reply=LONG_REPLY,
    )
    return tmp_path / "t"


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_every_report_format_quotes_long_words_in_part(folder: Path, fmt: str) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    files = list(store.iter_transcript_files([folder]))
    text = store.load(files[0]).transcript.model_dump_json()
    assert LONG_COMMENT in text.replace("\\n", "\n") and LONG_REPLY in text  # kept whole
    single = transcript_reports(files, cat, ReportOptions(format=fmt)).made[0].text
    many = aggregate_report(files, cat, ReportOptions(format=fmt), Filters()).text
    for report in (single, many):
        assert "comment1499" not in report and "reply1499" not in report
    assert "characters in full in the transcript" in single
    assert f"{len(LONG_REPLY):,} characters in full in the transcript" in many
