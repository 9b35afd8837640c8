"""The framework and dialogues a round's round.toml names, loaded: one rule for every
round command, so that a name that finds nothing is blamed on round.toml, its key and
line (never on the command line, where it was not typed)."""

from __future__ import annotations

from bot.catalogue import Catalogue
from bot.loading import LoadedDialogue, LoadedFramework, file_text
from bot.problems import LoadError, Problem, display_name, find_line
from bot.rounds.folder import LoadedRound
from bot.rounds.model import Mode

COMMAND_LINE = "(command line)"
"""Where the catalogue places a name it was given that finds nothing."""


def round_framework(catalogue: Catalogue, loaded: LoadedRound) -> LoadedFramework:
    """The framework round.toml's ``framework`` names; a LoadError at that key and line
    when it names none installed."""
    try:
        return catalogue.framework(loaded.round.framework)
    except LoadError as error:
        raise _in_round(error, loaded, "framework") from None


def round_dialogue(
    catalogue: Catalogue, loaded: LoadedRound, mode: Mode, framework: LoadedFramework
) -> LoadedDialogue | None:
    """The dialogue round.toml names for ``mode`` (``self_dialogue``,
    ``telephone_dialogue``), None when it names none; a LoadError at that key and line
    when it names one that is not installed."""
    ref = loaded.round.dialogue_for(mode)
    if ref is None:
        return None
    key = "self_dialogue" if mode == "self" else "telephone_dialogue"
    try:
        return catalogue.dialogue(ref, framework)
    except LoadError as error:
        raise _in_round(error, loaded, key) from None


def _in_round(error: LoadError, loaded: LoadedRound, key: str) -> LoadError:
    """The error with each problem placed on the command line moved to round.toml's
    ``key``: the name came from there."""
    name = display_name(loaded.path)
    line = find_line(file_text(loaded.path), [key])
    return LoadError(
        [
            Problem(name, key, p.message, line) if p.file == COMMAND_LINE else p
            for p in error.problems
        ]
    )
