"""The call log: every call attempt of a round, one JSON line each, only ever appended.

Each entry is written with one ``write`` and fsynced while holding an exclusive lock (an
flock on the round's folder, so that taking it makes no file), so two officers working one
round from two terminals never lose each other's entries. A killed process can leave at
most a torn last line (one without its newline): reading leaves it out, and the next
writer keeps it in a side file and cuts it off before appending (`mend_end`); a whole
last entry lacking only its newline is kept. A damaged whole line (a hand edit gone wrong) is an error
naming its line, never silently skipped. A decision made on the log, such as whether
another officer holds an invitee, is made on the log as read under that same lock, and
what it decides written before the lock is let go (``held``). The log itself is made by
its first entry: a round in which no call was logged has none.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, ValidationError, field_validator

from bot.bounds import out_of_years
from bot.files import fsync_folder, writing
from bot.model.base import Strict
from bot.problems import LoadError, Problem, display_name
from bot.rounds.labels import OUTCOME_LABELS
from bot.text import printable

CALLS_FILE = "calls.jsonl"
LEASE = timedelta(minutes=30)
"""How long a "calling" entry keeps an invitee busy for other officers, unless followed up."""

Outcome = Literal[
    "calling",  # an officer is ringing them now (a lease, not an attempt)
    "no_answer",
    "busy",
    "call_back",  # an appointment: ring back at `appointment`
    "refused",
    "wrong_number",
    "interview_started",
    "interview_resumed",  # an unfinished interview carried on (a call back)
]
OUTCOMES: tuple[str, ...] = tuple(k for k in OUTCOME_LABELS if k != "calling")
"""The outcomes of an attempt (``calling`` is a lease, not an attempt)."""


NOTE_LIMIT = 2000
"""The longest note a call log entry keeps."""


class CallEntry(Strict):
    """One line of the call log."""

    at: datetime
    """When (timezone-aware)."""
    invitee: str = Field(min_length=1, max_length=40)
    """The invitee's id in round.toml."""
    caller: str = Field(default="", max_length=200)
    """Who rang."""
    outcome: Outcome
    """What happened."""
    appointment: datetime | None = None
    """For call_back: when to ring again."""
    until: datetime | None = None
    """For calling: when the lease ends if nothing follows it."""
    note: str = Field(default="", max_length=NOTE_LIMIT)
    """Anything the caller wants to remember."""

    @field_validator("at", "appointment", "until")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("a time needs its time zone, such as 2009-11-10T14:00:00+00:00")
        why = out_of_years(value) if value is not None else ""
        if why:
            raise ValueError(why)
        return value

    @property
    def is_attempt(self) -> bool:
        """Whether it counts as a call attempt."""
        return self.outcome != "calling"

    def line(self) -> str:
        """The entry as one JSON line."""
        data = self.model_dump(mode="json", exclude_none=True)
        if not data.get("note"):
            data.pop("note", None)
        return json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"


@dataclass(frozen=True)
class CallLog:
    """The entries read from a call log, and what was dropped from a torn last line."""

    entries: tuple[CallEntry, ...]
    """In the order written."""
    dropped_bytes: int = 0
    """Bytes of an interrupted last entry that were left out."""
    torn: str = ""
    """What is said of that entry (`torn_words`: the file and its line)."""
    lines: tuple[int, ...] = ()
    """The line of the file each entry is on (1-based), entry by entry."""


def calls_path(folder: Path) -> Path:
    """The call log of the round in this folder."""
    return folder / CALLS_FILE


T = TypeVar("T")
"""An entry of an append-only log."""


def parse(data: bytes, name: str) -> tuple[tuple[CallEntry, ...], int]:
    """Entries from a call log's bytes, and the length of the part that is whole
    (`read_lines`)."""
    entries, whole = read_lines(data, name, _entry)
    return tuple(entries), whole


def parse_lines(data: bytes, name: str) -> tuple[tuple[CallEntry, ...], tuple[int, ...], int]:
    """As ``parse``, with the line (1-based) each entry is on."""
    numbers: list[int] = []
    entries, whole = read_lines(data, name, _entry, numbers)
    return tuple(entries), tuple(numbers), whole


def read_lines(
    data: bytes, name: str, entry: Callable[[bytes], T], numbers: list[int] | None = None
) -> tuple[list[T], int]:
    """The entries of an append-only log of one JSON object a line (the call log, the
    reminders log), each read by ``entry`` (a ValueError says why a line is not one), and
    the length of the part that is whole; each entry's line is added to ``numbers``.

    Only the last line can be torn by a crash, and a torn line has no newline (each
    entry ends with one, written in the same ``write``): it is left out. A last line
    without its newline that reads as a whole entry (the newline trimmed by an editor,
    or `echo -n`) is no torn line: it is read, and the next writer ends it
    (`mend_end`). Any other bad line is an error naming its line.
    """
    entries: list[T] = []
    problems: list[Problem] = []
    whole = whole_length(data, entry)
    for number, raw in enumerate(data[:whole].split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            entries.append(entry(raw))
            if numbers is not None:
                numbers.append(number)
        except ValueError as error:
            problems.append(Problem(name, "", str(error), number))
    if problems:
        raise LoadError(problems)
    return entries, whole


def whole_length(data: bytes, entry: Callable[[bytes], T]) -> int:
    """How much of a log's bytes is whole: up to its last newline, and a last line
    without one too when it reads as a whole entry (``entry`` raises ValueError when not)."""
    whole = data.rfind(b"\n") + 1
    if data[whole:].strip():
        with contextlib.suppress(ValueError):
            entry(data[whole:])
            return len(data)
    return whole


TORN_SUFFIX = ".torn"
"""The side file a log's torn last line is kept in before it is cut (as a transcript's)."""


def torn_words(path: Path, data: bytes, whole: int) -> str:
    """What is said of a log's torn last line (its bytes past ``whole``): the file, its
    line, and that the next entry logged keeps it aside before cutting it."""
    line = data.count(b"\n", 0, whole) + 1
    return (
        f"{display_name(path)}:{line}: the last entry was interrupted (it is not a whole "
        f"entry) and is left out; the next entry logged keeps it in "
        f"{display_name(path)}{TORN_SUFFIX} before cutting it"
    )


def mend_end(path: Path, fd: int, data: bytes, whole: int) -> str:
    """Make a log (``data``, its bytes, open on ``fd`` for appending, its lock held) end
    on a whole line before an entry is appended: a torn last line (past ``whole``) is
    kept in a side file beside it (``<file>.torn``, ``.torn-2``, ...: nothing is deleted
    from a log) and only then cut; a whole last entry without its newline is ended.
    What was done to a torn line, naming the file, its line and the side file ("" when
    there was none); an OSError when the side file cannot be written (nothing is cut)."""
    from bot.store import keep_aside

    said = ""
    if whole < len(data):
        side = keep_aside(path, data[whole:], TORN_SUFFIX)
        os.ftruncate(fd, whole)
        os.fsync(fd)
        line = data.count(b"\n", 0, whole) + 1
        said = (
            f"{display_name(path)}:{line}: its last entry was interrupted (not a whole "
            f"entry): it was cut from the log and kept in {display_name(side)}"
        )
    if whole and not data[:whole].endswith(b"\n"):
        os.write(fd, b"\n")  # opened for appending: written at the end
    return said


def _entry(raw: bytes) -> CallEntry:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("is not a call log entry (one JSON object per line)") from None
    if not isinstance(data, dict):
        raise ValueError("is not a call log entry (one JSON object per line)")
    try:
        return CallEntry.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str((first.get("ctx") or {}).get("error", first["msg"]))
        raise ValueError(f"{where}: {message}" if where else message) from None


def read(folder: Path) -> CallLog:
    """The round's call log (empty if there is none yet); no lock needed to read."""
    path = calls_path(folder)
    if not os.path.lexists(path):
        return CallLog(())
    from bot.loading import read_bytes

    data = read_bytes(path)  # a FIFO or device in its place is refused unopened
    entries, numbers, whole = parse_lines(data, display_name(path))
    torn = torn_words(path, data, whole) if whole < len(data) else ""
    return CallLog(entries, len(data) - whole, torn, numbers)


def order_notes(log: CallLog, path: Path) -> list[str]:
    """A note for each entry timed later than the entry after it, naming file and line.

    The log is appended under its lock, so the order of its lines is the order the calls
    were logged in, and every state follows that order (the last entry wins), never the
    times written: an entry timed ahead of the one after it was written on a computer
    whose clock was ahead (or changed by hand), and is said so, as a transcript's turn
    timed before the turn above it is."""
    name = display_name(path)
    notes = []
    pairs = zip(log.entries, log.entries[1:], strict=False)
    for number, (entry, after) in enumerate(pairs):
        if entry.at <= after.at:
            continue
        line = log.lines[number] if number < len(log.lines) else number + 1
        below = log.lines[number + 1] if number + 1 < len(log.lines) else number + 2
        notes.append(
            str(
                Problem(
                    name,
                    "",
                    f"the entry for {printable(entry.invitee)} ({OUTCOME_LABELS[entry.outcome]}) is timed "
                    f"{entry.at.isoformat(' ')}, later than the entry after it (line {below}, "
                    f"{after.at.isoformat(' ')}): was one computer's clock ahead, or a time "
                    "changed by hand? States follow the order of the log, not its times",
                    line,
                )
            )
        )
    return notes


CALLS_LOCK = ".calls.lock"
"""The hidden file the call log's lock is taken on (`locked`)."""


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[int]:
    """The round's folder under the call log's exclusive lock (waits for another writer).

    The lock is taken on a hidden file of its own beside the log (as round.toml's is,
    `.round.lock`), not on the log, so that taking it makes no call log: a round whose
    invitees only assess themselves never gets an empty one. A file, not the folder, as
    a lock on a network share needs a file open for writing.
    """
    fd = os.open(folder / CALLS_LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def append_whole(path: Path, fd: int | None, payload: bytes) -> int:
    """Append ``payload`` (whole lines) to an append-only log with one write, then fsync,
    under its lock (held by the caller); ``fd``: the log open for appending, or None when
    it does not exist yet: it is made by its first entry, its name made durable with it.
    Returns the log's descriptor. On an OSError nothing of the payload is left: a log it
    was to begin is removed again, so a failed first write leaves no file."""
    made = fd is None
    if fd is None:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    size = os.fstat(fd).st_size
    view = memoryview(payload)
    try:
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError:
        # A write that failed part way (a full disk) is cut off again while the lock is
        # still held: the log ends on a whole entry, as it did before.
        with contextlib.suppress(OSError):
            if made:  # the log this entry was to begin goes again
                os.close(fd)
                path.unlink()
            else:
                os.ftruncate(fd, size)
                os.fsync(fd)
        raise
    if made:  # the log's name is durable with its first entry
        fsync_folder(path.parent)
    return fd


class HeldLog:
    """The call log under its exclusive lock (see ``held``): its entries as they are now,
    and appending to it while the lock is held, so that nothing another officer logs can
    come between what was read and what is written."""

    def __init__(self, path: Path, fd: int | None, entries: tuple[CallEntry, ...]) -> None:
        self._path = path
        self._fd = fd  # None until the log exists: it is made by its first entry
        self.entries = entries
        """Every entry, in the order written, as read under the lock (and appended since)."""
        self.torn = ""
        """What was done to a torn last line found under the lock (`mend_end`), to say."""

    def append(self, entries: Sequence[CallEntry]) -> None:
        """Make entries durable: one write, then fsync (the lock is still held); the log is
        made by its first entry. On an OSError nothing of them is left in the log."""
        if not entries:
            return
        payload = "".join(entry.line() for entry in entries).encode("utf-8")
        with writing(self._path):
            self._fd = append_whole(self._path, self._fd, payload)
        self.entries += tuple(entries)

    def close(self) -> None:
        """Close the log (the lock is the folder's, let go by ``held``)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextlib.contextmanager
def held(folder: Path) -> Iterator[HeldLog]:
    """The round's call log under its exclusive lock (waiting for another writer), read
    whole with any torn last line cut off: for a decision that must be made on the log as
    it is and written before anyone else writes (check and claim as one step). Taking
    the lock writes nothing: a log that does not exist yet is made only when an entry is
    appended."""
    path = calls_path(folder)
    with contextlib.ExitStack() as stack:
        # An error taking the lock or reading is the log's (CannotWrite names it); one
        # raised by the caller while the log is held is the caller's own.
        with writing(path):
            stack.enter_context(locked(folder))
            try:
                fd: int | None = os.open(path, os.O_RDWR | os.O_APPEND)
            except FileNotFoundError:
                fd = None
            log = HeldLog(path, fd, ())
            stack.callback(log.close)
            size = os.fstat(fd).st_size if fd is not None else 0
            if fd is not None and size:
                os.lseek(fd, 0, os.SEEK_SET)
                data = _read_all(fd, size)
                entries, whole = parse(data, display_name(path))
                assert fd is not None
                log.torn = mend_end(path, fd, data, whole)
                log.entries = entries
        yield log


def append(folder: Path, entries: Sequence[CallEntry]) -> str:
    """Make entries durable: under the lock, mend the log's end (`mend_end`), then one
    write and fsync. What was done to a torn last line ("" when there was none)."""
    if not entries:
        return ""
    with held(folder) as log:
        log.append(entries)
        return log.torn


def _read_all(fd: int, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
