"""A round's folder on disk: reading and checking ``round.toml``, creating a round, adding
invitees from a CSV file (all rows or none), and finding rounds.

``round.toml`` is rewritten only as a whole, atomically (temporary file, fsync, rename),
under a lock beside it, so that two officers importing at once never lose each other's
rows and a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from bot.files import CannotWrite, write_atomically, writing
from bot.loading import parse_toml, read_text, validate_model
from bot.problems import (
    MODE_WORDS,
    BadInput,
    LoadError,
    Problem,
    display_name,
    dotted,
    find_line,
    mode_meant,
    suggest,
)
from bot.report.redact import untitled
from bot.rounds.commands import round_ref
from bot.rounds.model import INVITEE_ID_PATTERN, Invitee, Round
from bot.store import ROUND_DESCRIPTION, rounds_below
from bot.text import clean_line, clip, folded, printable

ROUND_FILE = ROUND_DESCRIPTION
ROUNDS_FOLDER = "rounds"
"""Inside the transcripts folder: where rounds named by a bare name live."""
CSV_COLUMNS = ("id", "name", "organisation", "role", "sector", "mode", "contact")


@dataclass(frozen=True)
class LoadedRound:
    """A checked round and its folder."""

    round: Round
    """The round."""
    folder: Path
    """The folder holding round.toml, the call log and the transcripts."""

    @property
    def path(self) -> Path:
        """Its round.toml."""
        return self.folder / ROUND_FILE


def round_path(folder: Path) -> Path:
    """The round.toml of a round folder."""
    return folder / ROUND_FILE


def load_round(folder: Path) -> LoadedRound:
    """Read and check a round's round.toml; every problem is listed at once."""
    path = round_path(folder)
    if folder.is_file() and folder.name == ROUND_FILE:
        folder, path = folder.parent, folder
    if not path.exists() and folder.is_dir():
        raise LoadError(
            [Problem(display_name(folder), "", f"is not a round: it has no {ROUND_FILE}")]
        )
    _, text = read_text(path, "round file")
    return LoadedRound(load_round_text(text, display_name(path)), folder)


def load_round_text(text: str, name: str) -> Round:
    """A round from round.toml's text, checked; every problem is listed at once."""
    loaded = validate_model(Round, parse_toml(text, name), name, text)
    problems = duplicate_problems(loaded, name, text)
    if problems:
        raise LoadError(problems)
    return loaded


def duplicate_problems(loaded: Round, name: str, text: str) -> list[Problem]:
    """Invitee ids given twice (ids link transcripts and calls, so they must be unique)."""
    problems = []
    seen: set[str] = set()
    for index, invitee in enumerate(loaded.invitees):
        key = invitee.id.casefold()
        if key in seen:
            loc: list[str | int] = ["invitees", index, "id"]
            problems.append(
                Problem(
                    name,
                    dotted(loc),
                    f'invitee id "{invitee.id}" is used twice; each invitee needs their own',
                    find_line(text, loc),
                )
            )
        seen.add(key)
    return problems


def encode(loaded: Round) -> str:
    """A round as TOML text (empty values left out)."""
    data = loaded.model_dump(mode="python", by_alias=True)
    data["invitees"] = [
        {k: v for k, v in invitee.items() if v != ""} for invitee in data["invitees"]
    ]
    top = {k: v for k, v in data.items() if v != "" and k != "invitees"}
    text = tomli_w.dumps(top)
    if data["invitees"]:
        text += "\n" + tomli_w.dumps({"invitees": data["invitees"]})
    return text


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the round's lock (waits for another process changing round.toml)."""
    fd = os.open(folder / ".round.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def save(folder: Path, loaded: Round) -> None:
    """Replace round.toml atomically (the caller holds the lock)."""
    path = round_path(folder)

    def reads_back(temporary: Path) -> None:
        load_round_text(temporary.read_text(encoding="utf-8"), display_name(path))

    with writing(path):
        write_atomically(path, encode(loaded), check=reads_back)


def create(folder: Path, new: Round) -> LoadedRound:
    """Make a new round folder (owner-only) with its round.toml; refuse to overwrite one.
    Whole or nothing: when round.toml cannot be written (`CannotWrite`), the folders made
    for it are removed again."""
    made = [f for f in (folder, *folder.parents) if not os.path.lexists(f)]
    try:
        with writing(round_path(folder)):
            for each in list(reversed(made)):
                try:
                    each.mkdir(mode=0o700)
                except FileExistsError:  # made by another process meanwhile: not ours
                    made.remove(each)
        with writing(round_path(folder)), locked(folder):
            if round_path(folder).exists():
                raise LoadError(
                    [
                        Problem(
                            display_name(round_path(folder)), "", "already exists: a round is here"
                        )
                    ]
                )
            save(folder, new)
    except CannotWrite:
        _unmake(made)
        raise
    return LoadedRound(new, folder)


def _unmake(made: list[Path]) -> None:
    """Remove the folders a round that could not be made was begun in (innermost first),
    with the lock file taken in it; a folder holding anything else is left."""
    for each in made:
        with contextlib.suppress(OSError):
            (each / ".round.lock").unlink(missing_ok=True)
            each.rmdir()


@dataclass(frozen=True)
class Imported:
    """What an import did: who was added, who was already invited (and updated from the
    row), and who was already invited exactly as the row says."""

    invitees: tuple[Invitee, ...]
    """The round's invitees afterwards, in order."""
    added: list[Invitee]
    """New invitees."""
    updated: list[Invitee]
    """Invitees already in the round whose details the CSV changed."""
    unchanged: list[Invitee]
    """Invitees already in the round exactly as the CSV has them."""
    before: dict[str, Invitee] = field(default_factory=dict)
    """Each updated invitee (by id) as they were before the import."""
    shares: dict[str, Invitee] = field(default_factory=dict)
    """Each added invitee (by id) whose contact is another invitee's: that invitee."""

    def describe(self) -> str:
        """Such as "3 already invited, 0 added" (with who was updated, if anyone)."""
        already = len(self.updated) + len(self.unchanged)
        text = f"{already} already invited"
        if self.updated:
            text += f" ({len(self.updated)} updated: {', '.join(i.id for i in self.updated)})"
        return text + f", {len(self.added)} added"

    def changes(self) -> list[str]:
        """One line for each invitee updated (what changed, old -> new) and for each one
        added who shares a contact with another invitee (who, and which contact)."""
        lines = []
        for after in self.updated:
            old = self.before.get(after.id)
            if old is None:  # pragma: no cover - every update records its invitee before
                continue
            what = [
                f"{column} {_shown(getattr(old, column))} -> {_shown(getattr(after, column))}"
                for column in CSV_COLUMNS
                if column != "id" and getattr(old, column) != getattr(after, column)
            ]
            lines.append(f"updated {after.id} {_shown(old.name)}: {'; '.join(what)}")
        for new in self.added:
            other = self.shares.get(new.id)
            if other is not None:
                lines.append(
                    f"added {new.id} {_shown(new.name)} (shares {_shown(new.contact)} with "
                    f"{other.id} {_shown(other.name)})"
                )
        return lines


def _shown(value: str) -> str:
    """A field of a CSV row as an import's summary shows it: printable, clipped, and
    "(none)" for an empty one."""
    return clip(printable(value), 60) if value else "(none)"


def import_csv(folder: Path, csv_file: Path) -> tuple[LoadedRound, Imported]:
    """Add the invitees listed in a CSV file to a round: every row, or (on any bad row) none.

    Columns (a header row names them, in any order): name (required), id, organisation,
    role, sector, mode (self or telephone), contact. Rows without an id are numbered on
    from the round's invitees. A row for someone already invited (see ``same_person``)
    updates them from the row's non-empty cells instead of adding them again, so that
    importing one file twice changes nothing.
    """
    try:
        _, text = read_text(csv_file, "CSV file")
    except LoadError as error:
        raise BadInput(error.problems) from None
    name = display_name(csv_file)
    with locked(folder):
        current = load_round(folder)
        try:
            result = parse_invitees(text, name, current.round)
        except LoadError as error:
            raise BadInput(error.problems) from None
        updated = current.round.model_copy(update={"invitees": result.invitees})
        # Check the whole round again, as loading would, before anything is written.
        try:
            Round.model_validate(updated.model_dump(by_alias=True))
        except ValidationError as error:  # pragma: no cover - rows are checked one by one
            raise LoadError([Problem(name, "", str(error))]) from None
        if result.added or result.updated:
            save(folder, updated)
    return LoadedRound(updated, folder), result


_fold = folded


def _contact_key(text: str) -> str:
    # Telephone numbers are written with and without spaces, dashes and brackets.
    return re.sub(r"[\s()\-.]", "", text.casefold())


def same_name(invitee: Invitee, values: dict[str, Any]) -> bool:
    """Whether a CSV row gives an invitee's name: titles ("Dr", "Cllr"), case and spacing
    aside ("Dr Ann Smith" is Ann Smith)."""
    return _fold(untitled(values.get("name", ""))) == _fold(untitled(invitee.name))


def _same_name_and_organisation(invitee: Invitee, values: dict[str, Any]) -> bool:
    return same_name(invitee, values) and _fold(values.get("organisation", "")) == _fold(
        invitee.organisation
    )


def _same_name_and_contact(invitee: Invitee, values: dict[str, Any]) -> bool:
    return same_name(invitee, values) and shared_contact(invitee, values)


def same_person(invitees: Sequence[Invitee], values: dict[str, Any]) -> int | None:
    """Which invitee (an index) a CSV row names, if any: the one with its id (when the row
    gives one); else the one with its name and organisation; else the one with its name
    and contact. Names are compared by ``same_name`` (titles aside). A name and
    organisation always wins over a contact, and a contact with another name (a
    switchboard, a shared inbox) is never the same person (see ``shared_contact``)."""
    if values.get("id"):
        wanted = values["id"].casefold()
        return next((n for n, i in enumerate(invitees) if i.id.casefold() == wanted), None)
    for rule in (_same_name_and_organisation, _same_name_and_contact):
        found = next((n for n, i in enumerate(invitees) if rule(i, values)), None)
        if found is not None:
            return found
    return None


def shared_contact(invitee: Invitee, values: dict[str, Any]) -> bool:
    """Whether a CSV row gives an invitee's contact (spaces, dashes and brackets aside)."""
    contact = _contact_key(values.get("contact", ""))
    return bool(contact) and contact == _contact_key(invitee.contact)


def _csv_rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    """The CSV's rows, each with the line it starts on; a quote never closed is a
    LoadError naming that line, never a row swallowing the rest of the file."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise LoadError(
            [
                Problem(
                    name,
                    "",
                    f"the row cannot be read ({error}): a quote opened here is never closed; "
                    "close it, or remove it",
                    start,
                )
            ]
        ) from None
    return rows


def parse_invitees(text: str, name: str, into: Round) -> Imported:
    """Invitees from CSV text, checked against each other and the round; every bad row listed.

    A row for someone already in the round (or earlier in the file) updates them.
    """
    numbered = _csv_rows(text, name)
    while numbered and not any(cell.strip() for cell in numbered[-1][1]):
        numbered.pop()
    rows = [row for _, row in numbered]
    if not rows:
        raise LoadError([Problem(name, "", "is empty; expected a header row naming columns")])
    header = [cell.strip().casefold() for cell in rows[0]]
    problems: list[Problem] = []
    separator = next((mark for mark in ";\t|" if any(mark in cell for cell in header)), "")
    if separator:
        shown = "a tab" if separator == "\t" else f'"{separator}"'
        raise LoadError(
            [
                Problem(
                    name,
                    "",
                    f"the header row separates its columns with {shown}: the separator must be "
                    "a comma (save the file as CSV with commas, such as "
                    '"name,organisation,mode,contact")',
                    1,
                )
            ]
        )
    for column in header:
        if column not in CSV_COLUMNS:
            problems.append(
                Problem(
                    name,
                    "",
                    f'unknown column "{column}"{suggest(column, CSV_COLUMNS)} '
                    f"(the columns are: {', '.join(CSV_COLUMNS)})",
                    1,
                )
            )
    if "name" not in header:
        problems.append(Problem(name, "", 'no "name" column; every invitee needs a name', 1))
    if problems:
        raise LoadError(problems)
    taken = {i.id.casefold() for i in into.invitees}
    numbers = [int(m.group(1)) for i in into.invitees if (m := re.fullmatch(r"i(\d+)", i.id))]
    counter = max(numbers, default=0)
    everyone: list[Invitee] = list(into.invitees)
    added: list[Invitee] = []
    changed: dict[str, Invitee] = {}
    was: dict[str, Invitee] = {}
    shares: dict[str, Invitee] = {}
    seen: dict[str, int] = {}  # each invitee a row names: the line it is named on
    rows_read = 0
    for line, row in numbered[1:]:
        if not any(cell.strip() for cell in row):
            continue
        rows_read += 1
        if any("\n" in cell or "\r" in cell for cell in row):
            # One invitee to a line: a cell running on is a quote left open.
            problems.append(
                Problem(
                    name,
                    "",
                    "a cell runs on over several lines (a quote opened and not closed?): "
                    "each invitee's details are one line",
                    line,
                )
            )
            continue
        if len(row) > len(header):
            problems.append(
                Problem(name, "", f"has {len(row)} cells, the header {len(header)} columns", line)
            )
            continue
        # Each cell a field of one line, stored as the transcripts store the same words
        # (`clean_line`); an id is checked as given, never made valid by cleaning.
        values: dict[str, Any] = {
            column: cell.strip() if column == "id" else clean_line(cell)
            for column, cell in zip(header, row, strict=False)
        }
        written = values.get("mode", "") or "self"
        mode = mode_meant(written)
        if mode is None:
            problems.append(
                Problem(
                    name,
                    "mode",
                    f'"{written}" is not a way of taking part; use self or telephone'
                    + suggest(written, MODE_WORDS),
                    line,
                )
            )
            continue
        values["mode"] = mode
        if values.get("id") and not re.fullmatch(INVITEE_ID_PATTERN, values["id"]):
            problems.append(
                Problem(
                    name,
                    "id",
                    f'"{values["id"]}" is not a valid id: use letters, digits, - and _',
                    line,
                )
            )
            continue
        match = same_person(everyone, values)
        if match is not None:
            before = everyone[match]
            if before.id.casefold() in seen:
                problems.append(
                    _twice(name, line, seen[before.id.casefold()], before, values, header)
                )
                continue
            seen[before.id.casefold()] = line
            # Only the cells the row fills in change; mode only when the file has the column.
            given = {
                k: v
                for k, v in values.items()
                if k != "id"
                and v
                and (k != "mode" or "mode" in header)
                # The same words in another case or spacing are not a change.
                and _fold(v) != _fold(str(getattr(before, k)))
            }
            try:
                after = Invitee.model_validate(before.model_dump() | given)
            except ValidationError as error:
                problems.extend(_row_problems(error, name, line))
                continue
            everyone[match] = after
            if after != before:
                changed[after.id] = after
                was.setdefault(after.id, before)
            continue
        if not values.get("id"):
            counter += 1
            while f"i{counter:03d}".casefold() in taken:
                counter += 1
            values["id"] = f"i{counter:03d}"
        try:
            invitee = Invitee.model_validate(values)
        except ValidationError as error:
            problems.extend(_row_problems(error, name, line))
            continue
        sharing = next((i for i in everyone if shared_contact(i, values)), None)
        if sharing is not None:
            shares[invitee.id] = sharing
        taken.add(invitee.id.casefold())
        seen[invitee.id.casefold()] = line
        everyone.append(invitee)
        added.append(invitee)
    if problems:
        raise LoadError(problems)
    if not rows_read:
        raise LoadError([Problem(name, "", "has a header but no invitees")])
    unchanged = [i for i in into.invitees if i.id.casefold() in seen and i.id not in changed]
    return Imported(tuple(everyone), added, list(changed.values()), unchanged, was, shares)


def _twice(
    name: str, line: int, first: int, before: Invitee, values: dict[str, Any], header: list[str]
) -> Problem:
    """A row naming the person a row above names already (by ``same_person``'s rule): which
    column and value make them one, on which lines, and what to do."""
    person = f"{before.id}, {clip(printable(before.name), 40)}"
    if values.get("id"):
        column = "id"
        what = f'the id "{printable(values["id"])}"'
        other = "give this row another id, or leave its id empty"
    elif _same_name_and_organisation(before, values):
        column = "name" if "organisation" not in header else "name, organisation"
        organisation = values.get("organisation", "")
        what = f'the name "{clip(printable(values["name"]), 40)}"' + (
            f' with the organisation "{clip(printable(organisation), 40)}"' if organisation else ""
        )
        other = "tell the two apart by their organisation"
    else:
        column = "contact"
        what = f'the contact "{clip(printable(values["contact"]), 40)}"'
        if values["contact"] != before.contact:
            # Spaces, dashes and brackets aside, one number.
            what += f' (written "{clip(printable(before.contact), 40)}" there)'
        other = "give this row their own contact, or leave its contact empty"
    return Problem(
        name,
        column,
        f"{what} is on line {first} too ({person}): an id, a name with an organisation, or a "
        f"name with a contact names one invitee. If lines {first} and {line} are the same person, "
        f"delete one of them; if not, {other}",
        line,
    )


def _row_problems(error: ValidationError, name: str, line: int) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        key = ".".join(str(p) for p in item["loc"])
        message = (
            "must not be empty"
            if item["type"] in ("string_too_short", "missing")
            else item["msg"][0].lower() + item["msg"][1:]
        )
        problems.append(Problem(name, key, message, line))
    return problems


def resolve(ref: str, transcripts: Path) -> Path:
    """A round's folder from what the user typed: a path, or a name under <transcripts>/rounds."""
    given = Path(ref)
    if "/" in ref or ref in (".", "..") or round_path(given).exists():
        return given
    return transcripts / ROUNDS_FOLDER / ref


def not_a_round(ref: str, folder: Path, transcripts: Path) -> str:
    """Why a folder named on the command line is not a round, and where a round of that
    name is if there is one: in this folder, in ./rounds, or under the rounds/ of the
    default transcripts folder (./transcripts) when another was set."""
    if round_path(folder).exists():
        return ""
    given = Path(ref)
    if folder.is_dir():
        # The folder as the user gave it: shown from inside it, it would be only ".".
        shown = printable(ref) if given.resolve() == folder.resolve() else display_name(folder)
        why = f"{shown} is not a round (it has no {ROUND_FILE})"
    elif given.exists() and given.resolve() != folder.resolve():
        # A name that no round has, but a path that is there: say what was found there.
        what = "a folder" if given.is_dir() else "a file"
        why = (
            f"no round is named {ref} (looked for {display_name(folder)}), and "
            f"{display_name(given)} is {what}, not a round (a round is a folder with a "
            f"{ROUND_FILE})"
        )
    else:
        why = f"{display_name(folder)} does not exist"
    name = Path(ref).name
    places = [Path(name), Path(ROUNDS_FOLDER) / name, Path("transcripts") / ROUNDS_FOLDER / name]
    found = [p for p in places if round_path(p).is_file() and p.resolve() != folder.resolve()]
    if found:
        return f"{why}; there is a round at {display_name(found[0])}: give that path"
    # Each as -r finds it: by name under rounds/, by its path where it is kept deeper.
    known = [round_ref(p, transcripts) for p in find_rounds(transcripts)]
    if known:
        return why + (
            suggest(ref, known) or f"; rounds in {display_name(transcripts)}: " + ", ".join(known)
        )
    return (
        f"{why}; no round in {display_name(transcripts / ROUNDS_FOLDER)} either (a name is "
        f"looked for there: --transcripts DIR or $PARTNERSHIP_BOT_TRANSCRIPTS sets the folder)"
    )


def find_rounds(folder: Path) -> list[Path]:
    """Round folders inside a transcripts folder (its rounds/ folder included), at any
    depth: `store.rounds_below`, the one rule a folder's report leaves rounds out by."""
    with contextlib.suppress(OSError):
        return rounds_below(folder)
    return []


class RoundNotChosen(LoadError):
    """Several rounds could be meant and none was named: a choice missing from the command
    line (a usage error), not a file that failed to load."""

    def __init__(self, rounds: list[Path], message: str) -> None:
        super().__init__([Problem("round", "", message)])
        self.rounds = rounds
        """The rounds found, any of which could be meant."""


def default_round(transcripts: Path) -> Path:
    """The round meant when none is named: this folder if it is one, else the only round
    under the transcripts folder; otherwise a LoadError saying there is none, or
    RoundNotChosen listing the choices."""
    here = Path(".")
    if round_path(here).exists():
        return here
    rounds = find_rounds(transcripts)
    if len(rounds) == 1:
        return rounds[0]
    if not rounds:
        message = (
            f"no round here or in {display_name(transcripts)}; "
            "make one with: partnership-bot round new NAME --title ... --framework ..."
        )
        raise LoadError([Problem("round", "", message)])
    # Each as -r finds it: by its name under rounds/, else by its path.
    names = ", ".join(round_ref(r, transcripts) for r in rounds)
    raise RoundNotChosen(
        rounds,
        f"there are {len(rounds)} rounds in {display_name(transcripts)} ({names}); "
        "choose one with -r ROUND",
    )
