"""The answers so far, as conditions and scoring read them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from bot.answer_score import AnswerMismatch, raw_score
from bot.coverage import Coverage, area_coverage, covered_score, overall_coverage, overall_enough
from bot.dialogue_graph import edges, reach
from bot.model import Dialogue, Framework, Turn
from bot.model.framework import OVERALL, base_question

if TYPE_CHECKING:
    from bot.engine.path import FinalPath


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


def left_part_way(status: str) -> bool:
    """Whether a transcript of this status was left before its end, in progress or
    abandoned: its questions not reached count as asked and unanswered in coverage.
    Giving up part way never makes what was not reached "not asked", nor a few answers a
    whole score."""
    return status != "complete"


def still_to_come(
    framework: Framework, path: FinalPath, dialogue: Dialogue | None
) -> frozenset[str]:
    """The questions an unfinished transcript may still ask, not on its path yet: the one
    rule for coverage and "not reached yet" in a report, an aggregate and the replay.

    Those its dialogue can still reach from where the respondent is (the question at the
    path's cursor, following every branch, as where the answers to come lead is not
    known): never a question the dialogue does not ask (a telephone interview's
    dialogue leaves the survey's statements out). Where the respondent is lies outside
    the dialogue (a plan review question, or a dialogue changed since), from its start.
    Without the dialogue (it cannot be found), every question of the framework."""
    ids = [q.id for q in framework.questions()]
    if dialogue is None:
        return frozenset(q for q in ids if not path.on_path(q))
    nodes = dialogue.nodes
    asks = {nodes[node].ask for node in nodes_ahead(path, dialogue) if nodes[node].ask}
    return frozenset(q for q in ids if q in asks and not path.on_path(q))


def nodes_ahead(path: FinalPath, dialogue: Dialogue) -> set[str]:
    """The dialogue's nodes reachable from where the respondent is, following every
    branch (that node included): those an unfinished transcript may still come to, by the
    rule of `still_to_come`."""
    nodes = dialogue.nodes
    # The node of the question being asked, or the last one before it the dialogue has; a
    # repeated group's step names its node before "#".
    behind = [step.node.partition("#")[0] for step in path.steps[: path.cursor + 1]]
    here = next((node for node in reversed(behind) if node in nodes), dialogue.start)
    return reach(here, edges(nodes))


class AnswerFacts:
    """The latest answer to each question, with question and area scores (0-100).

    The answers are read as given (scores are remembered): when they change, make a new one.
    """

    def __init__(
        self,
        framework: Framework,
        answers: Mapping[str, Turn],
        asked: Collection[str] | None = None,
    ) -> None:
        self.framework = framework
        self.answers = answers
        # The questions asked, answered or not (a skipped one lowers coverage); by default
        # those answered.
        self.asked = frozenset(answers) if asked is None else frozenset(asked)
        # Conditions and scoring ask for the same scores many times over one transcript.
        self._scores: dict[str, float | None] = {}
        self._areas = {area.id for area in framework.areas}

    @classmethod
    def on_path(
        cls, framework: Framework, path: FinalPath, to_come: Collection[str] = ()
    ) -> AnswerFacts:
        """What a report reads from a transcript's final path: the latest answer to each
        question on it, and every question on it counted as asked, answered or not (a
        skipped one lowers coverage). Reports, aggregates and the replay's scores so far
        all read a path this way.

        ``to_come`` (a transcript still in progress: `still_to_come`): the questions not
        reached yet count as asked and unanswered too, for where its path would go is
        not known; so a few answers never make an area's or the overall score on their
        own."""
        asked = {step.question for step in path.steps} | set(to_come)
        return cls(framework, path.answers, asked=asked)

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
            # A question of weight 0 records a fact (a need, say): it is never scored, so
            # its answer can neither raise nor lower any figure (conditions read its value).
            score = self.framework.question_score(question, raw) if question.counted else None
        self._scores[question_id] = score
        return score

    def area_score(self, area_id: str) -> float | None:
        """The weighted mean of an area's question scores, or None when none is scored."""
        return weighted_mean(
            (self.question_score(q.id), q.weight) for q in self.framework.area(area_id).questions
        )

    def area_coverage(self, area_id: str) -> Coverage:
        """An area's coverage among the questions asked."""
        return area_coverage(self.framework, self.framework.area(area_id), self.asked, self)

    def covered_area_score(self, area_id: str) -> float | None:
        """An area's score where its coverage is enough for one (as reports give it)."""
        return covered_score(self.framework, self.area_coverage(area_id), self.area_score(area_id))

    def overall_score(self) -> float | None:
        """The one overall score, in reports and in conditions (`score("overall")`): the
        mean of the scores of the areas with enough coverage, weighted by the areas'
        weights, when the coverage over all areas together is enough; else None."""
        areas = self.framework.areas
        if not overall_enough(
            self.framework, overall_coverage(self.area_coverage(a.id) for a in areas)
        ):
            return None
        return weighted_mean((self.covered_area_score(a.id), a.weight) for a in areas)

    def score(self, name: str) -> float | None:
        """A question's or an area's score."""
        if name in self._areas:
            return self.area_score(name)
        if name == OVERALL:
            return self.overall_score()
        return self.question_score(name)
