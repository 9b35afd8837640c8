"""In the interview, a follow-up reply and a note can both be typed and not sent: every step
that would lose them (leaving by Esc, Ctrl+Q or Ctrl+C, going back, skipping, amending)
names both the first time, each with what sends it from where the officer is, and goes
ahead without them only once both were named."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bot.catalogue import Catalogue
from bot.tui.screens.dialogs import PickScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from tests.test_conversation_endings import CALL, not_sent_warnings
from tests.test_interview_note_kept import note_left_in_its_box, notes_of
from tests.tui_helpers import log_text, running, start_call, type_text

BOTH = (
    'Not sent yet: "they never meet" (Enter sends it) and "line was bad" '
    "(Ctrl+N, then Enter, saves the note); {again} without them."
)
"""The message naming a reply typed in its box and a note left in the notes box."""


async def reply_and_note(pilot) -> None:  # type: ignore[no-untyped-def]
    """Disagree (4) opens a follow-up; a note typed and left in its box, then the reply
    typed in the reply box, neither sent."""
    await pilot.press("4")
    await pilot.pause()
    await note_left_in_its_box(pilot, "line was bad")
    await type_text(pilot, "they never meet")


def kept(app) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """What the reply box and the notes box hold."""
    screen = app.screen
    return screen.query_one("#reply", Input).value, screen.query_one("#notes", Input).value


@pytest.mark.parametrize(
    ("key", "again"),
    [("ctrl+q", "Ctrl+Q again quits"), ("ctrl+c", "Ctrl+C again leaves")],
)
async def test_quitting_names_the_reply_and_the_note(
    tmp_path: Path, catalogue: Catalogue, key: str, again: str
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await reply_and_note(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert kept(app) == ("they never meet", "line was bad")
        assert not_sent_warnings(app) == [BOTH.format(again=again)]
        await pilot.press(key)  # both named: goes without them
        await pilot.pause()
    assert not app.is_running
    assert notes_of(talk) == []


async def test_leaving_names_the_reply_and_the_note(tmp_path: Path, catalogue: Catalogue) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await reply_and_note(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert kept(app) == ("they never meet", "line was bad")
        assert not_sent_warnings(app) == [BOTH.format(again="Esc again leaves")]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_note_typed_after_the_reply_was_named_is_named_before_quitting(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        await type_text(pilot, "they never meet")
        await pilot.press("ctrl+q")  # the reply alone is named
        await pilot.pause()
        assert not_sent_warnings(app) == [
            'Not sent yet: "they never meet". Enter sends it; Ctrl+Q again quits without it.'
        ]
        await note_left_in_its_box(pilot, "line was bad")
        await pilot.press("ctrl+q")  # the note was never named: asked again, naming both
        await pilot.pause()
        assert app.is_running
        assert not_sent_warnings(app) == [BOTH.format(again="Ctrl+Q again quits")]
        await pilot.press("ctrl+n", "enter")  # the note saved, one key away as it said
        await pilot.pause()
        assert [n for _, n in notes_of(talk)] == ["line was bad"]


async def test_the_message_names_what_sends_each_from_the_notes_box(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        await type_text(pilot, "they never meet")
        await pilot.press("ctrl+n")
        await type_text(pilot, "line was bad")
        await pilot.press("ctrl+q")  # the focus in the notes box
        await pilot.pause()
        assert not_sent_warnings(app) == [
            'Not sent yet: "they never meet" (Esc, then Enter, sends it) and "line was bad" '
            "(Enter saves the note); Ctrl+Q again quits without them."
        ]
        await pilot.press("escape")  # back in the reply box: said again for there
        await pilot.pause()
        assert not_sent_warnings(app) == [BOTH.format(again="Ctrl+Q again quits")]


@pytest.mark.parametrize(
    ("key", "again"),
    [("ctrl+b", "Ctrl+B again goes back"), ("ctrl+o", "Ctrl+O again skips")],
)
async def test_going_back_or_skipping_names_the_reply_and_the_note(
    tmp_path: Path, catalogue: Catalogue, key: str, again: str
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await reply_and_note(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert talk.session.current().kind == "probe"  # neither back nor skipped
        assert kept(app) == ("they never meet", "line was bad")
        assert not_sent_warnings(app) == [BOTH.format(again=again)]
        await pilot.press(key)
        await pilot.pause()
        assert talk.session.current().kind == "ask"
        if key == "ctrl+b":  # back to the statement the note is for: it stays in its box
            assert talk.session.current().question.id == first
            assert kept(app)[1] == "line was bad"
        else:  # left behind, as the log says, never dropped silently
            assert talk.session.current().question.id != first
            assert 'not saved (it was left unsent): "line was bad"' in log_text(app)


async def test_amending_names_the_reply_and_the_note(tmp_path: Path, catalogue: Catalogue) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("2")  # the first statement coded: an answer to amend
        await pilot.pause()
        await reply_and_note(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)  # the list of answers not opened
        assert kept(app) == ("they never meet", "line was bad")
        assert not_sent_warnings(app) == [BOTH.format(again="Ctrl+R again amends")]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)


async def test_a_refused_answer_leaves_the_note_to_be_asked_about(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id  # answered with a number, typed
        await note_left_in_its_box(pilot, "line was bad")
        await type_text(pilot, "abc")
        await pilot.press("enter", "enter")  # the note named, then the answer sent: refused
        await pilot.pause()
        assert app.screen.query_one("#reply", Input).has_class("-invalid")  # kept, marked
        assert talk.session.current().question.id == first
        await pilot.press("ctrl+o")  # the refused answer was said to be wrong already
        await pilot.pause()
        assert talk.session.current().question.id == first
        assert not_sent_warnings(app) == [
            'Not sent yet: "line was bad". Ctrl+N, then Enter, saves the note; '
            "Ctrl+O again skips without it."
        ]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert talk.session.current().question.id != first
