"""What an officer types is never thrown away when it cannot be written: a call back's
time and note stay in the outcome dialog when the call log cannot be written (a full
disk), and a plan's progress note or owner stays in its box when plan.toml cannot be;
each says which file and what to do, and Enter tries again."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.tui.screens.call_outcome import OutcomeScreen
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.screens.round import RoundScreen
from tests.round_helpers import log_of, open_round, sample_round, until

SIZE = (100, 30)
NOTE = "precious call-back note: ask for the clerk"


def full_once(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, failing the first time as a full disk does."""
    failed: list[bool] = []

    def write(*args: Any, **kwargs: Any) -> Any:
        if not failed:
            failed.append(True)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    return write


def said(app: Any, selector: str) -> str:
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


async def test_a_call_back_that_cannot_be_logged_keeps_its_time_and_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = log_of(sample.folder)
    monkeypatch.setattr(calls, "append_whole", full_once(calls.append_whole))
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: bool(app.screen.query("#call-note")))
        when = app.screen.query_one("#when", Input)
        when.value = "2099-01-05 14:30"
        note = app.screen.query_one("#call-note", Input)
        note.focus()
        note.value = NOTE
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen), "the dialog stays open"
        assert app.screen.query_one("#call-note", Input).value == NOTE
        assert app.screen.query_one("#when", Input).value == "2099-01-05 14:30"
        hint = said(app, "#outcome-hint")
        assert "calls.jsonl could not be written (No space left on device)" in hint
        assert "Free some space on its disk, then Enter tries again" in hint
        assert log_of(sample.folder) == before
        await pilot.press("enter")  # tried again, with room on the disk now
        await until(pilot, lambda: app.screen is screen)
        entry = log_of(sample.folder)[-1]
        assert (entry["invitee"], entry["outcome"], entry["note"]) == ("h38", "call_back", NOTE)


async def test_a_progress_note_that_cannot_be_saved_stays_in_its_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    from bot.rounds import plan as plan_module
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.work import snapshot
    from bot.tui.screens.plan import PlanScreen
    from tests.round_helpers import NOW

    sample = sample_round(tmp_path, monkeypatch, "Sam")
    compile_plan(snapshot(sample.folder, NOW), catalogue, NOW)
    plan_file = sample.folder / "plan.toml"
    monkeypatch.setattr(plan_module, "write_atomically", full_once(plan_module.write_atomically))
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        assert isinstance(screen, RoundScreen)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.plan)
        plan_screen = app.screen
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, TextPromptScreen))
        box = app.screen.query_one("#text", Input)
        box.value = "precious progress note"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen), "the box stays open"
        assert app.screen.query_one("#text", Input).value == "precious progress note"
        hint = said(app, "#text-hint")
        assert "plan.toml could not be written (No space left on device)" in hint
        assert "precious progress note" not in plan_file.read_text()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is plan_screen)
        assert "precious progress note" in plan_file.read_text()
