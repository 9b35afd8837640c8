"""Typing a long note key by key: each key costs the same however long the note, and a box
holds no more than a note may, saying so when full. Work is counted, never timed."""

from __future__ import annotations

from pathlib import Path

import pytest
import rich.text
import textual.widgets._input as textual_input
from textual.widgets import TextArea

from bot import limits, store
from bot.tui.widgets.text_input import TextInput, one_cell_each
from tests.tui_helpers import make_app, mini_catalogue, start

SIZE = (80, 24)
LONG = 19_000


class Counter:
    """Characters handed to Rich's Text and to Input's cell measuring, as keys are typed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.chars = 0
        original_init = rich.text.Text.__init__
        original_cell_len = textual_input.cell_len

        def text_init(text: rich.text.Text, value: str = "", *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            self.chars += len(value)
            original_init(text, value, *args, **kwargs)

        def cell_len(value: str, *args, **kwargs) -> int:  # type: ignore[no-untyped-def]
            self.chars += len(value)
            return original_cell_len(value, *args, **kwargs)

        monkeypatch.setattr(rich.text.Text, "__init__", text_init)
        monkeypatch.setattr(textual_input, "cell_len", cell_len)


@pytest.mark.parametrize("text", ["a", "é", "£"], ids=["ascii", "accented", "pound"])
async def test_a_key_in_a_long_note_does_no_work_in_proportion_to_its_length(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path, interviewer="O"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        notes = app.screen.query_one("#notes", TextInput)
        notes.value = text * LONG
        await pilot.pause()
        counter = Counter(monkeypatch)
        for _ in range(10):
            await pilot.press("a")
        await pilot.pause()
        assert notes.value == text * LONG + "a" * 10
        # The whole screen is 1,920 cells: per key, no more than a few screens' worth of
        # characters are measured or drawn, however long the note.
        assert counter.chars / 10 < 4 * SIZE[0] * SIZE[1]


async def test_a_long_note_is_drawn_as_input_draws_it(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path, interviewer="O"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        notes = app.screen.query_one("#notes", TextInput)
        for value in ["short", "0123456789" * 30, "ümlaut " * 40]:
            notes.value = value
            await pilot.press("x", "left", "left")
            await pilot.pause()
            quick = notes.render_line(0)
            notes._simple = False  # Input's own way, for the same text and cursor
            assert notes.render_line(0).text == quick.text
            assert list(notes.render_line(0)) == list(quick)
            notes._simple = True


async def test_a_full_box_takes_nothing_more_and_says_so(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path, interviewer="O"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        notes = app.screen.query_one("#notes", TextInput)
        notes.value = "n" * (limits.MAX_TEXT_CHARS - 1)
        await pilot.press("a", "b")
        await pilot.pause()
        assert notes.value == "n" * (limits.MAX_TEXT_CHARS - 1) + "a"
        hint = str(app.screen.query_one("#hint").render())
        assert "20,000 characters" in hint and "nothing more was added" in hint
        await pilot.press("enter")
        await pilot.pause()
    notes_saved = [t.text for t in app_turns(tmp_path) if t.kind == "note"]
    assert notes_saved == ["n" * (limits.MAX_TEXT_CHARS - 1) + "a"]


def app_turns(folder: Path):  # type: ignore[no-untyped-def]
    from bot import store

    (path,) = folder.glob("*.toml")
    return store.load(path).transcript.turns


async def test_the_chat_note_box_is_capped_too(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        box = app.screen.query_one("#text", TextInput)
        box.value = "n" * limits.MAX_TEXT_CHARS
        await pilot.press("z")
        await pilot.pause()
        assert box.value == "n" * limits.MAX_TEXT_CHARS
        assert "nothing more was added" in str(app.screen.query_one("#text-hint").render())


def test_which_text_is_one_cell_a_character() -> None:
    assert one_cell_each("plain words, £5 and café")
    assert not one_cell_each("tab\there")
    assert not one_cell_each("wide 漢字")
    assert not one_cell_each("escape \x1b")


class Cuts:
    """Characters Rich's Text.divide is handed (the cutting of a line into its wrapped
    rows), as keys are typed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.chars = 0
        original = rich.text.Text.divide

        def divide(text: rich.text.Text, offsets):  # type: ignore[no-untyped-def]
            self.chars += len(text)
            return original(text, offsets)

        monkeypatch.setattr(rich.text.Text, "divide", divide)


async def pasted_paragraph(pilot, length: int) -> TextArea:  # type: ignore[no-untyped-def]
    """The chat at its free-text question, with a paragraph of `length` characters
    pasted into the multi-line box (one line, no line breaks)."""
    from textual import events

    await pilot.pause()
    await pilot.press("3", "enter", "y", "enter")  # a3 is a free-text question
    await pilot.pause()
    area = pilot.app.screen.query_one("#long-answer", TextArea)
    area.post_message(events.Paste(("word " * length)[:length]))
    await pilot.pause()
    return area


async def test_a_key_after_a_long_pasted_paragraph_cuts_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each row of a wrapped paragraph on screen used to cut the whole paragraph into
    rows again: 19,000 characters, some 20 rows in view, every key. Counted, not timed."""
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        area = await pasted_paragraph(pilot, LONG)
        assert len(area.text) == LONG
        cuts = Cuts(monkeypatch)
        for _ in range(10):
            await pilot.press("a")
        await pilot.pause()
        assert area.text.endswith("a" * 10)
        # A few cuts a key (the box's drawing once, as the line changed; Textual's placing
        # of the cursor twice), not one for each of the rows drawn.
        assert cuts.chars / 10 <= 4 * (LONG + 20)


async def test_the_long_answer_box_stops_at_the_cap_and_keeps_what_was_typed(
    tmp_path: Path,
) -> None:
    from textual import events

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        area = await pasted_paragraph(pilot, limits.MAX_TEXT_CHARS - 5)
        area.post_message(events.Paste("x" * 10))  # would take it over: what fits is added
        await pilot.pause()
        assert len(area.text) == limits.MAX_TEXT_CHARS
        hint = str(app.screen.query_one("#hint").render())
        assert hint == limits.paste_cut(5, 10)
        await pilot.press("b")  # one too many
        await pilot.pause()
        assert len(area.text) == limits.MAX_TEXT_CHARS
        assert str(app.screen.query_one("#hint").render()) == limits.text_full()
        await pilot.press("backspace", "backspace", "b", "b")
        await pilot.press("ctrl+s")
        await pilot.pause()
    answer = [t for t in store.load(talk.path).transcript.turns if t.kind == "answer"][-1]
    assert len(answer.value) == limits.MAX_TEXT_CHARS and answer.value.endswith("xxxbb")
