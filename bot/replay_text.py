"""A transcript replayed: printed as plain text (who said what, when, with probes and
amendments), and its scores so far as the report would give them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from bot.catalogue import Catalogue
from bot.engine.path import final_path
from bot.facts import AnswerFacts
from bot.model import Framework, Transcript, Turn
from bot.problems import LoadError
from bot.scoring.compile import band_for
from bot.text import indent_lines
from bot.turn_words import NOT_NAMED, answer_words, speaker, status_words

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


def print_replay(
    transcript: Transcript, catalogue: Catalogue, out: TextIO, kept: Path | None = None
) -> None:
    """Print a whole transcript (``kept``: the copy of its framework kept beside it)."""
    who = transcript.respondent
    status = status_words(transcript.status)
    out.write(indent_lines(f"Transcript {transcript.id} ({status})", HEADER_INDENT) + "\n")
    used = f"{transcript.framework.id} {transcript.framework.version}"
    out.write(
        indent_lines(f"Framework: {used}; dialogue: {transcript.dialogue.id}", HEADER_INDENT) + "\n"
    )
    details = ", ".join(
        x for x in (who.name, who.role, who.organisation, who.sector, who.partnership) if x
    )
    out.write(f"Respondent: {indent_lines(details, HEADER_INDENT) or NOT_NAMED}\n")
    if transcript.interviewer:
        out.write(f"Interviewer: {indent_lines(transcript.interviewer.name, HEADER_INDENT)}\n")
    try:
        framework = catalogue.framework_for_transcript(transcript.framework.id, kept).framework
        numbers = {q.id: q.number for q in framework.questions()}
    except LoadError:
        numbers = {}
    for turn in transcript.turns:
        stamp = turn.at.strftime("%H:%M:%S")
        label = f"[{numbers.get(turn.question) or turn.question}] " if turn.kind == "ask" else ""
        line = f"#{turn.seq:<4} {stamp}  "
        if turn.kind == "ask" and turn.chat:
            # The lead-in recorded with the question comes first, as it was shown.
            out.write(f"{line}{indent_lines(f'{speaker(turn)}: {turn.chat}', TURN_INDENT)}\n")
            line = TURN_INDENT
        out.write(f"{line}{label}{indent_lines(describe(turn), TURN_INDENT)}\n")


class AreaSoFar(NamedTuple):
    """An area's score as the report would give it had the transcript ended here."""

    title: str
    score: float | None
    band: str
    """The RAG band's name ("" without a score)."""
    label: str
    """The band's label; without a score, "too few answers" where some were asked, else ""."""


def scores_so_far(framework: Framework, turns: Sequence[Turn]) -> list[AreaSoFar]:
    """Each area's score after these turns, by the report's own rule (the final path of
    the turns so far, with the framework's minimum coverage): after the last turn, the
    report's scores."""
    facts = AnswerFacts.on_path(framework, final_path(turns))
    rows = []
    for area in framework.areas:
        score = facts.covered_area_score(area.id)
        band = band_for(score, framework.bands.rag)
        if score is not None:
            rows.append(
                AreaSoFar(area.title, score, band.name if band else "", band.label if band else "")
            )
        else:
            # Too few answers where some were asked; where none were (not reached yet, or
            # passed by), there is simply no score.
            coverage = facts.area_coverage(area.id)
            short = coverage.share is not None and not coverage.enough(framework)
            rows.append(AreaSoFar(area.title, None, "", "too few answers" if short else ""))
    return rows
