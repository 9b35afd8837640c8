"""A line break in someone's words is kept in every report format: Markdown " / ", HTML
<br> (the words still escaped), CSV the newline inside the quoted cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.report.make import ReportOptions, aggregate_report, transcript_reports
from bot.scoring.aggregate import Filters
from tests.conftest import DATA
from tests.scripted import make

TWO_LINES = "elected at the AGM in May 2008\nleader of the <b>council</b>"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    make(cat, tmp_path / "t", "mini", "mini-chat", ["3", "y", TWO_LINES, "13", "3"])
    return list(store.iter_transcript_files([tmp_path / "t"]))


def _reports(files: list[Path], fmt: str) -> tuple[str, str]:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    single = transcript_reports(files, cat, ReportOptions(format=fmt)).made[0].text
    return single, aggregate_report(files, cat, ReportOptions(format=fmt), Filters()).text


def test_markdown_keeps_the_break_as_a_slash(files: list[Path]) -> None:
    for report in _reports(files, "md"):
        assert "May 2008 / leader of the \\<b>council\\</b>" in report
        assert "May 2008 leader" not in report


def test_html_keeps_the_break_as_br_and_escapes_the_words(files: list[Path]) -> None:
    for report in _reports(files, "html"):
        assert "May 2008<br>\nleader of the &lt;b&gt;council&lt;/b&gt;" in report
        assert "<b>council" not in report


def test_csv_keeps_the_newline_inside_the_cell(files: list[Path]) -> None:
    aggregate = _reports(files, "csv")[1]
    cells = [cell for row in csv.reader(io.StringIO(aggregate)) for cell in row]
    assert any("May 2008\nleader of the <b>council</b>" in cell for cell in cells)
