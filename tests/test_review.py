"""The plan review questions: spliced into a dialogue at the start of each area, asked
and probed like any other question, kept on the final path, never scored, and rebuilt
from the transcript's header on resume."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot import conversation, store
from bot.answer_score import check_answers
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import final_path
from bot.engine.review import question_id, reviewed_framework, with_review, wording
from bot.facts import AnswerFacts
from bot.model.transcript import ReviewItem
from bot.problems import LoadError
from tests.conftest import Clock
from tests.scripted import new_conversation, review_answered

AT = datetime(2010, 11, 9, 9, 0, tzinfo=UTC)
ITEMS = (
    ReviewItem(
        action="right-partners",
        ref="right-partners",
        area="membership",
        text="Review whether the right partners are represented.",
        owner="Partnership chair",
        due=date(2010, 4, 18),
        round="hertfordshire-2009",
    ),
    ReviewItem(action="elsewhere", text="An action of an area no longer there.", area="gone"),
)


def test_wording_names_owner_and_due_date() -> None:
    assert wording(ITEMS[0]) == (
        'Last year the partnership agreed: "Review whether the right partners are '
        'represented." (owner: Partnership chair, due 18 Apr 2010). How far has it got?'
    )


def test_interview_asks_after_the_areas_introduction(catalogue: Catalogue) -> None:
    framework = catalogue.framework("hertfordshire-review")
    loaded = with_review(catalogue.dialogue("hertfordshire-interview", framework), ITEMS)
    session = Session(loaded)
    shown = session.begin(AT).turns
    asked = [t for t in shown if t.kind == "ask"]
    # The item of an unknown area goes to the first area, after the one of that area.
    assert asked[-1].question == question_id(ITEMS[0])
    assert shown[-2].text == "Theme: Membership."
    prompt = session.current()
    assert "Would you say it is done" in prompt.read_aloud
    assert [o.label for o in prompt.options] == [
        "Done",
        "In progress",
        "Not started",
        "Dropped",
        "Don't know",
    ]
    probe = session.answer("4 - overtaken by events", AT).turns
    assert probe[-1].kind == "probe" and "why was it dropped" in probe[-1].text
    after = session.answer("the LAA took over", AT).turns
    assert after[-1].kind == "ask" and after[-1].question == question_id(ITEMS[1])
    session.answer("2 - the working group met on 3 May 2010", AT)
    assert session.current().question.id == "t1"
    step = final_path(session.turns).step(question_id(ITEMS[0]))
    assert step is not None and step.answer.value == "dropped"
    assert step.replies == ("the LAA took over",)


def test_a_vague_comment_is_followed_up(catalogue: Catalogue) -> None:
    framework = catalogue.framework("hertfordshire-review")
    session = Session(
        with_review(catalogue.dialogue("hertfordshire-interview", framework), ITEMS[:1])
    )
    session.begin(AT)
    turns = session.answer("2 - sort of, I think", AT).turns
    assert turns[-1].kind == "probe" and turns[-1].trigger == "vague"


def test_review_answers_never_count_in_an_area_score(catalogue: Catalogue) -> None:
    base = catalogue.framework("hertfordshire-review").framework
    augmented = reviewed_framework(base, ITEMS)
    session = Session(
        with_review(
            catalogue.dialogue(
                "hertfordshire-interview", catalogue.framework("hertfordshire-review")
            ),
            ITEMS[:1],
        )
    )
    session.begin(AT)
    session.answer("3", AT)  # not started: the lowest
    session.skip(AT)
    session.answer("1", AT)  # t1: strongly agree
    answers = final_path(session.turns).answers
    with_review_score = AnswerFacts(augmented, answers).area_score("membership")
    without = AnswerFacts(
        base, {k: v for k, v in answers.items() if k in {q.id for q in base.questions()}}
    ).area_score("membership")
    assert with_review_score == without == 100.0


def test_a_transcript_keeps_its_review_and_resumes_with_it(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = new_conversation(
        catalogue, tmp_path, "hertfordshire-review", "hertfordshire-survey", "Ann", ITEMS
    )
    talk.begin()
    for _ in range(2):  # S1 and S2 (naming the minutes, neither is followed up)
        talk.answer("2 - minutes of March 2010")
    assert talk.current().question.id == question_id(ITEMS[0])
    path = talk.path
    talk.close()
    transcript = store.load(path).transcript
    assert transcript.review == ITEMS
    again = conversation.resume(catalogue, path, Clock())
    try:
        assert again.current().question.id == question_id(ITEMS[0])
        again.answer("1 - the new terms of reference were agreed on 10 March 2010")
    finally:
        again.close()
    transcript = store.load(path).transcript
    loaded = catalogue.framework("hertfordshire-review").framework
    check_answers(loaded, transcript, path)  # review answers are checked as asked


def test_a_review_answer_that_is_no_status_is_refused_on_load(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = review_answered(catalogue, tmp_path, ITEMS[0])
    transcript = store.load(path).transcript
    turns = tuple(
        t.model_copy(update={"value": "finished"}) if t.kind == "answer" else t
        for t in transcript.turns
    )
    broken = transcript.model_copy(update={"turns": turns})
    with pytest.raises(LoadError, match="finished"):
        check_answers(catalogue.framework("hertfordshire-review").framework, broken, path)


def test_transcripts_without_a_review_are_written_as_before(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = new_conversation(
        catalogue, tmp_path, "hertfordshire-review", "hertfordshire-survey", "Cy"
    )
    path = talk.path
    talk.close()
    assert "[[review]]" not in path.read_text() and "\nreview" not in path.read_text()
