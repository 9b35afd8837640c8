"""What `validate` checks in a round beyond loading: the framework and dialogues it names
exist and fit, its call log reads and names only its invitees, its action plan (if any)
reads, and the previous round it names (if any) is there with a plan."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from bot.loading import file_text
from bot.problems import LoadError, Problem, display_name, find_line, suggest
from bot.rounds import calls
from bot.rounds.folder import ROUND_FILE, load_round
from bot.rounds.plan import read_plan
from bot.rounds.plan_review import previous_plan
from bot.rounds.refs import round_dialogue, round_framework


def is_round(path: Path) -> bool:
    """A round.toml, or a folder holding one."""
    return path.name == ROUND_FILE or (path.is_dir() and (path / ROUND_FILE).is_file())


def check_round(path: Path, catalogue: Catalogue) -> list[Problem]:
    """Every problem found in a round (its round.toml and call log)."""
    folder = path.parent if path.name == ROUND_FILE else path
    try:
        loaded = load_round(folder)
    except LoadError as error:
        return list(error.problems)
    round_ = loaded.round
    name = display_name(loaded.path)
    text = file_text(loaded.path)
    problems: list[Problem] = []
    try:
        framework = round_framework(catalogue, loaded)
    except LoadError as error:
        problems.extend(error.problems)
        framework = None
    if framework is not None:
        for key, mode in (("self_dialogue", "self"), ("telephone_dialogue", "telephone")):
            try:
                dialogue = round_dialogue(catalogue, loaded, mode, framework)
            except LoadError as error:
                problems.extend(error.problems)
                continue
            if dialogue is None:
                continue
            ref = getattr(round_, key)
            if dialogue.dialogue.mode != mode:
                problems.append(
                    Problem(
                        name,
                        key,
                        f'"{ref}" is a {dialogue.dialogue.mode} dialogue; {key} needs a {mode} one',
                        find_line(text, [key]),
                    )
                )
    try:
        read_plan(folder)
    except LoadError as error:
        problems.extend(error.problems)
    try:
        previous_plan(loaded)
    except LoadError as error:
        problems.extend(error.problems)
    try:
        log = calls.read(folder)
    except LoadError as error:
        return problems + list(error.problems)
    ids = {i.id.casefold() for i in round_.invitees}
    log_name = display_name(calls.calls_path(folder))
    for number, entry in zip(log.lines, log.entries, strict=True):
        if entry.invitee.casefold() not in ids:
            problems.append(
                Problem(
                    log_name,
                    "invitee",
                    f'"{entry.invitee}" is not an invitee of the round{suggest(entry.invitee, [i.id for i in round_.invitees])}',
                    number,
                )
            )
    return problems


def round_notes(path: Path) -> list[str]:
    """What ``validate`` notes of a round without refusing it: an entry of its call log
    timed later than the entry after it (``calls.order_notes``)."""
    folder = path.parent if path.name == ROUND_FILE else path
    try:
        log = calls.read(folder)
    except LoadError:
        return []  # said among the problems (``check_round``)
    return calls.order_notes(log, calls.calls_path(folder))
