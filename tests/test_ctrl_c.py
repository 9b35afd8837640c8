"""Ctrl+C in the app: it leaves (status 130, all saved); with text selected in a box it
copies the text, as Textual's boxes do, and with words typed and not sent it says so
and keeps them, as Esc does; pressed again it leaves."""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import make_app, mini_catalogue, start, type_text


async def test_ctrl_c_copies_selected_text_then_leaves(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "3 - minutes")
        await pilot.press("shift+home", "ctrl+c")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.clipboard == "3 - minutes"
        await pilot.press("ctrl+c")  # the words copied are still not sent: said first
        await pilot.pause()
        assert app.is_running and app.return_code is None
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130


async def test_ctrl_c_with_nothing_selected_leaves(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130


async def test_ctrl_c_with_words_not_sent_keeps_them_then_leaves(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "3 - minutes")
        await pilot.press("ctrl+c")  # said first, and kept, as Esc does
        await pilot.pause()
        assert app.is_running and app.return_code is None
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130
