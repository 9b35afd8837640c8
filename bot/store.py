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
import errno
import fcntl
import os
import re
import socket
import stat
import uuid
import zlib
from codecs import BOM_UTF8 as BOM
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from bot import toml_reader
from bot.files import fsync_folder, make_private_folder, write_atomically, write_temporary
from bot.loading import (
    MAX_FILE_BYTES,
    decode_text,
    parse_toml,
    read_bytes,
    read_text,
    refuse_unless_regular,
    too_large,
    validate_model,
)
from bot.model import Transcript, TranscriptHeader, Turn
from bot.model.transcript import call_stretches, misnumbered, out_of_order
from bot.problems import LoadError, Problem, display_name, find_line
from bot.text import clean_line, clip, printable, slug
from bot.transcript_folder import ENVIRONMENT_VARIABLE as ENVIRONMENT_VARIABLE
from bot.transcript_folder import default_folder as default_folder

TURNS_HEADER = "[[turns]]\n"
_CHECK = re.compile(r'^check = "(crc32:[0-9a-f]{8}|edited)"(?:\n|\Z)', re.M)
"""A save's check line; the file's last may lack its newline (an editor set to trim it,
`echo -n`): that alone is no torn write, and the writer adds it back (`open_for_writing`)."""
EDITED = "edited"
"""A check value that keeps a hand-edited final save (see docs/formats.md)."""


class TranscriptInUse(Exception):
    """Another process has the transcript open for writing."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{display_name(path)} is in use by {holder}")
        self.path = path
        self.holder = holder


class TranscriptFull(OSError):
    """A save would take the transcript past the size limit every file is read with, so
    it is refused (as a full disk would be) and the transcript stays readable."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EFBIG,
            f"the transcript has reached the size limit of {MAX_FILE_BYTES:,} bytes; "
            "shorten what was typed, or finish",
            str(path),
        )


class TranscriptGone(OSError):
    """The transcript's path no longer names the file this writer holds: replaced (a tool
    that saves by renaming a new file over it: ``sed -i``, an editor's safe write, a sync
    client) or removed while it was open. Nothing more is written to it; what the writer
    held, the latest save included, was written out (`TranscriptWriter.rescue`)."""

    def __init__(
        self,
        path: Path,
        replaced: bool,
        kept_in: Path | None,
        why_not: str = "",
        moved: bool = False,
        again: bool = False,
    ) -> None:
        self.path = path
        self.replaced = replaced
        """Whether another file now has its name (else there is none)."""
        self.kept_in = kept_in
        """Where everything held was written: the transcript's own path again (it had
        been removed), a side file beside it (`KEPT_SUFFIX`), or None when neither
        could be written (``why_not`` says why) or it was moved (``moved``)."""
        self.why_not = why_not
        self.moved = moved
        """Whether the file itself still exists under another name (moved or renamed,
        alone or with its folder): every answer, the latest included, is in it."""
        self.again = again
        """Whether this is a save tried after the loss was said: that save is in no file."""
        super().__init__(errno.ESTALE, self.words(), str(path))

    def repeated(self) -> TranscriptGone:
        """The same loss, for a save tried after it was said: what that save's words were
        written to nothing, and where the answers given before are is said again."""
        return TranscriptGone(
            self.path, self.replaced, self.kept_in, self.why_not, self.moved, again=True
        )

    @property
    def restored(self) -> bool:
        """Whether the transcript was written back at its own path."""
        return self.kept_in == self.path

    def words(self) -> str:
        """What happened and where the answers are (each front end says how to resume)."""
        name = display_name(self.path)
        if self.again:
            where = (
                "are in the file it was moved to"
                if self.moved
                else f"are in {display_name(self.kept_in)}"
                if self.kept_in is not None
                else "could not be written anywhere"
            )
            return (
                f"nothing is saved here any more since {name} was "
                f"{'moved' if self.moved else 'replaced' if self.replaced else 'removed'} while "
                f"it was open: this is in no file. The answers given before it {where}"
            )
        if self.moved:
            said = (
                f"{name} was moved or renamed while it was open here (where to, this program "
                "cannot know)"
            )
            if self.replaced:
                said += ", and another file now has its name"
            return (
                f"{said}: every answer, the last one included, is in the moved file, and "
                "nothing more is saved here; find it and resume it to carry on"
            )
        if self.replaced:
            said = (
                f"{name} was replaced by another program (an editor, sed -i, a sync client) "
                "while it was open here"
            )
        else:
            said = f"{name} was removed while it was open here"
        if self.kept_in is None:
            return (
                f"{said}, and the answers could not be written anywhere ({self.why_not}): "
                "nothing more is saved"
            )
        if self.restored:
            return (
                f"{said}: every answer, the last one included, was written back to it, and "
                "nothing more is saved here; resume it to carry on"
            )
        return (
            f"{said}: nothing more is saved to it. Every answer given here, the last one "
            f"included, is in {display_name(self.kept_in)}: resume that file to carry on, or "
            f"first move it over {name} to keep the transcript's name (what the other "
            "program wrote there is then lost)"
        )


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
    kept_in: Path | None = None
    """Where the dropped bytes were kept when they were cut from the file (`keep_aside`)."""
    time_notes: tuple[str, ...] = ()
    """What is said of turns timed before the turn above them (`time_notes`)."""


KEPT_SUFFIX = ".kept"
"""Ending of the side file that keeps everything a writer held when its transcript was
replaced while open (`TranscriptGone`): not a ``.toml`` file, so lists, reports and
aggregates pass over it; it can be resumed by name."""

TORN_SUFFIX = ".torn"
"""Ending of the side file that keeps the bytes cut from a transcript's end: not a
``.toml`` file, so lists, reports and aggregates pass over it."""


def appended_note(path: Path, count: int, kept_in: Path) -> str:
    """What is said when bytes another program wrote at the end of an open transcript
    were moved out of it before a save (`TranscriptWriter.set_aside`)."""
    return (
        f"{display_name(path)}: {count} bytes written at its end by another program were "
        f"moved to {display_name(kept_in)} before saving; the transcript holds what this "
        "program saved"
    )


def torn_note(path: Path, dropped_bytes: int, kept_in: Path | None = None) -> str:
    """The one line said on stderr when a transcript's interrupted last save was left out
    (and, when it was cut from the file, where its bytes were kept)."""
    said = (
        f"note: {display_name(path)}: its last save was interrupted; the unfinished part "
        f"({dropped_bytes} bytes) was "
    )
    if kept_in is None:
        return said + "left out"
    return said + f"cut from the transcript and kept in {display_name(kept_in)}"


def time_notes(transcript: Transcript, text: str, name: str) -> list[str]:
    """A note for each turn whose time is out of order with the turns around it
    (`out_of_order`), with file, line and turn, and what it does to the call length (a
    stretch of the call that begins or ends with it is left out)."""
    turns = transcript.turns
    stretches = call_stretches(turns) if transcript.call_seconds is not None else []
    notes = []
    for index in out_of_order(turns):
        turn = turns[index]
        line = find_line(text, ["turns", index, "at"])
        around = [
            f"turn {turns[n].seq} at {turns[n].at.isoformat(' ')}"
            for n in (index - 1, index + 1)
            if 0 <= n < len(turns)
        ]
        left_out = [
            f"turn {turns[a].seq} to turn {turns[b].seq}" for a, b in stretches if index in (a, b)
        ]
        said = (
            f"turn {turn.seq} ({turn.kind}) is timed {turn.at.isoformat(' ')}, out of order "
            f"with {' and '.join(around)}: was its time changed by hand, or the clock put back?"
        )
        if left_out:
            stretch = "stretch" if len(left_out) == 1 else "stretches"
            said += f" The call length leaves out the {stretch} of the call from {' and '.join(left_out)}"
        notes.append(str(Problem(name, "", said, line)))
    return notes


def encode_header(header: TranscriptHeader) -> str:
    """The header as TOML text."""
    data = header.model_dump(mode="python", by_alias=True, exclude_none=True)
    if not header.review:
        del data["review"]  # transcripts outside a reviewing round are written as before
    else:
        data["review"] = [_drop_empty(item) for item in data["review"]]
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


def split_valid(text: str, name: str = "transcript") -> str:
    """The part of a transcript's text that ends with a whole save.

    Only the final save can have been interrupted: every earlier one was followed
    by a later, completed save. So text after the last check line is dropped, and
    the final save is dropped too when its check does not match and it does not
    read as whole turns (a crash that reached the disk out of order leaves a block
    of zeros or of old bytes). A final save that reads as whole turns but whose
    check does not match was changed by hand, not torn: it is refused (LoadError,
    naming ``name``, the line and the turn, and what to do), never dropped. A
    changed earlier save is an edit, not a crash, and is kept.
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
    seqs = _whole_turns(text[previous_end : last.end()])
    if seqs:
        raise LoadError([_edited_by_hand(text, name, last, previous_end, seqs)])
    return text[:previous_end]


def _whole_turns(save: str) -> list[int]:
    """The seqs of the turns a save's text holds when it reads as whole turns (each
    with at least its seq, time, speaker and kind); empty when it does not."""
    try:
        data = toml_reader.loads(save)
    except (toml_reader.TOMLDecodeError, ValueError, RecursionError):
        return []
    turns = data.get("turns")
    if set(data) != {"turns"} or not isinstance(turns, list) or not turns:
        return []
    needed = {"seq", "at", "speaker", "kind"}
    if not all(isinstance(t, dict) and needed <= t.keys() for t in turns):
        return []
    return [t["seq"] if isinstance(t["seq"], int) else 0 for t in turns]


def _edited_by_hand(
    text: str, name: str, last: re.Match[str], start: int, seqs: list[int]
) -> Problem:
    """What is said of a final save of whole turns whose check does not match."""
    line = text.count("\n", 0, last.start()) + 1
    first_line = text.count("\n", 0, start) + 2  # the save's first [[turns]] line
    turns = f"turn {seqs[0]}" if len(seqs) == 1 else f"turns {seqs[0]} to {seqs[-1]}"
    return Problem(
        name,
        "",
        f"the last save ({turns}, lines {first_line} to {line}) was changed after it was "
        f"written: its check does not match its text. If it was edited by hand on purpose, "
        f'write check = "edited" in place of line {line} ({last.group(0).strip()}) to keep '
        "it as it is now (see docs/formats.md, How transcripts are saved); otherwise undo the "
        "change. The file was left as it is",
        line,
    )


def load(path: Path) -> LoadedTranscript:
    """Read a transcript (no lock needed: the file is never half-visible)."""
    name = display_name(path)
    try:
        raw, text = read_text(path, "transcript")
    except LoadError as error:
        _not_a_transcript(name, error)
        raise
    transcript, valid = _parse(text, name)
    valid_bytes = _valid_bytes(raw, valid)
    notes = tuple(time_notes(transcript, valid, name))
    return LoadedTranscript(transcript, path, valid_bytes, len(raw) - valid_bytes, None, notes)


def header_invitee(path: Path) -> str:
    """The invitee a transcript that fails to load names in its header, read from the
    header alone (the lines before its first turn, whatever its line ends), or "" when
    even that cannot be read: so that a round can say whose transcript is damaged. A
    header damaged elsewhere (a broken quote in a name) still names its invitee by its own
    ``invitee = "..."`` line."""
    try:
        _, text = read_text(path, "transcript")
    except LoadError:
        return ""
    # Saved by an editor with Windows line ends, the turns start at "\r\n[[turns]]".
    text = text.replace("\r\n", "\n")
    first = text.find("\n" + TURNS_HEADER)
    header = text if first < 0 else text[:first]
    try:
        invitee = parse_toml(header, display_name(path)).get("invitee", "")
    except LoadError:
        found = _INVITEE_LINE.search(header)
        invitee = found.group(1) if found else ""
    return invitee if isinstance(invitee, str) else ""


def header_value(path: Path, key: str) -> str:
    """A text its header holds under ``key``, read from the header alone (the lines
    before its first turn), or "" when there is none or the header cannot be read."""
    try:
        _, text = read_text(path, "transcript")
        text = text.replace("\r\n", "\n")  # saved by an editor with Windows line ends
        first = text.find("\n" + TURNS_HEADER)
        data = parse_toml(text if first < 0 else text[:first], display_name(path))
    except (LoadError, OSError):
        return ""
    value = data.get(key, "")
    return value if isinstance(value, str) else ""


def same_id_beside(path: Path, transcript_id: str) -> list[Path]:
    """The other transcripts in a transcript's folder that hold its id (a copy made by a
    sync client or a backup, "a (conflicted copy).toml"), by name: resumed apart, the two
    go separate ways, and an aggregate counts only one of them."""
    if not transcript_id:
        return []
    found = []
    with contextlib.suppress(OSError):
        for other in sorted(path.parent.glob("*.toml")):
            if other.name == path.name or other.is_symlink() or other.name in NOT_TRANSCRIPTS:
                continue
            if header_value(other, "id") == transcript_id:
                found.append(other)
    return found


_INVITEE_LINE = re.compile(r"""^invitee\s*=\s*["']([\w\-]+)["']\s*(?:#.*)?$""", re.MULTILINE)
"""A header's invitee line read on its own (an id is letters, digits, - and _)."""


def _valid_bytes(raw: bytes, valid: str) -> int:
    """How many of the file's bytes the valid text is: the text is read without a leading
    byte-order mark (an editor may add one), which the bytes still hold."""
    return len(valid.encode()) + (len(raw) - len(raw.removeprefix(BOM)))


def parse_transcript(text: str, path: Path) -> Transcript:
    """A transcript from text already read (an interrupted final save is dropped)."""
    return _parse(text, display_name(path))[0]


def _parse(text: str, name: str) -> tuple[Transcript, str]:
    try:
        valid = split_valid(text, name)
        data = parse_toml(valid, name)
        turns = data.get("turns")
        if isinstance(turns, list):
            for number, turn in enumerate(turns, start=1):
                if isinstance(turn, dict):
                    turn.pop("check", None)  # storage detail, not part of the conversation
                    _numbered(turn, number, name, valid)
        return validate_model(Transcript, data, name, valid), valid
    except LoadError as error:
        _not_a_transcript(name, error)
        raise


def _numbered(turn: dict[str, Any], number: int, name: str, text: str) -> None:
    """Refuse a turn whose seq is not its place, naming the line (the model's own check
    of the order, `misnumbered`, cannot know it)."""
    seq = turn.get("seq")
    if type(seq) is int and seq != number:
        line = find_line(text, ["turns", number - 1, "seq"])
        raise LoadError([Problem(name, "", misnumbered(number, seq), line)])


def not_a_transcript(name: str) -> str:
    """Why a file without the .toml ending that does not read as a transcript is not one
    (a list of invitees, a report named by mistake): what a transcript is and where they
    are, rather than what its TOML reader made of it."""
    ending = Path(name).suffix
    what = f"a {printable(ending)} file" if ending else "a file without the .toml ending"
    folder = display_name(default_folder())
    said = (
        f"is not a transcript ({what}): transcripts are the .toml files the app saves, one "
        f"for each conversation (in {folder}/, or in a round's folder)"
    )
    if ending.casefold() == ".csv":
        said += f"; a list of invitees is imported into a round with: partnership-bot round import {name}"
    return said


def _not_a_transcript(name: str, error: LoadError) -> None:
    """Raise the "not a transcript" error for a file not named .toml that failed to load;
    a .toml file keeps the problems found in it (the TOML error, with its line)."""
    if not name.casefold().endswith(".toml"):
        raise LoadError([Problem(name, "", not_a_transcript(name))]) from error


def new_path(folder: Path, header: TranscriptHeader) -> Path:
    """A fresh, safe file name: date, respondent and a short unique part."""
    stamp = header.started.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    who = slug(header.respondent.name or header.respondent.organisation)
    return folder / f"{stamp}-{header.framework.id}-{who}-{header.id[:8]}.toml"


def new_id() -> str:
    """A unique transcript id."""
    return uuid.uuid4().hex


class TranscriptWriter:
    """Appends turns to one transcript file through the descriptor that holds its lock."""

    def __init__(
        self, path: Path, fd: int, holder: Holder | None, size: int, turn_count: int = 0
    ) -> None:
        self.path = path
        self._fd = fd
        self._holder = holder
        self.lost: TranscriptGone | None = None
        """Set once the path was found no longer to name this writer's file: every save
        after it raises it again, and nothing more is written."""
        self.size = size
        """Length of the file up to the end of its last completed save."""
        self.turn_count = turn_count
        """Turns in the file so far."""
        self._leftover_ours = False
        """Whether bytes past ``size`` are this writer's own failed save (the caller
        still has its turns), rather than bytes written there by something else."""
        self.unchecked = ""
        """Why the check after the last save could not be made (`check`), not yet said."""
        self.set_aside: list[tuple[int, Path]] = []
        """Bytes found past the end of the last save, written there by another program,
        and the side file each lot was kept in, not yet said (`take_set_aside`)."""

    def append(self, turns: Sequence[Turn]) -> None:
        """Make these turns durable: one write at the end of the last good save, then fsync.

        A save that fails part-way (a full disk) is cut off again before the error is
        raised, and any leftover is cut before the next save, so a retry always starts
        on a clean end however many times it fails. Bytes found past the end that are
        not a failed save of this writer's (written there by another program) are kept
        in a side file first (`keep_aside`).
        """
        if self.lost is not None:
            raise self.lost.repeated()
        if not turns:
            return
        data = encode_turns(turns).encode()
        if self.size + len(data) > MAX_FILE_BYTES:
            raise TranscriptFull(self.path)
        self._cut_to_good_length(keep=not self._leftover_ours)
        try:
            _write_all_at(self._fd, data, self.size)
            os.fsync(self._fd)
        except OSError:
            self._leftover_ours = True
            with contextlib.suppress(OSError):
                self._cut_to_good_length(keep=False)
            raise
        self.size += len(data)
        self.turn_count += len(turns)
        self.check()

    def check(self) -> None:
        """Make sure the transcript's path still names the file this writer holds (the
        same device and inode, not removed): checked after every save, before it is said
        to be saved, and on every way of leaving (`close_checked`). When it does not,
        everything held (the latest save included) is written out (`rescue`), the locks
        are let go and `TranscriptGone` is raised; a save tried after it raises it again
        (`TranscriptGone.repeated`). A check that cannot be made (the folder no longer
        readable, a failing disk) does not undo a save already in the file: it is noted
        in ``unchecked`` (`take_unchecked`) and the save stands."""
        if self.lost is not None:
            raise self.lost
        if self._fd < 0:
            return
        try:
            held = os.fstat(self._fd)
            try:
                now: os.stat_result | None = os.stat(self.path)
            except (FileNotFoundError, NotADirectoryError):
                now = None
        except OSError as error:
            self.unchecked = str(error.strerror or error)
            return
        same = now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
        if same and held.st_nlink > 0:
            return
        if held.st_nlink > 0:
            # Still linked under another name: moved or renamed (alone or with its
            # folder). Every save is in it already; nothing is written anywhere else.
            self.close()
            self.lost = TranscriptGone(self.path, now is not None, None, moved=True)
            raise self.lost
        self.lost = self.rescue(replaced=now is not None)
        raise self.lost

    def take_unchecked(self) -> str:
        """Why the last check could not be made ("" when it was), once."""
        said, self.unchecked = self.unchecked, ""
        return said

    def close_checked(self) -> None:
        """Check the transcript (`check`: a file replaced or removed after the last save is
        rescued, and `TranscriptGone` raised), then let the locks go: every way of leaving
        a conversation. A loss already raised by a save is not raised again."""
        try:
            if self.lost is None:
                self.check()
        finally:
            self.close()

    def rescue(self, replaced: bool) -> TranscriptGone:
        """Write out everything this writer holds, up to the end of its last save, when its
        path no longer names its file, then let the locks go. A transcript removed is
        written back at its path (never over a file put there since); one replaced, or
        when its path was taken, goes to a side file beside it (`keep_aside` with
        `KEPT_SUFFIX`): what another program put at the path is never overwritten."""
        data = _read_held(self._fd, self.size)
        kept_in: Path | None = None
        why_not = ""
        try:
            if not replaced:
                kept_in = _write_back(self.path, data)
            if kept_in is None:
                kept_in = keep_aside(self.path, data, KEPT_SUFFIX)
        except OSError as error:
            why_not = str(error.strerror or error)
        self.close()
        return TranscriptGone(self.path, replaced, kept_in, why_not)

    def _cut_to_good_length(self, keep: bool) -> None:
        length = os.fstat(self._fd).st_size
        if length != self.size:
            if keep and length > self.size:
                side = keep_aside(self.path, os.pread(self._fd, length - self.size, self.size))
                self.set_aside.append((length - self.size, side))
            os.ftruncate(self._fd, self.size)
            os.fsync(self._fd)
        self._leftover_ours = False

    @property
    def closed(self) -> bool:
        """Whether the lock was let go (nothing more can be written)."""
        return self._fd < 0

    def close(self) -> None:
        """Release the lock."""
        if self._fd < 0:
            return
        _remove_holder(self._holder)
        self._holder = None
        os.close(self._fd)  # closing the descriptor releases its flock
        self._fd = -1

    def discard(self) -> None:
        """Remove the transcript this writer has just made, while its lock is still held,
        then let the lock go: for a start that could not be completed (its call could not
        be logged), so that it leaves no file behind. Only a transcript nothing was
        answered in yet is removed; one with turns is refused (ValueError)."""
        if self.turn_count:
            raise ValueError(f"{display_name(self.path)} has answers: it is never removed")
        try:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            fsync_folder(self.path.parent)
        finally:
            self.close()

    def __enter__(self) -> TranscriptWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create(folder: Path, header: TranscriptHeader, by: str = "") -> TranscriptWriter:
    """Start a new transcript in a folder (made owner-only if new); ``by``: the officer
    opening it, named in its lock note (``lock_holder``)."""
    make_private_folder(folder)
    path = new_path(folder, header)
    data = encode_header(header).encode()
    fd = _atomic_write(path, data, keep_locked=True)
    try:
        holder = _write_holder(path, by)
    except BaseException:
        os.close(fd)
        raise
    return TranscriptWriter(path, fd, holder, len(data))


def open_for_writing(path: Path, by: str = "") -> tuple[LoadedTranscript, TranscriptWriter]:
    """Lock an existing transcript, cut any interrupted save off its end, and open it
    (``by``: the officer opening it, named in its lock note).

    The lock is held on the file itself (an flock on the descriptor that writes it), so
    the same transcript reached through a symbolic or hard link is still one writer's,
    and on its lock note (`_write_holder`), so a file renamed over the name of one open
    elsewhere is still refused.
    """
    fd = _open_locked(path)
    holder = None
    try:
        holder = _write_holder(path, by)
        raw = _read_fd(fd, path)
        transcript, valid = _parse(decode_text(raw, display_name(path)), display_name(path))
        valid_bytes = _valid_bytes(raw, valid)
        kept_in = None
        dropped = len(raw) - valid_bytes
        if dropped:
            kept_in = keep_aside(path, raw[valid_bytes:])
            os.ftruncate(fd, valid_bytes)
            os.fsync(fd)
        if valid_bytes and not raw[:valid_bytes].endswith(b"\n"):
            # A whole last save without its final newline: the line is ended before the
            # next save is appended after it.
            _write_all_at(fd, b"\n", valid_bytes)
            os.fsync(fd)
            valid_bytes += 1
        notes = tuple(time_notes(transcript, valid, display_name(path)))
        loaded = LoadedTranscript(transcript, path, valid_bytes, dropped, kept_in, notes)
    except BaseException:
        _remove_holder(holder)
        os.close(fd)
        raise
    writer = TranscriptWriter(path, fd, holder, valid_bytes, len(transcript.turns))
    return loaded, writer


def keep_aside(transcript: Path, data: bytes, suffix: str = TORN_SUFFIX) -> Path:
    """Keep bytes about to be cut from a transcript's end in a new side file beside it
    (``<file>.torn``, or ``<file>.torn-2`` and on when that exists), written and fsynced,
    with its folder, before anything is cut: nothing is deleted from a transcript. An
    OSError (its filename the side file) when it cannot be kept; nothing is cut then.
    ``suffix`` names another kind of side file (`KEPT_SUFFIX`)."""
    real = Path(os.path.realpath(transcript))
    for number in range(1, 1000):
        side = real.with_name(real.name + suffix + (f"-{number}" if number > 1 else ""))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        try:
            fd = os.open(side, flags, 0o600)
        except FileExistsError:
            continue
        try:
            _write_all_at(fd, data, 0)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                side.unlink()
            raise
        os.close(fd)
        fsync_folder(side.parent)
        return side
    raise OSError(errno.EEXIST, "too many side files already", str(real) + suffix)


def _read_held(fd: int, size: int) -> bytes:
    """The first ``size`` bytes of the file behind a descriptor (a writer's saves)."""
    chunks = []
    offset = 0
    while offset < size:
        chunk = os.pread(fd, size - offset, offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _write_back(path: Path, data: bytes) -> Path | None:
    """Write a removed transcript back at its path, whole and fsynced before it gets its
    name, and never over a file put there since (a hard link to the name fails when it
    is taken): the path, or None when the name was taken meanwhile."""
    temporary = write_temporary(path, data, make_folder=False)
    try:
        os.link(temporary, path)
    except FileExistsError:
        return None
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(path.parent)
    return path


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
        if path.is_symlink() or path.name in NOT_TRANSCRIPTS:
            continue  # as in reports: links in a folder are not followed
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


def _write_all_at(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view = view[written:]
        offset += written


def _atomic_write(path: Path, data: bytes, keep_locked: bool = False) -> int:
    """Write a whole file with the one atomic writer, checking that it reads back first.

    With keep_locked, the new file is locked before it gets its name and the locked
    descriptor is returned (the caller closes it); otherwise -1.
    """
    held: list[int] = []

    def reads_back(temporary: Path) -> None:
        # Check it reads back before it becomes visible under its real name.
        parse_toml(temporary.read_text("utf-8"), display_name(path))
        if keep_locked:
            held.append(os.open(temporary, os.O_RDWR | os.O_NOFOLLOW))
            fcntl.flock(held[0], fcntl.LOCK_EX | fcntl.LOCK_NB)

    try:
        write_atomically(path, data, check=reads_back)
    except BaseException:
        for fd in held:
            os.close(fd)
        raise
    return held[0] if held else -1


def _open_locked(path: Path) -> int:
    """Open a transcript for writing and lock the file itself, or say why not."""
    name = display_name(path)
    refuse_unless_regular(path, "transcript")
    try:
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    except FileNotFoundError:
        raise LoadError([Problem(name, "", "no such transcript")]) from None
    except IsADirectoryError:
        raise LoadError([Problem(name, "", "is a folder, not a transcript")]) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LoadError([Problem(name, "", "is not a regular file")])
        os.set_blocking(fd, True)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise TranscriptInUse(path, _read_holder(path)) from None
    except BaseException:
        os.close(fd)
        raise
    return fd


def in_use(path: Path) -> bool:
    """Whether a process holds the transcript's lock (it is being written now)."""
    try:
        refuse_unless_regular(path, "transcript")
    except LoadError:
        return False
    # The transcript's own lock, then the lock note beside it (its writer's, when the
    # transcript was replaced under it).
    return _locked(path, os.O_RDONLY | os.O_NONBLOCK) or _locked(
        _holder_path(path), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
    )


def _locked(path: Path, flags: int) -> bool:
    """Whether another process holds an flock on the file (False if it cannot be opened)."""
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def _read_fd(fd: int, path: Path) -> bytes:
    """The whole file behind a descriptor, refused (unread) when over the size limit."""
    size = os.fstat(fd).st_size
    if size > MAX_FILE_BYTES:
        raise too_large(display_name(path), size)
    chunks = []
    offset = 0
    while True:
        chunk = os.pread(fd, MAX_FILE_BYTES + 1 - offset, offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
        if offset > MAX_FILE_BYTES:
            raise too_large(display_name(path), offset)
    return b"".join(chunks)


# The lock itself is the flock on the transcript's descriptor. Beside the transcript's
# real path, <file>.lock says who holds it, so that a second writer can be told, and is
# locked too (flock): a file renamed over the transcript's name while it is open (sed -i,
# an editor's safe write) is a new file with no lock of its own, and the note's lock
# still stops a second writer opening it. It is opened without following links and
# written and locked only when it is a plain file of ours with no other name, so a link
# planted there is never written through.


@dataclass(frozen=True)
class Holder:
    """The lock note beside a transcript, held open and locked by its writer."""

    path: Path
    """The note."""
    fd: int
    """Its descriptor, holding its flock."""


def _holder_path(transcript: Path) -> Path:
    real = Path(os.path.realpath(transcript))
    return real.with_name(real.name + ".lock")


def _write_holder(transcript: Path, by: str = "") -> Holder | None:
    """Lock the note beside a transcript and say in it who holds it; TranscriptInUse when
    another process holds it; None when no note can be kept (a courtesy then: the lock on
    the transcript itself holds without it)."""
    path = _holder_path(transcript)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    except OSError:
        return None
    try:
        own = _own_plain_file(os.fstat(fd))
        if own:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise TranscriptInUse(transcript, _read_holder(transcript)) from None
    except OSError:
        own = False
    if not own:
        os.close(fd)
        return None
    try:
        os.ftruncate(fd, 0)
        os.write(fd, _holder_text(by).encode())
        return Holder(path, fd)
    except OSError:
        # A note that could not be written (a full disk) says nothing: not left behind.
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)
        return None


def _remove_holder(holder: Holder | None) -> None:
    if holder is None:
        return
    with contextlib.suppress(OSError):
        if _same_file(os.lstat(holder.path), os.fstat(holder.fd)):
            holder.path.unlink()
    os.close(holder.fd)


def _same_file(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def _own_plain_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and info.st_uid == os.geteuid()


OPENED_BY = ", opened by "
"""Where a lock note names the officer who opened the transcript ("process 4242 on desk7
since 2009-12-01 10:00 UTC, opened by Sam"): read by ``opened_by``."""


def _holder_text(by: str = "") -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    officer = f"{OPENED_BY}{clip(clean_line(by), 80)}" if by.strip() else ""
    return f"process {os.getpid()} on {socket.gethostname()} since {now}{officer}"


def opened_by(note: str) -> str:
    """The officer a transcript's lock note names as having opened it, or ""."""
    return note.rpartition(OPENED_BY)[2].strip() if OPENED_BY in note else ""


def lock_holder(transcript: Path) -> str:
    """Who holds a transcript's lock, as its lock note records it ("process 4242 on
    host since 2009-12-01 10:00 UTC"), or "another process" when there is no note."""
    return _read_holder(transcript)


def _read_holder(transcript: Path) -> str:
    with contextlib.suppress(OSError):
        fd = os.open(_holder_path(transcript), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            text = os.read(fd, 300).decode("utf-8", "replace").strip()
        finally:
            os.close(fd)
        if text:
            return printable(text)
    return "another process"


ROUND_DESCRIPTION = "round.toml"
"""The file that makes a folder a round's folder (its description)."""

NOT_TRANSCRIPTS = frozenset({ROUND_DESCRIPTION, "plan.toml"})
"""Files found beside transcripts that are not transcripts (a round's description and its action plan)."""

ROUND_OWN_FILES = NOT_TRANSCRIPTS | {"calls.jsonl", "reminders.jsonl"}
"""A round's own files by name: its description, its action plan, its call log and its
reminders log."""


def round_own_file(path: Path) -> bool:
    """Whether a file named for a report is one of a round's own files, not a transcript:
    one of `ROUND_OWN_FILES`, or in a round's folder (beside its round.toml) its framework
    copies or any other file that is not a ``.toml`` file (a transcript's lock note). A
    ``.toml`` file there is taken for a transcript, so a damaged one is still reported."""
    if path.name in ROUND_OWN_FILES:
        return True
    other = path.name == SNAPSHOTS or (path.suffix != ".toml" and not path.is_dir())
    return other and (path.parent / "round.toml").is_file()


@dataclass(frozen=True)
class Gathered:
    """What the files and folders named for a report hold (`gather`)."""

    files: list[Path]
    """The transcript files, each read once."""
    rounds_left_out: list[Path]
    """The rounds inside the folders named, whose transcripts are not among ``files``."""


def gather(paths: Sequence[Path]) -> Gathered:
    """Transcript files named directly, or found (recursively) in named folders, and the
    rounds inside those folders that are left out, from one walk of each folder.

    A file named directly is read wherever it is, links included. In a folder, symbolic
    links (to files or folders) are not followed and hidden entries are passed over, so
    a folder's report covers only what is really in it; a file reached by two names
    (named twice, or hard-linked) is read once. A round kept inside a folder named (a
    folder below it holding a round.toml, at any depth, such as
    ``<transcripts>/rounds/NAME``: `rounds_below`) is left out: its respondents are
    another set of answers, often the same people in another year, and counting them
    with the folder's own would mix them. Every one left out is in ``rounds_left_out``,
    so the reader can be told; a round's folder named itself is read.
    """
    seen: set[tuple[int, int]] = set()
    files: list[Path] = []
    left_out: set[Path] = set()
    for path in paths:
        if path.is_dir():
            inside = _walk(path)
            left_out.update(inside.rounds_left_out)
            found = inside.files
        else:
            found = [path]
        for file in found:
            try:
                info = file.stat()
            except OSError:
                files.append(file)  # the reader says what is wrong with it
                continue
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                files.append(file)
    # A round named too (its folder, or a transcript in it) is read, not left out.
    named = [p.resolve() for p in paths]
    left_out = {r for r in left_out if not any(n.is_relative_to(r.resolve()) for n in named)}
    return Gathered(files, sorted(left_out))


def iter_transcript_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The transcript files among the files and folders named (`gather`)."""
    yield from gather(paths).files


def rounds_left_out(paths: Sequence[Path]) -> list[Path]:
    """The rounds inside the folders named that `gather` leaves out (never a folder named
    itself), so the person reading can be told how to include one."""
    return gather(paths).rounds_left_out


def rounds_below(top: Path) -> list[Path]:
    """Round folders below a folder, at any depth (not the folder itself): those holding
    a round.toml, hidden entries and symbolic links passed over. The one definition of
    where rounds are found: the rounds a folder's report leaves out, the rounds the app
    and `round` commands find in the transcripts folder."""
    return _walk(top, with_files=False).rounds_left_out


def _walk(top: Path, with_files: bool = True) -> Gathered:
    """One walk of a folder: its transcripts (sorted; none looked for without
    ``with_files``), and the rounds below it, whose own transcripts are not among them.
    Hidden entries and symbolic links are passed over.

    Each folder is listed once, and what each entry is comes with the listing: a folder
    of 10,000 transcripts is walked in tens of milliseconds, where matching every file
    against every round and checking each path for links took seconds
    (`benchmarks/folder_walk.py`)."""
    files: list[str] = []
    rounds: list[str] = []

    def visit(folder: str, in_round: bool) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = [e for e in listing if not e.name.startswith(".")]
        except OSError:
            return  # a folder that cannot be read holds nothing to report
        round_here = folder != top_name and any(
            e.name == ROUND_DESCRIPTION and e.is_file(follow_symlinks=False) for e in entries
        )
        if round_here:
            rounds.append(folder)
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                visit(entry.path, in_round or round_here)
            elif (
                with_files
                and not (in_round or round_here)
                and entry.name.endswith(".toml")
                and entry.name not in NOT_TRANSCRIPTS
            ):
                # Anything else so named is listed (a pipe, say): the reader says what is
                # wrong with it, and the report counts it among the files that failed.
                files.append(entry.path)

    top_name = str(top)
    visit(top_name, False)
    # In the order paths sort in (part by part), without making a path of each to sort.
    return Gathered(
        [Path(f) for f in sorted(files, key=_parts)], [Path(r) for r in sorted(rounds, key=_parts)]
    )


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def rounds_left_out_note(rounds: list[Path]) -> str:
    """What a folder's report says of the rounds inside it that it left out."""
    names = ", ".join(display_name(r) for r in rounds)
    one = len(rounds) == 1
    return (
        f"{'the round' if one else f'{len(rounds)} rounds'} inside the folder named "
        f"({names}) {'is' if one else 'are'} left out: a round's respondents are counted "
        f"only where its own folder is named (partnership-bot round report -r "
        f"{display_name(rounds[0])} for {'its' if one else 'a'} round's own report)"
    )


SNAPSHOTS = ".frameworks"
"""Beside the transcripts: a copy of each framework and dialogue version used, named by its hash."""


def snapshot_path(folder: Path, digest: str) -> Path:
    """Where the framework or dialogue with this hash is kept."""
    return folder / SNAPSHOTS / (digest.replace(":", "-") + ".toml")


def find_snapshot(folder: Path, digest: str) -> Path | None:
    """The kept copy of the framework with this hash, if there is one.

    A copy is used only when neither it nor the ``.frameworks`` folder is a symbolic
    link: what a transcript is scored against must be what was kept beside it.
    """
    path = snapshot_path(folder, digest)
    try:
        if stat.S_ISLNK(os.lstat(path.parent).st_mode):
            return None
        return path if stat.S_ISREG(os.lstat(path).st_mode) else None
    except OSError:
        return None


def save_snapshot(folder: Path, digest: str, source: Path) -> None:
    """Keep a copy of the framework or dialogue a transcript is taken with, so that it can be
    re-scored exactly and resumed when the file it came from is gone."""
    target = snapshot_path(folder, digest)
    if target.parent.is_symlink():
        return  # never write through a link planted in place of the folder
    if find_snapshot(folder, digest) is not None:
        return
    make_private_folder(target.parent)
    _atomic_write(target, read_bytes(source, "framework"))
