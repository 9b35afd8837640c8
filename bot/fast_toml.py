"""A fast reader for the turns of a transcript as this program writes them.

A transcript's turns are `[[turns]]` tables of plain `key = value` lines (strings, whole
numbers, decimals, booleans, date-times), written by tomli_w. Reading those lines
directly is several times quicker than a general TOML parser, which matters when
thousands of transcripts are aggregated. Anything outside that layout (a comment, an
inline table, an escape JSON does not share) makes `parse` return None, and the caller
uses tomllib: the result is always exactly what tomllib gives (tests check it).
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import datetime
from typing import Any

TURNS = "\n[[turns]]\n"
_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*) = (.+)")
_INT = re.compile(r"[+-]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[+-]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d{6})?([+-]\d\d:\d\d|Z)?")
# Raw tabs are allowed in TOML basic strings (and tomli_w writes them); other control
# characters must be escaped.
_SAFE_STRING = re.compile(r'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4})*"')


class _NotSimple(Exception):
    """The text is not in the simple layout; use tomllib."""


def parse(text: str) -> dict[str, Any] | None:
    """The same dict tomllib.loads(text) gives, or None when the fast path does not apply."""
    first = text.find(TURNS)
    if first < 0:
        return None
    try:
        data = tomllib.loads(text[:first])
        if "turns" in data:
            return None
        data["turns"] = [_table(block) for block in text[first + len(TURNS) :].split(TURNS)]
    except (_NotSimple, tomllib.TOMLDecodeError, ValueError):
        return None
    return data


def _table(block: str) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for line in block.split("\n"):
        if not line:
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise _NotSimple
        key, value = match.groups()
        if key in table:
            raise _NotSimple
        table[key] = _value(value)
    return table


def _value(text: str) -> Any:
    first = text[0]
    if first == '"':
        if not _SAFE_STRING.fullmatch(text) or ("\\u" in text and _surrogate(text)):
            raise _NotSimple
        return json.loads(text, strict=False)  # strict=False: raw tabs, as TOML allows
    if text == "true":
        return True
    if text == "false":
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _DATETIME.fullmatch(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    raise _NotSimple


def _surrogate(text: str) -> bool:
    """TOML forbids \\u escapes of surrogates, which JSON would pair up."""
    return bool(re.search(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", text))
