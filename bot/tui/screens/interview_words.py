"""What the interview's boxes and lists say: the reply box's placeholder at each moment,
and the answers an officer may amend, each named so that one can be told from another."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.engine import Prompt
from bot.engine.groups import item_words
from bot.model import Framework, Option, Turn
from bot.model.framework import base_question, instance_key
from bot.text import printable
from bot.tui.screens.conversation_base import SKIP_KEY
from bot.turn_words import answer_hint

FOLLOW_UP_PLACEHOLDER = f"Type their reply to the follow-up, then Enter ({SKIP_KEY} skips it)"
"""The reply box at a follow-up."""


def reply_placeholder(prompt: Prompt, held: str = "") -> str:
    """What the reply box is for at this moment, said in the box: the reply to a
    follow-up (and what a coding key held back from it will do), or the answer to a
    statement that is typed rather than coded (and that Enter keeps a revisited one's)."""
    if prompt.kind == "probe":
        if held:
            return (
                f'"{held}" held: {SKIP_KEY} skips the follow-up and codes it; or type their reply'
            )
        return FOLLOW_UP_PLACEHOLDER
    if prompt.previous is not None:
        return "Enter keeps their answer; or type a new one, then Enter"
    question = prompt.question
    if question is not None and question.multiple:
        return "Type their answer: every code that applies, then Enter"
    if question is not None and question.kind == "date":
        return "Type their answer: a date, such as 2 December 2009, then Enter"
    if question is not None and question.kind == "number":
        return f"{answer_hint(question)}, then Enter ({SKIP_KEY} skips)"
    return f"Type their answer, then Enter ({SKIP_KEY} skips)"


def amendable(framework: Framework, answers: Mapping[str, Turn]) -> list[tuple[str, str]]:
    """The answers an officer may amend, in the framework's order, each with what it is
    called: an area question by its number; a repeated group's question by the item
    and its first answer too ('Risk 2: "Town centre". WS4 (risk RAG)'), so that one
    item's answer can be told from another's. Keys are the answers' own names."""
    rows: list[tuple[str, str]] = []
    for area in framework.areas:
        rows += [(q.id, framework.label(q.id)) for q in area.questions if q.id in answers]
        for group in area.groups:
            ids = [q.id for q in group.questions]
            items = sorted(
                {t.item for k, t in answers.items() if t.item and base_question(k) in ids}
            )
            for item in items:
                first = answers.get(instance_key(ids[0], item))
                named = printable(first.value) if first is not None else ""
                name = item_words(group, item, first=False, named=named)
                rows += [
                    (instance_key(q, item), f"{name} {framework.label(q)}")
                    for q in ids
                    if instance_key(q, item) in answers
                ]
    return rows


def code_for(options: Sequence[Option], typed: str) -> tuple[Option | None, tuple[Option, ...]]:
    """What keys typed so far code: the option whose key they are (case ignored), and the
    options whose longer keys begin with them ("1" of 1, 10, 11 and 12), one of which
    further keys may still name."""
    typed = typed.casefold()
    exact = next((o for o in options if o.key.casefold() == typed), None)
    longer = tuple(
        o for o in options if len(o.key) > len(typed) and o.key.casefold().startswith(typed)
    )
    return exact, longer
