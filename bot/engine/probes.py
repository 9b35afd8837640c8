"""The probe policy: which follow-up, if any, an answer gets next.

Follow-ups are checked in the node's order after an answer and after each reply. Each
fires at most once per visit and at most `max_probes` per question, because probing
nearly every answer raises drop-out. An answer saying the question does not apply is
never followed up. A vague-answer follow-up is not sent to words that do what was asked:
a name to a "who" question, a date to a "when" question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.engine.answers import NOT_APPLICABLE
from bot.engine.asking import asks_for
from bot.engine.bodies import BODY_WORDS
from bot.engine.evidence import is_hedged, is_vague, said_names_evidence
from bot.engine.ranges import RANGE_TRIGGERS, range_side
from bot.engine.ranges import probe_text as range_probe_text
from bot.model import Probe, Question, Scale, Turn
from bot.model.framework import is_top, is_weak


def expected_of(question: Question) -> str:
    """What a direct answer to the question gives (its `expects`, else its wording)."""
    return question.expects or asks_for(question.text)


_ROLES = (
    "chair",
    "chairman",
    "chairwoman",
    "leader",
    "councillor",
    "cllr",
    "member",
    "officer",
    "chief executive",
    "director",
    "manager",
    "head of",
    "portfolio holder",
    "cabinet",
    "mayor",
    "clerk",
    "inspector",
    "superintendent",
    "secretary",
    "coordinator",
    "co-ordinator",
    "lead",
)
"""People's roles, which name who in reply to a "who" question ("the chair")."""
_WHO_WORDS = (*_ROLES, *BODY_WORDS, "police", "service")
"""Words that name who: a role, a body's word (`BODY_WORDS`: "the council", "the
steering group") and, unlike the evidence rule, a sector ("the police", "the health
service"): to "who would know?" a sector says where to ask, while as evidence it says
which body no more than "they" does."""
_NOT_NAMES = {"i", "the", "a", "an", "not", "no", "nobody", "none", "someone", "somebody",
              "probably", "maybe", "perhaps", "yes", "we", "they", "it", "our", "don't",
              "dont", "unsure", "possibly", "anyone", "everyone", "whoever", "there", "that",
              "this"}  # fmt: skip
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]+")
_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|"
    r"winter|yesterday|today|week|month|year|quarter|ago)\b",
    re.I,
)


def gives_name(text: str) -> bool:
    """Whether the text names someone: a person, a role or a body."""
    lowered = f" {text.casefold()} "
    if any(re.search(rf"\b{re.escape(word)}s?\b", lowered) for word in _WHO_WORDS):
        return True
    return any(w.group(0).casefold() not in _NOT_NAMES for w in _CAPITALISED.finditer(text))


def gives_date(text: str) -> bool:
    """Whether the text gives a date or a time (a year, a month, "last spring")."""
    return bool(_DATE.search(text))


def does_what_was_asked(text: str, expected: str) -> bool:
    """Whether the words give what the prompt asked for, without hedging."""
    if not expected or is_hedged(text):
        return False
    return gives_name(text) if expected == "name" else gives_date(text)


@dataclass(frozen=True)
class Said:
    """Something the respondent said at a question, and what it answered."""

    words: str
    """The words."""
    expected: str
    """What the prompt it answered asked for ("name", "date" or "")."""


@dataclass(frozen=True)
class ProbeState:
    """What the policy decides from: the answer, the words said since, what has fired."""

    question: Question
    """The question asked."""
    scale: Scale | None
    """Its scale, for choice questions."""
    answer: Turn
    """The answer given at this visit."""
    said: Sequence[Said]
    """The respondent's words at this visit: the answer's own, then each reply."""
    fired: Sequence[int]
    """Probes already asked at this visit."""


def fires(probe: Probe, state: ProbeState, consistent: Callable[[], bool]) -> bool:
    """Whether one probe fires; `consistent` evaluates an `inconsistent` probe's check."""
    answer, scale, question = state.answer, state.scale, state.question
    if answer.abstain == NOT_APPLICABLE:
        return False
    if probe.on == "low":
        # Weak and top are read in the scored direction (reverse-scored questions mirrored).
        return is_weak(question, scale, answer.score)
    if probe.on == "dont_know":
        return answer.abstain == "dont_know"
    if probe.on == "vague":
        if not state.said:
            return False
        latest = state.said[-1]
        return is_vague(latest.words) and not does_what_was_asked(latest.words, latest.expected)
    if probe.on == "unevidenced_high":
        return is_top(question, scale, answer.score) and not said_names_evidence(
            s.words for s in state.said
        )
    if probe.on in RANGE_TRIGGERS:
        # Below and above a range each have their own follow-up; out_of_range is either.
        side = range_side(question, answer)
        return bool(side) and probe.on in ("out_of_range", f"{side}_range")
    if probe.on == "inconsistent":
        return not consistent()
    return False


def next_probe(
    probes: Sequence[Probe],
    state: ProbeState,
    max_probes: int,
    consistent: Callable[[int], bool],
) -> int | None:
    """The index of the next probe to ask, or None."""
    if len(state.fired) >= max_probes:
        return None
    for index, probe in enumerate(probes):
        if index not in state.fired and fires(probe, state, lambda i=index: consistent(i)):
            return index
    return None


def probe_text(probe: Probe, question: Question, answer: Turn | None = None) -> str:
    """A probe's words, with a number question's range filled in (`{range}`, `{note}`,
    and `{reason}` for the side of it the answer is on)."""
    return range_probe_text(probe, question, range_side(question, answer) if answer else "")
