"""Recommended ranges for number answers: which side an answer falls, and the words of
the follow-up that asks about it."""

from __future__ import annotations

from bot.model import Probe, Question, Turn

RANGE_TRIGGERS = ("out_of_range", "below_range", "above_range")
"""Probe triggers about a number outside its recommended range: either side, or one."""


def range_side(question: Question, answer: Turn) -> str:
    """ "below" or "above" the question's recommended range, or "" (inside, no range, no
    number, or an abstention)."""
    if question.recommended is None or question.kind != "number" or answer.abstain:
        return ""
    try:
        number = float(answer.value)
    except ValueError:
        return ""
    return question.recommended.side(number)


def probe_text(probe: Probe, question: Question, side: str = "") -> str:
    """A follow-up's words with `{range}` (such as "12-15"), `{note}` (why the range, in
    the seed's words) and `{reason}` (the seed's reason against this side of it) filled in."""
    text = probe.text
    recommended = question.recommended
    if recommended is None:
        return text
    reason = recommended.reason(side)
    filled = (
        text.replace("{range}", recommended.describe())
        .replace("{note}", recommended.note)
        .replace("{reason}", reason)
    )
    # A placeholder with nothing to put in it must not leave a double space behind.
    return " ".join(filled.split())
