"""Carrying on at a follow-up shows what it follows: the question and the answer, first."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation
from bot.plain import PlainMode
from tests.tui_helpers import log_text, make_app, mini_catalogue, start

SIZE = (80, 24)


def stopped_at_a_follow_up(folder: Path, interviewer: str | None = None) -> Path:
    """A mini conversation left while its first follow-up was waiting."""
    catalogue = mini_catalogue()
    talk = start(catalogue, folder, interviewer=interviewer)
    talk.begin()
    talk.answer("1 - the board rarely meets")
    assert talk.current().kind == "probe"
    talk.close()
    return talk.path


def test_plain_mode_repeats_the_question_and_answer_before_the_follow_up(
    tmp_path: Path,
) -> None:
    path = stopped_at_a_follow_up(tmp_path)
    talk = conversation.resume(mini_catalogue(), path)
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO(""), out).run(resumed=True)
    finally:
        talk.close()
    text = out.getvalue()
    resumed = text[text.index("Resuming where you left off.") :]
    question = resumed.index("a1 (1 of up to 5). The partnership works well.")
    answer = resumed.index("Your answer: Disagree - the board rarely meets")
    follow_up = resumed.index("Follow-up: Why is that?")
    assert question < answer < follow_up


@pytest.mark.parametrize("interviewer", [None, "An Officer"], ids=["chat", "interview"])
async def test_the_app_repeats_the_question_and_answer_before_the_follow_up(
    tmp_path: Path, interviewer: str | None
) -> None:
    path = stopped_at_a_follow_up(tmp_path, interviewer)
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=conversation.resume(catalogue, path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        log = log_text(app)
        whose = "Their" if interviewer else "Your"
        recap = log.rindex("Question a1: The partnership works well.")
        answer = log.rindex(f"{whose} answer: Disagree - the board rarely meets")
        follow_up = log.rindex("Why is that?")
        assert recap < answer < follow_up
        # The recap comes after everything said before leaving.
        assert log.index("Disagree - the board rarely meets") < recap
