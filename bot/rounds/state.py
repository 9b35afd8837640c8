"""Each invitee's state, who to call next, and the response rate: pure functions of the
round, its call log and its transcripts' headers (no files, no clock: ``now`` is passed)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.figures import half_up
from bot.rounds.labels import STATES, State
from bot.text import folded, printable

if TYPE_CHECKING:
    from bot.model.transcript import Status
    from bot.rounds.calls import CallEntry
    from bot.rounds.model import Invitee, Round

NOT_GIVEN = "(not given)"


@dataclass(frozen=True)
class Linked:
    """A transcript of the round, as far as states need it."""

    invitee: str
    """The invitee id its header records."""
    status: Status
    """complete, in_progress or abandoned."""
    updated: datetime
    """Its last turn."""
    path: Path
    """Its file."""
    readable: bool = True
    """False for a transcript that names the invitee in its header but fails to load
    (``status`` and ``updated`` then say nothing: see ``state_of``)."""
    answered: datetime | None = None
    """When the respondent last moved it on (``Transcript.answered``): what ends a
    refusal logged before (opening it and leaving does not)."""


@dataclass(frozen=True)
class OpenBy:
    """Who has an invitee's transcript open in another process, as far as the round knows."""

    caller: str = ""
    """The officer who last started or resumed their interview in the call log ("" for a
    self-assessment, or an interview logged without a name)."""
    since: datetime | None = None
    """When that was logged."""
    process: str = ""
    """What the transcript's lock note records: the process, its machine and since when."""
    officer: str = ""
    """The officer the lock note names as having opened the transcript ("" when none is
    named): for a self-assessment begun at an officer's screen, the only record of who."""


@dataclass(frozen=True)
class InviteeState:
    """Where one invitee stands."""

    invitee: Invitee
    """Who."""
    state: State
    """The state (see ``state_of``)."""
    attempts: int = 0
    """Calls made (``calling`` leases are not attempts)."""
    last_attempt: datetime | None = None
    """When they were last rung."""
    last_outcome: str = ""
    """The outcome of the last attempt."""
    appointment: datetime | None = None
    """The call-back time agreed and still standing, whatever the state (see
    ``appointment_of``): in the appointment state, and also for someone part-way through."""
    transcript: Path | None = None
    """The transcript to resume or report (the newest, preferring a complete one)."""
    being_called_by: str | None = None
    """Who else is calling them now (``lease_holder``), or that their transcript is open
    elsewhere; None when no one is, or the claim is the officer's own."""
    busy_until: datetime | None = None
    """When the other officer's claim lapses (None when no claim holds them, or only an
    open transcript does)."""
    busy_since: datetime | None = None
    """When the other officer's claim was logged (None when ``busy_until`` is)."""
    note: str = ""
    """The note for whoever rings them next (``note_of``)."""
    open_by: OpenBy | None = None
    """Who has their transcript open in another process (when ``being_called_by`` is
    ``OPEN_ELSEWHERE``)."""
    unreadable: Path | None = None
    """A transcript of theirs that fails to load (the newest), whatever the state."""
    refusal: CallEntry | None = None
    """The refusal logged for them that still stands (``refusal_entry``), in the refused
    state: who logged it and when."""

    @property
    def held_by(self) -> str:
        """Who holds them, as a list shows it: the claim's caller; for a transcript open
        elsewhere, the officer whose interview with them was logged ("Sam (transcript
        open)") when one was; "" when no one holds them."""
        by = self.open_by
        if self.being_called_by == OPEN_ELSEWHERE and by is not None and by.since is not None:
            return f"{by.caller or by.officer or NAMELESS} (transcript open)"
        if self.being_called_by == OPEN_ELSEWHERE and by is not None and by.officer:
            return f"{by.officer} (transcript open)"
        return self.being_called_by or ""

    def due(self, now: datetime) -> bool:
        """An appointment whose time has come."""
        return self.appointment is not None and self.appointment <= now


INTERVIEWING = ("interview_started", "interview_resumed")
"""Outcomes of a call on which an interview was taken."""
UNANSWERED = ("busy", "no_answer")
"""Outcomes of a call that reached no one: rung before the agreed time, they leave it standing."""


def appointment_of(calls: Sequence[CallEntry], transcripts: Sequence[Linked]) -> datetime | None:
    """The call-back time that still stands, whatever the invitee's state (``booking``)."""
    booked = booking(calls, transcripts)
    return booked.appointment if booked is not None else None


def booking(calls: Sequence[CallEntry], transcripts: Sequence[Linked]) -> CallEntry | None:
    """The call-back entry whose time still stands, whatever the invitee's state.

    The latest call-back entry books it. It stands until a later call that reached them
    or ended it (refused, wrong number, an interview started, another call-back), until
    an unanswered call (busy, no answer) made once its time had come, or until one of
    their transcripts gained a turn after it was booked (an interview resumed). A busy
    line or no answer before the time leaves it standing.
    """
    booked: CallEntry | None = None
    for entry in calls:
        if not entry.is_attempt:
            continue
        if entry.outcome == "call_back" and entry.appointment is not None:
            booked = entry
        elif booked is not None and not (
            entry.outcome in UNANSWERED
            and booked.appointment is not None
            and entry.at < booked.appointment
        ):
            booked = None
    if booked is None:
        return None
    # Whole seconds: the log keeps them, and a turn saved in the second the call-back was
    # logged came before it (the interview paused, then the call-back was booked).
    if any(t.updated.replace(microsecond=0) > booked.at for t in transcripts):
        return None
    return booked


def standing_refusal(calls: Sequence[CallEntry], answered: datetime | None) -> datetime | None:
    """When the invitee refused, where that refusal still stands, else None: the one rule
    (``refusal_entry``) for the round's state and for the report of their transcript."""
    entry = refusal_entry(calls, answered)
    return entry.at if entry is not None else None


def refusal_entry(calls: Sequence[CallEntry], answered: datetime | None) -> CallEntry | None:
    """The call on which the invitee refused, where that refusal still stands, else None.

    A refusal stands until a call back is booked on a later call (they changed their mind
    and asked to be rung) or an answer is saved after it (a self-assessor carrying on, or
    an interview taken on once the officer confirmed it): someone who refused part way
    and then went on is in progress again, never "refused" on one page and "in progress"
    on another, nor refused with a call-back due that no one is offered. An interview
    started or resumed is not an outcome: opening their conversation and leaving it with
    nothing answered leaves the refusal standing. ``calls`` are the invitee's own, in the
    order logged; ``answered`` is when their transcript was last answered
    (``Transcript.answered``; None without an answer)."""
    refused: CallEntry | None = None
    for call in calls:
        if call.outcome == "refused":
            refused = call
        elif call.outcome == "call_back":
            refused = None
    # Whole seconds: the log keeps them, and an answer saved in the second the refusal was
    # logged came before it.
    if refused is None or (answered is not None and answered.replace(microsecond=0) > refused.at):
        return None
    return refused


def standing_wrong_number(calls: Sequence[CallEntry], last_turn: datetime | None) -> bool:
    """Whether the invitee's number was found wrong and that still stands: the last call
    made to them found a wrong number, and no answer was saved after it. Someone part-way
    through an interview is then unreachable too (ringing that number again reaches no
    one), until a later call takes the interview on or an answer is saved (it was carried
    on some other way). ``calls`` are the invitee's own calls made (not claims), in the
    order logged; ``last_turn`` is when their transcript's last answer was saved."""
    if not calls or calls[-1].outcome != "wrong_number":
        return False
    # Whole seconds, as for a refusal: a turn saved in the second of the call came before.
    return last_turn is None or last_turn.replace(microsecond=0) <= calls[-1].at


def state_of(
    invitee: Invitee,
    calls: Sequence[CallEntry],
    transcripts: Sequence[Linked],
    max_attempts: int,
) -> tuple[State, datetime | None]:
    """An invitee's state (and appointment) from their calls and transcripts, in this order:

    1. complete: a transcript of theirs is complete;
    1a. unreadable: a transcript of theirs fails to load (``Linked.readable``), so what it
       holds cannot be told: never "unreachable" for someone who may have finished;
    2. refused: a call ended "refused", and that refusal stands (`standing_refusal`);
    3. unreachable: the last call found a wrong number, and that stands
       (`standing_wrong_number`: someone part-way through too);
    4. in progress: a transcript is in progress, or the last call started or resumed an
       interview;
    5. abandoned: a transcript was abandoned (given up part way: not a refusal);
    6. appointment: a call-back time stands (``appointment_of``);
    7. unreachable: ``max_attempts`` calls were made;
    8. not started.

    The appointment comes with every state but complete: someone part-way through an
    interview keeps the time they agreed (one who refused and then asked to be rung is
    no longer refused: `standing_refusal`).

    A self-assessor is reminded, not rung: of the calls logged for one (before calls were
    refused for them) only a standing refusal counts, the one rule the report of their
    transcript reads; no other call makes them unreachable, books them a call back, or
    counts toward ``max_attempts``, so none moves them out of ``round chase``.
    """
    attempts = [c for c in calls if c.is_attempt]
    if any(not t.readable for t in transcripts):
        transcripts = [t for t in transcripts if t.readable]
        if all(t.status != "complete" for t in transcripts):
            return "unreadable", None
    statuses = {t.status for t in transcripts}
    if "complete" in statuses:
        return "complete", None
    last_turn = max((t.updated for t in transcripts), default=None)
    refused = standing_refusal(attempts, last_answer(transcripts)) is not None
    if invitee.mode != "telephone":
        calls, attempts = [], []
    last = attempts[-1] if attempts else None
    appointment = appointment_of(calls, transcripts)
    if refused:
        return "refused", appointment
    if standing_wrong_number(attempts, last_turn):
        return "unreachable", None
    if "in_progress" in statuses or (last is not None and last.outcome in INTERVIEWING):
        return "in_progress", appointment
    if "abandoned" in statuses:
        return "abandoned", appointment
    if appointment is not None:
        return "appointment", appointment
    # Calls dialled: an interview started or carried on is a call taken, not another try.
    if sum(1 for c in attempts if c.outcome not in INTERVIEWING) >= max_attempts:
        return "unreachable", None
    return "not_started", None


def last_answer(transcripts: Sequence[Linked]) -> datetime | None:
    """When any of an invitee's readable transcripts was last answered (None if never)."""
    return max((t.answered for t in transcripts if t.readable and t.answered), default=None)


NAMELESS = "an officer who gave no name"
"""Who holds a claim logged without a caller's name: it may be the officer looking, so it
is never called another officer's."""
OPEN_ELSEWHERE = "someone with the transcript open"
"""Who holds an invitee whose transcript another process is writing (it may be the same
officer in another window)."""


def lease(calls: Sequence[CallEntry], now: datetime) -> CallEntry | None:
    """The claim on an invitee now: a ``calling`` entry still within its time and not
    followed by any other entry for them."""
    if not calls:
        return None
    last = calls[-1]
    if last.outcome == "calling" and last.until is not None and last.until > now:
        return last
    return None


def same_caller(one: str, other: str) -> bool:
    """Whether two callers' names are one officer's: case and spacing aside, as the name
    typed at one terminal ("ann  smith") and remembered at another ("Ann Smith")."""
    return folded(one) == folded(other)


def lease_holder(calls: Sequence[CallEntry], now: datetime, caller: str = "") -> str | None:
    """Who else is calling the invitee now, as shown to ``caller``: None when no one is, or
    the claim is the caller's own. A claim logged without a name is shown as such
    (``NAMELESS``), never as another officer's."""
    claim = lease(calls, now)
    if claim is None or (caller.strip() and same_caller(claim.caller, caller)):
        return None
    return claim.caller.strip() or NAMELESS


def open_by(calls: Sequence[CallEntry], process: str) -> OpenBy:
    """Who has an invitee's transcript open: the officer of the last interview started or
    resumed in their calls, and the transcript's lock note (``process``)."""
    from bot.store import opened_by

    officer = opened_by(process)
    taken = [c for c in calls if c.outcome in INTERVIEWING]
    if not taken:
        return OpenBy(process=process, officer=officer)
    return OpenBy(taken[-1].caller.strip(), taken[-1].at, process, officer)


def states(
    round_: Round,
    calls: Iterable[CallEntry],
    transcripts: Iterable[Linked],
    now: datetime,
    caller: str = "",
    open_transcripts: Iterable[Path] | Mapping[Path, str] = (),
) -> list[InviteeState]:
    """Every invitee's state, in round.toml order.

    ``calls`` are the call log's entries in the order written (``calls.order_notes``
    says where a time is out of that order). ``caller`` is the officer asking: their own lease does not make an invitee busy.
    ``open_transcripts`` are transcripts another process is writing now (a mapping gives,
    for each, what its lock note records of who holds it).
    """
    by_invitee: dict[str, list[CallEntry]] = {}
    # The log's order is the order the calls were logged in (appended under its lock),
    # whatever the clocks of the computers that wrote them said: the last entry wins.
    for call in calls:
        by_invitee.setdefault(call.invitee.casefold(), []).append(call)
    linked: dict[str, list[Linked]] = {}
    for transcript in transcripts:
        linked.setdefault(transcript.invitee.casefold(), []).append(transcript)
    busy: Mapping[Path, str] = (
        open_transcripts
        if isinstance(open_transcripts, Mapping)
        else dict.fromkeys(open_transcripts, "")
    )
    out = []
    for invitee in round_.invitees:
        key = invitee.id.casefold()
        theirs = by_invitee.get(key, [])
        every = linked.get(key, [])
        broken = sorted((t for t in every if not t.readable), key=lambda t: t.updated)
        files = sorted(
            (t for t in every if t.readable), key=lambda t: (t.status == "complete", t.updated)
        )
        state, appointment = state_of(invitee, theirs, [*files, *broken], round_.max_attempts)
        # A self-assessor is never rung: no call of theirs is shown as one (``state_of``).
        attempts = [c for c in theirs if c.is_attempt and invitee.mode == "telephone"]
        # Someone who has finished is finished: a claim logged on them since (a stale
        # one), or their finished transcript open to be read, holds no one.
        finished = state == "complete"
        holder = None if finished else lease_holder(theirs, now, caller)
        claim = lease(theirs, now) if holder is not None else None
        held = [] if finished else [busy[f.path] for f in files if f.path in busy]
        if holder is None and held:
            holder = OPEN_ELSEWHERE
        out.append(
            InviteeState(
                invitee=invitee,
                state=state,
                attempts=len(attempts),
                last_attempt=attempts[-1].at if attempts else None,
                last_outcome=attempts[-1].outcome if attempts else "",
                appointment=appointment,
                transcript=files[-1].path if files else None,
                being_called_by=holder,
                busy_until=claim.until if claim is not None else None,
                busy_since=claim.at if claim is not None else None,
                note=note_of(theirs, files),
                open_by=open_by(theirs, held[0]) if holder == OPEN_ELSEWHERE else None,
                unreadable=broken[-1].path if broken else None,
                refusal=(
                    refusal_entry([c for c in theirs if c.is_attempt], last_answer(files))
                    if state == "refused"
                    else None
                ),
            )
        )
    return out


def note_of(calls: Sequence[CallEntry], transcripts: Sequence[Linked]) -> str:
    """The note for whoever rings an invitee next: while a call-back stands, the note it
    was booked with (what was agreed for that call, even none), not an earlier call's;
    else the last note logged for them."""
    booked = booking(calls, transcripts)
    if booked is not None:
        return booked.note
    notes = [c.note for c in calls if c.note]
    return notes[-1] if notes else ""


def start_refusal(s: InviteeState) -> str:
    """Why the officer looking may not start or resume the invitee's conversation now, or
    "" when they may. One rule for the command line and the round screen: not while another
    officer is calling them (a claim within its time that is not the officer's own) or
    their transcript is open in another process, so that two officers never interview one
    partner at once."""
    if not s.being_called_by:
        return ""
    who = f"{printable(s.invitee.name)} ({printable(s.invitee.id)})"
    if s.being_called_by == OPEN_ELSEWHERE:
        return f"{who} has their transcript open in another window{_held_by(s.open_by)}"
    lapses = (
        f", or after {s.busy_until.astimezone():%H:%M} when the claim lapses"
        if s.busy_until is not None
        else ""
    )
    return (
        f"{who} is being called by {printable(s.being_called_by)}; try again once "
        f"that call's outcome is logged{lapses}"
    )


def refused_words(s: InviteeState) -> str:
    """Who logged the invitee's standing refusal and when, or "" when none stands: said
    before their conversation is started or resumed (a refusal is not undone by a key),
    on the command line and the round screen alike."""
    if s.state != "refused" or s.refusal is None:
        return ""
    who = f"{printable(s.invitee.name)} ({printable(s.invitee.id)})"
    by = printable(s.refusal.caller.strip()) or NAMELESS
    return f"{who} refused: {by} logged it at {s.refusal.at.astimezone():%d %b %H:%M}"


def outcome_refusal(s: InviteeState, outcome: str = "") -> str:
    """Why a call's ``outcome`` is not logged for the invitee, or "" when it may be: one
    rule for the command line and the round screen, decided again under the call log's
    lock. Not for a self-assessor but a refusal (``self_refusal``), nor for someone who
    has finished: their record would then say "complete" beside a refusal or an
    unanswered call logged after it, which no call can have been."""
    wrong_mode = self_refusal(s, outcome=outcome)
    if wrong_mode:
        return wrong_mode
    if s.state != "complete":
        return ""
    who = f"{printable(s.invitee.name)} ({printable(s.invitee.id)})"
    return f"{who} has finished the assessment: there is no call to log for them"


def self_refusal(
    s: InviteeState, chase: str = "round chase", outcome: str = "", refuse: str = ""
) -> str:
    """Why no call's ``outcome`` is logged for a self-assessor ("" for a telephone invitee,
    and for a refusal: a self-assessor who answers a reminder "we will not take part" is
    recorded as refused with ``round call ID refused``): they are reminded, not rung, and
    ``chase`` (the command, as it is to be typed) lists and records that; ``refuse`` is
    the command logging their refusal, as it is to be typed."""
    if s.invitee.mode == "telephone" or outcome == "refused":
        return ""
    who = f"{printable(s.invitee.name)} ({printable(s.invitee.id)})"
    return (
        f"{who} assesses themselves: calls are logged only for telephone invitees, and for "
        f"a self-assessor only a refusal "
        f"({refuse or 'round call ' + printable(s.invitee.id) + ' refused'}); {chase} lists the self-assessors to remind "
        "and records the reminder (--sent)"
    )


def unreadable_words(s: InviteeState) -> str:
    """Which transcript of an invitee fails to load, and what to do ("" when none does):
    said wherever the state "transcript unreadable" is shown, and when starting them is
    refused (a new conversation could be a second assessment of someone who finished)."""
    if s.unreadable is None:
        return ""
    from bot.problems import display_name
    from bot.rounds.commands import file_command

    return (
        f"{printable(s.invitee.id)}: the transcript {display_name(s.unreadable)} cannot be "
        "read (damaged by hand?), so whether they finished cannot be told: mend it where "
        f"{file_command('validate', s.unreadable)} says, or restore it from a backup"
    )


def _held_by(by: OpenBy | None) -> str:
    """Whom to ask to close a transcript open elsewhere: the officer whose interview with
    them was logged last, and when, with what the transcript's lock note records."""
    if by is None or (by.since is None and not by.process):
        return " (it may be yours): close it there first"
    details = [f"interview logged at {by.since.astimezone():%H:%M}"] if by.since else []
    details += [printable(by.process)] if by.process else []
    if by.since is None:
        held = details[0]
    else:
        held = f"{printable(by.caller) or NAMELESS} ({'; '.join(details)})"
    return f", held by {held}: ask them to close it, or close it there if it is yours"


CALLABLE: tuple[State, ...] = ("not_started", "appointment", "in_progress")


def next_calls(found: Sequence[InviteeState], now: datetime) -> list[InviteeState]:
    """Telephone invitees to ring, best first: appointments that are due (earliest first),
    then fewest attempts, then the longest since the last attempt (never rung first).

    Left out: self-assessing invitees; anyone complete, refused, abandoned or unreachable (which
    includes everyone rung ``max_attempts`` times without an appointment); anyone with an
    appointment not yet due, whatever their state (someone part-way through an interview
    too); and anyone another officer is calling now.
    """
    candidates = [
        s
        for s in found
        if _ringable(s)
        and s.being_called_by is None
        and not (s.appointment is not None and not s.due(now))
    ]

    def order(s: InviteeState) -> tuple[object, ...]:
        due = s.appointment is not None
        return (
            0 if due else 1,
            s.appointment if due else datetime.min.replace(tzinfo=now.tzinfo),
            s.attempts,
            s.last_attempt or datetime.min.replace(tzinfo=now.tzinfo),
        )

    return sorted(candidates, key=order)


@dataclass(frozen=True)
class CallBacks:
    """The call-backs booked with telephone invitees still to be rung (``call_backs``)."""

    due: list[InviteeState]
    """Those whose time has come, in the order ``round next`` offers them (first)."""
    later: list[InviteeState]
    """Those whose time has not come yet, earliest first."""


def call_backs(found: Sequence[InviteeState], now: datetime) -> CallBacks:
    """The call-backs to make: due now, exactly those ``next_calls`` offers first and in
    its order (so not one another officer is calling), and booked for later, by the same
    rule of who may still be rung (telephone, not complete, refused or unreachable)."""
    due = [s for s in next_calls(found, now) if s.appointment is not None]
    later = sorted(
        (s for s in found if _ringable(s) and s.appointment is not None and not s.due(now)),
        key=lambda s: s.appointment or now,
    )
    return CallBacks(due, later)


def _ringable(s: InviteeState) -> bool:
    """Whether an invitee may still be rung: by telephone, in a state calls go on in."""
    return s.invitee.mode == "telephone" and s.state in CALLABLE


def whole_percent(count: int, total: int) -> int | None:
    """count/total as a whole percentage, rounded half up; None when total is 0."""
    if total == 0:
        return None
    return int(half_up(count / total, 0, 100))


@dataclass
class Group:
    """Counts for the invitees sharing a role or a sector (or all of them)."""

    invited: int = 0
    """Invitees."""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    """Invitees in each state."""

    @property
    def complete(self) -> int:
        """Who has responded (a complete transcript)."""
        return self.counts["complete"]

    @property
    def outstanding(self) -> int:
        """Who has not responded."""
        return self.invited - self.complete

    @property
    def rate(self) -> int | None:
        """The response rate, as a whole percentage."""
        return whole_percent(self.complete, self.invited)

    def add(self, state: State) -> None:
        """Count one invitee."""
        self.invited += 1
        self.counts[state] += 1


@dataclass
class Progress:
    """The round at a glance: overall, by role, by sector, by mode."""

    overall: Group = field(default_factory=Group)
    """Everyone."""
    by_role: dict[str, Group] = field(default_factory=dict)
    """Per role (an empty role is "(not given)")."""
    by_sector: dict[str, Group] = field(default_factory=dict)
    """Per sector."""
    by_mode: dict[str, Group] = field(default_factory=dict)
    """Per way of taking part (self, telephone)."""

    def headline(self) -> str:
        """Such as "74 of 120 invited (62%)"."""
        rate = self.overall.rate
        return f"{self.overall.complete} of {self.overall.invited} invited" + (
            f" ({rate}%)" if rate is not None else ""
        )

    def counted(self) -> str:
        """The headline with what its rate counts when that needs saying: a complete
        transcript that is unreadable counts as no response ("74 of 120 invited (62%);
        not counted: 1 whose transcript is unreadable")."""
        unreadable = self.overall.counts.get("unreadable", 0)
        return self.headline() + (
            f"; not counted: {unreadable} whose transcript is unreadable" if unreadable else ""
        )


def progress(found: Iterable[InviteeState]) -> Progress:
    """Counts of states overall and by role, sector and mode (groups sorted by name)."""
    result = Progress()
    for s in found:
        result.overall.add(s.state)
        result.by_role.setdefault(s.invitee.role or NOT_GIVEN, Group()).add(s.state)
        result.by_sector.setdefault(s.invitee.sector or NOT_GIVEN, Group()).add(s.state)
        result.by_mode.setdefault(s.invitee.mode, Group()).add(s.state)
    result.by_role = dict(sorted(result.by_role.items()))
    result.by_sector = dict(sorted(result.by_sector.items()))
    result.by_mode = dict(sorted(result.by_mode.items()))
    return result
