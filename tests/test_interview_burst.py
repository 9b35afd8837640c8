"""Keys pressed in a burst on a call (a fast officer, a paste, keys queued while the app is
busy) land where they were meant: Enter saves the reply or note as it stood, the key
pressed with it codes the next statement and is never added to the reply or note; letters
typed right after the code that opens a follow-up land in its box."""

from __future__ import annotations

from pathlib import Path

from textual import events

from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from tests.tui_helpers import make_app, start_call, type_text

SIZE = (80, 24)


async def burst(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Send keys as a terminal sends a burst: all queued before the app handles the first
    (`pilot.press` waits for the app to settle between keys)."""
    driver = pilot.app._driver
    for key in keys:
        character = key if len(key) == 1 else (" " if key == "space" else None)
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


def _said(talk) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (t.kind, t.question or "", t.text)
        for t in talk.session.turns
        if t.kind in ("answer", "probe_answer", "note")
    ]


async def test_a_code_pressed_with_the_enter_that_saves_a_reply_codes_the_next_statement(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("4")  # Disagree: a follow-up opens
        await pilot.pause()
        await type_text(pilot, "typed fast")
        await burst(pilot, "enter", "2", "3")
        assert _said(talk) == [
            ("answer", "t1", "4"),
            ("probe_answer", "t1", "typed fast"),
            ("answer", "t2", "2"),
            ("answer", "t3", "3"),
        ]
        assert app.screen.query_one("#reply").value == ""


async def test_a_code_pressed_with_the_enter_that_saves_a_note_codes_the_statement(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "note burst")
        await burst(pilot, "enter", "2")
        assert _said(talk) == [("note", "t1", "note burst"), ("answer", "t1", "2")]
        assert app.screen.query_one("#notes").value == ""


async def test_letters_typed_with_the_code_that_opens_a_follow_up_land_in_its_box(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "4", "N", "o", "t", "space", "s", "u", "r", "e")
        assert app.screen.query_one("#reply").value == "Not sure"
        await pilot.press("enter")
        await pilot.pause()
        assert _said(talk) == [("answer", "t1", "4"), ("probe_answer", "t1", "Not sure")]
