"""Bounds every TOML file is held to once it is parsed: nesting, numbers and dates.

The size limit is checked before a file is read (`bot.limits.MAX_FILE_BYTES`); these
are checked on the parsed data, whichever TOML reader produced it, so that nothing a
user can hand-edit into a transcript, framework, dialogue or round file reaches the
engine, the scoring or a report as a value that would overflow, recurse without end or
print as NaN. The formats themselves need far less than these bounds allow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from bot.problems import Problem, dotted, find_line

MAX_DEPTH = 12
"""Tables and arrays inside each other, the file itself counting 1 (the formats need 6)."""
MAX_NUMBER = 10**12
"""The largest size of any number, whole or decimal (a million million)."""
YEARS = (1900, 2999)
"""The first and last year a date may be in, so that converting it to another time zone
or adding a due date's days to it can never overflow."""
MAX_PROBLEMS = 20
"""Problems listed per file; more would bury the first."""

_LONG_NUMBER = re.compile(r"[0-9][0-9_]{40,}")


def bounds_problems(data: dict[str, Any], name: str, text: str) -> list[Problem]:
    """Every value in parsed TOML data outside the bounds, with its key and line.

    The walk uses its own stack, not recursion, and does not enter a table or array
    nested too deeply, so no data can make it overflow.
    """
    problems: list[Problem] = []

    def problem(loc: Sequence[str | int], message: str) -> None:
        problems.append(Problem(name, dotted(loc), message, find_line(text, loc)))

    stack: list[tuple[Any, tuple[str | int, ...], int]] = [(data, (), 1)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, loc, depth = stack.pop()
        kind = type(value)
        if kind is dict or kind is list:
            if depth > MAX_DEPTH:
                problem(
                    loc,
                    f"is nested {MAX_DEPTH + 1} or more tables or arrays deep; "
                    f"at most {MAX_DEPTH} are read",
                )
                continue
            items = list(value.items() if kind is dict else enumerate(value))
            stack.extend((item, (*loc, key), depth + 1) for key, item in reversed(items))
        elif kind is bool:
            continue
        elif kind is int:
            if abs(value) > MAX_NUMBER:
                problem(loc, f"{_short(value)} is out of range; {number_range()}")
        elif kind is float:
            if math.isnan(value):
                problem(loc, f"nan is not a number; {number_range()}")
            elif math.isinf(value):
                problem(loc, f"{_short(value)} is not a finite number; {number_range()}")
            elif abs(value) > MAX_NUMBER:
                problem(loc, f"{_short(value)} is out of range; {number_range()}")
        elif kind is datetime or kind is date:
            why = out_of_years(value)
            if why:
                problem(loc, why)
    return problems


def out_of_years(value: date) -> str:
    """Why a date or time is out of range (its year outside `YEARS`), or "": one rule for
    every date read from a file or typed as an option."""
    if YEARS[0] <= value.year <= YEARS[1]:
        return ""
    return (
        f"{value.isoformat()} is out of range; dates must be in the years {YEARS[0]} to {YEARS[1]}"
    )


def too_long_number(text: str) -> int | None:
    """The line of a number too long to be read at all, if there is one."""
    match = _LONG_NUMBER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def number_range() -> str:
    """What numbers may be, for messages."""
    return f"numbers must be between -{MAX_NUMBER:,} and {MAX_NUMBER:,}"


def _short(value: float) -> str:
    shown = repr(value)
    return shown if len(shown) <= 24 else f"a number of {len(shown):,} digits"
