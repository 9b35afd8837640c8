"""Typing key by key into a one-line box holding a short text and a long one (19,000
characters, just under the cap on a note): CPU milliseconds per key, for the program's
box (`bot/tui/widgets/text_input.py`) and, as the same-run baseline, Textual's Input.

Each key goes through `pilot.press` and the screen is drawn after it; CPU time (not wall
time) is taken so that other work on a shared machine counts less. The figure to read is
each box's long/short ratio: about 1.0 means a key costs the same however long the text.

    python benchmarks/key_by_key.py [--keys 200]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from textual.app import App, ComposeResult
from textual.widgets import Input

from bot.tui.widgets.text_input import TextInput

LONG = 19_000


class Bare(App[None]):
    """One box, full width, at the bottom of the screen, as in the app."""

    def __init__(self, box: type[Input]) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield self.box(id="box")


async def per_key(box: type[Input], length: int, keys: int) -> float:
    """CPU milliseconds per key typed at the end of a text of `length` characters."""
    app = Bare(box)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#box", Input)
        field.focus()
        field.value = "word " * (length // 5)
        field.cursor_position = len(field.value)
        await pilot.pause()
        start = time.process_time()
        for _ in range(keys):
            await pilot.press("a")
        await pilot.pause()
        return (time.process_time() - start) / keys * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=200)
    keys = parser.parse_args().keys
    print(f"CPU ms per key, {keys} keys each, typed at the end of the text")
    for name, box in (
        ("Textual's Input (baseline)", Input),
        ("TextInput (the program's)", TextInput),
    ):
        short = asyncio.run(per_key(box, 10, keys))
        long = asyncio.run(per_key(box, LONG, keys))
        print(
            f"{name:<28} 10 chars {short:6.2f}   {LONG:,} chars {long:6.2f}   "
            f"long/short {long / short:5.2f}"
        )
    print("goal: long/short about 1.0 for the program's box")


if __name__ == "__main__":
    main()
