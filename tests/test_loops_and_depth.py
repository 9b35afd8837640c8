"""Conditions too deep to check, say nodes that loop for ever, and branch loops that no
answer can leave: refused or reported with the line at fault, never a traceback or a trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli, conditions, exit_codes
from bot.catalogue import Catalogue
from bot.conditions import ConditionError
from bot.validate import validate
from tests.conftest import DATA

DIALOGUE = (DATA / "mini-chat.toml").read_text()
FRAMEWORK = (DATA / "mini.toml").read_text()
SAY_LOOP = DIALOGUE.replace(
    '[nodes.two]\nsay = "Now area two."\narea = "two"\nnext = "b1"',
    '[nodes.two]\nsay = "Now area two."\narea = "two"\nnext = "again"\n\n'
    '[nodes.again]\nsay = "Once more."\n'
    'branches = [{ when = \'a2 == "no"\', goto = "b1" }]\nnext = "two"',
)


def found(tmp_path: Path, dialogue: str, framework: str = FRAMEWORK) -> list[str]:
    (tmp_path / "mini.toml").write_text(framework)
    (tmp_path / "mini-chat.toml").write_text(dialogue)
    report = validate([tmp_path / "mini.toml", tmp_path / "mini-chat.toml"], Catalogue())
    return [str(p).replace(str(tmp_path) + "/", "") for p in report.problems]


def test_a_condition_of_1990_minus_signs_is_refused_not_a_recursion_error() -> None:
    with pytest.raises(ConditionError, match="is nested too deeply"):
        conditions.parse("-" * 1990 + "1 == 1", ["q1"])
    with pytest.raises(ConditionError, match="is nested too deeply"):
        conditions.parse("not " * 450 + "True", ["q1"])
    assert conditions.parse('not (q1 == "no" and -(-1) < 2)', ["q1"]).names == {"q1"}


def test_validate_reports_a_too_deep_action_condition(tmp_path: Path) -> None:
    deep = "-" * 1990 + "1 == 1"
    framework = FRAMEWORK.replace("""when = 'score("one") < 50'""", f"when = '{deep}'")
    problems = found(tmp_path, DIALOGUE, framework)
    assert any("areas[0].actions[0].when: condition is nested too deeply" in p for p in problems), (
        problems
    )


def test_constant_conditions_are_recognised() -> None:
    def constant(source: str) -> bool | None:
        return conditions.parse(source, ["q1"]).constant()

    assert [constant(s) for s in ("True", "1 == 1", 'q1 == "no" or True', "not False")] == [
        True
    ] * 4
    assert constant('q1 == "no" and False') is False
    assert constant('q1 == "no"') is None
    assert constant('score("q1") > 0') is None


def test_a_loop_of_say_nodes_is_refused_at_load_with_its_line(tmp_path: Path) -> None:
    problems = found(tmp_path, SAY_LOOP)
    assert problems == [
        "mini-chat.toml:35: nodes.two: is in a loop of say nodes that asks nothing (two, again "
        "lead round to one another): nothing changes while the bot talks, so a respondent who "
        "reached it would never get out; put a question in the loop or lead it on to one"
    ]


def test_assess_with_a_say_loop_stops_before_writing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mini.toml").write_text(FRAMEWORK)
    (tmp_path / "loop.toml").write_text(SAY_LOOP)
    status = cli.main(
        ["--transcripts", "out", "assess", "--plain", "-f", "mini.toml", "-d", "loop.toml"]
    )
    assert status == exit_codes.LOAD_ERROR
    assert "is in a loop of say nodes that asks nothing" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.toml"))


def test_a_branch_that_always_goes_back_is_flagged_at_its_line(tmp_path: Path) -> None:
    dialogue = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"',
        '[nodes.b2]\nask = "b2"\nnext = "bye"\nbranches = [{ when = "1 == 1", goto = "b1" }]',
    )
    line = dialogue.splitlines().index('branches = [{ when = "1 == 1", goto = "b1" }]') + 1
    assert found(tmp_path, dialogue) == [
        f'mini-chat.toml:{line}: nodes.b2.branches: always goes to "b1" (the condition '
        "'1 == 1' holds whatever the answers), and no answer can lead from there to an end "
        "node: respondents would be asked the same questions until they quit"
    ]


def test_a_loop_whose_only_exit_can_never_be_taken_is_flagged(tmp_path: Path) -> None:
    dialogue = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"',
        '[nodes.b2]\nask = "b2"\nnext = "b1"\n'
        'branches = [{ when = \'b2 == "agree" and False\', goto = "bye" }]',
    )
    problems = found(tmp_path, dialogue)
    assert len(problems) == 1
    assert "nodes.b2.branches: has branch conditions that can never hold" in problems[0]


def test_a_branch_that_depends_on_the_answers_is_not_flagged(tmp_path: Path) -> None:
    dialogue = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"',
        '[nodes.b2]\nask = "b2"\nnext = "bye"\n'
        'branches = [{ when = \'b2 == "disagree"\', goto = "b1" }]',
    )
    assert found(tmp_path, dialogue) == []


def test_a_loop_whose_exit_contradicts_itself_is_flagged(tmp_path: Path) -> None:
    dialogue = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"',
        '[nodes.b2]\nask = "b2"\nnext = "b1"\n'
        'branches = [{ when = \'b2 == "agree" and b2 == "disagree"\', goto = "bye" }]',
    )
    problems = found(tmp_path, dialogue)
    assert any(
        "nodes.b2.branches: has branch conditions that can never hold" in p for p in problems
    )
    assert any("can never be true" in p for p in problems)
