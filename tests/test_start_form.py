"""The New assessment form at 80x24: every field and button on screen at once, Tab going
through them in the order shown (no invisible stops), the field being typed in marked,
and a name typed where it is shown ending up as the respondent's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, Select

from bot import store
from bot.catalogue import Catalogue
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.start import StartScreen
from tests.tui_helpers import make_app, screen_lines, type_text

SIZE = (80, 24)


async def open_form(pilot, key: str) -> StartScreen:  # type: ignore[no-untyped-def]
    """The form, opened from the home screen as a user opens it."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StartScreen)
    return screen


def marked(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The rows of the screen marked as being typed in."""
    return [row.strip() for row in screen_lines(app) if row.strip().startswith("▸")]


@pytest.mark.parametrize("key", ["n", "t"])
async def test_every_field_is_on_screen_and_tab_goes_down_it(
    tmp_path: Path, catalogue: Catalogue, key: str
) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, key)
        fields = list(form.query(Select)) + list(form.query(Input)) + list(form.query(Button))
        height = SIZE[1] - 1  # the key hints take the last row
        for field in fields:
            region = field.region
            assert region.height >= 1 and region.bottom <= height, field.id
        # Tab from the first field visits every field once, top to bottom, and nothing else.
        form.query_one("#framework").focus()
        await pilot.pause()
        seen = []
        for _ in range(len(fields)):
            focused = app.focused
            assert focused in fields, focused
            seen.append(focused)
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is seen[0]
        assert len(set(seen)) == len(fields)
        places = [(w.region.y, w.region.x) for w in seen]
        assert places == sorted(places)


async def test_the_field_being_typed_in_is_marked(tmp_path: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot, "n")
        assert marked(app) == ["▸ Name               Your name (or the respondent's)"]
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert marked(app) == ["▸ Role               Such as Councillor, Police inspector"]
        await type_text(pilot, "Councillor")
        assert marked(app) == ["▸ Role               Councillor"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await pilot.pause()
        assert [row.split("  ")[0] for row in marked(app)] == ["▸ Dialogue"]


async def test_an_empty_name_is_said_before_the_transcript_is_made(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """A name typed into another box leaves the name empty: the form says so and puts the
    cursor in the name, rather than starting a transcript listed as "(not named)"."""
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "n")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Ann Example")  # meant as the name, typed into Role
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert not list(tmp_path.glob("*.toml"))
        shown = "\n".join(screen_lines(app))
        assert "No name given" in shown and "(not named)" in shown
        assert app.focused is form.query_one("#name")
        form.query_one("#role", Input).value = ""
        await type_text(pilot, "Ann Example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
    (path,) = tmp_path.glob("*.toml")
    assert store.load(path).transcript.respondent.name == "Ann Example"


async def test_a_second_ctrl_s_starts_without_a_name(tmp_path: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "t")
        await type_text(pilot, "Sam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
    (path,) = tmp_path.glob("*.toml")
    transcript = store.load(path).transcript
    assert transcript.respondent.name == "" and transcript.interviewer.name == "Sam"


async def test_the_form_reads_the_callers_name_once_and_builds_its_labels_once(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Label

    from bot.rounds import caller

    caller.remember("Pat Officer")
    reads: list[str] = []
    real = caller.remembered

    def counted() -> str:
        reads.append("caller.txt")
        return real()

    monkeypatch.setattr(caller, "remembered", counted)
    updated: list[Label] = []
    update = Label.update

    def watched(self: Label, *args: object, **kwargs: object) -> None:
        updated.append(self)
        update(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Label, "update", watched)
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "t")
        assert form.query_one("#interviewer", Input).value == "Pat Officer"
        updated.clear()
        for key in ("tab",) * 4 + ("shift+tab",) * 3:
            await pilot.press(key)
            await pilot.pause()
        assert marked(app)[0].startswith("▸ Respondent's name")
        assert not [label for label in updated if label.has_class("field-label")]
        await type_text(pilot, "Jo Bloggs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
    assert reads == ["caller.txt"]
