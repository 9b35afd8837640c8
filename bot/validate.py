"""Checks of frameworks and dialogues beyond loading: graph faults and unreachable actions."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot import dialogue_graph as graph
from bot.action_routes import never_on_a_route
from bot.catalogue import Catalogue, is_dialogue_file
from bot.default_dialogue import load_default_dialogue
from bot.loading import (
    LoadedDialogue,
    LoadedFramework,
    choice_values,
    file_text,
    read_dialogue_heading,
)
from bot.model import Action, Framework
from bot.model.framework import OVERALL
from bot.problems import LoadError, Problem, display_name, dotted, find_line
from bot.rounds.commands import file_command
from bot.satisfiable import never_true
from bot.scoring.actions import read_areas
from bot.text import printable


@dataclass
class Report:
    """What validation found, and what it checked."""

    problems: list[Problem] = field(default_factory=list)
    """Every problem, file by file."""
    warnings: list[Problem] = field(default_factory=list)
    """What is likely a slip but may be meant (a question asked by two nodes, a statement
    no dialogue asks): shown, without failing the check."""
    checked: list[str] = field(default_factory=list)
    """The files checked."""
    frameworks: dict[str, LoadedFramework] = field(default_factory=dict)
    """The frameworks that loaded, by id."""
    dialogues: list[LoadedDialogue] = field(default_factory=list)
    """The dialogues that loaded."""
    notes: list[str] = field(default_factory=list)
    """What was checked of files that are not frameworks or dialogues (transcripts)."""


TRANSCRIPT_KEYS = re.compile(r"^[ \t]*(\[\[turns\]\]|\[respondent\]|started[ \t]*=)", re.MULTILINE)
"""Keys only a transcript has: it is recognised by them, whatever its file is called."""

ROUND_KEYS = re.compile(
    r"^[ \t]*(\[\[invitees\]\]|self_dialogue[ \t]*=|telephone_dialogue[ \t]*=)", re.MULTILINE
)
"""Keys only a round has."""


def is_transcript(path: Path) -> bool:
    """Whether a file is a transcript (it has turns, a respondent or a start time)."""
    return path.is_file() and TRANSCRIPT_KEYS.search(_text(path, lenient=True)) is not None


def _check_transcript(path: Path, report: Report, catalogue: Catalogue) -> None:
    """A transcript given to validate is checked as one: that it loads, and that every
    answer is one its framework gives (as reports check it: ``framework_and_refusal``)."""
    from bot import store
    from bot.scoring.source import framework_and_refusal

    name = display_name(path)
    try:
        loaded = store.load(path)
    except LoadError as error:
        report.notes.append(
            f"{name} is a transcript (not a framework or dialogue): checked that it loads"
        )
        report.problems.extend(error.problems)
        return
    try:
        refusal = framework_and_refusal(loaded.transcript, path, catalogue)[2]
    except LoadError:
        refusal = None  # no framework to judge it by: its report says so
    if refusal is not None:
        report.notes.append(
            f"{name} is a transcript (not a framework or dialogue): it loads, but reports refuse it"
        )
        report.problems.extend(refusal.problems)
        return
    report.notes.append(
        f"{name} is a transcript (not a framework or dialogue): it loads, "
        f"{len(loaded.transcript.turns)} turns; to see it: "
        + file_command("replay", path, "--plain")
    )
    if loaded.dropped_bytes:
        report.notes.append(store.torn_note(path, loaded.dropped_bytes))


def expand(paths: Iterable[Path], links: list[Path] | None = None) -> list[Path]:
    """Files to check: each file given, and the .toml files of each folder given (with
    those of its frameworks/ and dialogues/ subfolders). A symbolic link found inside a
    folder (a file or a subfolder) is not followed: it is added to ``links`` instead."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder in (path, path / "frameworks", path / "dialogues"):
                if folder is not path and folder.is_symlink():
                    _not_followed(folder, links)
                    continue
                for found in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                    if found.is_symlink():
                        _not_followed(found, links)
                    else:
                        files.append(found)
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _not_followed(path: Path, links: list[Path] | None) -> None:
    if links is not None:
        links.append(path)


def link_note(path: Path) -> str:
    """What is said of a symbolic link found inside a folder given to validate."""
    # Named as found, not as what it points at.
    shown = str(Path(display_name(path.parent)) / printable(path.name))
    return (
        f"{shown} is a symbolic link: links inside a folder are not followed; "
        f"name it to check what it points at: partnership-bot validate {shlex.quote(shown)}"
    )


def validate(paths: Iterable[Path], catalogue: Catalogue, check_names: bool = True) -> Report:
    """Check the named files or folders (frameworks and dialogues), or everything found when
    none. The frameworks given are checked first and the dialogues given are checked
    against them, before any framework is looked for elsewhere. ``check_names``: report a
    framework, in a folder searched for frameworks, whose file is not named after its id."""
    from bot.rounds.check import check_round, is_round, round_notes

    given_paths = list(paths)
    rounds = [p for p in given_paths if is_round(p)]
    links: list[Path] = []
    paths = expand((p for p in given_paths if p not in rounds), links)
    report = Report(notes=[link_note(link) for link in links])
    for path in rounds:
        report.checked.append(display_name(path))
        report.problems.extend(check_round(path, catalogue))
        report.notes.extend(round_notes(path))
    transcripts = [p for p in paths if is_transcript(p)]
    for path in transcripts:
        report.checked.append(display_name(path))
        _check_transcript(path, report, catalogue)
    for path in (p for p in paths if p not in transcripts and ROUND_KEYS.search(_text(p))):
        report.checked.append(display_name(path))
        report.problems.append(
            Problem(
                display_name(path),
                "",
                "is a round, not a framework or dialogue: a round is read from a file named "
                f"round.toml in its folder; validate that folder (partnership-bot validate "
                f"{display_name(path.parent)})",
            )
        )
    paths = [p for p in paths if p not in transcripts and not ROUND_KEYS.search(_text(p))]
    if (rounds or transcripts) and not paths:
        return report
    if not paths:
        paths = [*catalogue.framework_files().values(), *catalogue.dialogue_files().values()]
    kinds = {path: _is_dialogue(path) for path in paths}
    report.checked += [display_name(path) for path in paths]
    frameworks = report.frameworks
    failed: dict[str, str] = {}
    for path in (p for p in paths if not kinds[p]):
        try:
            loaded = catalogue.framework(str(path))
        except LoadError as error:
            report.problems.extend(error.problems)
            failed[_declared_id(path)] = display_name(path)
            continue
        frameworks.setdefault(loaded.id, loaded)
        searched = {f.resolve() for f in catalogue.framework_folders}
        # Only where frameworks are found by id does the file name matter.
        if check_names and path.stem != loaded.id and path.parent.resolve() in searched:
            report.problems.append(
                Problem(
                    display_name(path),
                    "id",
                    f'is "{loaded.id}" but the file is named {path.name}; name it {loaded.id}.toml so it can be found by id',
                    find_line(_text(path), ["id"]),
                )
            )
    given = set(frameworks)
    for path in (p for p in paths if kinds[p]):
        try:
            framework_id = read_dialogue_heading(path).framework
            if framework_id in failed:
                # Checked once its framework loads: anything said now would be a knock-on.
                report.problems.append(
                    Problem(
                        display_name(path),
                        "framework",
                        f'not checked: its framework "{framework_id}" ({failed[framework_id]}) has problems',
                        find_line(_text(path), ["framework"]),
                    )
                )
                continue
            if framework_id not in frameworks and framework_id not in catalogue.framework_files():
                # The given frameworks count too: a slip for one of theirs is named.
                report.problems.append(catalogue.unknown_framework(path, framework_id, frameworks))
                continue
            dialogue = catalogue.dialogue(str(path), frameworks.get(framework_id))
        except LoadError as error:
            report.problems.extend(error.problems)
            continue
        report.dialogues.append(dialogue)
        frameworks.setdefault(dialogue.framework.id, dialogue.framework)
    for dialogue in report.dialogues:
        report.problems.extend(check_dialogue(dialogue))
        report.warnings.extend(asked_twice(dialogue))
    for framework_id, framework in frameworks.items():
        paired = [d for d in report.dialogues if d.framework.id == framework_id]
        if framework_id in given or not paired:
            report.problems.extend(check_framework(framework, catalogue, paired))
            dialogues = framework_dialogues(framework, catalogue, paired)
            report.warnings.extend(never_asked(framework, dialogues))
            report.warnings.extend(misplaced_actions(framework))
    # A framework's problems can surface twice: through its own file and through its dialogues.
    report.problems = list(dict.fromkeys(report.problems))
    return report


def _declared_id(path: Path) -> str:
    """The id a framework file declares, read leniently (for files that fail to load)."""
    text = _text(path)
    # Only a top-level id: an area's or a question's (under a [table]) is not the file's.
    header = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    top = text[: header.start()] if header else text
    match = re.search(r'^[ \t]*id[ \t]*=[ \t]*"([^"]*)"', top, re.MULTILINE)
    return match.group(1) if match else path.stem


def _is_dialogue(path: Path) -> bool:
    if path.is_file() and is_dialogue_file(path):
        return True
    return path.parent.name == "dialogues"


def check_framework(
    loaded: LoadedFramework, catalogue: Catalogue, paired: Sequence[LoadedDialogue] = ()
) -> list[Problem]:
    """Scales without a weak threshold, and actions that no dialogue can make fire (the
    ``paired`` dialogues, given with it, else those found for its id, else its default)."""
    framework = loaded.framework
    name = display_name(loaded.path)
    text = _text(loaded.path)
    problems = [
        Problem(
            name,
            f"scales.{scale_id}",
            "has no weak_at_or_below: say which scores are weak, so that low answers are probed and acted on",
            find_line(text, ["scales", scale_id]),
        )
        for scale_id, scale in framework.scales.items()
        if scale.weak_at_or_below is None
    ]
    asked: set[str] = set()
    dialogues = framework_dialogues(loaded, catalogue, paired)
    for dialogue in dialogues:
        asked |= {n.ask for n in dialogue.dialogue.nodes.values() if n.ask}
    listed: list[tuple[list[str | int], tuple[Action, ...]]] = [
        (["areas", a, "actions"], area.actions) for a, area in enumerate(framework.areas)
    ]
    listed.append((["actions"], framework.actions))
    for at, actions in listed:
        for c, action in enumerate(actions):
            condition = loaded.actions[action.id]
            loc: list[str | int] = [*at, c, "when"]
            needed = set(condition.names)
            for area in read_areas(framework, condition):
                needed |= {q.id for q in area.questions}
            if needed and not needed & asked:
                problems.append(
                    Problem(
                        name,
                        dotted(loc),
                        f"can never fire: no dialogue asks {', '.join(sorted(needed))}",
                        find_line(text, loc),
                    )
                )
            values, numbers = choice_values(framework), _numbers(framework)
            reason = never_true(condition, values, numbers)
            if reason:
                problems.append(
                    Problem(
                        name,
                        dotted(loc),
                        f"can never be true: {reason}; the action is never suggested",
                        find_line(text, loc),
                    )
                )
            if reason or (needed and not needed & asked):
                continue
            # Possible on its own, the condition may still hold on no route a respondent
            # can take (it reads an answer only asked after a branch it contradicts).
            reasons = [never_on_a_route(condition, d, values, numbers) for d in dialogues]
            if reasons and all(reasons):
                problems.append(
                    Problem(
                        name,
                        dotted(loc),
                        f"can never fire: {'; '.join(r for r in reasons if r)}",
                        find_line(text, loc),
                    )
                )
    return problems


def framework_dialogues(
    loaded: LoadedFramework, catalogue: Catalogue, paired: Sequence[LoadedDialogue] = ()
) -> list[LoadedDialogue]:
    """The dialogues a framework is checked with: the ``paired`` ones, given with it, else
    those found for its id that load, else its default dialogue."""
    dialogues: list[LoadedDialogue] = list(paired)
    for path in [] if paired else catalogue.dialogues_for(loaded.id):
        try:
            dialogues.append(catalogue.dialogue(str(path), loaded))
        except LoadError:
            continue  # reported when the dialogue itself is checked
    if not dialogues:
        dialogues.append(load_default_dialogue(loaded))
    return dialogues


def _asked(dialogue: LoadedDialogue) -> set[str]:
    """The questions a dialogue's nodes ask, a repeated group's with the group."""
    framework = dialogue.framework.framework
    groups = {g.id: g for a in framework.areas for g in a.groups}
    asked: set[str] = set()
    for node in dialogue.dialogue.nodes.values():
        if node.ask:
            asked.add(node.ask)
        if node.group in groups:
            asked |= {q.id for q in groups[node.group].questions}
    return asked


def never_asked(loaded: LoadedFramework, dialogues: Sequence[LoadedDialogue]) -> list[Problem]:
    """Warnings: each statement of the framework that none of its dialogues asks, so that
    it is never answered (a dialogue may ask only some on purpose: a short survey beside a
    full interview, so this is a warning, not a problem)."""
    asked: set[str] = set()
    for dialogue in dialogues:
        asked |= _asked(dialogue)
    name = display_name(loaded.path)
    text = _text(loaded.path)
    by = ", ".join(d.id for d in dialogues)
    warnings = []
    for a, area in enumerate(loaded.framework.areas):
        for q, question in enumerate(area.questions):
            if question.id in asked:
                continue
            loc: list[str | int] = ["areas", a, "questions", q]
            numbered = f" ({question.number})" if question.number else ""
            warnings.append(
                Problem(
                    name,
                    dotted(loc),
                    f"statement {question.id}{numbered} is asked by no node of {by}, so it is "
                    f'never answered: ask it in a node (ask = "{question.id}")',
                    find_line(text, [*loc, "id"]),
                )
            )
    return warnings


def misplaced_actions(loaded: LoadedFramework) -> list[Problem]:
    """Warnings: an area's action whose condition reads only another area (its score or
    its questions). Every [[areas.actions]] belongs to the [[areas]] above it, so actions
    written together after the last area all land in that one."""
    framework = loaded.framework
    text = _text(loaded.path)
    warnings = []
    for a, area in enumerate(framework.areas):
        for c, action in enumerate(area.actions):
            condition = loaded.actions.get(action.id)
            if condition is None or OVERALL in condition.areas:
                continue
            read = set(condition.areas) | {framework.area_of(q).id for q in condition.names}
            if len(read) != 1 or area.id in read:
                continue
            other = framework.area(next(iter(read)))
            loc: list[str | int] = ["areas", a, "actions", c]
            warnings.append(
                Problem(
                    display_name(loaded.path),
                    dotted(loc),
                    f"action {action.id} is listed under {area.title} but its condition reads "
                    f"only {other.id}: did you mean to put it under {other.title}? (an "
                    "[[areas.actions]] belongs to the [[areas]] above it)",
                    find_line(text, [*loc, "id"]),
                )
            )
    return warnings


def asked_twice(loaded: LoadedDialogue) -> list[Problem]:
    """Warnings: a question asked by two nodes (a node copied and its `ask` left as it
    was), naming the first node's line and the statements no node asks."""
    name = display_name(loaded.path) if loaded.path else loaded.id
    text = _text(loaded.path) if loaded.path else ""
    framework = loaded.framework.framework
    unasked = [q.id for a in framework.areas for q in a.questions if q.id not in _asked(loaded)]
    first: dict[str, str] = {}
    warnings = []
    for node_id, node in loaded.dialogue.nodes.items():
        if not node.ask:
            continue
        if node.ask not in first:
            first[node.ask] = node_id
            continue
        earlier = first[node.ask]
        line = find_line(text, ["nodes", earlier, "ask"])
        at = f" (line {line})" if line else ""
        hint = (
            f"; was the node copied and its ask left as it was? No node asks {', '.join(unasked)}"
            if unasked
            else ""
        )
        if node_id in unasked:
            hint += f'; did you mean ask = "{node_id}"?'

        loc: list[str | int] = ["nodes", node_id, "ask"]
        warnings.append(
            Problem(
                name,
                dotted(loc),
                f'asks {node.ask}, which node "{earlier}"{at} asks too{hint}',
                find_line(text, loc),
            )
        )
    return warnings


def _numbers(framework: Framework) -> list[str]:
    return [q.id for q in framework.questions() if q.kind == "number"]


def check_dialogue(loaded: LoadedDialogue) -> list[Problem]:
    """Unreachable nodes, dead ends, loops with no way out, and conditions on unasked questions."""
    dialogue = loaded.dialogue
    name = display_name(loaded.path) if loaded.path else dialogue.id
    text = _text(loaded.path) if loaded.path else ""
    nodes = dialogue.nodes
    edges = graph.edges(nodes)
    problems: list[Problem] = []

    def problem(node_id: str, key: str, message: str) -> None:
        loc: list[str | int] = ["nodes", node_id] + ([key] if key else [])
        problems.append(Problem(name, ".".join(str(p) for p in loc), message, find_line(text, loc)))

    reachable = graph.reach(dialogue.start, edges) if dialogue.start in nodes else set()
    for node_id, node in nodes.items():
        if node_id not in reachable:
            problem(node_id, "", "is unreachable from the start node")
        if node.end is None and node.next is None:
            if node.branches:
                problem(node_id, "branches", "is a dead end when no branch applies: add a `next`")
            else:
                problem(node_id, "", "is a dead end: it has no `next` and is not an end node")
    ends = {n for n, node in nodes.items() if node.end is not None}
    if not ends:
        problems.append(Problem(name, "nodes", "has no end node, so no respondent can finish"))
    stuck = {n for n in reachable if n not in ends and not (graph.reach(n, edges) & ends)}
    for node_id in sorted(stuck):
        problem(node_id, "", "is in a loop with no way out: no end node can be reached from it")
    for node_id, message in _inescapable(loaded, edges, ends, stuck):
        problem(node_id, "branches", message)
    askers: dict[str, list[str]] = {}
    for node_id, node in nodes.items():
        if node.ask:
            askers.setdefault(node.ask, []).append(node_id)
    framework = loaded.framework.framework
    values, numbers = choice_values(framework), _numbers(framework)
    for (node_id, index), condition in [*loaded.branches.items(), *loaded.checks.items()]:
        kind = "branches" if (node_id, index) in loaded.branches else "probes"
        for question in sorted(condition.names):
            sources = askers.get(question, [])
            live = [s for s in sources if s in reachable]
            if not sources:
                problem(
                    node_id, kind, f"has a condition on {question}, which this dialogue never asks"
                )
            elif node_id not in reachable or any(node_id in graph.reach(s, edges) for s in live):
                continue
            elif any(s in graph.reach(node_id, edges) for s in live):
                problem(
                    node_id,
                    kind,
                    f"has a condition on {question}, which is only asked after this node",
                )
            else:
                problem(
                    node_id,
                    kind,
                    f"has a condition on {question}, which every path reaching this node skips "
                    f"(it is asked only at {', '.join(sources)})",
                )
        reason = never_true(condition, values, numbers)
        if reason:
            key = "when" if kind == "branches" else "check"
            loc: list[str | int] = ["nodes", node_id, kind, index, key]
            effect = (
                "this branch is never taken"
                if kind == "branches"
                else "so this probe follows every answer"
            )
            problems.append(
                Problem(
                    name,
                    dotted(loc),
                    f"can never be true: {reason}; {effect}",
                    find_line(text, loc),
                )
            )
    return problems


def _inescapable(
    loaded: LoadedDialogue, edges: dict[str, list[str]], ends: set[str], stuck: set[str]
) -> list[tuple[str, str]]:
    """Nodes whose branch conditions hold (or fail) whatever the answers, so that from them
    no answer can lead to an end node although the graph alone seems to allow it."""
    nodes = loaded.dialogue.nodes
    framework = loaded.framework.framework
    values, numbers = choice_values(framework), _numbers(framework)

    def truth(node_id: str, index: int) -> bool | None:
        condition = loaded.branches.get((node_id, index))
        if condition is None:
            return None
        constant = condition.constant()
        if constant is None and never_true(condition, values, numbers):
            return False
        return constant

    taken = graph.edges(nodes, truth)
    start = loaded.dialogue.start
    found: list[tuple[str, str]] = []
    for node_id in nodes:
        if (
            start not in nodes
            or node_id not in graph.reach(start, taken)
            or node_id in ends
            or node_id in stuck
            or graph.reach(node_id, taken) & ends
            or set(taken[node_id]) == set(edges[node_id])
        ):
            continue
        branches = nodes[node_id].branches
        always = [i for i in range(len(branches)) if truth(node_id, i) is True]
        trap = "no answer can lead from there to an end node: respondents would be asked the same questions until they quit"
        if always:
            branch = branches[always[0]]
            found.append(
                (
                    node_id,
                    f'always goes to "{branch.goto}" (the condition {branch.when!r} holds whatever '
                    f"the answers), and {trap}",
                )
            )
        else:
            never = ", ".join(
                repr(b.when) for i, b in enumerate(branches) if truth(node_id, i) is False
            )
            found.append(
                (node_id, f"has branch conditions that can never hold ({never}), so {trap}")
            )
    return found


def _text(path: Path | None, lenient: bool = False) -> str:
    """A file's text ("" if it cannot be read); ``lenient``: bytes that are not UTF-8 are
    replaced, so that the file's keys can still be recognised."""
    return file_text(path, lenient) if path else ""
