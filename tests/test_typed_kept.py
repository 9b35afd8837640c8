"""Nothing typed or pasted into the app is lost without a word: a paste of several lines
into a one-line box keeps every line, a paste over a box's cap keeps what fits, a reply
keeps the case of its first letter, and skipping or cancelling a note with words typed
says so first; a folder that cannot be written is said plainly."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static

from bot import store
from bot.catalogue import Catalogue
from bot.folder_words import cannot_write_transcripts
from bot.limits import MAX_TEXT_CHARS
from bot.tui.paste import pasted_text
from bot.tui.screens.dialogs import MessageScreen, TextPromptScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.start import StartScreen
from bot.tui.widgets.long_answer import LongAnswer
from tests.tui_helpers import (
    make_app,
    mini_catalogue,
    notifications,
    running,
    send,
    start,
    start_call,
    type_text,
)

LINES = "3 - one\r\ntwo\r\n\r\nthree\r"
JOINED = "3 - one two three"
JOINED_SAID = "Pasted as one line: its 3 lines were joined by spaces."


def said(app: object, selector: str = "#hint") -> str:
    """What a hint line of the screen on top says."""
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def paste(pilot, box: Input | LongAnswer, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste into a box, as the terminal's paste reaches it (through the app, which
    hands it to the box with the focus)."""
    box.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def test_a_one_line_box_takes_every_line_of_a_paste() -> None:
    assert pasted_text(LINES) == JOINED
    assert pasted_text("just one line\r\n") == "just one line"


async def test_a_paste_of_several_lines_into_the_chats_boxes_keeps_them_all(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        answer = app.screen.query_one("#answer", Input)
        await paste(pilot, answer, LINES)
        assert answer.value == JOINED
        assert said(app) == JOINED_SAID
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        note = app.screen.query_one("#text", Input)
        await paste(pilot, note, "first point\nsecond point")
        assert note.value == "first point second point"
        assert "its 2 lines were joined" in said(app, "#text-hint")
        await pilot.press("enter")
        await pilot.pause()
    notes = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "note"]
    assert notes == ["first point second point"]


async def test_a_paste_of_several_lines_into_the_interviews_boxes_keeps_them_all(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree: a follow-up opens
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        reply = app.screen.query_one("#reply", Input)
        await paste(pilot, reply, "Board meets\rrarely")
        assert reply.value == "Board meets rarely"
        assert "its 2 lines were joined" in said(app)
        await pilot.press("ctrl+n")
        notes = app.screen.query_one("#notes", Input)
        await paste(pilot, notes, "ring back\nafter six")
        assert notes.value == "ring back after six"


async def test_a_paste_over_a_boxs_cap_keeps_what_fits_and_says_what_was_left_out(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    async with running(catalogue, tmp_path, start(catalogue, tmp_path)) as (app, pilot):
        answer = app.screen.query_one("#answer", Input)
        await type_text(pilot, "3 - ")
        await paste(pilot, answer, "x" * 25_000)
        assert answer.value == "3 - " + "x" * (MAX_TEXT_CHARS - 4)
        hint = " ".join(said(app).split())
        assert f"Only {MAX_TEXT_CHARS - 4:,} of the 25,000 characters pasted fit" in hint
        assert f"the last {25_000 - MAX_TEXT_CHARS + 4:,} were left out" in hint
        answer.value = ""
        await send(pilot, "3")
        await send(pilot, "y")
        area = app.screen.query_one("#long-answer", LongAnswer)
        await type_text(pilot, "The clerk")
        await pilot.press("enter")  # a new line in this box
        await paste(pilot, area, "y" * 25_000)
        assert area.text == "The clerk\n" + "y" * (MAX_TEXT_CHARS - 10)
        assert "were left out" in said(app)


async def test_a_reply_starting_with_a_coding_keys_letter_keeps_its_case(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    async with running(catalogue, tmp_path, talk) as (_app, pilot):
        for reply in ("Really weak board", "REPLY"):
            await pilot.press("4")  # Disagree: a follow-up opens; r codes Refused
            await pilot.pause()
            assert talk.session.current().kind == "probe"
            await send(pilot, reply)
    replies = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "probe_answer"]
    assert replies == ["Really weak board", "REPLY"]


async def test_skip_with_words_typed_in_the_chat_asks_first(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3 - mostly")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().node == "a1"
        assert app.screen.query_one("#answer", Input).value == "3 - mostly"
        assert notifications(app) == [
            'Not sent yet: "3 - mostly". Enter sends it; Ctrl+O again skips without it.'
        ]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().node != "a1"
        assert notifications(app) == []
        await send(pilot, "y")
        assert isinstance(app.screen.query_one("#long-answer"), LongAnswer)
        await type_text(pilot, "the clerk")
        await pilot.press("escape")  # "Not sent yet ... Ctrl+S sends it"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().node == "a3"
        assert notifications(app) == [
            'Not sent yet: "the clerk". Ctrl+S sends it; Ctrl+O again skips without it.'
        ]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().node != "a3"
        assert notifications(app) == []  # the message went with the box's words


async def test_skip_with_a_reply_typed_in_the_interview_asks_first(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("4")
        await pilot.pause()
        await type_text(pilot, "meets rarely")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        assert app.screen.query_one("#reply", Input).value == "meets rarely"
        assert notifications(app) == [
            'Not sent yet: "meets rarely". Enter sends it; Ctrl+O again skips without it.'
        ]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().kind == "ask"


async def test_esc_in_the_note_dialog_keeps_a_typed_note_until_pressed_again(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "ring the clerk")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        assert app.screen.query_one("#text", Input).value == "ring the clerk"
        assert said(app, "#text-hint") == (
            'Not saved yet: "ring the clerk". Enter saves it; Esc again cancels without it.'
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TextPromptScreen)
        await pilot.press("ctrl+n")  # an empty note is cancelled at once
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TextPromptScreen)
    assert not [t for t in store.load(talk.path).transcript.turns if t.kind == "note"]


async def test_a_new_assessment_in_a_folder_that_cannot_be_written_says_so_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "transcripts"
    refused = PermissionError(errno.EPERM, "Operation not permitted", str(folder / ".x.tmp"))

    def read_only(path: Path, data: bytes, keep_locked: bool = False) -> int:
        raise refused

    monkeypatch.setattr(store, "_atomic_write", read_only)
    catalogue = mini_catalogue()
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(StartScreen(catalogue, folder, telephone=False))
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Ann"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        words = cannot_write_transcripts(folder, refused)
        assert app.screen.message == words[:1].upper() + words[1:]
        assert "Errno" not in app.screen.message
        assert "choose a folder you can write with --transcripts DIR" in words
