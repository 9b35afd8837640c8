"""Coverage: how many of the asked, scoreable questions got a scored answer, and whether
that is enough for a score, RAG and stage (the framework's `min_coverage`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answer_score import NOT_APPLICABLE
from bot.model import Area, Framework

if TYPE_CHECKING:  # the facts read coverage for the overall score: no import at run time
    from bot.facts import AnswerFacts


@dataclass(frozen=True)
class Coverage:
    """Scored answers out of asked, scoreable questions."""

    scored: int
    """Questions with a scored answer (not Don't know, Refused or skipped)."""
    scoreable: int
    """Asked questions that can be scored."""

    @property
    def share(self) -> float | None:
        """scored / scoreable, or None when nothing scoreable was asked."""
        return self.scored / self.scoreable if self.scoreable else None

    def enough(self, framework: Framework) -> bool:
        """Whether it reaches the framework's minimum coverage."""
        share = self.share
        return share is not None and share * 100 >= framework.min_coverage - 1e-9

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(self.scored + other.scored, self.scoreable + other.scoreable)


def area_coverage(
    framework: Framework, area: Area, asked: Collection[str], facts: AnswerFacts
) -> Coverage:
    """An area's coverage, counting only the questions that were asked."""
    # A question the respondent said does not apply lowers neither score nor coverage.
    scoreable = [
        q
        for q in area.questions
        if q.counted
        and q.id in asked
        and getattr(facts.answers.get(q.id), "abstain", "") != NOT_APPLICABLE
    ]
    scored = sum(1 for q in scoreable if facts.question_score(q.id) is not None)
    return Coverage(scored, len(scoreable))


def covered_score(framework: Framework, coverage: Coverage, score: float | None) -> float | None:
    """The score where the coverage is enough for one, else None."""
    return score if coverage.enough(framework) else None


def overall_coverage(parts: Iterable[Coverage]) -> Coverage:
    """Coverage over all areas together."""
    return sum(parts, Coverage(0, 0))


def overall_enough(framework: Framework, coverage: Coverage) -> bool:
    """Whether an overall score may be given: the coverage over all areas together (one
    respondent's, or every respondent's of an aggregate pooled) reaches the framework's
    minimum coverage. The one rule of a single report (`bot.facts.AnswerFacts.overall_score`),
    an aggregate and each side of a comparison: a few answers never make an overall score,
    nor its RAG or stage, however many respondents gave them."""
    return coverage.enough(framework)
