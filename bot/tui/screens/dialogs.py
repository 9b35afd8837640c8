"""Small modal screens: confirm, message, help, note, amend, pick one of a list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option as ListOption

from bot.text import printable
from bot.tui.stillness import hold_still
from bot.tui.typed_kept import KeepsTyped
from bot.tui.widgets.text_input import TextInput

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    """A small modal screen: a box in the middle of the screen, styled by dialogs.tcss
    (loaded when the first dialog is shown, not at start-up)."""

    CSS_PATH = "dialogs.tcss"


def closing_words(screen: Screen[object]) -> str:
    """What takes the officer from ``screen``, a box over another, back to the one under
    it, as a message said by that one names it: the box's own words (`closing_words`
    of a box with text to save), else Esc, which closes every one of them."""
    closing = getattr(screen, "closing_words", None)
    return closing() if callable(closing) else "Esc"


class ConfirmScreen(Dialog[bool]):
    """Ask yes or no; dismisses with the answer."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self.yes), variant="error", id="yes")
                yield Button(Content(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class MessageScreen(Dialog[None]):
    """A message (such as an error) shown literally, until dismissed."""

    BINDINGS = [Binding("escape,enter", "dismiss_screen", "Close")]

    def __init__(self, title: str, message: str, error: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -error" if self.error else "dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content(self.message), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed)
    def _pressed(self) -> None:
        self.dismiss(None)

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)


class HelpScreen(Dialog[None]):
    """The keys of the screen it was opened from."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, title: str, keys: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(Content(self.title_text), classes="dialog-title")
            # Said first, so that even a terminal too short for every key shows it.
            yield Static(
                Content("Esc closes this  ·  Ctrl+P opens the command palette"),
                classes="dialog-hint",
                id="help-hint",
            )
            width = max((len(k) for k, _ in self.keys), default=4)
            lines = "\n".join(f"{k:<{width}}  {meaning}" for k, meaning in self.keys)
            with VerticalScroll(classes="dialog-body", id="help-body"):
                yield Static(Content(lines), id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)


class TextPromptScreen(KeepsTyped, Dialog[str | None]):
    """Ask for one line of text (a note); dismisses with it, or None when cancelled. Text
    typed and not saved is asked about before Esc or quitting loses it (`KeepsTyped`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        placeholder: str = "",
        detail: str = "",
        take: Callable[[str], str] | None = None,
        what: str = "it",
        value: str = "",
    ) -> None:
        super().__init__()
        self.what = what
        """What the text is, as a message says that Enter saves it ("the note")."""
        self.value = value
        """The text the box is opened holding (a name known), typed over or kept."""
        self.title_text = title
        self.placeholder = placeholder
        self.detail = detail
        """What to type, in full (wrapped, never cut)."""
        self.take = take
        """Where the text goes on Enter: it says why the text was refused, or "" when it
        was taken. A refused text stays in the box, to be corrected rather than retyped."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            if self.detail:
                yield Static(Content(self.detail), classes="dialog-text", id="detail")
            yield TextInput(self.value, placeholder=self.placeholder, id="text")
            yield Static(
                Content("Enter saves. Esc cancels."), classes="dialog-hint", id="text-hint"
            )

    def on_mount(self) -> None:
        hold_still(self)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        refused = self.take(event.value) if self.take is not None and event.value else ""
        if refused:
            hint = self.query_one("#text-hint", Static)
            hint.update(Content(f"{refused} Enter saves. Esc cancels."))
            hint.add_class("-error")
            event.input.add_class("-invalid")
            return
        self.dismiss(event.value)

    @on(TextInput.Full)
    def _full(self, event: TextInput.Full) -> None:
        self.query_one("#text-hint", Static).update(
            Content(f"{event.words} Enter saves. Esc cancels.")
        )

    def action_cancel(self) -> None:
        """Cancel; with text typed, the first Esc says it is not saved and keeps it (as a
        conversation's Esc keeps words not sent); Esc again, with the same text, cancels."""
        if not self.unsent_stops("Esc again cancels"):
            self.dismiss(None)

    def typed(self) -> list[tuple[str, str]]:
        """The text typed in the box and not saved (a name it was opened holding is not
        typed)."""
        typed = self._typed()
        return [("", typed)] if typed.strip() else []

    def _typed(self) -> str:
        """The text in the box, or "" while it still holds only what it was opened with."""
        typed = self.query_one("#text", TextInput).value
        return "" if typed.strip() == self.value.strip() else typed

    def closing_words(self) -> str:
        """What takes the officer back to the screen under this box, as a message from
        that screen names it: Enter, saving what is typed, or Esc with nothing typed."""
        return f"Enter saves {self.what}" if self.has_unsent() else "Esc"

    def say_unsaved(self, words: str) -> None:
        """Said in the box's hint, under the text it keeps."""
        hint = self.query_one("#text-hint", Static)
        hint.update(Content(words))
        hint.add_class("-error")


class PickScreen(Dialog[str | None]):
    """Pick one item from a list; dismisses with its id, or None.

    An item's text may run to more than one line (the first says what it is, the next
    ones more about it); each line is cut to the box's width with an ellipsis rather
    than wrapped, and items of more than one line are ruled off from each other, so
    that one can be told from the next at any width."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    HINT = "Enter chooses. Esc cancels."

    def __init__(self, title: str, items: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items

    def compose(self) -> ComposeResult:
        ruled = any("\n" in text for _, text in self.items)
        entries: list[ListOption | None] = []
        for key, text in self.items:
            entries.append(ListOption(Content(text), id=key))
            if ruled:
                entries.append(None)
        if ruled and entries:
            entries.pop()
        with Vertical(classes="dialog pick"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield OptionList(*entries, id="items")
            yield Static(Content(self.HINT), classes="dialog-hint", id="pick-hint")

    def on_resize(self) -> None:
        self._fit()

    def on_mount(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # The list gives way to the title and the hint: without this the box's own
        # limit (a share of the screen) cuts the hint off below a long list.
        box = self.query_one(".dialog")
        frame = box.styles.gutter.height + 2 + 2  # border and padding; title; hint
        room = int(self.size.height * 0.9) - frame
        self.query_one("#items", OptionList).styles.max_height = max(3, min(20, room))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class KeepingPickScreen(PickScreen):
    """A pick asked in the middle of typing (a key typed as a follow-up's reply): what is
    typed while it is open, by someone who had not seen it come up, is kept rather than
    lost (`typed`), shown in the hint, for the box the answer goes on in once a choice is
    made; Backspace takes back what was kept."""

    def __init__(self, title: str, items: Sequence[tuple[str, str]]) -> None:
        super().__init__(title, items)
        self.typed = ""
        """What was typed while the pick was open, kept for the box."""
        self._chose_since_typing = False

    def on_key(self, event: events.Key) -> None:
        if event.key in ("up", "down"):
            self._chose_since_typing = True  # a choice being made, not typing on
            return
        if event.is_printable and event.character:
            self.typed += event.character
            self._chose_since_typing = False
        elif event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        elif event.key == "enter" and self.typed and not self._chose_since_typing:
            # Typed on with the words, by someone who had not seen the question: no choice
            # is made for them; the words are kept, and an arrow key then Enter chooses.
            self.typed += " "
        else:
            return
        event.stop()
        event.prevent_default()
        kept = printable(self.typed.strip())
        hint = (
            f"Typed meanwhile, kept for the box: {kept!r}. Choose with the arrow keys, then "
            "Enter. Esc cancels."
            if kept
            else self.HINT
        )
        self.query_one("#pick-hint", Static).update(Content(hint))

    def on_paste(self, event: events.Paste) -> None:
        from bot.tui.paste import pasted_text

        event.stop()
        event.prevent_default()
        self.typed += pasted_text(event.text)
        kept = printable(self.typed)
        self.query_one("#pick-hint", Static).update(
            Content(f"Typed meanwhile, kept for the box: {kept!r}. {self.HINT}")
        )
