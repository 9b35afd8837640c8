"""The current question's answer options as compact, clickable labels."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.events import Click, Resize
from textual.message import Message
from textual.widgets import Static

if TYPE_CHECKING:  # named in annotations only
    from bot.model import Option


MAX_COLUMNS = 5
"""The most options side by side."""
GUTTER = 1
"""Cells between two columns."""
BUTTON_EXTRA = 4
"""Cells a button takes besides its key and label: its padding and the current answer's
tick ("✓ ")."""


def columns_for(words: Sequence[str], width: int) -> int:
    """How many columns the options get in ``width`` cells: the most (up to five, and no
    more than there are options) in which every option's key and label fit whole on one
    line; one when even one column is too narrow, each label then wrapping onto more lines
    rather than being cut."""
    longest = max((cell_len(w) for w in words), default=0) + BUTTON_EXTRA
    for count in range(min(MAX_COLUMNS, len(words)), 1, -1):
        if longest <= (width - GUTTER * (count - 1)) // count:
            return count
    return 1


class OptionsBar(Grid):
    """One button per option, labelled with its key; clicking one posts OptionsBar.Chosen.

    The options are laid out in as many columns as their words allow at the bar's width,
    so that every label is read whole; a label too long for the whole width wraps.
    """

    DEFAULT_CSS = """
    OptionsBar {
        height: auto; grid-size: 3; grid-gutter: 0 1; grid-rows: auto; padding: 0 1;
    }
    OptionsBar.-empty { display: none; }
    """

    @dataclass
    class Chosen(Message):
        """An option was chosen."""

        bar: OptionsBar
        """The bar."""
        option: Option
        """The option."""

        @property
        def control(self) -> OptionsBar:
            """The bar that posted it."""
            return self.bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty")
        self.options: tuple[Option, ...] = ()

    def compose(self) -> ComposeResult:
        return []

    def show(self, options: tuple[Option, ...]) -> None:
        """Replace the buttons with these options (none hides the bar)."""
        if options == self.options:
            return
        buttons = list(self.query(OptionButton))
        if [(o.key, o.label) for o in options] == [(o.key, o.label) for o in self.options] and len(
            buttons
        ) == len(options):
            # The same buttons (a first question drawn from a record, `bot.tui.first_look`,
            # given its options): each keeps its place, so a click lands where it was aimed.
            self.options = options
            for button, option in zip(buttons, options, strict=True):
                button.option = option
            return
        self.options = options
        self.remove_children()
        self.set_class(not options, "-empty")
        self._fit(self.content_size.width)
        self.mount_all(OptionButton(option) for option in options)

    def highlight(self, option: Option | Collection[Option] | None) -> None:
        """Mark the option (or, for a choice of several, the options) typed so far in the
        answer box (none clears the marks)."""
        chosen = _as_set(option)
        for button in self.query(OptionButton):
            button.set_class(button.option in chosen, "-chosen")

    def mark_current(self, option: Option | Collection[Option] | None) -> None:
        """Mark the option (or options) that are the question's current answer."""
        current = _as_set(option)
        for button in self.query(OptionButton):
            button.current = button.option in current

    def _on_resize(self, event: Resize) -> None:
        self._fit(self.content_size.width)

    def _fit(self, width: int) -> None:
        """Set the number of columns for the options at this width (none yet: later)."""
        if width > 0 and self.options:
            words = [option_words(option) for option in self.options]
            self.styles.grid_size_columns = columns_for(words, width)

    def on_option_button_pressed(self, event: OptionButton.Pressed) -> None:
        """Pass a pressed option up as Chosen."""
        event.stop()
        if event.button.option in self.options:
            self.post_message(self.Chosen(self, event.button.option))


def option_words(option: Option) -> str:
    """What an option's button says: its key, then its label."""
    return f"{option.key}  {option.label}"


def _as_set(option: Option | Collection[Option] | None) -> Collection[Option]:
    from bot.model import Option

    if option is None:
        return ()
    return (option,) if isinstance(option, Option) else option


class OptionButton(Static, can_focus=True):
    """A one-line button for one option, showing its key and label literally.

    Lighter than Textual's Button, whose stylesheet alone costs a noticeable part of
    start-up; it is clicked, or pressed with Enter or Space when focused.
    """

    DEFAULT_CSS = """
    OptionButton {
        width: 100%; height: auto; padding: 0 1;
        background: $surface-lighten-1; color: $text;
    }
    OptionButton:hover { background: $primary 50%; }
    OptionButton.-current { text-style: bold underline; }
    OptionButton.-chosen { background: $accent; color: $text; text-style: bold; }
    OptionButton:focus { background: $primary; text-style: bold; }
    """
    BINDINGS = [Binding("enter,space", "press", "Choose", show=False)]

    @dataclass
    class Pressed(Message):
        """The button was pressed."""

        button: OptionButton
        """The button."""

    def __init__(self, option: Option) -> None:
        super().__init__(Content(option_words(option)))
        self.option = option
        """The option it chooses."""
        self._current = False

    @property
    def current(self) -> bool:
        """Whether this option is the question's current answer (marked with a tick)."""
        return self._current

    @current.setter
    def current(self, value: bool) -> None:
        self._current = value
        self.set_class(value, "-current")
        mark = "✓ " if value else ""
        self.update(Content(f"{mark}{option_words(self.option)}"))

    def on_click(self, event: Click) -> None:
        """A click chooses the option."""
        event.stop()
        self.action_press()

    def action_press(self) -> None:
        """Choose the option."""
        self.post_message(self.Pressed(self))
