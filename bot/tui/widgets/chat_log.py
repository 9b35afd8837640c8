"""A scrolling conversation of bubbles, drawn line by line.

Mounting a widget per message makes each append cost more as the log grows, so
this is one ScrollView using Textual's line API: a message is wrapped once, into
strips, when it arrives (or when the width changes), and only the visible lines
are drawn. Appending costs the same at message 200 as at message 2. Text is only
ever handled as plain text, never parsed as markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from bot.tui.message import ChatMessage


class ChatLog(ScrollView, can_focus=True):
    """Bot and respondent messages as distinct bubbles, kept scrolled to the newest."""

    COMPONENT_CLASSES = {
        "chat-log--bot",
        "chat-log--you",
        "chat-log--probe",
        "chat-log--note",
        "chat-log--info",
        "chat-log--error",
        "chat-log--label",
    }
    DEFAULT_CSS = """
    ChatLog { background: $surface; scrollbar-size-vertical: 1; overflow-y: scroll; overflow-x: hidden; }
    ChatLog > .chat-log--bot { background: $boost; color: $text; }
    ChatLog > .chat-log--you { background: $primary-muted; color: $text; }
    ChatLog > .chat-log--probe { background: $warning-muted; color: $text; }
    ChatLog > .chat-log--note { color: $text-muted; text-style: italic; }
    ChatLog > .chat-log--info { color: $text-muted; }
    ChatLog > .chat-log--error { color: $text-error; text-style: bold; }
    ChatLog > .chat-log--label { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.messages: list[ChatMessage] = []
        self._lines: list[Strip] = []
        self._starts: list[int] = []
        self._width = 0
        self._following = True  # at the bottom; stays there until the user scrolls up
        self._anchor: tuple[int, int] | None = None  # messages kept in view instead

    @property
    def line_count(self) -> int:
        """How many lines the messages take at the current width."""
        return len(self._lines)

    def add(self, message: ChatMessage) -> None:
        """Append a message and keep the newest in view (unless the user scrolled up)."""
        self.messages.append(message)
        if self._width:
            self._starts.append(len(self._lines))
            self._lines.extend(self._render_message(message, self._width))
            self.virtual_size = Size(self._width, len(self._lines))
        if self._following or self._anchor is not None:
            # Something new is said: it is what to read now, not what was kept in view.
            self._anchor = None
            self._to_end()
        self.refresh()

    def keep_in_view(self, first: int, end: int) -> None:
        """Show the messages from `first` up to (not including) `end` rather than the
        newest, until the next message arrives: as many of them as fit, whole ones from
        the top, the last always whole where it fits at all (a call's opening script,
        read aloud before its first statement, which the script panel shows anyway)."""
        if first < end <= len(self.messages):
            self._anchor = (first, end)
            self._show_anchor()

    def _show_anchor(self) -> None:
        if self._anchor is None or not self._width:
            return
        first, end = self._anchor
        height = self.scrollable_content_region.height
        stop = self._starts[end] if end < len(self._starts) else len(self._lines)
        tops = [self._starts[i] for i in range(first, end)]
        top = next((line for line in tops if stop - line <= height), tops[-1])
        self.scroll_to(y=top, animate=False, immediate=True)

    def _to_end(self) -> None:
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self._following = True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value < old_value:
            self._following = new_value >= self.max_scroll_y
        elif new_value >= self.max_scroll_y:
            self._following = True

    def truncate(self, count: int) -> None:
        """Keep only the first `count` messages."""
        del self.messages[count:]
        if count < len(self._starts):
            del self._lines[self._starts[count] :]
            del self._starts[count:]
        self.virtual_size = Size(self._width, len(self._lines))
        self._to_end()
        self.refresh()

    def _on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if self._anchor is not None:
            self.call_after_refresh(self._show_anchor)
        elif self._following:
            self.call_after_refresh(self._to_end)
        if width != self._width and width > 0:
            self._width = width
            self._lines = []
            self._starts = []
            for message in self.messages:
                self._starts.append(len(self._lines))
                self._lines.extend(self._render_message(message, width))
            self.virtual_size = Size(width, len(self._lines))

    def render_line(self, y: int) -> Strip:
        """One line of the visible region."""
        scroll_x, scroll_y = self.scroll_offset
        # Anchored at the bottom: while the messages are shorter than the view, the blank
        # space is above them, so the newest question sits just above the answer box.
        above = max(self.scrollable_content_region.height - len(self._lines), 0)
        index = scroll_y + y - above
        width = self.size.width
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_message(self, message: ChatMessage, width: int) -> list[Strip]:
        console = self.app.console
        base = self.rich_style
        style = self.get_component_rich_style(f"chat-log--{message.role}")
        label = self.get_component_rich_style("chat-log--label")
        label_style = style + Style(bold=label.bold, italic=label.italic)
        bubble = message.role in ("bot", "you", "probe")
        # Every line starts where a bubble's words do: info and note lines too.
        indent = (
            min(max(2, width // 5), 20)
            if message.role == "you"
            else (2 if message.role == "probe" else (0 if bubble else 1))
        )
        inner = max(width - indent - (2 if bubble else 0), 8)
        strips = [Strip.blank(width, base)]
        rows: list[tuple[str, Style]] = []
        if message.label:
            rows.extend(
                (line.plain, label_style) for line in Text(message.label).wrap(console, inner)
            )
        for paragraph in message.text.split("\n"):
            wrapped = Text(paragraph).wrap(console, inner)
            rows.extend((line.plain, style) for line in wrapped) if wrapped else rows.append(
                ("", style)
            )
        for words, row_style in rows:
            fill = max(inner - cell_len(words), 0)
            segments = [Segment(" " * indent, base)] if indent else []
            if bubble:
                segments.append(Segment(" ", style))
            segments.append(Segment(words + " " * fill, row_style if bubble else row_style + base))
            if bubble:
                segments.append(Segment(" ", style))
            strips.append(Strip(segments).extend_cell_length(width, base))
        return strips

    def plain_lines(self) -> list[str]:
        """The log as plain text lines (for tests and copying)."""
        return [strip.text.rstrip() for strip in self._lines]
