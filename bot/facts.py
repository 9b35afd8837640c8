"""The answers so far, as conditions and scoring read them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.answer_score import AnswerMismatch, raw_score
from bot.model import Framework, Turn
from bot.model.framework import OVERALL, base_question


def weighted_mean(scores: Iterable[tuple[float | None, float]]) -> float | None:
    """The mean of (score, weight) pairs weighted by weight; scores that are None and
    weights of 0 take no part. None when nothing is left. The one rule for an area's score
    (its questions) and the overall score (its areas), in one report and in an aggregate."""
    total = weights = 0.0
    for score, weight in scores:
        if score is not None and weight > 0:
            total += score * weight
            weights += weight
    return round(total / weights, 6) if weights else None


class AnswerFacts:
    """The latest answer to each question, with question and area scores (0-100).

    The answers are read as given (scores are remembered): when they change, make a new one.
    """

    def __init__(self, framework: Framework, answers: Mapping[str, Turn]) -> None:
        self.framework = framework
        self.answers = answers
        # Conditions and scoring ask for the same scores many times over one transcript.
        self._scores: dict[str, float | None] = {}
        self._areas = {area.id for area in framework.areas}

    def value(self, question_id: str) -> str | float | tuple[str, ...] | None:
        """The answer's value: an option value, a number, the text, a date as 2009-12-02,
        or for a multiple choice the values picked."""
        turn = self.answers.get(question_id)
        if turn is None:
            return None
        # One item's answer to a repeated group's question is kept as "question#item".
        question = self.framework.question(base_question(question_id))
        if question.kind in ("choice", "date") and turn.abstain:
            return None
        if question.kind == "number":
            try:
                return float(turn.value)
            except ValueError:
                return None
        if question.multiple:
            return tuple(turn.value.split(",")) if turn.value else ()
        return turn.value

    def answered(self, question_id: str) -> bool:
        """Whether the question has an answer (an abstention counts)."""
        return question_id in self.answers

    def question_score(self, question_id: str) -> float | None:
        """A question's 0-100 score, or None for text, abstentions and no answer."""
        if question_id in self._scores:
            return self._scores[question_id]
        turn = self.answers.get(question_id)
        score = None
        if turn is not None:
            # From the framework, never from the score stored in the turn; in the scored
            # direction (a reverse-scored question's top option scores 0). A value that is
            # not an answer to the question scores nothing (reports refuse such a file).
            question = self.framework.question(base_question(question_id))
            try:
                raw = raw_score(self.framework, question, turn)
            except AnswerMismatch:
                raw = None
            score = self.framework.question_score(question, raw)
        self._scores[question_id] = score
        return score

    def area_score(self, area_id: str) -> float | None:
        """The weighted mean of an area's question scores, or None when none is scored."""
        return weighted_mean(
            (self.question_score(q.id), q.weight) for q in self.framework.area(area_id).questions
        )

    def overall_score(self) -> float | None:
        """The area scores' mean weighted by the areas' weights (in conditions,
        `score("overall")`; the report's overall score also needs enough coverage)."""
        return weighted_mean((self.area_score(a.id), a.weight) for a in self.framework.areas)

    def score(self, name: str) -> float | None:
        """A question's or an area's score."""
        if name in self._areas:
            return self.area_score(name)
        if name == OVERALL:
            return self.overall_score()
        return self.question_score(name)
