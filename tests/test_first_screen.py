"""Started straight into a conversation, the app draws it as its first screen, not over an
empty one (a frame sooner: benchmarks/startup.py), styled as when it is opened from home;
left, it goes home as a conversation opened from home does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.tui.app import PartnershipApp
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from tests.tui_helpers import make_app

SIZE = (80, 24)


async def test_a_chat_started_with_the_app_is_its_first_screen_and_leaves_for_home(
    tmp_path: Path,
) -> None:
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue, "working-better-together", None, Respondent(name="A"), tmp_path
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [ChatScreen]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
        # The conversation left has let go of its transcript, and home's cursor is on it:
        # r carries on with it.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.screen.conversation.path == talk.path


async def test_an_interview_started_with_the_app_has_its_own_stylesheet(tmp_path: Path) -> None:
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Chief Executive"),
        tmp_path,
        Person(name="An Officer"),
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [InterviewScreen]
        sheets = sorted(Path(path).name for path, _ in app.stylesheet.source)
        assert "interview.tcss" in sheets
        # The script panel sits beside the guidance, as its stylesheet lays it out.
        script = app.screen.query_one("#script")
        assert script.region.width < SIZE[0]


async def test_without_textuals_internals_the_chat_is_pushed_and_still_leaves_for_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Textual that renamed what a first screen of the app's own needs still starts.
    monkeypatch.setattr(PartnershipApp, "_textual_can_start_on_a_screen", lambda self: False)
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue, "working-better-together", None, Respondent(name="A"), tmp_path
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
