"""A note typed in the interview's notes box and not saved is never lost by moving on: as
leaving does, coding the next answer (by key or by click), keeping a revisited one or
saving a reply asks first and keeps the note in its box, where Ctrl+N, then Enter, saves
it against its statement; the same step again goes on without it, and the log says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bot import store
from bot.catalogue import Catalogue
from tests.test_conversation_endings import CALL, not_sent_warnings
from tests.tui_helpers import log_text, running, start_call, type_text


def notes_of(talk) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The notes saved, with the statement each is saved against."""
    turns = store.load(talk.path).transcript.turns
    return [(t.question, t.text) for t in turns if t.kind == "note"]


async def note_left_in_its_box(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N, the note typed key by key, then Esc back to coding without saving it."""
    await pilot.press("ctrl+n")
    await type_text(pilot, words)
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.parametrize("how", ["key", "click"])
async def test_coding_with_a_note_typed_asks_first_and_keeps_it(
    tmp_path: Path, catalogue: Catalogue, how: str
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await note_left_in_its_box(pilot, "they were hesitant")
        if how == "key":
            await pilot.press("2")
        else:
            await pilot.click("#options OptionButton")  # the first option's button
        await pilot.pause()
        assert talk.session.current().question.id == first  # not coded
        assert app.screen.query_one("#notes", Input).value == "they were hesitant"
        key = "2" if how == "key" else talk.session.current().options[0].key
        assert not_sent_warnings(app) == [
            'Not sent yet: "they were hesitant". Ctrl+N, then Enter, saves the note; '
            f"coding {key} again goes on without it."
        ]
        await pilot.press("ctrl+n", "enter")  # saved against the statement it was for
        await pilot.pause()
        assert notes_of(talk) == [(first, "they were hesitant")]
        assert not not_sent_warnings(app)
        await pilot.press("2")  # nothing unsent: codes at once
        await pilot.pause()
        assert talk.session.current().question.id != first


async def test_coding_again_goes_on_without_the_note_and_the_log_says_so(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await note_left_in_its_box(pilot, "they were hesitant")
        await pilot.press("2")
        await pilot.pause()
        assert talk.session.current().question.id == first
        await pilot.press("2")  # asked once: codes without it
        await pilot.pause()
        assert talk.session.current().question.id != first
        assert app.screen.query_one("#notes", Input).value == ""
        assert 'not saved (it was left unsent): "they were hesitant"' in log_text(app)
    assert notes_of(talk) == []


async def test_saving_a_reply_with_a_note_typed_asks_about_the_note_first(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await pilot.press("4")  # Disagree: a follow-up, the reply box has the focus
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        await note_left_in_its_box(pilot, "line was bad")
        reply = app.screen.query_one("#reply", Input)
        assert app.screen.focused is reply
        await type_text(pilot, "they never meet")
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.current().kind == "probe"  # neither saved nor moved on
        assert reply.value == "they never meet"
        assert app.screen.query_one("#notes", Input).value == "line was bad"
        assert not_sent_warnings(app) == [
            'Not sent yet: "line was bad". Ctrl+N, then Enter, saves the note; '
            "Enter again goes on without it."
        ]
        await pilot.press("ctrl+n", "enter")  # the note saved; back in the reply box
        await pilot.pause()
        assert app.screen.focused is reply
        await pilot.press("enter")  # the reply saved
        await pilot.pause()
        assert talk.session.current().question.id != first
    assert notes_of(talk) == [(first, "line was bad")]
    replies = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "probe_answer"]
    assert replies == ["they never meet"]


async def test_a_note_typed_after_a_click_into_its_box_is_kept_too(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await pilot.click("#notes")  # not Ctrl+N
        await type_text(pilot, "asked for a copy")
        await pilot.press("escape")
        await pilot.press("ctrl+t")  # a pause does not move on: the note stays
        await pilot.pause()
        assert app.screen.query_one("#notes", Input).value == "asked for a copy"
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+n", "enter")
        await pilot.pause()
    assert notes_of(talk) == [(first, "asked for a copy")]


async def test_keeping_a_revisited_answer_with_a_note_typed_asks_first(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await pilot.press("2")
        await pilot.press("ctrl+b")  # back to the first statement, its answer kept
        await pilot.pause()
        assert talk.session.current().question.id == first
        await note_left_in_its_box(pilot, "wants the paper")
        await pilot.press("enter")  # would keep the answer and move on
        await pilot.pause()
        assert talk.session.current().question.id == first
        assert not_sent_warnings(app) == [
            'Not sent yet: "wants the paper". Ctrl+N, then Enter, saves the note; '
            "Enter again goes on without it."
        ]
        await pilot.press("ctrl+n", "enter")
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.current().question.id != first
    assert notes_of(talk) == [(first, "wants the paper")]
