"""The reminders log: each reminder sent to a self-assessor who has not finished (`round
chase --sent`), one JSON line each, only ever appended.

It is written as the call log is (bot/rounds/calls.py), under the same lock: each batch
with one ``write`` and fsynced while the lock is held; a torn last line (a killed
process) is left out on reading, and kept aside then cut off by the next writer
(`calls.mend_end`); a damaged whole line is an error naming its line. The log is made by its first entry (a failed first write leaves
no file): a round in which no one was chased has none.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from bot.files import writing
from bot.model.base import Strict
from bot.problems import display_name
from bot.rounds.calls import append_whole, locked, mend_end, read_lines, whole_length

REMINDERS_FILE = "reminders.jsonl"


class Reminder(Strict):
    """One line of the reminders log: a reminder sent to one invitee."""

    at: datetime
    """When it was sent (timezone-aware)."""
    invitee: str = Field(min_length=1, max_length=40)
    """The invitee's id in round.toml."""
    by: str = Field(default="", max_length=200)
    """Who sent it, where known."""

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("a time needs its time zone, such as 2009-11-10T14:00:00+00:00")
        return value

    def line(self) -> str:
        """The entry as one JSON line."""
        data = self.model_dump(mode="json")
        if not data.get("by"):
            data.pop("by", None)
        return json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def reminders_path(folder: Path) -> Path:
    """The reminders log of the round in this folder."""
    return folder / REMINDERS_FILE


def parse(data: bytes, name: str) -> tuple[Reminder, ...]:
    """Entries from the log's bytes, read as the call log's are (`calls.read_lines`): a
    torn last line is left out, any other bad line is a LoadError naming it."""
    return tuple(read_lines(data, name, _entry)[0])


def _entry(raw: bytes) -> Reminder:
    try:
        return Reminder.model_validate(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError, TypeError):
        raise ValueError("is not a reminder (one JSON object per line)") from None


def read(folder: Path) -> tuple[Reminder, ...]:
    """Every reminder sent in the round, in the order logged (none if there is no log)."""
    path = reminders_path(folder)
    if not os.path.lexists(path):
        return ()
    from bot.loading import read_bytes

    data = read_bytes(path)  # a FIFO or device in its place is refused unopened
    return parse(data, display_name(path))


def last_reminders(entries: Sequence[Reminder]) -> Mapping[str, Reminder]:
    """The last reminder sent to each invitee (by id)."""
    last: dict[str, Reminder] = {}
    for entry in entries:
        if entry.invitee not in last or entry.at >= last[entry.invitee].at:
            last[entry.invitee] = entry
    return last


def last_sent(entries: Sequence[Reminder]) -> Mapping[str, datetime]:
    """When each invitee (by id) was last reminded."""
    return {invitee: entry.at for invitee, entry in last_reminders(entries).items()}


def append(folder: Path, entries: Sequence[Reminder]) -> str:
    """Make reminders durable: under the call log's lock, mend the log's end
    (`calls.mend_end`: a torn last line kept aside, then cut), then one write and fsync.
    On an OSError nothing of them is left in the log. What was done to a torn last line
    ("" when there was none)."""
    if not entries:
        return ""
    said = ""
    path = reminders_path(folder)
    with writing(path), locked(folder):
        try:
            fd: int | None = os.open(path, os.O_RDWR | os.O_APPEND)
        except FileNotFoundError:
            fd = None
        try:
            if fd is not None:
                size = os.fstat(fd).st_size
                data = os.pread(fd, size, 0)
                said = mend_end(path, fd, data, whole_length(data, _entry))
            payload = "".join(entry.line() for entry in entries).encode("utf-8")
            fd = append_whole(path, fd, payload)
        finally:
            if fd is not None:
                os.close(fd)
    return said
