"""`add` and `remove`: frameworks and dialogues of the user's own, in the user folder.

A framework is added only when it validates together with the dialogues given with
it; the files are copied under their ids (``frameworks/<id>.toml``,
``dialogues/<id>.toml``), each written to a temporary file, fsynced and renamed into
place once every file has been written, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.catalogue import INSTALLED, USER, Catalogue, user_folder
from bot.files import fsync_folder, write_temporary
from bot.loading import read_dialogue_heading
from bot.model.dialogue import conversation_command
from bot.problems import LoadError, Problem, display_name, suggest
from bot.validate import validate


@dataclass
class Outcome:
    """What `add` or `remove` did, or why it refused."""

    problems: list[Problem] = field(default_factory=list)
    """Why nothing was done (empty when it was)."""
    done: list[str] = field(default_factory=list)
    """One line per file added or removed."""
    started: list[str] = field(default_factory=list)
    """Commands that start what was added."""
    warnings: list[Problem] = field(default_factory=list)
    """What validation warned of (it does not stop `add`)."""
    names_nothing: bool = False
    """The id given to `remove` names no framework or dialogue: a command-line error."""


def add(paths: list[Path], catalogue: Catalogue, replace: bool = False) -> Outcome:
    """Validate frameworks with their dialogues and copy them into the user folder."""
    outcome = Outcome()
    report = validate(paths, catalogue, check_names=False)
    outcome.problems.extend(report.problems)
    outcome.warnings.extend(report.warnings)
    if not report.checked:
        outcome.problems.append(Problem("(command line)", "", "no .toml files given"))
    if outcome.problems:
        return outcome
    folder = user_folder()
    copies: list[tuple[str, str, Path, Path]] = []  # kind, id, source, target
    # The frameworks given (not those the dialogues' frameworks were found as elsewhere).
    frameworks = {i: f for i, f in report.frameworks.items() if _given(f.path, paths)}
    for framework_id, loaded in frameworks.items():
        copies.append(("framework", framework_id, loaded.path, folder / "frameworks"))
    for dialogue in report.dialogues:
        assert dialogue.path is not None
        copies.append(("dialogue", dialogue.id, dialogue.path, folder / "dialogues"))
    existing = {
        "framework": {e.id: e for e in catalogue.framework_entries()},
        "dialogue": {e.id: e for e in catalogue.dialogue_entries()},
    }
    for kind, item_id, source, _ in copies:
        there = existing[kind].get(item_id)
        if there is None or there.path.resolve() == source.resolve():
            continue
        if there.origin == INSTALLED:
            outcome.problems.append(
                Problem(
                    display_name(source),
                    "id",
                    f'a {kind} "{item_id}" is installed with the product; give yours another id',
                )
            )
        elif there.origin == USER and not replace:
            outcome.problems.append(
                Problem(
                    display_name(source),
                    "id",
                    f'a {kind} "{item_id}" is already in your folder ({there.path}); '
                    f"add --replace to replace it, or run partnership-bot remove {item_id} first",
                )
            )
    if outcome.problems:
        return outcome
    written: list[tuple[Path, Path]] = []
    try:
        for _, item_id, source, target_folder in copies:
            target_folder.mkdir(parents=True, exist_ok=True)
            target = target_folder / f"{item_id}.toml"
            written.append((write_temporary(target, source.read_bytes(), 0o644), target))
        for temporary, target in written:
            os.replace(temporary, target)
        for folder_written in {t.parent for _, t in written}:
            fsync_folder(folder_written)
    except OSError as error:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        outcome.problems.append(
            Problem(str(folder), "", f"cannot be written ({error.strerror or error})")
        )
        return outcome
    for kind, item_id, _, target_folder in copies:
        outcome.done.append(f"added {kind} {item_id}: {target_folder / f'{item_id}.toml'}")
    for framework_id in frameworks:
        # As its conversation starts without -d: `interview` when its only dialogues are
        # telephone ones (one rule gives each mode its command).
        command = conversation_command(catalogue.first_mode(framework_id))
        outcome.started.append(f"partnership-bot {command} -f {framework_id}")
    for dialogue in report.dialogues:
        command = conversation_command(dialogue.dialogue.mode)
        outcome.started.append(
            f"partnership-bot {command} -f {dialogue.framework.id} -d {dialogue.id}"
        )
    outcome.started = list(dict.fromkeys(outcome.started))
    return outcome


def remove(item_id: str, catalogue: Catalogue) -> Outcome:
    """Take a framework (with the dialogues in the user folder that ask it) or a dialogue
    out of the user folder. Frameworks found elsewhere are left alone, with the reason."""
    outcome = Outcome()
    frameworks = [e for e in catalogue.framework_entries() if e.id == item_id]
    dialogues = [e for e in catalogue.dialogue_entries() if e.id == item_id]
    mine = [e for e in [*frameworks, *dialogues] if e.origin == USER]
    if not mine:
        found = [*frameworks, *dialogues]
        if found:
            where = found[0]
            reason = (
                "is installed with the product and cannot be removed"
                if where.origin == INSTALLED
                else f"comes from {where.origin} ({where.path}), not your folder; delete or move the file there"
            )
            message = f'"{item_id}" {reason}'
        else:
            known = [e.id for e in [*catalogue.framework_entries(), *catalogue.dialogue_entries()]]
            ours = [e.id for e in catalogue.framework_entries() if e.origin == USER]
            message = (
                f'no framework or dialogue "{item_id}" in your folder ({user_folder()})'
                f"{suggest(item_id, known)} (yours: {', '.join(ours) or 'none'})"
            )
            outcome.names_nothing = True
        outcome.problems.append(Problem("(command line)", "", message))
        return outcome
    doomed = [e.path for e in mine]
    if any(e in frameworks for e in mine):
        for entry in catalogue.dialogue_entries():
            if entry.origin != USER or entry.path in doomed:
                continue
            with contextlib.suppress(LoadError):
                if read_dialogue_heading(entry.path).framework == item_id:
                    doomed.append(entry.path)
    for path in doomed:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            outcome.problems.append(
                Problem(str(path), "", f"cannot be removed ({error.strerror or error})")
            )
            continue
        outcome.done.append(f"removed {path}")
    for folder in {p.parent for p in doomed}:
        fsync_folder(folder)
    return outcome


def _given(path: Path, paths: list[Path]) -> bool:
    """Whether a file was named on the command line (or is in a folder that was)."""
    resolved = path.resolve()
    for given in paths:
        given = given.resolve()
        if resolved == given or given in resolved.parents:
            return True
    return False
