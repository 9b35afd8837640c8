"""Repeated groups: the same few questions asked for each item the respondent names.

A dialogue's group node asks its framework group's questions for item 1, then the
group's "another?" question; a yes asks them again for item 2, and so on, until the
answer is no (or is skipped) or `max_items` items are named; then the dialogue goes on
from the group node's `next` or branches. Each of these is a step of its own on the path
(`bot.engine.path.step_key`), and each item's answers are kept under the item's own name
(`bot.model.framework.instance_key`), so going back, amending, skipping and resuming work
on an item's questions as on any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.engine.path import step_key
from bot.loading import LoadedDialogue
from bot.model import Group, Turn
from bot.model.framework import instance_key
from bot.text import clip


@dataclass(frozen=True)
class StepRef:
    """What a step of the path asks: a node's question, or one item's question of a group."""

    node: str
    """The dialogue node."""
    question: str
    """The framework question (a group's own id for its "another?" question)."""
    item: int | None = None
    """In a repeated group, the item (1, 2, ...); None elsewhere."""

    @property
    def key(self) -> str:
        """The step's name on the path."""
        return step_key(self.node, self.question, self.item)

    @property
    def answer_key(self) -> str:
        """The name its answer is kept under."""
        return instance_key(self.question, self.item)


def step_ref(loaded: LoadedDialogue, key: str) -> StepRef:
    """The step a path key names (see `step_key`)."""
    node, _, rest = key.partition("#")
    if not rest:
        return StepRef(node, loaded.dialogue.nodes[node].ask or "")
    item, _, question = rest.partition(".")
    return StepRef(node, question, int(item))


def group_at(loaded: LoadedDialogue, node: str) -> Group:
    """The repeated group a group node asks."""
    return loaded.framework.framework.group(loaded.dialogue.nodes[node].group or "")


def first_step(loaded: LoadedDialogue, node: str) -> StepRef:
    """A group node's first step: item 1's first question."""
    return StepRef(node, group_at(loaded, node).questions[0].id, 1)


def is_more(loaded: LoadedDialogue, ref: StepRef) -> bool:
    """Whether a step is a group's "another?" question."""
    return ref.item is not None and ref.question == group_at(loaded, ref.node).id


def after_in_group(
    loaded: LoadedDialogue, ref: StepRef, answers: Mapping[str, Turn]
) -> StepRef | None:
    """The step after a group's step, or None when the group is left (its "another?"
    answered anything but yes, or skipped, or the last item's questions done when no more
    may be named)."""
    group = group_at(loaded, ref.node)
    assert ref.item is not None
    ids = [q.id for q in group.questions]
    if ref.question == group.id:
        more = answers.get(instance_key(group.id, ref.item))
        if more is not None and more.value == "yes" and ref.item < group.max_items:
            return StepRef(ref.node, ids[0], ref.item + 1)
        return None
    index = ids.index(ref.question)
    if index + 1 < len(ids):
        return StepRef(ref.node, ids[index + 1], ref.item)
    if ref.item < group.max_items:
        return StepRef(ref.node, group.id, ref.item)
    return None


NAMED_WIDTH = 60
"""How much of an item's first answer is repeated before its other questions."""


def item_name(group: Group, item: int) -> str:
    """An item as people call it: "Risk 2"."""
    return f"{group.item[:1].upper()}{group.item[1:]} {item}"


def item_words(group: Group, item: int, first: bool, named: str = "") -> str:
    """What is said before an item's question: "Risk 2 (at most 12)." before its first
    question, and before the others the item with its first answer, "Risk 2: "Town
    centre".", so that "it" in them is plain."""
    name = item_name(group, item)
    if first:
        return f"{name} (at most {group.max_items})."
    named = " ".join(named.split())
    return f'{name}: "{clip(named, NAMED_WIDTH)}".' if named else f"{name}."
