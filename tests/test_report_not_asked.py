"""A report lists only the questions on the respondent's final path; those off it are
counted once, never listed as "Not asked"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plain_driver import run

INTERVIEW = ROOT / "transcripts" / "rounds" / "hertfordshire-2009" / "h21-ann-evans.toml"


@pytest.mark.e2e
def test_questions_off_the_path_are_counted_once_not_listed(tmp_path: Path) -> None:
    data = json.loads(run("report", str(INTERVIEW), "--format", "json", cwd=tmp_path).stdout)
    listed = [q for a in data["areas"] for q in a["questions"]]
    assert listed and all(q["answer"] != "Not asked" for q in listed)
    assert not any(q["number"].startswith("S") for q in listed)
    # Independently: the survey's statements S1-S18 are all off a telephone interview's path.
    assert data["mode"] == "telephone" and data["not_asked"] == 18
    for fmt in ("md", "html"):
        text = run("report", str(INTERVIEW), "--format", fmt, cwd=tmp_path).stdout
        assert "Not asked" not in text
        assert text.count("18 questions were not part of this interview") == 1


def three_answers_then_stopped(folder: Path):  # type: ignore[no-untyped-def]
    """A working-better-together self-assessment left after five questions, each
    answered with a score: the first area's three, and two of the second's six."""
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        Catalogue(),
        "working-better-together",
        None,
        Respondent(name="Tom Reed"),
        folder,
        clock=Clock(),
    )
    talk.begin()
    for text in ("4", "3", "1", "4", "4"):
        assert talk.answer(text).accepted
        while talk.current().kind == "probe":
            assert talk.skip().accepted
    talk.close()
    return talk


def test_an_unfinished_assessment_has_no_score_from_a_few_answers(tmp_path: Path) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.report.data import assessment_data
    from bot.scoring import compile_transcript

    talk = three_answers_then_stopped(tmp_path)
    transcript = store.load(talk.path).transcript
    assert transcript.status == "in_progress"
    loaded = Catalogue().framework("working-better-together")
    assessment = compile_transcript(transcript, loaded)
    # Five answers of 37 questions: not enough for the overall score, nor for the second
    # area (2 of its 6 questions; those not reached yet count as unanswered). The first
    # area, answered whole, keeps its score.
    assert assessment.overall is None and assessment.overall_rag is None
    assert assessment.areas[0].score is not None
    assert assessment.areas[1].score is None
    data = assessment_data(assessment)
    assert data["not_asked_words"] == (
        f"{data['not_asked']} questions have not been reached yet (the assessment is "
        "unfinished) and are not listed."
    )


def test_an_unfinished_path_counts_the_questions_not_reached_yet(tmp_path: Path) -> None:
    from bot.engine.path import final_path
    from bot.facts import AnswerFacts

    talk = three_answers_then_stopped(tmp_path)
    framework = talk.session.framework
    path = final_path(talk.session.turns)
    area = framework.areas[1].id
    # Read as finished, the second area's coverage is among its questions asked; read as
    # unfinished, its questions not reached yet count too.
    assert AnswerFacts.on_path(framework, path).area_coverage(area).enough(framework)
    unfinished = AnswerFacts.on_path(framework, path, unfinished=True)
    assert unfinished.area_coverage(area).share == pytest.approx(2 / 6)
