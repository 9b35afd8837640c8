"""What the engine gives a front end to show, and what an answer did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.model import Option, Question, Turn


@dataclass(frozen=True)
class Progress:
    """Where the respondent is."""

    area_id: str
    """The current area's id."""
    area_title: str
    """The current area's title."""
    area_number: int
    """1-based position of the area in the framework."""
    area_count: int
    """How many areas the framework has."""
    question_number: int
    """1-based: how many distinct questions have been reached, this one included."""
    question_count: int
    """How many distinct questions the dialogue asks (at most, when it branches); at the
    end, `question_number` is how many the path took."""
    branches: bool = False
    """Whether the dialogue's branches can pass questions by, so that `question_count` is
    the most it can ask, not what every respondent is asked."""
    areas_in_order: bool = True
    """Whether the dialogue takes the framework's areas in their order. A survey asking
    its statements in a published order of its own moves between areas, where "Area 6
    of 9", then "Area 1 of 9", would read as jumping back and forth."""

    @property
    def where(self) -> str:
        """Where the respondent is, in words: "Area 2 of 7: Title", or the area's title
        alone when the dialogue does not take the areas in order."""
        if not self.areas_in_order:
            return self.area_title
        return f"Area {self.area_number} of {self.area_count}: {self.area_title}"

    @property
    def total_words(self) -> str:
        """The question count, as "37", or "up to 37" when branches can pass some by."""
        return f"up to {self.question_count}" if self.branches else str(self.question_count)

    @property
    def count_words(self) -> str:
        """How far through, in words: "3 of 37 questions" ("3 of up to 37 questions" when
        the dialogue branches). Not "Question 3", which a framework's own numbering uses."""
        return f"{self.question_number} of {self.total_words} questions"


@dataclass(frozen=True)
class Prompt:
    """What to show now: a question, a follow-up, or the end."""

    kind: Literal["ask", "probe", "end", "abandoned"]
    """ask: a question; probe: a follow-up to it; end: complete; abandoned."""
    node: str
    """The dialogue node."""
    text: str
    """The question in the seed's words, the probe's words, or closing words."""
    progress: Progress
    """Where the respondent is."""
    question: Question | None = None
    """The question asked or probed."""
    options: tuple[Option, ...] = ()
    """Answer options for choice questions (empty for probes, numbers and text)."""
    chat: str = ""
    """Chat-style lead-in said before the question."""
    read_aloud: str = ""
    """Telephone mode: the words to read out."""
    guidance: str = ""
    """Telephone mode: notes for the interviewer."""
    trigger: str = ""
    """For probes: what fired it."""
    previous: Turn | None = None
    """When revisiting a question: its current answer (an empty reply keeps it)."""
    earlier: Turn | None = None
    """A question entered again on a branch it had left: the answer it had there, history
    shown as a hint only (never current: an empty reply does not keep it)."""
    followed: Turn | None = None
    """For probes: the answer being followed up."""
    can_go_back: bool = False
    """Whether there is an earlier question to go back to."""
    item: int | None = None
    """In a repeated group: which item (1, 2, ...) the question is about."""


@dataclass(frozen=True)
class Outcome:
    """What an answer or command did: the turns it recorded, or why it was refused."""

    turns: tuple[Turn, ...] = ()
    """New turns, in order (save them all together)."""
    error: str = ""
    """Why the input was refused; nothing was recorded."""
    skippable: bool = False
    """Skipping the question or follow-up is the way on (an empty reply, an empty
    narrative answer, a Don't know the question does not take): the front end adds how to
    skip, in its own words (a key in the app, a command in plain mode); the engine never
    names a front end's way."""

    @property
    def accepted(self) -> bool:
        """Whether the input was taken."""
        return not self.error
