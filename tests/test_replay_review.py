"""Replaying, printing, reporting and amending a transcript of a round that asked about
the actions agreed the year before: its plan review questions are not the framework's,
and are named as the app asked them ("Agreed action 1.3"), never by their ids."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.engine.review import question_id
from bot.model import Question
from bot.model.transcript import ReviewItem
from bot.replay_text import print_replay
from bot.report.make import assess
from bot.tui.screens.interview_words import amendable
from bot.tui.screens.replay import ReplayScreen
from tests.conftest import Clock
from tests.scripted import answer_each, new_conversation, review_answered
from tests.tui_helpers import log_text, make_app

ITEMS = (
    ReviewItem(
        action="elected-member",
        ref="1.3",
        area="leadership",
        text="Make sure an elected member leads the partnership.",
        owner="Partnership chair",
        due=date(2010, 4, 18),
        round="hm-2009",
    ),
    ReviewItem(
        action="shared-data",
        ref="2.1",
        area="intelligence",
        text="Share the partners' data in one place.",
        round="hm-2009",
    ),
)


def hallmarks_with_review(folder: Path) -> Path:
    """A Hallmarks self-assessment of a round after one that agreed two actions: the
    questions of the first two areas answered, with both review questions among them."""
    talk = new_conversation(Catalogue(), folder, "hallmarks", "hallmarks-self", "Ann Archer", ITEMS)
    talk.begin()
    reviewed = set()

    def reply(question: Question) -> str | None:
        if len(reviewed) == len(ITEMS):
            return None  # both asked: stop here
        if question.id.startswith("review_"):
            reviewed.add(question.id)
            return "2 - the board minutes of March 2010"
        return "a county councillor" if question.kind == "text" else "y"

    answer_each(talk, reply)
    talk.close()
    return talk.path


async def test_jumping_to_an_area_that_begins_with_a_review_question(tmp_path: Path) -> None:
    path = hallmarks_with_review(tmp_path / "transcripts")
    app = make_app(Catalogue(), tmp_path / "transcripts", replay=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second area, which a review question opens
        await pilot.pause()
        assert app.is_running
        asked = screen.turns[screen.position - 1]
        assert asked.kind == "ask" and asked.question == question_id(ITEMS[1])
        await pilot.press("end")
        await pilot.pause()
        shown = log_text(app)
    assert "Question Agreed action 2.1" in shown
    assert "review_" not in shown


def test_the_plain_replay_numbers_review_questions_as_they_were_asked(tmp_path: Path) -> None:
    path = hallmarks_with_review(tmp_path)
    out = io.StringIO()
    print_replay(store.load(path).transcript, Catalogue(), out)
    text = out.getvalue()
    assert "[Agreed action 1.3] Bot: Last year the partnership agreed" in text
    assert "[Agreed action 2.1]" in text
    assert "review_" not in text
    assert "[1.1] Bot:" in text


def test_the_report_of_a_transcript_with_review_answers(tmp_path: Path) -> None:
    path = hallmarks_with_review(tmp_path)
    assessment = assess(path, Catalogue())
    assert assessment.areas[0].score is not None


def test_an_interviewer_can_amend_a_review_answer(tmp_path: Path) -> None:
    path = review_answered(Catalogue(), tmp_path, ITEMS[0])
    again = conversation.resume(Catalogue(), path, Clock())
    try:
        names = dict(amendable(again.session.framework, again.session.answers))
        assert names[question_id(ITEMS[0])] == "Agreed action 1.3"
        assert again.amend(question_id(ITEMS[0]), "3 - not yet").accepted
    finally:
        again.close()
    answers = [t for t in store.load(path).transcript.turns if t.kind == "answer"]
    assert answers[-1].value == "not_started" and answers[-1].amends
