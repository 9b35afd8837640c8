"""Problems found in a file, reported in the user's terms: file, key path, line, fix."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import toml_reader
from bot.text import names_words, printable

if TYPE_CHECKING:
    # Only for the rewriting of pydantic's errors: a start that meets no problem (the
    # command line, the app's first screen) never needs pydantic for them.
    from pydantic import BaseModel, ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    file: str
    """The file, as the user named it."""
    path: str
    """Dotted key path, such as ``areas[0].questions[2].scale``; empty for the whole file."""
    message: str
    """What is wrong and what was expected."""
    line: int | None = None
    """The line, where it could be found."""

    def __str__(self) -> str:
        # Keys and values quoted from a file are untrusted: shown, never obeyed by a terminal.
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return printable(text).replace("\n", "\\n")


@dataclass
class LoadError(Exception):
    """A file could not be loaded; every problem found is listed."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class BadInput(LoadError):
    """A file given to a command to read in (``round import``'s CSV) that is missing or
    holds a bad row: the input is at fault, not a framework, dialogue, transcript or round's
    own file, so its exit status is the command line's (2); nothing is taken from it."""


MODE_WORDS: dict[str, tuple[str, ...]] = {
    "telephone": ("phone", "tel", "call", "interview", "telephone_interview"),
    "self": ("chat", "online", "survey", "web", "self_assessment", "selfassessment"),
}
"""The ways of taking part (a dialogue's, a round's or an invitee's `mode`), each with the
words taken to mean it: one list for the "did you mean" of a file's `mode` (`MEANT`) and
the words a CSV of invitees may write (`mode_meant`)."""


def mode_meant(word: str) -> str | None:
    """The way of taking part a word names: a mode, or a word `MODE_WORDS` lists for one
    (capitals and marks ignored: "Self-assessment", "PHONE"); else None."""
    plain = _plain(word)
    return next((mode for mode, words in MODE_WORDS.items() if plain in (mode, *words)), None)


MEANT: dict[str, tuple[str, ...]] = {
    # A dialogue's probe triggers (`on`), as the README and a board paper word them.
    "low": ("weak", "poor", "bad", "negative", "low_score", "weak_answer", "disagree"),
    "dont_know": ("unknown", "unsure", "not_sure", "dk", "idk", "no_idea"),
    "unevidenced_high": ("high", "no_evidence", "evidence", "top", "full_marks", "best"),
    "out_of_range": ("range", "outside", "outside_range", "out_of_bounds", "off_range"),
    "below_range": ("too_few", "too_low", "too_small", "under", "below", "under_range"),
    "above_range": ("too_many", "too_high", "too_big", "over", "above", "over_range"),
    "inconsistent": ("contradiction", "contradictory", "inconsistency", "conflict", "check"),
    "vague": ("hedged", "unclear", "vague_answer", "no_example", "woolly"),
    # A question's `kind`.
    "yesno": ("boolean", "bool", "yn", "yes_or_no", "binary", "tickbox"),
    "rating": ("scale", "likert", "agree", "score", "scored", "rated"),
    "number": ("integer", "int", "float", "numeric", "count", "amount", "decimal", "figure"),
    "choice": ("select", "options", "option", "list", "multi", "dropdown", "radio", "checkbox"),
    "text": (
        *("string", "str", "free_text", "freetext", "narrative", "open", "comment", "words"),
        *("question", "prompt", "wording", "follow_up"),  # the key of a probe's words
    ),
    "date": ("datetime", "day", "when", "time"),
    # An option's `abstain` (dont_know above), a question's `expects` (date above).
    "refused": ("refuse", "declined", "decline", "no_answer", "prefer_not_to_say", "skip"),
    "name": ("person", "who", "role", "body", "organisation", "people"),
    # A dialogue's, a round's or an invitee's `mode`.
    **MODE_WORDS,
    # A plan action's `status` and `priority`.
    "not_started": ("todo", "to_do", "new", "open", "proposed", "pending"),
    "in_progress": ("started", "ongoing", "underway", "doing", "in_hand", "progress"),
    "done": ("complete", "completed", "finished", "closed", "achieved"),
    "dropped": ("cancelled", "canceled", "abandoned", "removed", "deleted", "withdrawn"),
    "high": ("urgent", "top_priority", "critical"),
    "medium": ("med", "normal", "moderate", "mid"),
    # Keys written by another name: a node's, a probe's or a question's.
    "ask": ("question", "asks", "question_id", "q"),
    "say": ("text", "message", "statement", "intro", "speak", "tell"),
    "end": ("finish", "stop", "bye", "goodbye", "close"),
    "next": ("then", "go_to", "next_node", "goto"),
    "when": ("if", "condition", "rule"),
}
"""Each fixed value and key of the file formats, with the words an author is likely to
write for it (`on = "weak"` meant "low", `question =` in a node meant `ask =`): read by
`closest` only where that value or key is one of those allowed, so a suggestion always
names one that exists."""


def _plain(word: str) -> str:
    """A word as `MEANT` lists it: lower case, apostrophes dropped, other marks as _."""
    return re.sub(r"[^a-z0-9]+", "_", str(word).casefold().replace("'", "").replace("’", "")).strip(
        "_"
    )


def _meant_by() -> dict[str, tuple[str, ...]]:
    """`MEANT` turned round: for each word, the values it may stand for."""
    by: dict[str, tuple[str, ...]] = {}
    for value, words in MEANT.items():
        for word in (value, *words):
            by[word] = (*by.get(word, ()), value)
    return by


_MEANT_BY = _meant_by()


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word a misspelt one is near enough to be meant (the one rule of "did you
    mean"), or None: the same word in other capitals or marks, else a word an author is
    likely to write for a fixed value (`MEANT`), else the nearest in spelling."""
    names = [str(k) for k in known]
    # The same word in other capitals ("D2" for "d2") is the likeliest meant of all.
    same = [k for k in names if k.casefold() == str(word).casefold()]
    same = same or [k for k in names if _plain(k) == _plain(word)]
    if same:
        return same[0]
    meant = [k for k in _MEANT_BY.get(_plain(word), ()) if k in names]
    if meant:
        return meant[0]
    match = difflib.get_close_matches(str(word), names, n=1, cutoff=0.6)
    return match[0] if match else None


def suggest(word: str, known: Iterable[str]) -> str:
    """A "did you mean" phrase for a misspelt word, or nothing."""
    match = closest(word, known)
    return f'; did you mean "{match}"?' if match is not None else ""


LISTED = 12
"""At most this many names are listed where an unknown one has no likely spelling."""


def listing(known: Iterable[str], none: str = "; there are none") -> str:
    """The names that may be given, in their natural order (h1_2 before h1_10), as
    "; they are: ...", at most `LISTED` of them; `none` when there are none."""
    ordered = sorted(
        {str(k) for k in known},
        key=lambda n: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", n)],
    )
    if not ordered:
        return none
    more = f" ... ({len(ordered)} in all)" if len(ordered) > LISTED else ""
    return "; they are: " + ", ".join(ordered[:LISTED]) + more


def suggest_or_list(word: str, known: Iterable[str], none: str = "; there are none") -> str:
    """For a name that is not one of those allowed: the one meant ("did you mean"), else
    the names that are (the one rule of every refused choice)."""
    names = list(known)
    return suggest(word, names) or listing(names, none)


def suggest_nearest(word: str, known: Iterable[str]) -> str:
    """A "did you mean" phrase naming the nearest known word however far it is (case
    ignored; the earlier of equals), or nothing when none shares a letter with it: for a
    value that must be one of a few (an invitee id), where a short slip ("a9" for "a1")
    is too far for ``suggest`` and the nearest is still the likeliest meant."""
    typed = str(word).casefold()
    best, score = "", 0.0
    for candidate in known:
        ratio = difflib.SequenceMatcher(None, typed, str(candidate).casefold()).ratio()
        if ratio > score:
            best, score = str(candidate), ratio
    return f'; did you mean "{best}"?' if best else ""


def dotted(loc: Sequence[str | int]) -> str:
    """A pydantic location as a dotted key path: ``areas[0].questions[1].id``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def find_line(text: str, loc: Sequence[str | int]) -> int | None:
    """Best effort: the line of a key path in TOML text (tomllib gives no positions)."""
    lines = text.splitlines()
    start = 0
    table: list[str] = []
    found: int | None = None
    for index, part in enumerate(loc):
        if isinstance(part, int):
            name = ".".join(table)
            hits = [n for n in range(start, len(lines)) if heading(lines[n]) == (name, True)]
            if not hits and found is not None:
                # An inline array, one table per line: `rag = [ {...}, {...} ]`.
                hits = _inline_items(lines, found - 1)
            if part >= len(hits):
                return found
            start = hits[part]
            found = start + 1
            continue
        table.append(part)
        last = index == len(loc) - 1
        key = re.compile(r"^\s*(\"?)" + re.escape(part) + r"\1\s*=")
        inline = re.compile(r"[{,]\s*" + re.escape(part) + r"\s*=")
        for n in range(start, len(lines)):
            header = heading(lines[n])
            name = ".".join(table)
            # A table is also found by the heading of one inside it ([[area.questions]]
            # gives the key "area").
            in_header = header is not None and (
                part in header[0].split(".")
                if not last
                else header[0] == name or header[0].startswith(name + ".")
            )
            if key.match(lines[n]) or in_header or inline.search(lines[n]):
                start, found = n, n + 1
                break
        else:
            return found
    return found


def _inline_items(lines: list[str], at: int) -> list[int]:
    """The lines of an inline array's tables, one per line, from the key's line on."""
    items = []
    for n in range(at, len(lines)):
        text = lines[n].strip()
        if n > at and (
            text.startswith("]") or heading(lines[n]) or re.match(r"^[\w\"-]+\s*=", text)
        ):
            break
        if text.startswith("{") or (n == at and re.search(r"\[\s*\{", text)):
            items.append(n)
    return items


def _set_above_tables(text: str, key: str) -> bool:
    """Whether a top-level key is already set above the first table heading (then moving
    another one up would set it twice)."""
    for line in text.splitlines():
        if heading(line):
            return False
        if re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return True
    return False


def heading(line: str) -> tuple[str, bool] | None:
    """A table heading's dotted name and whether it is an array of tables ([[name]]), or
    None for a line that is no heading."""
    match = re.match(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
    if not match:
        return None
    name = ".".join(p.strip().strip('"') for p in match.group(2).split("."))
    return name, match.group(1) == "[["


def from_validation(
    error: ValidationError,
    file: str,
    text: str,
    model: type[BaseModel],
    prefix: Sequence[str | int] = (),
) -> list[Problem]:
    """Pydantic's errors rewritten in TOML words, with lines and suggestions."""
    problems = []
    items = error.errors(include_url=False)
    for item in items:
        if item["type"] in ("too_short", "string_too_short") and _knock_on(item["loc"], items):
            continue
        loc = [*prefix, *item["loc"]]
        loc = [p for p in loc if not (isinstance(p, str) and p.startswith("function-"))]
        kind = item["type"]
        given = item.get("input")
        ctx = item.get("ctx") or {}
        path = dotted(loc)
        if kind == "extra_forbidden":
            allowed = _fields_at(model, list(item["loc"])[:-1])
            name = str(loc[-1])
            hint = suggest(name, allowed) if allowed else ""
            hint = hint or _belongs_in(model, list(item["loc"])[:-1], name)
            known = f" (known keys: {', '.join(sorted(allowed))})" if allowed and not hint else ""
            message = f'unknown key "{name}"{hint}{known}'
            if (
                len(item["loc"]) > 1
                and not hint
                and name in _fields_at(model, [])
                and not _set_above_tables(text, name)
            ):
                # TOML puts every key after a [table] heading into that table.
                message = (
                    f"{name} is a top-level key: move it above the first [table] (every key "
                    "after a [table] heading belongs to that table)"
                )
        elif kind == "missing":
            message = f'missing required key "{loc[-1]}"' + _missing_table(model, item["loc"])
            path = dotted(loc[:-1])
            loc = loc[:-1]
        elif kind == "literal_error":
            message = (
                f"expected {ctx.get('expected', 'one of the allowed values')}, found {_show(given)}"
            )
            hint = suggest(str(given), re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
            message += hint
        elif kind == "string_pattern_mismatch" and loc and loc[-1] == "letter":
            message = (
                f"{_show(given)} is not an action letter or label: use the seed's letter "
                'within the area, one or two lower case letters ("a"), or its own label, '
                'capitals then digits ("R2")'
            )
        elif kind == "string_pattern_mismatch":
            letters = "letters" if "A-Z" in str(ctx.get("pattern", "")) else "lower case letters"
            message = f"{_show(given)} is not a valid id: use {letters}, digits, - and _"
            if "a-z0-9_]*$" in str(ctx.get("pattern", "")) and "-" not in str(ctx.get("pattern")):
                message = f"{_show(given)} is not a valid question id: use lower case letters, digits and _, starting with a letter"
        elif kind in (
            "string_type",
            "float_type",
            "int_type",
            "bool_type",
            "dict_type",
            "model_type",
        ):
            wanted = {
                "string_type": "text in quotes",
                "float_type": "a number",
                "int_type": "a whole number",
                "bool_type": "true or false",
                "dict_type": "a table",
                "model_type": "a table",
            }[kind]
            # A number as the file writes it ("1.10"), not as it reads (1.1).
            numeral = isinstance(given, int | float) and not isinstance(given, bool)
            shown = (as_written(text, loc, given) if numeral else None) or _show(given)
            message = f"expected {wanted}, found {shown}"
            if isinstance(given, bool) and kind in ("float_type", "int_type"):
                # true is no number, though Python would count it as 1.
                message = f"expected {wanted}, got {_show(given)}: true and false are not numbers"
            message += _written_as(kind, given, model, list(item["loc"]), text, loc)
        elif kind in ("float_parsing", "int_parsing", "int_from_float"):
            whole = "a whole number" if kind != "float_parsing" else "a number"
            message = f"expected {whole}, found {_show(given)}"
            message += _written_as(kind, given, model, list(item["loc"]), text, loc)
        elif kind == "bool_parsing":
            message = f"expected true or false, found {_show(given)}"
            message += _written_as(kind, given, model, list(item["loc"]), text, loc)
        elif kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
            message = f"{_show(given)} is out of range: {item['msg'][0].lower() + item['msg'][1:]}"
        elif kind in ("too_short", "string_too_short"):
            message = "must not be empty"
        elif kind == "string_too_long":
            message = f"is too long ({item['msg'][0].lower() + item['msg'][1:]})"
        elif kind in ("tuple_type", "list_type"):
            message = f"expected a list (an array, or [[...]] tables), found {_show(given)}"
            message += _written_as(kind, given, model, list(item["loc"]), text, loc)
        elif kind == "value_error":
            message = str(ctx.get("error", item["msg"]))
        else:
            message = item["msg"][0].lower() + item["msg"][1:]
        line = find_line(text, loc) if text else None
        problems.append(Problem(file, path, message, line))
    return problems


NUMBER_IN_QUOTES = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*%?\s*")
"""A number written as text ("40", "40%"), which TOML reads as words."""


def _written_as(
    kind: str,
    given: object,
    model: type[BaseModel],
    loc: list[str | int],
    text: str = "",
    at: Sequence[str | int] = (),
) -> str:
    """How a value of the wrong type is written as the key expects, where that is plain:
    a number or true/false without quotes, words in quotes (a number quoted as the file
    writes it, `text` at `at`: "1.10", never the 1.1 it reads as), a table in braces with
    its keys, a single table put in a list; else nothing. A list's item is named as the
    item, not as the whole list's key."""
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if not key:
        return ""
    item = bool(loc) and isinstance(loc[-1], int)
    it = "the item" if item else "it"

    def fixed(value: str) -> str:
        return value if item else f"{key} = {value}"

    if kind in ("float_type", "int_type", "float_parsing", "int_parsing") and isinstance(
        given, str
    ):
        number = NUMBER_IN_QUOTES.fullmatch(given)
        if number and (kind.startswith("float") or "." not in number.group(1)):
            return f"; write the number without quotes: {fixed(number.group(1))}"
    if kind in ("bool_type", "bool_parsing") and str(given).strip().casefold() in (
        "true",
        "false",
    ):
        return f"; write {it} without quotes: {fixed(str(given).strip().casefold())}"
    if kind == "string_type" and isinstance(given, int | float) and not isinstance(given, bool):
        written = as_written(text, at or loc, given)
        if written is None:
            return f"; put {it} in quotes, as the file writes it: " + fixed('"..."')
        return f"; put {it} in quotes: " + fixed(f'"{written}"')
    if kind in ("dict_type", "model_type"):
        table = _model_at(model, loc)
        if table is not None:
            fields = table.model_fields.items()
            keys = [f.alias or n for n, f in fields if f.is_required()] or [
                f.alias or n for n, f in list(fields)[:2]
            ]
            inside = ", ".join(f"{k} = ..." for k in keys)
            return f"; a table is written in braces: {key} = {{ {inside} }}"
    if kind in ("tuple_type", "list_type") and isinstance(given, dict):
        return f"; put it in brackets, as a list of one: {key} = [{{ ... }}]"
    return ""


def as_written(text: str, loc: Sequence[str | int], given: object) -> str | None:
    """A value as the TOML text writes it (``1.10``, which reads as 1.1), at a key path
    (a list's item by its index), or None where it cannot be found as written: best
    effort, and only a text that reads as ``given`` is returned."""
    path = list(loc)
    index = path.pop() if path and isinstance(path[-1], int) else None
    if not text or not path or not isinstance(path[-1], str):
        return None
    line = find_line(text, path)
    lines = text.splitlines()
    if line is None or line > len(lines):
        return None
    key = re.search(r"(?:^|[{,])\s*([\"']?)" + re.escape(path[-1]) + r"\1\s*=\s*", lines[line - 1])
    if key is None:
        return None
    rest = "\n".join([lines[line - 1][key.end() :], *lines[line:]])
    if index is None:
        token = re.match(r"[^\s,}\]#]+", rest)
        written = token.group() if token else None
    else:
        items = _array_items(rest)
        written = items[index] if index < len(items) else None
    if written is None:
        return None
    try:
        read = toml_reader.loads(f"v = {written}")["v"]
    except toml_reader.TOMLDecodeError:
        return None
    return written if read == given and type(read) is type(given) else None


def _array_items(text: str) -> list[str]:
    """The items of the TOML array ``text`` starts with, each as written (nested arrays and
    tables whole, quoted text kept, comments left out); [] for no array."""
    if not text.startswith("["):
        return []
    items: list[str] = []
    depth, current, at = 0, "", 0
    while at < len(text):
        char = text[at]
        if char in "\"'":
            end = text.find(char, at + 1)
            while char == '"' and end > 0 and text[end - 1] == "\\":
                end = text.find(char, end + 1)
            if end < 0:
                return []
            current += text[at : end + 1]
            at = end + 1
            continue
        if char == "#":
            end = text.find("\n", at)
            at = end if end >= 0 else len(text)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return [*items, current.strip()] if current.strip() else items
        elif char == "," and depth == 1:
            items.append(current.strip())
            current = ""
            at += 1
            continue
        if at > 0:
            current += char
        at += 1
    return items


def _knock_on(loc: tuple[str | int, ...], items: Sequence[Any]) -> bool:
    """Whether a list counts as too short only because its items failed: pydantic counts the
    valid ones, so a wrong key inside the only question would also say "must not be empty"."""
    return any(
        len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == tuple(loc)
        for other in items
    )


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value[:60]}"'
    return repr(value)[:60]


def _fields_at(model: type[BaseModel], loc: list[str | int]) -> list[str]:
    """The keys a model accepts at a location, for "did you mean"."""
    current = _model_at(model, loc)
    if current is not None:
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _belongs_in(model: type[BaseModel], parent: list[str | int], name: str) -> str:
    """For an unknown key that is a key of a table found here (publisher, written above
    [source] rather than under it): where it goes; else nothing. A key of a list of tables
    ([[areas]]) is not placed: which of them it belongs to cannot be told."""
    if not all(isinstance(part, str) for part in parent):
        return ""
    for table in _fields_at(model, parent):
        inner = _model_at(model, [*parent, table])
        if (
            inner is not None
            and not _is_listed(model, [*parent, table])
            and name in _fields_at(model, [*parent, table])
        ):
            return f"; {name} is a key of {_heading_of(model, [*parent, table])}: put it under that heading"
    return ""


def _is_listed(model: type[BaseModel], loc: Sequence[str | int]) -> bool:
    """Whether the key at a location holds a list (of tables: written [[areas]], one
    heading for each), not a single table ([source]): the one rule of how a hint names a
    table's heading."""
    if not loc or not isinstance(loc[-1], str):
        return False
    parent = _model_at(model, list(loc[:-1])) if loc[:-1] else model
    if parent is None:
        return False
    field = parent.model_fields.get(loc[-1]) or next(
        (f for f in parent.model_fields.values() if f.alias == loc[-1]), None
    )
    if field is None:
        return False
    annotation: object = field.annotation
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = options[0] if options else None
    return typing.get_origin(annotation) in (tuple, list)


def _heading_of(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    """The heading a table at a location is written under, as the format needs it: [[name]]
    for one of a list of tables (`_is_listed`), else [name]."""
    name = ".".join(str(part) for part in loc if isinstance(part, str))
    return f"[[{name}]]" if _is_listed(model, loc) else f"[{name}]"


def _missing_table(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    """For a required key missing at a location: when it is a table of its own keys (a
    framework's [source]) or a list of them ([[areas]]), what to add under the heading the
    format needs, with the keys it needs (a table among them by its own heading); else
    nothing."""
    if not loc or not isinstance(loc[-1], str):
        return ""
    table = _model_at(model, list(loc))
    if table is None:
        return ""
    keys = []
    for key, info in table.model_fields.items():
        if not info.is_required():
            continue
        inner = [*loc, info.alias or key]
        if _model_at(model, inner) is None:
            keys.append(f"{info.alias or key} = ...")
        elif _is_listed(model, inner):
            keys.append(f"{_heading_of(model, inner)} tables")
        else:
            keys.append(f"a {_heading_of(model, inner)} table")
    listed = names_words(keys)
    if _is_listed(model, loc):
        return f": add {_heading_of(model, loc)} tables" + (
            f", each with {listed}" if listed else ""
        )
    return f": add a {_heading_of(model, loc)} table" + (f" with {listed}" if listed else "")


def _model_at(model: type[BaseModel], loc: list[str | int]) -> type[BaseModel] | None:
    """The model of the table at a location, or None where it is not a table of keys."""
    from pydantic import BaseModel

    current: object = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                info = next((f for f in current.model_fields.values() if f.alias == part), None)
            if info is None:
                return None
            current = info.annotation
        else:
            # A dict[str, Model]: the key is a name, the value is the model.
            args = typing.get_args(current)
            current = args[-1] if args else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _unwrap(annotation: object) -> object:
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if options else None
        elif origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def display_name(path: Path) -> str:
    """A path as the user would recognise it, relative to here when inside it, and safe to
    show: a name can hold control characters, which are shown (``\x1b``), never obeyed."""
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop of links (3.11, 3.12)
        shown = str(path)
    return printable(shown)
