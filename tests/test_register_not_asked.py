"""A register with no item says what is true of it: "No risk was named." only where it was
asked and nothing was named; "Not reached." where an unfinished transcript had not come to
it; "Not asked: ..." with the answer that led past it where it never will be (one rule,
`Register.empty_words`, in every report and on the app's report screen)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.report import render_assessment
from tests.tui_helpers import begun

STRUCTURE = ("governance-structure", "governance-structure-review")
GROUP_QUESTIONS = {"risk_objective", "risk_rag", "risk_owner", "top_risks"}
NONE_NAMED = "No risk was named."
NOT_REACHED = "Not reached."
ANSWERS = ("y", "10", "r", "a named risk")
"""Tried in turn until one is taken: a yes, a number, a rating, words."""


def answered(folder: Path, moves: list[str], leave: bool):  # type: ignore[no-untyped-def]
    """A structure review taken by ``moves`` ("ok", "no" or "skip" at each question, every
    follow-up skipped), then answered "ok" to its end, or abandoned where ``leave``."""
    talk = begun(Catalogue(), folder, *STRUCTURE)
    queue = list(moves)
    while not talk.session.over:
        if talk.current().kind == "probe":
            talk.skip()
            continue
        if not queue:
            if leave:
                talk.abandon()
                break
            queue.append("ok")
        move = queue.pop(0)
        if move == "skip" or (move == "no" and talk.answer("n").accepted):
            if move == "skip":
                talk.skip()
            continue
        assert any(talk.answer(text).accepted for text in ANSWERS)
    return talk


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    moves=st.lists(st.sampled_from(["ok", "no", "skip"]), max_size=30),
    leave=st.booleans(),
)
@example(moves=["ok"] * 3, leave=True)  # abandoned before the register
@example(moves=["ok"] * 24 + ["no"], leave=False)  # WS4 No: the register passed by
@example(moves=["ok"] * 25, leave=True)  # WS4 Yes, then abandoned: not reached
@example(moves=["ok"] * 24 + ["skip"], leave=False)  # WS4 skipped: passed by
@example(moves=["ok"] * 24 + ["ok", "skip", "skip", "skip", "skip"], leave=False)
def test_an_empty_register_says_why_on_every_final_path(
    tmp_path: Path, moves: list[str], leave: bool
) -> None:
    talk = answered(tmp_path / f"t{len(list(tmp_path.iterdir()))}", moves, leave)
    assessment = talk.assessment()
    register = next(r for area in assessment.areas for r in area.registers)
    path = talk.session.final_path
    asked = any(step.question.partition("#")[0] in GROUP_QUESTIONS for step in path.steps)
    words = register.empty_words
    if register.items:
        assert asked and words == ""
    elif asked:
        assert words == NONE_NAMED
    elif talk.session.complete:
        # Passed by: the answer to WS4 (the one branch to it) says why.
        ws4 = path.step("rag_risk")
        said = ws4.answer.label if ws4 and ws4.answer else None
        assert words == (
            f"Not asked: the answer to WS4 ({said}) led past it."
            if said
            else "Not asked: WS4 was not answered, which led past it."
        )
    else:
        # Left part way: the register still ahead (WS4 to come, or answered Yes; a No or
        # a skip at WS4 ends the review).
        assert words == NOT_REACHED
    md = render_assessment(assessment, "md")
    assert (NONE_NAMED in md) == (words == NONE_NAMED)
    data = json.loads(render_assessment(assessment, "json"))
    assert [r["note"] for a in data["areas"] for r in a["registers"]] == [words]
