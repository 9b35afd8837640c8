"""What a framework author gets wrong is found in one pass, each at the line at fault,
with no problem reported only because of another."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.conditions import parse
from bot.satisfiable import never_true
from bot.validate import validate
from tests.conftest import DATA

FRAMEWORK = (DATA / "mini.toml").read_text(encoding="utf-8")
DIALOGUE = (DATA / "mini-chat.toml").read_text(encoding="utf-8")


def found(tmp_path: Path, framework: str = FRAMEWORK, dialogue: str = DIALOGUE) -> list[str]:
    """validate's problems for the pair, as `file:line: key: message`."""
    (tmp_path / "mini.toml").write_text(framework, encoding="utf-8")
    (tmp_path / "mini-chat.toml").write_text(dialogue, encoding="utf-8")
    report = validate([tmp_path / "mini.toml", tmp_path / "mini-chat.toml"], Catalogue())
    return [str(p).replace(f"{tmp_path}/", "") for p in report.problems]


def framework_found(tmp_path: Path, framework: str) -> list[str]:
    """The problems in the framework file alone (its dialogue then goes unchecked)."""
    return [p for p in found(tmp_path, framework) if p.startswith("mini.toml")]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_fixtures_are_clean(tmp_path: Path) -> None:
    assert found(tmp_path) == []


def test_recommended_range_with_min_above_max(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("{ min = 12, max = 15 }", "{ min = 15, max = 12 }")
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'recommended =')}: areas[1].questions[0].recommended: "
        "min (15) is above max (12); swap them"
    ]


def test_number_question_compared_with_a_word(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("""when = 'score("one") < 50'""", """when = 'b1 == "many"'""")
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'b1 == ')}: areas[0].actions[0].when: condition compares b1, "
        'a number question, with the word "many"; compare it with a number, such as b1 > 12'
    ]


def test_choice_compared_with_a_value_it_does_not_offer_or_a_number(tmp_path: Path) -> None:
    text = DIALOGUE.replace("""when = 'a2 == "yes"'""", """when = 'a2 == "yess"'""")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'yess')}: nodes.a2.branches[0].when: condition compares "
        'a2 with "yess", which is not one of its values (dont_know, no, partly, yes); did you mean "yes"?'
    ]
    text = DIALOGUE.replace("""when = 'a2 == "yes"'""", """when = 'a2 >= 1'""")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'a2 >= 1')}: nodes.a2.branches[0].when: condition compares "
        "a2 with the number 1, but its answers are the values dont_know, no, partly, yes; "
        'for its 0-100 score use score("a2")'
    ]


def test_a_condition_that_can_never_be_true(tmp_path: Path) -> None:
    text = DIALOGUE.replace("""when = 'a2 == "yes"'""", """when = 'a2 == "yes" and a2 == "no"'""")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'a2 == ')}: nodes.a2.branches[0].when: can never be true: "
        'no answer to a2 meets a2 == "yes" and a2 == "no"; this branch is never taken'
    ]
    text = FRAMEWORK.replace("""when = 'score("one") < 50'""", """when = 'score("one") > 100'""")
    assert found(tmp_path, text) == [
        f"mini.toml:{line_of(text, '> 100')}: areas[0].actions[0].when: can never be true: "
        'no score of "one" meets score("one") > 100; the action is never suggested'
    ]


@pytest.mark.parametrize(
    ("source", "never"),
    [
        ('a2 == "yes" and a2 == "no"', True),
        ('a2 == "yes" or a2 == "no"', False),
        ("b1 > 20 and b1 < 10", True),
        ("b1 == 5 and b1 > 10", True),
        ("10 < b1 < 20", False),
        ('not answered("a2") and a2 == "no"', True),
        ('a2 in ("yes", "no") and a2 not in ("yes", "no")', True),
        ('(a2 == "yes" and a2 == "no") or (b1 > 3 and b1 < 2)', True),
        ('(a2 == "yes" and a2 == "no") or b1 > 3', False),
        ('count("no", a1, a2) >= 3', True),
        ('count("no", a1, a2) >= 2', False),
        ('a2 != "yes" and a1 == "agree"', False),
    ],
)
def test_never_true(source: str, never: bool) -> None:
    values = {"a1": ["disagree", "agree"], "a2": ["yes", "partly", "no", "dont_know"]}
    condition = parse(source, ["a1", "a2", "b1"], ["one"], values)
    assert bool(never_true(condition, values, ["b1"])) is never


def test_a_condition_on_a_question_every_path_skips(tmp_path: Path) -> None:
    # a3 is asked only on the a2 == "yes" branch, which now goes straight to b2.
    text = DIALOGUE.replace('ask = "a3"\nnext = "two"', 'ask = "a3"\nnext = "b2"').replace(
        'ask = "b1"\nnext = "b2"',
        """ask = "b1"\nnext = "b2"\nbranches = [{ when = 'answered("a3")', goto = "bye" }]""",
    )
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'answered(')}: nodes.b1.branches: has a condition on a3, "
        "which every path reaching this node skips (it is asked only at a3)"
    ]


def test_bands_out_of_order(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        '  { name = "amber", label = "Amber", min = 40 },\n  { name = "green", label = "Green", min = 70 },',
        '  { name = "green", label = "Green", min = 70 },\n  { name = "amber", label = "Amber", min = 40 },',
    )
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'Amber')}: bands.rag[2]: starts at min = 40, below the band "
        "before it (min = 70): list the bands from the lowest min up"
    ]


def test_a_scale_whose_options_all_score_the_same(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('label = "Partly", score = 1', 'label = "Partly", score = 2').replace(
        'label = "No", score = 0', 'label = "No", score = 2'
    )
    problems = found(tmp_path, text)
    assert problems[0] == (
        f"mini.toml:{line_of(text, '[scales.ypn]')}: scales.ypn: every scored option scores 2, "
        "so the scale cannot tell answers apart; give the options different scores"
    )
    # The dialogue is not checked against a framework that fails: no knock-on problems.
    assert problems[1:] == [
        'mini-chat.toml:2: framework: not checked: its framework "mini" (mini.toml) has problems'
    ]


def test_weak_threshold_outside_the_scale(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("weak_at_or_below = 1\n", "weak_at_or_below = 40\n")
    assert found(tmp_path, text)[0] == (
        f"mini.toml:{line_of(text, '[scales.agree]')}: scales.agree: `weak_at_or_below = 40` is "
        "outside the scale's own scores (0 to 3), so every answer is weak; it is on the options' "
        "scores, not on 0-100"
    )


def test_weak_threshold_at_the_top_of_the_scale_is_not_called_outside_it(tmp_path: Path) -> None:
    # 3 is the scale's own highest score: "outside 0 to 3" would be wrong.
    text = FRAMEWORK.replace("weak_at_or_below = 1\n", "weak_at_or_below = 3\n")
    assert found(tmp_path, text)[0] == (
        f"mini.toml:{line_of(text, '[scales.agree]')}: scales.agree: `weak_at_or_below = 3` is "
        "the scale's highest score, so every answer is weak; it is on the options' scores, "
        "not on 0-100"
    )


def test_every_mistake_in_one_pass_and_nothing_else(tmp_path: Path) -> None:
    text = (
        FRAMEWORK.replace('kind = "yesno"', 'kind = "yes-no"')
        .replace("{ min = 12, max = 15 }", "{ min = 15, max = 12 }")
        .replace("""when = 'score("one") < 50'""", """when = 'b1 == "many"'""")
        .replace(
            '{ name = "amber", label = "Amber", min = 40 }',
            '{ name = "amber", label = "Amber", min = 80 }',
        )
    )
    problems = [p.split(": ", 2)[1] for p in found(tmp_path, text) if p.startswith("mini.toml")]
    assert sorted(problems) == [
        "areas[0].actions[0].when",
        "areas[0].questions[1].kind",
        "areas[1].questions[0].recommended",
        "bands.rag[2]",
    ]


HALLMARKS = Path(__file__).parent.parent / "frameworks" / "hallmarks.toml"


@pytest.mark.parametrize(
    ("when", "said"),
    [
        # A question of weight 0 (1.5 records a need) is never scored: score() of it never
        # holds, so the condition could never bring its action about.
        ("""score("h1_5") >= 50""", 'reads score("h1_5"), but h1_5 has weight 0'),
        # Nor is its score what to suggest for a number compared with its answer.
        ("h1_5 >= 50", 'compare it with one of them, such as h1_5 == "yes"'),
    ],
)
def test_a_weight_0_question_is_read_by_its_answer_never_its_score(
    tmp_path: Path, when: str, said: str
) -> None:
    text = HALLMARKS.read_text(encoding="utf-8").replace(
        """when = 'h1_5 == "yes"'""", f"when = '{when}'"
    )
    assert f"when = '{when}'" in text
    (tmp_path / "hallmarks.toml").write_text(text, encoding="utf-8")
    problems = [str(p) for p in validate([tmp_path / "hallmarks.toml"], Catalogue()).problems]
    assert len(problems) == 1 and said in problems[0], problems
    assert "use score(" not in problems[0]
