"""Typing key by key at the end of a long pasted paragraph in the multi-line answer box:
CPU milliseconds per key with 10 characters in the box and with 19,000 in one paragraph
(no line breaks, so wrapped into some 260 rows), for the program's box
(`bot/tui/widgets/long_answer.py`) and, as the same-run baseline, Textual's TextArea;
and the paste itself.

Each key goes through `pilot.press` and the screen is drawn after it; CPU time (not wall
time) is taken so that other work on a shared machine counts less. The figures to read
are each box's long/short ratio and the program's box against TextArea at 19,000.

    python benchmarks/long_answer.py [--keys 100]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from bot.tui.widgets.long_answer import LongAnswer

LONG = 19_000


class Bare(App[None]):
    """One wrapped box filling an 80x24 screen but for a few rows, as in the chat."""

    CSS = "#box { height: 1fr; }"

    def __init__(self, box: type[TextArea]) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield self.box(id="box", soft_wrap=True)


async def per_key(box: type[TextArea], length: int, keys: int) -> tuple[float, float]:
    """CPU milliseconds to paste a paragraph of `length` characters, and per key typed
    at its end."""
    app = Bare(box)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#box", TextArea)
        field.focus()
        await pilot.pause()
        start = time.process_time()
        field.post_message(events.Paste(("word " * (length // 5))[:length]))
        await pilot.pause()
        paste = (time.process_time() - start) * 1000
        start = time.process_time()
        for _ in range(keys):
            await pilot.press("a")
        await pilot.pause()
        return paste, (time.process_time() - start) / keys * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=100)
    keys = parser.parse_args().keys
    print(f"CPU ms per key, {keys} keys each, typed at the end of one pasted paragraph")
    long_keys = {}
    for name, box in (
        ("Textual's TextArea (baseline)", TextArea),
        ("LongAnswer (the program's)", LongAnswer),
    ):
        _, short = asyncio.run(per_key(box, 10, keys))
        paste, long = asyncio.run(per_key(box, LONG, keys))
        long_keys[name] = long
        print(
            f"{name:<30} 10 chars {short:6.2f}   {LONG:,} chars {long:6.2f}   "
            f"long/short {long / short:5.2f}   paste {paste:7.1f}"
        )
    base, ours = long_keys.values()
    print(f"the program's box against TextArea at {LONG:,} characters: {ours / base:.2f}x")


if __name__ == "__main__":
    main()
