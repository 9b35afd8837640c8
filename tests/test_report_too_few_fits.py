"""The report screen at 80 columns where areas had too few answers to score (a nearly
empty assessment): the area table still fits, saying "too few" as its Actions column does."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from bot.catalogue import Catalogue
from bot.tui.screens.report import ReportScreen
from tests.tui_helpers import region_lines, running, start_call

CALL = ("hertfordshire-review", "hertfordshire-interview")


async def test_an_assessment_with_too_few_answers_fits_80_columns(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    talk.begin()
    talk.answer("2")
    while not talk.session.over:
        assert talk.skip().accepted
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        table = app.screen.query_one("#areas", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        rows = region_lines(app, "#areas")
        assert rows[0].split() == ["Area", "Score", "RAG", "Coverage", "Evidence", "Actions"]
        assert any("too few" in row for row in rows[1:])
