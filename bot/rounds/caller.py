"""Who is calling: the officer whose name goes into the call log, an interview's transcript
and so the report ("Interviewed by"). One rule for the command line and the app:

1. ``--caller NAME`` (the app: the interviewer it last took an interview as while it runs,
   the name it was opened with or typed in its New interview form);
2. else ``$PARTNERSHIP_BOT_CALLER``;
3. else the name remembered when it was last asked for (``caller.txt`` in the user folder);
4. else the front end asks for it, and remembers the answer (the app's home screen asks
   before it resumes an interview, offering the name of whoever began it). A name is never
   made up: a placeholder such as "Interviewer" would end up in a board paper.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from bot.text import printable

if TYPE_CHECKING:
    from bot.conversation import Conversation

VARIABLE = "PARTNERSHIP_BOT_CALLER"
FILE = "caller.txt"
APP_WAY = (
    f"the app takes the caller's name from ${VARIABLE}, else the name given when last "
    f"asked ({FILE} in your user folder), and asks for it when a call or an interview "
    f'needs one (run it as {VARIABLE}="Your name" partnership-bot)'
)
"""How the app (run with no command) learns who is calling: said where ``--caller`` is
given to it."""
LONGEST = 200
"""As the call log allows."""


def remembered_path() -> Path:
    """Where the name asked for last time is kept: the user folder (``$PARTNERSHIP_BOT_DATA``)."""
    from bot.catalogue import user_folder

    return user_folder() / FILE


def check_name(text: str) -> str:
    """Why a typed name cannot be the caller's, or "" when it can."""
    name = text.strip()
    if not name:
        return "Type your name."
    if not any(c.isalpha() for c in name):
        return "A name has letters in it."
    if len(name) > LONGEST:
        return f"At most {LONGEST} characters."
    if printable(name) != name or any(c in name for c in "\r\n\t"):
        return "A name cannot hold control characters."
    return ""


def remembered() -> str:
    """The name remembered when last asked for, or "" (none, unreadable, or not a name)."""
    from bot.loading import file_text

    name = file_text(remembered_path()).strip()  # "" when it cannot be read
    return name if not check_name(name) else ""


def known_caller(given: str | None = None) -> str:
    """The caller by the rule above (steps 1 to 3), or "" when the front end must ask."""
    for name in (given, os.environ.get(VARIABLE)):
        if name and name.strip():
            return name.strip()
    return remembered()


def remember(name: str) -> Path:
    """Keep a name asked for (durably: atomic replace and fsync); returns the file."""
    from bot.files import write_atomically

    path = remembered_path()
    write_atomically(path, name.strip() + "\n")
    return path


def not_remembered(error: OSError, in_app: bool = False) -> str:
    """Why a name asked for was not kept (``remember`` failed): the file in full, why, and
    what to do (`bot.files.remedy`); ``in_app``: as a sentence of its own, saying that the
    name is used all the same until the app closes."""
    from bot.files import remedy

    why = (
        f"the name could not be remembered in {printable(str(remembered_path()))} "
        f"({printable(error.strerror or str(error))}): {remedy(error)}"
    )
    return f"T{why[1:]}; it is used until the app closes" if in_app else why


def carried_on_by(talk: Conversation, given: str | None = None) -> str:
    """Name the officer carrying a telephone interview on, wherever it is resumed (the
    command line, the app's home screen, a round): ``given``, else by the rule above
    (steps 1 to 3: outside a round the command line asks nobody; the app's home screen
    asks when this finds no one). The name goes on the call's
    resumption (``Turn.by``) when it is not the officer who began it, so that the report
    names everyone who interviewed; a self-assessment names no one. Returns the name, ""
    when none is known."""
    talk.interviewer = known_caller(given) if talk.session.telephone else ""
    return talk.interviewer
