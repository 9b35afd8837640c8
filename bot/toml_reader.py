"""The one TOML reader: what tomllib reads, read by rtoml (compiled), several times quicker.

Every TOML file the program reads (transcripts, frameworks, dialogues) goes through
`loads`, and its answer is always tomllib's: the same data, or tomllib's own error.

- rtoml reads TOML 1.1 as well, whose additions tomllib (TOML 1.0) refuses: the `\\e` and
  `\\x` escapes, inline tables across lines or with a trailing comma, times without
  seconds, a byte-order mark. Text that may hold one of those is read by tomllib, which
  refuses or accepts it exactly as before: a backslash-e or -x, a brace or a leading
  byte-order mark anywhere (so frameworks and dialogues, written with inline tables, are
  always read by tomllib); a time on the hour's minute (seconds 0) whose hours and
  minutes appear in the text without seconds after them.
- So is a multi-line string in text with carriage returns: tomllib turns its CRLF line
  ends into LF, rtoml keeps them.
- Whatever rtoml refuses (an error, or its own limits: nesting deeper than about 80, a
  float beyond 1e308) tomllib reads too, so the error a user sees is tomllib's.
- rtoml gives date-times its own tzinfo class, which cannot be pickled; they are given
  `datetime.timezone` offsets, as tomllib gives.

Tests check that the answer equals tomllib's for what the program writes, for hand-edited
and arbitrary text, and for every shipped file.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, time, timezone
from typing import Any

import rtoml

TOMLDecodeError = tomllib.TOMLDecodeError
"""The error `loads` raises for text that is not TOML (tomllib's, with its message)."""

_BEYOND_1_0 = ("\\e", "\\x", "{")
_MULTI_LINE = ('"""', "'''")


class _Beyond(Exception):
    """rtoml read something TOML 1.0 does not have."""


def loads(text: str) -> dict[str, Any]:
    """TOML text as tomllib reads it; raises `TOMLDecodeError` with tomllib's message."""
    if needs_tomllib(text):
        return tomllib.loads(text)
    try:
        data = rtoml.loads(text)
    except Exception:  # rtoml's error, or one of its limits: tomllib decides
        return tomllib.loads(text)
    try:
        return _as_tomllib_gives(data, text)
    except _Beyond:
        return tomllib.loads(text)


def needs_tomllib(text: str) -> bool:
    """Whether the text, before it is read, may hold something rtoml reads differently."""
    return (
        any(mark in text for mark in _BEYOND_1_0)
        or text.startswith("\ufeff")
        or ("\r" in text and any(quotes in text for quotes in _MULTI_LINE))
    )


def _as_tomllib_gives(table: dict[str, Any] | list[Any], text: str) -> Any:
    """Give every aware date-time a `datetime.timezone`, in place (tables and arrays), and
    raise `_Beyond` at a time that may have been written without seconds."""
    items = table.items() if isinstance(table, dict) else enumerate(table)
    for key, value in items:
        kind = type(value)
        if kind is dict or kind is list:
            _as_tomllib_gives(value, text)
        elif kind is datetime or kind is time:
            if value.second == 0 and value.microsecond == 0 and _without_seconds(value, text):
                raise _Beyond
            offset = value.utcoffset()
            if offset is not None:
                table[key] = value.replace(tzinfo=UTC if not offset else timezone(offset))  # type: ignore[index]
    return table


def _without_seconds(moment: datetime | time, text: str) -> bool:
    """Whether the moment's HH:MM appears with no :SS after it, other than as the minutes
    and seconds of a longer time or an offset such as +01:00."""
    token = f"{moment.hour:02d}:{moment.minute:02d}"
    at = text.find(token)
    while at >= 0:
        after = text[at + 5 : at + 7]
        if not (after[:1] == ":" and after[1:].isdigit()) and text[at - 1 : at] not in ":+-":
            return True
        at = text.find(token, at + 1)
    return False
