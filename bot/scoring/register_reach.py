"""Why a register has no item: never asked (the dialogue does not ask it, or an answer
led past it), not reached yet, or asked with none named. The one rule of the words a
report gives in place of an empty register (`bot.scoring.results.Register.empty_words`)."""

from __future__ import annotations

from bot.dialogue_graph import edges, reach
from bot.engine.path import FinalPath
from bot.facts import nodes_ahead
from bot.model import Dialogue, Framework, Group
from bot.model.framework import base_question


def register_asked(group: Group, path: FinalPath) -> bool:
    """Whether any of the group's questions (its "another?" question included) is on the
    final path: the register was asked, whatever was named."""
    ids = {q.id for q in group.questions} | {group.id}
    return any(base_question(step.question) in ids for step in path.steps)


def register_not_reached(
    group: Group, path: FinalPath, dialogue: Dialogue | None, left: bool
) -> bool:
    """Whether a register not asked may still be: the transcript was ``left`` part way
    (`bot.facts.left_part_way`) with the group's node still ahead of where the respondent
    is (`bot.facts.nodes_ahead`); without the dialogue, any register of a transcript left
    part way, as every question not on its path is then still to come."""
    if not left:
        return False
    if dialogue is None:
        return True
    ahead = nodes_ahead(path, dialogue)
    return any(dialogue.nodes[node].group == group.id for node in ahead)


def why_not_asked(
    framework: Framework, group: Group, path: FinalPath, dialogue: Dialogue | None
) -> str:
    """Why a register was not asked, in words: the dialogue has no node asking it, or the
    answer that led past it (the last question on the path from which the dialogue could
    still come to it)."""
    if dialogue is None:
        return "its question was not on the path answered."
    nodes = dialogue.nodes
    targets = {node for node, n in nodes.items() if n.group == group.id}
    if not targets:
        return "this dialogue does not ask it."
    graph = edges(nodes)
    turned = None
    for step in path.steps:
        node = step.node.partition("#")[0]
        if node in nodes and targets & reach(node, graph):
            turned = step
    if turned is None:
        return "the path answered did not come to it."
    base = base_question(turned.question)
    # A group's "another?" question is the group's own, not among the framework's.
    number = next((q.number or q.id for q in framework.questions() if q.id == base), base)
    if turned.answer is None:
        return f"{number} was not answered, which led past it."
    answer = turned.answer.label or turned.answer.value
    return f"the answer to {number} ({answer}) led past it."
