"""Messages (toasts) in the chat show over its history, never over the answer box, its
options or the hint under it, at 80x24: the words being typed stay readable."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from tests.conftest import Clock
from tests.tui_helpers import leave_typed, make_app


async def test_the_not_sent_yet_message_leaves_the_answer_box_in_view(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = conversation.start(
        catalogue, "hallmarks", "hallmarks-self", Respondent(name="Ann"), tmp_path, clock=Clock()
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    # Toasts are drawn only where notifications are on (Pilot has them off by default).
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await leave_typed(pilot, "p - some partners and more")
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert toasts
        screen = app.screen
        kept = [screen.query_one(s).region for s in ("#answer", "#options", "#hint", "#progress")]
        for toast in toasts:
            for region in kept:
                assert not toast.region.overlaps(region), (toast.region, region)
