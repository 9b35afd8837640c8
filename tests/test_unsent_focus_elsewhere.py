"""Words typed and not sent, with the focus on the conversation log (Tab, or a click): the
"Not sent yet" message names a key that sends them from where the focus is, because the
answer's box takes the focus first; Esc again never leaves without words named with a key
that did not work. One rule for the chat and the interview."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from bot.catalogue import Catalogue
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.chat_log import ChatLog
from tests.test_conversation_endings import CALL, not_sent_warnings
from tests.tui_helpers import mini_catalogue, running, start, start_call, type_text


def replies(talk) -> list[str]:  # type: ignore[no-untyped-def]
    """What the respondent has said, as saved."""
    return [turn.text for turn in talk.session.turns if turn.speaker == "respondent"]


async def test_interview_reply_named_from_the_log_is_sent_by_the_key_named(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree: a follow-up opens, the reply box has the focus
        await pilot.pause()
        await type_text(pilot, "they never meet")
        app.screen.query_one(ChatLog).focus()  # as Tab, Tab or a click on the log does
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        [warning] = not_sent_warnings(app)
        assert "Enter sends it" in warning and "Esc, then Enter" not in warning
        assert app.focused is app.screen.query_one("#reply", Input)
        await pilot.press("escape")  # the officer's Esc: asked about, not left
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("enter")  # as the message says
        await pilot.pause()
        assert talk.session.current().kind != "probe"
        assert replies(talk)[-1] == "they never meet"


async def test_interview_second_esc_after_moving_to_the_log_asks_again(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        await type_text(pilot, "they never meet")
        await pilot.press("escape")  # said, with the focus in the reply box
        await pilot.pause()
        assert not_sent_warnings(app)
        app.screen.query_one(ChatLog).focus()  # then the officer moves to the log
        await pilot.pause()
        await pilot.pause()
        assert not not_sent_warnings(app), "Enter would send nothing from the log"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen), "Esc again asks first"
        assert app.focused is app.screen.query_one("#reply", Input)
        [warning] = not_sent_warnings(app)
        assert "Enter sends it; Esc again leaves without it" in warning


async def test_chat_answer_named_from_the_log_is_sent_by_the_key_named(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - they meet monthly")
        await pilot.press("tab")  # to the log
        await pilot.pause()
        assert isinstance(app.focused, ChatLog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        [warning] = not_sent_warnings(app)
        assert "Enter sends it" in warning
        assert app.focused is app.screen.query_one(ChatInput)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert replies(talk) == ["3 - they meet monthly"]
