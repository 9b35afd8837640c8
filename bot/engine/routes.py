"""Where a dialogue goes next: branches, and where an amendment would turn the route.

Pure functions of a loaded dialogue and the answers; the session calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from bot.dialogue_graph import some_route_passes_a_question_by
from bot.engine.groups import after_in_group, first_step, step_ref
from bot.engine.path import AnswerLedger, FinalPath, PathTracker, Reach, answers_on, final_path
from bot.engine.review import is_reviewed, with_review
from bot.facts import AnswerFacts
from bot.loading import LoadedDialogue
from bot.model import Transcript, Turn
from bot.model.transcript import ReviewItem


@dataclass(frozen=True)
class RouteFacts:
    """What a dialogue's progress is told against, the same for every session on it."""

    question_total: int
    """How many distinct questions it can ask (`_question_total`): the count progress,
    and the home list's "answered/total", are shown against."""
    branches: bool
    """Whether some route passes a question by, so not everyone is asked everything."""
    areas_in_order: bool
    """Whether its main route asks the framework's areas in their order."""


def route_facts(loaded: LoadedDialogue) -> RouteFacts:
    """The dialogue's route facts, worked out the first time they are asked for and kept
    on the loaded dialogue: they depend on the dialogue and its framework alone, which
    never change once loaded (the branch check walks the graph once per asking node)."""
    known = loaded.derived.get(RouteFacts)
    if not isinstance(known, RouteFacts):
        dialogue = loaded.dialogue
        known = RouteFacts(
            question_total=_question_total(loaded),
            branches=some_route_passes_a_question_by(dialogue.nodes, dialogue.start),
            areas_in_order=takes_areas_in_order(loaded),
        )
        loaded.derived[RouteFacts] = known
    return known


def next_node(loaded: LoadedDialogue, node_id: str, facts: AnswerFacts) -> str | None:
    """The node after a node: the first branch whose condition holds, else `next`."""
    node = loaded.dialogue.nodes[node_id]
    for index, branch in enumerate(node.branches):
        if loaded.branches[(node_id, index)].evaluate(facts):
            return branch.goto
    return node.next


def next_question(loaded: LoadedDialogue, node_id: str, facts: AnswerFacts) -> str | None:
    """The next ask or group node after a node, through say nodes (None: the dialogue ends)."""
    nodes = loaded.dialogue.nodes
    for _ in range(len(nodes) + 1):
        following = next_node(loaded, node_id, facts)
        if following is None or nodes[following].kind == "end":
            return None
        if nodes[following].kind in ("ask", "group"):
            return following
        node_id = following
    return None


def next_step(loaded: LoadedDialogue, key: str, facts: AnswerFacts) -> str | None:
    """The path step after a step (see `bot.engine.path.step_key`): the next question of a
    repeated group's item, its "another?", the next item, or the next question after the
    node (a group node's first step). None: the dialogue ends."""
    ref = step_ref(loaded, key)
    if ref.item is not None:
        after = after_in_group(loaded, ref, facts.answers)
        if after is not None:
            return after.key
    following = next_question(loaded, ref.node, facts)
    if following is not None and loaded.dialogue.nodes[following].kind == "group":
        return first_step(loaded, following).key
    return following


def still_reached(
    loaded: LoadedDialogue, tracker: PathTracker, ledger: AnswerLedger
) -> list[str] | None:
    """The steps ahead of the cursor that the dialogue still reaches, in order: walked on
    from the cursor as the session walks forward when each answer is kept (Enter keeps
    it; a question without one is passed as a skip passes it), with the latest answers
    on the route so far, for as long as each next step is one of those ahead or one not
    asked yet (passed as a skip passes it: it is not on the path until asked). A step
    ahead the walk passes by, or every one after the walk turns back or ends, is no
    longer reached. None where the walk cannot judge: a step the dialogue does not have
    (a dialogue changed since the transcript was taken)."""
    ahead = tracker.nodes[tracker.cursor + 1 :]
    route = tracker.behind()
    if not route:
        return None
    framework = loaded.framework.framework
    asked_by = dict(tracker.questions)
    reached: list[str] = []
    try:
        for _ in range(len(ahead) + 2 * len(loaded.dialogue.nodes) + 2):
            if not ahead:
                break
            answers = answers_on([n for n in route if n in tracker.questions], tracker, ledger)
            # As the session's own facts at that step: the questions passed by were asked,
            # the one at the step once it has an answer.
            asked = {asked_by[node] for node in route[:-1]} | answers.keys()
            facts = AnswerFacts(framework, answers, asked=asked)
            following = next_step(loaded, route[-1], facts)
            if following is None or following in route:
                break
            if following in ahead:
                ahead = ahead[ahead.index(following) + 1 :]
                reached.append(following)
            elif following in tracker.nodes:
                break
            else:  # not asked yet: passed as a skip passes it
                asked_by[following] = step_ref(loaded, following).answer_key
            route.append(following)
    except (KeyError, ValueError):
        return None
    return reached


def reach_of(loaded: LoadedDialogue | None, review: Sequence[ReviewItem] = ()) -> Reach | None:
    """The dialogue's walk as the final path takes it (`bot.engine.path.final_path`), or
    None without a dialogue (the turns-only rule). ``review``: the transcript's plan review
    items, whose questions are asked as the conversation asked them (`with_review`; a
    conversation's own dialogue has them already)."""
    if loaded is None:
        return None
    if review and not is_reviewed(loaded.framework.framework):
        key = ("plan review", tuple(item.model_dump_json() for item in review))
        reviewed = loaded.derived.get(key)
        if not isinstance(reviewed, LoadedDialogue):
            reviewed = loaded.derived[key] = with_review(loaded, review)
        loaded = reviewed
    return partial(still_reached, loaded)


def transcript_path(
    transcript: Transcript, turns: Sequence[Turn], dialogue: LoadedDialogue | None
) -> FinalPath:
    """The final path of a transcript's turns (all of them, or the first few in a replay),
    as every report, aggregate, replay and the home list read it: the questions ahead of
    the cursor judged by walking ``dialogue`` on (`still_reached`), with the transcript's
    plan review questions as they were asked; without the dialogue, by the turns alone."""
    return final_path(turns, reach_of(dialogue, transcript.review))


def turning_point(
    loaded: LoadedDialogue,
    tracker: PathTracker,
    ledger: AnswerLedger,
    node_id: str,
    amendment: Turn,
    finished: bool,
) -> str | None:
    """Where the route taken would turn differently with an amendment: the first step from
    `node_id` (a path step, see `step_key`) on whose next step is no longer the one that
    followed it, or None."""
    nodes = tracker.nodes
    if node_id not in nodes[: tracker.cursor + 1]:
        return None  # ahead of the cursor: the route is taken again when it is reached
    amended = ledger.with_answer(amendment)
    framework = loaded.framework.framework
    last = len(nodes) - 1 if finished else tracker.cursor - 1
    # The question being asked is left out: its route is taken when it is answered.
    for index in range(nodes.index(node_id), last + 1):
        route = nodes[: index + 1]
        asked = {tracker.questions[node] for node in route}
        facts = AnswerFacts(framework, answers_on(route, tracker, amended), asked=asked)
        expected = nodes[index + 1] if index + 1 < len(nodes) else None
        if next_step(loaded, nodes[index], facts) != expected:
            return nodes[index]
    return None


def takes_areas_in_order(loaded: LoadedDialogue) -> bool:
    """Whether the dialogue's main route (from the start, each node's `next`) asks the
    framework's areas in their order, never going back to an earlier one."""
    nodes = loaded.dialogue.nodes
    framework = loaded.framework.framework
    position = {area.id: index for index, area in enumerate(framework.areas)}
    seen: set[str] = set()
    node_id: str | None = loaded.dialogue.start
    last = -1
    while node_id is not None and node_id in nodes and node_id not in seen:
        seen.add(node_id)
        node = nodes[node_id]
        if node.ask is not None:
            area = position[framework.area_of(node.ask).id]
        elif node.group is not None:
            area = position[framework.area_of(framework.group(node.group).questions[0].id).id]
        else:
            area = last
        if area < last:
            return False
        last = area
        node_id = node.next
    return True


def _question_total(loaded: LoadedDialogue) -> int:
    """How many distinct questions the dialogue can ask, the count progress is shown
    against: each ask node once, and each repeated group's questions once (for one item)."""
    framework = loaded.framework.framework
    return sum(
        1 if node.ask else len(framework.group(node.group).questions)
        for node in loaded.dialogue.nodes.values()
        if node.ask or node.group
    )
