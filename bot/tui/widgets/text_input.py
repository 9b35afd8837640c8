"""A one-line box for answers, replies and notes: capped, and as quick at the last key as
at the first.

Textual's Input measures, copies and draws its whole value on every key: typing a long
note key by key cost more with each key, until a 24,000-character note kept the app busy
for about two minutes (a paste is one key, so it never showed). While every character of
the value takes one cell, which is what people type (any language whose letters are one
cell wide, no tabs or control characters), this box works out cell positions from
character positions and draws only the characters in view, so a key costs about the same
at 19,000 characters as at 10. Anything else falls back to Input's own way, which is
correct for any text. The box also holds no more than an answer or a note may have
(`bot.limits`), and says so when it is full rather than ringing the bell. A paste is
taken whole and cleaned as typed text is, its lines joined by spaces (one line being what
the box holds), or, over the cap, as much of it as fits; the box says what it changed or
left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import get_character_cell_size
from rich.text import Text
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from bot.limits import MAX_TEXT_CHARS, TEXT_HOLDER, paste_cut, text_full


def one_cell_each(value: str) -> bool:
    """Whether every character of `value` takes exactly one cell on screen (checked over
    the distinct characters, so the cost is a quick pass in C, not one per character)."""
    if value.isascii():
        return value.isprintable()
    return value.isprintable() and all(get_character_cell_size(c) == 1 for c in set(value))


@dataclass
class BoxFull(Message):
    """A text box (one line or several) did not take what was typed or pasted as it
    came: over its cap (nothing more was added, or only the start of a paste), or a
    paste's lines joined into one; `words` says which, for the screen to show."""

    box: Widget
    """The box."""
    words: str
    """What to tell the user."""

    @property
    def control(self) -> Widget:
        """The box, so that `@on(BoxFull, "#id")` can pick it out."""
        return self.box


class TextInput(Input):
    """An Input capped at the longest answer or note (or at ``max_length``, for a box
    holding something else, which ``holder`` names), quick however long its text."""

    Full = BoxFull

    def __init__(
        self,
        *args: object,
        holder: str = TEXT_HOLDER,
        **kwargs: object,
    ) -> None:
        kwargs.setdefault("max_length", MAX_TEXT_CHARS)
        self._simple = True  # every character one cell wide (set before Input sets a value)
        self.holder = holder
        """What the box holds, as its messages name it ("an answer, reply or note")."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _watch_value(self, value: str) -> None:
        self._simple = one_cell_each(value)
        super()._watch_value(value)

    def _on_paste(self, event: events.Paste) -> None:
        """Paste all of the text, its lines joined by spaces, cleaned as typed text is
        (`bot.tui.paste.pasted_text`: never a control character to the box or the
        terminal), as much of it as fits; the box says what it changed or left out (Input
        would keep the first line only, and nothing at all of a paste over its cap)."""
        # Loaded with the first paste, not at start-up (it loads Textual's parser).
        from bot.tui.paste import joined_words, pasted_text

        event.prevent_default()  # Input's own paste would add the raw text again
        event.stop()
        text = pasted_text(event.text)
        if not text:
            return
        start, end = sorted(self.selection)
        kept = text
        if self.max_length:
            kept = text[: max(self.max_length - len(self.value) + end - start, 0)]
        if kept:
            self.replace(kept, start, end)
        said = [joined_words(event.text)]
        if len(kept) < len(text):
            said.append(paste_cut(len(kept), len(text), self.max_length, self.holder))
        if words := " ".join(w for w in said if w):
            self.post_message(self.Full(self, words))

    def restricted(self) -> None:
        """Over the cap: say so (Input would only ring the bell)."""
        self.post_message(self.Full(self, text_full(self.max_length, self.holder)))

    def _position_to_cell(self, position: int) -> int:
        if self._simple:
            return position
        return super()._position_to_cell(position)

    @property
    def content_width(self) -> int:
        """The width of the content (the cursor's cell at the end included)."""
        if self._simple and self.value:
            return len(self.value) + 1
        return super().content_width

    def render_line(self, y: int) -> Strip:
        """Draw only the characters in view (Input draws its whole value, then crops)."""
        value = self.value
        if (
            y != 0
            or not value
            or not self._simple
            or self.password
            or self.highlighter is not None
            or self._suggestion
        ):
            return super().render_line(y)
        width = self.scrollable_content_region.width + 1
        start = int(self.scroll_offset.x)
        text = Text(value[start : start + width], no_wrap=True, overflow="ignore", end="")
        if self.has_focus:
            if not self.selection.is_empty:
                low, high = sorted(self.selection)
                style = self.get_component_rich_style("input--selection")
                text.stylize_before(style, max(low - start, 0), max(high - start, 0))
            if self._cursor_visible:
                cursor = self.cursor_position - start
                if self.cursor_at_end:
                    text.pad_right(1)
                text.stylize(self.get_component_rich_style("input--cursor"), cursor, cursor + 1)
        console = self.app.console
        segments = console.render(text, self.app.console_options.update_width(width))
        strip = Strip(segments).crop(0, width).extend_cell_length(width)
        return strip.apply_style(self.rich_style)
