"""Make transcripts for tests by running the real engine with scripted answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Question, Respondent, Transcript
from bot.model.transcript import ReviewItem
from tests.conftest import Clock


def make(
    catalogue: Catalogue,
    folder: Path,
    framework: str,
    dialogue: str | None,
    answers: list[str],
    respondent: Respondent | None = None,
    finish: bool = True,
    probe_reply: str = ":skip",
    start: datetime | None = None,
) -> tuple[Path, Transcript]:
    """Answer in order (probes get `probe_reply`); stop early when `finish` is false."""
    clock = Clock(start or datetime(2009, 6, 1, 9, 0, tzinfo=UTC), timedelta(seconds=5))
    talk = conversation.start(
        catalogue, framework, dialogue, respondent or Respondent(name="Test"), folder, clock=clock
    )
    talk.begin()
    queue = list(answers)
    while not talk.session.over and (queue or finish):
        prompt = talk.current()
        if prompt.kind == "probe":
            outcome = talk.skip() if probe_reply == ":skip" else talk.answer(probe_reply)
        else:
            if not queue:
                raise AssertionError(f"ran out of answers at {prompt.question.id}")
            outcome = talk.answer(queue.pop(0))
        assert outcome.accepted, outcome.error
    talk.close()
    return talk.path, talk.transcript


def new_conversation(
    catalogue: Catalogue,
    folder: Path,
    framework: str,
    dialogue: str,
    name: str,
    review: tuple[ReviewItem, ...] = (),
) -> conversation.Conversation:
    """A new conversation on the tests' clock, not yet begun; ``review``: the actions the
    round before agreed, asked about at the start of their areas."""
    return conversation.start(
        catalogue, framework, dialogue, Respondent(name=name), folder, clock=Clock(), review=review
    )


def review_answered(catalogue: Catalogue, folder: Path, item: ReviewItem) -> Path:
    """A Hertfordshire interview whose one review question (asked first) is answered Done,
    naming the minutes; closed there. Its transcript's path."""
    talk = new_conversation(
        catalogue, folder, "hertfordshire-review", "hertfordshire-interview", "Bo", (item,)
    )
    talk.begin()
    talk.answer("1 - agreed by the Board on 10 March 2010")
    talk.close()
    return talk.path


def answer_each(talk: conversation.Conversation, reply: Callable[[Question], str | None]) -> None:
    """Answer each question asked with ``reply(question)``, skipping every follow-up, until
    the conversation is over or ``reply`` gives None."""
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        assert prompt.question is not None
        typed = reply(prompt.question)
        if typed is None:
            return
        outcome = talk.answer(typed)
        assert outcome.accepted, (prompt.question.id, typed, outcome.error)
