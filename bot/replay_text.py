"""A transcript printed as plain text: who said what, when, with probes and amendments."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.catalogue import Catalogue
from bot.engine.review import reviewed_framework
from bot.model import Framework, Transcript, Turn
from bot.model.transcript import interviewed_by
from bot.problems import LoadError
from bot.text import indent_lines
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
    who = transcript.respondent
    if refusal is not None:
        out.write(indent_lines(refused_words(refusal), HEADER_INDENT) + "\n")
    status = status_words(status or transcript.status)
    out.write(indent_lines(f"Transcript {transcript.id} ({status})", HEADER_INDENT) + "\n")
    used = f"{transcript.framework.id} {transcript.framework.version}"
    out.write(
        indent_lines(f"Framework: {used}; dialogue: {transcript.dialogue.id}", HEADER_INDENT) + "\n"
    )
    details = ", ".join(
        x for x in (who.name, who.role, who.organisation, who.sector, who.partnership) if x
    )
    out.write(f"Respondent: {indent_lines(details, HEADER_INDENT) or NOT_NAMED}\n")
    if by := interviewed_by(transcript):
        # Everyone who interviewed, as the reports name them.
        out.write(f"Interviewed by: {indent_lines(by, HEADER_INDENT)}\n")
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
            out.write(f"{line}{indent_lines(f'{speaker(turn)}: {turn.chat}', TURN_INDENT)}\n")
            line = TURN_INDENT
        out.write(f"{line}{label}{indent_lines(describe(turn), TURN_INDENT)}\n")
