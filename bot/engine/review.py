"""Plan review: the questions a round asks about the actions agreed in the previous round.

A round naming a previous round begins each area of its dialogues with the actions
agreed there in that area: "Last year the partnership agreed: ... (owner: X, due D).
How far has it got?", answered done / in progress / not started / dropped (or Don't
know), with a comment, and followed up like any other answer (not started or dropped:
what held it up; done with nothing to show: what shows it; a vague comment: an
example). The items asked about are recorded in the transcript's header (``review``),
so the same questions are rebuilt on resume and replay, and a report or a later compile
never needs the previous plan to read the answers.

The questions are added to a copy of the framework with weight 0, so they never count
in an area's score (reports score against the framework the transcript names, which
does not have them at all), and their nodes are spliced into a copy of the dialogue.
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

from bot.default_dialogue import DONT_KNOW
from bot.loading import LoadedDialogue, bind_dialogue
from bot.model import Dialogue, Framework, Node, Probe, Question
from bot.model.transcript import ReviewItem

REVIEW_SCALE = "plan-progress"
"""The scale of a review question: how far an agreed action has got."""
QUESTION_PREFIX = "review_"
"""Review questions' ids begin with this (framework question ids are identifiers)."""
NODE_PREFIX = "plan-"
PROGRESS_OPTIONS: tuple[dict[str, Any], ...] = (
    {"value": "done", "key": "1", "label": "Done", "score": 3.0},
    {"value": "in_progress", "key": "2", "label": "In progress", "score": 2.0},
    {"value": "not_started", "key": "3", "label": "Not started", "score": 1.0},
    {"value": "dropped", "key": "4", "label": "Dropped", "score": 0.0},
    {"value": "dont_know", "key": "d", "label": "Don't know", "abstain": "dont_know"},
)
"""Option values are the plan's statuses, so an answer is a status as it stands."""
LOW = "What has held it up, or why was it dropped?"
HIGH = "Good to hear. What shows it is done: a document, a decision, a date?"
VAGUE = "Could you give an example: a document, a date, a meeting or a body involved?"


def question_id(item: ReviewItem) -> str:
    """The review question's id for an item (from the plan action's id)."""
    return QUESTION_PREFIX + re.sub(r"[^a-z0-9_]", "_", item.action.casefold())


def wording(item: ReviewItem) -> str:
    """The question: what was agreed, by whom and when, and how far it has got."""
    details = [f"owner: {item.owner}"] if item.owner else []
    if item.due is not None:
        details.append(f"due {item.due.day} {item.due:%b %Y}")
    said = f" ({', '.join(details)})" if details else ""
    return f'Last year the partnership agreed: "{item.text}"{said}. How far has it got?'


def review_number(item: ReviewItem, position: int) -> str:
    """How a review question is numbered to people: by the Ref the plan shows the action
    under, whatever kind it is (the seed's letter "2a" or "Pa", the seed's label "R2", or
    the number the plan gave it "7.1"), so the board reads the action it agreed; where the
    item has no Ref but its id (recorded before plans numbered every action), by its
    place among the agreed actions asked about ("Agreed action 3"), as it was asked
    then. Never by the action's internal id."""
    has_ref = item.ref and item.ref != item.action
    return f"Agreed action {item.ref if has_ref else position}"


def read_aloud(item: ReviewItem) -> str:
    """What an interviewer reads out."""
    return wording(item) + " Would you say it is done, in progress, not started, or dropped?"


def _probes() -> tuple[Probe, ...]:
    return (
        Probe(on="low", text=LOW),
        Probe(on="dont_know", text=DONT_KNOW),
        Probe(on="unevidenced_high", text=HIGH),
        Probe(on="vague", text=VAGUE),
    )


def with_review(loaded: LoadedDialogue, items: Sequence[ReviewItem]) -> LoadedDialogue:
    """The dialogue with the review questions asked at the start of each area (items of
    an area the framework lacks are asked first); unchanged when there are none."""
    if not items:
        return loaded
    framework = loaded.framework.framework
    by_area = _by_area(framework, items)
    augmented = _augmented(framework, by_area)
    telephone = loaded.dialogue.mode == "telephone"
    dialogue = _recounted(loaded.dialogue, len(items))
    dialogue = _spliced(dialogue, framework, by_area, telephone)
    return bind_dialogue(
        dialogue,
        replace(loaded.framework, framework=augmented),
        f"({loaded.id} with the plan review)",
        "",
        loaded.path,
        loaded.hash,
    )


def reviewed_framework(framework: Framework, items: Sequence[ReviewItem]) -> Framework:
    """The framework with the review questions at the start of their areas (weight 0):
    what a transcript with these review items was asked; unchanged when there are none,
    or when the framework has them already (a conversation's own, `with_review`), so the
    one report of a transcript reads the same questions whoever compiles it."""
    if not items or is_reviewed(framework):
        return framework
    return _augmented(framework, _by_area(framework, items))


def is_reviewed(framework: Framework) -> bool:
    """Whether the framework already has plan review questions (added by
    `reviewed_framework` or `with_review`)."""
    return any(is_review_question(q) for q in framework.questions())


def is_review_question(question: Question) -> bool:
    """Whether a question is a plan review question (asked about an action agreed the
    round before): its answer is an action's status, never part of a score or a
    suggested action."""
    return question.scale == REVIEW_SCALE and question.id.startswith(QUESTION_PREFIX)


def _by_area(
    framework: Framework, items: Sequence[ReviewItem]
) -> dict[str, list[tuple[str, ReviewItem]]]:
    """The items by the area they are asked in, each with its question id."""
    ids = {q.id for q in framework.questions()}
    by_area: dict[str, list[tuple[str, ReviewItem]]] = {}
    known_areas = {a.id for a in framework.areas}
    first_area = framework.areas[0].id
    for item in items:
        qid = question_id(item)
        while qid in ids:  # never shadow a framework question
            qid += "_"
        ids.add(qid)
        area = item.area if item.area in known_areas else first_area
        by_area.setdefault(area, []).append((qid, item))
    return by_area


def _augmented(framework: Framework, by_area: dict[str, list[tuple[str, ReviewItem]]]) -> Framework:
    data = framework.model_dump(mode="python", by_alias=True, exclude_none=True)
    data["scales"][REVIEW_SCALE] = {
        "options": list(PROGRESS_OPTIONS),
        "weak_at_or_below": 1.0,
    }
    asked = [item for area in data["areas"] for _, item in by_area.get(area["id"], [])]
    for area in data["areas"]:
        review = [
            {
                "id": qid,
                "text": wording(item),
                "scale": REVIEW_SCALE,
                "weight": 0.0,  # never part of an area's score
                "number": review_number(item, asked.index(item) + 1),
            }
            for qid, item in by_area.get(area["id"], [])
        ]
        area["questions"] = review + list(area["questions"])
    return Framework.model_validate(data)


def _recounted(dialogue: Dialogue, added: int) -> Dialogue:
    """The dialogue with the counts its words give ("18 statements, about 10 minutes")
    made true of what is asked with the review questions: "18 statements, plus 4 on last
    year's agreed actions, about 13 minutes" (minutes in proportion). Only a count equal to the
    number of questions the dialogue asks is changed, so other numbers stay as written."""
    asked = len({n.ask for n in dialogue.nodes.values() if n.ask})
    if not asked:
        return dialogue
    things = "action" if added == 1 else "actions"
    total = asked + added
    count = re.compile(rf"\b{asked}((?: short)? (?:statements|questions|criteria))\b")
    minutes = re.compile(r"\babout (\d+) minutes\b")

    def added_to(match: re.Match[str]) -> str:
        # The aside is closed with a comma only where the sentence runs on in words
        # ("24 statements, plus 2 ..., in nine themes"); before punctuation or the end
        # ("(24 statements)", "18 statements, about") the text's own mark closes it.
        rest = match.string[match.end() :]
        closing = "," if re.match(r"\s+\w", rest) else ""
        return f"{match[0]}, plus {added} on last year's agreed {things}{closing}"

    def fix(text: str) -> str:
        text = count.sub(added_to, text)
        # Any estimate of the time is of the whole conversation: in proportion.
        return minutes.sub(lambda m: f"about {round(int(m[1]) * total / asked)} minutes", text)

    nodes = {
        key: node.model_copy(update={"say": fix(node.say)} if node.say else {})
        for key, node in dialogue.nodes.items()
    }
    return dialogue.model_copy(
        update={
            "nodes": nodes,
            "title": fix(dialogue.title),
            "description": fix(dialogue.description),
        }
    )


def _order(dialogue: Dialogue) -> list[str]:
    """Node ids in the order a respondent meets them (breadth first from the start)."""
    seen = [dialogue.start]
    at = 0
    while at < len(seen):
        node = dialogue.nodes[seen[at]]
        at += 1
        for target in (*(b.goto for b in node.branches), node.next):
            if target and target in dialogue.nodes and target not in seen:
                seen.append(target)
    return seen


def _spliced(
    dialogue: Dialogue,
    framework: Framework,
    by_area: dict[str, list[tuple[str, ReviewItem]]],
    telephone: bool,
) -> Dialogue:
    nodes = dict(dialogue.nodes)
    start = dialogue.start
    order = _order(dialogue)
    for area, questions in by_area.items():
        chain = [NODE_PREFIX + qid.removeprefix(QUESTION_PREFIX) for qid, _ in questions]
        for (qid, item), node_id in zip(questions, chain, strict=True):
            nodes[node_id] = Node(
                ask=qid, read_aloud=read_aloud(item) if telephone else "", probes=_probes()
            )
        intro = next((n for n in order if nodes[n].say is not None and nodes[n].area == area), None)
        if intro is not None:
            # After the area's introduction: the chain takes over where it led.
            said = nodes[intro]
            nodes[chain[-1]] = nodes[chain[-1]].model_copy(
                update={"next": said.next, "branches": said.branches}
            )
            nodes[intro] = said.model_copy(update={"next": chain[0], "branches": ()})
        else:
            first = next(
                (
                    n
                    for n in order
                    if nodes[n].ask and framework.area_of(nodes[n].ask or "").id == area
                ),
                start,
            )
            # Before the area's first question: whatever led there leads to the chain.
            for node_id, node in list(nodes.items()):
                if node_id in chain:
                    continue
                update: dict[str, Any] = {}
                if node.next == first:
                    update["next"] = chain[0]
                if any(b.goto == first for b in node.branches):
                    update["branches"] = tuple(
                        b.model_copy(update={"goto": chain[0]}) if b.goto == first else b
                        for b in node.branches
                    )
                if update:
                    nodes[node_id] = node.model_copy(update=update)
            if start == first:
                start = chain[0]
            nodes[chain[-1]] = nodes[chain[-1]].model_copy(update={"next": first})
        for earlier, later in pairwise(chain):
            nodes[earlier] = nodes[earlier].model_copy(update={"next": later})
    return Dialogue.model_validate(
        dialogue.model_dump(mode="python", by_alias=True) | {"nodes": nodes, "start": start}
    )
