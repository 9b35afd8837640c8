"""An outcome is never logged for someone another officer is interviewing right now
without asking first: the round screen's dialog names who has their transcript open and
asks before any outcome; `round call` refuses, naming who holds them, unless --force."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.rounds import work
from bot.tui.screens.call_outcome import OutcomeScreen
from bot.tui.screens.dialogs import ConfirmScreen
from tests.round_helpers import NOW, claim, log_of, open_round, sample_round, until

SIZE = (80, 24)


def text_of(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The words of a widget of the screen in front, on one line."""
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


async def test_an_outcome_over_an_interview_open_elsewhere_asks_first_naming_who(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Kim")
    shot = work.snapshot(sample.folder, NOW, "Sam")
    talk = work.start_conversation(catalogue, shot, shot.find("h38"), "Sam", NOW)
    try:
        before = log_of(sample.folder)
        app = sample.app(catalogue)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_round(app, pilot, "h38")
            assert screen.selected().held_by == "Sam (transcript open)"  # type: ignore[union-attr]
            await pilot.press("o")
            await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
            held = text_of(app, "#outcome-held")
            assert "Sam has Harry Hughes's transcript open (interview logged at " in held
            await pilot.press("n")  # no answer: asks first
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            assert "Sam has Harry Hughes's transcript open" in text_of(app, ".dialog-text")
            await pilot.press("n")  # not confirmed: nothing logged
            await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
            assert log_of(sample.folder) == before
    finally:
        talk.close()


def test_round_call_refuses_an_outcome_over_an_open_interview_unless_forced(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Kim")
    monkeypatch.chdir(tmp_path)
    shot = work.snapshot(sample.folder, NOW, "Sam")
    talk = work.start_conversation(catalogue, shot, shot.find("h38"), "Sam", NOW)
    try:
        before = log_of(sample.folder)
        status = cli.main(["round", "call", "h38", "wrong-number", "--caller", "Kim"])
        err = capsys.readouterr().err
        assert status == exit_codes.IN_USE
        assert "has their transcript open in another window, held by Sam" in err
        assert "nothing was logged (add --force to log it all the same)" in err
        assert log_of(sample.folder) == before
        status = cli.main(["round", "call", "h38", "busy", "--caller", "Kim", "--force"])
        assert status == exit_codes.OK
        assert log_of(sample.folder)[-1]["outcome"] == "busy"
    finally:
        talk.close()


def test_round_call_refuses_an_outcome_over_another_officers_claim_unless_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.rounds import calls

    sample = sample_round(tmp_path, monkeypatch, "Kim")
    monkeypatch.chdir(tmp_path)
    calls.append(sample.folder, [claim("Sam", "h38", at=datetime.now(UTC))])  # claimed now
    before = log_of(sample.folder)
    status = cli.main(["round", "call", "h38", "busy", "--caller", "Kim"])
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE
    assert "is being called by Sam" in err
    assert log_of(sample.folder) == before
