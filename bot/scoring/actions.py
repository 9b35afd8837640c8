"""Which suggested actions an assessment fires, the answers behind each, and its quotes.

One rule for a single transcript's report and for the aggregate's summaries, so that
both say the same about the same answers (docs/reports.md, "Suggested actions").
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from bot.conditions import Condition
from bot.engine.path import FinalPath
from bot.facts import AnswerFacts
from bot.loading import LoadedFramework
from bot.model import Action, Area, Turn

WEAK_NAMED = 50.0
"""An answer the condition names is weak at half marks or below."""
WEAK_VIA_AREA = 49.999
"""One that only counts through its area's score is weak below half marks."""
COUNTED_ABSTENTIONS = ("dont_know", "refused")
"""Abstentions that point to a gap; not applicable does not."""


def shown_answer(turn: Turn) -> str:
    """An answer as words: an option's label, a number, or the text."""
    return turn.label or turn.value


@dataclass(frozen=True)
class Trigger:
    """An answer that triggered an action."""

    question: str
    """The question's id."""
    number: str
    """The question's own number, or its id where it has none."""
    answer: str
    """The answer as words."""

    def __str__(self) -> str:
        return f"{self.number} {self.answer}"


@dataclass(frozen=True)
class FiredAction:
    """An action whose condition holds on the final path."""

    action: Action
    """The framework's action."""
    area: Area
    """Its area."""
    order: int
    """Its position among the area's actions."""
    need: float
    """0-100: 100 minus the mean score of the triggering answers (and areas)."""
    triggers: tuple[Trigger, ...]
    """The weak or abstained answers the condition names (or its areas hold)."""
    quotes: tuple[str, ...]
    """The follow-up replies bound to those answers, each once, in order."""


def _fact_behind(condition: Condition, facts: AnswerFacts, question_id: str) -> bool:
    """Whether an unscored answer the condition names (a fact, a date, an unscored
    choice) is behind it holding: the condition holds on that answer alone, or fails
    without it."""
    question = facts.framework.question(question_id)
    if question_id not in condition.names or question.scoreable or question.kind == "text":
        return False
    answers = facts.answers
    alone = AnswerFacts(facts.framework, {question_id: answers[question_id]})
    without = AnswerFacts(facts.framework, {k: v for k, v in answers.items() if k != question_id})
    return condition.evaluate(alone) or not condition.evaluate(without)


def fired_actions(
    loaded: LoadedFramework, path: FinalPath, facts: AnswerFacts
) -> list[FiredAction]:
    """Every action whose condition holds on the path's answers, in framework order."""
    framework = loaded.framework
    fired = []
    for area in framework.areas:
        for order, action in enumerate(area.actions):
            condition = loaded.actions[action.id]
            if not condition.evaluate(facts):
                continue
            named = set(condition.names)
            via_areas = {q.id for a in condition.areas for q in framework.area(a).questions}
            triggers: list[Trigger] = []
            scores: list[float] = []
            quotes: list[str] = []
            for question in framework.questions():
                if question.id not in named | via_areas:
                    continue
                answer = facts.answers.get(question.id)
                if answer is None:
                    continue
                score = facts.question_score(question.id)
                limit = WEAK_NAMED if question.id in named else WEAK_VIA_AREA
                abstained = answer.abstain in COUNTED_ABSTENTIONS
                weak = score is not None and score <= limit
                if not (abstained or weak or _fact_behind(condition, facts, question.id)):
                    continue
                triggers.append(
                    Trigger(question.id, question.number or question.id, shown_answer(answer))
                )
                if score is not None:
                    scores.append(score)
                step = path.step(question.id)
                if step is not None:
                    quotes.extend(step.replies)
            scores += [s for s in (facts.area_score(a) for a in condition.areas) if s is not None]
            need = round(100 - fmean(scores), 6) if scores else 50.0
            fired.append(
                FiredAction(
                    action, area, order, need, tuple(triggers), tuple(dict.fromkeys(quotes))
                )
            )
    return fired
