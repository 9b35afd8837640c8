"""A question without Don't know says how to skip it when the respondent doesn't know, in
the engine's refusal and in both front ends (plain: :skip; the app: Ctrl+O)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.engine.answers import AnswerError, parse_answer
from bot.model import Question
from bot.model.framework import ChoiceOption, Range
from bot.plain import PlainMode
from bot.tui.screens.chat import ChatScreen
from tests.conftest import DATA
from tests.plain_driver import Driver, TerminalInput
from tests.test_tui_choice_date import SIZE, answers, board
from tests.tui_helpers import make_app, mini_catalogue, start, type_text

BOARD = (DATA / "own" / "board-check.toml", DATA / "own" / "board-check-chat.toml")
DATE = Question(id="d", text="When?", kind="date")
NUMBER = Question(id="n", text="How many?", kind="number", recommended=Range(min=1, max=3))
PICKS = Question(
    id="c",
    text="Which?",
    kind="choice",
    multiple=True,
    options=(ChoiceOption(value="a", label="A"), ChoiceOption(value="b", label="B")),
)


@pytest.mark.parametrize("question", [DATE, NUMBER, PICKS], ids=["date", "number", "choice"])
@pytest.mark.parametrize("text", ["not sure", "d", "don't know - ask the chair"])
def test_a_dont_know_to_a_question_without_one_is_refused_as_skippable(
    question: Question, text: str
) -> None:
    with pytest.raises(AnswerError) as error:
        parse_answer(question, None, text)
    assert error.value.skippable
    assert "no Don't know" in str(error.value)


def test_other_refusals_are_not_skippable() -> None:
    with pytest.raises(AnswerError) as error:
        parse_answer(DATE, None, "31/02/2009")
    assert not error.value.skippable


@pytest.mark.e2e
def test_plain_mode_says_skip_to_a_date_without_dont_know(tmp_path: Path) -> None:
    from tests.plain_driver import run

    assert run("add", *map(str, BOARD), cwd=tmp_path).returncode == 0
    talk = Driver(
        "assess", "--plain", "-f", "board-check", "--name", "Ann", cwd=tmp_path, terminal=True
    )
    for line in ("2", "1 2 3", "2 Dec 2009", "1", "3", "y"):
        talk.read_prompt()
        talk.send(line)
    assert "When was the risk register last brought up to date?" in talk.read_prompt()
    talk.send("not sure")
    refused = " ".join(talk.read_prompt().split())  # wrapped at 80 columns
    assert "no Don't know answer" in refused and "Type :skip to skip this question." in refused
    talk.send(":skip")
    talk.read_prompt()
    talk.send("4")
    assert talk.finish() == 0, talk.output


async def test_the_app_says_ctrl_o_to_a_date_without_dont_know(tmp_path: Path) -> None:
    catalogue, talk = board(tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        for line in ("2", "1 2 3", "2 Dec 2009", "1", "3", "y"):
            await type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
        assert set(answers(talk.path)) == {"b1", "b2", "b3", "b4", "b5", "r1"}
        await type_text(pilot, "d")
        await pilot.press("enter")
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert "no Don't know answer" in hint and "Ctrl+O skips this question." in hint
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("end", "backspace")  # the refused "d" is kept in the box
        await type_text(pilot, "4")
        await pilot.press("enter")
        await pilot.pause()
        assert "r2" not in answers(talk.path) and answers(talk.path)["r3"] == "always"


async def test_the_app_names_its_own_way_to_skip_an_empty_reply_or_narrative(
    tmp_path: Path,
) -> None:
    """An empty follow-up reply and an empty narrative answer are refused with the app's
    way to skip (Ctrl+O), never plain mode's typed command."""
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "4")  # Strongly agree, no evidence: a follow-up
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        await pilot.press("enter")  # an empty reply
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert hint == "Please type a reply. Ctrl+O skips the follow-up."
        await pilot.press("ctrl+o")
        await type_text(pilot, "y")
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.current().question.kind == "text"
        await pilot.press("ctrl+s")  # an empty narrative answer
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert hint == "Please type an answer. Ctrl+O skips this question."
        assert ":skip" not in hint


def test_plain_mode_names_its_command_to_skip(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    out = io.StringIO()
    try:
        PlainMode(talk, TerminalInput("4\n\n:skip\ny\n\n:quit\n"), out).run()
    finally:
        talk.close()
    said = out.getvalue()
    assert "Please type a reply. Type :skip to skip the follow-up." in said
    assert "Please type an answer. Type :skip to skip this question." in said


def test_the_engine_says_what_a_skip_would_pass_over(tmp_path: Path) -> None:
    # One rule for both front ends: which refusals can be skipped, and what skipping
    # passes over; each front end only says how (plain ":skip", the app its key).
    from bot.engine import Outcome

    talk = start(mini_catalogue(), tmp_path)
    try:
        talk.begin()
        session = talk.session
        skippable = Outcome(error="Please type an answer.", skippable=True)
        assert session.skip_target(Outcome(error="No.")) is None
        assert session.skip_target(skippable) == "this question"
        assert session.skip_target(skippable, "statement") == "this statement"
        while session.current().kind != "probe":
            talk.answer("1")  # the weakest answer: a follow-up comes
        assert session.skip_target(skippable, "statement") == "the follow-up"
    finally:
        talk.close()


def test_the_skip_key_named_is_the_key_bound() -> None:
    from bot.tui.screens.conversation_base import SKIP_KEY
    from bot.tui.screens.interview import InterviewScreen
    from bot.tui.widgets.key_hints import key_words

    for screen in (ChatScreen, InterviewScreen):
        (binding,) = [b for b in screen.BINDINGS if getattr(b, "action", None) == "skip"]
        assert key_words(binding) == SKIP_KEY
