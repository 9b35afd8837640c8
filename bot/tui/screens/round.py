"""A round: its invitees with their states, the next call, outcomes and appointments, and
starting an invitee's self-assessment or interview so that its transcript is linked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.notifications import Notification
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from bot.catalogue import Catalogue
from bot.model.dialogue import conversation_command
from bot.problems import LoadError
from bot.rounds.caller import check_name, known_caller, not_remembered, remember
from bot.rounds.commands import round_command
from bot.rounds.labels import OUTCOME_LABELS, STATE_LABELS, STATES
from bot.rounds.state import OPEN_ELSEWHERE, InviteeState, next_calls, outcome_refusal
from bot.rounds.work import (
    CannotLog,
    Snapshot,
    StartRefused,
    claim_next,
    log_outcome,
    snapshot,
    start_conversation,
)
from bot.text import clip, printable
from bot.tui.app import host
from bot.tui.fitted import Fitted
from bot.tui.widgets.fitted_table import FittedTable
from bot.tui.widgets.key_hints import KeyHints, help_rows

NEXT_CALL_SECONDS = 20.0
"""How long the "Next call" message stays (unless the call is started before)."""
NOTE_SHOWN = 160
"""The most of a call-back's note the "Next call" message shows."""
REFRESH_SECONDS = 10.0
"""How often the list is re-read, so that another officer's calls show up."""
FILTERS: tuple[str | None, ...] = (None, *STATES)
COLUMNS = ("Id", "Name", "How", "State", "Calls", "Last call", "Role")
"""The invitee list's columns, what a caller needs first."""
SHRINKABLE = frozenset({1, 3, 5, 6})
"""The columns cut (with an ellipsis) to fit: the name, the state, the last call and the
role."""
LEAST = {1: 14, 3: 17, 5: 18}
"""Never cut below: the name (most names whole: "Eleanor Chaudhry" loses a letter), an
appointment's time in the state ("appt 13/11 15:25…") and the last call's time with the
first letters of what came of it ("12/11 12:43 refus…")."""
DROPPABLE = (6,)
"""Left out where the others do not fit even cut (80 columns once appointments are
booked): the role, which a caller needs least."""


APPOINTMENT_SHORT = "appt"
"""An appointment as the round screen writes it where space is short: in the list's State
column and in the counts above it, the same word."""


def now_utc() -> datetime:
    """The current time, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def glance(shot: Snapshot, width: int = 20) -> str:
    """The round's progress in two lines that fit 80 columns: a bar with the response
    rate, then how many are in each other state (the first line counts the finished)."""
    overall = shot.progress.overall
    filled = round(width * overall.complete / overall.invited) if overall.invited else 0
    bar = f"[{'#' * filled}{'.' * (width - filled)}] {shot.progress.headline()} have finished"
    # Every state someone is in, on as many lines as 80 columns need (each line is cut,
    # never wrapped, by the screen): seven states do not fit on one.
    lines = [bar]
    line = ""
    for part in (
        f"{APPOINTMENT_SHORT if s == 'appointment' else STATE_LABELS[s]} {overall.counts[s]}"
        for s in STATES
        if overall.counts[s] and s != "complete"
    ):
        if line and len(line) + len(", ") + len(part) + len(",") > GLANCE_WIDTH:
            lines.append(line + ",")
            line = part
        else:
            line = f"{line}, {part}" if line else part
    if line:
        lines.append(line)
    return "\n".join(lines)


GLANCE_WIDTH = 78
"""The widest line of the round's progress: 80 columns less the screen's padding."""


def next_call_words(s: InviteeState) -> str:
    """What the "Next call" message says: whom to ring, on what, the note the last caller
    left (why to ring back), and what to press then; all as one line of text."""
    contact = one_line(s.invitee.contact) or "no contact given"
    note = f' Note: "{clip(one_line(s.note), NOTE_SHOWN)}".' if s.note.strip() else ""
    return (
        f"Ring {one_line(s.invitee.name)}: {contact}.{note} "
        "Then o records the outcome, s starts the interview."
    )


def one_line(text: str) -> str:
    """Untrusted words shown on one line: control characters shown, not obeyed, and line
    breaks and runs of spaces made single spaces."""
    return " ".join(printable(text).split())


def claim_words(s: InviteeState) -> str:
    """Who holds the invitee and since when, as the outcome dialog says it: another
    officer's claim, or their transcript open in another window (the officer whose
    interview was logged, when one was); "" when no one else holds them."""
    if s.being_called_by == OPEN_ELSEWHERE:
        by = s.open_by
        who = printable(by.caller) if by is not None and by.caller else "Someone"
        since = (
            f" (interview logged at {by.since.astimezone():%H:%M})"
            if by is not None and by.since is not None
            else ""
        )
        return f"{who} has {one_line(s.invitee.name)}'s transcript open{since}."
    if s.busy_since is None or not s.being_called_by:
        return ""
    lapses = f", until {s.busy_until.astimezone():%H:%M}" if s.busy_until is not None else ""
    return (
        f"{one_line(s.being_called_by)} is ringing {one_line(s.invitee.name)}: claimed at "
        f"{s.busy_since.astimezone():%H:%M}{lapses}."
    )


def state_text(s: InviteeState, now: datetime) -> str:
    """A state as shown in the list, with appointment times and who is calling. An
    appointment comes first, whatever the state (someone part-way through keeps theirs
    too), as "due 13/11 15:25" once its time has come, else "appt 13/11 15:25": either
    stays whole in the narrowest the column is cut to."""
    text = STATE_LABELS[s.state]
    if s.appointment is not None:
        when = s.appointment.astimezone().strftime("%d/%m %H:%M")
        appt = f"{'due' if s.due(now) else APPOINTMENT_SHORT} {when}"
        text = appt if s.state == "appointment" else f"{appt}, {text}"
    if s.held_by:
        text = f"busy: {printable(s.held_by)}"
    return text


class RoundScreen(Screen[None]):
    """The invitees of one round, filtered by state; calls, outcomes and assessments."""

    # The list takes what the header and the hint line leave, so the hint (which names
    # p and v, not in the full key bar) stays in view however many invitees there are.
    DEFAULT_CSS = """
    RoundScreen #invitees { height: 1fr; }
    RoundScreen #round-hint { height: auto; }
    RoundScreen #round-problem { height: auto; color: $error; }
    RoundScreen #round-problem.-hidden { display: none; }
    RoundScreen #round-title, RoundScreen #round-glance {
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    HELP_KEYS = [
        ("Home, End", "the first or the last invitee in the list"),
        ("Enter", "on an invitee: start or resume their assessment or interview"),
        ("o a", "call back at a time: Enter takes the suggested time"),
        ("o r, o w", "refused, wrong number: asks first (y records it, n goes back)"),
    ]
    """Keys the help names that are the list's or the outcome dialog's, not bindings."""
    BINDINGS = [
        Binding(
            "x",
            "next_call",
            "Next call",
            tooltip="ring the next person: marks them as being called by you",
        ),
        Binding(
            "o",
            "outcome",
            "Outcome",
            tooltip="record the outcome of a call (then n, b, a, r or w)",
        ),
        Binding(
            "s",
            "start",
            "Start",
            tooltip="start or resume the chosen invitee's assessment or interview",
        ),
        Binding(
            "f",
            "filter",
            "Filter",
            tooltip="filter by state (again for the next state anyone is in; back to all)",
        ),
        # The list reads the round again by itself every 10 seconds, so g is left out of
        # the key bar, which then fits 80 columns; F1 names it.
        Binding(
            "g",
            "refresh",
            "Refresh",
            show=False,
            tooltip="read the round again (it also refreshes every 10 seconds)",
        ),
        Binding(
            "p",
            "plan",
            "Action plan",
            show=False,
            tooltip="the round's action plan: agree actions, set status, owner, notes",
        ),
        # Not in the key bar (80 columns are full); the hint line names it when there is
        # an earlier round to compare with, and F1 always does.
        Binding(
            "v",
            "compare",
            "Compare",
            show=False,
            tooltip="compare with an earlier round: scores, changes, the plan's progress",
        ),
        Binding("f1", "help", "Help", tooltip="this help"),
        Binding("escape", "leave", "Home", tooltip="back to the home screen"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        folder: Path,
        caller: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.folder = folder
        self.caller = known_caller(caller)
        """The officer at this terminal (their own calls never show as busy to them); ""
        until they are asked, when they first ring, record a call or start an interview."""
        # Looked up at each call, so that tests can fix the time for the whole screen.
        self.clock = clock or (lambda: now_utc())
        """Where times come from (tests pass a fixed clock)."""
        self.shot: Snapshot | None = None
        self.filter_index = 0
        self.rows: list[InviteeState] = []
        self._next_message: Notification | None = None
        self.problem = ""
        """Why the round could not be read when it was last read in the background ("" once
        it reads): shown on this screen, in one line, never over another screen."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="round-title")
        yield Static("", id="round-glance")
        # Every column in view, cut to fit rather than cut off at the edge, the times a
        # caller needs kept whole.
        yield FittedTable(
            COLUMNS,
            SHRINKABLE,
            least=LEAST,
            droppable=DROPPABLE,
            id="invitees",
            cursor_type="row",
            zebra_stripes=True,
        )
        yield Static("", id="round-problem", classes="-hidden")
        yield Static("", id="round-hint")
        yield KeyHints()

    def on_mount(self) -> None:
        self.refresh_round()
        self.set_interval(REFRESH_SECONDS, self.refresh_round)

    def on_screen_resume(self) -> None:
        self.refresh_round()

    def refresh_round(self) -> None:
        """Re-read the round (in a thread: it reads every transcript's header)."""
        self._load()

    @work(thread=True, exclusive=True, group="round")
    def _load(self) -> None:
        try:
            shot = snapshot(self.folder, self.clock(), self.caller)
        except LoadError as error:
            self.app.call_from_thread(self._say_problem, str(error))
            return
        self.app.call_from_thread(self._say_problem, "")
        self.app.call_from_thread(self._show, shot)

    def _say_problem(self, problem: str) -> None:
        """Say why the round cannot be read, found by a re-read in the background: in one
        line on this screen (the list stays as last read), never in a dialog, so that
        nothing comes up over an interview, a chat or a dialog opened from here, and a
        re-read every few seconds never says it twice; gone once the round reads again."""
        self.problem = problem
        line = self.query_one("#round-problem", Static)
        line.set_class(not problem, "-hidden")
        if problem:
            line.update(
                Content(
                    f"Cannot read the round: {problem}. The list is as last read; "
                    f"it is read again every {REFRESH_SECONDS:.0f} seconds."
                )
            )

    def _show(self, shot: Snapshot) -> None:
        self.shot = shot
        round_ = shot.loaded.round
        # One line each, never wrapped: the caller first, as a long title is cut at the
        # end; a period the title already ends with is not said twice.
        where = ", ".join(
            x for x in (round_.partnership, round_.period) if x and not round_.title.endswith(x)
        )
        title = printable(round_.title) + (f" ({printable(where)})" if where else "")
        who = printable(self.caller) if self.caller else "asked when you first ring"
        self.query_one("#round-title", Static).update(Content(f"Caller: {who}  ·  {title}"))
        self.query_one("#round-glance", Static).update(Content(glance(shot)))
        wanted = FILTERS[self.filter_index]
        now = self.clock()
        table = self.query_one(FittedTable)
        chosen = self.selected()
        self.rows = [s for s in shot.invitees if wanted is None or s.state == wanted]
        rows: list[tuple[str, tuple[Fitted, ...]]] = []
        for s in self.rows:
            last = ""
            if s.last_attempt is not None:
                # The time first: where the cell is cut to fit, the outcome's words go.
                last = f"{s.last_attempt.astimezone():%d/%m %H:%M} {OUTCOME_LABELS.get(s.last_outcome, '')}"
            if s.state == "unreadable" and s.unreadable is not None:
                # Which file cannot be read, where the calls are (s says what to do).
                last = f"cannot read {printable(s.unreadable.name)}"
            cells = (
                printable(s.invitee.id),
                clip(printable(s.invitee.name), 16),
                "phone" if s.invitee.mode == "telephone" else "self",
                state_text(s, now),
                str(s.attempts),
                last.strip(),
                clip(printable(s.invitee.role), 24),
            )
            rows.append((s.invitee.id, tuple(Fitted(c) for c in cells)))
        table.fill(rows)
        if chosen is not None:
            self.select(chosen.invitee.id)
        shown = "all invitees" if wanted is None else STATE_LABELS[wanted]
        shown = f"{shown[:1].upper()}{shown[1:]} ({len(self.rows)})"
        if wanted is not None and not self.rows:
            # Emptied since it was chosen (their calls moved them on): said plainly.
            shown = f"No one is {STATE_LABELS[wanted]} now; f shows the next state"
        self.query_one("#round-hint", Static).update(
            Content(
                # p and v are not in the key bar (80 columns are full): named here.
                f"{shown}. x next call; o outcome; "
                "p action plan." + (" v compares rounds." if self._comparable() else "")
            )
        )
        if self.rows and not table.has_focus:
            table.focus()

    def selected(self) -> InviteeState | None:
        """The invitee under the cursor."""
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, invitee_id: str) -> None:
        """Move the cursor to an invitee (if the filter shows them)."""
        for index, s in enumerate(self.rows):
            if s.invitee.id == invitee_id:
                self.query_one(DataTable).move_cursor(row=index)
                return

    def _current(self, invitee_id: str) -> InviteeState | None:
        if self.shot is None:
            return None
        return next((s for s in self.shot.invitees if s.invitee.id == invitee_id), None)

    def _reload_now(self) -> None:
        """Re-read at once in this thread (after this terminal changed something)."""
        try:
            self._show(snapshot(self.folder, self.clock(), self.caller))
        except LoadError as error:
            host(self).show_error("Cannot read the round", str(error))

    def _named(self, then: Callable[[], None]) -> bool:
        """Whether the officer is named; if not, ask (the one rule of bot/rounds/caller.py:
        never a placeholder), remember the name, and carry on with ``then``."""
        if self.caller:
            return True
        from bot.tui.screens.dialogs import TextPromptScreen

        def named(name: str | None) -> None:
            if not name or check_name(name):
                return
            self.caller = name.strip()
            try:
                remember(self.caller)
            except OSError as error:
                self.notify(
                    not_remembered(error, in_app=True),
                    severity="warning",
                    markup=False,
                )
            # Read again as this officer: read without a name, their own claims were busy.
            self._reload_now()
            then()

        self.app.push_screen(
            TextPromptScreen(
                "Who is calling?",
                placeholder="Your name",
                detail="Your name goes into the call log and, for an interview, the report. "
                "It is remembered for next time.",
                take=check_name,
            ),
            named,
        )
        return False

    def action_next_call(self) -> None:
        """Mark the next person to ring as being called by this officer, and show them."""
        if self.shot is None or not self._named(self.action_next_call):
            return
        fresh = snapshot(self.folder, self.clock(), self.caller)
        queue = next_calls(fresh.invitees, self.clock())
        if not queue:
            self._show(fresh)
            self._tell_next("No one to call now.")
            return
        try:
            # Checked and claimed under the call log's lock: if another officer claimed
            # the first at this instant, this officer is given the next.
            first = claim_next(self.folder, queue, self.caller, self.clock())
        except OSError as error:
            host(self).show_error("Could not log the call", str(error))
            return
        if first is None:
            self._reload_now()
            self._tell_next("No one to call now.")
            return
        self.filter_index = 0
        self._reload_now()
        self.select(first.invitee.id)
        # Longer than a passing message (never shorter than the app's own): it is what
        # the officer dials from and why. Starting the call clears it.
        self._tell_next(
            next_call_words(first), max(NEXT_CALL_SECONDS, self.app.NOTIFICATION_TIMEOUT)
        )

    def _tell_next(self, words: str, timeout: float | None = None) -> None:
        """Show the "Next call" message in place of the one before: only one is ever in
        view, the latest, so that the officer never dials from an older one."""
        self._withdraw_next()
        self._next_message = Notification(
            words,
            "Next call",
            timeout=self.app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=False,
        )
        # Added at once, not by a message to the app: a second message pressed for
        # before the first was shown would otherwise find nothing to take down.
        self.app._notifications.add(self._next_message)
        self.app._refresh_notifications()

    def _withdraw_next(self) -> None:
        """Take down the "Next call" message, if it is still showing."""
        shown, self._next_message = self._next_message, None
        # Textual has no public way to take down one message and not the others.
        if shown is not None and shown in self.app._notifications:
            self.app._unnotify(shown)

    def action_outcome(self) -> None:
        """Record the outcome of a call to the chosen invitee (two keys); over another
        officer's claim on them only once the officer confirms it."""
        from bot.tui.screens.call_outcome import ENDS_CLAIM, INTERRUPTS, OutcomeScreen, Recorded

        chosen = self.selected()
        if chosen is None:
            return
        # The one rule `round call` follows, asked again under the call log's lock below.
        finished = outcome_refusal(chosen)
        if finished:
            self.notify(finished, severity="warning", markup=False)
            return
        if not self._named(self.action_outcome):
            return
        # Read again: whoever claimed them since the list was last read is asked about.
        found = self._read_again(chosen.invitee.id)
        if found is None:
            return
        held = claim_words(found)
        not_logged: list[tuple[str, str]] = []
        """Why nothing was logged though the dialog closed (the round could not be read, or
        a claim was made while the dialog was open, never confirmed): said once it has."""

        def log(recorded: Recorded) -> None:
            # Called while the dialog is open: an OSError (the call log cannot be written)
            # keeps it open with what was typed; anything else is said once it closes.
            not_logged.clear()
            refused_as: list[str] = []  # the title of a refusal other than a claim
            try:
                self._show(snapshot(self.folder, self.clock(), self.caller))
            except LoadError as error:
                not_logged.append(("Cannot read the round", str(error)))
                return
            if self.shot is None or self._current(chosen.invitee.id) is None:
                not_logged.append(("", ""))
                return

            def refusal(now_found: InviteeState) -> str:
                # Decided under the call log's lock, as `round call` decides it: someone
                # who finished while the dialog was open has no call to log (one rule,
                # `outcome_refusal`); a claim or an interview opened since the officer
                # confirmed is said, never logged over.
                finished_now = outcome_refusal(now_found, recorded.outcome)
                if finished_now:
                    refused_as.append("Not logged")
                    return f"{finished_now}. Nothing was logged."
                if now_found.being_called_by and (
                    now_found.busy_since,
                    now_found.being_called_by,
                ) != (found.busy_since, found.being_called_by):
                    return f"{claim_words(now_found)} Nothing was logged."
                return ""

            try:
                log_outcome(
                    self.shot,
                    chosen.invitee.id,
                    recorded.outcome,
                    self.clock(),
                    self.caller,
                    recorded.appointment,
                    recorded.note,
                    refusal,
                    mended,
                )
            except StartRefused as refused:
                not_logged.append(((refused_as or ["Being called"])[0], str(refused)))

        mended: list[str] = []
        """What was done to a torn last line of the call log before the entry was logged."""

        def done(recorded: Recorded | None) -> None:
            if recorded is None:
                return
            if not_logged:
                title, words = not_logged[0]
                if title:
                    host(self).show_error(title, words)
                return
            for words in mended:
                self.notify(words, severity="warning", markup=False)
            self._reload_now()
            self.select(chosen.invitee.id)

        self.app.push_screen(
            OutcomeScreen(
                printable(chosen.invitee.name),
                self.clock,
                held=held,
                log=log,
                ends=INTERRUPTS if found.being_called_by == OPEN_ELSEWHERE else ENDS_CLAIM,
            ),
            done,
        )

    def _read_again(self, invitee_id: str) -> InviteeState | None:
        """Re-read the round at once and show it; the invitee as they are now (None, said,
        when the round cannot be read)."""
        try:
            self._show(snapshot(self.folder, self.clock(), self.caller))
        except LoadError as error:
            host(self).show_error("Cannot read the round", str(error))
            return None
        return self._current(invitee_id)

    def action_start(self) -> None:
        """Start or resume the chosen invitee's conversation: their self-assessment at this
        terminal, or their telephone interview with this officer."""
        chosen = self.selected()
        if chosen is not None:
            self._start(chosen)

    def _start(self, chosen: InviteeState, over_refusal: bool = False) -> None:
        """Start or resume ``chosen``'s conversation. Someone whose refusal stands only
        once the officer confirms it (``over_refusal``), as ``o`` then ``r`` asks before a
        refusal is logged."""
        from bot import store
        from bot.conversation import utc_now

        if self.shot is None:
            return
        if chosen.state == "complete" and chosen.transcript is not None:
            # First, as on the command line (whoever may hold them now): someone who has
            # finished is not started again by a slip of a key; their answers are shown
            # instead, and a second conversation is a deliberate command.
            command = conversation_command(chosen.invitee.mode)
            host(self).open_replay(
                chosen.transcript,
                notice=f"{one_line(chosen.invitee.name)} has finished: here are their "
                "answers. To start again: "
                + one_line(
                    round_command(
                        command, chosen.invitee.id, "--again", folder=self.shot.loaded.folder
                    )
                ),
            )
            return
        if chosen.invitee.mode == "telephone" and not self._named(
            # The invitee as read again once the officer is named.
            lambda: self._start(self._current(chosen.invitee.id) or chosen, over_refusal)
        ):
            return
        try:
            # Checked and claimed as one step under the call log's lock, as the command
            # does: what the screen shows may be out of date by now.
            talk = start_conversation(
                self.catalogue,
                self.shot,
                chosen,
                self.caller,
                self.clock(),
                utc_now,
                over_refusal,
            )
        except StartRefused as refused:
            self._reload_now()
            if refused.state.state == "refused" and not over_refusal:
                self._confirm_over_refusal(chosen.invitee.id, str(refused))
                return
            unreadable = refused.state.state == "unreadable"
            title = "Transcript unreadable" if unreadable else "Being called"
            host(self).show_error(title, f"{refused}.")
            return
        except store.TranscriptInUse as error:
            host(self).show_error("Transcript in use", f"{error}. Close it there first.")
            return
        except CannotLog as error:
            host(self).show_error("Could not log the call", str(error))
            return
        except (LoadError, OSError) as error:
            host(self).show_error("Cannot start", str(error))
            return
        # The call is on: the "Next call" message has done its work, and must not sit
        # over the interview's script.
        self.app.clear_notifications()
        self.app.push_screen(host(self).conversation_screen(talk))

    def _confirm_over_refusal(self, invitee_id: str, refused: str) -> None:
        """Ask before starting someone whose refusal stands, saying who logged it and when;
        yes starts them (checked again under the call log's lock), no leaves them refused."""
        from bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            now_found = self._current(invitee_id)
            if yes and now_found is not None:
                self._start(now_found, over_refusal=True)

        question = (
            f"{refused}. Start their conversation all the same? "
            "y starts it; n or Esc leaves them refused."
        )
        self.app.push_screen(ConfirmScreen(question, "Yes, start (y)", "No (n)"), decided)

    def action_filter(self) -> None:
        """Show the next state that someone is in only (and then all again): a state no
        one is in would only show an empty list."""
        held = {s.state for s in self.shot.invitees} if self.shot is not None else set(STATES)
        for step in range(1, len(FILTERS) + 1):
            index = (self.filter_index + step) % len(FILTERS)
            if FILTERS[index] is None or FILTERS[index] in held:
                self.filter_index = index
                break
        if self.shot is not None:
            self._show(self.shot)

    def action_refresh(self) -> None:
        self.refresh_round()

    def action_plan(self) -> None:
        """The round's action plan (compiled from the answers the first time)."""
        from bot.tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen(self.catalogue, self.folder, self.clock))

    def action_leave(self) -> None:
        self.dismiss(None)

    def _comparable(self) -> bool:
        from bot.tui.screens.compare import earlier_rounds

        try:
            return bool(earlier_rounds(self.folder))
        except LoadError:
            return False

    def action_compare(self) -> None:
        """This round beside an earlier one of the same framework (asked which, if several)."""
        from bot.tui.screens.compare import CompareScreen, earlier_rounds, named_previous
        from bot.tui.screens.dialogs import PickScreen

        try:
            choices = earlier_rounds(self.folder)
            previous = named_previous(self.folder)
        except LoadError as error:
            host(self).show_error("Cannot read the round", str(error))
            return
        if not choices:
            host(self).show_error(
                "No round to compare with",
                "There is no earlier round of this framework beside this one.",
            )
            return

        def chosen(folder: str | None) -> None:
            if folder:
                self.app.push_screen(CompareScreen(self.catalogue, Path(folder), self.folder))

        if previous is not None:
            chosen(previous)  # the round this one names as previous
        elif len(choices) == 1:
            chosen(choices[0][0])
        else:
            self.app.push_screen(PickScreen("Compare with which round?", choices), chosen)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("Round keys", help_rows(self)))

    @on(DataTable.RowSelected)
    def _row(self) -> None:
        self.action_start()


ROUND_LABEL_WIDTH = 22
"""The width of the home list's name column, where a round shows its title."""


def round_label(title: str, period: str, width: int = ROUND_LABEL_WIDTH) -> str:
    """A round's title cut to the home list's column, keeping its period in view: two
    rounds of one partnership differ mostly by their period, which a plain cut loses
    ("Hertfordshire partnerships review 2009/10" becomes "Hertfordshire p… 2009/10")."""
    if len(title) <= width or not period or len(period) + 2 > width:
        return clip(title, width)
    name = title.removesuffix(period).rstrip() if title.endswith(period) else title
    return f"{clip(name, width - len(period) - 1)} {period}"


def _round_cut(title: str, period: str, _words: str, width: int) -> str:
    """A round's label cut to a narrower column, still with its period."""
    return round_label(title, period, width)


def round_rows(folder: Path, catalogue: Catalogue) -> list[tuple[Path, tuple[Fitted, ...]]]:
    """A home-screen row for each round in the transcripts folder: its title and progress
    ("22/40 done (55%)"); a round that fails to load says why."""
    from bot.rounds.folder import find_rounds

    rows = []
    for path in find_rounds(folder):
        try:
            shot = snapshot(path, now_utc())
        except LoadError as error:
            reason = clip(printable(str(error.problems[0]).split(": ", 1)[-1]), 40)
            cells = ("round", printable(path.name), "broken", reason, "")
            rows.append((path, tuple(Fitted(c) for c in cells)))
            continue
        overall = shot.progress.overall
        rate = f" ({overall.rate}%)" if overall.rate is not None else ""
        title = printable(shot.loaded.round.title)
        period = printable(shot.loaded.round.period)
        cells = (
            Fitted("round"),
            # Narrowed to fit the screen, the label is cut again keeping its period.
            Fitted(round_label(title, period), partial(_round_cut, title, period)),
            Fitted(f"{overall.complete}/{overall.invited} done{rate}"),
            Fitted(printable(shot.loaded.round.framework)),
            Fitted("round"),
        )
        rows.append((path, cells))
    return rows
