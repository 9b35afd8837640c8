"""The summary shown at the end of an assessment, in plain words any front end can show.

The app's conclusion and plain mode's last lines both come from here, from the one
`Assessment` the conversation compiles at its end (`Conversation.assessment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.figures import figure

if TYPE_CHECKING:
    from bot.scoring.results import Assessment


def overall_words(assessment: Assessment) -> str:
    """The overall result in words: "56/100 (Amber), stage: Developing", followed, where
    an area is left out of it, by over which areas it stands ("..., from 1 of 2 areas:
    Delivery has too few answers to score")."""
    words = figure(assessment.overall, "no score")
    if assessment.overall is not None:
        words += "/100"
    if assessment.overall_rag is not None:
        words += f" ({assessment.overall_rag.label})"
    if assessment.stage is not None:
        words += f", stage: {assessment.stage.label}"
    # A score from some areas alone must never read as the whole (`bot.scoring.basis`).
    if basis := assessment.overall_basis_words:
        words += f", {basis}"
    return words


SUMMARY_TITLE = "Summary by area"
"""The heading of the area summary: the overall result is said once, after the areas
(`result_line`)."""


def summary_title(assessment: Assessment) -> str:
    """The heading of the area summary (the overall result follows the areas, once)."""
    return SUMMARY_TITLE


def actions_words(count: int) -> str:
    """How many suggested actions: "no suggested actions", "1 suggested action", "3 ..."."""
    if not count:
        return "no suggested actions"
    return f"{count} suggested action{'s' if count != 1 else ''}"


def area_lines(assessment: Assessment) -> list[str]:
    """One line per area (score, RAG, how many suggested actions, none said too, or, where
    none could be suggested, why, in the report's words: "actions: too few answers"), then
    the partnership-wide actions' count when there are any."""
    lines = [
        f"{a.area.title}: {'no score' if a.score is None else figure(a.score) + '/100'}"
        + (f" ({a.rag.label})" if a.rag else "")
        + (
            f", {actions_words(len(a.actions))}"
            if (cell := a.actions_cell()).isdigit()
            else f", actions: {cell}"
        )
        for a in assessment.areas
    ]
    if whole := len(assessment.overall_actions):
        from bot.scoring.results import WHOLE_TITLE

        lines.append(f"{WHOLE_TITLE}: {actions_words(whole)}")
    return lines


def result_line(assessment: Assessment, complete: bool) -> str:
    """The overall result and the answers' tally: "Overall: 56/100 (Amber)  ·  35 answered"
    ("Overall so far" for an assessment left before its end)."""
    result = f"Overall{'' if complete else ' so far'}: {overall_words(assessment)}"
    # The report's own rule (`Assessment.tally`): Don't know is not counted as answered.
    return f"{result}  ·  {assessment.tally.words()}"
