"""Typing "?" or "help" alone (any case, spaces around ignored) shows the help, as the help
key or command does, and records nothing, in the app and in plain mode alike (one rule:
`bot.engine.path.asks_for_help`); anything else typed is an answer as before."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation, store
from bot.engine.path import asks_for_help
from bot.model import Respondent
from bot.plain import PlainMode
from bot.tui.screens.dialogs import HelpScreen
from bot.tui.widgets.chat_input import ChatInput
from tests.tui_helpers import mini_catalogue, running, send, start


@pytest.mark.parametrize("typed", ["?", "help", "HELP", " Help ", "  ?"])
def test_help_words_ask_for_help(typed: str) -> None:
    assert asks_for_help(typed)


@pytest.mark.parametrize("typed", ["", "??", "help me", "1 help", ":help", "helpful"])
def test_other_words_do_not(typed: str) -> None:
    assert not asks_for_help(typed)


def said(path: Path) -> list[str]:
    """What the respondent said, as the transcript keeps it."""
    return [t.text for t in store.load(path).transcript.turns if t.speaker == "respondent"]


async def close_help(pilot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, HelpScreen)
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.parametrize("typed", ["?", "help", " HeLp "])
async def test_the_chat_shows_the_help_and_records_nothing(tmp_path: Path, typed: str) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, typed)
        await close_help(pilot)
        assert said(talk.path) == []
        box = app.screen.query_one(ChatInput)
        assert box.value == "" and not box.has_class("-invalid")
        # The question is still waiting, and takes its answer as before.
        await send(pilot, "3")
        assert said(talk.path) == ["3"]


async def test_a_follow_up_reply_of_help_shows_the_help(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (_app, pilot):
        await send(pilot, "1")
        assert talk.session.current().kind == "probe"
        await send(pilot, "help")
        await close_help(pilot)
        assert said(talk.path) == ["1"]
        assert talk.session.current().kind == "probe"


async def test_help_typed_as_a_long_answer_shows_the_help(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (_app, pilot):
        await send(pilot, "3")
        await send(pilot, "y")
        question = talk.session.current().question
        assert question is not None and question.kind == "text"
        for key in "help":
            await pilot.press(key)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await close_help(pilot)
        assert said(talk.path) == ["3", "y"]


async def test_other_words_are_still_an_answer_and_kept_when_refused(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "help me")
        assert not isinstance(app.screen, HelpScreen)
        box = app.screen.query_one(ChatInput)
        assert box.value == "help me" and box.has_class("-invalid")
        assert said(talk.path) == []


def test_plain_mode_shows_the_help_and_records_nothing(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="Ann"), tmp_path)
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO("?\n HELP \n3\n:quit\n"), out).run()
    finally:
        talk.close()
    text = out.getvalue()
    assert text.count("Answer with an option's key or its words") == 2
    assert said(talk.path) == ["3"]
