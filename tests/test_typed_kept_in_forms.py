"""The call-outcome dialog and the New assessment / New interview form keep what was typed
under the app's one check: the first Esc, Ctrl+Q or Ctrl+C says what would be lost and
keeps it; the same key again goes on without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from bot.catalogue import Catalogue
from bot.tui.screens.call_outcome import OutcomeScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.start import StartScreen
from tests.round_helpers import log_of, open_round, sample_round, until
from tests.tui_helpers import make_app, mini_catalogue, type_text

SIZE = (80, 24)


def said(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The words of a widget of the screen in front, on one line."""
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


async def test_a_call_back_note_typed_is_kept_on_the_first_esc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: bool(app.screen.query("#call-note")))
        await pilot.press("tab")
        await type_text(pilot, "ask for the clerk")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen), "the first Esc keeps the dialog open"
        assert app.screen.query_one("#call-note", Input).value == "ask for the clerk"
        assert said(app, "#outcome-hint") == (
            'Not recorded yet: the note "ask for the clerk". Enter records it; '
            "Esc again cancels without it."
        )
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert log_of(sample.folder) == before


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_quitting_with_a_call_back_time_typed_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue, key: str
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: bool(app.screen.query("#when")))
        await type_text(pilot, "friday 15:00")  # over the suggestion, which is selected
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, OutcomeScreen)
        again = "Ctrl+Q again quits" if key == "ctrl+q" else "Ctrl+C again leaves"
        assert said(app, "#outcome-hint") == (
            'Not recorded yet: the call-back time "friday 15:00". Enter records it; '
            f"{again} without it."
        )
        await pilot.press(key)
        await pilot.pause()
    assert not app.is_running


async def test_the_suggested_time_alone_is_not_asked_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: bool(app.screen.query("#when")))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)


@pytest.mark.parametrize("telephone", [False, True])
async def test_fields_typed_in_the_new_form_are_kept_on_the_first_esc(
    tmp_path: Path, telephone: bool
) -> None:
    app = make_app(mini_catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("t" if telephone else "n")
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        if telephone:
            await type_text(pilot, "Sam Officer")
            await pilot.press("tab")
        await type_text(pilot, "Ann Lee")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen), "the first Esc keeps the form"
        assert app.screen.query_one("#name", Input).value == "Ann Lee"
        named, it = ('Interviewer "Sam Officer" and Respondent\'s name "Ann Lee"', "them")
        if not telephone:
            named, it = ('Name "Ann Lee"', "it")
        assert said(app, "#start-error") == (
            f"Not started yet: {named}. Ctrl+S starts; Esc again cancels without {it}."
        )
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_quitting_from_the_new_form_with_a_field_typed_asks_first(tmp_path: Path) -> None:
    app = make_app(mini_catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await type_text(pilot, "Ann Lee")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, StartScreen)
        assert said(app, "#start-error") == (
            'Not started yet: Name "Ann Lee". Ctrl+S starts; Ctrl+Q again quits without it.'
        )
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_an_empty_form_is_cancelled_at_once(tmp_path: Path) -> None:
    app = make_app(mini_catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
