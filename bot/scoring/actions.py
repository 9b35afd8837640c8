"""Which suggested actions an assessment fires, the answers behind each, and its quotes.

One rule for a single transcript's report and for the aggregate's summaries, so that
both say the same about the same answers (docs/reports.md, "Suggested actions").
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from bot.conditions import Condition
from bot.engine.path import FinalPath
from bot.engine.review import is_review_question
from bot.facts import AnswerFacts
from bot.figures import figure
from bot.loading import LoadedFramework
from bot.model import Action, Area, Framework, Question, Turn
from bot.model.framework import OVERALL

WEAK_NAMED = 50.0
"""An answer the condition names is weak at half marks or below."""
WEAK_VIA_AREA = 49.999
"""One that only counts through its area's score is weak below half marks."""
COUNTED_ABSTENTIONS = ("dont_know", "refused")
"""Abstentions that point to a gap; not applicable does not."""
NO_SCORE_NEED = 50.0
"""The need of an action none of whose reasons has a score (fired by Don't know alone)."""
NEED_RULE = (
    "An action's need is 100 minus the mean of the scores given with its reasons (an "
    "answer's score out of 100, an area's or the overall score), "
    f"or {NO_SCORE_NEED:g} when none of them has a score."
)
"""How a single report's need is computed, as each report states it beside its actions."""


def shown_answer(turn: Turn) -> str:
    """An answer as words: an option's label, a number, or the text."""
    return turn.label or turn.value


def trigger_answer(question: Question, turn: Turn) -> str:
    """A triggering answer as words: the option's label, or a number with what it counts
    ("3 meetings")."""
    shown = shown_answer(turn)
    if question.kind == "number" and question.unit and not turn.label and turn.value:
        return f"{shown} {question.unit}"
    return shown


@dataclass(frozen=True)
class Trigger:
    """An answer that triggered an action."""

    question: str
    """The question's id."""
    number: str
    """The question's own number, or its id where it has none."""
    answer: str
    """The answer as words."""
    score: float | None = None
    """Its 0-100 score, one of those the action's need is computed from (None for an
    abstention or an unscored fact, which count in no need)."""

    def __str__(self) -> str:
        # "2.1 answered 3 meetings": a question's number and a number answer side by side
        # ("2.1 3") read as one figure. The score is printed so that a reader can check
        # the need from what the report shows.
        said = f"{self.number} answered {self.answer}"
        return said if self.score is None else f"{said} (score {figure(self.score)})"


@dataclass(frozen=True)
class ScoreRead:
    """An area's score (or the overall score) an action's condition reads, which counts
    in its need as its triggering answers' scores do."""

    name: str
    """The area's title, or "" for the overall score."""
    score: float

    def __str__(self) -> str:
        what = f"{self.name} area score" if self.name else "overall score"
        return f"{what} {figure(self.score)}"


@dataclass(frozen=True)
class FiredAction:
    """An action whose condition holds on the final path."""

    action: Action
    """The framework's action."""
    area: Area | None
    """Its area; None for an action of the framework as a whole."""
    order: int
    """Its position among the area's (or the framework's own) actions."""
    need: float
    """0-100: 100 minus the mean of the triggering answers' scores and the scores read
    (50 when none has a score): `NEED_RULE`."""
    triggers: tuple[Trigger, ...]
    """The weak or abstained answers the condition names (or its areas hold)."""
    read: tuple[ScoreRead, ...]
    """The area (and overall) scores the condition reads."""
    quotes: tuple[str, ...]
    """The follow-up replies bound to those answers, each once, in order."""


def _fact_behind(condition: Condition, facts: AnswerFacts, question_id: str) -> bool:
    """Whether an unscored answer the condition names (a fact, a date, an unscored
    choice) is behind it holding: the condition holds on that answer alone, or fails
    without it."""
    question = facts.framework.question(question_id)
    if question_id not in condition.names or question.counted or question.kind == "text":
        return False
    answers = facts.answers
    alone = AnswerFacts(facts.framework, {question_id: answers[question_id]})
    without = AnswerFacts(facts.framework, {k: v for k, v in answers.items() if k != question_id})
    return condition.evaluate(alone) or not condition.evaluate(without)


def read_areas(framework: Framework, condition: Condition) -> list[Area]:
    """The areas whose scores a condition reads: those it names in `score("area")`, and
    for `score("overall")` every area that counts towards the overall score."""
    named = set(condition.areas)
    return [
        area
        for area in framework.areas
        if area.id in named or (OVERALL in named and area.weight > 0)
    ]


def fired_actions(
    loaded: LoadedFramework, path: FinalPath, facts: AnswerFacts
) -> list[FiredAction]:
    """Every action whose condition holds on the path's answers: each area's in framework
    order, then the framework's own (for the partnership as a whole)."""
    framework = loaded.framework
    listed: list[tuple[Area | None, tuple[Action, ...]]] = [(a, a.actions) for a in framework.areas]
    listed.append((None, framework.actions))
    fired = []
    for area, actions in listed:
        for order, action in enumerate(actions):
            condition = loaded.actions[action.id]
            if condition.evaluate(facts):
                fired.append(_fired(framework, condition, action, area, order, path, facts))
    return fired


def _fired(
    framework: Framework,
    condition: Condition,
    action: Action,
    area: Area | None,
    order: int,
    path: FinalPath,
    facts: AnswerFacts,
) -> FiredAction:
    named = set(condition.names)
    areas = read_areas(framework, condition)
    via_areas = {q.id for a in areas for q in a.questions}
    triggers: list[Trigger] = []
    scores: list[float] = []
    quotes: list[str] = []
    for question in framework.questions():
        if question.id not in named | via_areas or is_review_question(question):
            # A plan review answer is an agreed action's status, never a reason for one.
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
        number = question.number or question.id
        triggers.append(Trigger(question.id, number, trigger_answer(question, answer), score))
        if score is not None:
            scores.append(score)
        step = path.step(question.id)
        if step is not None:
            quotes.extend(step.replies)
    # The scores a condition reads: each area it names, and the overall score itself.
    read = [
        ScoreRead(framework.area(a).title, score)
        for a in sorted(condition.areas - {OVERALL})
        if (score := facts.area_score(a)) is not None
    ]
    if OVERALL in condition.areas and (overall := facts.overall_score()) is not None:
        read.append(ScoreRead("", overall))
    scores += [r.score for r in read]
    need = round(100 - fmean(scores), 6) if scores else NO_SCORE_NEED
    return FiredAction(
        action, area, order, need, tuple(triggers), tuple(read), tuple(dict.fromkeys(quotes))
    )
