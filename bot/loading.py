"""Read frameworks and dialogues from TOML, check them, and parse their conditions once.

What passed the checks is remembered by content hash (`bot.remembered`), so the same
file is checked once, not at every start-up or for every transcript that names it.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import os
import re
import stat
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot import conditions, dialogue_graph, remembered, toml_reader
from bot.bounds import bounds_problems, number_range, too_long_number
from bot.conditions import Condition, ConditionError
from bot.limits import MAX_FILE_BYTES
from bot.model import Dialogue, Framework
from bot.model.dialogue import Trigger
from bot.model.framework import OVERALL, Question, is_label
from bot.problems import (
    LoadError,
    Problem,
    display_name,
    dotted,
    find_line,
    from_validation,
    heading,
    suggest,
    suggest_or_list,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedFramework:
    """A checked framework with its conditions parsed."""

    framework: Framework
    """The framework."""
    path: Path
    """Where it was read from."""
    hash: str
    """A hash of the file's bytes."""
    actions: dict[str, Condition]
    """Each action's condition, by action id."""
    changed: frozenset[str] = frozenset()
    """Of several versions laid out together (`bot.scoring.versions.combined`), the
    questions worded or scaled differently in them: no aggregate pools them as one row."""

    @property
    def id(self) -> str:
        """The framework's id."""
        return self.framework.id


@dataclass(frozen=True)
class LoadedDialogue:
    """A checked dialogue, bound to its framework, with its conditions parsed."""

    dialogue: Dialogue
    """The dialogue."""
    framework: LoadedFramework
    """The framework it asks."""
    path: Path | None
    """Where it was read from (None for a generated default dialogue)."""
    hash: str
    """A hash of the file's bytes (or of the generated dialogue)."""
    branches: dict[tuple[str, int], Condition]
    """Branch conditions by (node id, branch index)."""
    checks: dict[tuple[str, int], Condition]
    """Probe checks by (node id, probe index)."""
    derived: dict[object, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """What is worked out from the dialogue and its framework alone, kept by whoever works
    it out (`bot.engine.routes.route_facts`), so that it is worked out once per load
    rather than for every session begun, resumed or rebuilt on it."""

    @property
    def id(self) -> str:
        """The dialogue's id."""
        return self.dialogue.id


def file_hash(data: bytes) -> str:
    """A short content hash."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def read_bytes(path: Path, kind: str = "file") -> bytes:
    """A file's bytes, or a LoadError that says what is wrong with it.

    The size limit is checked before anything is read (and at most one byte past it is
    ever read, in case the file grows), so an oversized file costs no memory.
    """
    name = display_name(path)
    refuse_unless_regular(path, kind)
    try:
        # O_NONBLOCK: a FIFO put in the file's place since must not hang the program.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise LoadError([Problem(name, "", f"no such {kind}")]) from None
    except IsADirectoryError:
        raise LoadError([Problem(name, "", f"is a folder, not a {kind}")]) from None
    except OSError as error:
        raise LoadError([Problem(name, "", f"cannot be read ({error.strerror})")]) from None
    try:
        info = os.fstat(fd)
        refused = _not_regular(info, name, kind)
        if refused is not None:
            raise refused
        if info.st_size > MAX_FILE_BYTES:
            raise too_large(name, info.st_size)
        chunks = []
        read = 0
        while chunk := os.read(fd, MAX_FILE_BYTES + 1 - read):
            chunks.append(chunk)
            read += len(chunk)
            if read > MAX_FILE_BYTES:
                raise too_large(name, read)
    except OSError as error:
        raise LoadError([Problem(name, "", f"cannot be read ({error.strerror})")]) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def refuse_unless_regular(path: Path, kind: str = "file") -> None:
    """A LoadError unless ``path`` names a regular file (through links): looked at before
    it is opened, so a FIFO or a device is refused unopened (opening a FIFO blocks, or,
    without blocking, is seen by a program writing into it). Every reader calls this
    first, and opens with O_NONBLOCK and looks again at what it opened."""
    name = display_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LoadError([Problem(name, "", f"no such {kind}")]) from None
    except OSError as error:
        raise LoadError([Problem(name, "", f"cannot be read ({error.strerror})")]) from None
    refused = _not_regular(info, name, kind)
    if refused is not None:
        raise refused


def _not_regular(info: os.stat_result, name: str, kind: str) -> LoadError | None:
    """The error for what is not a regular file (a folder, a FIFO, a device), else None."""
    if stat.S_ISDIR(info.st_mode):
        return LoadError([Problem(name, "", f"is a folder, not a {kind}")])
    if not stat.S_ISREG(info.st_mode):
        what = "so it is not read" if kind == "file" else f"so not a {kind}"
        return LoadError([Problem(name, "", f"is not a regular file (a FIFO or a device), {what}")])
    return None


def file_text(path: Path, lenient: bool = False) -> str:
    """A file's text, to recognise what it is or find a key's line: "" when it cannot be
    read (read by `read_bytes`: a FIFO or a device is never opened, a file over the size
    limit never read whole). ``lenient``: bytes that are not UTF-8 are replaced, else such
    a file gives "". A byte-order mark at the start is no part of the text."""
    try:
        return read_bytes(path).decode("utf-8-sig", errors="replace" if lenient else "strict")
    except (LoadError, UnicodeDecodeError):
        return ""


def too_large(name: str, size: int) -> LoadError:
    """The error for a file over the size limit."""
    return LoadError(
        [
            Problem(
                name,
                "",
                f"is {size:,} bytes or more, over the limit of {MAX_FILE_BYTES:,} bytes "
                "for any file this program reads",
            )
        ]
    )


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text, or a LoadError naming the line that is not. A byte-order mark at the
    start (Windows Notepad writes one) is not part of the text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # What Windows Notepad saves as "Unicode": every line would be reported.
            message = 'is UTF-16 text (Notepad\'s "Unicode"): save it as UTF-8'
            raise LoadError([Problem(name, "", message, 1)]) from None
        line = data[: error.start].count(b"\n") + 1
        raise LoadError([Problem(name, "", "is not UTF-8 text: save it as UTF-8", line)]) from None


def read_text(path: Path, kind: str = "file") -> tuple[bytes, str]:
    """A file's bytes and UTF-8 text, or a LoadError that says what is wrong with it."""
    data = read_bytes(path, kind)
    return data, decode_text(data, display_name(path))


def read_toml(path: Path) -> tuple[dict[str, Any], str, bytes]:
    """A TOML file's data, text and bytes, or a LoadError that says what is wrong."""
    data, text = read_text(path)
    return parse_toml(text, display_name(path)), text, data


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML text and hold it to the bounds every file is held to (bot/bounds.py),
    turning a syntax error or a value out of bounds into Problems with their lines.

    Every TOML file the program reads comes through here (after `read_bytes`, which
    checks the size before reading), whichever reader parses it.
    """
    data = _parse_toml(text, name)
    problems = bounds_problems(data, name, text)
    if problems:
        raise LoadError(problems)
    return data


TOML_HINTS: tuple[tuple[str, str], ...] = (
    ("Illegal character '\\n'", "; is a closing quote missing?"),
    ("Unterminated string", "; is a closing quote missing?"),
    ("Expected \"'''\"", "; is a closing ''' missing?"),
    ('Expected \'"""\'', '; is a closing """ missing?'),
    ("Cannot overwrite a value", "; is a key or table given twice?"),
    ("Cannot declare", "; is a key or table given twice?"),
    (
        "Invalid value",
        '; a value was expected after =: text in quotes ("..."), a number, true or '
        "false, a date, a list [...] or a table {...}",
    ),
    (
        "Unclosed inline table",
        "; is a closing } missing, or a comma between its entries? A table in braces "
        "{ ... } ends on the line it starts",
    ),
    ("Unclosed array", "; is a closing ] missing, or a comma between its items?"),
    (
        "Invalid initial character for a key part",
        "; a key was expected here: is there a comma with nothing after it (a table in braces "
        "{ ... } takes no comma after its last entry), or a key with spaces or marks not in "
        'quotes ("my key" = ...)?',
    ),
    (
        "Expected '=' after a key",
        '; a key is followed by = and its value (key = "value"); a key with spaces goes in quotes',
    ),
    (
        "Expected newline or end of document after a statement",
        "; one key = value to a line: is something left after the value, such as words "
        "without quotes or a comment without #?",
    ),
    (
        "Expected ']' at the end of a table declaration",
        "; a table's heading ends with ] ([name], or [[name]] for one of a list)",
    ),
    (
        "Invalid statement",
        "; each line is key = value, a [table] or [[table]] heading, or a # comment",
    ),
)
"""What a TOML reader's message means, said as what was expected: the hint added to the
first message that contains its words."""


SMART_QUOTES = "“”‘’"
"""Curly quotes, which word processors put for straight ones."""


SMART_QUOTE_OPENS = re.compile(rf"(^|[=\[{{,])\s*[{SMART_QUOTES}]")
"""A curly quote where TOML needs a straight one: opening a value, an item or a key."""


def smart_quotes_at_fault(line: str, column: int | None) -> bool:
    """Whether curly quotes on the line a TOML error names are what is wrong: one stands
    where a value, an item or a key starts, or at the error's column (or just before it).
    Curly quotes inside straight-quoted text are the text's own and never the fault."""
    if column is not None and any(
        mark in line[max(column - 2, 0) : column] for mark in SMART_QUOTES
    ):
        return True
    return SMART_QUOTE_OPENS.search(outside_text(line)) is not None


def outside_text(line: str) -> str:
    """A line of TOML without what is between straight quotes (to its end where a quote is
    not closed), a comment left as it is: what is left is keys, marks and values."""
    kept: list[str] = []
    quote = ""
    escaped = False
    for char in line:
        if quote:
            # In "...", a backslash escapes the next mark (\" is no closing quote).
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        else:
            kept.append(char)
    return "".join(kept)


def given_before(lines: list[str], line: int) -> str | None:
    """For a key or [table] that TOML refuses as given twice at this line (1 from the
    top): where it was first given, said as the fix, or None when it is not found (a key
    set both as a value and as a table, say)."""
    at = lines[line - 1]
    table = heading(at)
    if table is not None:
        first = next((n for n in range(line - 1) if heading(lines[n]) == table), None)
        listed = next((n for n in range(line - 1) if heading(lines[n]) == (table[0], True)), None)
        if first is None and listed is not None and not table[1]:
            return (
                f"; {table[0]} is a list of tables ([[{table[0]}]] at line {listed + 1}): "
                f"write [[{table[0]}]], with two brackets, for each of them"
            )
        if first is None:
            return None
        return (
            f"; [{table[0]}] is already a table, at line {first + 1}: give each table once "
            "(for one of a list, [[...]] with two brackets)"
        )
    key = re.match(r'\s*("?)([A-Za-z0-9_.-]+)\1\s*=', at)
    if key is None:
        return None
    setting = re.compile(r'\s*("?)' + re.escape(key.group(2)) + r"\1\s*=")
    for n in range(line - 2, -1, -1):
        if heading(lines[n]) is not None:
            return None
        if setting.match(lines[n]):
            return (
                f"; {key.group(2)} is already set at line {n + 1}, in the same table: give "
                "each key once in a table (a new [[...]] heading starts the next of a list)"
            )
    return None


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        detail = detail.rstrip(".")
        if match:
            detail += f" (column {match.group(2)})"
        elif "(at end of document)" in message:
            line = text.count("\n") + (0 if text.endswith("\n") else 1) or None
            detail += " (at the end of the file)"
        hint = next((h for said, h in TOML_HINTS if said in message), "")
        at = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        column = int(match.group(2)) if match else None
        if smart_quotes_at_fault(at, column):
            # A word processor's curly quotes look like quotes but are not TOML's.
            hint = '; smart quotes (“ ” ‘ ’) are not quotes in TOML: use straight quotes ("...")'
        elif line and ("Cannot overwrite a value" in message or "Cannot declare" in message):
            hint = given_before(text.splitlines(), line) or hint
        elif re.search(r"=\s*'[^']*'\s*\w", at):
            # An apostrophe in text between single quotes ends the text there.
            hint = (
                "; an apostrophe (') ends text in single quotes: put text that holds one in "
                'double quotes ("Partners\' budgets")'
            )
        raise LoadError([Problem(name, "", f"is not valid TOML: {detail}{hint}", line)]) from None
    except RecursionError:
        raise LoadError([Problem(name, "", "is not valid TOML: nested too deeply")]) from None
    except ValueError:  # a whole number of thousands of digits, too long to convert
        line = too_long_number(text)
        raise LoadError(
            [Problem(name, "", f"has a number too long to read; {number_range()}", line)]
        ) from None


def validate_model(model: type[M], data: dict[str, Any], name: str, text: str) -> M:
    """Build a model, or raise a LoadError listing every problem."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise LoadError(from_validation(error, name, text, model)) from None
    except RecursionError:
        raise LoadError([Problem(name, "", "is nested too deeply")]) from None


def load_framework(path: Path) -> LoadedFramework:
    """Load and check a framework file, reporting every problem found in one pass (or
    recall it, when this content passed before)."""
    raw, text = read_text(path)
    digest = file_hash(raw)
    entry = remembered.key("framework", digest)
    known = remembered.recall(entry, LoadedFramework)
    if known is not None and known.hash == digest:
        return known if known.path == path else replace(known, path=path)
    loaded = _check_framework(path, text, digest)
    remembered.keep(entry, loaded)
    return loaded


def _check_framework(path: Path, text: str, digest: str) -> LoadedFramework:
    name = display_name(path)
    data = parse_toml(text, name)
    # What can be checked on the raw data is checked whether or not the model builds, so
    # that one pass finds everything; the model's own errors never repeat them.
    problems, actions = framework_checks(data, name, text)
    try:
        framework = validate_model(Framework, data, name, text)
    except LoadError as error:
        raise LoadError(error.problems + problems) from None
    if problems:
        raise LoadError(problems)
    return LoadedFramework(framework, path, digest, actions)


def _table(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _tables(value: object) -> list[dict[str, Any]]:
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []


def framework_checks(
    data: dict[str, Any], name: str, text: str
) -> tuple[list[Problem], dict[str, Condition]]:
    """The checks across a framework's parts, read from its raw data: ids used twice,
    unknown scales, action conditions, and band order. Returns the
    problems and each action's parsed condition."""
    problems: list[Problem] = []

    def problem(loc: list[str | int], message: str) -> None:
        problems.append(Problem(name, dotted(loc), message, find_line(text, loc)))

    def twice(kind: str, given: str, loc: list[str | int], first: list[str | int]) -> None:
        """An id given a second time, said with the line of the first."""
        line = find_line(text, first)
        at = f" (first at line {line})" if line else ""
        problem(loc, f'{kind} id "{given}" is used twice{at}')

    scales = _table(data.get("scales"))
    areas = _tables(data.get("areas"))
    questions: dict[str, dict[str, Any]] = {}
    first_at: dict[str, list[str | int]] = {}  # where each question id is first given
    grouped: set[str] = set()  # the ids of repeated groups and their questions
    group_of: dict[str, str] = {}  # each of those ids -> its group's, for conditions' errors
    area_ids: dict[str, list[str | int]] = {}  # each area id, and where it is first given
    action_ids: dict[str, list[str | int]] = {}  # each action id, and where it is first given
    # A question's number is how reports and the app name it ("Because: 2.14 No"), and an
    # action's letter is the seed's: neither may be given twice.
    numbers: dict[str, str] = {}
    for a, area in enumerate(areas):
        area_id = area.get("id")
        if isinstance(area_id, str):
            if area_id in area_ids:
                twice("area", area_id, ["areas", a, "id"], area_ids[area_id])
            if area_id == OVERALL:
                problem(
                    ["areas", a, "id"],
                    f'"{OVERALL}" names the overall score in conditions (score("{OVERALL}")); '
                    "give the area another id",
                )
            area_ids.setdefault(area_id, ["areas", a, "id"])
        # A repeated group's questions and the group itself (the name of its "another?"
        # question) share the question ids; only the area's own can be named in conditions.
        listed: list[tuple[list[str | int], dict[str, Any]]] = [
            (["areas", a, "questions", q], question)
            for q, question in enumerate(_tables(area.get("questions")))
        ]
        for g, group in enumerate(_tables(area.get("groups"))):
            listed.append((["areas", a, "groups", g], {"id": group.get("id")}))
            listed.extend(
                (["areas", a, "groups", g, "questions", q], question)
                for q, question in enumerate(_tables(group.get("questions")))
            )
            if isinstance(group.get("id"), str):
                ids = [group["id"], *(q.get("id") for q in _tables(group.get("questions")))]
                group_of.update((i, group["id"]) for i in ids if isinstance(i, str))
        for at, question in listed:
            question_id = question.get("id")
            if isinstance(question_id, str):
                if question_id in questions or question_id in grouped:
                    twice("question", question_id, [*at, "id"], [*first_at[question_id], "id"])
                first_at.setdefault(question_id, at)
                if at[2] == "questions":
                    questions.setdefault(question_id, question)
                else:
                    grouped.add(question_id)
            number = question.get("number")
            if isinstance(number, str) and number:
                if number in numbers:
                    problem(
                        [*at, "number"],
                        f'number "{number}" is already {numbers[number]}\'s; give each question '
                        'its own, such as "1.5" and "1.5 (part 2)" for a question asked in two parts',
                    )
                numbers.setdefault(number, str(question_id))
    # Each area's actions, then the framework's own (for the partnership as a whole).
    action_lists: list[tuple[list[str | int], list[dict[str, Any]]]] = [
        (["areas", a, "actions"], _tables(area.get("actions"))) for a, area in enumerate(areas)
    ]
    action_lists.append((["actions"], _tables(data.get("actions"))))
    labels: dict[str, str] = {}  # a label ("R2") names one action across the framework
    every_label = {
        a["letter"]
        for _, listed in action_lists
        for a in listed
        if isinstance(a.get("letter"), str) and is_label(a["letter"])
    }
    for at, listed in action_lists:
        letters: dict[str, str] = {}
        taken = {a.get("letter") for a in listed}
        for c, action in enumerate(listed):
            action_id = action.get("id")
            if isinstance(action_id, str):
                if action_id in action_ids:
                    twice("action", action_id, [*at, c, "id"], action_ids[action_id])
                action_ids.setdefault(action_id, [*at, c, "id"])
            letter = action.get("letter")
            if isinstance(letter, str) and is_label(letter):
                if letter in labels:
                    problem(
                        [*at, c, "letter"],
                        f'label "{letter}" is already {labels[letter]}\'s; a label names one '
                        f"action in the whole framework{free_label(letter, every_label)}",
                    )
                labels.setdefault(letter, str(action_id))
            elif isinstance(letter, str) and letter:
                if letter in letters:
                    where = "in this area" if at[0] == "areas" else "among the framework's actions"
                    problem(
                        [*at, c, "letter"],
                        f'letter "{letter}" is already {letters[letter]}\'s {where}'
                        + free_letter(taken),
                    )
                letters.setdefault(letter, str(action_id))
    # Negative weights are the model's to refuse; all zero would leave an overall score of
    # 0 / 0, so it is refused at the last area's weight (where the author last set one).
    weights = [area.get("weight", 1.0) for area in areas]
    if weights and all(isinstance(w, int | float) and w == 0 for w in weights):
        problem(
            ["areas", len(areas) - 1, "weight"],
            "every area has weight 0, so there is no overall score: give at least one area a "
            "weight above 0 (the default is 1)",
        )
    problems.extend(scale_problems(data, name, text))
    values = {
        question_id: [
            o["value"]
            for o in _tables(_table(scales[q["scale"]]).get("options"))
            if isinstance(o.get("value"), str)
        ]
        for question_id, q in questions.items()
        if isinstance(q.get("scale"), str) and q["scale"] in scales
    }
    values.update(
        {
            question_id: [
                o["value"] for o in _tables(q["options"]) if isinstance(o.get("value"), str)
            ]
            for question_id, q in questions.items()
            if q.get("kind") == "choice" and isinstance(q.get("options"), list)
        }
    )
    number_ids = [i for i, q in questions.items() if q.get("kind") == "number"]
    date_ids = [i for i, q in questions.items() if q.get("kind") == "date"]
    multiple_ids = [
        i for i, q in questions.items() if q.get("kind") == "choice" and q.get("multiple") is True
    ]
    # Weight 0: answers recorded as facts, never scored (`Question.counted`).
    fact_ids = [i for i, q in questions.items() if q.get("weight") == 0]
    actions: dict[str, Condition] = {}
    unnamed = [  # the area questions given without an id
        ["areas", a, "questions", q]
        for a, area in enumerate(areas)
        for q, question in enumerate(_tables(area.get("questions")))
        if not isinstance(question.get("id"), str)
    ]
    # An action may read the overall score, score("overall"), as well as any area's.
    scores = set(area_ids) | {OVERALL}
    for at, listed in action_lists:
        for c, action in enumerate(listed):
            when = action.get("when")
            if not isinstance(when, str) or not when:
                continue  # the model says what is wrong with it
            try:
                condition = conditions.parse(
                    when,
                    questions,
                    scores,
                    values,
                    number_ids,
                    date_ids,
                    multiple_ids,
                    group_of,
                    fact_ids,
                )
            except ConditionError as error:
                for message in error.problems:
                    if unnamed and message in error.unknown:
                        # Likely the question whose id is missing: said, not left to guess.
                        line = find_line(text, unnamed[0])
                        at_line = f"the question at line {line}" if line else "a question"
                        message += f"; {at_line} has no id: is it that one?"
                    problem([*at, c, "when"], f"condition {message}")
                continue
            if isinstance(action.get("id"), str):
                actions[action["id"]] = condition
    bands = _table(data.get("bands"))
    for kind in ("rag", "stages"):
        mins = [b.get("min") for b in _tables(bands.get(kind))]
        if not mins or not all(isinstance(m, int | float) for m in mins):
            continue  # the model says what is wrong
        if min(mins) != 0:
            problem(
                ["bands", kind], "the lowest band must start at min = 0 so every score has a band"
            )
        if len(set(mins)) != len(mins):
            problem(["bands", kind], "two bands start at the same min")
        for b, (before, this) in enumerate(itertools.pairwise(mins), start=1):
            if this < before:
                problem(
                    ["bands", kind, b],
                    f"starts at min = {this:g}, below the band before it (min = {before:g}): "
                    "list the bands from the lowest min up",
                )
    return problems, actions


def free_letter(taken: set[object]) -> str:
    """A suggestion of the first action letter (a to z) not yet given in a list, or
    nothing when all are."""
    free = next((c for c in "abcdefghijklmnopqrstuvwxyz" if c not in taken), None)
    return (
        f'; give it the source\'s own letter for it, such as "{free}" (one not used)'
        if free
        else ""
    )


def free_label(label: str, taken: set[object]) -> str:
    """A suggestion of the next label after the highest given with the same capitals
    ("R5" after "R4"), or nothing for a label that is not capitals then digits."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", label)
    if match is None:
        return ""
    prefix = match.group(1)
    used = [int(str(t)[len(prefix) :]) for t in taken if re.fullmatch(rf"{prefix}\d+", str(t))]
    return f'; give it the source\'s own label for it, such as "{prefix}{max(used) + 1}" (one not used)'


def scale_problems(data: dict[str, Any], name: str, text: str) -> list[Problem]:
    """Questions naming a scale the framework does not define (read from raw data, so that
    they are reported even when other keys are wrong)."""
    scales = data.get("scales") if isinstance(data.get("scales"), dict) else {}
    areas = data.get("areas") if isinstance(data.get("areas"), list) else []
    problems = []
    for a, area in enumerate(areas):
        area = area if isinstance(area, dict) else {}
        listed = [(["areas", a, "questions"], area.get("questions"))]
        groups = area.get("groups")
        for g, group in enumerate(groups if isinstance(groups, list) else []):
            if isinstance(group, dict):
                listed.append((["areas", a, "groups", g, "questions"], group.get("questions")))
        for at, questions in listed:
            for q, question in enumerate(questions if isinstance(questions, list) else []):
                scale = question.get("scale") if isinstance(question, dict) else None
                if isinstance(scale, str) and scale not in scales:
                    loc: list[str | int] = [*at, q, "scale"]
                    message = f'unknown scale "{scale}"; the scales are: {", ".join(scales) or "none"}{suggest(scale, scales)}'
                    problems.append(Problem(name, dotted(loc), message, find_line(text, loc)))
    return problems


def choice_values(framework: Framework) -> dict[str, list[str]]:
    """For each rating, yesno or choice question, its options' values."""
    values = {
        q.id: [o.value for o in framework.scales[q.scale].options]
        for q in framework.questions()
        if q.scale and q.scale in framework.scales
    }
    values.update(
        {q.id: [o.value for o in q.options] for q in framework.questions() if q.kind == "choice"}
    )
    return values


def question_kinds(framework: Framework) -> tuple[list[str], list[str], list[str]]:
    """The number questions, the date questions and the choices of several picks, as
    conditions are checked against them."""
    questions = framework.questions()
    return (
        [q.id for q in questions if q.kind == "number"],
        [q.id for q in questions if q.kind == "date"],
        [q.id for q in questions if q.kind == "choice" and q.multiple],
    )


def load_dialogue(path: Path, framework: LoadedFramework) -> LoadedDialogue:
    """Load a dialogue file and check it against its framework (or recall it, when this
    content passed with this framework before)."""
    raw, text = read_text(path)
    digest = file_hash(raw)
    entry = remembered.key("dialogue", digest, framework.hash)
    known = remembered.recall(entry, LoadedDialogue)
    if known is not None and known.hash == digest and known.framework.hash == framework.hash:
        return replace(known, path=path, framework=framework)
    name = display_name(path)
    data = parse_toml(text, name)
    try:
        dialogue = validate_model(Dialogue, data, name, text)
    except LoadError as error:
        references = reference_problems(data, framework.framework, name, text)
        # A node named in capitals ("D2") is both an invalid id and a node that does not
        # exist: the reference's message, with its "did you mean", is said alone.
        named = {r.path for r in references}
        kept = [_with_start(p, data) for p in error.problems if p.path not in named]
        raise LoadError(kept + references) from None
    loaded = bind_dialogue(dialogue, framework, name, text, path, digest)
    remembered.keep(entry, loaded)
    return loaded


def _with_start(problem: Problem, data: dict[str, Any]) -> Problem:
    """A dialogue's missing `start`, told with the node it most likely is (the first)."""
    nodes = data.get("nodes")
    if problem.path or problem.message != 'missing required key "start"' or not nodes:
        return problem
    if not isinstance(nodes, dict):
        return problem
    first = next(iter(nodes))
    return replace(
        problem,
        message=f'{problem.message}: the node it begins at, such as start = "{first}" (above '
        "the first [nodes...] heading)",
    )


def reference_problems(
    data: dict[str, Any], framework: Framework, name: str, text: str
) -> list[Problem]:
    """Nodes, questions and areas a dialogue names that do not exist (read from raw data,
    so that they are reported even when other keys are wrong)."""
    problems: list[Problem] = []

    def problem(loc: list[str | int], message: str) -> None:
        problems.append(Problem(name, dotted(loc), message, find_line(text, loc)))

    raw_nodes = data.get("nodes")
    nodes = raw_nodes if isinstance(raw_nodes, dict) else {}
    questions = {q.id for q in framework.questions()}
    areas = {a.id for a in framework.areas}
    start = data.get("start")
    if isinstance(start, str) and nodes and start not in nodes:
        problem(
            ["start"], f'names node "{start}", which does not exist{suggest_or_list(start, nodes)}'
        )
    for node_id, node in nodes.items():
        if not isinstance(node, dict):
            continue
        target = node.get("next")
        if isinstance(target, str) and target not in nodes:
            problem(
                ["nodes", node_id, "next"],
                f'names node "{target}", which does not exist{suggest_or_list(target, nodes)}',
            )
        area = node.get("area")
        if isinstance(area, str) and area not in areas:
            problem(
                ["nodes", node_id, "area"],
                f'names area "{area}", which the framework does not have{suggest_or_list(area, areas)}',
            )
        ask = node.get("ask")
        if isinstance(ask, str) and ask not in questions:
            hint = (
                f"; it is a question of a repeated group: ask the group, group = "
                f'"{framework.group_of(ask).id}"'
                if framework.group_of(ask) is not None
                else suggest_or_list(ask, questions)
            )
            problem(
                ["nodes", node_id, "ask"],
                f'asks "{ask}", which is not a question in {framework.id}{hint}',
            )
        group = node.get("group")
        groups = [g.id for a in framework.areas for g in a.groups]
        if isinstance(group, str) and group not in groups:
            problem(
                ["nodes", node_id, "group"],
                f'names group "{group}", which {framework.id} does not have'
                + (f"; its groups are: {', '.join(groups)}" if groups else "; it has no groups")
                + suggest(group, groups),
            )
        branches = node.get("branches")
        for b, branch in enumerate(branches if isinstance(branches, list | tuple) else []):
            goto = branch.get("goto") if isinstance(branch, dict) else None
            if isinstance(goto, str) and goto not in nodes:
                problem(
                    ["nodes", node_id, "branches", b, "goto"],
                    f'names node "{goto}", which does not exist{suggest_or_list(goto, nodes)}',
                )
    return problems


@dataclass(frozen=True)
class DialogueHeading:
    """The top-level keys of a dialogue file that say what it is for."""

    framework: str
    """The framework id it names."""
    mode: str
    """self or telephone, as written (checked properly when the dialogue is loaded)."""


TABLE_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def read_dialogue_heading(path: Path) -> DialogueHeading:
    """The framework and mode a dialogue file names, read without parsing its nodes.

    TOML puts top-level keys before the first table header, so only that part is parsed;
    when it does not parse on its own (a multi-line string holding a line that starts
    with "["), the whole file is.
    """
    _, text = read_text(path)
    name = display_name(path)
    header = TABLE_HEADER.search(text)
    try:
        data = toml_reader.loads(text[: header.start()] if header else text)
    except (toml_reader.TOMLDecodeError, ValueError, RecursionError):
        data = parse_toml(text, name)
    framework = data.get("framework")
    if not isinstance(framework, str):
        raise LoadError([Problem(name, "framework", 'missing required key "framework"', None)])
    mode = data.get("mode", "self")
    return DialogueHeading(framework, mode if isinstance(mode, str) else "")


def triggers_that_fit(question: Question) -> list[str]:
    """The probe triggers that can fire on a question, in the format's order (the one rule
    a dialogue's probes are held to)."""
    rated = question.kind in ("rating", "yesno")
    ranged = question.kind == "number" and question.recommended is not None
    refused = {
        "low": not rated,
        "unevidenced_high": not rated,
        "dont_know": not (rated or question.allow_dont_know),
        "out_of_range": not ranged,
        "below_range": not ranged,
        "above_range": not ranged,
    }
    return [t for t in typing.get_args(Trigger) if not refused.get(t, False)]


def bind_dialogue(
    dialogue: Dialogue,
    loaded: LoadedFramework,
    name: str,
    text: str,
    path: Path | None,
    digest: str,
) -> LoadedDialogue:
    """Check a dialogue's references into its framework and parse its conditions."""
    framework = loaded.framework
    problems: list[Problem] = []

    def problem(loc: list[str | int], message: str) -> None:
        problems.append(Problem(name, dotted(loc), message, find_line(text, loc)))

    if dialogue.framework != framework.id:
        problem(
            ["framework"],
            f'names framework "{dialogue.framework}" but was loaded with "{framework.id}"',
        )
    nodes = dialogue.nodes
    for node_id in nodes:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", node_id):
            problem(
                ["nodes", node_id],
                f'"{node_id}" is not a valid node id: use lower case, digits, - and _',
            )
    problems.extend(reference_problems(dialogue.model_dump(), framework, name, text))
    for loop in dialogue_graph.say_loops(nodes):
        problem(
            ["nodes", loop[0]],
            f"is in a loop of say nodes that asks nothing ({', '.join(loop)} lead round to one "
            "another): nothing changes while the bot talks, so a respondent who reached it "
            "would never get out; put a question in the loop or lead it on to one",
        )
    questions = {q.id for q in framework.questions()}
    areas = {a.id for a in framework.areas}
    values = choice_values(framework)
    numbers, dates, multiple = question_kinds(framework)
    facts = [q.id for q in framework.questions() if q.weight == 0]
    grouped = {
        q.id: g.id
        for a in framework.areas
        for g in a.groups
        for q in (*g.questions, g.more_question)
    }
    branches: dict[tuple[str, int], Condition] = {}
    checks: dict[tuple[str, int], Condition] = {}
    for node_id, node in nodes.items():
        for b, branch in enumerate(node.branches):
            try:
                branches[(node_id, b)] = conditions.parse(
                    branch.when, questions, areas, values, numbers, dates, multiple, grouped, facts
                )
            except ConditionError as error:
                for message in error.problems:
                    problem(["nodes", node_id, "branches", b, "when"], f"condition {message}")
        question = framework.question(node.ask) if node.ask in questions else None
        for p, probe in enumerate(node.probes):
            loc: list[str | int] = ["nodes", node_id, "probes", p]
            fits = triggers_that_fit(question) if question is not None else None
            if question is not None and fits is not None and probe.on not in fits:
                if probe.on in ("low", "unevidenced_high"):
                    said = f"a {probe.on} probe needs a rating or yesno question; {question.id} is {question.kind}"
                elif probe.on == "dont_know":
                    said = f"a dont_know probe needs a question with a Don't know option (or allow_dont_know); {question.id} is {question.kind}"
                else:
                    said = f"an {probe.on} probe needs a number question with a recommended range; {question.id} has none"
                problem([*loc, "on"], f"{said}; the triggers that fit it: {', '.join(fits)}")
            if probe.check is not None:
                try:
                    checks[(node_id, p)] = conditions.parse(
                        probe.check,
                        questions,
                        areas,
                        values,
                        numbers,
                        dates,
                        multiple,
                        grouped,
                        facts,
                    )
                except ConditionError as error:
                    for message in error.problems:
                        problem([*loc, "check"], f"condition {message}")
    if problems:
        raise LoadError(problems)
    return LoadedDialogue(dialogue, loaded, path, digest, branches, checks)
