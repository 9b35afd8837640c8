"""Ctrl+C pressed right after typing, with no pause between the keys, acts at once: the
words typed are not sent yet, so the first press says so and keeps them (it is never
lost, nor taken before the keys typed ahead of it); pressed again it leaves."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from bot.catalogue import Catalogue
from tests.test_conversation_endings import CALL, not_sent_warnings
from tests.test_interview_burst import burst
from tests.tui_helpers import make_app, mini_catalogue, running, start, start_call


async def test_the_first_ctrl_c_after_a_reply_typed_fast_says_it_is_not_sent(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree opens a follow-up: the reply box takes the keys
        await pilot.pause()
        await burst(pilot, *"quick words", "ctrl+c")  # queued before the first is handled
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen.query_one("#reply", Input).value == "quick words"
        assert [w.partition(".")[0] for w in not_sent_warnings(app)] == [
            'Not sent yet: "quick words"'
        ]
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130


async def test_the_first_ctrl_c_after_an_answer_typed_fast_says_it_is_not_sent(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, *"3 - minutes", "ctrl+c")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert len(not_sent_warnings(app)) == 1
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130
