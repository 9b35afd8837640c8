"""The words for states and call outcomes (light: the command line imports it to build its
parser, before anything heavy is loaded)."""

from __future__ import annotations

from typing import Literal, get_args

State = Literal[
    "not_started",
    "appointment",
    "in_progress",
    "complete",
    "refused",
    "abandoned",
    "unreachable",
    "unreadable",
]
STATES: tuple[State, ...] = get_args(State)
"""Every state an invitee can be in, in the order lists and counts show them (the one
definition: `round status`, the round report, its CSV and the round screen follow it)."""
STATE_LABELS: dict[str, str] = {
    "not_started": "not started",
    "appointment": "appointment",
    "in_progress": "in progress",
    "complete": "complete",
    "refused": "refused",
    "abandoned": "abandoned",
    "unreachable": "unreachable",
    "unreadable": "transcript unreadable",
}
"""Each state as it is shown: "refused" is a refusal logged for a call; "abandoned" is an
assessment or interview its respondent gave up part way (``:abandon``), not a refusal;
"transcript unreadable" is a transcript of theirs that no longer loads (damaged by hand):
what it holds cannot be told, so it is never taken for "unreachable"."""
FAULT_STATES: tuple[State, ...] = ("unreadable",)
"""States that are a fault to mend, not a stage of the round: counted only when someone
is in them."""
OUTCOME_LABELS: dict[str, str] = {
    "calling": "being called",
    "no_answer": "no answer",
    "busy": "busy",
    "call_back": "call back",
    "refused": "refused",
    "wrong_number": "wrong number",
    "interview_started": "interview started",
    "interview_resumed": "interview resumed",
}
"""Every call log outcome (``calling`` is a lease, not an attempt)."""
GIVEN_OUTCOMES: tuple[str, ...] = ("no_answer", "busy", "call_back", "refused", "wrong_number")
"""The outcomes a caller gives (`round call ID OUTCOME`): the others are logged by the
product itself, ``calling`` by `round next --claim`, ``interview_started`` by starting
an interview and ``interview_resumed`` by carrying one on."""


def outcome_word(outcome: str) -> str:
    """An outcome as it is typed on the command line ("no-answer")."""
    return outcome.replace("_", "-")


GIVEN_OUTCOME_WORDS: str = ", ".join(outcome_word(o) for o in GIVEN_OUTCOMES)
"""The outcomes a caller gives, as typed, in the order help and errors list them."""
