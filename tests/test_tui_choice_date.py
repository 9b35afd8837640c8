"""Pilot tests: choice questions (one and several) and dates answered in the real app, in
the chat and in a telephone interview; a refused answer stays in the box to be corrected."""

from __future__ import annotations

from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.options_bar import OptionButton
from bot.tui.widgets.reply_input import ReplyInput
from tests.conftest import DATA, Clock
from tests.tui_helpers import make_app, type_text

SIZE = (80, 24)
OWN = DATA / "own"


def board(folder: Path, interviewer: str | None = None):  # type: ignore[no-untyped-def]
    catalogue = Catalogue(framework_folders=[OWN], dialogue_folders=[OWN])
    talk = conversation.start(
        catalogue,
        "board-check",
        "board-check-chat",
        Respondent(name="Jane Smith"),
        folder,
        Person(name=interviewer) if interviewer else None,
        clock=Clock(),
        transcript_id="0123456789abcdef",
    )
    return catalogue, talk


def answers(path: Path) -> dict[str, str]:
    turns = store.load(path).transcript.turns
    return {t.question: t.value for t in turns if t.kind == "answer"}


def chosen(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.option.value for b in app.screen.query(OptionButton) if b.has_class("-chosen")]


async def test_choices_and_a_date_in_the_chat(tmp_path: Path) -> None:
    catalogue, talk = board(tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        box = app.screen.query_one(ChatInput)
        # A choice of one: an option that does not exist is refused and stays typed.
        await type_text(pilot, "7")
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "7" and box.has_class("-invalid")
        hint = str(app.screen.query_one("#hint").render())
        assert '"7" is not one of the options' in hint and "2 The police" in hint
        await pilot.press("backspace")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert answers(talk.path) == {"b1": "police"}

        # A choice of several: clicks add keys to the box (a second click takes one out),
        # the buttons show what is picked, and nothing is sent before Enter.
        assert "Type the numbers that apply" in box.placeholder
        buttons = {b.option.value: b for b in app.screen.query(OptionButton)}
        for value in ("council", "health", "fire", "health"):
            assert await pilot.click(buttons[value])
            await pilot.pause()
        assert box.value == "1, 4"
        assert chosen(app) == ["council", "fire"]
        await type_text(pilot, ", 9")
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "1, 4, 9" and box.has_class("-invalid")
        assert '"9" is not one of the options' in str(app.screen.query_one("#hint").render())
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, " 5 - mostly")
        assert chosen(app) == ["council", "fire", "voluntary"]
        await pilot.press("enter")
        await pilot.pause()
        assert answers(talk.path)["b2"] == "council,fire,voluntary"

        # A date: an impossible one is refused, saying why, and kept to be corrected.
        assert "Type a date" in box.placeholder
        await type_text(pilot, "31/02/2009")
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "31/02/2009"
        assert "There is no 31 February 2009" in str(app.screen.query_one("#hint").render())
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "2 Dec 2009")
        await pilot.press("enter")
        await pilot.pause()
        assert answers(talk.path)["b3"] == "2009-12-02"

        # Going back shows the picks of the choice of several as the current answer.
        await pilot.press("ctrl+b")
        await pilot.press("ctrl+b")
        await pilot.pause()
        current = [b.option.value for b in app.screen.query(OptionButton) if b.current]
        assert current == ["council", "fire", "voluntary"]


async def test_a_choice_of_several_coded_in_a_telephone_interview(tmp_path: Path) -> None:
    catalogue, talk = board(tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("3")  # a choice of one: a single key codes it
        await pilot.pause()
        assert answers(talk.path) == {"b1": "health"}
        reply = app.screen.query_one("#reply", ReplyInput)
        assert not reply.has_class("-hidden") and app.screen.focused is reply
        assert reply.placeholder.startswith("Type their answer")  # not a follow-up's reply
        codes = str(app.screen.query_one("#codes").render())
        assert "Type every code that applies" in codes
        buttons = {b.option.value: b for b in app.screen.query(OptionButton)}
        assert await pilot.click(buttons["police"])
        await pilot.pause()
        assert reply.value == "2"
        await type_text(pilot, " 3")
        await pilot.press("enter")
        await pilot.pause()
        assert answers(talk.path)["b2"] == "police,health"
