"""A number question that allows Don't know says how to give it, in both front ends."""

from __future__ import annotations

import io
from pathlib import Path

from bot.catalogue import Catalogue
from bot.engine import Progress, Prompt
from bot.model import Question
from bot.plain import PlainMode
from bot.tui.screens.chat import ChatScreen
from bot.turn_words import answer_hint
from tests.tui_helpers import mini_catalogue, start

PROGRESS = Progress("a", "Area", 1, 1, 1, 1)


def board_size() -> Question:
    return Catalogue().framework("governance-structure").framework.question("board_size")


def asked(question: Question) -> Prompt:
    return Prompt(kind="ask", node="n", text=question.text, progress=PROGRESS, question=question)


def test_the_hint_names_d_for_dont_know_only_where_it_is_allowed() -> None:
    question = board_size()
    assert question.allow_dont_know
    assert answer_hint(question) == "Type a number (members), or d for Don't know"
    plain = question.model_copy(update={"allow_dont_know": False})
    assert answer_hint(plain) == "Type a number (members)"


def test_plain_mode_says_d_for_dont_know(tmp_path: Path) -> None:
    out = io.StringIO()
    talk = start(mini_catalogue(), tmp_path)
    try:
        PlainMode(talk, io.StringIO(""), out).prompt(asked(board_size()))
    finally:
        talk.close()
    assert "   Type a number (members), or d for Don't know.\n" in out.getvalue()


def test_the_app_says_d_for_dont_know() -> None:
    placeholder = ChatScreen._placeholder(asked(board_size()))
    assert placeholder == "Type a number (members), or d for Don't know, then Enter"


async def test_the_interview_says_d_for_dont_know(tmp_path: Path) -> None:
    from bot import conversation
    from bot.model import Person, Respondent
    from tests.tui_helpers import make_app

    catalogue = Catalogue()
    talk = conversation.start(
        catalogue,
        "governance-structure",
        None,
        Respondent(name="Ann"),
        tmp_path,
        Person(name="Officer"),
    )
    talk.begin()
    while talk.current().question is None or talk.current().question.id != "board_size":
        talk.skip()
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        codes = str(app.screen.query_one("#codes").render())
        assert "Type a number (members), or d for Don't know, in the reply box" in codes
