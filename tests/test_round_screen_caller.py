"""The round screen's officer: the name the app holds (its interviewer) when it has one;
and a name asked for there that cannot be remembered is said with the file in full, why and
what to do."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from textual.widgets import Input

from bot.catalogue import Catalogue
from bot.rounds import caller
from bot.tui.screens.dialogs import TextPromptScreen
from tests.round_helpers import log_of, open_round, sample_round, until
from tests.tui_helpers import notifications


async def test_the_round_screen_takes_the_apps_interviewer_as_its_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "")
    app = sample.app(catalogue)
    app.interviewer = "Sam Okafor"  # as typed in the New interview form
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h38")
        assert screen.caller == "Sam Okafor"
        await pilot.press("o", "n")  # logged by Sam, never asked
        await until(pilot, lambda: log_of(sample.folder)[-1]["invitee"] == "h38")
        assert not isinstance(app.screen, TextPromptScreen)
    assert log_of(sample.folder)[-1]["caller"] == "Sam Okafor"


async def test_a_name_not_remembered_names_the_file_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "")
    kept = caller.remembered_path()
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.mkdir()  # a folder where the file goes
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_round(app, pilot, "h38")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, TextPromptScreen))
        app.screen.query_one(Input).value = "Pat"
        await pilot.press("enter")
        await until(pilot, lambda: any("remembered" in n for n in notifications(app)))
        [said] = [n for n in notifications(app) if "remembered" in n]
    assert said.startswith(f"The name could not be remembered in {kept} (")
    assert "a folder is in its place: move or remove that folder" in said
    assert said.endswith("it is used until the app closes")


async def test_a_self_assessment_begun_at_an_officers_screen_is_held_by_that_officer(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    catalogue: Catalogue,
) -> None:
    """`round status` elsewhere names who began it (no call is logged for a
    self-assessment: the transcript's lock note names them), never "someone"."""
    from bot import cli, exit_codes

    sample = sample_round(tmp_path, monkeypatch, "")
    app = sample.app(catalogue)
    app.interviewer = "Sam Okafor"
    monkeypatch.setenv("COLUMNS", "200")  # room for the whole row
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h17")  # a self-assessor, not started
        await pilot.press("s")
        await until(pilot, lambda: app.screen is not screen)
        shown = io.StringIO()
        with contextlib.redirect_stdout(shown):  # the app holds the real one
            status = cli.main(["round", "status", "--caller", "Kim", "-r", str(sample.folder)])
        out = shown.getvalue()
    assert status == exit_codes.OK
    [row] = [line for line in out.splitlines() if line.split()[:1] == ["h17"]]
    assert "being called by Sam Okafor (transcript open)" in row
    assert "someone" not in row
