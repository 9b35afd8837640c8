"""The dialogue format: how a framework is asked (nodes, branches, probes)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from bot.model.base import ID_PATTERN, SLUG_PATTERN, Strict, WholeNumber

Trigger = Literal[
    "low",
    "dont_know",
    "vague",
    "unevidenced_high",
    "out_of_range",
    "below_range",
    "above_range",
    "inconsistent",
]
Mode = Literal["self", "telephone"]


def conversation_command(mode: str) -> str:
    """The command that holds a conversation of this mode: ``interview`` for a telephone
    dialogue (or a round's invitee called by telephone), ``assess`` for a self-assessment."""
    return "interview" if mode == "telephone" else "assess"


class Probe(Strict):
    """A follow-up asked when an answer is weak, vague, unevidenced or inconsistent."""

    on: Trigger
    """What fires it."""
    text: str = Field(min_length=1)
    """The follow-up question. For a number question, `{range}` is replaced by its
    recommended range, `{note}` by the range's note and `{reason}` by the seed's reason
    against the side the answer is on."""
    check: str | None = None
    """For `inconsistent`: a condition that should hold; the probe fires when it does not."""

    @model_validator(mode="after")
    def _check_only_for_inconsistent(self) -> Probe:
        if (self.on == "inconsistent") != (self.check is not None):
            raise ValueError("an `inconsistent` probe needs a `check`, and only it takes one")
        return self


class Branch(Strict):
    """Go to another node when a condition holds."""

    when: str = Field(min_length=1)
    """The condition."""
    goto: str = Field(pattern=SLUG_PATTERN)
    """The node to go to."""


class Node(Strict):
    """One step of a dialogue: it says something, asks a question, or ends."""

    say: str | None = None
    """Something the bot says (no answer expected)."""
    ask: str | None = Field(default=None, pattern=ID_PATTERN)
    """The id of the framework question asked."""
    end: str | None = None
    """Closing words: the dialogue is complete here."""
    group: str | None = Field(default=None, pattern=ID_PATTERN)
    """The id of a framework's repeated group: its questions are asked for each item the
    respondent names, then the dialogue goes on from `next` (or `branches`)."""
    area: str | None = None
    """For say nodes: the area this introduces (shown in progress)."""
    chat: str = ""
    """Chat-style words said before the question (the question itself keeps the seed's wording)."""
    read_aloud: str = ""
    """Telephone mode: the words the interviewer reads out."""
    guidance: str = ""
    """Telephone mode: notes for the interviewer, not read out."""
    next: str | None = Field(default=None, pattern=SLUG_PATTERN)
    """The node that follows when no branch applies."""
    branches: tuple[Branch, ...] = ()
    """Checked in order; the first whose condition holds is taken."""
    probes: tuple[Probe, ...] = ()
    """Follow-ups, checked in order after an answer."""

    @model_validator(mode="after")
    def _one_kind(self) -> Node:
        kinds = [k for k in ("say", "ask", "group", "end") if getattr(self, k) is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds) or "none"
            raise ValueError(f"a node needs exactly one of say, ask, group or end (found: {found})")
        if self.end is not None and (self.next or self.branches):
            raise ValueError("an end node has no `next` or `branches`")
        if self.group is not None and (self.probes or self.read_aloud or self.guidance):
            raise ValueError("a group node takes no probes, read_aloud or guidance")
        if (
            self.ask is None
            and self.group is None
            and (self.probes or self.read_aloud or self.guidance or self.chat)
        ):
            raise ValueError("only ask nodes take probes, chat, read_aloud or guidance")
        return self

    @property
    def kind(self) -> Literal["say", "ask", "group", "end"]:
        """Which of say, ask, group or end this node is."""
        if self.ask is not None:
            return "ask"
        if self.group is not None:
            return "group"
        return "say" if self.say is not None else "end"


class Dialogue(Strict):
    """An instrument over one framework: which questions, in which order, worded how."""

    id: str = Field(pattern=SLUG_PATTERN)
    """Unique among installed dialogues."""
    framework: str = Field(pattern=SLUG_PATTERN)
    """The framework's id."""
    title: str
    """Shown in lists."""
    version: str = "1"
    """Bumped when nodes change."""
    mode: Mode = "self"
    """self (chat) or telephone (an interviewer reads and codes)."""
    description: str = ""
    """What it covers and how long it takes."""
    max_probes: WholeNumber = Field(default=2, ge=0, le=5)
    """At most this many probes for one question, so nobody is trapped."""
    start: str = Field(pattern=SLUG_PATTERN)
    """The first node."""
    nodes: dict[str, Node] = Field(min_length=1)
    """The nodes by id."""
