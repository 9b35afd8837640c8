"""Every way of leaving the app (Ctrl+Q, Ctrl+C, the command palette's Quit) asks about
words typed and not sent through one check: in the conversation's box, or in a box over
it (a note being typed). The first time it says so and keeps them; the same step again
leaves without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.widgets.chat_input import ChatInput
from tests.test_conversation_endings import not_sent_warnings
from tests.tui_helpers import mini_catalogue, running, start, type_text


async def palette_quit(pilot) -> None:  # type: ignore[no-untyped-def]
    """Choose Quit in the command palette (Ctrl+P, then "quit", then Enter)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, "quit")
    await pilot.pause(0.2)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause(0.2)


def hint(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#text-hint", Static).render())


async def test_the_palettes_quit_asks_about_words_in_the_answer_box(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await palette_quit(pilot)
        assert app.is_running and isinstance(app.screen, ChatScreen)
        assert app.screen.query_one(ChatInput).value == "3 - we meet"
        assert not_sent_warnings(app) == [
            'Not sent yet: "3 - we meet". Enter sends it; Ctrl+Q again quits without it.'
        ]
        await palette_quit(pilot)  # asked once: quits without them
    assert not app.is_running


@pytest.mark.parametrize("how", ["palette", "ctrl+q", "ctrl+c"])
async def test_quitting_with_a_note_typed_in_its_box_asks_first(tmp_path: Path, how: str) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "ring the clerk")
        if how == "palette":
            await palette_quit(pilot)
        else:
            await pilot.press(how)
            await pilot.pause()
        assert app.is_running and isinstance(app.screen, TextPromptScreen)
        assert app.screen.query_one("#text", Input).value == "ring the clerk"
        again = "Ctrl+C again leaves" if how == "ctrl+c" else "Ctrl+Q again quits"
        assert hint(app) == f'Not saved yet: "ring the clerk". Enter saves it; {again} without it.'
        await pilot.press("enter")  # still one key away: saved
        await pilot.pause()
        assert [t.text for t in talk.transcript.turns if t.kind == "note"] == ["ring the clerk"]


async def test_quitting_twice_with_a_note_typed_quits_without_it(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "ring the clerk")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_a_note_and_an_answer_both_typed_are_each_asked_about(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "ring the clerk")
        await pilot.press("ctrl+q")  # the note, in the box on top, first
        await pilot.pause()
        assert app.is_running and "ring the clerk" in hint(app)
        await pilot.press("ctrl+q")  # then the answer under it
        await pilot.pause()
        assert app.is_running
        # Enter, where the focus is, saves the note: the answer is sent by the Enter after.
        assert not_sent_warnings(app) == [
            'Not sent yet: "3 - we meet". Enter saves the note, then Enter sends it; '
            "Ctrl+Q again quits without it."
        ]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_the_answers_message_names_what_sends_it_from_the_note_box(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "ring the clerk")
        await pilot.press("ctrl+q", "ctrl+q")  # the note named, then the answer
        await pilot.pause()
        await pilot.press("enter")  # as it says: the note saved, back in the chat
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert [t.text for t in talk.transcript.turns if t.kind == "note"] == ["ring the clerk"]
        # Said again for where the focus is now.
        assert not_sent_warnings(app) == [
            'Not sent yet: "3 - we meet". Enter sends it; Ctrl+Q again quits without it.'
        ]
        await pilot.press("enter")  # as it says: sent
        await pilot.pause()
        assert [t.text for t in talk.transcript.turns if t.kind == "answer"] == ["3 - we meet"]


async def test_the_answers_message_names_what_closes_the_help_over_it(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - we meet")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert not_sent_warnings(app) == [
            'Not sent yet: "3 - we meet". Esc, then Enter sends it; Ctrl+Q again quits without it.'
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert [t.text for t in talk.transcript.turns if t.kind == "answer"] == ["3 - we meet"]


async def test_the_home_screens_quit_button_quits(tmp_path: Path) -> None:
    from textual.widgets import Button

    from tests.tui_helpers import make_app

    app = make_app(mini_catalogue(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#quit", Button).press()
        await pilot.pause()
    assert not app.is_running
