"""The interview's key bar says what a key does now: the pause key reads Resume while the
call is paused, and Pause again once it goes on."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from bot.tui.widgets.key_hints import KeyHints
from tests.tui_helpers import running, start_call

CALL = ("hertfordshire-review", "hertfordshire-interview")


async def test_the_pause_key_says_resume_while_paused(tmp_path: Path, catalogue: Catalogue) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        hints = app.screen.query_one(KeyHints)
        assert "^t Pause" in hints.text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "^t Resume" in hints.text and "Pause" not in hints.text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "^t Pause" in hints.text and "Resume" not in hints.text
