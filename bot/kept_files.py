"""Files a report, comparison or plan must never be written over: the one rule every
command that writes a file the user named follows (`bot.cli_output.output_refusal`).

A file is kept when it is one of the command's own inputs (the same file, however it is
reached: a link, another name for it), or when it is one of the program's own files,
recognised by what it holds and not only by its name: a transcript, a round's
description (round.toml), its action plan (plan.toml), its call log (calls.jsonl) or
reminders log (reminders.jsonl), a framework or a dialogue. Writing a report over any
of them would lose respondents' answers or a round's invitees.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

_READ = 16_384
"""How much of a file is read to tell what it is: every kind is known by its first lines."""

_BY_NAME = {
    "round.toml": "a round's description (round.toml)",
    "plan.toml": "a round's action plan (plan.toml)",
    "calls.jsonl": "a round's call log (calls.jsonl)",
    "reminders.jsonl": "a round's reminders log (reminders.jsonl)",
}
"""A round's own files by name."""

_TOML_KINDS = (
    # (what it is, the lines that must all be there)
    ("a transcript", (r"^\[framework\]\s*$", r"^\[dialogue\]\s*$")),
    ("a round's description (round.toml)", (r"^framework\s*=", r"^\[\[invitees\]\]|_dialogue\s*=")),
    ("a round's action plan (plan.toml)", (r"^round\s*=", r"^compiled\s*=")),
    ("a dialogue", (r"^framework\s*=", r"^start\s*=", r"^\[nodes\.")),
    ("a framework", (r"^id\s*=", r"^version\s*=", r"^\[scales\.")),
)
"""Each TOML file of the program's by the lines its top part always holds."""

_JSONL_KINDS = (
    ("a round's call log", {"invitee", "outcome"}),
    ("a round's reminders log", {"invitee", "by"}),
)
"""Each log of a round's by the keys its entries always hold."""


def kept_file(target: Path, inputs: Sequence[Path] = ()) -> str:
    """What ``target`` is when a command must not write over it ("" when it may): one of
    ``inputs`` (files the command reads; compared as files, so a link or a second name
    for one counts), or a file of the program's own (`kind`). A name that does not exist
    yet, a folder, a device or a pipe is never a kept file."""
    try:
        info = os.stat(target)  # through links: what would be written is what it names
    except (OSError, ValueError):
        return ""
    if not os.path.isfile(target):
        return ""
    what = kind(target)
    for source in inputs:
        with contextlib.suppress(OSError, ValueError):
            other = os.stat(source)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return f"{what or 'a file'} this command reads"
    return what


def kind(path: Path) -> str:
    """What a file of the program's own is ("a transcript", "a round's call log
    (calls.jsonl)", ...), by its name and by what its first lines hold; "" for any
    other file (a report, a file that cannot be read)."""
    name = os.path.basename(os.path.realpath(path))
    by_name = _BY_NAME.get(name, "")
    try:
        with open(path, "rb") as file:
            head = file.read(_READ).decode("utf-8", "replace")
    except OSError:
        return by_name
    return _kind_of_text(head) or by_name


def _kind_of_text(head: str) -> str:
    """What the first part of a file holds, by its shape ("" when none of the program's)."""
    for what, lines in _TOML_KINDS:
        if all(re.search(line, head, re.MULTILINE) for line in lines):
            return what
    first = head.lstrip().split("\n", 1)[0]
    if first.startswith("{"):
        with contextlib.suppress(ValueError):
            entry = json.loads(first)
            if isinstance(entry, dict):
                for what, keys in _JSONL_KINDS:
                    if keys <= entry.keys():
                        return what
    return ""
