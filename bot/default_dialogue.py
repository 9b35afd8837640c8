"""A plain linear dialogue for a framework that has none of its own."""

from __future__ import annotations

import json
from dataclasses import replace

from bot import remembered
from bot.loading import LoadedDialogue, LoadedFramework, bind_dialogue, file_hash
from bot.model import Dialogue, Framework, Node, Probe, Question

LOW = "What gets in the way here, and what would help?"
DONT_KNOW = "Who would know, or where could we find out?"
HIGH = "That is a strong answer. What would you show an inspector to back it up?"
VAGUE = "Could you give an example: a document, a date, a number or a body involved?"
BELOW_RANGE = "That is below the recommended range ({range}). {note} {reason} What is the reason?"
ABOVE_RANGE = "That is above the recommended range ({range}). {note} {reason} What is the reason?"


def default_probes(question: Question) -> tuple[Probe, ...]:
    """The general-purpose follow-ups that suit a question's kind."""
    if question.kind in ("rating", "yesno"):
        return (
            Probe(on="low", text=LOW),
            Probe(on="dont_know", text=DONT_KNOW),
            Probe(on="unevidenced_high", text=HIGH),
        )
    if question.kind == "number" and question.recommended is not None:
        return (
            Probe(on="below_range", text=BELOW_RANGE),
            Probe(on="above_range", text=ABOVE_RANGE),
        )
    if question.kind == "text":
        return (Probe(on="vague", text=VAGUE),)
    if question.kind in ("choice", "date") and question.allow_dont_know:
        return (Probe(on="dont_know", text=DONT_KNOW),)
    return ()


def default_dialogue(framework: Framework) -> Dialogue:
    """Every question in order, an introduction per area, and the default probes."""
    nodes: dict[str, Node] = {}
    order: list[str] = ["welcome"]
    count = len(framework.questions())
    nodes["welcome"] = Node(
        say=f"Welcome. This is the {framework.title} self-assessment: {count} questions "
        f"in {len(framework.areas)} areas. Your answers are saved as you go.",
    )
    for area in framework.areas:
        intro = f"intro-{area.id}"
        nodes[intro] = Node(
            say=area.title + (f": {area.intro}" if area.intro else ""), area=area.id
        )
        order.append(intro)
        for question in area.questions:
            node_id = f"q-{question.id}"
            nodes[node_id] = Node(ask=question.id, probes=default_probes(question))
            order.append(node_id)
        for group in area.groups:
            # "g-" for a group, as "q-" for a question: no two nodes share an id.
            node_id = f"g-{group.id}"
            nodes[node_id] = Node(group=group.id, chat=f"{group.title}.")
            order.append(node_id)
    nodes["end"] = Node(end="That is the last question. Thank you: your answers are saved.")
    order.append("end")
    linked = {
        node_id: node if node.end is not None else node.model_copy(update={"next": order[i + 1]})
        for i, (node_id, node) in enumerate((n, nodes[n]) for n in order)
    }
    return Dialogue(
        id=f"{framework.id}-default",
        framework=framework.id,
        title=f"{framework.title} (every question in order)",
        version=framework.version,
        description="Generated: the framework's questions in order with general follow-ups.",
        start="welcome",
        nodes=linked,
    )


def load_default_dialogue(framework: LoadedFramework) -> LoadedDialogue:
    """The default dialogue, checked and bound like a file (remembered per framework)."""
    entry = remembered.key("default-dialogue", framework.hash)
    known = remembered.recall(entry, LoadedDialogue)
    if known is not None and known.framework.hash == framework.hash:
        return replace(known, framework=framework)
    dialogue = default_dialogue(framework.framework)
    digest = file_hash(json.dumps(dialogue.model_dump(mode="json"), sort_keys=True).encode())
    loaded = bind_dialogue(
        dialogue, framework, f"(default dialogue for {framework.id})", "", None, digest
    )
    remembered.keep(entry, loaded)
    return loaded
