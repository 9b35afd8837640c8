"""Make transcripts for tests by running the real engine with scripted answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent, Transcript
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
