"""Starting or resuming an invitee whose refusal stands asks first, on the round screen and
on the command line, saying who logged the refusal and when; opening their interview and
leaving it is not an outcome, and never undoes the refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import exit_codes
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.work import snapshot
from bot.tui.screens.dialogs import ConfirmScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.round_helpers import NOW, SampleRound, log_of, open_round, sample_round, until


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SampleRound:
    """The sample round, worked by Alex; Kim has just logged h37 (part-way through their
    interview) as refused at another terminal."""
    found = sample_round(tmp_path, monkeypatch, "Alex")
    calls.append(found.folder, [CallEntry(at=NOW, invitee="h37", caller="Kim", outcome="refused")])
    return found


async def test_s_on_a_refused_invitee_asks_first_naming_the_refusal(
    sample: SampleRound, catalogue: Catalogue
) -> None:
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_round(app, pilot, "h37")
        await pilot.press("s")
        await until(pilot, lambda: not isinstance(app.screen, RoundScreen))
        assert isinstance(app.screen, ConfirmScreen), app.screen
        assert "refused" in app.screen.question and "Kim" in app.screen.question
        assert f"{NOW.astimezone():%d %b %H:%M}" in app.screen.question
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, RoundScreen))
    assert log_of(sample.folder) == before
    assert snapshot(sample.folder, NOW).find("h37").state == "refused"


async def test_opening_a_refused_interview_and_leaving_keeps_the_refusal(
    sample: SampleRound, catalogue: Catalogue
) -> None:
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_round(app, pilot, "h37")
        await pilot.press("s")
        await until(pilot, lambda: not isinstance(app.screen, RoundScreen))
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RoundScreen))
    assert log_of(sample.folder)[-1]["outcome"] == "interview_resumed"
    assert snapshot(sample.folder, NOW).find("h37").state == "refused"


def test_round_interview_refuses_a_refused_invitee_without_force(sample: SampleRound) -> None:
    before = log_of(sample.folder)
    command = [sys.executable, "-m", "bot", "round", "interview", "h37", "--plain"]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PARTNERSHIP_BOT_TRANSCRIPTS": str(sample.transcripts),
    }
    refused = subprocess.run(
        command, input="", capture_output=True, text=True, env=env, check=False
    )
    assert refused.returncode == exit_codes.USAGE, refused.stderr
    said = " ".join(refused.stderr.split())
    at = f"{NOW.astimezone():%d %b %H:%M}"
    assert said.startswith(f"error: Grace Evans (h37) refused: Kim logged it at {at}"), said
    assert "--force" in said and "nothing was started" in said
    assert log_of(sample.folder) == before
    taken = subprocess.run(
        [*command, "--force"], input=":quit\n", capture_output=True, text=True, env=env, check=False
    )
    assert taken.returncode == exit_codes.OK, taken.stderr
    assert log_of(sample.folder)[-1]["outcome"] == "interview_resumed"
    # Opened and left with nothing answered: the refusal stands.
    assert snapshot(sample.folder, NOW).find("h37").state == "refused"
