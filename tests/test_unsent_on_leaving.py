"""Words typed and not sent, whatever would lose them: the "Not sent yet" message says
what sends them from where the focus is now (out of the notes box, Enter no longer saves
the note), and quitting the app (Ctrl+Q, Ctrl+C) keeps them on the first press, as
leaving by Esc does; the same key again goes without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bot import store
from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.chat_input import ChatInput
from tests.test_conversation_endings import CALL, not_sent_warnings
from tests.tui_helpers import mini_catalogue, running, start, start_call, type_text


async def test_out_of_the_notes_box_the_message_no_longer_says_enter_saves_the_note(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("ctrl+n")
        await type_text(pilot, "they were hesitant")
        await pilot.press("ctrl+b")  # would drop the note: said first
        await pilot.pause()
        assert not_sent_warnings(app) == [
            'Not sent yet: "they were hesitant". Enter saves the note; '
            "Ctrl+B again goes back without it."
        ]
        await pilot.press("escape")  # out of the notes box, back to coding
        await pilot.pause()
        assert app.screen.focused is not app.screen.query_one("#notes", Input)
        assert not_sent_warnings(app) == [
            'Not sent yet: "they were hesitant". Ctrl+N, then Enter, saves the note; '
            "Ctrl+B again goes back without it."
        ]
        await pilot.press("ctrl+n")  # in the box again: Enter saves it there
        await pilot.pause()
        assert [w.split(". ", 1)[1] for w in not_sent_warnings(app)] == [
            "Enter saves the note; Ctrl+B again goes back without it."
        ]
        await pilot.press("enter")
        await pilot.pause()
        notes = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "note"]
        assert notes == ["they were hesitant"]


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_quitting_a_call_with_a_note_typed_asks_first(
    tmp_path: Path, catalogue: Catalogue, key: str
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("ctrl+n")
        await type_text(pilot, "call back at two")
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one("#notes", Input).value == "call back at two"
        again = "Ctrl+Q again quits" if key == "ctrl+q" else "Ctrl+C again leaves"
        assert not_sent_warnings(app) == [
            f'Not sent yet: "call back at two". Enter saves the note; {again} without it.'
        ]
        await pilot.press(key)  # asked once: quits without it
        await pilot.pause()
    assert not app.is_running


async def test_quitting_a_call_with_a_follow_up_reply_typed_asks_first(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree: a follow-up, the reply box has the focus
        await pilot.pause()
        await type_text(pilot, "they never")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#reply", Input).value == "they never"
        assert any('"they never". Enter sends it' in w for w in not_sent_warnings(app))
        await pilot.press("enter")  # still one key away
        await pilot.pause()
        said = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "probe_answer"]
        assert said == ["they never"]
        await pilot.press("ctrl+q")  # nothing unsent: quits at once
        await pilot.pause()
    assert not app.is_running


async def test_quitting_the_chat_with_words_typed_asks_first(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one(ChatInput).value == "3 - we meet"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_abandoning_the_chat_with_words_typed_says_they_go_too(tmp_path: Path) -> None:
    from textual.widgets import Static

    from bot.tui.screens.dialogs import ConfirmScreen

    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one(".dialog-text", Static).render())
        assert '"3 - we meet", typed and not sent, is not.' in question
        await pilot.press("escape")  # keep going: the words are still there
        await pilot.pause()
        assert app.screen.query_one(ChatInput).value == "3 - we meet"
        assert not talk.session.over
