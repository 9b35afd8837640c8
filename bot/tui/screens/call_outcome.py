"""Record a call's outcome in one key (an appointment: one key, then its time; a refusal or
a wrong number: one key, then y to confirm it; over another officer's claim: y first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from bot.rounds.calls import NOTE_LIMIT
from bot.rounds.labels import OUTCOME_LABELS
from bot.rounds.when import WHEN_HELP, parse_when
from bot.tui.screens.dialogs import Dialog
from bot.tui.typed_kept import KeepsTyped

OUTCOME_KEYS = {
    "n": ("no_answer", "No answer"),
    "b": ("busy", "Busy"),
    "a": ("call_back", "Call back at a time (appointment)"),
    "r": ("refused", "Refused"),
    "w": ("wrong_number", "Wrong number"),
}

CONFIRMED = {
    "refused": "Record that {who} refused? They will not be offered as a call again in this round.",
    "wrong_number": "Record a wrong number for {who}? They will not be offered as a call "
    "again in this round.",
}
"""Outcomes asked about before they are recorded, with the question: each is final (the
invitee is no longer offered as a call), and its key sits among the everyday ones."""
YES_WORDS = {"refused": "Yes, refused (y)", "wrong_number": "Yes, wrong number (y)"}
"""The confirming button of each outcome asked about."""
ENDS_CLAIM = "Logging an outcome ends their claim"
"""What logging an outcome does to another officer's claim on the invitee."""
INTERRUPTS = "An outcome logged now lands in the middle of their interview"
"""What logging an outcome does while another officer has the invitee's transcript open."""
CONFIRM_KEYS = "y records it; n or Esc goes back to the outcomes."


@dataclass(frozen=True)
class Recorded:
    """What the officer recorded."""

    outcome: str
    """A call log outcome."""
    appointment: datetime | None = None
    """For call_back: when."""
    note: str = ""
    """For call_back: a note for whoever rings them (as `round call --note` takes)."""


class OutcomeScreen(KeepsTyped, Dialog[Recorded | None]):
    """One key per outcome; `a` asks for the call-back time (Enter takes the suggestion).
    A time or a note typed and not recorded is asked about before Esc or quitting loses
    it (`KeepsTyped`)."""

    NOT_YET = "Not recorded yet"
    SAVES = "Enter records it"

    DEFAULT_CSS = """
    OutcomeScreen #outcome-held { margin-bottom: 1; color: $text-warning; }
    """

    BINDINGS = [
        *(
            Binding(key, f"choose('{key}')", label, show=False)
            for key, (_, label) in OUTCOME_KEYS.items()
        ),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        who: str,
        clock: Callable[[], datetime],
        suggestion: str = "tomorrow 10:00",
        held: str = "",
        log: Callable[[Recorded], None] | None = None,
        ends: str = ENDS_CLAIM,
    ) -> None:
        super().__init__()
        self.ends = ends
        """What logging an outcome does to whoever holds the invitee (with ``held``)."""
        self.log_call = log
        """Logs what is recorded before the dialog closes: an OSError (the call log cannot
        be written) keeps the dialog open with everything typed, says why and what to do,
        and Enter (or the outcome's key) tries again."""
        self.who = who
        self.clock = clock
        """Where times come from, read when a time is confirmed ("+2m" counts from then)."""
        self.suggestion = suggestion
        self.held = held
        """Whose claim on the invitee logging an outcome ends, and since when ("" for none):
        said in the dialog, and asked about before anything is logged."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(f"Outcome of the call to {self.who}"), classes="dialog-title")
            if self.held:
                yield Static(
                    Content(f"{self.held} {self.ends} (asks first)."),
                    classes="dialog-text",
                    id="outcome-held",
                )
            lines = "\n".join(
                f"{key}  {label}" + (" (asks first)" if outcome in CONFIRMED else "")
                for key, (outcome, label) in OUTCOME_KEYS.items()
            )
            yield Static(Content(lines), id="outcome-keys")
            yield Static(Content("Esc cancels."), classes="dialog-hint", id="outcome-hint")

    def _asking_time(self) -> bool:
        return bool(self.query("#when"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the time is being typed, letters go to the box, not to the outcome keys.
        return not (action == "choose" and self._asking_time())

    def action_choose(self, key: str) -> None:
        outcome = OUTCOME_KEYS[key][0]
        if outcome != "call_back":
            self._record(Recorded(outcome))
            return
        # The time box is only mounted now, so that until then every key is an outcome.
        box = Input(value=self.suggestion, id="when")
        note = Input(
            placeholder="A note for the call back (optional), e.g. ask for the clerk",
            id="call-note",
            max_length=NOTE_LIMIT,
        )
        self.query_one(Vertical).mount(box, note, before=self.query_one("#outcome-hint"))
        box.focus()
        self.query_one("#outcome-hint", Static).update(
            Content(f"When to call back: {WHEN_HELP}. Tab: a note. Enter records it; Esc cancels.")
        )

    def _record(self, recorded: Recorded) -> None:
        """Record the outcome, asking first where it is final or ends another officer's
        claim (a slip of one key must not end an invitee's part in the round, nor a
        colleague's call); No returns to the dialog, and nothing is logged."""
        from bot.tui.screens.dialogs import ConfirmScreen

        final = recorded.outcome in CONFIRMED
        if not final and not self.held:
            self._logged(recorded)
            return
        label = OUTCOME_LABELS.get(recorded.outcome, recorded.outcome)
        asked = CONFIRMED.get(recorded.outcome, 'Log "{label}"?')
        question = asked.format(who=self.who, label=label)
        if self.held:
            question = f"{self.held} {self.ends}. {question}"
        yes = YES_WORDS.get(recorded.outcome, f"Yes, log {label} (y)")

        def decided(yes: bool | None) -> None:
            if yes:
                self._logged(recorded)

        self.app.push_screen(ConfirmScreen(f"{question} {CONFIRM_KEYS}", yes, "No (n)"), decided)

    def _logged(self, recorded: Recorded) -> None:
        """Log it and close; when it cannot be logged, stay open with what was typed."""
        if self.log_call is not None:
            try:
                self.log_call(recorded)
            except OSError as error:
                self._not_logged(error)
                return
        self.dismiss(recorded)

    def _not_logged(self, error: OSError) -> None:
        """Say why the call was not logged and what to do; nothing typed is lost."""
        from bot.rounds.calls import CALLS_FILE
        from bot.rounds.work import log_remedy

        again = "Enter tries again" if self._asking_time() else "its key tries again"
        hint = self.query_one("#outcome-hint", Static)
        hint.update(
            Content(
                f"Not logged: {CALLS_FILE} could not be written ({error.strerror or error}). "
                f"{log_remedy(error).capitalize()}, then {again}: what was typed is kept. "
                "Esc cancels."
            )
        )
        hint.add_class("-error")

    @on(Input.Submitted, "#when, #call-note")
    def _when(self) -> None:
        # Now, as the time is confirmed: "+2m" counts from this moment, however long the
        # dialog has been open.
        now = self.clock()
        try:
            moment = parse_when(self.query_one("#when", Input).value, now.astimezone())
        except ValueError as error:
            self.query_one("#outcome-hint", Static).update(Content(str(error)))
            return
        if moment < now:
            # A time already past would be due at once, which is never what was meant.
            self.query_one("#outcome-hint", Static).update(
                Content(
                    f"{moment.astimezone():%d %b %H:%M} has already passed; "
                    f"type a later time ({WHEN_HELP}). Esc cancels."
                )
            )
            return
        note = self.query_one("#call-note", Input).value.strip()
        self._record(Recorded("call_back", moment, note))

    def action_cancel(self) -> None:
        """Cancel; with a time or a note typed, the first Esc says they are not recorded
        and keeps them; Esc again, with the same words, cancels."""
        if not self.unsent_stops("Esc again cancels"):
            self.dismiss(None)

    def typed(self) -> list[tuple[str, str]]:
        """The call-back time typed (the suggestion it was opened holding is not typed) and
        the note, while the time is asked for."""
        if not self._asking_time():
            return []
        when = self.query_one("#when", Input).value
        note = self.query_one("#call-note", Input).value
        pieces = []
        if when.strip() and when.strip() != self.suggestion.strip():
            pieces.append(("the call-back time", when))
        if note.strip():
            pieces.append(("the note", note))
        return pieces

    def say_unsaved(self, words: str) -> None:
        """Said in the dialog's hint, under the boxes that keep the words."""
        hint = self.query_one("#outcome-hint", Static)
        hint.update(Content(words))
        hint.add_class("-error")
