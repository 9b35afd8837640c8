"""The replay's scores so far: each area's score after some of a transcript's turns, as
the report would give it had the transcript ended there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.engine.path import final_path
from bot.facts import AnswerFacts, still_to_come
from bot.model import Dialogue, Framework, Turn
from bot.scoring.compile import band_for


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
    unfinished: bool = False,
    dialogue: Dialogue | None = None,
) -> list[AreaSoFar]:
    """Each area's score after these turns, by the report's own rule (the final path of
    the turns so far, with the framework's minimum coverage): after the last turn, the
    report's scores (``unfinished`` there for a transcript still in progress, whose
    report counts the questions its ``dialogue`` has not reached yet: `still_to_come`)."""
    path = final_path(turns)
    to_come = still_to_come(framework, path, dialogue) if unfinished else ()
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
