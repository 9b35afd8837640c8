"""The app, its transcript moved or renamed while open: the save that finds it saves into
the moved file and says so, and the app says it again on stderr once it has closed (exit
status 6), as it does for a transcript replaced or removed; words typed after it are said
to be unsaveable here, never that Enter sends them."""

from __future__ import annotations

import os
from pathlib import Path

from bot import store
from tests.tui_helpers import (
    log_text,
    mini_catalogue,
    notifications,
    running,
    send,
    start,
    type_text,
)


def answers(path: Path) -> list[str]:
    return [t.text for t in store.load(path).transcript.turns if t.speaker == "respondent"]


async def test_a_move_found_by_a_save_is_said_again_after_the_app_closes(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    path = talk.path
    moved = path.with_name("renamed.toml")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "3 - first")
        os.rename(path, moved)
        await send(pilot, "2 - second")
        assert "moved or renamed" in log_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert len(app.after_exit) == 1
    assert "moved or renamed while it was open here" in app.after_exit[0]
    assert "every answer, the last one included, is in the moved file" in app.after_exit[0]
    assert answers(moved) == ["3 - first", "2 - second"]


async def test_words_typed_after_the_move_are_said_to_be_unsaveable_here(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    path = talk.path
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "3 - first")
        os.rename(path, path.with_name("renamed.toml"))
        await send(pilot, "2 - second")  # saved in the moved file; nothing more is
        await type_text(pilot, "y - after the move")
        await pilot.press("enter")
        await pilot.pause()
        assert "this is in no file" in " ".join(log_text(app).split())
        await pilot.press("escape")
        await pilot.pause()
        said = " ".join(" ".join(notifications(app)).split())
        assert '"y - after the move" cannot be saved here' in said
        assert "Enter sends it" not in said
        assert "Esc again leaves without it" in said
