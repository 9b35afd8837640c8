"""What compiling a transcript produces."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bot.coverage import Coverage
from bot.engine.path import FollowUp, is_answered
from bot.figures import whole_percent
from bot.model import Action, Area, Band, Framework, Group, Question, Respondent, Turn
from bot.model.framework import DEFAULT_MIN_COVERAGE
from bot.text import names_words
from bot.turn_words import status_words

if TYPE_CHECKING:
    from bot.scoring.basis import OverallBasis

WHOLE_TITLE = "The partnership as a whole"
"""The heading of the framework's own actions (of no one area) in reports."""


@dataclass(frozen=True)
class QuestionResult:
    """One question's outcome."""

    question: Question
    """The question."""
    asked: bool
    """Whether it is on the final path."""
    answer: Turn | None
    """Its latest answer on the final path, if any."""
    score: float | None
    """0-100, or None (text, abstention, skipped, not asked)."""
    evidence: bool
    """Whether the respondent's words named evidence."""
    words: tuple[str, ...]
    """The respondent's own words: text answer or comment, then probe replies."""
    probes: tuple[FollowUp, ...]
    """Follow-ups about its answer that got a reply (as the final path keeps them)."""
    notes: tuple[str, ...] = ()
    """Notes made at this question."""
    to_come: bool = False
    """Not on the final path, but an unfinished transcript may still ask it (a register
    item's next question): "Not reached", never "Not asked"."""

    @property
    def abstained(self) -> str:
        """dont_know, refused, or ""."""
        return self.answer.abstain if self.answer else ""

    @property
    def shown_answer(self) -> str:
        """The answer as words: an option label, a number, or the text."""
        if self.answer is None:
            if self.asked:
                return "No answer"
            return "Not reached" if self.to_come else "Not asked"
        return self.answer.label or self.answer.value


@dataclass(frozen=True)
class AnswerTally:
    """The questions asked, by what each got: answered by the one rule
    (`bot.engine.path.is_answered`), the rule coverage counts by (Don't know and Refused
    are not answers, a question without an answer is not answered, and Not applicable is
    counted apart)."""

    answered: int = 0
    """With an answer of the question's own (scored or not)."""
    dont_know: int = 0
    """Answered Don't know."""
    refused: int = 0
    """Refused (on a call)."""
    not_applicable: int = 0
    """Said not to apply."""
    unanswered: int = 0
    """Asked but left without an answer (skipped)."""

    def words(self) -> str:
        """Such as "35 answered, 2 don't know" (kinds with none left out)."""
        parts = [f"{self.answered} answered"]
        for count, word in (
            (self.dont_know, "don't know"),
            (self.refused, "refused"),
            (self.not_applicable, "not applicable"),
            (self.unanswered, "unanswered"),
        ):
            if count:
                parts.append(f"{count} {word}")
        return ", ".join(parts)


def answer_tally(questions: Iterable[QuestionResult]) -> AnswerTally:
    """The questions asked (on the final path), by what each got (see `AnswerTally`)."""
    kinds = {"dont_know": 0, "refused": 0, "not_applicable": 0, "unanswered": 0}
    answered = 0
    for question in questions:
        if not question.asked:
            continue
        if is_answered(question.answer):
            answered += 1
        elif question.answer is None:
            kinds["unanswered"] += 1
        else:
            # Don't know, Refused and Not applicable are counted apart; an abstention of
            # no other name is no answer either.
            kinds[question.abstained if question.abstained in kinds else "unanswered"] += 1
    return AnswerTally(answered, **kinds)


@dataclass(frozen=True)
class Unjudged:
    """The statements asked (scored questions on the final path; Not applicable left out)
    and how many of them could not be judged, by why: the answer was Don't know, Refused,
    or none was given. The one rule every report says it by."""

    statements: int = 0
    """Scored statements asked."""
    dont_know: int = 0
    """Of those, answered Don't know."""
    refused: int = 0
    """Refused (on a call)."""
    unanswered: int = 0
    """Left without an answer (skipped)."""

    @property
    def total(self) -> int:
        """How many could not be judged."""
        return self.dont_know + self.refused + self.unanswered

    def words(self) -> str:
        """Such as "63 of 65 statements could not be judged: 61 answered Don't know, 2
        got no answer."; "" when every statement asked was judged."""
        if not self.total:
            return ""
        why = [
            f"{count} {word}"
            for count, word in (
                (self.dont_know, "answered Don't know"),
                (self.refused, "refused"),
                (self.unanswered, "got no answer"),
            )
            if count
        ]
        listed = why[0] if len(why) == 1 else ", ".join(why[:-1]) + " and " + why[-1]
        several = self.statements != 1
        return (
            f"{self.total} of {self.statements} statement{'s' if several else ''} asked "
            f"could not be judged: {listed}."
        )


def unjudged(questions: Iterable[QuestionResult]) -> Unjudged:
    """The statements asked that could not be judged (see `Unjudged`): scored questions
    on the final path, each latest answer, that got no score."""
    counts = {"statements": 0, "dont_know": 0, "refused": 0, "unanswered": 0}
    for question in questions:
        if not (question.asked and question.question.counted):
            continue
        if question.abstained == "not_applicable":
            continue  # left out of the score and the coverage alike
        counts["statements"] += 1
        if question.answer is None:
            counts["unanswered"] += 1
        elif question.abstained in counts:
            counts[question.abstained] += 1
    return Unjudged(**counts)


TOO_FEW_FOR_ACTIONS = "too few answers"
"""What a report says in place of a count of 0 actions where too few statements were
answered to judge (the coverage below the framework's minimum)."""
NOT_ASKED = "not asked"
"""What a report's table says for an area none of whose statements was asked."""
TOO_FEW_SHORT = "too few"
"""The same, where a column is only as wide as its heading ("Actions", on the app's
report screen at 80 columns)."""
NOT_REACHED = "not reached"
"""What a report's table says for an area of an unfinished transcript none of whose
statements was reached yet (its section: "none of its statements was reached yet")."""


def no_actions_words(
    covered: Coverage, asked: int, min_coverage: float = DEFAULT_MIN_COVERAGE, area: bool = False
) -> str:
    """The sentence a report gives where no action could be suggested because too few
    statements were answered: the counts the minimum coverage is judged by (``covered``:
    the statements answered with a score, of those asked or not reached yet), how many of
    these were not reached yet (``asked``: the statements asked, on the path), and the
    minimum. "only 2 of its 6 statements were answered (4 not reached yet); at least 50%
    needed": never a count that contradicts the rule."""
    where = " in this area" if area else ""
    if not asked and not covered.scored:
        # Nothing asked yet, all of it still to come in an unfinished transcript.
        return f"No action could be suggested{where}: none of its statements was reached yet."
    verb = "was" if covered.scored == 1 else "were"
    statements = "statement" if covered.scoreable == 1 else "statements"
    said = (
        f"only {covered.scored} of {'its' if area else 'the'} {covered.scoreable} "
        f"{statements} {verb} answered"
    )
    if (not_reached := max(0, covered.scoreable - asked)) > 0:
        said += f" ({not_reached} not reached yet)"
    return (
        f"No action could be suggested{where}: {said}; at least "
        f"{whole_percent(min_coverage / 100)} needed."
    )


@dataclass(frozen=True)
class SuggestedAction:
    """An action whose condition holds, with why."""

    action: Action
    """The framework's action."""
    area: Area | None
    """Its area; None for an action of the framework as a whole."""
    letter: str
    """The seed's own letter for it within its area ("" where the seed letters none)."""
    need: float
    """0-100: how far below full marks its triggering answers are."""
    priority: str
    """high, medium or low, from the need."""
    triggers: tuple[str, ...]
    """The answers that triggered it, as "1.3 Not very well"."""
    quotes: tuple[str, ...]
    """What the respondent said about them in follow-ups."""
    due: date | None
    """A suggested date to complete it by (from the priority)."""


@dataclass(frozen=True)
class RegisterItem:
    """One item a respondent named in a repeated group, with its answers."""

    item: int
    """Its number in the group (1, 2, ...), as asked."""
    answers: tuple[QuestionResult, ...]
    """The group's questions, in order, each with this item's latest answer."""


@dataclass(frozen=True)
class Register:
    """A repeated group's items on the final path (a risk register): listed, not scored."""

    group: Group
    """The framework's group."""
    items: tuple[RegisterItem, ...]
    """The items on the final path, in order; an item backed out of is not among them."""
    not_reached: bool = False
    """Whether it was not asked yet, an unfinished transcript's dialogue still able to come
    to it (`bot.scoring.register_reach.register_not_reached`)."""
    not_asked: str = ""
    """Where it was not asked and will not be, why, in words ("the answer to WS4 (No) led
    past it."); "" where it was asked or is not reached yet."""

    @property
    def empty_words(self) -> str:
        """What a report says in place of a register with no item: "Not reached.", "Not
        asked: <why>", or, only where it was asked and nothing was named, "No risk was
        named."; "" where it has items."""
        if self.items:
            return ""
        if self.not_reached:
            return "Not reached."
        if self.not_asked:
            return f"Not asked: {self.not_asked}"
        return f"No {self.group.item} was named."


@dataclass(frozen=True)
class AreaResult:
    """One area's outcome."""

    area: Area
    """The area."""
    score: float | None
    """Weighted mean of scored answers, 0-100."""
    coverage: float | None
    """Share of asked, scoreable questions that got a scored answer (abstentions lower it)."""
    evidence: float | None
    """Share of answers whose words named evidence."""
    rag: Band | None
    """The RAG band of the score."""
    questions: tuple[QuestionResult, ...]
    """Each question."""
    actions: tuple[SuggestedAction, ...]
    """Suggested actions, in the framework's (the seed's) order."""
    enough: bool = True
    """Whether enough questions got a scored answer for a score (the framework's
    `min_coverage`); when not, `score` and `rag` are None."""
    registers: tuple[Register, ...] = ()
    """The area's repeated groups, item by item."""
    covered: Coverage = field(default_factory=lambda: Coverage(0, 0))
    """Its coverage as counts: statements answered with a score, of those asked or not
    reached yet (Not applicable left out)."""
    min_coverage: float = DEFAULT_MIN_COVERAGE
    """The framework's minimum coverage (per cent) it was judged by."""

    @property
    def unjudged(self) -> Unjudged:
        """Its statements asked, and those that could not be judged (`unjudged`)."""
        return unjudged(self.questions)

    @property
    def not_asked(self) -> bool:
        """Whether none of its questions is on the final path nor still to come: the
        dialogue taken does not ask them (a survey leaves an area to the interview). An
        area not reached yet in an unfinished transcript is not "not asked": its
        questions count as unanswered (its coverage is 0, not None)."""
        return self.coverage is None and not any(q.asked for q in self.questions)

    @property
    def too_few_for_actions(self) -> bool:
        """Whether no action was suggested because too few of its statements were
        answered (its coverage below the minimum, those not reached counting): a report
        says so, never a bare 0. An area with nothing to judge (none of its statements
        asked, or all answered Not applicable: no coverage) is not "too few"."""
        return not self.actions and not self.enough and self.coverage is not None

    @property
    def actions_shown(self) -> str:
        """How many actions, as a report's table shows it (`actions_cell`)."""
        return self.actions_cell()

    def actions_cell(self, short: bool = False) -> str:
        """How many actions, as every report's table and the app's report screen show it:
        `NOT_REACHED` where none of its statements was reached yet, `TOO_FEW_FOR_ACTIONS`
        where too few statements were answered to suggest any (``short``, in a column only
        as wide as its heading: `TOO_FEW_SHORT`), `NOT_ASKED` where none was asked."""
        if self.too_few_for_actions:
            if self.not_reached:
                return NOT_REACHED
            return TOO_FEW_SHORT if short else TOO_FEW_FOR_ACTIONS
        return NOT_ASKED if self.not_asked else str(len(self.actions))

    @property
    def not_reached(self) -> bool:
        """Whether, in an unfinished transcript, none of its statements was reached yet
        (all still to come): its table and its section say so alike."""
        return (
            self.coverage is not None
            and not self.unjudged.statements
            and not any(q.asked for q in self.questions)
        )

    @property
    def actions_words(self) -> str:
        """Where no action was suggested because too few of its statements were answered,
        the sentence saying so (`no_actions_words`); else ""."""
        if not self.too_few_for_actions:
            return ""
        return no_actions_words(
            self.covered, self.unjudged.statements, self.min_coverage, area=True
        )


@dataclass(frozen=True)
class Assessment:
    """A transcript compiled into scores, RAG and actions."""

    framework: Framework
    """The framework scored against."""
    transcript_id: str
    """The transcript's id."""
    respondent: Respondent
    """Who answered."""
    interviewers: tuple[str, ...]
    """Who interviewed, in telephone mode: everyone who took part, in order
    (`bot.model.transcript.interviewers`)."""
    mode: str
    """self or telephone."""
    status: str
    """complete, in_progress, abandoned, or refused: a round's interview or assessment the
    respondent refused part way (`bot.scoring.source.round_refusal`)."""
    started: str
    """ISO date-time."""
    updated: str
    """ISO date-time."""
    areas: tuple[AreaResult, ...]
    """Each area."""
    overall: float | None
    """Mean of the area scores weighted by the areas' weights; None below the framework's
    minimum coverage."""
    stage: Band | None
    """The development stage of the overall score, where the framework has stages."""
    overall_rag: Band | None
    """The RAG band of the overall score."""
    coverage: float | None = None
    """Scored answers out of asked, scoreable questions, over all areas (0-1)."""
    warnings: tuple[str, ...] = field(default=())
    """Such as the framework having changed since the transcript was taken."""
    call_seconds: float | None = None
    """How long the telephone call lasted, pauses excluded (None when it was not timed)."""
    overall_actions: tuple[SuggestedAction, ...] = ()
    """Suggested actions of the framework as a whole (not of one area), in its order."""
    to_come: frozenset[str] = frozenset()
    """While the transcript is unfinished: the questions its dialogue may still ask, not
    on its path yet (`bot.facts.still_to_come`), counted in coverage as unanswered."""
    covered: Coverage = field(default_factory=lambda: Coverage(0, 0))
    """Its coverage over all areas as counts (see `AreaResult.covered`)."""

    @property
    def interviewer(self) -> str:
        """Everyone who interviewed, as every report names them: "Sam", "Sam and Kim",
        "Sam, Kim and Lee"; "" for a self-assessment."""
        return names_words(self.interviewers)

    @property
    def status_words(self) -> str:
        """The transcript's state in words, as every report says it: "complete", "in
        progress", "abandoned", or, for one the respondent refused part way, how far it
        got ("refused part way: 3 questions asked, 21 not reached")."""
        if self.status != "refused":
            return status_words(self.status)
        asked = sum(1 for area in self.areas for q in area.questions if q.asked)
        words = f"refused part way: {asked} question{'s' if asked != 1 else ''} asked"
        return f"{words}, {len(self.to_come)} not reached" if self.to_come else words

    @property
    def overall_basis(self) -> OverallBasis:
        """The areas the overall score stands on and those left out of it, with why (one
        rule, `bot.scoring.basis`): every place that prints the overall says it."""
        from bot.scoring.basis import assessment_basis  # it reads AreaResult from here

        return assessment_basis(self.areas)

    @property
    def overall_basis_words(self) -> str:
        """Over which areas the overall score stands where any is left out ("from 1 of 2
        areas: Delivery has too few answers to score"); "" where it stands on every area,
        or where there is no overall score."""
        return self.overall_basis.words() if self.overall is not None else ""

    @property
    def tally(self) -> AnswerTally:
        """The questions asked, by what each got (one rule, `answer_tally`), as the report
        and the end of a conversation both say it."""
        return answer_tally(q for area in self.areas for q in area.questions)

    @property
    def actions(self) -> tuple[SuggestedAction, ...]:
        """Every suggested action, area by area, then those for the whole."""
        return (*(a for area in self.areas for a in area.actions), *self.overall_actions)

    @property
    def unjudged(self) -> Unjudged:
        """The statements asked, and those that could not be judged (`unjudged`)."""
        return unjudged(q for area in self.areas for q in area.questions)

    @property
    def too_few_for_actions(self) -> bool:
        """Whether no action was suggested because too few statements were answered for
        an overall score (the coverage below the minimum over all areas)."""
        return not self.actions and self.overall is None

    @property
    def actions_words(self) -> str:
        """Where no action was suggested because too few statements were answered, the
        sentence saying so (`no_actions_words`); else ""."""
        if not self.too_few_for_actions:
            return ""
        return no_actions_words(self.covered, self.unjudged.statements, self.framework.min_coverage)
