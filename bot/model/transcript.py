"""The transcript format: what happened, turn by turn, as an audit trail."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, model_validator

from bot.model.base import SLUG_PATTERN, Strict
from bot.text import folded, names_words

SCHEMA_VERSION = 1
Speaker = Literal["bot", "respondent", "interviewer"]
TurnKind = Literal[
    "say",  # bot: a say node
    "ask",  # bot: a question
    "probe",  # bot: a follow-up
    "end",  # bot: closing words; the dialogue is complete
    "answer",  # an answer to the question (an amendment when `amends` is set)
    "probe_answer",  # a reply to a probe
    "skip",  # the question or probe was skipped
    "back",  # went back to the previous question
    "keep",  # revisited a question and kept its answer
    "note",  # a note (an interviewer's or a respondent's)
    "abandon",  # the assessment was abandoned
    "call_start",  # interviewer: the telephone call began
    "call_pause",  # interviewer: the call was paused (or the interviewer left it)
    "call_resume",  # interviewer: the call went on after a pause
]
CALL_KINDS = ("call_start", "call_pause", "call_resume")
CALL_OPENINGS = ("call_start", "call_resume")
"""The turns that open a stretch of the call."""
"""The turns that time a telephone call (transcripts from before them have none)."""
Status = Literal["in_progress", "complete", "abandoned"]
ANSWERING = ("answer", "probe_answer", "skip", "keep")
"""The turns by which a respondent moves an assessment on (`Transcript.answered`)."""


class Person(Strict):
    """Someone taking part."""

    name: str = ""
    """Their name as typed."""


class Respondent(Person):
    """Who answered."""

    organisation: str = ""
    """Their organisation."""
    role: str = ""
    """Their role, such as "Councillor" or "Police inspector"."""
    sector: str = ""
    """Public, voluntary, business, ..."""
    partnership: str = ""
    """The partnership assessed."""


class Reference(Strict):
    """Which version of a framework or dialogue a transcript was taken with."""

    id: str
    """Its id."""
    version: str
    """Its version field."""
    hash: str
    """A hash of its file, to tell whether it has changed since."""


class ReviewItem(Strict):
    """An action agreed in an earlier round's plan, asked about at the start of its area
    ("Last year the partnership agreed: ... How far has it got?"). Kept in the header so
    the same questions are asked again on resume, and read without the plan."""

    action: str = Field(pattern=SLUG_PATTERN, max_length=100)
    """The plan action's id."""
    ref: str = Field(default="", max_length=40)
    """Its Ref in the plan ("2a", "R2", "7.1"), which numbers the question; the id in
    transcripts recorded before plans numbered every action (then numbered by place)."""
    area: str = Field(default="", max_length=100)
    """The area it belongs to (asked at that area's start)."""
    text: str = Field(min_length=1, max_length=2000)
    """What was agreed."""
    owner: str = Field(default="", max_length=200)
    """Who owns it."""
    due: date | None = None
    """When it was due."""
    round: str = Field(default="", max_length=200)
    """The round whose plan agreed it."""


class Turn(Strict):
    """One thing said or done. Turns are only ever appended."""

    seq: int = Field(ge=1)
    """1, 2, 3, ... in order."""
    at: datetime
    """When (timezone-aware)."""
    speaker: Speaker
    """Who."""
    kind: TurnKind
    """What kind of turn."""
    node: str = ""
    """The dialogue node it belongs to."""
    question: str = ""
    """The framework question it concerns."""
    text: str = ""
    """What was shown or typed."""
    chat: str = ""
    """For questions: the chat lead-in shown before them (with `text`, all that was shown)."""
    value: str = ""
    """The parsed answer: an option's value, a number, or the text."""
    label: str = ""
    """An option's label."""
    score: float | None = None
    """The option's score on its scale (numbers: 100 inside the range, 0 outside)."""
    comment: str = ""
    """Words typed after an option key, such as "3 - we have minutes"."""
    abstain: str = ""
    """dont_know or refused."""
    trigger: str = ""
    """For probes and their replies: what fired the probe."""
    probe: int | None = None
    """For probes: which of the node's probes (0-based)."""
    amends: int | None = None
    """For amendments: the seq of the answer this one corrects."""
    item: int | None = Field(default=None, ge=1)
    """In a repeated group: which item (1, 2, ...) the turn is about; with `question`, it
    binds the answer to the item (the group's own id as `question`: "another?")."""
    by: str = ""
    """For a telephone call's resumption by another officer than the one who began the
    interview: who took the call on then (the report names everyone who interviewed)."""
    check: str = ""
    """Written by the store on the last turn of each save, to detect an interrupted save."""


class TranscriptHeader(Strict):
    """Everything about a transcript that is fixed when it starts."""

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    """The transcript format version."""
    id: str = Field(min_length=1)
    """Unique id."""
    framework: Reference
    """The framework taken."""
    dialogue: Reference
    """The dialogue used."""
    mode: Literal["self", "telephone"]
    """Self-assessment or telephone interview."""
    respondent: Respondent = Field(default_factory=Respondent)
    """Who answered."""
    interviewer: Person | None = None
    """Who interviewed (telephone mode)."""
    started: datetime
    """When it started."""
    invitee: str = Field(default="", max_length=40)
    """In a round: the id of the invitee in round.toml (empty outside rounds)."""
    review: tuple[ReviewItem, ...] = Field(default=(), max_length=200)
    """In a round naming a previous one: the actions agreed there, asked about first in
    their areas (see `bot.engine.review`)."""

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _known_schema(self) -> TranscriptHeader:
        if self.schema_version != SCHEMA_VERSION:
            raise ValueError(
                f"transcript schema {self.schema_version} is not supported "
                f"(this version reads schema {SCHEMA_VERSION})"
            )
        return self


def misnumbered(number: int, seq: int) -> str:
    """What is said of the turn at this place (1, 2, ...) whose seq is not its place."""
    return f"turn {number} has seq {seq}; turns must be numbered 1, 2, 3"


class Transcript(TranscriptHeader):
    """A header and its turns. Status and times are derived from the turns."""

    turns: tuple[Turn, ...] = ()
    """In order."""

    @model_validator(mode="after")
    def _in_order(self) -> Transcript:
        for index, turn in enumerate(self.turns, start=1):
            if turn.seq != index:
                raise ValueError(misnumbered(index, turn.seq))
        return self

    @property
    def status(self) -> Status:
        """complete, abandoned or in_progress, from the last turns."""
        for turn in reversed(self.turns):
            if turn.kind == "end":
                return "complete"
            if turn.kind == "abandon":
                return "abandoned"
        return "in_progress"

    @property
    def updated(self) -> datetime:
        """When the last turn was taken."""
        return self.turns[-1].at if self.turns else self.started

    @property
    def answered(self) -> datetime | None:
        """When the respondent last moved the assessment on (an answer, a reply, a skip, an
        answer kept), None before they did: opening it, a call's timing and the bot's own
        turns are not answers."""
        moved = [t.at for t in self.turns if t.kind in ANSWERING]
        return moved[-1] if moved else None

    @property
    def call_seconds(self) -> float | None:
        """How long the telephone call has lasted, pauses excluded; None when no call was
        timed. A call still running at the last turn counts up to that turn."""
        return call_seconds(self.turns)

    def header(self) -> TranscriptHeader:
        """The header alone."""
        return TranscriptHeader.model_validate(self.model_dump(exclude={"turns"}))


def call_running(turns: tuple[Turn, ...] | list[Turn]) -> bool:
    """Whether the call is on after these turns: started or resumed, and neither paused
    nor ended since."""
    for turn in reversed(turns):
        if turn.kind in ("call_pause", "end", "abandon"):
            return False
        if turn.kind in ("call_start", "call_resume"):
            return True
    return False


def interviewers(transcript: Transcript) -> tuple[str, ...]:
    """Everyone who interviewed, in the order they took part: the interviewer who began
    it, then each officer named on a call's start or resumption (``Turn.by``) not named
    before (the same name in another case or spacing is one officer). The one rule every
    report names them by."""
    names = [transcript.interviewer.name] if transcript.interviewer else []
    names += [t.by for t in transcript.turns if t.kind in ("call_start", "call_resume")]
    seen: set[str] = set()
    found: list[str] = []
    for name in names:
        key = folded(name)
        if key and key not in seen:
            seen.add(key)
            found.append(name.strip())
    return tuple(found)


def interviewed_by(transcript: Transcript) -> str:
    """Everyone who interviewed (`interviewers`), as the reports name them ("Sam and
    Kim"); "" for a self-assessment."""
    return names_words(interviewers(transcript))


def call_opening(turns: tuple[Turn, ...] | list[Turn]) -> str:
    """The turn that opens the call when an interview is opened: `call_start` the first
    time, `call_resume` after that (a call left running by a crash is counted up to its
    last turn by `call_seconds`, so it is resumed too)."""
    return "call_resume" if any(turn.kind == "call_start" for turn in turns) else "call_start"


def out_of_order(turns: tuple[Turn, ...] | list[Turn]) -> list[int]:
    """The places (0-based) of the turns whose time is out of order with the turns around
    them: a time changed by hand, or a clock put back. Turns are appended as they
    happen, so their times never go back otherwise.

    Where the time steps back from one turn to the next, the one that is out of place is
    the one whose removal mends the order: the later turn when the turn after it is not
    before the earlier one (it was put back), else the earlier turn when the later one
    is not before the turn before it (it was put on); when neither tells, both."""
    odd: set[int] = set()
    for index in range(1, len(turns)):
        before, at = turns[index - 1].at, turns[index].at
        if at >= before:
            continue
        later_put_back = index + 1 >= len(turns) or turns[index + 1].at >= before
        earlier_put_on = index < 2 or at >= turns[index - 2].at
        if later_put_back and index + 1 < len(turns):
            odd.add(index)
        elif earlier_put_on and index >= 2:
            odd.add(index - 1)
        else:
            odd.update((index - 1, index))
    return sorted(odd)


def call_stretches(turns: tuple[Turn, ...] | list[Turn]) -> list[tuple[int, int]]:
    """The stretches of the call, as the places (0-based) of their first and last turns:
    from each start or resumption to the next pause, end or abandonment (or, still
    running, to the last turn). A start or resumption while running means the app
    stopped without a pause: that stretch ends at the turn before it."""
    stretches = []
    since: int | None = None
    for index, turn in enumerate(turns):
        if since is not None and turn.kind in ("call_pause", "end", "abandon", *CALL_OPENINGS):
            stretches.append((since, index if turn.kind not in CALL_OPENINGS else index - 1))
            since = None
        if turn.kind in CALL_OPENINGS:
            since = index
    if since is not None:
        stretches.append((since, len(turns) - 1))
    return stretches


def call_seconds(turns: tuple[Turn, ...] | list[Turn]) -> float | None:
    """Seconds on the call in these turns, the sum of its stretches (`call_stretches`);
    None without a start.

    A stretch that begins or ends with a turn whose time is out of order
    (`out_of_order`) is left out: no figure is made from a time known to be wrong."""
    if not any(turn.kind == "call_start" for turn in turns):
        return None
    odd = set(out_of_order(turns))
    total = 0.0
    for start, stop in call_stretches(turns):
        if start not in odd and stop not in odd:
            total += max((turns[stop].at - turns[start].at).total_seconds(), 0.0)
    return total
