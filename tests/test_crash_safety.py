"""A plain-mode run killed with SIGKILL at many points never leaves an unreadable transcript
and never loses an answer that was acknowledged with the next prompt."""

from __future__ import annotations

import random
import re
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


RETRY_CHILD = """
import resource, signal, sys
from pathlib import Path
from bot import conversation
from bot.catalogue import Catalogue
from bot.conversation import SaveError
from bot.model import Respondent

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk gives EFBIG, not death
data, folder, existing = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
catalogue = Catalogue(framework_folders=[data], dialogue_folders=[data])
if existing:
    talk = conversation.resume(catalogue, Path(existing))
else:
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="J"), folder)
    talk.begin()
print("path", talk.path, flush=True)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
for n in range(1000):
    # The disk is full for a while (every save fails part-way), then has room again.
    full = n % 3 != 2
    limit = talk.path.stat().st_size + 60 if full else soft
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        talk.note(f"note {n} " + "x" * 80)
    except SaveError:
        continue
    print("saved", n, flush=True)
"""


SAVED = re.compile(r"saved (\d+)")


def test_sigkill_during_failed_save_retries(tmp_path: Path) -> None:
    """Saves failing part-way and retried, killed at random points: the transcript always
    loads and no save that was reported done is lost."""
    import subprocess
    import sys

    from tests.conftest import DATA, ROOT

    rng = random.Random(20091202)
    path = ""
    acknowledged: set[str] = set()
    for attempt in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", RETRY_CHILD, str(DATA), str(tmp_path / "t"), path],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert child.stdout is not None
        first = child.stdout.readline().split()
        assert first[:1] == ["path"], child.stderr.read() if child.stderr else ""
        path = first[1]
        time.sleep(rng.choice([0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1]))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=10)
        # Only whole "saved N" lines acknowledge a save: a kill can cut the last line short.
        acknowledged |= {
            f"note {m[1]} " for line in rest.splitlines() if (m := SAVED.fullmatch(line.strip()))
        }
        notes = {
            t.text.split("x")[0]
            for t in store.load(Path(path)).transcript.turns
            if t.kind == "note"
        }  # never unreadable
        assert acknowledged <= notes, f"attempt {attempt}: lost a save reported done"
    assert acknowledged, "some saves went through between the failures"
