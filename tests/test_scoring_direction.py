"""Reverse scoring and minimum coverage: a score says what the answers mean."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.model import Question
from bot.report import render_assessment
from tests.test_report_fidelity import assess

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_a_criterion_describing_a_problem_scores_fully_like_us_low(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    framework = catalogue.framework("ptp-success-criteria").framework
    c3, c9 = framework.question("c3"), framework.question("c9")
    assert c3.reverse and c9.reverse
    assert framework.question_score(c3, 3) == 0.0  # "Fully like us": partners struggle
    assert framework.question_score(c3, 0) == 100.0
    assert framework.question_score(framework.question("c1"), 3) == 100.0


def test_low_answer_follow_ups_use_the_scored_direction(catalogue: Catalogue) -> None:
    session = Session(catalogue.dialogue("ptp-self-assessment"))
    session.begin(NOW)
    for text in ("3 - the SCS 2009 vision was consulted on", "3 - see the 2009 risk register"):
        session.answer(text, NOW)
        while session.current().kind == "probe":
            session.skip(NOW)
    assert session.current().question.id == "c3"
    probe = session.answer("4", NOW).turns[-1]  # Fully like us: many partners struggle
    assert probe.kind == "probe" and probe.trigger == "low"
    session.skip(NOW)
    assert session.current().question.id == "c4"
    back = Session(catalogue.dialogue("ptp-self-assessment"))
    back.begin(NOW)
    for text in ("3 - the SCS 2009 vision was consulted on", "3 - see the 2009 risk register"):
        back.answer(text, NOW)
        while back.current().kind == "probe":
            back.skip(NOW)
    top = back.answer("1", NOW).turns[-1]  # Not at all like us: the strength here
    assert top.kind == "probe" and top.trigger == "unevidenced_high"


def test_hallmarks_other_parties_who_could_sign_up_is_a_gap(catalogue: Catalogue) -> None:
    framework = catalogue.framework("hallmarks").framework
    h2_2 = framework.question("h2_2")
    assert h2_2.reverse
    assert framework.question_score(h2_2, 2) == 0.0  # Yes: parties could sign up and have not


def test_hallmarks_6_3_is_asked_in_its_parts(catalogue: Catalogue) -> None:
    framework = catalogue.framework("hallmarks").framework
    parts = [q for q in framework.questions() if q.number.startswith("6.3")]
    assert [q.number for q in parts] == ["6.3", "6.3 (part 2)", "6.3 (part 3)"]
    assert " ".join(q.text for q in parts) == (
        "Is there clarity over membership of the partnership, are there any identifiable "
        "gaps, and how frequently is the membership reviewed?"
    )
    assert [q.kind for q in parts] == ["yesno", "yesno", "text"]


def test_reverse_scoring_is_validated_and_shown(catalogue: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="reverse-scored"):
        Question(id="n", text="How many?", kind="number", reverse=True)
    assessment = assess(
        catalogue, tmp_path, "ptp-success-criteria", "ptp-self-assessment", ["3", "3", "4"]
    )
    text = render_assessment(assessment, "md")
    assert (
        "struggle to engage effectively and feel disengaged from the process. (reverse-scored)"
        in text
    )
    assert "(reverse-scored)" in render_assessment(assessment, "html")
    assert any(a.action.id == "policy-improve" for a in assessment.actions)


def test_too_few_answers_get_no_score(catalogue: Catalogue, tmp_path: Path) -> None:
    """Don't know to nearly everything: no score, RAG or stage, and the report says why."""
    answers = ["4"] + ["d"] * 11
    assessment = assess(catalogue, tmp_path, "ptp-success-criteria", "ptp-self-assessment", answers)
    assert assessment.areas[0].score == 100.0  # criterion 1 was answered
    assert assessment.overall is None and assessment.stage is None
    assert assessment.overall_rag is None
    dont_know = assessment.areas[1]
    assert dont_know.score is None and dont_know.rag is None and not dont_know.enough
    text = render_assessment(assessment, "md")
    assert "not enough answers for a score" in text
    assert "Not enough answers to score this area" in text


def test_min_coverage_is_a_framework_setting(catalogue: Catalogue) -> None:
    framework = catalogue.framework("ptp-success-criteria").framework
    assert framework.min_coverage == 50
    lenient = framework.model_copy(update={"min_coverage": 0})
    assert lenient.min_coverage == 0
