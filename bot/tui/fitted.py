"""A table cell that cuts its words to the width it is drawn at."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from bot.text import clip


@dataclass(frozen=True)
class Fitted:
    """Words shown on one line, cut by `cut` to the cells there are: a column narrowed to
    fit the screen shows what matters most of them rather than losing its last letters."""

    words: str
    """The words in full (what `str()` gives)."""
    cut: Callable[[str, int], str] = clip
    """How to cut them to a width (by default the end, with an ellipsis)."""

    def __str__(self) -> str:
        return self.words

    @property
    def cell_len(self) -> int:
        """The cells the words take in full."""
        return cell_len(self.words)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        words = (
            self.words
            if self.cell_len <= options.max_width
            else self.cut(self.words, options.max_width)
        )
        yield Text(words, no_wrap=True, overflow="ellipsis", end="")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(self.cell_len, 1), self.cell_len)
