"""Words left unsent in the multi-line box are said to be sent by the key that sends
them there (Ctrl+S; Enter adds a line in that box)."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from tests.tui_helpers import begun, leave_typed, notifications, running


async def test_not_sent_yet_names_ctrl_s_in_the_multi_line_box(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    while (question := talk.current().question) is not None and question.id != "rag_risk":
        talk.skip()
    talk.answer("y")
    while talk.current().kind == "probe":
        talk.skip()
    assert talk.current().question.kind == "text"  # type: ignore[union-attr]
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await leave_typed(pilot, "Housing targets")
        said = " ".join(notifications(app))
        assert "Ctrl+S sends it" in said
        assert "Enter sends it" not in said
        await pilot.press("enter")  # adds a line there: nothing is sent
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert talk.session.answers["risk_objective#1"].text == "Housing targets"
