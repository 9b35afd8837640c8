"""The round screen's re-read in the background never puts a dialog over a conversation:
a round file broken by hand is said once, in a line on the round screen, and the line goes
once the file reads again; an interview started from the round screen goes on coding."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.round_helpers import until
from tests.test_round_tui import SIZE, open_round, press_on
from tests.tui_helpers import make_app

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NOW = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The transcripts folder with a copy of the sample round in rounds/."""
    transcripts = tmp_path / "transcripts"
    shutil.copytree(SAMPLE, transcripts / "rounds" / "hertfordshire-2009")
    monkeypatch.setenv("PARTNERSHIP_BOT_CALLER", "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    return transcripts


async def reread(pilot, screen: RoundScreen) -> None:  # type: ignore[no-untyped-def]
    """The re-read the round screen makes every few seconds, finished."""
    screen.refresh_round()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_round_file_broken_by_hand_never_interrupts_an_interview(
    folder: Path, catalogue: Catalogue
) -> None:
    round_file = folder / "rounds" / "hertfordshire-2009" / "round.toml"
    good = round_file.read_text(encoding="utf-8")
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await press_on(pilot, screen, "h38", "s")
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        round_file.write_text(good.replace("max_attempts = 5", 'max_attempts = "5"'))
        for _ in range(3):
            await reread(pilot, screen)
        assert app.screen is interview
        await pilot.press("2")  # codes the statement, as if nothing happened
        await pilot.pause()
        assert [t.text for t in interview.conversation.session.turns if t.kind == "answer"] == ["2"]
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        await reread(pilot, screen)
        await reread(pilot, screen)
        assert app.screen is screen  # no dialog over the round screen either
        line = screen.query_one("#round-problem", Static)
        assert line.display
        assert str(line.render()).startswith("Cannot read the round: ")
        assert "max_attempts" in str(line.render())
        round_file.write_text(good)
        await reread(pilot, screen)
        assert not line.display
