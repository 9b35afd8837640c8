"""A partnership with no Executive, which the Horsham review allows and the structure
review invites ("If you have no Executive, type 0"): its 0 is Not applicable, never a
score of 0, and never suggests bringing the Executive to 8 - 10."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer_score import NONE_LABEL
from bot.catalogue import Catalogue
from bot.engine.answers import NOT_APPLICABLE, parse_answer
from bot.report import render_assessment
from bot.report.make import assess
from tests.tui_helpers import begun

STRUCTURE = ("governance-structure", "governance-structure-review")
RESIZE = "Bring the Executive to its optimum size of 8 - 10"
SIZES = {"board_size": "12", "thematic_size": "9"}


def reviewed(folder: Path, executive: str):  # type: ignore[no-untyped-def]
    """A structure review answered inside every range, Yes to the rest, the Executive's
    size ``executive``, follow-ups and the register skipped; closed at its end."""
    talk = begun(Catalogue(), folder, *STRUCTURE)
    asked = []
    while not talk.session.over:
        prompt = talk.current()
        question = prompt.question
        if prompt.kind == "probe" or question.id.startswith(("risk_", "top_risks")):
            talk.skip()
            continue
        asked.append(question.id)
        if question.id == "executive_size":
            text = executive
        elif question.kind == "number":
            text = SIZES.get(question.id) or ("3" if question.id == "board_meetings" else "6")
        else:
            text = "y"
        if not talk.answer(text).accepted:
            assert talk.answer("4").accepted, question.id  # Thematic groups meet quarterly
    talk.close()
    return talk, asked


def test_no_executive_is_read_as_not_applicable() -> None:
    question = Catalogue().framework("governance-structure").framework.question("executive_size")
    parsed = parse_answer(question, None, "0 - the Board does its work")
    assert parsed.abstain == NOT_APPLICABLE and parsed.label == NONE_LABEL
    assert parsed.value == "0" and parsed.score is None
    assert parsed.comment == "the Board does its work"
    # Any other number is a size, scored against the range.
    assert parse_answer(question, None, "5").score == 0.0
    # The Executive's meetings, where the dialogue takes 0 as no Executive too.
    framework = Catalogue().framework("governance-structure").framework
    assert (
        parse_answer(framework.question("executive_meetings"), None, "0").abstain == NOT_APPLICABLE
    )
    board = framework.question("board_size")
    assert (
        parse_answer(board, None, "0").score == 0.0 and not parse_answer(board, None, "0").abstain
    )


def test_no_executive_scores_nothing_and_suggests_no_resizing(tmp_path: Path) -> None:
    talk, asked = reviewed(tmp_path, "0")
    # The dialogue passes the Executive's meetings by, as before.
    assert "executive_meetings" not in asked
    assessment = assess(talk.path, Catalogue())
    size = assessment.areas[0]
    assert size.area.id == "size" and size.score == 100.0
    assert size.covered.scored == size.covered.scoreable == 6
    assert not any(a.action.id == "right-size-executive" for a in assessment.actions)
    assert assessment.tally.not_applicable == 1
    md = render_assessment(assessment, "md")
    assert RESIZE not in md and f"*Answer:* {NONE_LABEL}" in md
    assert "3 (Executive) answered 0" not in md


@pytest.mark.parametrize("executive", ["5", "12"])
def test_an_executive_outside_the_range_is_still_resized(tmp_path: Path, executive: str) -> None:
    talk, _ = reviewed(tmp_path, executive)
    assessment = assess(talk.path, Catalogue())
    assert assessment.areas[0].score is not None and assessment.areas[0].score < 100
    assert RESIZE in render_assessment(assessment, "md")
