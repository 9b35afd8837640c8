"""A small, safe expression language for `when` and `check`.

Conditions look like Python: ``h2_1 == "no" or score("leadership") < 40``. They are
parsed once, at load time, with :mod:`ast` and checked against an allowlist of
node types; they are then evaluated by walking that tree. Nothing is ever passed
to ``eval`` or ``exec``.

Allowed: question ids as names (their answer's value), string and number
literals, ``True``/``False``, tuples or lists of literals (for ``in``),
``and``/``or``/``not``, comparisons (``== != < <= > >= in not in``), unary minus,
and the functions ``answered(q)``, ``score(q_or_area)`` and ``count(value, q, ...)``.

A comparison with an unanswered question or an absent score is false.
"""

from __future__ import annotations

import ast
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from bot.iso_date import stored_date
from bot.problems import listing, suggest

MAX_LENGTH = 2000
MAX_DEPTH = 50
"""Deepest nesting of a condition's syntax tree. The shipped conditions reach 7; the bound
keeps checking and evaluating (both walk the tree) far from Python's recursion limit."""
FUNCTIONS = ("answered", "score", "count")


class ConditionError(ValueError):
    """A condition that cannot be parsed or names something unknown: every problem found in
    it (``problems``), so that one pass reports them all; ``unknown`` holds those among
    them that name a question (or area) that does not exist, in whichever form it is
    named (``q1 == "yes"``, ``score("q1")``, ``answered("q1")``)."""

    def __init__(self, *problems: str, unknown: Iterable[str] = ()) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.unknown = tuple(unknown)


class Facts(Protocol):
    """What a condition is evaluated against."""

    def value(self, question_id: str) -> str | float | tuple[str, ...] | None:
        """The current answer's value (a multiple choice's: the values picked), or None
        when unanswered or abstained."""
        ...

    def answered(self, question_id: str) -> bool:
        """Whether the question has an answer (an abstention counts)."""
        ...

    def score(self, name: str) -> float | None:
        """A question's or an area's 0-100 score, or None."""
        ...


_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


@dataclass(frozen=True)
class Condition:
    """A parsed condition, ready to evaluate many times."""

    source: str
    """The text as written."""
    tree: ast.Expression
    """The checked syntax tree."""
    names: frozenset[str]
    """Question ids it reads."""
    areas: frozenset[str]
    """Area ids it reads through score()."""

    def evaluate(self, facts: Facts) -> bool:
        """Whether the condition holds for these facts."""
        return bool(_evaluate(self.tree.body, facts))

    def constant(self) -> bool | None:
        """True when the condition holds whatever the answers (``True``, ``1 == 1``,
        ``a1 == "no" or True``), False when it never does, None when it depends on them."""
        value = _fold(self.tree.body)
        return None if value is _UNKNOWN else bool(value)


def parse(
    source: str,
    questions: Iterable[str],
    areas: Iterable[str] = (),
    values: Mapping[str, Iterable[str]] | None = None,
    numbers: Iterable[str] = (),
    dates: Iterable[str] = (),
    multiple: Iterable[str] = (),
    grouped: Mapping[str, str] | None = None,
    facts: Iterable[str] = (),
) -> Condition:
    """Parse and check a condition against the known question and area ids.

    ``values`` maps a choice question to its options' values, ``numbers`` names the
    number questions, ``dates`` the date questions and ``multiple`` the choices that take
    several picks, so that comparing a question with a value it can never take (a word
    for a number, a number for a choice, a value a choice does not offer, anything but a
    date for a date) is reported at load time. ``grouped`` maps the questions of repeated
    groups (and each group's own id) to their group, which conditions cannot read: naming
    one says so. ``facts`` names the questions of weight 0, whose answers are never
    scored: their score() never holds, so reading it is refused.
    """
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as error:
        from bot.condition_syntax import explain

        raise ConditionError(explain(source, error)) from None
    except (RecursionError, MemoryError):
        raise ConditionError(_too_deep()) from None
    if _depth(tree) > MAX_DEPTH:
        raise ConditionError(_too_deep())
    checker = _Checker(set(questions), set(areas), {k: set(v) for k, v in (values or {}).items()})
    checker.numbers = set(numbers)
    checker.dates = set(dates)
    checker.multiple = set(multiple)
    checker.grouped = dict(grouped or {})
    checker.facts = set(facts)
    checker.visit(tree.body)
    if checker.problems:
        raise ConditionError(*dict.fromkeys(checker.problems), unknown=checker.unknown)
    return Condition(source, tree, frozenset(checker.names), frozenset(checker.areas_used))


def _depth(tree: ast.AST) -> int:
    # Iterative, so that measuring a deep tree cannot itself recurse too deeply.
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _too_deep() -> str:
    return (
        f"is nested too deeply (more than {MAX_DEPTH} levels of operators, such as a long run "
        "of minus signs or of not): simplify it"
    )


def _listing(known: set[str]) -> str:
    """The names a condition may use, in their natural order (h1_2 before h1_10)."""
    return listing(known, "; the framework has none")


class _Checker:
    """Walks a parsed tree and refuses anything outside the allowlist."""

    def __init__(self, questions: set[str], areas: set[str], values: dict[str, set[str]]) -> None:
        self.questions = questions
        self.areas = areas
        self.values = values
        self.numbers: set[str] = set()
        self.dates: set[str] = set()
        self.multiple: set[str] = set()
        self.grouped: dict[str, str] = {}
        self.facts: set[str] = set()
        self.names: set[str] = set()
        self.areas_used: set[str] = set()
        self.problems: list[str] = []
        self.unknown: list[str] = []

    def visit(self, node: ast.AST) -> None:
        # A problem in one part is noted and the other parts are still checked, so that one
        # pass reports every problem in the condition.
        try:
            self._visit(node)
        except ConditionError as error:
            self.problems.extend(error.problems)
            self.unknown.extend(error.unknown)

    def _visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self.visit(value)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub):
            self.visit(node.operand)
        elif isinstance(node, ast.Compare):
            for op in node.ops:
                if type(op) not in _COMPARE:
                    said, use = ("is not", "!=") if isinstance(op, ast.IsNot) else ("is", "==")
                    raise ConditionError(f"uses {said}: use {use} ({said} is not allowed)")
            self._unquoted(node)
            for part in (node.left, *node.comparators):
                self.visit(part)
            self._check_values(node)
        elif isinstance(node, ast.Name):
            self._name(node.id)
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, str | int | float | bool):
                raise ConditionError(
                    f"uses the value {node.value!r}; use text, numbers or True/False"
                )
        elif isinstance(node, ast.Tuple | ast.List):
            for element in node.elts:
                if not isinstance(element, ast.Constant):
                    raise ConditionError("lists may hold only text and numbers")
                self.visit(element)
        elif isinstance(node, ast.Call):
            self._call(node)
        else:
            raise ConditionError(f"uses {_describe(node)}, which conditions do not allow")

    def _unquoted(self, node: ast.Compare) -> None:
        """A value written without quotes (d1 == yes) reads as a name: say to quote it."""
        parts = [node.left, *node.comparators]
        for left, right in itertools.pairwise(parts):
            for question, other in ((left, right), (right, left)):
                if not (isinstance(question, ast.Name) and isinstance(other, ast.Name)):
                    continue
                if other.id in self.questions or question.id not in self.values:
                    continue
                values = {v.casefold(): v for v in self.values[question.id]}
                value = values.get(other.id.casefold())
                if value is not None:
                    raise ConditionError(
                        f'names {other.id} without quotes: an answer goes in quotes, "{value}" '
                        f'({question.id} == "{value}")'
                    )

    def _name(self, name: str) -> None:
        if name in ("True", "False"):
            return
        if name.casefold() in ("and", "or", "not"):
            raise ConditionError(f"uses {name}: write {name.casefold()} in lower case")
        if name in ("true", "false"):
            raise ConditionError(f"uses {name}: write {name.capitalize()}, with a capital")
        if name not in self.questions:
            raise self._names_nothing(
                name,
                f'names "{name}", which is not a question id{self._hint(name, self.questions)}',
            )
        self.names.add(name)

    def _call(self, node: ast.Call) -> None:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            called = node.func.id if isinstance(node.func, ast.Name) else _describe(node.func)
            raise ConditionError(
                f"calls {called}(); the functions are {', '.join(f + '()' for f in FUNCTIONS)}"
                + suggest(str(called), FUNCTIONS)
            )
        name = node.func.id
        if node.keywords or not node.args:
            raise ConditionError(f"{name}() takes one or more quoted ids")
        args = node.args
        if name == "count":
            if len(args) < 2:
                raise ConditionError('count() takes a value and question ids: count("no", q1, q2)')
            if not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)):
                raise ConditionError("count()'s first argument is a quoted value")
            for arg in args[1:]:
                if not isinstance(arg, ast.Name):
                    raise ConditionError("count() takes question ids after the value")
                self._name(arg.id)
            return
        if len(args) != 1 or not (
            isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)
        ):
            # An id written without its quotes, score(q1), is shown with them.
            bare = args[0].id if len(args) == 1 and isinstance(args[0], ast.Name) else "q1"
            raise ConditionError(f'{name}() takes one quoted id, such as {name}("{bare}")')
        target = args[0].value
        if name == "answered":
            self._name(target)
        elif target in self.facts:
            raise ConditionError(
                f'reads score("{target}"), but {target} has weight 0: its answer is a fact, '
                f"never scored, so its score is never a number; compare its answer instead, "
                f"such as {self._fact_example(target)}"
            )
        elif target in self.questions:
            self.names.add(target)
        elif target in self.areas:
            self.areas_used.add(target)
        else:
            known = self.questions | self.areas
            raise self._names_nothing(
                target, f'score("{target}") names no question or area{self._hint(target, known)}'
            )

    def _fact_example(self, name: str) -> str:
        """A comparison of a fact's answer with one of its values, to suggest."""
        values = sorted(self.values.get(name, ()))
        value = "yes" if "yes" in values else (values[0] if values else "...")
        return f'{name} == "{value}"'

    def _names_nothing(self, name: str, message: str) -> ConditionError:
        """The problem of a name that is no question or area: one that names nothing at all
        (`ConditionError.unknown`), or a repeated group's, which exists but is not read."""
        return ConditionError(message, unknown=() if name in self.grouped else (message,))

    def _hint(self, name: str, known: set[str]) -> str:
        """Why an unknown name is not one: a repeated group's, a likely misspelling, or
        else the names there are (as an unknown scale is told the scales)."""
        group = self.grouped.get(name)
        if group is None:
            return suggest(name, known) or _listing(known)
        what = (
            "a repeated group" if group == name else f'a question of the repeated group "{group}"'
        )
        return (
            f"; it is {what}: a group's answers are listed item by item in its register, "
            "and conditions read only the areas' own questions"
        )

    def _check_values(self, node: ast.Compare) -> None:
        parts = [node.left, *node.comparators]
        for (left, right), op in zip(itertools.pairwise(parts), node.ops, strict=True):
            for name_node, other in ((left, right), (right, left)):
                if not isinstance(name_node, ast.Name):
                    continue
                literals = other.elts if isinstance(other, ast.Tuple | ast.List) else [other]
                constants = [c.value for c in literals if isinstance(c, ast.Constant)]
                if name_node.id in self.multiple:
                    picked = name_node is right and isinstance(op, ast.In | ast.NotIn)
                    if not (picked and isinstance(other, ast.Constant)):
                        example = next(iter(sorted(self.values.get(name_node.id, ["a"]))))
                        raise ConditionError(
                            f"compares {name_node.id}, a choice of several options, as one "
                            f'value; ask whether an option was picked: "{example}" in '
                            f"{name_node.id} (or not in)"
                        )
                if name_node.id in self.dates:
                    self._check_date(name_node.id, constants)
                if name_node.id in self.numbers:
                    word = next((c for c in constants if isinstance(c, str)), None)
                    if word is not None:
                        raise ConditionError(
                            f'compares {name_node.id}, a number question, with the word "{word}"; '
                            f"compare it with a number, such as {name_node.id} > 12"
                        )
                if name_node.id not in self.values:
                    continue
                number = next(
                    (
                        c
                        for c in constants
                        if isinstance(c, int | float) and not isinstance(c, bool)
                    ),
                    None,
                )
                if number is not None:
                    use = (
                        f"compare it with one of them, such as {self._fact_example(name_node.id)} "
                        "(it has weight 0: a fact, never scored)"
                        if name_node.id in self.facts
                        else f'for its 0-100 score use score("{name_node.id}")'
                    )
                    raise ConditionError(
                        f"compares {name_node.id} with the number {number}, but its answers are "
                        f"the values {', '.join(sorted(self.values[name_node.id]))}; {use}"
                    )
                allowed = self.values[name_node.id]
                for literal in literals:
                    if (
                        isinstance(literal, ast.Constant)
                        and isinstance(literal.value, str)
                        and literal.value not in allowed
                    ):
                        raise ConditionError(
                            f'compares {name_node.id} with "{literal.value}", which is not one '
                            f"of its values ({', '.join(sorted(allowed))})"
                            + suggest(literal.value, allowed)
                        )

    def _check_date(self, name: str, constants: list[object]) -> None:
        for constant in constants:
            if isinstance(constant, str) and stored_date(constant) is not None:
                continue
            shown = f'"{constant}"' if isinstance(constant, str) else str(constant)
            raise ConditionError(
                f"compares {name}, a date question, with {shown}, which is not a date; "
                f'write dates as "2009-12-02", such as {name} < "2010-04-01"'
            )


def _describe(node: ast.AST) -> str:
    names = {
        ast.Attribute: "attribute access (a.b)",
        ast.Subscript: "indexing (a[b])",
        ast.Lambda: "lambda",
        ast.BinOp: "arithmetic",
        ast.IfExp: "if/else",
        ast.Dict: "a dict",
        ast.Set: "a set",
        ast.JoinedStr: "an f-string",
        ast.NamedExpr: "assignment (:=)",
        ast.ListComp: "a comprehension",
        ast.GeneratorExp: "a generator",
    }
    return names.get(type(node), type(node).__name__)


def _evaluate(node: ast.AST, facts: Facts) -> Any:
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            return all(_evaluate(v, facts) for v in node.values)
        return any(_evaluate(v, facts) for v in node.values)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, facts)
        if isinstance(node.op, ast.Not):
            return not operand
        return -operand if isinstance(operand, int | float) else None
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, facts)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _evaluate(right_node, facts)
            if not _compare(left, op, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name):
        if node.id in ("True", "False"):
            return node.id == "True"
        return facts.value(node.id)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(_evaluate(e, facts) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "count":
            wanted = node.args[0].value  # type: ignore[attr-defined]
            found = (facts.value(a.id) for a in node.args[1:])  # type: ignore[attr-defined]
            # A multiple choice counts when the value is among its picks.
            return sum(1 for v in found if v == wanted or (isinstance(v, tuple) and wanted in v))
        target = node.args[0].value  # type: ignore[attr-defined]
        if node.func.id == "answered":
            return facts.answered(target)
        return facts.score(target)
    raise ConditionError(f"cannot evaluate {_describe(node)}")  # unreachable after checking


def _compare(left: Any, op: ast.cmpop, right: Any) -> bool:
    if left is None or right is None or not _comparable(left, right, op):
        return False
    return bool(_COMPARE[type(op)](left, right))


class _Unknown:
    """A value that depends on the answers."""


_UNKNOWN = _Unknown()


def _fold(node: ast.AST) -> Any:
    """A condition's value where the answers cannot change it, else _UNKNOWN (three-valued:
    `x or True` is true and `x and False` false whatever x is)."""
    if isinstance(node, ast.BoolOp):
        values = [_fold(v) for v in node.values]
        known = [bool(v) for v in values if v is not _UNKNOWN]
        decisive = isinstance(node.op, ast.Or)  # the value that settles the whole
        if decisive in known:
            return decisive
        return _UNKNOWN if len(known) < len(values) else not decisive
    if isinstance(node, ast.UnaryOp):
        operand = _fold(node.operand)
        if operand is _UNKNOWN:
            return _UNKNOWN
        if isinstance(node.op, ast.Not):
            return not operand
        return -operand if isinstance(operand, int | float) else None
    if isinstance(node, ast.Compare):
        parts = [_fold(p) for p in (node.left, *node.comparators)]
        if any(p is _UNKNOWN for p in parts):
            return _UNKNOWN
        return all(
            _compare(left, op, right)
            for left, op, right in zip(parts, node.ops, parts[1:], strict=False)
        )
    if isinstance(node, ast.Name):
        return node.id == "True" if node.id in ("True", "False") else _UNKNOWN
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(_fold(e) for e in node.elts)  # elements are literals (checked)
    return _UNKNOWN  # answered(), score(), count() read the answers


def _comparable(left: Any, right: Any, op: ast.cmpop) -> bool:
    if isinstance(op, ast.In | ast.NotIn):
        return isinstance(right, tuple | str)
    numbers = (int, float)
    if isinstance(left, numbers) and isinstance(right, numbers):
        return True
    if isinstance(op, ast.Eq | ast.NotEq):
        return True
    return isinstance(left, str) and isinstance(right, str)
