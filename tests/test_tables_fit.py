"""The round's invitee list and the action plan at 80x24: the columns a caller or a plan's
owner reads are fitted to the screen, a long cell cut with an ellipsis, never cut off
mid-word (or mid-time) at the screen's edge."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import DataTable

from bot.catalogue import Catalogue
from bot.tui.screens.plan import PlanScreen
from tests.test_plan_tui import folder, open_round, until  # noqa: F401 (a fixture)
from tests.tui_helpers import make_app, region_lines

SIZE = (80, 24)


def shown_width(table: DataTable, columns: int) -> int:
    """Cells the first `columns` columns take, their padding included."""
    return sum(column.get_render_width(table) for column in list(table.columns.values())[:columns])


async def test_the_invitee_list_fits_80_columns_the_role_left_out_first(
    folder: Path,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, folder, "hertfordshire-2009")
        await pilot.pause()
        table = screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        # With appointments booked, the role (what a caller needs least) gives way to
        # the name rather than every column being cut to a few letters.
        assert labels == ["Id", "Name", "How", "State", "Calls", "Last call"]
        # Every column in view: none runs off the edge.
        assert shown_width(table, len(labels)) <= table.scrollable_content_region.width
        assert table.virtual_size.width <= table.scrollable_content_region.width
        screen.select("h30")  # someone who refused, on the last call
        await pilot.pause()
        rows = region_lines(app, "#invitees")
        refused = next(row for row in rows if row.lstrip().startswith("h30"))
        # The call's time is whole; its outcome is cut with an ellipsis if at all.
        assert re.search(r"\d\d/\d\d \d\d:\d\d refus(ed|…)", refused), refused
        name = screen.selected().invitee.name  # type: ignore[union-attr]
        assert name in refused  # whole
        # An appointment's time is whole in the state.
        await pilot.press("f", "f")
        await pilot.pause()
        rows = region_lines(app, "#invitees")
        assert all(re.search(r"(appt|due) \d\d/\d\d \d\d:\d\d", row) for row in rows[1:4]), rows


async def test_the_action_plan_fits_80_columns(
    folder: Path,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, folder, "hertfordshire-2009")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.plan)
        table = app.screen.query_one(DataTable)
        assert shown_width(table, len(table.columns)) <= table.scrollable_content_region.width
        rows = [row.rstrip(" ▇▅▃▁") for row in region_lines(app, "#plan-actions")[1:]]
        first = rows[0]
        assert first.lstrip().startswith("1.1")
        assert first.endswith("…")  # the action, cut to fit; shown whole below the table
        assert "Review whether th" in first


async def test_every_table_is_fitted_again_when_the_screen_is_resized(
    folder: Path,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_round(app, pilot, folder, "hertfordshire-2009")
        await pilot.pause()
        screen.select("h30")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.plan)
        plan = app.screen
        plan.select(plan.plan.actions[2].id)
        home = app.screen_stack[1]
        home.query_one(DataTable).move_cursor(row=1)
        widths = {}
        for _ in range(3):
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            fitted = 6 if app.screen is screen else len(table.columns)
            assert shown_width(table, fitted) <= table.scrollable_content_region.width
            widths[app.screen] = [c.width for c in table.columns.values()]
            await pilot.resize_terminal(160, 30)
            await pilot.pause()
            assert [c.width for c in table.columns.values()] != widths[app.screen]
            # The cursor stays where it was.
            if app.screen is plan:
                assert plan.selected() == plan.plan.actions[2]
            elif app.screen is screen:
                assert screen.selected().invitee.id == "h30"  # type: ignore[union-attr]
            else:
                assert table.cursor_row == 1
            await pilot.press("escape")
            await pilot.pause()


def test_a_column_is_never_cut_below_its_least_width() -> None:
    from bot.tui.fitted import fit_widths

    natural = [3, 16, 5, 20, 5, 29, 24]
    widths = fit_widths(natural, 64, {1, 3, 5, 6}, {3: 17, 5: 18})
    assert sum(widths) <= 64
    assert widths[3] == 17 and widths[5] == 18
    assert widths[1] >= 8 and widths[6] >= 8  # the others share the rest
    # A floor wider than the column's words is its words' width.
    assert fit_widths([10, 40], 30, {0, 1}, {0: 17}) == [10, 20]
