"""Whether an action's condition can hold on some route through a dialogue.

A condition can be possible on its own (``d1 == "no" and score("d2") < 50``) yet hold on
no route a respondent can take: the dialogue asks d2 only after the branch
``d1 == "yes"``, so wherever d2 is answered d1 is "yes". An action is judged on the
answers of the route the respondent ended on, so such an action is never suggested.

The routes are walked from the start node, remembering only what bears on the
condition: which of the questions it reads were asked, and what the branches taken (or
passed by) say of their answers. A branch taken means its condition held; a branch
passed by means it did not. Every node counts as a place a respondent may stop, since
an unfinished self-assessment is reported too. Only what is certain is reported: what
cannot be judged (an ``or`` in a branch, a comparison of two questions, an area's
score) is taken as possible.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.conditions import Condition
from bot.loading import LoadedDialogue
from bot.satisfiable import never_true

_NEGATED: dict[type[ast.cmpop], tuple[type[ast.cmpop], str]] = {
    ast.Eq: (ast.NotEq, "!="),
    ast.NotEq: (ast.Eq, "=="),
    ast.Lt: (ast.GtE, ">="),
    ast.LtE: (ast.Gt, ">"),
    ast.Gt: (ast.LtE, "<="),
    ast.GtE: (ast.Lt, "<"),
    ast.In: (ast.NotIn, "not in"),
    ast.NotIn: (ast.In, "in"),
}


@dataclass(frozen=True)
class _Fact:
    """What a route says of one question's answer: a comparison that holds."""

    question: str
    """The question whose answer it is about."""
    node: ast.expr
    """The comparison."""
    text: str
    """Its words, for the message."""


def required(condition: Condition, questions: Iterable[str]) -> frozenset[str]:
    """The questions that must be answered for the condition to hold: those read by a
    comparison (or `answered`) joined to the rest by ``and`` (a comparison with an
    unanswered question is false)."""
    known = set(questions)
    found: set[str] = set()
    for part in _conjuncts(condition.tree.body):
        # A bare score("q") holds only when q has a score, so it needs q answered too.
        if isinstance(part, ast.Compare | ast.Call):
            found |= {q for q in _read(part) if q in known}
    return frozenset(found)


def never_on_a_route(
    condition: Condition,
    loaded: LoadedDialogue,
    values: Mapping[str, Iterable[str]],
    numbers: Sequence[str],
) -> str | None:
    """Why the condition holds on no route through the dialogue, or None when it may."""
    framework = loaded.framework.framework
    needed = required(condition, (q.id for q in framework.questions()))
    if not needed:
        return None
    nodes = loaded.dialogue.nodes
    start = loaded.dialogue.start
    if start not in nodes:
        return None
    first = (start, frozenset[str](), frozenset[_Fact]())
    seen = {first}
    stack = [first]
    asks_all = False
    reasons: list[str] = []
    while stack:
        node_id, asked, facts = stack.pop()
        node = nodes[node_id]
        if node.ask in needed:
            # A new answer replaces what the route said of the old one.
            asked = asked | {node.ask}
            facts = frozenset(f for f in facts if f.question != node.ask)
        if asked >= needed:
            asks_all = True
            reason = never_true(
                condition, values, numbers, [(f.node, f.text) for f in sorted_facts(facts)]
            )
            if reason is None:
                return None
            reasons.append(reason)
        for target, holds, fails in _ways_on(loaded, node_id, needed):
            if target not in nodes:
                continue
            state = (target, asked, (facts | holds | fails))
            if state not in seen:
                seen.add(state)
                stack.append(state)
    asking = " and ".join(sorted(needed))
    if not asks_all:
        return f"no route through {loaded.id} asks {'both ' if len(needed) == 2 else 'all of '}{asking}"
    return (
        f"every route through {loaded.id} that asks {asking} contradicts it "
        f"({'; '.join(dict.fromkeys(reasons))})"
    )


def sorted_facts(facts: Iterable[_Fact]) -> list[_Fact]:
    """Facts in a stable order, so that messages read the same every time."""
    return sorted(facts, key=lambda f: (f.question, f.text))


def _ways_on(
    loaded: LoadedDialogue, node_id: str, needed: frozenset[str]
) -> list[tuple[str, frozenset[_Fact], frozenset[_Fact]]]:
    """Each way on from a node: the target, what taking it says (its branch held) and
    what passing the earlier branches by says (theirs did not)."""
    node = loaded.dialogue.nodes[node_id]
    ways = []
    passed: set[_Fact] = set()
    for index, branch in enumerate(node.branches):
        condition = loaded.branches.get((node_id, index))
        holds = frozenset(_holds(condition, needed)) if condition else frozenset()
        ways.append((branch.goto, holds, frozenset(passed)))
        if condition is not None:
            passed |= _fails(condition, needed)
    if node.next:
        ways.append((node.next, frozenset(), frozenset(passed)))
    return ways


def _holds(condition: Condition, needed: frozenset[str]) -> set[_Fact]:
    """What a branch's condition says of the needed questions when it holds: each simple
    comparison of one of them with a value, joined by ``and``."""
    facts = set()
    for part in _conjuncts(condition.tree.body):
        question = _compared(part)
        if question in needed and isinstance(part, ast.Compare):
            text = ast.get_source_segment(condition.source.strip(), part) or ast.unparse(part)
            facts.add(_Fact(question, part, text))
    return facts


def _fails(condition: Condition, needed: frozenset[str]) -> set[_Fact]:
    """What a branch's condition says of the needed questions when it does not hold: only
    a single comparison is turned round (the answer is then known to be given, since the
    condition needs it, so "not equal" is the whole of it)."""
    part = condition.tree.body
    question = _compared(part)
    if question not in needed or not isinstance(part, ast.Compare):
        return set()
    negated, word = _NEGATED[type(part.ops[0])]
    node = ast.Compare(left=part.left, ops=[negated()], comparators=part.comparators)
    source = condition.source.strip()
    left = ast.get_source_segment(source, part.left) or ast.unparse(part.left)
    right = ast.get_source_segment(source, part.comparators[0]) or ast.unparse(part.comparators[0])
    return {_Fact(question, node, f"{left} {word} {right}")}


def _compared(part: ast.AST) -> str | None:
    """The question a single comparison with a value reads (``d1 == "yes"``), else None."""
    if not isinstance(part, ast.Compare) or len(part.ops) != 1:
        return None
    if type(part.ops[0]) not in _NEGATED:
        return None
    sides = [part.left, part.comparators[0]]
    names = [s.id for s in sides if isinstance(s, ast.Name) and s.id not in ("True", "False")]
    values = [s for s in sides if isinstance(s, ast.Constant | ast.Tuple | ast.List | ast.UnaryOp)]
    if len(names) == 1 and len(values) == 1 and isinstance(part.left, ast.Name):
        return names[0]
    return None


def _conjuncts(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [c for v in node.values for c in _conjuncts(v)]
    return [node]


def _read(node: ast.AST) -> set[str]:
    """The questions a comparison or call needs answered: a name compared, or the id in
    score("q") or answered("q") (an id that is an area's is dropped by the caller). A
    count() needs none of its questions answered."""
    if isinstance(node, ast.Compare):
        return {q for side in (node.left, *node.comparators) for q in _read(side)}
    if isinstance(node, ast.Name) and node.id not in ("True", "False"):
        return {node.id}
    if isinstance(node, ast.Call) and _name(node) in ("score", "answered"):
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return {first.value}
    return set()


def _name(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else ""
