"""A table whose columns are fitted to its width, and fitted again whenever its width
changes (the screen resized, a side menu shown or hidden)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from textual import events
from textual.widgets import DataTable

from bot.tui.fitted import Fitted, fill_fitted


class FittedTable(DataTable[Any]):
    """A `DataTable` filled with `fill`: its columns fitted to its width by
    `bot.tui.fitted.fill_fitted`, the rows kept to be fitted again on a resize, where the
    cursor stays on the row it was on."""

    def __init__(
        self,
        labels: Sequence[str],
        shrinkable: Collection[int],
        least: Mapping[int, int] | None = None,
        droppable: Sequence[int] = (),
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.labels = tuple(labels)
        """The columns' labels, in order."""
        self.shrinkable = frozenset(shrinkable)
        """The columns cut (with an ellipsis) when the rows are wider than the table."""
        self.least = dict(least or {})
        """Widths some shrinkable columns are never cut below."""
        self.droppable = tuple(droppable)
        """Columns left out, in this order, where the others do not fit even cut."""
        self._rows: Sequence[tuple[str, Sequence[Fitted]]] = ()
        self._fitted_to: int | None = None
        """The width the columns were last fitted to (None until first filled)."""

    def fill(self, rows: Sequence[tuple[str, Sequence[Fitted]]]) -> None:
        """Replace the rows (each with its key), the columns fitted to the width now; the
        cursor goes to the first row (the caller puts it where it belongs)."""
        self._rows = rows
        fill_fitted(self, self.labels, rows, self.shrinkable, self.least, self.droppable)
        self._fitted_to = self.size.width

    def action_scroll_home(self) -> None:
        """Home: to the first row. Its columns fit its width, so there is nothing to
        scroll sideways, which is all a row cursor's Home would otherwise do."""
        if self.cursor_type == "row":
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        """End: to the last row (as Home goes to the first)."""
        if self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()

    def on_resize(self, _: events.Resize) -> None:
        # Its own resize: the new width is known, whatever made it change. Not filled yet,
        # it has no columns to fit.
        if self._fitted_to is None or self.size.width == self._fitted_to:
            return
        row = self.cursor_row
        self.fill(self._rows)
        if self._rows:
            self.move_cursor(row=min(row, len(self._rows) - 1))
