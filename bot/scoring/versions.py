"""The framework an aggregate is laid out with: the versions its transcripts were taken with.

Each transcript is scored against the very version it was taken with (`framework_for`).
An aggregate's statements, facts, free-text questions and actions are listed from that
same version, never from whichever version is installed now: a round taken with version 1
and reported after version 2 is installed lists version 1's statements, and says version 1.
Transcripts taken with several versions are laid out with every one of them together: the
newest version's areas and questions, then each question, area, scale and action that only
an earlier version has, so that no statement answered is dropped, with a note naming which
transcripts were taken with which version and the questions not in every one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.catalogue import Catalogue
from bot.loading import LoadedFramework
from bot.model import Framework, Question
from bot.scoring.aggregate import Totals, VersionUse
from bot.scoring.source import scored_frameworks


def aggregate_framework(
    framework_id: str,
    totals: Totals,
    transcript_files: Iterable[Path],
    catalogue: Catalogue,
    named: LoadedFramework | None = None,
) -> tuple[LoadedFramework, list[str]]:
    """The framework an aggregate of these totals is laid out with, and the notes to give
    with it: the one version its transcripts were scored against, or, where they were
    taken with several, all of them together (`combined`) and a note saying so. Every
    aggregate goes through here (a report's, a round's, a comparison's, a plan's).
    Raises LoadError when the framework is found nowhere."""
    used = {digest: (use.version, use.file) for digest, use in totals.versions.items()}
    if not used and named is not None:
        return named, []
    if not used:
        return catalogue.framework(framework_id), []
    found = scored_frameworks(framework_id, used, transcript_files, catalogue, named)
    order = newest_last({d: totals.versions[d] for d in found})
    frameworks = [found[d] for d in order]
    if len({f.hash for f in frameworks}) == 1:
        return frameworks[0], []
    labels = version_labels([totals.versions[d] for d in order])
    together = combined(frameworks, labels)
    together = replace(together, changed=frozenset(changed_questions(frameworks, labels)))
    uses = [(label, totals.versions[d]) for label, d in zip(labels, order, strict=True)]
    return together, [versions_note(framework_id, uses, frameworks, labels)]


def newest_last(uses: Mapping[str, VersionUse]) -> list[str]:
    """The versions used (by content hash) oldest first: by version, numbers as numbers
    ("9" before "10"), then, for one version given by two files (a framework changed
    without its version bumped), by the latest transcript taken with each. The last lays
    out the aggregate; the header names them in this order ("versions 1 and 2")."""
    return sorted(uses, key=lambda d: (version_key(uses[d].version), uses[d].latest))


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """A version as it sorts: its parts in order, a number as a number ("1.10" after
    "1.9"), a word after the numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"[.\-_ ]+", version.strip())
    )


def version_labels(uses: Sequence[VersionUse]) -> list[str]:
    """Each version as it is named: its version, with the file it was read from where two
    files give the same version (a framework changed without its version bumped)."""
    versions = [use.version for use in uses]
    return [
        use.version
        if versions.count(use.version) == 1
        else f"{use.version} ({Path(use.file).name})"
        for use in uses
    ]


def combined(frameworks: Sequence[LoadedFramework], labels: Sequence[str]) -> LoadedFramework:
    """Several versions of one framework as one, to lay out an aggregate: the last (newest)
    version as it is, then what only the earlier ones have, the newest first: each question
    (or repeated group) missing from an area it shares, each area missing, each scale such
    a question needs (under a name of its own where the newer version has another scale
    of that name), and each action. Its version names them all ("1 and 2")."""
    newest = frameworks[-1]
    data = newest.framework.model_dump(mode="python", by_alias=True, exclude_none=True)
    conditions = dict(newest.actions)
    for older in reversed(frameworks[:-1]):
        _add_missing(data, older.framework)
        for action_id, condition in older.actions.items():
            conditions.setdefault(action_id, condition)
    data["version"] = _joined(list(dict.fromkeys(labels)))
    try:
        together = Framework.model_validate(data)
    except ValidationError:
        # Versions that cannot stand together (a scale and a question of one id changed
        # kind): the newest alone, the note naming what only the earlier ones have.
        together = newest.framework.model_copy(update={"version": data["version"]})
    return replace(newest, framework=together, actions=conditions)


def _add_missing(data: dict[str, Any], older: Framework) -> None:
    """Add to ``data`` (a framework dumped) what only ``older`` has."""
    questions = {q["id"] for area in data["areas"] for q in area.get("questions", ())}
    groups = {g["id"] for area in data["areas"] for g in area.get("groups", ())}
    actions = {a["id"] for area in data["areas"] for a in area.get("actions", ())}
    actions |= {a["id"] for a in data.get("actions", ())}
    areas = {area["id"]: area for area in data["areas"]}
    dumped = older.model_dump(mode="python", by_alias=True, exclude_none=True)
    renamed: dict[str, str] = {}
    added: list[dict[str, Any]] = []
    for area in dumped["areas"]:
        into = areas.get(area["id"])
        if into is None:
            into = dict(area) | {"questions": [], "groups": [], "actions": []}
            added.append(into)
            areas[area["id"]] = into
        for question in area.get("questions", ()):
            if question["id"] not in questions:
                questions.add(question["id"])
                into["questions"] = [*into.get("questions", ()), question]
                _with_scale(data, dumped, question, renamed)
        for group in area.get("groups", ()):
            if group["id"] not in groups:
                groups.add(group["id"])
                into["groups"] = [*into.get("groups", ()), group]
                for question in group.get("questions", ()):
                    _with_scale(data, dumped, question, renamed)
        for action in area.get("actions", ()):
            if action["id"] not in actions:
                actions.add(action["id"])
                into["actions"] = [*into.get("actions", ()), action]
    # An area only the older version has, with a question the newer one does not ask
    # elsewhere (an area is never empty).
    data["areas"] = [*data["areas"], *(area for area in added if area["questions"])]
    for action in dumped.get("actions", ()):
        if action["id"] not in actions:
            actions.add(action["id"])
            data["actions"] = [*data.get("actions", ()), action]


def _with_scale(
    data: dict[str, Any], older: dict[str, Any], question: dict[str, Any], renamed: dict[str, str]
) -> None:
    """Give ``data`` the older version's scale of a question added from it, under a name of
    its own where ``data`` has another scale of that name."""
    name = question.get("scale")
    if not name or name not in older.get("scales", {}):
        return
    if name in renamed:
        question["scale"] = renamed[name]
        return
    scales = data.setdefault("scales", {})
    scale = older["scales"][name]
    if scales.get(name, scale) == scale:
        scales[name] = scale
        return
    fresh = name
    while fresh in scales:
        fresh += "_"
    scales[fresh] = scale
    renamed[name] = question["scale"] = fresh


def versions_note(
    framework_id: str,
    uses: Sequence[tuple[str, VersionUse]],
    frameworks: Sequence[LoadedFramework],
    labels: Sequence[str],
) -> str:
    """What an aggregate says of transcripts taken with several versions of its framework:
    which transcripts were taken with which version, each scored against its own, and the
    questions not in every version (each with the versions that have it), and those
    worded or scaled differently, left out of the statements (`changed_questions`)."""
    changed = changed_questions(frameworks, labels)
    parts = []
    for label, use in uses:
        files = ", ".join(use.files)
        more = use.count - len(use.files)
        files += f" and {more} more" if more > 0 else ""
        things = "transcript" if use.count == 1 else "transcripts"
        parts.append(f"version {label} ({use.count} {things}: {files})")
    text = (
        f"These transcripts were taken with {len(uses)} versions of the framework "
        f"{framework_id}, and each is scored against its own: {_joined(parts)}. Every "
        "version's statements are listed"
        + (", but those worded or scaled differently between versions" if changed else "")
        + "; an area's mean pools scores made against different versions."
    )
    if changed:
        text += (
            " Worded or scaled differently between versions, so left out of the statements "
            "(each version's answers still count toward its area's score): "
            + "; ".join(" and ".join(words) for words in changed.values())
            + "."
        )
    having: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for label, loaded in zip(labels, frameworks, strict=True):
        for question in loaded.framework.questions():
            having.setdefault(question.id, []).append(label)
            number = loaded.framework.label(question.id)
            shown.setdefault(question.id, f'{number} "{question.text}"')
    partial = [
        f"{shown[qid]} (in version{'s' if len(versions) > 1 else ''} {_joined(versions)} only)"
        for qid, versions in having.items()
        if len(versions) < len(frameworks)
    ]
    if partial:
        text += f" Not in every version: {', '.join(partial)}."
    return text


def _meaning(framework: Framework, question: Question) -> tuple[Any, ...]:
    """What a question asks and how its answers are counted: its words, kind, options,
    scale (the scale itself, whatever its name) and whether it is scored reversed."""
    scale = framework.scale_of(question)
    return (
        " ".join(question.text.split()),
        question.kind,
        question.reverse,
        tuple(o.model_dump_json() for o in question.options),
        scale.model_dump_json() if scale is not None else None,
    )


def same_meaning(first: Framework, second: Framework, question_id: str) -> bool:
    """Whether two versions ask a question alike and count its answers alike (`_meaning`:
    words, kind, options, scale, reverse scoring): where not, its answers in one are no
    answers to the other's statement, never pooled (`changed_questions`) nor compared
    (`bot.scoring.compare`). A question one version lacks is no change of meaning."""
    if not (first.has_question(question_id) and second.has_question(question_id)):
        return True
    one, other = first.question(question_id), second.question(question_id)
    return _meaning(first, one) == _meaning(second, other)


def changed_questions(
    frameworks: Sequence[LoadedFramework], labels: Sequence[str]
) -> dict[str, list[str]]:
    """The questions (by id) that versions word or scale differently (`_meaning`), each
    with its words in each version that has it ('1.2 "Members are well informed."
    (version 1)'): their answers cannot be pooled as one statement's."""
    seen: dict[str, dict[tuple[Any, ...], list[str]]] = {}
    shown: dict[str, dict[tuple[Any, ...], str]] = {}
    for label, loaded in zip(labels, frameworks, strict=True):
        framework = loaded.framework
        for question in framework.questions():
            meaning = _meaning(framework, question)
            seen.setdefault(question.id, {}).setdefault(meaning, []).append(label)
            shown.setdefault(question.id, {}).setdefault(
                meaning, f'{framework.label(question.id)} "{question.text}"'
            )
    return {
        qid: [
            f"{shown[qid][meaning]} (version{'s' if len(used) > 1 else ''} {_joined(used)})"
            for meaning, used in meanings.items()
        ]
        for qid, meanings in seen.items()
        if len(meanings) > 1
    }


def _joined(words: Sequence[str]) -> str:
    """Words listed: "1", "1 and 2", "1, 2 and 3"."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
