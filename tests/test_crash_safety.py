"""A plain-mode run killed with SIGKILL at many points never leaves an unreadable transcript
and never loses an answer that was acknowledged with the next prompt."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from bot import conversation, store
from bot.catalogue import Catalogue
from tests.plain_driver import Driver, reply_to

pytestmark = pytest.mark.e2e

KILLS = 32


def test_sigkill_at_many_points(tmp_path: Path) -> None:
    rng = random.Random(20091201)
    catalogue = Catalogue()
    path: Path | None = None
    acknowledged = 0
    for attempt in range(KILLS):
        args = (
            ["resume", str(path), "--plain"]
            if path
            else ["assess", "--plain", "-f", "working-better-together"]
        )
        driver = Driver(*args, cwd=tmp_path)
        screen = driver.read_prompt()
        if path is None:
            path = tmp_path / driver.transcript()
        for _ in range(rng.randint(0, 3)):
            driver.send(reply_to(screen))
            screen = driver.read_prompt()
            acknowledged = count_answers(path)
            if not screen.endswith("> "):  # that was the last answer: the command ended
                break
        if not screen.endswith("> "):
            assert driver.process.wait(10) == 0
            assert store.load(path).transcript.status == "complete"
            break
        # One more answer, killed somewhere between sending it and the next prompt.
        driver.send(reply_to(screen))
        time.sleep(rng.choice([0, 0, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05]))
        driver.process.send_signal(signal.SIGKILL)
        driver.process.wait(10)
        loaded = store.load(path)  # never unreadable
        answers = count_answers(path)
        assert answers >= acknowledged, f"attempt {attempt}: lost an acknowledged answer"
        acknowledged = answers
        if loaded.transcript.status == "complete":
            break
    # And it still resumes at the right place.
    talk = conversation.resume(catalogue, path)
    talk.begin()
    assert talk.session.over or talk.current().kind in ("ask", "probe")
    talk.close()
    assert acknowledged > 5


def count_answers(path: Path) -> int:
    turns = store.load(path).transcript.turns
    return sum(1 for t in turns if t.kind in ("answer", "probe_answer"))
