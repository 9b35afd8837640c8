"""Transcripts on disk: durable after every turn, never half-read, one writer at a time.

A transcript file is a TOML header (written once, atomically: temporary file,
fsync, rename, fsync of the folder) followed by ``[[turns]]`` tables that are only
ever appended. Each save appends the new turns in one ``write`` and fsyncs; the
last turn of each save carries ``check``, a CRC of that save's text. On loading,
a final save whose check is missing or wrong was cut off by a crash: it is
dropped (and cut from the file when the transcript is next opened for writing).
So a save costs the same at turn 5 as at turn 500, and a killed process loses
at most the turn it was writing.

Status, last update and end time are derived from the turns, so nothing already
written ever needs rewriting.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import socket
import uuid
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from bot.files import write_atomically
from bot.loading import parse_toml, read_text, validate_model
from bot.model import Transcript, TranscriptHeader, Turn
from bot.problems import LoadError, display_name
from bot.text import slug

ENVIRONMENT_VARIABLE = "PARTNERSHIP_BOT_TRANSCRIPTS"
TURNS_HEADER = "[[turns]]\n"
_CHECK = re.compile(r'^check = "(crc32:[0-9a-f]{8}|edited)"\n', re.M)
EDITED = "edited"
"""A check value that keeps a hand-edited final save (see docs/formats.md)."""


def default_folder() -> Path:
    """Where transcripts go: $PARTNERSHIP_BOT_TRANSCRIPTS, else ./transcripts."""
    return Path(os.environ.get(ENVIRONMENT_VARIABLE) or "transcripts")


class TranscriptInUse(Exception):
    """Another process has the transcript open for writing."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{display_name(path)} is in use by {holder}")
        self.path = path
        self.holder = holder


@dataclass(frozen=True)
class LoadedTranscript:
    """A transcript read from disk, with what was dropped from an interrupted save."""

    transcript: Transcript
    """The transcript."""
    path: Path
    """Its file."""
    valid_bytes: int
    """Length of the part of the file that was read; anything after it was torn."""
    dropped_bytes: int
    """How many bytes of an interrupted final save were dropped."""


def encode_header(header: TranscriptHeader) -> str:
    """The header as TOML text."""
    data = header.model_dump(mode="python", by_alias=True, exclude_none=True)
    return tomli_w.dumps(_drop_empty(data))


def encode_turns(turns: Sequence[Turn]) -> str:
    """New turns as appendable TOML, the last one sealed with a check of the whole save."""
    body = "".join("\n" + TURNS_HEADER + tomli_w.dumps(_turn_data(turn)) for turn in turns)
    return body + f'check = "crc32:{zlib.crc32(body.encode()):08x}"\n'


def _turn_data(turn: Turn) -> dict[str, Any]:
    data = turn.model_dump(mode="python", exclude={"check"}, exclude_none=True)
    return {k: v for k, v in data.items() if v != ""}


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _drop_empty(value)
        if value not in ("", {}, None):
            out[key] = value
    return out


def split_valid(text: str) -> str:
    """The part of a transcript's text that ends with a whole save.

    Only the final save can have been interrupted: every earlier one was followed
    by a later, completed save. So text after the last check line is dropped, and
    the final save is dropped too when its check does not match (a crash that
    reached the disk out of order). A changed earlier save is an edit, not a
    crash, and is kept.
    """
    first = text.find("\n" + TURNS_HEADER)
    if first < 0:
        return text
    checks = list(_CHECK.finditer(text, first))
    if not checks:
        return text[:first]
    last = checks[-1]
    previous_end = checks[-2].end() if len(checks) > 1 else first
    body = text[previous_end : last.start()]
    if last.group(1) in (EDITED, f"crc32:{zlib.crc32(body.encode()):08x}"):
        return text[: last.end()]
    return text[:previous_end]


def load(path: Path) -> LoadedTranscript:
    """Read a transcript (no lock needed: the file is never half-visible)."""
    name = display_name(path)
    raw, text = read_text(path, "transcript")
    transcript, valid = _parse(text, name)
    valid_bytes = len(valid.encode())
    return LoadedTranscript(transcript, path, valid_bytes, len(raw) - valid_bytes)


def parse_transcript(text: str, path: Path) -> Transcript:
    """A transcript from text already read (an interrupted final save is dropped)."""
    return _parse(text, display_name(path))[0]


def _parse(text: str, name: str) -> tuple[Transcript, str]:
    valid = split_valid(text)
    data = parse_toml(valid, name)
    turns = data.get("turns")
    if isinstance(turns, list):
        for turn in turns:
            if isinstance(turn, dict):
                turn.pop("check", None)  # storage detail, not part of the conversation
    return validate_model(Transcript, data, name, valid), valid


def new_path(folder: Path, header: TranscriptHeader) -> Path:
    """A fresh, safe file name: date, respondent and a short unique part."""
    stamp = header.started.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    who = slug(header.respondent.name or header.respondent.organisation)
    return folder / f"{stamp}-{header.framework.id}-{who}-{header.id[:8]}.toml"


def new_id() -> str:
    """A unique transcript id."""
    return uuid.uuid4().hex


class TranscriptWriter:
    """Appends turns to one transcript file while holding its lock."""

    def __init__(self, path: Path, lock: _Lock, turn_count: int = 0) -> None:
        self.path = path
        self._lock = lock
        self.turn_count = turn_count
        """Turns in the file so far."""

    def append(self, turns: Sequence[Turn]) -> None:
        """Make these turns durable: one write, then fsync."""
        if not turns:
            return
        data = encode_turns(turns).encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.turn_count += len(turns)

    def close(self) -> None:
        """Release the lock."""
        self._lock.release()

    def __enter__(self) -> TranscriptWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create(folder: Path, header: TranscriptHeader) -> TranscriptWriter:
    """Start a new transcript in a folder (made owner-only if new)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = new_path(folder, header)
    lock = _Lock.acquire(path)
    try:
        _atomic_write(path, encode_header(header).encode())
    except BaseException:
        lock.release()
        raise
    return TranscriptWriter(path, lock)


def open_for_writing(path: Path) -> tuple[LoadedTranscript, TranscriptWriter]:
    """Lock an existing transcript, cut any interrupted save off its end, and open it."""
    lock = _Lock.acquire(path)
    try:
        loaded = load(path)
        if loaded.dropped_bytes:
            with open(path, "r+b") as handle:
                handle.truncate(loaded.valid_bytes)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        lock.release()
        raise
    return loaded, TranscriptWriter(path, lock, len(loaded.transcript.turns))


@dataclass(frozen=True)
class Summary:
    """One line about a transcript, for lists."""

    path: Path
    """The file."""
    transcript: Transcript | None
    """The transcript, or None when it failed to load."""
    error: str = ""
    """Why it failed to load."""


def summaries(folder: Path) -> list[Summary]:
    """The transcripts directly in a folder, newest first; broken ones included with the reason."""
    if not folder.is_dir():
        return []
    found: list[Summary] = []
    for path in folder.glob("*.toml"):
        try:
            found.append(Summary(path, load(path).transcript))
        except LoadError as error:
            found.append(Summary(path, None, str(error)))

    def newest(summary: Summary) -> float:
        if summary.transcript is not None:
            return summary.transcript.updated.timestamp()
        return path_mtime(summary.path)

    return sorted(found, key=newest, reverse=True)


def path_mtime(path: Path) -> float:
    """A file's modification time, or 0."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _atomic_write(path: Path, data: bytes) -> None:
    # Check it reads back before it becomes visible under its real name.
    def reads_back(temporary: Path) -> None:
        parse_toml(temporary.read_text("utf-8"), display_name(path))

    write_atomically(path, data, check=reads_back)


class _Lock:
    """An exclusive advisory lock beside a transcript; the OS releases it if the process dies."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd

    @classmethod
    def acquire(cls, transcript: Path) -> _Lock:
        path = transcript.with_name(transcript.name + ".lock")
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise TranscriptInUse(transcript, holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, _holder_text().encode())
        return cls(path, fd)

    def release(self) -> None:
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, 0)
            self.path.unlink()
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = -1


def _holder_text() -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"process {os.getpid()} on {socket.gethostname()} since {now}"


def _read_holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 300).decode("utf-8", "replace").strip()
        if text:
            return text
    return "another process"


NOT_TRANSCRIPTS = frozenset({"round.toml"})
"""Files found beside transcripts that are not transcripts (a round's description)."""


def iter_transcript_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Transcript files named directly, or found (recursively) in named folders."""
    for path in paths:
        if path.is_dir():
            found = path.rglob("*.toml")
            yield from sorted(
                p
                for p in found
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name not in NOT_TRANSCRIPTS
            )
        else:
            yield path


SNAPSHOTS = ".frameworks"
"""Beside the transcripts: a copy of each framework and dialogue version used, named by its hash."""


def snapshot_path(folder: Path, digest: str) -> Path:
    """Where the framework or dialogue with this hash is kept."""
    return folder / SNAPSHOTS / (digest.replace(":", "-") + ".toml")


def save_snapshot(folder: Path, digest: str, source: Path) -> None:
    """Keep a copy of the framework or dialogue a transcript is taken with, so that it can be
    re-scored exactly and resumed when the file it came from is gone."""
    target = snapshot_path(folder, digest)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _atomic_write(target, source.read_bytes())
