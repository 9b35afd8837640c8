"""A word that is no boolean, written for one (`whole = "maybe"`), is refused by `validate` at
its file and line in the form every wrong type takes: "expected true or false, found ..."."""

from __future__ import annotations

from pathlib import Path

from tests.test_author_checks import FRAMEWORK, framework_found, line_of


def test_a_word_for_whole_is_refused_as_no_true_or_false(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('unit = "members"\n', 'unit = "members"\nwhole = "maybe"\n', 1)
    (problem,) = framework_found(tmp_path, text)
    assert problem.startswith(
        f"mini.toml:{line_of(text, 'whole = ')}: areas[1].questions[0].whole: "
        'expected true or false, found "maybe"'
    )
