"""The multi-line box for narrative answers, quick with a long pasted paragraph.

Textual's TextArea draws each screen row of a wrapped line by cutting the whole line
into its wrapped sections again: with a 19,000-character paragraph (one line, some 260
rows wrapped) every key cut the paragraph once for each row on screen. This box cuts a
line once and hands each row its own section, so a key costs one cut however many rows
show. It also holds no more than an answer may have (`bot.limits`): of a paste that would
take it over, only what fits is added, and the box says how much was left out, keeping
what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.containers import Lines
from rich.text import Text
from textual import events
from textual.widgets import TextArea

from bot.limits import MAX_TEXT_CHARS, paste_cut, text_full
from bot.tui.widgets.text_input import BoxFull


class _Line(Text):
    """A line of the box whose `divide` remembers its last answer, for the next row."""

    owner: LongAnswer

    def divide(self, offsets: Iterable[int]) -> Lines:  # type: ignore[override]
        cuts = tuple(offsets)
        key = (self.plain, cuts, tuple(self.spans), self.style)
        last = self.owner._last_cut
        if last is None or last[0] != key:
            last = (key, super().divide(cuts))
            self.owner._last_cut = last
        # Shared by the rows: drawing a row reads its section and makes new Text from
        # it (tabs expanded, rendered), never changing it.
        return last[1]


class LongAnswer(TextArea):
    """A TextArea for narrative answers: wrapped, capped, quick with a long paragraph."""

    Full = BoxFull

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._last_cut: tuple[tuple[object, ...], Lines] | None = None

    def get_line(self, line_index: int) -> Text:
        """The line as Text whose cutting into rows is done once for all its rows."""
        line = _Line(self.document.get_line(line_index), end="", no_wrap=True)
        line.owner = self
        return line

    async def _on_paste(self, event: events.Paste) -> None:
        """Paste the text, its line breaks kept, cleaned as typed text is
        (`bot.tui.paste.pasted_text`: never a control character to the box or the
        terminal); of a paste over the cap, as much as fits, the box saying how much was
        left out."""
        from bot.tui.paste import pasted_text

        event.prevent_default()  # TextArea's own paste would add the raw text again
        event.stop()
        if self.read_only:
            return
        text = pasted_text(event.text, lines=True)
        start, end = self.selection
        replaced = len(self.get_text_range(*sorted((start, end))))
        kept = text[: max(MAX_TEXT_CHARS - len(self.text) + replaced, 0)]
        if len(kept) < len(text):
            self.post_message(self.Full(self, paste_cut(len(kept), len(text))))
        if kept and (result := self._replace_via_keyboard(kept, start, end)):
            self.move_cursor(result.end_location)
            self.focus()

    def _replace_via_keyboard(self, insert: str, start, end):  # type: ignore[no-untyped-def]
        """Typing and pasting, refused whole (and said) when the box would go over its cap."""
        if not self.read_only and insert:
            replaced = len(self.get_text_range(*sorted((start, end))))
            if len(self.text) - replaced + len(insert) > MAX_TEXT_CHARS:
                self.post_message(self.Full(self, text_full()))
                return None
        return super()._replace_via_keyboard(insert, start, end)
