"""The framework format: what is assessed (an item bank with scales, actions and bands)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from bot.model.base import ID_PATTERN, SLUG_PATTERN, Flag, Number, Strict, WholeNumber

DEFAULT_MIN_COVERAGE = 50.0
"""Unless a framework says otherwise, half the asked questions need a scored answer."""
MORE_SCALE_NAME = "(another)"
"""The scale of a repeated group's "another?" question: yes or no (not a scale of the
framework's own; no scale name in a framework file can be it)."""
OVERALL = "overall"
"""The name of the overall score in conditions (`score("overall")`): no area may take it."""

QuestionKind = Literal["rating", "yesno", "number", "choice", "date", "text"]
Expects = Literal["", "name", "date"]
Abstention = Literal["dont_know", "refused"]


class Source(Strict):
    """Where a framework comes from."""

    document: str
    """The published document, as its title reads."""
    publisher: str = ""
    """Who published it."""
    year: WholeNumber | None = None
    """Year of publication."""
    seed: str = ""
    """The seed file the wording was taken from."""


class Option(Strict):
    """One answer on a scale."""

    value: str = Field(min_length=1)
    """Stable identifier: what conditions compare with and transcripts store."""
    key: str = Field(min_length=1, max_length=3)
    """What the respondent types or the interviewer presses."""
    label: str = Field(min_length=1)
    """What is shown."""
    score: Number | None = None
    """The option's score on the scale; none for an abstention."""
    abstain: Abstention | None = None
    """Set for Don't know and Refused: counted apart, never as a zero."""

    @model_validator(mode="after")
    def _score_or_abstain(self) -> Option:
        if (self.score is None) == (self.abstain is None):
            raise ValueError('give an option either a score or abstain = "dont_know"/"refused"')
        return self


CHOICE_VALUE_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
"""A choice option's value: stored joined by commas for several picks, so it has none."""
DONT_KNOW_KEY = "d"
"""The key for Don't know, where a number, choice or date question allows it."""


class ChoiceOption(Option):
    """One option of a `choice` question: a value, a label, optionally a key and a score."""

    value: str = Field(pattern=CHOICE_VALUE_PATTERN)
    """Stable identifier: what conditions compare with and transcripts store."""
    key: str = Field(default="", max_length=3)
    """What the respondent types; by default the option's position (1, 2, 3, ...)."""

    @model_validator(mode="after")
    def _score_or_abstain(self) -> ChoiceOption:
        # Overrides Option's rule: a choice option may have no score (an unscored choice),
        # and Don't know is the question's `allow_dont_know`, not an option.
        if self.abstain is not None:
            raise ValueError("a choice option cannot abstain; give the question allow_dont_know")
        return self


def _distinct_options(options: Sequence[Option]) -> None:
    """Refuse two options with the same key or value (case ignored), naming both and, for
    a key, one that is free."""
    for attr in ("key", "value"):
        first: dict[str, Option] = {}
        for option in options:
            name = getattr(option, attr).casefold()
            if name in first:
                extra = " (d is Don't know's key)" if name == DONT_KNOW_KEY else ""
                said = f"two options share the {attr} {getattr(option, attr)!r}{extra}"
                said += f' ("{first[name].label}" and "{option.label}"): give each its own'
                if attr == "key":
                    taken = {o.key.casefold() for o in options} | {DONT_KNOW_KEY}
                    keys = (*"123456789", *"abcefghijklmopqstuvwxz")
                    free = next((k for k in keys if k not in taken), None)
                    said += f', such as key = "{free}"' if free else ""
                raise ValueError(said)
            first[name] = option


class Scale(Strict):
    """A named answer scale."""

    options: tuple[Option, ...] = Field(min_length=2)
    """The answers, in the order they are shown."""
    weak_at_or_below: Number | None = None
    """Scores at or below this are weak: they fire `low` probes. `validate` requires it."""

    # Cached: scoring asks for these for every answer of every transcript (the model is
    # frozen, so they never change).
    @cached_property
    def scored(self) -> tuple[Option, ...]:
        """The options that carry a score."""
        return tuple(o for o in self.options if o.score is not None)

    @cached_property
    def low(self) -> float:
        """The lowest score on the scale."""
        return min(o.score for o in self.scored if o.score is not None)

    @cached_property
    def high(self) -> float:
        """The highest score on the scale."""
        return max(o.score for o in self.scored if o.score is not None)

    def normalise(self, score: float) -> float:
        """A score on this scale as 0-100."""
        span = self.high - self.low
        return 100.0 if span == 0 else round((score - self.low) / span * 100.0, 6)

    @model_validator(mode="after")
    def _distinct(self) -> Scale:
        _distinct_options(self.options)
        if len(self.scored) < 2:
            raise ValueError("a scale needs at least two scored options")
        if self.low == self.high:
            raise ValueError(
                f"every scored option scores {self.low:g}, so the scale cannot tell answers "
                "apart; give the options different scores"
            )
        weak = self.weak_at_or_below
        if weak is not None and not self.low <= weak < self.high:
            where = (
                "the scale's highest score"
                if weak == self.high
                else f"outside the scale's own scores ({self.low:g} to {self.high:g})"
            )
            raise ValueError(
                f"`weak_at_or_below = {weak:g}` is {where}, so "
                + ("every answer is weak" if weak >= self.high else "no answer is weak")
                + "; it is on the options' scores, not on 0-100"
            )
        return self


class Range(Strict):
    """A recommended range for a number answer (inclusive)."""

    min: Number | None = None
    """Lowest recommended value."""
    max: Number | None = None
    """Highest recommended value."""
    note: str = ""
    """Why this range, in the seed's words: shown with the follow-up and in reports."""
    below: str = ""
    """Why not fewer, where the seed gives a reason: `{reason}` in a `below_range` probe."""
    above: str = ""
    """Why not more, where the seed gives a reason: `{reason}` in an `above_range` probe."""

    @model_validator(mode="after")
    def _in_order(self) -> Range:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is above max ({self.max:g}); swap them")
        if self.min is None and self.max is None:
            raise ValueError("give a min, a max or both")
        return self

    def contains(self, number: float) -> bool:
        """Whether a number is inside the range."""
        return self.side(number) == ""

    def side(self, number: float) -> str:
        """ "below" or "above" the range, or "" inside it."""
        if self.min is not None and number < self.min:
            return "below"
        if self.max is not None and number > self.max:
            return "above"
        return ""

    def reason(self, side: str) -> str:
        """The seed's reason against a number on that side of the range ("" where none)."""
        return self.below if side == "below" else self.above if side == "above" else ""

    def describe(self) -> str:
        """The range as words, such as "12-15"."""
        if self.min is not None and self.max is not None:
            return f"{self.min:g}-{self.max:g}"
        if self.min is not None:
            return f"at least {self.min:g}"
        return f"at most {self.max:g}"


class Benchmark(Strict):
    """A published result for a statement, to compare a partnership's own against."""

    source: str
    """Where it was published."""
    n: WholeNumber = Field(gt=0)
    """How many answered."""
    agree: Number = Field(ge=0, le=100)
    """Per cent who agreed or strongly agreed."""
    disagree: Number = Field(ge=0, le=100)
    """Per cent who disagreed or strongly disagreed."""
    dont_know: Number | None = Field(default=None, ge=0, le=100)
    """Per cent who did not know, where published."""


class Question(Strict):
    """One question or statement, worded as in the seed."""

    id: str = Field(pattern=ID_PATTERN)
    """Unique in the framework; the name conditions use."""
    text: str = Field(min_length=1)
    """The seed's own wording."""
    kind: QuestionKind = "rating"
    """rating or yesno (a scale), number, or text (narrative, unscored)."""
    scale: str | None = None
    """The scale's name, for rating and yesno."""
    weight: Number = Field(default=1.0, ge=0)
    """Weight in the area's mean; 0 makes the question record a fact (such as a need: "Do
    you need a locally elected member ...?"), never a score (see `fact`)."""
    number: str = ""
    """The seed's own numbering, such as "2.14"."""
    unit: str = ""
    """For numbers: what is counted, such as "members"."""
    minimum: Number | None = None
    """For numbers: lowest valid answer."""
    maximum: Number | None = None
    """For numbers: highest valid answer."""
    whole: Flag = False
    """For numbers: only whole numbers, where what is counted comes whole (members, meetings)."""
    allow_dont_know: Flag = False
    """For number, choice and date questions: Don't know may be answered (key `d`); a
    rating or yesno question allows it by an option of its scale."""
    options: tuple[ChoiceOption, ...] = ()
    """For choice questions: the options, in the order shown. Give every option a score
    (a scored choice) or none (an unscored one: who leads, which partners attend)."""
    multiple: Flag = False
    """For choice questions: several options may be picked."""
    min_picks: WholeNumber | None = Field(default=None, ge=1)
    """For a multiple choice: the fewest options to pick (default 1)."""
    max_picks: WholeNumber | None = Field(default=None, ge=1)
    """For a multiple choice: the most options to pick (default all)."""
    earliest: date | None = None
    """For dates: the earliest date accepted."""
    latest: date | None = None
    """For dates: the latest date accepted."""
    scored: Flag = True
    """false makes the question a fact (a gate, such as "Does the partnership have a risk
    register?"): its answer is shown and conditions read it, but it is never scored, never
    counted in coverage and never in an aggregate's statements table."""
    allow_not_applicable: Flag = False
    """The question invites "does not apply": such an answer abstains, lowering neither
    the score nor the coverage."""
    none_not_applicable: Flag = False
    """For numbers: 0 says there is none of what is counted (no Executive), a structure
    the source allows: recorded as Not applicable, lowering neither the score nor the
    coverage and never followed up, its number 0 kept for conditions (`none_answer`)."""
    expects: Expects = ""
    """What a direct answer gives: "name" (a who question) or "date" (a when question).
    An answer that gives it is not followed up as vague. Read from the wording when empty."""
    recommended: Range | None = None
    """For numbers: the recommended range; outside it fires `out_of_range`."""
    benchmark: Benchmark | None = None
    """A published result for this statement."""
    reverse: Flag = False
    """Scored in reverse: the statement describes a problem, so the option at the top of
    the scale ("Fully like us", "Strongly agree") scores 0 and the one at the bottom 100."""

    @property
    def scoreable(self) -> bool:
        """Whether an answer to it gets a score: a scale, a scored choice, or a number with
        a recommended range, unless `scored = false`. Only these count towards coverage."""
        if not self.scored:
            return False
        if self.kind == "choice":
            return any(o.score is not None for o in self.options)
        return self.scale is not None or (self.kind == "number" and self.recommended is not None)

    @property
    def counted(self) -> bool:
        """Whether an answer to it counts in a score and in coverage: scoreable, and of a
        weight above 0. The one rule reports, the aggregate, coverage and conditions'
        question scores go by."""
        return self.scoreable and self.weight > 0

    @property
    def fact(self) -> bool:
        """Whether its answer is a fact, never a score: `scored = false`, or any question
        (text aside) not `counted`: a date, an unscored choice, a number with no recommended
        range, or a question of weight 0. Reports list facts apart; the statements table
        leaves them out."""
        return not self.scored or (self.kind != "text" and not self.counted)

    @cached_property
    def choices(self) -> tuple[Option, ...]:
        """A choice question's options as shown, each with its key (its position unless
        given), then Don't know where allowed; empty for other kinds."""
        if self.kind != "choice":
            return ()
        shown: list[Option] = [
            o.model_copy(update={"key": o.key or str(i)}) for i, o in enumerate(self.options, 1)
        ]
        if self.allow_dont_know:
            shown.append(
                Option(
                    value="dont_know", key=DONT_KNOW_KEY, label="Don't know", abstain="dont_know"
                )
            )
        return tuple(shown)

    def picks(self) -> tuple[int, int]:
        """The fewest and most options a choice answer names (1 and 1 unless `multiple`)."""
        if not self.multiple:
            return 1, 1
        return self.min_picks or 1, self.max_picks or len(self.options)

    def choice_score(self, values: tuple[str, ...]) -> float | None:
        """A scored choice's 0-100 score for the options picked: the sum of their scores,
        placed between the lowest and highest sums any allowed number of picks can reach
        (one pick: the option's score between the lowest and highest option's). None when
        the choice is unscored or `scored = false`."""
        if not self.scoreable or self.kind != "choice":
            return None
        by_value = {o.value: o.score or 0.0 for o in self.options}
        bottom, top = self._sums()
        total = sum(by_value[v] for v in values)
        return 100.0 if top == bottom else round((total - bottom) / (top - bottom) * 100.0, 6)

    def _sums(self) -> tuple[float, float]:
        """The lowest and highest sums of scores the allowed number of picks can reach."""
        scores = sorted(o.score or 0.0 for o in self.options)
        low, high = self.picks()
        picks = range(low, high + 1)
        return min(sum(scores[:k]) for k in picks), max(sum(scores[-k:]) for k in picks)

    @model_validator(mode="after")
    def _kind_fits(self) -> Question:
        if self.kind in ("rating", "yesno") and not self.scale:
            raise ValueError(f"a {self.kind} question needs a scale")
        if self.kind in ("number", "choice", "date", "text") and self.scale:
            raise ValueError(f"a {self.kind} question takes no scale")
        if self.reverse and not self.scale:
            raise ValueError("only rating and yesno questions can be reverse-scored")
        only = {
            "recommended": ("number", self.recommended is not None),
            "minimum": ("number", self.minimum is not None),
            "maximum": ("number", self.maximum is not None),
            "whole": ("number", self.whole),
            "none_not_applicable": ("number", self.none_not_applicable),
            "options": ("choice", bool(self.options)),
            "multiple": ("choice", self.multiple),
            "min_picks": ("choice", self.min_picks is not None),
            "max_picks": ("choice", self.max_picks is not None),
            "earliest": ("date", self.earliest is not None),
            "latest": ("date", self.latest is not None),
        }
        wrong = [(k, kind) for k, (kind, given) in only.items() if given and kind != self.kind]
        if wrong:
            given = ", ".join(f"`{k}`" for k, _ in wrong)
            raise ValueError(f"only {wrong[0][1]} questions take {given}")
        if self.allow_dont_know and self.kind not in ("number", "choice", "date"):
            raise ValueError(
                "only number, choice and date questions take `allow_dont_know` (a rating or "
                'yesno question allows it by an option with abstain = "dont_know")'
            )
        if self.none_not_applicable and self.minimum is not None and self.minimum > 0:
            raise ValueError("`none_not_applicable` needs a `minimum` of 0 (0 says there is none)")
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise ValueError("`maximum` is below `minimum`")
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise ValueError(f"`latest` ({self.latest}) is before `earliest` ({self.earliest})")
        if self.kind == "choice":
            self._check_choice()
        return self

    def _check_choice(self) -> None:
        if len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if (self.min_picks is not None or self.max_picks is not None) and not self.multiple:
            raise ValueError("`min_picks` and `max_picks` need `multiple = true`")
        _distinct_options(self.choices)
        scored = [o.score is not None for o in self.options]
        if any(scored) and not all(scored):
            raise ValueError(
                "give every option a score (a scored choice) or none (an unscored one)"
            )
        low, high = self.picks()
        if low > high or high > len(self.options):
            raise ValueError(
                f"`min_picks` = {low} and `max_picks` = {high} do not fit "
                f"{len(self.options)} options"
            )
        if all(scored) and len(set(self._sums())) == 1:
            raise ValueError(
                "every answer allowed scores the same, so the score cannot tell answers apart; "
                "give the options different scores, or none for an unscored choice"
            )


LETTER_PATTERN = r"^([a-z]{1,2}|[A-Z]{1,3}[0-9]{1,3})?$"
"""An action's ``letter``: one or two lower-case letters ("a"), or a label of capitals and
digits ("R2")."""


def is_label(letter: str) -> bool:
    """Whether an action's ``letter`` is the seed's own label for it across the framework
    ("R2", Hertfordshire's recommendations), not a letter within its area ("a")."""
    return letter[:1].isupper()


def action_marker(letter: str) -> str:
    """What reports put before an action's text for the seed's reference: "a) " for a
    letter, as the seeds list them ("1 a)"); "R2 " for a label, as Hertfordshire's
    recommendations begin ("R2 Develop ..."); "" for none."""
    if not letter:
        return ""
    return f"{letter} " if is_label(letter) else f"{letter}) "


class Action(Strict):
    """A suggested action and the condition that suggests it."""

    id: str = Field(pattern=SLUG_PATTERN)
    """Unique in the framework."""
    text: str = Field(min_length=1)
    """The action, worded as the seed's suggested actions are."""
    when: str = Field(min_length=1)
    """Condition over answers and scores that makes it apply."""
    owner: str = ""
    """Suggested owner role."""
    smart: str = ""
    """Hint for making it specific, measurable, attributable, realistic and timebound."""
    letter: str = Field(
        default="",
        pattern=LETTER_PATTERN,
        description=(
            'The seed\'s own reference for the action: its letter within the area ("a"), '
            'or its own label across the framework ("R2"); empty where the seed gives none.'
        ),
    )
    """The seed's own reference for it: a letter within its area, such as "a" for Appendix
    A's 1 a), or a label of its own across the framework, such as "R2" for Hertfordshire's
    recommendation R2; empty where the seed gives none. Reports and plans keep it; they
    never letter actions anew."""
    source: str = ""
    """Where in the seed it comes from, such as "Appendix A, 1 a)" or "Appendix B, Induction"."""


class Group(Strict):
    """A repeated group: the same few questions asked for each item the respondent names
    (each of a theme's top risks, with its rating and owner), until they say there are
    no more or `max_items` are named. Its answers are listed item by item (a register);
    they are never scored."""

    id: str = Field(pattern=ID_PATTERN)
    """Unique among the framework's question and group ids: the dialogue's group node
    names it, and it is the name of its "another?" question in transcripts."""
    title: str = Field(min_length=1)
    """The register's heading in reports, such as "Top risks"."""
    item: str = Field(default="item", min_length=1)
    """What one item is called, such as "risk": "Risk 2" is shown before its questions."""
    max_items: WholeNumber = Field(default=10, ge=1, le=50)
    """At most this many items; after the last, the group is left without asking for more."""
    more: str = ""
    """The question asked after each item; by default "Is there another <item> to name?"."""
    columns: tuple[str, ...] = ()
    """The register's column headings, one per question (default: each question's
    number, or its id)."""
    questions: tuple[Question, ...] = Field(min_length=1)
    """Asked in order for each item."""

    @model_validator(mode="after")
    def _columns_fit(self) -> Group:
        if self.columns and len(self.columns) != len(self.questions):
            raise ValueError(
                f"give one column heading per question: {len(self.questions)} questions, "
                f"{len(self.columns)} columns"
            )
        return self

    @cached_property
    def more_question(self) -> Question:
        """The "another?" question asked after each item (its id is the group's)."""
        text = self.more or f"Is there another {self.item} to name?"
        # Numbered by the group's title, as the app and reports name a question by number.
        return Question(
            id=self.id, text=text, kind="yesno", scale=MORE_SCALE_NAME, number=self.title
        )

    def headings(self) -> tuple[str, ...]:
        """The register's column headings, one per question."""
        return self.columns or tuple(q.number or q.id for q in self.questions)


class Area(Strict):
    """A group of questions scored together."""

    id: str = Field(pattern=SLUG_PATTERN)
    """Unique in the framework; used in `score("...")`."""
    title: str = Field(min_length=1)
    """As the seed heads it."""
    intro: str = ""
    """What the area is about, in the seed's words."""
    questions: tuple[Question, ...] = Field(min_length=1)
    """In the seed's order."""
    actions: tuple[Action, ...] = ()
    """Suggested actions for this area."""
    groups: tuple[Group, ...] = ()
    """Repeated groups of questions asked about this area (not scored: listed as registers)."""
    weight: Number = Field(default=1.0, ge=0)
    """The area's weight in the overall score (the weighted mean of the area scores); 0
    keeps it out of the overall score. The weights of a framework may not all be 0."""


class Band(Strict):
    """A score band: a RAG colour or a development stage."""

    name: str = Field(pattern=SLUG_PATTERN)
    """Identifier, such as "red" or "developing"."""
    label: str
    """What is shown."""
    min: Number = Field(ge=0, le=100)
    """Lowest 0-100 score in this band."""
    description: str = ""
    """What the band means, in the seed's words."""


class Bands(Strict):
    """Red/amber/green per area and a development stage overall."""

    rag: tuple[Band, ...] = Field(min_length=1)
    """RAG bands, each from its `min` up to the next band's."""
    stages: tuple[Band, ...] = ()
    """Development stages for the overall score."""


class Framework(Strict):
    """What is assessed: areas of questions, scales, actions and bands."""

    id: str = Field(pattern=SLUG_PATTERN)
    """Unique among installed frameworks."""
    title: str
    """Shown in lists and reports."""
    version: str
    """Bumped whenever questions, scales or actions change."""
    description: str = ""
    """A sentence or two on what it covers."""
    source: Source
    """Where it comes from."""
    scales: dict[str, Scale] = Field(default_factory=dict)
    """Named answer scales."""
    areas: tuple[Area, ...] = Field(min_length=1)
    """The areas in order."""
    bands: Bands
    """Score bands."""
    actions: tuple[Action, ...] = ()
    """Suggested actions for the partnership as a whole, not for one area: fired by the
    overall score (`score("overall")`) or by answers in several areas."""
    min_coverage: Number = Field(default=DEFAULT_MIN_COVERAGE, ge=0, le=100)
    """Per cent of an area's asked, scoreable questions that need a scored answer (not
    Don't know, Refused or skipped) before the area gets a score, RAG and stage; the
    overall score needs the same share of all of them."""

    def questions(self) -> tuple[Question, ...]:
        """Every question, in order."""
        return tuple(q for area in self.areas for q in area.questions)

    def question(self, question_id: str) -> Question:
        """A question by id."""
        return self._index[0][question_id]

    def area_of(self, question_id: str) -> Area:
        """The area a question belongs to."""
        return self._index[1][question_id]

    def area(self, area_id: str) -> Area:
        """An area by id."""
        return next(a for a in self.areas if a.id == area_id)

    def options_of(self, question: Question) -> tuple[Option, ...]:
        """The options an answer is picked from: a scale's, or a choice question's own."""
        if question.kind == "choice":
            return question.choices
        scale = self.scale_of(question)
        return scale.options if scale is not None else ()

    def scale_of(self, question: Question) -> Scale | None:
        """The scale of a rating or yesno question."""
        if question.scale == MORE_SCALE_NAME:
            return MORE_SCALE
        return self.scales[question.scale] if question.scale else None

    def has_question(self, question_id: str) -> bool:
        """Whether a question (of an area or a repeated group, or a group's "another?")
        has this id."""
        return question_id in self._index[0]

    def group(self, group_id: str) -> Group:
        """A repeated group by id."""
        return self._groups[group_id]

    @cached_property
    def more_questions(self) -> frozenset[str]:
        """The ids of the repeated groups' "another?" questions, which are not questions
        of a dialogue's count (see `bot.engine.path.answered_of`)."""
        return frozenset(g.more_question.id for g in self._groups.values())

    def group_of(self, question_id: str) -> Group | None:
        """The repeated group a question (or a group's "another?" question) belongs to."""
        return self._group_of.get(question_id)

    def label(self, question_id: str) -> str:
        """What a question is called where it is shown: its `number` (the source's); in a
        repeated group without one, its column heading where the group names its columns,
        else the group's title (an id is a name for conditions, not for people); elsewhere
        its id."""
        question = self.question(question_id)
        if question.number:
            return question.number
        group = self.group_of(question_id)
        if group is None:
            return question.id
        ids = [q.id for q in group.questions]
        if group.columns and question_id in ids:
            return group.columns[ids.index(question_id)]
        return group.title

    def question_score(self, question: Question, raw: float | None) -> float | None:
        """An answer's 0-100 score in the scored direction (see `directed_score`)."""
        return directed_score(question, self.scale_of(question), raw)

    @cached_property
    def _index(self) -> tuple[dict[str, Question], dict[str, Area]]:
        questions = {q.id: q for a in self.areas for q in a.questions}
        areas = {q.id: a for a in self.areas for q in a.questions}
        # A group's questions, and its "another?" question, are found by id like any other.
        for area in self.areas:
            for group in area.groups:
                for question in (*group.questions, group.more_question):
                    questions.setdefault(question.id, question)
                    areas.setdefault(question.id, area)
        return questions, areas

    @cached_property
    def _groups(self) -> dict[str, Group]:
        return {g.id: g for a in self.areas for g in a.groups}

    @cached_property
    def _group_of(self) -> dict[str, Group]:
        return {q.id: g for g in self._groups.values() for q in (*g.questions, g.more_question)}


MORE_SCALE = Scale.model_construct(
    options=(
        Option.model_construct(value="yes", key="y", label="Yes", score=1),
        Option.model_construct(value="no", key="n", label="No", score=0),
    )
)
"""The answers to a repeated group's "another?" question."""


def instance_key(question_id: str, item: int | None) -> str:
    """The name of one item's answer to a question of a repeated group ("risk_name#2"); a
    question outside any group is its id. Answers are kept, and the path is followed,
    by these names, so each item's answers stay bound to the item."""
    return question_id if item is None else f"{question_id}#{item}"


def base_question(key: str) -> str:
    """The question id in an instance key ("risk_name#2" -> "risk_name")."""
    return key.partition("#")[0]


def directed_score(question: Question, scale: Scale | None, raw: float | None) -> float | None:
    """An answer's 0-100 score in the scored direction, from the score stored with it: the
    scale's score normalised, mirrored for a reverse-scored question; None stays None."""
    if raw is None:
        return None
    if scale is None:
        return raw
    score = scale.normalise(raw)
    return round(100.0 - score, 6) if question.reverse else score


def is_weak(question: Question, scale: Scale | None, raw: float | None) -> bool:
    """Whether an answer is weak in the scored direction: at or below the scale's
    `weak_at_or_below` on a plain question, at or above its mirror image on a
    reverse-scored one."""
    if raw is None or scale is None or scale.weak_at_or_below is None:
        return False
    score = directed_score(question, scale, raw)
    assert score is not None
    return score <= scale.normalise(scale.weak_at_or_below) + 1e-9


def is_top(question: Question, scale: Scale | None, raw: float | None) -> bool:
    """Whether an answer has full marks in the scored direction."""
    score = directed_score(question, scale, raw) if scale is not None else None
    return score is not None and score >= 100.0 - 1e-9
