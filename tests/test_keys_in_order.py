"""Keys typed ahead land where they were typed, in their order, however many arrive
together (typed while the app was busy, a burst, a stalled machine): an Enter sends the
box as it stood at that Enter, a key after Ctrl+N goes into the note's box, a key after
the note's Enter goes back to the answer box, and Backspace acts before the keys after it.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from bot import store
from bot.catalogue import Catalogue
from tests.test_interview_burst import burst
from tests.tui_helpers import make_app, mini_catalogue, start, start_call


def said(talk) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """What the transcript holds of the respondent's words, in order."""
    return [
        (t.kind, t.text) for t in talk.session.turns if t.kind in ("answer", "probe_answer", "note")
    ]


async def test_two_answers_typed_together_are_two_answers(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, *"3 - signed in 2009", "enter", *"n - not yet", "enter")
        await pilot.pause()
        assert said(talk)[:2] == [("answer", "3 - signed in 2009"), ("answer", "n - not yet")]


async def test_a_note_and_an_answer_typed_together_keep_their_words(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "ctrl+n", *"note about the SCS", "enter", *"3 - signed in 2009", "enter")
        await pilot.pause()
        assert said(talk)[:2] == [("note", "note about the SCS"), ("answer", "3 - signed in 2009")]


async def test_a_form_filled_in_ahead_keeps_each_field_and_the_first_answer(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await burst(
            pilot,
            *"Ned Name", "tab", *"Org Ltd", "tab", *"Councillor", "ctrl+s",
            *"3 - signed in 2009", "enter",
        )  # fmt: skip
        for _ in range(3):
            await pilot.pause()
        talk = app.screen.conversation  # type: ignore[attr-defined]
        header = store.load(talk.path).transcript.respondent
        assert (header.name, header.organisation, header.role) == (
            "Ned Name",
            "Org Ltd",
            "Councillor",
        )
        assert said(talk)[:1] == [("answer", "3 - signed in 2009")]


async def test_backspaces_typed_ahead_act_before_the_keys_after_them(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, *"wrong", *["backspace"] * 5, *"3 - signed in 2009", "enter")
        await pilot.pause()
        assert said(talk)[:1] == [("answer", "3 - signed in 2009")]


async def test_replies_and_codes_typed_together_in_a_call_land_on_their_statements(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await burst(
            pilot, "4", *"fast reply one", "enter", "2", "5", *"second fast reply", "enter", "1"
        )
        for _ in range(3):
            await pilot.pause()
        assert [(kind, text) for kind, text in said(talk)] == [
            ("answer", "4"),
            ("probe_answer", "fast reply one"),
            ("answer", "2"),
            ("answer", "5"),
            ("probe_answer", "second fast reply"),
            ("answer", "1"),
        ]


async def test_keys_typed_after_the_key_that_leaves_a_screen_reach_the_next(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await burst(pilot, "escape", "n")  # save and leave, then New assessment at home
        for _ in range(3):
            await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"


async def test_words_typed_while_a_question_pops_up_are_kept_for_the_box(tmp_path: Path) -> None:
    """A follow-up's reply that is only the next question's key asks what it was meant
    as; the words typed on meanwhile, by someone who had not seen the question come up,
    are kept for the box, and the Enter typed with them chooses nothing."""
    from textual.widgets import Input

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await burst(pilot, "1", "enter", "y", "enter", *"n - typed on", "enter")
        for _ in range(3):
            await pilot.pause()
        # The Enter typed on with the words chose nothing: the question is still up.
        assert type(app.screen).__name__ == "KeepingPickScreen"
        assert said(talk) == [("answer", "1")]
        await pilot.press("down", "up", "enter")  # a choice made: the next question
        await pilot.pause()
        assert said(talk) == [("answer", "1")]
        assert app.screen.query_one("#answer", Input).value == "yn - typed on"


async def test_a_line_feed_typed_ahead_as_the_app_starts_is_enter(tmp_path: Path) -> None:
    """Enter typed before the terminal is in raw mode reaches the app as a line feed
    (Ctrl+J): it sends the answer as Enter does."""
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, *"3 - signed in 2009", "ctrl+j")
        await pilot.pause()
        assert said(talk)[:1] == [("answer", "3 - signed in 2009")]


async def test_a_key_typed_after_the_key_that_leaves_is_no_crash(tmp_path: Path) -> None:
    """Ctrl+C twice, or Ctrl+C then a letter, typed together: the app leaves as Ctrl+C
    leaves (status 130); what was typed after it goes nowhere."""
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "ctrl+c", "ctrl+c", "a")
    assert app.return_code == 130


async def test_a_click_after_typing_lands_after_what_was_typed(tmp_path: Path) -> None:
    """Typing then a click on another field, together: the typing lands in the field it
    was typed in, and only then does the click move on."""
    from textual.widgets import Input

    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        name = screen.query_one("#name", Input)
        organisation = screen.query_one("#organisation", Input)
        name.focus()
        await pilot.pause()
        region = organisation.region
        driver = app._driver
        for key in "Ned":
            event = events.Key(key, key)
            event.set_sender(app)
            driver.send_message(event)
        x, y = region.x + 2, region.y
        for kind in (events.MouseDown, events.MouseUp):
            click = kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
            click.set_sender(app)
            driver.send_message(click)
        await burst(pilot, *"Org")
        for _ in range(3):
            await pilot.pause()
        assert (name.value, organisation.value) == ("Ned", "Org")
