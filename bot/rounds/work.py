"""Working a round: reading where it stands, logging calls, and starting or resuming an
invitee's conversation so that its transcript is linked to them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.loading import LoadedFramework
from bot.model import Person, Respondent, Transcript
from bot.problems import LoadError, display_name
from bot.rounds import calls
from bot.rounds.caller import carried_on_by
from bot.rounds.calls import LEASE, CallEntry
from bot.rounds.commands import round_command
from bot.rounds.folder import LoadedRound, load_round, round_path
from bot.rounds.model import Invitee
from bot.rounds.plan_review import review_items
from bot.rounds.state import (
    InviteeState,
    Linked,
    Progress,
    lease,
    lease_holder,
    progress,
    refused_words,
    start_refusal,
    states,
    unreadable_words,
)
from bot.text import clean_line, printable


class UnknownInvitee(Exception):
    """An invitee id that names no one in the round. The id is typed on the command line,
    so this is a usage error (exit status 2), not a file that could not be loaded."""


@dataclass(frozen=True)
class Snapshot:
    """A round as it stands now."""

    loaded: LoadedRound
    """The round and its folder."""
    invitees: list[InviteeState]
    """Each invitee's state, in round.toml order."""
    progress: Progress
    """The counts."""
    entries: tuple[CallEntry, ...]
    """The call log."""
    unlinked: list[Path] = field(default_factory=list)
    """Transcripts in the folder that name no invitee of the round."""
    failed: list[str] = field(default_factory=list)
    """Transcripts that failed to load, with the reason."""
    failed_paths: tuple[Path, ...] = ()
    """Those transcripts' files (every round command says them, ``skipped:``, once)."""
    dropped_call_bytes: int = 0
    """A torn last call log entry that was left out."""
    linked: tuple[Linked, ...] = ()
    """The transcripts of its invitees, as read."""
    open_now: Mapping[Path, str] = field(default_factory=dict)
    """Those another process was writing when it was read, with who (their lock note)."""
    call_notes: tuple[str, ...] = ()
    """An entry of the call log timed later than the entry after it (``calls.order_notes``),
    with its file and line."""
    unplaced: tuple[Path, ...] = ()
    """Transcripts that fail to load and whose header names no invitee of the round: whose
    answers they hold cannot be told, so a round's report lists them as failed to load."""
    transcripts: tuple[Transcript, ...] = ()
    """Every transcript in the folder that loaded, linked or not, in the order of their
    files: read once, for whatever else needs them (what a later round asked about)."""

    def seen_by(self, caller: str, now: datetime) -> Snapshot:
        """The same reading of the round as ``caller`` sees it (their own claims are not
        busy to them), without reading the folder again: for an officer named only after
        it was read."""
        found = states(self.loaded.round, self.entries, self.linked, now, caller, self.open_now)
        return replace(self, invitees=found, progress=progress(found))

    def find(self, invitee_id: str) -> InviteeState:
        """An invitee's state by id (case ignored), or UnknownInvitee suggesting ids."""
        for s in self.invitees:
            if s.invitee.id.casefold() == invitee_id.casefold():
                return s
        from bot.problems import suggest_nearest

        ids = [s.invitee.id for s in self.invitees]
        # What is wrong first, then the nearest id, then where the invitees are listed.
        raise UnknownInvitee(
            f'No invitee "{printable(invitee_id)}" in this round'
            f"{suggest_nearest(invitee_id, ids)} "
            f"(the round's invitees are in {display_name(self.loaded.path)}; "
            f"{round_command('status', folder=self.loaded.folder)} lists them)"
        )


def transcript_files(folder: Path) -> list[Path]:
    """The transcripts directly in a round's folder.

    As in a folder's report (`store.iter_transcript_files`), symbolic links are not
    followed: a link could bring in a file from outside the round, counted as one of
    its invitees' answers. Only files really in the folder count.
    """
    return sorted(
        p
        for p in folder.glob("*.toml")
        if p.name not in store.NOT_TRANSCRIPTS and not p.is_symlink()
    )


def unreadable(path: Path) -> Linked | None:
    """A transcript that fails to load, linked to the invitee its header names (None when
    even its header cannot be read): its state is then "transcript unreadable"."""
    invitee = store.header_invitee(path)
    if not invitee:
        return None
    try:
        changed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        changed = datetime.min.replace(tzinfo=UTC)
    return Linked(invitee, "in_progress", changed, path, readable=False)


def is_open(path: Path) -> bool:
    """Whether another process holds a transcript's lock (it is being written now)."""
    return store.in_use(path)


def linked_to(
    transcript: Transcript, path: Path, kept: dict[str, LoadedFramework | None]
) -> tuple[Linked, str]:
    """An invitee's transcript as states need it, and why a report refuses it ("" when it
    does not): one that loads but holds an answer its framework does not give (a value
    edited by hand, ``kept_refusal``) is unreadable as one that fails to load is, so
    ``round status`` and ``round report`` agree."""
    from bot.scoring.source import kept_refusal

    refusal = kept_refusal(transcript, path, kept)
    link = Linked(
        transcript.invitee,
        transcript.status,
        transcript.updated,
        path,
        readable=refusal is None,
        answered=transcript.answered,
    )
    return link, str(refusal.problems[0]) if refusal is not None else ""


def snapshot(folder: Path, now: datetime, caller: str = "") -> Snapshot:
    """Load a round, its call log and its transcripts' headers, and work out every state."""
    loaded = load_round(folder)
    log = calls.read(loaded.folder)
    linked: list[Linked] = []
    unlinked: list[Path] = []
    failed: list[str] = []
    unplaced: list[Path] = []
    read: list[Transcript] = []
    ids = {i.id.casefold() for i in loaded.round.invitees}
    kept: dict[str, LoadedFramework | None] = {}
    failed_paths: list[Path] = []
    for path in transcript_files(loaded.folder):
        try:
            transcript = store.load(path).transcript
        except LoadError as error:
            failed.append(str(error.problems[0]))
            failed_paths.append(path)
            damaged = unreadable(path)
            if damaged is not None and damaged.invitee.casefold() in ids:
                linked.append(damaged)
            else:
                unplaced.append(path)
            continue
        if transcript.invitee.casefold() in ids:
            link, refused = linked_to(transcript, path, kept)
            linked.append(link)
            if refused:
                failed.append(refused)
                failed_paths.append(path)
                continue
        else:
            unlinked.append(path)
        read.append(transcript)
    open_now = {link.path: store.lock_holder(link.path) for link in linked if is_open(link.path)}
    found = states(loaded.round, log.entries, linked, now, caller, open_now)
    return Snapshot(
        loaded,
        found,
        progress(found),
        log.entries,
        unlinked,
        failed,
        tuple(failed_paths),
        log.dropped_bytes,
        tuple(linked),
        open_now,
        tuple(calls.order_notes(log, calls.calls_path(loaded.folder))),
        tuple(unplaced),
        tuple(read),
    )


def log_call(
    folder: Path,
    invitee: Invitee,
    outcome: str,
    at: datetime,
    caller: str = "",
    appointment: datetime | None = None,
    note: str = "",
    said: list[str] | None = None,
) -> CallEntry:
    """Append one call log entry (durable when this returns); what was done to a torn
    last line found first (`calls.mend_end`) is added to ``said``."""
    entry = call_entry(invitee, outcome, at, caller, appointment, note)
    torn = calls.append(folder, [entry])
    if torn and said is not None:
        said.append(torn)
    return entry


def log_outcome(
    shot: Snapshot,
    invitee_id: str,
    outcome: str,
    at: datetime,
    caller: str = "",
    appointment: datetime | None = None,
    note: str = "",
    refusal: Callable[[InviteeState], str] = lambda s: "",
    said: list[str] | None = None,
) -> CallEntry:
    """Log a call's outcome, checking and appending as one step: the one way the command
    line and the round screen log one. Under the call log's lock the invitee is looked at
    again as they are now (``current_state``: the log as it is, their transcripts and
    whether another process has one open); ``refusal`` says why not to log for them as
    they are then (another officer's claim or open interview, someone who has finished),
    and a reason is StartRefused with nothing logged. So an interview opened, or a claim
    made, at the same instant is never missed between the check and the entry. What was
    done to a torn last line found under the lock (`calls.mend_end`) is added to ``said``."""
    with calls.held(shot.loaded.folder) as log:
        now_found = current_state(shot, log.entries, invitee_id, caller, at)
        why = refusal(now_found)
        if why:
            raise StartRefused(why, now_found)
        entry = call_entry(now_found.invitee, outcome, at, caller, appointment, note)
        log.append([entry])
        if log.torn and said is not None:
            said.append(log.torn)
    return entry


def call_entry(
    invitee: Invitee,
    outcome: str,
    at: datetime,
    caller: str = "",
    appointment: datetime | None = None,
    note: str = "",
) -> CallEntry:
    """One call log entry (a ``calling`` claim lasts ``LEASE``); its note a field of one
    line, cleaned as an invitee's name is (`clean_line`: escape sequences and control
    characters removed, lines joined, trimmed), however it was typed or pasted."""
    if outcome == "call_back" and appointment is None:
        raise ValueError("a call back needs the time to call back")
    return CallEntry(
        at=at,
        invitee=invitee.id,
        caller=caller,
        outcome=outcome,  # type: ignore[arg-type]
        appointment=appointment if outcome == "call_back" else None,
        until=at + LEASE if outcome == "calling" else None,
        note=clean_line(note),
    )


class StartRefused(Exception):
    """Another officer holds the invitee, as found under the call log's lock (a claim
    within its time, or their transcript open in another process), or a transcript of
    theirs cannot be read, or their refusal stands and starting them was not confirmed:
    nothing was started or logged. The message is ``start_refusal``'s (who holds them,
    and until when), ``unreadable_words`` or ``refused_words``."""

    def __init__(self, message: str, state: InviteeState) -> None:
        super().__init__(message)
        self.state = state
        """The invitee as found under the lock."""


class CannotLog(Exception):
    """The call log could not be opened or written: nothing was started (a conversation
    just opened was closed again)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"cannot log the call in {display_name(path)} ({error.strerror or error})")
        self.path = path
        self.error = error

    @property
    def remedy(self) -> str:
        """What to do before starting again: free space on a full disk, else make the log
        writable."""
        return log_remedy(self.error)


def log_remedy(error: OSError) -> str:
    """What to do about a call log that could not be written, by why (`files.remedy`)."""
    from bot.files import remedy

    return remedy(error)


def current_state(
    shot: Snapshot, entries: Sequence[CallEntry], invitee_id: str, caller: str, now: datetime
) -> InviteeState:
    """An invitee's state now: from call log entries just read (under its lock) and their
    transcripts as they are now, one begun since the round was read included (open, it
    may be another officer's interview under way)."""
    key = invitee_id.casefold()
    # Only their own transcripts and files new since the round was read need reading.
    known = {link.path for link in shot.linked if link.invitee.casefold() != key}
    known.update(shot.unlinked)
    linked: list[Linked] = []
    kept: dict[str, LoadedFramework | None] = {}
    for path in transcript_files(shot.loaded.folder):
        if path in known:
            continue
        try:
            transcript = store.load(path).transcript
        except LoadError:
            damaged = unreadable(path)
            if damaged is not None and damaged.invitee.casefold() == key:
                linked.append(damaged)
            continue
        if transcript.invitee.casefold() == key:
            linked.append(linked_to(transcript, path, kept)[0])
    open_now = {link.path: store.lock_holder(link.path) for link in linked if is_open(link.path)}
    found = states(shot.loaded.round, entries, linked, now, caller, open_now)
    return next(s for s in found if s.invitee.id.casefold() == key)


def start_conversation(
    catalogue: Catalogue,
    shot: Snapshot,
    found: InviteeState,
    caller: str,
    now: datetime,
    clock: conversation.Clock = conversation.utc_now,
    over_refusal: bool = False,
) -> conversation.Conversation:
    """Start or resume an invitee's conversation, checking and claiming as one step: the
    one way the command line and the round screen start one.

    Someone whose refusal stands (``refused_words``) is started only ``over_refusal``,
    once the officer has confirmed it (``round interview --force``, or yes when the round
    screen asks): else StartRefused, in the refused state, and nothing is written.

    Under the call log's lock the invitee is looked at again as they are now (the call
    log as it is, their transcripts as they are: ``current_state``), not as the round was
    read before. If another officer holds them (``start_refusal``), StartRefused, and
    nothing is written. Else, still under the lock, their conversation is opened (its
    transcript made or resumed, and locked, so it shows as open to everyone) and an
    interview's call is logged: the next officer to take the lock finds them held. So two
    officers starting one invitee at one instant never both begin. CannotLog when the
    call log cannot be opened or written: then nothing is left open, a transcript made
    for the start is removed again and the log is as it was (a start fully happens or
    leaves nothing new behind).
    """
    path = calls.calls_path(shot.loaded.folder)
    locked = False
    try:
        with calls.held(shot.loaded.folder) as log:
            locked = True
            now_found = current_state(shot, log.entries, found.invitee.id, caller, now)
            refusal = start_refusal(now_found)
            if not refusal and now_found.state == "complete" != found.state:
                # Finished since the round was read: a new conversation would be a second
                # assessment of theirs, begun without anyone asking for one.
                refusal = (
                    f"{printable(found.invitee.name)} ({printable(found.invitee.id)}) has "
                    "finished the assessment meanwhile: their answers are in the round"
                )
            if not refusal and now_found.state == "unreadable":
                refusal = unreadable_words(now_found)
            if not refusal and not over_refusal:
                refusal = refused_words(now_found)
            if refusal:
                raise StartRefused(refusal, now_found)
            copies = _copies(shot.loaded.folder)
            talk = open_conversation(catalogue, shot.loaded, now_found, caller, clock)
            try:
                entry = interview_entry(found.invitee, talk, now, caller)
                if entry is not None:
                    log.append([entry])
            except OSError as error:
                _let_go(talk, now_found, copies)
                raise CannotLog(path, error) from None
            except BaseException:
                _let_go(talk, now_found, copies)
                raise
            return talk
    except OSError as error:
        if locked:
            raise  # the conversation's own files, said as such by the caller
        raise CannotLog(path, error) from None


def _copies(folder: Path) -> frozenset[str] | None:
    """The framework copies kept in a round's folder (None when it has none yet)."""
    try:
        return frozenset(p.name for p in (folder / store.SNAPSHOTS).iterdir())
    except OSError:
        return None


def _let_go(
    talk: conversation.Conversation, found: InviteeState, copies: frozenset[str] | None
) -> None:
    """Undo opening a conversation whose start could not be completed: a transcript made
    just now is removed (nothing was answered in it), with the framework copies made for
    it (``copies`` were there before); one resumed is only let go. Either way the start
    leaves nothing new behind. Done under the call log's lock, so no other start in the
    round can have come to rely on those copies meanwhile."""
    made_now = talk.path != found.transcript and not talk.session.turns
    if not made_now:
        talk.close()
        return
    try:
        talk.writer.discard()
    except OSError:
        talk.close()  # the lock is let go whatever: starting again resumes it
        return
    kept = talk.path.parent / store.SNAPSHOTS
    with contextlib.suppress(OSError):
        for made in [p for p in kept.iterdir() if p.name not in (copies or ())]:
            made.unlink()
        if copies is None:
            kept.rmdir()


def claim_next(
    folder: Path, queue: Sequence[InviteeState], caller: str, now: datetime
) -> InviteeState | None:
    """Log that ``caller`` is calling the first of ``queue`` (``next_calls``) that no one
    else has claimed, checking and claiming as one step under the call log's lock: an
    officer claiming at the same instant took the first, so this one gets the next.
    None when every one of them is claimed by someone else now."""
    with calls.held(folder) as log:
        for s in queue:
            theirs = [e for e in log.entries if e.invitee.casefold() == s.invitee.id.casefold()]
            if lease_holder(theirs, now, caller) is None:
                log.append([call_entry(s.invitee, "calling", now, caller)])
                return s
    return None


def invitee_of(path: Path, invitee_id: str) -> tuple[Path, Invitee] | None:
    """The round folder and the invitee a transcript was taken for: a transcript in a
    round's folder naming one of its invitees (case ignored); None for any other."""
    if not invitee_id or not round_path(path.parent).is_file():
        return None
    loaded = load_round(path.parent)
    for invitee in loaded.round.invitees:
        if invitee.id.casefold() == invitee_id.casefold():
            return loaded.folder, invitee
    return None


def log_interview(
    folder: Path,
    invitee: Invitee,
    talk: conversation.Conversation,
    at: datetime,
    caller: str,
) -> CallEntry | None:
    """Log the call a telephone invitee's conversation is taken on, as soon as it is open
    (durable when this returns): ``interview_started`` for a new interview,
    ``interview_resumed`` for one carried on (a call back). None for a self-assessment,
    which is no call.

    Checked and logged as one step under the call log's lock, as ``start_conversation``
    does: while another officer's claim on the invitee holds, StartRefused and nothing
    is logged (a transcript carried on by its file name, ``resume FILE``, is held to the
    same claims as one started from the round)."""
    entry = interview_entry(invitee, talk, at, caller)
    if entry is None:
        return None
    with calls.held(folder) as log:
        theirs = [e for e in log.entries if e.invitee.casefold() == invitee.id.casefold()]
        holder = lease_holder(theirs, at, caller)
        if holder is not None:
            claim = lease(theirs, at)
            held = InviteeState(
                invitee=invitee,
                state="in_progress",
                being_called_by=holder,
                busy_until=claim.until if claim is not None else None,
            )
            raise StartRefused(start_refusal(held), held)
        log.append([entry])
    return entry


def interview_entry(
    invitee: Invitee, talk: conversation.Conversation, at: datetime, caller: str
) -> CallEntry | None:
    """The call log entry of an interview just opened: ``interview_started``, or
    ``interview_resumed`` for one carried on; None for a self-assessment (no call)."""
    if invitee.mode != "telephone":
        return None
    outcome = "interview_resumed" if talk.session.turns else "interview_started"
    return call_entry(invitee, outcome, at, caller)


def open_conversation(
    catalogue: Catalogue,
    loaded: LoadedRound,
    found: InviteeState,
    interviewer: str = "",
    clock: conversation.Clock = conversation.utc_now,
) -> conversation.Conversation:
    """The invitee's conversation: their unfinished transcript resumed, else a new one in
    the round's folder, linked to them, with the round's dialogue for their mode.

    A telephone invitee is interviewed (``interviewer`` names the officer, as
    ``bot.rounds.caller`` finds them: never a placeholder); a self-assessing one answers
    at this terminal.
    """
    # Whatever the round's record says of them since (a refusal logged part way, a
    # call-back booked), an unfinished transcript of theirs is where they carry on: a new
    # one would leave the answers they gave behind.
    # One that is in progress but cannot be resumed (no report could be made of it) is
    # refused with the reason (LoadError), never left behind for a new one.
    if found.transcript is not None and found.state != "complete":
        status = ""
        with contextlib.suppress(LoadError):
            status = store.load(found.transcript).transcript.status
        if status == "in_progress":
            talk = conversation.resume(
                catalogue, found.transcript, clock, opened_by=interviewer.strip()
            )
            # Whoever carries an interview on is named on its resumption, so that its
            # report names everyone who interviewed.
            carried_on_by(talk, interviewer)
            return talk
    invitee = found.invitee
    round_ = loaded.round
    respondent = Respondent(
        name=invitee.name,
        organisation=invitee.organisation,
        role=invitee.role,
        sector=invitee.sector,
        partnership=round_.partnership,
    )
    telephone = invitee.mode == "telephone"
    if telephone and not interviewer.strip():
        raise ValueError("an interview needs the interviewer's name")
    # Names round.toml gives that find nothing are blamed on round.toml, not the command line.
    from bot.rounds.refs import round_dialogue, round_framework

    round_dialogue(catalogue, loaded, invitee.mode, round_framework(catalogue, loaded))
    return conversation.start(
        catalogue,
        round_.framework,
        round_.dialogue_for(invitee.mode),
        respondent,
        loaded.folder,
        Person(name=interviewer.strip()) if telephone else None,
        clock,
        invitee=invitee.id,
        review=review_items(loaded),
        # Named in the transcript's lock note: whoever looks at the round while it is
        # open sees who opened it, a self-assessment begun at an officer's screen too.
        opened_by=interviewer.strip(),
    )
