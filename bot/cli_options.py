"""Reading the command line, with a "did you mean" for a misspelt option: the one rule
for every command and subcommand, so that the hint names an option the command that was
given really has (``--formt`` on ``round report`` suggests ``--format``)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence

from bot.problems import closest


def parse(
    parser: argparse.ArgumentParser,
    argv: Sequence[str] | None,
    notes: Mapping[str, str] | None = None,
) -> argparse.Namespace:
    """The arguments as ``parser.parse_args`` reads them; what no option of the command
    given matches is refused as argparse refuses it (usage, exit status 2), by that
    command's own parser, with the nearest option it has. An option of some commands given
    before any command (``partnership-bot --caller Sam``) is refused naming the commands
    that take it, with ``notes``' words for that option (how the program learns it
    otherwise). The words typed are kept too, as ``typed_words`` (see ``typed``)."""
    words = tuple(sys.argv[1:] if argv is None else argv)
    misplaced = _misplaced(parser, words)
    if misplaced:
        level, above, option, commands = misplaced
        note = (notes or {}).get(option, "")
        alone = " ".join(["partnership-bot", *above.split()])
        level.error(
            f"{option} is an option of {', '.join(commands)}, not of {alone} "
            f"alone: give it after one of those commands" + (f"; {note}" if note else "")
        )
    args, extras = parser.parse_known_args(_dash_values(words))
    if extras:
        command = chosen(parser, args)
        command.error(f"unrecognized arguments: {' '.join(extras)}{hints(command, extras)}")
    args.typed_words = words
    return args


DASH_VALUES = ("--at",)
"""Options whose value may begin with "-" (``--at -2h``): read as the option's value, so
that the command says what is wrong with it, not that the option has no value."""


def _dash_values(words: Sequence[str]) -> list[str]:
    """The words, with a value beginning with "-" joined to its option (``--at=-2h``)."""
    joined: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        following = words[at + 1] if at + 1 < len(words) else ""
        if word in DASH_VALUES and re.fullmatch(r"-\s*\d+\s*[a-z]*", following):
            joined.append(f"{word}={following}")
            at += 2
            continue
        joined.append(word)
        at += 1
    return joined


def _misplaced(
    parser: argparse.ArgumentParser, words: Sequence[str]
) -> tuple[argparse.ArgumentParser, str, str, list[str]] | None:
    """The first option given before a command's action (``partnership-bot --caller Sam``,
    ``partnership-bot round --caller Sam status``) that the command so far does not take
    but some of its commands do: the parser it was given to, that command as typed
    ("round", "" for the program), the option, and the commands that take it ("round
    call"); else None. The same rule at every level of commands."""
    level, above = parser, ""
    for word in words:
        names = _choices(level)
        if word in names:
            level, above = names[word], f"{above} {word}".strip()
            continue
        option = word.split("=", 1)[0]
        if not option.startswith("-") or option == "-" or option in _all_options(level):
            continue
        taking = [
            f"{above} {path}".strip()
            for path, sub in _subcommands(level)
            if option in _all_options(sub)
        ]
        if taking:
            return level, above, option, taking
    return None


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """A parser's commands by name (aliases too); none for a command without actions."""
    return {
        name: sub
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
    }


def _all_options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string a parser takes, short and long (``-r``, ``--round``)."""
    return {option for action in parser._actions for option in action.option_strings}


def _subcommands(
    parser: argparse.ArgumentParser, above: str = ""
) -> list[tuple[str, argparse.ArgumentParser]]:
    """Every command and subcommand of a parser, each with its name as typed ("round
    call"), innermost last."""
    found: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:
                    continue  # another name (an alias) of a command already listed
                seen.add(id(sub))
                path = f"{above} {name}".strip()
                found.append((path, sub))
                found.extend(_subcommands(sub, path))
    return found


def typed(args: argparse.Namespace) -> tuple[str, ...]:
    """The command line's words as typed, after the program's name, every option and value
    in its place: what a command suggesting itself again repeats, so that nothing typed is
    dropped (empty for arguments not read by ``parse``)."""
    return tuple(getattr(args, "typed_words", ()))


def chosen(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the innermost subcommand given (``round report``), or ``parser``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            name = getattr(args, action.dest, None)
            sub = action.choices.get(name) if name is not None else None
            if sub is not None:
                return chosen(sub, args)
    return parser


def options(parser: argparse.ArgumentParser) -> list[str]:
    """The long options a parser takes (``--format``, ``--output``)."""
    return [
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--")
    ]


def hints(parser: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """'; did you mean "--format"?' for the misspelt options among ``extras`` that are
    near an option of ``parser`` (each named when there are several), or nothing."""
    known = options(parser)
    found = []
    for extra in extras:
        if not extra.startswith("-") or extra == "-":
            continue  # a value, or a word with no option before it
        typed = extra.split("=", 1)[0]
        hint = closest(typed, known)
        if hint is not None:
            found.append((typed, f'"{hint}"'))
    if not found:
        return ""
    if len(found) == 1:
        return f"; did you mean {found[0][1]}?"
    return "; did you mean " + ", ".join(f"{hint} for {typed}" for typed, hint in found) + "?"
