"""Slips a new author makes in their own framework and dialogue, each found by `validate`
at the file and line at fault, in words that say what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_author_checks import DIALOGUE, FRAMEWORK, found, line_of


@pytest.mark.parametrize(
    ("before", "after", "key"),
    [
        (
            'label = "Strongly agree", score = 3',
            'label = "Strongly agree", score = true',
            "scales.agree.options[3].score",
        ),
        ("weak_at_or_below = 1", "weak_at_or_below = true", "scales.agree.weak_at_or_below"),
        ("weight = 2", "weight = true", "areas[1].questions[1].weight"),
        ("minimum = 0", "minimum = false", "areas[1].questions[0].minimum"),
        (
            "{ min = 12, max = 15 }",
            "{ min = true, max = 15 }",
            "areas[1].questions[0].recommended.min",
        ),
        (
            '{ name = "amber", label = "Amber", min = 40 }',
            '{ name = "amber", label = "Amber", min = true }',
            "bands.rag[1].min",
        ),
        ('version = "1"', 'version = "1"\nmin_coverage = true', "min_coverage"),
    ],
)
def test_a_boolean_is_no_number_in_a_framework(
    tmp_path: Path, before: str, after: str, key: str
) -> None:
    assert before in FRAMEWORK
    text = FRAMEWORK.replace(before, after)
    value = "true" if "true" in after else "false"
    problems = [p for p in found(tmp_path, text) if p.startswith("mini.toml")]
    assert problems == [
        f"mini.toml:{line_of(text, after.splitlines()[-1])}: {key}: expected a number, "
        f"got {value}: true and false are not numbers"
    ]


def test_a_boolean_is_no_whole_number_in_a_dialogue(tmp_path: Path) -> None:
    text = DIALOGUE.replace("max_probes = 2", "max_probes = true")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'max_probes')}: max_probes: expected a whole number, "
        "got true: true and false are not numbers"
    ]


def test_text_is_no_number_either(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("weight = 2", 'weight = "2"')
    assert found(tmp_path, text)[0] == (
        f"mini.toml:{line_of(text, 'weight =')}: areas[1].questions[1].weight: "
        'expected a number, found "2"'
    )
