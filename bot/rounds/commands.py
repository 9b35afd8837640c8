"""How a round command suggested to the user is spelt: one rule for every command the
round commands (and the round screen) print to be run next, so that each runs as printed
from here, with ``-r`` whenever more than one round could be meant. A command is shown
safe (`bot.text.printable`): a control character in a name (a round folder's, a word
typed) is shown as an escape (``\x1b``), never obeyed; a command of printable words is
shown as it is pasted."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from bot.problems import LoadError, display_name
from bot.text import printable

PROGRAM = "partnership-bot"


def round_option(folder: Path) -> str:
    """`` -r ROUND`` naming the round in ``folder`` as it is found from here, or "" when it is
    the round found without ``-r`` (the round in this folder, or the only round in the
    transcripts folder).

    A printed command runs without ``--transcripts``, so a round is named by its name only
    when that name finds it under the default transcripts folder ($PARTNERSHIP_BOT_TRANSCRIPTS
    or ./transcripts); otherwise by its path from here.
    """
    from bot import store
    from bot.rounds import folder as round_folder

    base = store.default_folder()
    try:
        if round_folder.default_round(base).resolve() == folder.resolve():
            return ""
    except LoadError:
        pass  # no round, or several: -r is needed
    return f" -r {shlex.quote(round_ref(folder, base))}"


def round_ref(folder: Path, transcripts: Path) -> str:
    """How the round in ``folder`` is named to ``-r`` from here: by its name where that
    name finds it under ``transcripts`` (in its rounds/ folder), else by its path (a
    round kept deeper, or elsewhere); safe to show, as `display_name` is."""
    from bot.rounds import folder as round_folder

    here = folder.resolve()
    by_name = round_folder.resolve(here.name, transcripts).resolve() == here
    return printable(here.name) if by_name else display_name(folder)


def file_command(action: str, path: Path, *words: str) -> str:
    """``partnership-bot ACTION FILE WORDS`` (resume, replay, validate a file), the file
    named as from here and quoted, so that the command can be pasted into a shell as
    printed (a name with spaces stays one argument)."""
    return " ".join([PROGRAM, action, shlex.quote(display_name(path)), *words])


def round_command(action: str, *words: str, folder: Path) -> str:
    """``partnership-bot round ACTION WORDS [-r ROUND]`` for the round in ``folder``, to be
    run as printed (``round_option`` says when ``-r`` is needed). ``words`` are shown as
    given (a control character as an escape): ids, options and placeholders such as
    ``FILE.csv``."""
    return printable(" ".join([PROGRAM, "round", action, *words]) + round_option(folder))


def again_with_round(typed: Sequence[str], folder: Path, transcripts: Path) -> str:
    """The command as it was typed (``typed``: every word after the program's name, each
    option and value in its place, none left out) with ``-r`` naming the round in
    ``folder`` added, quoted to be pasted into a shell. ``-r`` goes at the end, or before
    a ``--`` (after which no option is read). The round is named as ``-r`` finds it from
    ``transcripts``, the folder the command read: a ``--transcripts`` typed is repeated.
    Shown safe: a control character typed or in the round's name as an escape."""
    words = list(typed)
    at = words.index("--") if "--" in words else len(words)
    words[at:at] = ["-r", round_ref(folder, transcripts)]
    return printable(shlex.join([PROGRAM, *words]))
