"""Names given on the command line (a respondent, an officer, an organisation, a round's
title): one check for every option that takes one.

A name given as nothing but spaces (an empty shell variable, a stray pair of quotes) is
refused with what to do instead, rather than making an unnamed transcript, a nameless
round or a call log entry with no caller. Leaving an optional name out is still allowed:
it is giving one that is blank that is a mistake.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def named(what: str, instead: str = "") -> Callable[[str], str]:
    """An argparse ``type`` for a name: the text with its outer spaces removed, refused
    when blank. ``what`` says what the name is ("the respondent's name"); ``instead``,
    for an option that may be left out, what leaving it out does ("to leave them
    unnamed")."""
    otherwise = f", or leave the option out {instead}" if instead else ""

    def check(text: str) -> str:
        name = text.strip()
        if not name:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is blank: give {what}{otherwise}")
        return name

    return check


def officer(what: str) -> Callable[[str], str]:
    """An argparse ``type`` for the caller's (or interviewer's) name: the caller rule's own
    check (``bot.rounds.caller.check_name``), so the command line refuses what the prompt
    does."""

    def check(text: str) -> str:
        from bot.rounds.caller import VARIABLE, check_name

        why = check_name(text)
        if why:
            detail = (
                "is blank"
                if not text.strip()
                else f"is not a name ({why[0].lower()}{why[1:].rstrip('.')})"
            )
            raise argparse.ArgumentTypeError(
                f"{_shown(text)} {detail}: give {what}, or leave the option out to use "
                f"${VARIABLE} or the name you gave last time (asked for at a terminal)"
            )
        return text.strip()

    return check


def _shown(text: str) -> str:
    from bot.text import printable

    return f'"{printable(text)}"'


def add_caller(sub: argparse.ArgumentParser, *aliases: str) -> None:
    """The ``--caller NAME`` option, for every command that logs a call or takes an
    interview (``aliases``: other names it keeps answering to)."""
    from bot.rounds.caller import VARIABLE

    sub.add_argument(
        "--caller",
        *aliases,
        dest="caller",
        default=None,  # not "": argparse would check a text default as if it were typed
        type=officer("your name"),
        metavar="NAME",
        help=f"who is calling (default: ${VARIABLE}, else the name you gave when last asked; "
        "asked for at a terminal when there is none)"
        + (f"; {', '.join(aliases)} is the same" if aliases else ""),
    )
