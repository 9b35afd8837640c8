"""The chat's help names the option keys of the question on screen, not a list of every
framework's keys (some of which would do nothing here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.tui.screens.dialogs import HelpScreen
from tests.tui_helpers import make_app, mini_catalogue, region_lines, start


async def test_the_help_names_this_questions_option_keys(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = [o.key for o in talk.session.current().options]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = region_lines(app, "#help-keys")
        assert rows[0].startswith(", ".join(keys) + "  type an option's key")
        assert not any(row.startswith("1-5, y, n, d") for row in rows)


async def test_the_interview_help_names_this_statements_codes(tmp_path: Path) -> None:
    from bot.catalogue import Catalogue
    from tests.tui_helpers import start_call

    catalogue = Catalogue()
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = region_lines(app, "#help-keys")
        # Strongly agree ... Strongly disagree, Refused: no "d", which codes nothing here.
        assert rows[0].startswith("1, 2, 3, 4, 5, r  code the answer")


def listed_keys(rows: list[str]) -> set[str]:
    """The keys the help lists, one per row (its first column)."""
    return {row.split("  ")[0].strip() for row in rows if row.strip()}


@pytest.mark.parametrize("telephone", [False, True])
async def test_the_help_lists_every_key_the_screen_and_app_have(
    tmp_path: Path, telephone: bool
) -> None:
    from textual.actions import parse

    from bot.tui.widgets.key_hints import key_words

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer" if telephone else None)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        # Every binding that is not ruled out here and now (the report's key, before the
        # end, is; the chat's Ctrl+S, waiting for a long answer to send, is not).
        expected = {
            key_words(b)
            for b in [*screen.BINDINGS, *app.BINDINGS]
            if screen.check_action(*parse(b.action)[1:]) is not False
            and app.check_action(*parse(b.action)[1:]) is not False
        }
        assert "Ctrl+C" in expected and "Ctrl+Q" in expected
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = region_lines(app, "#help-keys")
        assert expected <= listed_keys(rows)
        assert {"Ctrl+C", "Ctrl+Q"} | (set() if telephone else {"Ctrl+S"}) <= listed_keys(rows)
        said = {row.split("  ")[0].strip(): row for row in rows}
        # Neither leaves at once with words typed and not sent: both ask first.
        for key in ("Ctrl+C", "Ctrl+Q"):
            assert "asks first about words not sent" in said[key]
        assert "at once" not in said["Ctrl+C"] and "copies a selection" in said["Ctrl+C"]
        assert telephone or "send the long answer" in said["Ctrl+S"]
