"""The replay at 80x24: its narrow side panel shows every area's score, each area's title
on one line (cut with an ellipsis), rather than wrapped titles pushing the last areas
out of the panel."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from bot.tui.screens.replay import ReplayScreen
from tests.conftest import ROOT
from tests.tui_helpers import make_app, region_lines

SAMPLE = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"


async def test_the_side_panel_shows_every_area_at_80_by_24(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_replay(SAMPLE)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        await pilot.press("end")
        await pilot.pause()
        rows = [row.strip(" ▇▆▅▄▃▂▁") for row in region_lines(app, "#replay-side")]
        titles = [area.title for area in screen.loaded.framework.areas]
        assert len(titles) == 7
        for title in titles:
            assert any(
                row == title or (row.endswith("…") and title.startswith(row[:-1])) for row in rows
            ), title
        # Each score whole on its line, its RAG label with it.
        assert sum(row.endswith(("Red", "Amber", "Green")) for row in rows) == 7
