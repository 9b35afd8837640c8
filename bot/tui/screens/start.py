"""The form to start a self-assessment or a telephone interview."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from bot.catalogue import Catalogue, Listed
from bot.limits import FIELD_HOLDER, MAX_FIELD_CHARS
from bot.model import Person, Respondent
from bot.problems import LoadError
from bot.rounds.caller import check_name, known_caller
from bot.text import printable
from bot.tui.app import host
from bot.tui.stillness import hold_still
from bot.tui.typed_kept import KeepsTyped
from bot.tui.widgets.key_hints import KeyHints
from bot.tui.widgets.text_input import TextInput
from bot.turn_words import NOT_NAMED

POINTER = "▸"
"""Before the name of the field being typed in."""

MOVING = f"Tab: next field. Shift+Tab: back. {POINTER} marks where you are typing."
"""How to move about the form, said above it."""

FIELDS = [
    ("name", "Name", "Your name (or the respondent's)"),
    ("organisation", "Organisation", "Such as Borough Council"),
    ("role", "Role", "Such as Councillor, Police inspector"),
    ("sector", "Sector", "public, voluntary, business..."),
    ("partnership", "Partnership", "The partnership assessed"),
]


def field_box(placeholder: str, id: str, value: str = "") -> TextInput:
    """A field's box: capped at a field's length, and taking a paste by the rule of every
    one-line box (its lines joined by spaces, over the cap as much as fits, said either
    way: `TextInput`), never only its first line."""
    return TextInput(
        value, placeholder=placeholder, id=id, max_length=MAX_FIELD_CHARS, holder=FIELD_HOLDER
    )


CHECK_NOTE = "See every problem of a file with: partnership-bot validate FILE"
"""After the frameworks that could not be loaded: the command that says what is wrong."""


def framework_choices(listing: list[Listed]) -> list[tuple[Content, str]]:
    """The frameworks that load, as the list offers them: by title, and where two share a
    title, each with its id too, so that they can be told apart."""
    loaded = [
        (listed.loaded.framework.title, listed.entry.id) for listed in listing if listed.loaded
    ]
    titles = Counter(title for title, _ in loaded)
    return [
        (
            Content(printable(f"{title} ({framework_id})" if titles[title] > 1 else title)),
            framework_id,
        )
        for title, framework_id in loaded
    ]


def broken_lines(listing: list[Listed]) -> list[str]:
    """One line for each framework that could not be loaded, saying why, then the command
    that names every problem; none where every framework loads."""
    lines = []
    for listed in listing:
        if listed.loaded is not None:
            continue
        unused = (
            f" (its other file {listed.shadowed[0].path} is not used)" if listed.shadowed else ""
        )
        lines.append(
            f"Not listed, could not be loaded: {listed.entry.path.name}: {listed.problem}{unused}"
        )
    return [*lines, CHECK_NOTE] if lines else []


class StartScreen(KeepsTyped, Screen[None]):
    """Choose a framework and dialogue, say who is answering, and start. Fields typed are
    asked about before Esc or quitting loses them (`KeepsTyped`)."""

    NOT_YET = "Not started yet"
    SAVES = "Ctrl+S starts"

    CSS_PATH = "start.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "start", "Start")]

    def __init__(self, catalogue: Catalogue, folder: Path, telephone: bool) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.folder = folder
        self.telephone = telephone
        self._unnamed_said = False
        """Whether starting without a name has been warned of (a second Ctrl+S starts)."""
        # Read once: what the form offers, and whether a name typed is to be remembered.
        self.known_caller = known_caller() if telephone else ""
        """The interviewer's name as a round's caller is found (bot/rounds/caller.py),
        or "" when none is known."""

    def compose(self) -> ComposeResult:
        title = "New telephone interview" if self.telephone else "New self-assessment"
        listing = self.catalogue.framework_listing()
        frameworks = framework_choices(listing)
        broken = broken_lines(listing)
        wanted = "hertfordshire-review" if self.telephone else "working-better-together"
        first = (
            wanted
            if any(f == wanted for _, f in frameworks)
            else (frameworks[0][1] if frameworks else Select.BLANK)
        )
        fields: list[tuple[str, str, Widget]] = [
            (
                "framework",
                "Framework",
                Select(frameworks, value=first, allow_blank=False, id="framework", compact=True),
            ),
            (
                "dialogue",
                "Dialogue",
                Select([], id="dialogue", prompt="The framework's own", compact=True),
            ),
        ]
        if self.telephone:
            fields.append(
                (
                    "interviewer",
                    "Interviewer",
                    # The caller rule of a round (bot/rounds/caller.py): the name known, else typed.
                    field_box("Your name", "interviewer", self.known_caller),
                )
            )
        for key, label, placeholder in FIELDS:
            if self.telephone and key == "name":
                label, placeholder = "Respondent's name", "Who is being interviewed"
            fields.append((key, label, field_box(placeholder, key)))
        # Not a stop of its own on Tab: only the fields are, in the order they are shown.
        with VerticalScroll(id="start-form", can_focus=False):
            yield Label(Content(title), classes="form-title")
            yield Static(Content(MOVING), classes="form-hint")
            for key, label, widget in fields:
                with Horizontal(classes="field", id=f"row-{key}"):
                    # The pointer is shown by the row's class alone: nothing is rebuilt
                    # as the focus moves.
                    yield Label(POINTER, classes="field-pointer")
                    yield Label(Content(label), classes="field-label")
                    if isinstance(widget, Input):
                        widget.compact = True
                    yield widget
                if key == "framework" and broken:
                    # Said where the list is: a framework of one's own that fails to
                    # load is otherwise simply absent from it.
                    yield Static(Content(printable("\n".join(broken))), id="framework-problems")
            yield Static("", id="start-error")
            with Horizontal(classes="form-buttons"):
                yield Button("Start (Ctrl+S)", id="start", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)
        yield KeyHints()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Mark the field being typed in: its name gets a pointer and a colour (the
        compact boxes alone look the same focused or not)."""
        for row in self.query(".field").results(Horizontal):
            row.set_class(row in event.widget.ancestors, "-here")  # a Select's list is inside

    def on_mount(self) -> None:
        hold_still(self)
        self._fill_dialogues()
        self.query_one("#interviewer" if self.telephone else "#name", Input).focus()

    @on(Select.Changed, "#framework")
    def _fill_dialogues(self) -> None:
        framework_id = self.query_one("#framework", Select).value
        options = []
        if isinstance(framework_id, str):
            for path in self.catalogue.dialogues_for(framework_id):
                try:
                    dialogue = self.catalogue.dialogue(str(path)).dialogue
                except LoadError:
                    continue
                if (dialogue.mode == "telephone") == self.telephone or not self.telephone:
                    options.append((f"{dialogue.title} [{dialogue.mode}]", dialogue.id))
        select = self.query_one("#dialogue", Select)
        select.set_options(options)
        preferred = [v for _, v in options if ("interview" in v) == self.telephone]
        if options:
            select.value = preferred[0] if preferred else options[0][1]

    def _value(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value.strip()

    def action_start(self) -> None:
        from bot import conversation, store

        framework = self.query_one("#framework", Select).value
        dialogue = self.query_one("#dialogue", Select).value
        if not isinstance(framework, str):
            return
        interviewer = None
        if self.telephone:
            typed = self._value("interviewer")
            if not typed or check_name(typed):
                why = check_name(typed) if typed else "Please give the interviewer's name."
                self.query_one("#start-error", Static).update(Content(why))
                self.query_one("#interviewer", Input).focus()
                return
            interviewer = Person(name=self._value("interviewer"))
        if not self._value("name") and not self._unnamed_said:
            # A name typed into the wrong box is the likeliest reason it is empty: say so
            # once, and start without one only when asked again.
            self._unnamed_said = True
            self.query_one("#start-error", Static).update(
                Content(
                    f"No name given: the transcript would be listed as {NOT_NAMED}. "
                    f"Type it where {POINTER} marks, or press Ctrl+S again to start without one."
                )
            )
            self.query_one("#name", Input).focus()
            return
        respondent = Respondent(**{key: self._value(key) for key, _, _ in FIELDS})
        try:
            talk = conversation.start(
                self.catalogue,
                framework,
                dialogue if isinstance(dialogue, str) else None,
                respondent,
                self.folder,
                interviewer,
            )
        except (LoadError, store.TranscriptInUse) as error:
            host(self).show_error("Could not start", str(error))
            return
        except OSError as error:
            from bot.folder_words import cannot_write_transcripts

            words = cannot_write_transcripts(self.folder, error)
            host(self).show_error("Could not start", words[:1].upper() + words[1:])
            return
        if interviewer is not None:
            # The officer at this keyboard, for an interview resumed from home; their name,
            # typed where none was known, is remembered for next time.
            host(self).took_interview_as(interviewer.name, remember=not self.known_caller)
        self.app.switch_screen(host(self).conversation_screen(talk))

    def action_cancel(self) -> None:
        """Cancel; with fields typed, the first Esc says they would be lost and keeps them;
        Esc again, with the same words, cancels."""
        if not self.unsent_stops("Esc again cancels"):
            self.dismiss(None)

    def typed(self) -> list[tuple[str, str]]:
        """Each field typed, by its label (the interviewer's name the form was opened
        holding is not typed)."""
        pieces = []
        for row in self.query(".field").results(Horizontal):
            box = row.query(Input)
            if not box:
                continue
            field = box.first(Input)
            value = field.value
            opened = self.known_caller if field.id == "interviewer" else ""
            if value.strip() and value.strip() != opened.strip():
                label = row.query_one(".field-label", Label)
                pieces.append((str(label.content), value))
        return pieces

    def say_unsaved(self, words: str) -> None:
        """Said where the form says what stops it starting."""
        self.query_one("#start-error", Static).update(Content(words))

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(TextInput.Full)
    def _full(self, event: TextInput.Full) -> None:
        """Say what a field did with a paste (joined its lines, or kept what fits) or that
        it is full."""
        self.query_one("#start-error", Static).update(Content(event.words))

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()
