"""Every problem in a condition is reported in one pass, each on its own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import conditions
from bot.conditions import ConditionError
from tests.test_choice_and_date import DIALOGUE, found, line_of

VALUES = {"b1": {"council", "police"}}


def test_three_problems_in_one_condition_are_all_reported() -> None:
    with pytest.raises(ConditionError) as error:
        conditions.parse(
            'b1 == "mayor" or "fire" in b1 or zz == "red"', ["b1", "b2"], values=VALUES
        )
    assert error.value.problems == (
        'compares b1 with "mayor", which is not one of its values (council, police)',
        'compares b1 with "fire", which is not one of its values (council, police)',
        # No likely spelling: the ids there are, as an unknown scale is told the scales.
        'names "zz", which is not a question id; they are: b1, b2',
    )


def test_a_problem_inside_not_and_a_call_are_reported_with_the_rest() -> None:
    with pytest.raises(ConditionError) as error:
        conditions.parse('not b9 == "x" and score("nope") > 50 and b1 == 3', ["b1"], values=VALUES)
    assert len(error.value.problems) == 3, error.value.problems


def test_a_good_condition_still_parses() -> None:
    assert conditions.parse('b1 == "police" or b2 > 3', ["b1", "b2"], values=VALUES)


def test_validate_lists_each_problem_of_a_condition(tmp_path: Path) -> None:
    text = DIALOGUE.replace(
        """when = 'b1 == "voluntary"'""", """when = 'b1 == "mayor" or "chief" in b2 or zz == 1'"""
    )
    line = line_of(text, "b1 == ")
    where = f"board-check-chat.toml:{line}: nodes.b1.branches[0].when: condition "
    problems = found(tmp_path, dialogue=text)
    assert problems == [
        where + 'compares b1 with "mayor", which is not one of its values '
        "(council, health, police, voluntary)",
        where + 'compares b2 with "chief", which is not one of its values '
        "(council, fire, health, police, voluntary)",
        where + 'names "zz", which is not a question id; they are: b1, b2, b3, b4, b5, r1, r2, r3',
    ]
