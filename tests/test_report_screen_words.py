"""The app's report screen says in its area table what every export says: an area of an
abandoned assessment none of whose statements was reached says "not reached", never "too
few" (one rule, `AreaResult.actions_cell`)."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Static

from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.scoring.results import NOT_REACHED, TOO_FEW_FOR_ACTIONS, TOO_FEW_SHORT
from bot.tui.screens.report import ReportScreen
from tests.tui_helpers import begun, running

STRUCTURE = ("governance-structure", "governance-structure-review")


def abandoned(folder: Path):  # type: ignore[no-untyped-def]
    """A structure review abandoned after its first three answers (the sizes)."""
    talk = begun(Catalogue(), folder, *STRUCTURE)
    for text in ("12 - the board", "8 - the chief officers", "10 - each group"):
        assert talk.answer(text).accepted
    assert talk.abandon().accepted
    return talk


def test_each_area_s_actions_cell_is_the_reports_own_words(tmp_path: Path) -> None:
    assessment = abandoned(tmp_path).assessment()
    first, *later = assessment.areas
    assert first.actions_cell() == TOO_FEW_FOR_ACTIONS
    assert first.actions_cell(short=True) == TOO_FEW_SHORT
    for area in later:
        assert area.not_reached
        assert area.actions_cell() == area.actions_cell(short=True) == NOT_REACHED
    data = json.loads(render_assessment(assessment, "json"))
    assert [a["actions_shown"] for a in data["areas"]] == [
        area.actions_cell() for area in assessment.areas
    ]


async def test_the_report_screen_says_not_reached_as_the_exports_do(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = abandoned(tmp_path)
    data = json.loads(render_assessment(talk.assessment(), "json"))
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        table = app.screen.query_one("#areas", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        # Every column fits in 80 columns, "not reached" included.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        below = str(app.screen.query_one("#actions", Static).render())
    actions = [row[-1] for row in rows]
    assert actions == [TOO_FEW_SHORT, *[NOT_REACHED] * 4]
    shown = [a["actions_shown"] for a in data["areas"]]
    assert actions == [TOO_FEW_SHORT if s == TOO_FEW_FOR_ACTIONS else s for s in shown]
    # The Score column as the exports' (n/a where there is no score; Actions says why).
    assert [row[1] for row in rows] == ["n/a"] * 5
    # The risk register, never reached, is said to be so, as in every export.
    assert "Top risks (risk register) (Risk)\n   Not reached." in below
    assert "No risk was named" not in below
    assert [r["note"] for a in data["areas"] for r in a["registers"]] == ["Not reached."]
