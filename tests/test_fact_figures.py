"""Facts give no figures: a number question with `scored = false` is never scored."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.answer_score import raw_score
from bot.engine.answers import parse_answer
from bot.model import Question, Turn
from bot.model.framework import Range

NOW = datetime(2009, 6, 1, 9, 0, tzinfo=UTC)


def _number(scored: bool) -> Question:
    return Question(
        id="n",
        text="How many partners attend?",
        kind="number",
        scored=scored,
        recommended=Range(min=12, max=15),
    )


def _turn(value: str) -> Turn:
    return Turn(seq=1, at=NOW, speaker="respondent", kind="answer", question="n", value=value)


def test_an_unscored_number_with_a_recommended_range_gets_no_score() -> None:
    fact = _number(scored=False)
    assert parse_answer(fact, None, "3").score is None
    assert parse_answer(fact, None, "13").score is None
    assert raw_score(None, fact, _turn("3")) is None  # type: ignore[arg-type]
    assert raw_score(None, fact, _turn("13")) is None  # type: ignore[arg-type]
    assert fact.fact and not fact.scoreable


def test_a_scored_number_is_still_scored_by_its_range() -> None:
    scored = _number(scored=True)
    assert parse_answer(scored, None, "3").score == 0.0
    assert parse_answer(scored, None, "13").score == 100.0
    assert raw_score(None, scored, _turn("13")) == 100.0  # type: ignore[arg-type]
