"""The current question's answer options as compact buttons."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.widgets import Button

from bot.model import Option


class OptionsBar(Grid):
    """One button per option, labelled with its key; clicking one posts OptionsBar.Chosen."""

    DEFAULT_CSS = """
    OptionsBar { height: auto; grid-size: 3; grid-gutter: 0 1; grid-rows: 1; padding: 0 1; }
    OptionsBar.-empty { display: none; }
    OptionsBar > Button { width: 100%; }
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
        self.options = options
        self.remove_children()
        self.set_class(not options, "-empty")
        self.mount_all(OptionButton(option) for option in options)

    def _on_resize(self, event: Resize) -> None:
        self.styles.grid_size_columns = max(1, min(5, event.size.width // 24))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, OptionButton) and event.button.option in self.options:
            self.post_message(self.Chosen(self, event.button.option))


class OptionButton(Button):
    """A compact button for one option, showing its key and label literally."""

    def __init__(self, option: Option) -> None:
        super().__init__(Content(f"{option.key}  {option.label}"), compact=True)
        self.option = option
        """The option it chooses."""
