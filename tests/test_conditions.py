"""The condition language: parsing, the allowlist, and evaluation."""

from __future__ import annotations

import pytest

from bot import conditions
from bot.conditions import ConditionError

QUESTIONS = {"q1", "q2", "size"}
AREAS = {"lead-ship"}
VALUES = {"q1": ["yes", "no", "partly"], "q2": ["yes", "no"]}


class Facts:
    def __init__(self, values: dict, scores: dict | None = None) -> None:
        self.values = values
        self.scores = scores or {}

    def value(self, question_id: str):
        return self.values.get(question_id)

    def answered(self, question_id: str) -> bool:
        return question_id in self.values

    def score(self, name: str):
        return self.scores.get(name)


def holds(source: str, values: dict, scores: dict | None = None) -> bool:
    return conditions.parse(source, QUESTIONS, AREAS, VALUES).evaluate(Facts(values, scores))


@pytest.mark.parametrize(
    ("source", "values", "scores", "expected"),
    [
        ('q1 == "no"', {"q1": "no"}, None, True),
        ('q1 == "no"', {"q1": "yes"}, None, False),
        ('q1 == "no"', {}, None, False),
        ('q1 != "no"', {}, None, False),
        ('q1 in ("no", "partly")', {"q1": "partly"}, None, True),
        ('q1 not in ["no"]', {"q1": "yes"}, None, True),
        ('q1 == "no" or q2 == "yes"', {"q2": "yes"}, None, True),
        ('q1 == "no" and q2 == "yes"', {"q2": "yes"}, None, False),
        ('not q1 == "no"', {"q1": "yes"}, None, True),
        ("size > 15", {"size": 16.0}, None, True),
        ("12 <= size <= 15", {"size": 13.0}, None, True),
        ("12 <= size <= 15", {"size": 11.0}, None, False),
        ("size > -1", {"size": 0.0}, None, True),
        ('answered("q1")', {"q1": "no"}, None, True),
        ('answered("q2")', {"q1": "no"}, None, False),
        ('score("lead-ship") < 40', {}, {"lead-ship": 30.0}, True),
        ('score("lead-ship") < 40', {}, {}, False),
        ('score("q1") >= 50', {}, {"q1": 50.0}, True),
        ('count("no", q1, q2) >= 2', {"q1": "no", "q2": "no"}, None, True),
        ('count("no", q1, q2) >= 2', {"q1": "no"}, None, False),
        ("size > 5", {"size": "lots"}, None, False),
        ("True", {}, None, True),
    ],
)
def test_evaluation(source: str, values: dict, scores: dict | None, expected: bool) -> None:
    assert holds(source, values, scores) is expected


def test_an_unknown_name_with_no_likely_spelling_is_told_the_names_there_are() -> None:
    # Before, only a close misspelling got a hint; "v5" among v1-v3, v10 got none.
    questions = {"v1", "v2", "v3", "v10"}
    with pytest.raises(ConditionError) as error:
        conditions.parse('v5 in ("yes",)', questions, areas={"a1"})
    assert str(error.value).endswith(
        'names "v5", which is not a question id; they are: v1, v2, v3, v10'
    )
    with pytest.raises(ConditionError) as error:
        conditions.parse('score("v9") > 1', questions, areas={"a1"})
    assert str(error.value).endswith("names no question or area; they are: a1, v1, v2, v3, v10")
    many = {f"q{n}" for n in range(1, 31)}
    with pytest.raises(ConditionError) as error:
        conditions.parse("zz > 1", many)
    assert str(error.value).endswith(
        "they are: q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12 ... (30 in all)"
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("sise > 3", 'names "sise", which is not a question id; did you mean "size"?'),
        ('q3 == "no"', 'names "q3", which is not a question id'),
        (
            'q1 == "maybe"',
            'compares q1 with "maybe", which is not one of its values (no, partly, yes)',
        ),
        ('q1 == "yse"', 'did you mean "yes"?'),
        (
            'score("leadship") < 4',
            'score("leadship") names no question or area; did you mean "lead-ship"?',
        ),
        ("__import__('os').system('x')", "calls"),
        ("q1.__class__", "attribute access"),
        ("q1[0]", "indexing"),
        ("size + 1 > 2", "arithmetic"),
        ("lambda: 1", "lambda"),
        ('scor("q1") > 1', 'did you mean "score"?'),
        ("q1 ==", "cannot be parsed"),
        ("(x := 1)", "assignment"),
        ("q1 is None", "use == (is is not allowed)"),
        ("answered(q1)", "answered() takes one quoted id"),
        ("[q1 for q1 in q2]", "uses a comprehension, which conditions do not allow"),
        ("q1 in [q2]", "lists may hold only text and numbers"),
        ("None == q1", "uses the value None"),
        ("1" * 3000, "longer than"),
    ],
)
def test_refused_with_a_clear_message(source: str, message: str) -> None:
    with pytest.raises(ConditionError) as error:
        conditions.parse(source, QUESTIONS, AREAS, VALUES)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "q1 >= 2 and",
            "\"q1 >= 2 and\" cannot be parsed: expected a comparison after 'and', at the end",
        ),
        ('q1 == "no" or', "expected a comparison after 'or', at the end"),
        ("q1 == 2 and not", "expected a comparison after 'not', at the end"),
        ("size >", "expected a value after '>', at the end"),
        ("size not in", "expected a value after 'not in', at the end"),
        ("and size > 2", "expected a comparison before 'and', at the start"),
        ("size > 2 and and size < 5", "expected a comparison after 'and' at column 14"),
        ("size = 2", "'=' at column 6 sets rather than compares: use '==' to compare"),
        ("size 2", "expected an operator (==, !=, <, >, in, and, or) between 'size' and '2'"),
        ("size in [1 2]", "or ',' between '1' and '2' at column 12"),
        ("(size > 2", "'(' at column 1 is never closed: expected ')'"),
        ("size > 2)", "')' at column 9 closes no bracket"),
        ('q1 == "ye', "a quote is never closed"),
        ("  ", 'is empty: expected a condition, such as q1 == "yes"'),
    ],
)
def test_a_condition_that_cannot_be_parsed_says_what_was_expected_there(
    source: str, message: str
) -> None:
    with pytest.raises(ConditionError) as error:
        conditions.parse(source, QUESTIONS, AREAS, VALUES)
    assert message in str(error.value)


def test_parsed_once_and_records_what_it_reads() -> None:
    condition = conditions.parse('q1 == "no" or score("lead-ship") < 40', QUESTIONS, AREAS, VALUES)
    assert condition.names == {"q1"}
    assert condition.areas == {"lead-ship"}
