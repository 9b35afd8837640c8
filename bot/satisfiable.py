"""Whether a condition can ever hold: the contradictions an author writes by mistake.

Only what is certain is reported: a condition that joins with ``and`` demands on one
answer (or one score, or one count) that no answer meets, such as
``q3 == "a" and q3 == "b"``, ``size > 20 and size < 10``, ``score("goals") > 100``, or
``not answered("q1") and q1 == "no"`` (a comparison with an unanswered question is
false). Anything it cannot judge (a comparison of two questions, an ``or`` with one
possible branch, a ``not`` over a comparison) counts as possible.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from bot.conditions import Condition

Key = tuple[str, str]
"""What an atom constrains: ("value", question), ("score", id) or ("count", source)."""
Narrow = Callable[["_Demands"], None]
"""How an atom narrows what its key may be."""

_FLIP = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}


def never_true(
    condition: Condition,
    values: Mapping[str, Iterable[str]],
    numbers: Iterable[str] = (),
    assumed: Sequence[tuple[ast.expr, str]] = (),
) -> str | None:
    """Why a condition can never hold, or None when it may. ``values`` gives each choice
    question's option values, ``numbers`` the number questions; ``assumed``: comparisons
    known to hold as well (with their words), such as the branches a route took."""
    known = {k: frozenset(v) for k, v in values.items()}
    body: ast.AST = condition.tree.body
    if assumed:
        body = ast.BoolOp(op=ast.And(), values=[body, *(node for node, _ in assumed)])
    texts = {id(node): text for node, text in assumed}
    return _never(body, known, frozenset(numbers), condition.source.strip(), texts)


@dataclass
class _Demands:
    """What an ``and`` asks of one key."""

    words: list[str] = field(default_factory=list)
    """The atoms, as written, for the message."""
    allowed: frozenset[object] | None = None
    excluded: set[object] = field(default_factory=set)
    low: float = -math.inf
    low_strict: bool = False
    high: float = math.inf
    high_strict: bool = False
    numeric: bool = False
    unanswered: bool = False
    compared: bool = False

    def impossible(self) -> bool:
        if self.unanswered and self.compared:
            return True
        if self.allowed is not None and not (self.allowed - self.excluded):
            return True
        if self.allowed is not None and self.numeric:
            numbers = [a for a in self.allowed if isinstance(a, int | float)]
            if numbers and not any(self._inside(n) for n in numbers if n not in self.excluded):
                return True
        if self.low > self.high:
            return True
        return self.low == self.high and (self.low_strict or self.high_strict)

    def _inside(self, number: float) -> bool:
        above = number > self.low if self.low_strict else number >= self.low
        below = number < self.high if self.high_strict else number <= self.high
        return above and below


def _never(
    node: ast.AST,
    values: Mapping[str, frozenset[str]],
    numbers: frozenset[str],
    source: str,
    texts: Mapping[int, str] | None = None,
) -> str | None:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        reasons = [_never(v, values, numbers, source) for v in node.values]
        if all(reasons):
            return "none of its alternatives can hold (" + "; ".join(r for r in reasons if r) + ")"
        return None
    parts = _conjuncts(node)
    for part in parts:
        if isinstance(part, ast.BoolOp):
            reason = _never(part, values, numbers, source)
            if reason:
                return reason
    demands: dict[Key, _Demands] = {}
    for part in parts:
        for key, text, apply in _atoms(part, source, texts or {}):
            demand = demands.setdefault(key, _start(key, values, numbers))
            demand.words.append(text)
            apply(demand)
    for key, demand in demands.items():
        if demand.impossible():
            what = {"value": f"answer to {key[1]}", "score": f"score of {key[1]}"}
            said = " and ".join(dict.fromkeys(demand.words))
            return f"no {what.get(key[0], 'count')} meets {said}"
    return None


def _conjuncts(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [c for v in node.values for c in _conjuncts(v)]
    return [node]


def _start(key: Key, values: Mapping[str, frozenset[str]], numbers: frozenset[str]) -> _Demands:
    demand = _Demands()
    kind, name = key
    if kind == "score":
        demand.low, demand.high, demand.numeric = 0.0, 100.0, True
    elif kind == "count":
        demand.low, demand.high, demand.numeric = 0.0, float(name.count(",")), True
    elif name in values:
        demand.allowed = frozenset(values[name])
    elif name in numbers:
        demand.numeric = True
    return demand


def _atoms(
    node: ast.AST, source: str, texts: Mapping[int, str]
) -> Iterator[tuple[Key, str, Narrow]]:
    """(key, text, how it narrows the demands) for each simple comparison in the node
    (``texts``: the words of nodes from another source, which ``source`` does not hold)."""
    text = texts.get(id(node)) or ast.get_source_segment(source, node) or ast.unparse(node)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = node.operand
        if isinstance(inner, ast.Call) and _call_name(inner) == "answered":
            target = _first_text(inner)
            if target is not None:
                yield ("value", target), text, _set(unanswered=True)
        return
    if isinstance(node, ast.Call) and _call_name(node) == "answered":
        return
    if not isinstance(node, ast.Compare):
        return
    parts = [node.left, *node.comparators]
    for left, op, right in zip(parts, node.ops, parts[1:], strict=False):
        subject, other, operator = left, right, op
        if _key(subject) is None:
            subject, other = right, left
            operator = _FLIP.get(type(op), type(op))()  # type: ignore[operator]
        key = _key(subject)
        if key is None:
            continue
        literal = _literal(other)
        if literal is _UNKNOWN:
            continue
        yield key, text, _narrow(operator, literal)


_UNKNOWN = object()


def _literal(node: ast.AST) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal(node.operand)
        return -inner if isinstance(inner, int | float) else _UNKNOWN
    if isinstance(node, ast.Tuple | ast.List):
        items = [_literal(e) for e in node.elts]
        return _UNKNOWN if _UNKNOWN in items else tuple(items)
    return _UNKNOWN


def _key(node: ast.AST) -> Key | None:
    if isinstance(node, ast.Name) and node.id not in ("True", "False"):
        return ("value", node.id)
    if isinstance(node, ast.Call) and _call_name(node) == "score":
        target = _first_text(node)
        return ("score", f'"{target}"') if target is not None else None
    if isinstance(node, ast.Call) and _call_name(node) == "count":
        return ("count", ast.unparse(node))
    return None


def _call_name(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else ""


def _first_text(node: ast.Call) -> str | None:
    first = node.args[0] if node.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _set(**changes: object) -> Narrow:
    def apply(demand: _Demands) -> None:
        for name, value in changes.items():
            setattr(demand, name, value)

    return apply


def _narrow(op: ast.cmpop, literal: object) -> Narrow:
    def apply(demand: _Demands) -> None:
        demand.compared = True
        if isinstance(op, ast.Eq):
            _allow(demand, frozenset([literal]))
            if isinstance(literal, int | float):
                _bound(demand, ast.GtE(), literal)
                _bound(demand, ast.LtE(), literal)
        elif isinstance(op, ast.In) and isinstance(literal, tuple):
            _allow(demand, frozenset(literal))
        elif isinstance(op, ast.NotEq):
            demand.excluded.add(literal)
        elif isinstance(op, ast.NotIn) and isinstance(literal, tuple):
            demand.excluded.update(literal)
        elif isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE) and isinstance(
            literal, int | float
        ):
            _bound(demand, op, literal)

    return apply


def _allow(demand: _Demands, allowed: frozenset[object]) -> None:
    demand.allowed = allowed if demand.allowed is None else demand.allowed & allowed


def _bound(demand: _Demands, op: ast.cmpop, number: float) -> None:
    if isinstance(op, ast.Gt | ast.GtE):
        strict = isinstance(op, ast.Gt)
        if number > demand.low or (number == demand.low and strict):
            demand.low, demand.low_strict = number, strict
    else:
        strict = isinstance(op, ast.Lt)
        if number < demand.high or (number == demand.high and strict):
            demand.high, demand.high_strict = number, strict
