"""A table cell that cuts its words to the width it is drawn at, and the widths that let a
table's columns fit its width."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from bot.text import clip

if TYPE_CHECKING:
    from textual.widgets import DataTable

NARROWEST = 8
"""A column is never cut below this many cells."""


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


def fit_widths(
    natural: list[int],
    room: int,
    shrinkable: Collection[int],
    least: Mapping[int, int] | None = None,
) -> list[int]:
    """Each column's width in cells: its natural width when all fit in ``room``; else the
    shrinkable columns share what is left, the widest cut first, none below `NARROWEST`
    (nor below its own ``least``, for a column whose first words must stay whole)."""
    if sum(natural) <= room:
        return list(natural)
    cut = [i for i in shrinkable if i < len(natural)]
    floors = {i: w for i, w in enumerate(narrowest(natural, shrinkable, least)) if i in cut}

    def width(i: int, cap: int) -> int:
        return min(natural[i], max(cap, floors[i]))

    left = room - sum(w for i, w in enumerate(natural) if i not in cut)
    # The largest cap at which the cut columns fit what is left (a water level).
    cap = max((natural[i] for i in cut), default=0)
    while cap > NARROWEST and sum(width(i, cap) for i in cut) > left:
        cap -= 1
    return [width(i, cap) if i in cut else w for i, w in enumerate(natural)]


def narrowest(
    natural: Sequence[int], shrinkable: Collection[int], least: Mapping[int, int] | None = None
) -> list[int]:
    """Each column's narrowest width: a shrinkable one cut to `NARROWEST` (or its own
    ``least``) unless it is narrower anyway; any other its natural width."""
    return [
        min(w, max(NARROWEST, (least or {}).get(i, 0))) if i in shrinkable else w
        for i, w in enumerate(natural)
    ]


def fill_fitted(
    table: DataTable,
    labels: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Fitted]]],
    shrinkable: Collection[int],
    least: Mapping[int, int] | None = None,
    droppable: Sequence[int] = (),
) -> None:
    """Replace the table's columns and rows (each row with its key), the columns fitted
    to the table's width: the shrinkable ones cut, with an ellipsis, rather than the
    columns after them pushed out of view or the last one cut mid-word at the edge;
    ``least`` gives a shrinkable column a width it is never cut below. Where even those
    widths do not fit, the ``droppable`` columns are left out, in that order (the least
    needed first), rather than every column cut to a few letters."""
    natural = [
        max([len(label), *(cells[i].cell_len for _, cells in rows)])
        for i, label in enumerate(labels)
    ]
    shown = list(range(len(labels)))
    for gone in (None, *droppable):
        if gone is not None:
            shown.remove(gone)
        # Room for the cells: less their padding, and a vertical scrollbar if there are
        # more rows than lines (the header takes one).
        room = table.size.width - 2 * table.cell_padding * len(shown)
        if len(rows) > table.size.height - 1:
            room -= table.styles.scrollbar_size_vertical
        kept = [natural[i] for i in shown]
        cut = {n for n, i in enumerate(shown) if i in shrinkable}
        at_least = {n: (least or {})[i] for n, i in enumerate(shown) if i in (least or {})}
        if not table.size.width or sum(narrowest(kept, cut, at_least)) <= room:
            break
    widths = fit_widths(kept, room, cut, at_least) if table.size.width else kept
    table.clear(columns=True)
    for i, width in zip(shown, widths, strict=True):
        table.add_column(labels[i], width=width)
    for key, cells in rows:
        table.add_row(*(cells[i] for i in shown), key=key)
