"""An export that cannot be written says which file (its full path), why and what to do
(`bot.files.remedy`), and the line that said where an earlier export went is cleared."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Static

from bot import files
from bot.tui.screens.dialogs import MessageScreen
from tests.tui_helpers import make_app, mini_catalogue, start


async def test_an_export_not_written_names_the_file_why_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.close()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_report(talk.path)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        report = app.screen
        assert str(report.query_one("#export-path", Static).render()).startswith("Saved CSV")

        def refused(path: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))

        monkeypatch.setattr(files, "write_new", refused)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        target = tmp_path.resolve() / "reports" / f"{talk.path.stem}.md"
        assert app.screen.message == (
            f"{target} could not be written (Operation not permitted): make it and its "
            "folder writable, then export again."
        )
        assert str(report.query_one("#export-path", Static).render()) == ""


async def test_an_export_where_a_file_stands_for_the_folder_says_to_move_it(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.close()
    (tmp_path / "reports").write_text("not a folder")
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_report(talk.path)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        target = tmp_path.resolve() / "reports" / f"{talk.path.stem}.html"
        assert app.screen.message.startswith(f"{target} could not be written (not a folder): ")
        assert "a file stands where a folder on its path should be: move that file away" in (
            app.screen.message
        )
