"""The replay's scores so far: each area's score after some of a transcript's turns, as
the report would give it had the transcript ended there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.engine.path import final_path
from bot.engine.routes import reach_of, transcript_path
from bot.facts import AnswerFacts
from bot.loading import LoadedDialogue
from bot.model import Framework, Transcript, Turn
from bot.model.transcript import ReviewItem
from bot.scoring.compile import band_for, to_come_of


class AreaSoFar(NamedTuple):
    """An area's score as the report would give it had the transcript ended here."""

    title: str
    score: float | None
    band: str
    """The RAG band's name ("" without a score)."""
    label: str
    """The band's label; without a score, "too few answers" where some were asked, else ""."""


def scores_so_far(
    framework: Framework,
    turns: Sequence[Turn],
    transcript: Transcript | None = None,
    dialogue: LoadedDialogue | None = None,
    review: Sequence[ReviewItem] = (),
) -> list[AreaSoFar]:
    """Each area's score after these turns, by the report's own rule (the final path of
    the turns so far, with the framework's minimum coverage). Given the ``transcript``
    whose turns these are all of, the report's scores: one still in progress counts the
    questions its ``dialogue`` has not reached yet as its report does (`to_come_of`).
    The questions ahead of the cursor are judged by walking ``dialogue`` on, as the report
    judges them (`transcript_path`; ``review``: the transcript's plan review items)."""
    path = (
        transcript_path(transcript, turns, dialogue)
        if transcript
        else final_path(turns, reach_of(dialogue, review))
    )
    to_come = to_come_of(transcript, framework, path, dialogue) if transcript else frozenset()
    facts = AnswerFacts.on_path(framework, path, to_come)
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
