"""Where a dialogue goes next: branches, and where an amendment would turn the route.

Pure functions of a loaded dialogue and the answers; the session calls them.
"""

from __future__ import annotations

from bot.engine.path import AnswerLedger, PathTracker, answers_on
from bot.facts import AnswerFacts
from bot.loading import LoadedDialogue
from bot.model import Turn


def next_node(loaded: LoadedDialogue, node_id: str, facts: AnswerFacts) -> str | None:
    """The node after a node: the first branch whose condition holds, else `next`."""
    node = loaded.dialogue.nodes[node_id]
    for index, branch in enumerate(node.branches):
        if loaded.branches[(node_id, index)].evaluate(facts):
            return branch.goto
    return node.next


def next_question(loaded: LoadedDialogue, node_id: str, facts: AnswerFacts) -> str | None:
    """The next ask node after a node, through say nodes (None: the dialogue ends)."""
    nodes = loaded.dialogue.nodes
    for _ in range(len(nodes) + 1):
        following = next_node(loaded, node_id, facts)
        if following is None or nodes[following].kind == "end":
            return None
        if nodes[following].kind == "ask":
            return following
        node_id = following
    return None


def turning_point(
    loaded: LoadedDialogue,
    tracker: PathTracker,
    ledger: AnswerLedger,
    node_id: str,
    amendment: Turn,
    finished: bool,
) -> str | None:
    """Where the route taken would turn differently with an amendment: the first node from
    `node_id` on whose next question is no longer the one that followed it, or None."""
    nodes = tracker.nodes
    if node_id not in nodes[: tracker.cursor + 1]:
        return None  # ahead of the cursor: the route is taken again when it is reached
    amended = ledger.with_answer(amendment)
    framework = loaded.framework.framework
    last = len(nodes) - 1 if finished else tracker.cursor - 1
    # The question being asked is left out: its route is taken when it is answered.
    for index in range(nodes.index(node_id), last + 1):
        facts = AnswerFacts(framework, answers_on(nodes[: index + 1], tracker, amended))
        expected = nodes[index + 1] if index + 1 < len(nodes) else None
        if next_question(loaded, nodes[index], facts) != expected:
            return nodes[index]
    return None
