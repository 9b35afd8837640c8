"""The replay's "Scores so far": the report's own scores, by the report's own rule (the
final path, the framework's minimum coverage), had the transcript ended at the turn shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.scoring import compile_transcript
from bot.scoring.so_far import scores_so_far
from bot.tui.widgets.score_bars import ScoreBars
from tests.conftest import Clock
from tests.test_path_property import dialogue, transcript, wander
from tests.tui_helpers import make_app


def report_rows(loaded, turns):  # type: ignore[no-untyped-def]
    """Each area as the report has it: title, score, and the RAG label, or without a
    score whether there were too few answers for one."""
    assessment = compile_transcript(transcript(loaded, turns), loaded.framework)
    return [
        (
            area.area.title,
            area.score,
            area.rag.label
            if area.rag
            else "too few answers"
            if area.coverage is not None and not area.enough
            else "",
        )
        for area in assessment.areas
    ]


@pytest.mark.parametrize(
    "dialogue_id", ["hertfordshire-interview", "governance-structure-review", "hallmarks-self"]
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.generate],
)
@given(data=st.data())
def test_after_the_last_turn_the_replay_scores_are_the_reports(
    dialogue_id: str, data: st.DataObject
) -> None:
    loaded = dialogue(dialogue_id)
    turns = list(wander(data.draw, loaded).turns)
    shown = [(r.title, r.score, r.label) for r in scores_so_far(loaded.framework.framework, turns)]
    expected = report_rows(loaded, turns)
    assert shown == expected


def herts_call(folder: Path) -> tuple[Path, str]:
    """A Hertfordshire interview with the first theme of four statements answered: one
    scored top, the others "don't know", skipped and refused (25% coverage, too few for
    a score, as the report says); the themes before it skipped, those after not reached."""
    talk = conversation.start(
        Catalogue(),
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Ann Lee"),
        folder,
        clock=Clock(),
    )
    talk.begin()
    area = next(a for a in talk.session.framework.areas if len(a.questions) >= 4)
    answers = {}
    while not talk.session.over:
        prompt = talk.current()
        question = prompt.question
        if prompt.kind == "probe":
            talk.skip()
            continue
        if question is None or question.id not in {q.id for q in area.questions}:
            if answers:
                break
            talk.skip()
            continue
        move = ("1", "dk", None, "refused")[len(answers) % 4]
        answers[question.id] = move
        assert (talk.skip() if move is None else talk.answer(move)).accepted
    talk.close()
    return talk.path, area.title


async def test_an_area_with_too_few_answers_shows_no_score_at_the_last_turn(
    tmp_path: Path,
) -> None:
    path, title = herts_call(tmp_path / "transcripts")
    app = make_app(Catalogue(), tmp_path / "transcripts", replay=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        shown = str(app.screen.query_one(ScoreBars).render()).split("\n")
        report = compile_transcript(app.screen.transcript, app.screen.loaded)
    assert next(a for a in report.areas if a.area.title == title).score is None
    assert shown[shown.index(title) + 1] == "too few answers"
    assert not any("100.0" in line for line in shown)
