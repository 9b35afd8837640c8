"""The header at the end of a conversation says how it ended, counted as the home list
counts it (`bot.engine.path.answered_of`): an abandoned one is never shown complete."""

from __future__ import annotations

from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.tui.screens.home import progress_of
from bot.tui.widgets.progress_header import ProgressHeader
from tests.conftest import Clock
from tests.tui_helpers import running, send


async def test_an_abandoned_assessment_is_shown_abandoned_with_how_far_it_got(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = conversation.start(
        catalogue,
        "ptp-success-criteria",
        "ptp-self-assessment",
        Respondent(name="Ann"),
        tmp_path,
        clock=Clock(),
    )
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        for _ in range(3):
            await send(pilot, "3")
            while talk.current().kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.over and not talk.session.complete
        header = app.screen.query_one(ProgressHeader)
        assert (header.where, header.count) == ("Abandoned", "3 of 12 questions answered")
        assert "100%" not in header.bar.plain and "25%" in header.bar.plain
        assert "Complete" not in header.where
    assert progress_of(store.load(talk.path).transcript, catalogue) == "3/12"


async def test_an_abandoned_bar_is_filled_to_the_questions_answered_not_reached(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """As `ProgressHeader.show_end` says: a Don't know reached is not answered, so the bar
    stops at the answers, as the words beside it do."""
    talk = conversation.start(
        catalogue,
        "ptp-success-criteria",
        "ptp-self-assessment",
        Respondent(name="Ann"),
        tmp_path,
        clock=Clock(),
    )
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        for answer in ("3", "3", "3", "d"):
            await send(pilot, answer)
            while talk.current().kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert len(talk.session.answers) == 4  # the fourth a Don't know
        header = app.screen.query_one(ProgressHeader)
        assert header.count == "3 of 12 questions answered"
        assert "25%" in header.bar.plain and "33%" not in header.bar.plain
