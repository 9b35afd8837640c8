"""Leaving a conversation, and the end of a call: words typed and not sent are kept on
the first Esc (Esc again leaves without them); a finished call offers its report, as a
finished self-assessment does."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from textual.widgets import Input

from bot.catalogue import Catalogue
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.chat_input import ChatInput
from tests.tui_helpers import (
    leave_typed,
    mini_catalogue,
    notifications,
    running,
    send,
    start,
    start_call,
    type_text,
)

CALL = ("hertfordshire-review", "hertfordshire-interview")
"""A telephone interview's framework and dialogue: Disagree (4) opens a follow-up."""


@asynccontextmanager
async def chat_left_with(folder: Path, typed: str):  # type: ignore[no-untyped-def]
    """The app on a new mini self-assessment, with words typed at the first question and
    Esc pressed without sending them: (conversation, app, pilot)."""
    talk = start(mini_catalogue(), folder)
    async with running(mini_catalogue(), folder, talk) as (app, pilot):
        await leave_typed(pilot, typed)
        yield talk, app, pilot


def not_sent_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [w for w in notifications(app) if w.startswith("Not sent yet")]


async def test_a_half_typed_follow_up_reply_is_kept_on_the_first_esc(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree: a follow-up opens, the reply box has the focus
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        await leave_typed(pilot, "they never")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one("#reply", Input).value == "they never"
        assert any('Not sent yet: "they never"' in w for w in notifications(app))
        await pilot.press("escape")  # asked twice: leave without it
        await pilot.pause()
        assert not isinstance(app.screen, InterviewScreen)


async def test_a_half_typed_answer_in_the_chat_is_kept_on_the_first_esc(tmp_path: Path) -> None:
    async with chat_left_with(tmp_path, "3 - we meet") as (talk, app, pilot):
        assert isinstance(app.screen, ChatScreen)
        assert app.screen.query_one(ChatInput).value == "3 - we meet"
        await pilot.press("enter")  # sending it is still one key away
        await pilot.pause()
        assert "a1" in talk.session.answers


async def test_with_nothing_typed_esc_leaves_at_once(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChatScreen)


async def test_a_finished_call_offers_its_report(tmp_path: Path, catalogue: Catalogue) -> None:
    from bot.tui.screens.report import ReportScreen

    talk = start_call(catalogue, tmp_path, *CALL)
    talk.begin()
    while not talk.session.over:
        assert talk.skip().accepted
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        assert "o views the report" in str(app.screen.query_one("#codes").render())
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.assessment.transcript_id == talk.transcript.id


async def test_the_not_sent_warning_goes_once_the_words_are_sent(tmp_path: Path) -> None:
    async with chat_left_with(tmp_path, "3 - we meet") as (talk, app, pilot):
        assert not_sent_warnings(app)
        await pilot.press("enter")  # sent: nothing is left unsent
        await pilot.pause()
        assert "a1" in talk.session.answers
        assert not_sent_warnings(app) == []
        await pilot.press("escape")  # nothing typed: leaves at once, and says nothing
        await pilot.pause()
        assert not isinstance(app.screen, ChatScreen)
        assert not_sent_warnings(app) == []


async def test_the_not_sent_warning_goes_once_the_words_are_cleared(tmp_path: Path) -> None:
    async with chat_left_with(tmp_path, "3 - we") as (_, app, pilot):
        assert not_sent_warnings(app)
        for _ in "3 - we":
            await pilot.press("backspace")
        await pilot.pause()
        assert not_sent_warnings(app) == []


async def test_the_not_sent_warning_never_shows_on_another_screen(tmp_path: Path) -> None:
    async with chat_left_with(tmp_path, "3 - we") as (_, app, pilot):
        assert not_sent_warnings(app)
        await pilot.press("escape")  # leaves without the words
        await pilot.pause()
        assert not isinstance(app.screen, ChatScreen)
        assert not_sent_warnings(app) == []


async def test_a_sent_reply_takes_the_interviews_warning_down(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        await leave_typed(pilot, "they never")
        assert not_sent_warnings(app)
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.current().kind == "ask"
        assert not_sent_warnings(app) == []


async def test_going_back_with_words_typed_asks_first(tmp_path: Path) -> None:
    # Ctrl+B once dropped a reply typed and not sent, saying nothing (Esc asks first).
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await send(pilot, "3")  # the first question answered
        await pilot.pause()
        now = talk.session.current().node
        await type_text(pilot, "we meet monthly")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert talk.session.current().node == now  # not gone back
        assert app.screen.query_one(ChatInput).value == "we meet monthly"
        assert any(
            'Not sent yet: "we meet monthly". Enter sends it; Ctrl+B again goes back' in w
            for w in not_sent_warnings(app)
        )
        await pilot.press("ctrl+b")  # asked once: back, without the words
        await pilot.pause()
        assert talk.session.current().node != now
        assert not not_sent_warnings(app)
