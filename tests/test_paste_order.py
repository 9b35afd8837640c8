"""A paste holding an escape character arrives whole, in order, and cleaned as typed
text is (its escape sequences and control characters removed, nothing escaped).

A terminal marks a paste; Textual's parser read an escape character inside one as the
start of a key sequence, typing what followed it before the text that came first
("AAA ESC[31mBBB" became "^[31mBBBAAA ").
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual import events
from textual.widgets import Input

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.tui.paste import PASTE_END, PASTE_START, pasted_text
from tests.conftest import Clock
from tests.tui_helpers import make_app, running, send

PASTED = "AAA \x1b[31mBBB CCC"
CLEANED = "AAA BBB CCC"


def parsed(*chunks: str) -> list[object]:
    """The events the parser the app's terminal driver uses makes of input in chunks."""
    app = make_app(Catalogue(), Path("."))
    parser = sys.modules[app.driver_class.__module__].XTermParser()
    found: list[object] = []
    for chunk in chunks:
        found.extend(parser.feed(chunk))
    return found


def test_a_paste_with_an_escape_character_arrives_whole_and_in_order() -> None:
    found = parsed(PASTE_START + PASTED + PASTE_END)
    assert [type(e) for e in found] == [events.Paste]
    assert found[0].text == CLEANED  # type: ignore[attr-defined]


def test_a_paste_cut_between_chunks_anywhere_arrives_whole() -> None:
    wire = "x" + PASTE_START + "no shared \x1b[31mvision\x1b[0m yet" + PASTE_END
    for cut in range(1, len(wire)):
        found = parsed(wire[:cut], wire[cut:])
        pastes = [e.text for e in found if isinstance(e, events.Paste)]  # type: ignore[attr-defined]
        keys = [e.character for e in found if isinstance(e, events.Key)]
        assert pastes == ["no shared vision yet"], cut
        assert keys == ["x"], cut


def test_escape_sequences_outside_a_paste_are_still_keys() -> None:
    assert [getattr(e, "key", None) for e in parsed("a\x1b[", "Ab")] == ["a", "up", "b"]


def test_pasted_control_characters_are_removed_as_typed_ones_are() -> None:
    assert pasted_text("a\x07b\r\nsecond") == "ab second"
    assert pasted_text("a\x07b\r\nsecond", lines=True) == "ab\nsecond"
    assert pasted_text("\u202eRTL\u200b") == "\u202eRTL\u200b"  # kept as themselves


async def test_a_pasted_reply_is_saved_in_order(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = conversation.start(
        catalogue, "hallmarks", "hallmarks-self", Respondent(name="Ann"), tmp_path, clock=Clock()
    )
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "y")
        assert talk.current().kind == "probe"
        box = app.screen.query_one("#answer", Input)
        box.post_message(events.Paste("no shared \x1b[31mvision\x1b[0m yet\x07"))
        await pilot.pause()
        assert box.value == "no shared vision yet"
        await pilot.press("enter")
        await pilot.pause()
    replies = [t.text for t in store.load(talk.path).transcript.turns if t.kind == "probe_answer"]
    assert replies == ["no shared vision yet"]
