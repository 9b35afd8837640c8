"""A dialogue as a graph: which nodes lead where, and which loops can never be left.

Used when a dialogue is loaded (a loop of say nodes is refused: nothing can change while
the bot talks, so once entered it never ends) and by `validate` (loops that no answer
can leave, given which branch conditions hold whatever the answers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.model.dialogue import Node

Truth = Callable[[str, int], bool | None]
"""Whether branch ``index`` of a node holds whatever the answers (True or False), or
depends on them (None)."""


def edges(nodes: Mapping[str, Node], truth: Truth | None = None) -> dict[str, list[str]]:
    """Where each node can lead. With ``truth``, only the ways that can be taken: a
    branch that never holds is left out, and one that always holds hides everything
    after it (later branches and `next`)."""
    out: dict[str, list[str]] = {}
    for node_id, node in nodes.items():
        targets: list[str] = []
        for index, branch in enumerate(node.branches):
            holds = truth(node_id, index) if truth else None
            if holds is False:
                continue
            targets.append(branch.goto)
            if holds is True:
                break
        else:
            if node.next:
                targets.append(node.next)
        out[node_id] = [t for t in dict.fromkeys(targets) if t in nodes]
    return out


def reach(start: str, graph: Mapping[str, list[str]]) -> set[str]:
    """Every node reachable from ``start``, itself included."""
    seen = {start}
    stack = [start]
    while stack:
        for target in graph.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def say_loops(nodes: Mapping[str, Node]) -> list[list[str]]:
    """Groups of say nodes that lead round to one another without an ask or end node
    between them, each in file order."""
    says = {node_id for node_id, node in nodes.items() if node.kind == "say"}
    graph = {n: [t for t in targets if t in says] for n, targets in edges(nodes).items()}
    graph = {n: graph[n] for n in says}
    reached = {n: set().union(*(reach(t, graph) for t in graph[n])) for n in says}
    loops: list[list[str]] = []
    placed: set[str] = set()
    for node_id in nodes:
        if node_id in says and node_id in reached[node_id] and node_id not in placed:
            group = [
                n for n in nodes if n in says and n in reached[node_id] and node_id in reached[n]
            ]
            placed.update(group)
            loops.append(group)
    return loops


def some_route_passes_a_question_by(nodes: Mapping[str, Node], start: str) -> bool:
    """Whether some route from ``start`` to an end leaves out a node that asks (a
    question or a repeated group), so that not every respondent is asked everything."""
    graph = edges(nodes)
    ends = {node_id for node_id, node in nodes.items() if node.end is not None}
    for asking in (node_id for node_id, node in nodes.items() if node.ask or node.group):
        if asking == start:
            continue
        without = {k: [t for t in v if t != asking] for k, v in graph.items() if k != asking}
        if reach(start, without) & ends:
            return True
    return False
