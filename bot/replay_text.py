"""A transcript printed as plain text: who said what, when, with probes and amendments."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.catalogue import Catalogue
from bot.engine.review import reviewed_framework
from bot.model import Framework, Transcript, Turn
from bot.model.transcript import interviewed_by
from bot.problems import LoadError
from bot.text import output_columns, wrap_lines
from bot.turn_words import NOT_NAMED, answer_words, question_number, speaker, status_words

TURN_INDENT = " " * len("#1234 12:00:00  ")
"""Continuation lines of a turn start under its text, never where a turn's number goes."""
HEADER_INDENT = "  "

CALL_EVENTS = {
    "call_start": "started the call",
    "call_pause": "paused the call",
    "call_resume": "resumed the call",
}
ACTS = {
    "skip": "skipped",
    "back": "went back",
    "keep": "kept the answer",
    "abandon": "abandoned the assessment",
    **CALL_EVENTS,
}


def describe(turn: Turn) -> str:
    """One turn as a line of text."""
    who = speaker(turn)
    kind = turn.kind
    if kind == "answer":
        prefix = f"amends #{turn.amends}: " if turn.amends else ""
        return f"{who}: {prefix}{answer_words(turn)}"
    if kind == "probe":
        return f"{who} (follow-up, {turn.trigger.replace('_', ' ')}): {turn.text}"
    if kind == "probe_answer":
        return f"{who} (reply to follow-up): {turn.text}"
    if kind in ACTS:
        return f"{who}: ({ACTS[kind]})"
    if kind == "note":
        return f"{who} (note): {turn.text}"
    return f"{who}: {turn.text}"


def refused_words(refusal: LoadError) -> str:
    """What a replay says at its top of a transcript no report is made of (an answer the
    framework does not give): the report's own words, each problem on a line."""
    return f"No report can be made of this transcript:\n{refusal}"


def print_replay(
    transcript: Transcript,
    catalogue: Catalogue,
    out: TextIO,
    kept: Path | None = None,
    status: str | None = None,
    refusal: LoadError | None = None,
) -> None:
    """Print a whole transcript (``kept``: the copy of its framework kept beside it;
    ``status``: its status as the reports give it, `standing_status`, else its own;
    ``refusal``: why no report is made of it, said first, as the app's replay says it)."""
    width = output_columns(out)

    def say(text: str, first: str = "", indent: str = HEADER_INDENT) -> None:
        # Wrapped as plain mode wraps, continuation lines under the indent.
        out.write("\n".join(wrap_lines(text, width, indent=indent, first=first)) + "\n")

    who = transcript.respondent
    if refusal is not None:
        say(refused_words(refusal))
    say(f"Transcript {transcript.id} ({status_words(status or transcript.status)})")
    say(
        f"Framework: {transcript.framework.id} {transcript.framework.version}; "
        f"dialogue: {transcript.dialogue.id}"
    )
    details = ", ".join(
        x for x in (who.name, who.role, who.organisation, who.sector, who.partnership) if x
    )
    say(f"Respondent: {details or NOT_NAMED}")
    if by := interviewed_by(transcript):
        # Everyone who interviewed, as the reports name them.
        say(f"Interviewed by: {by}")
    framework: Framework | None
    try:
        found = catalogue.framework_for_transcript(transcript.framework.id, kept).framework
        # As it was asked: a round's plan review questions are named "Agreed action 1.3".
        framework = reviewed_framework(found, transcript.review)
    except LoadError:
        framework = None
    for turn in transcript.turns:
        stamp = turn.at.strftime("%H:%M:%S")
        number = question_number(turn.question, framework)
        label = f"[{number}] " if turn.kind == "ask" else ""
        line = f"#{turn.seq:<4} {stamp}  "
        if turn.kind == "ask" and turn.chat:
            # The lead-in recorded with the question comes first, as it was shown.
            say(f"{speaker(turn)}: {turn.chat}", first=line, indent=TURN_INDENT)
            line = TURN_INDENT
        say(f"{label}{describe(turn)}", first=line, indent=TURN_INDENT)
