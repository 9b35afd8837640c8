"""Over which areas an overall score stands: the one rule, and the words every report, the
app's report screen and the end of a conversation say it in.

The overall score is the weighted mean of the scores of the areas that got one (`bot.facts.
AnswerFacts.overall_score`): an area below the minimum coverage, or not asked at all, is
left out of it. A headline of "100.0 (Green)" from one area of two would mislead a board,
so wherever an overall is printed and an area of it is left out, it says over which areas
it stands and why the others are not in it: "from 1 of 2 areas: Delivery has too few
answers to score".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.figures import share_against, whole_percent
from bot.model import Area, Framework
from bot.scoring.results import NOT_ASKED, TOO_FEW_FOR_ACTIONS, AreaResult
from bot.scoring.small_groups import HIDDEN, MIN_GROUP


@dataclass(frozen=True)
class Why:
    """Why an area is left out of the overall score, as words after its title."""

    one: str
    """After one area's title: "has too few answers to score"."""
    several: str
    """After several titles: "have too few answers to score"."""


TOO_FEW = Why(f"has {TOO_FEW_FOR_ACTIONS} to score", f"have {TOO_FEW_FOR_ACTIONS} to score")
"""An area below the framework's minimum coverage (those not reached counting)."""
NOT_ASKED_WHY = Why(f"was {NOT_ASKED}", f"were {NOT_ASKED}")
"""An area none of whose statements the dialogue taken asks."""
NOTHING_TO_SCORE = Why(
    "has nothing to score (all not applicable)", "have nothing to score (all not applicable)"
)
"""An area whose statements asked were all answered Not applicable."""
NOT_SHOWN = Why(
    f"is {HIDDEN} (fewer than {MIN_GROUP} respondents)",
    f"are {HIDDEN} (fewer than {MIN_GROUP} respondents)",
)
"""An aggregate's area resting on too few respondents to show (`bot.scoring.small_groups`)."""
NO_RESPONDENT = Why("has no score from any respondent", "have no score from any respondent")
"""An aggregate's area that no respondent's own report gives a score."""


@dataclass(frozen=True)
class OverallBasis:
    """The areas an overall score could stand on (those of weight above 0 with statements
    to score) and those left out of it, each with why."""

    areas: int
    """The areas of the overall score."""
    left_out: tuple[tuple[str, Why], ...] = ()
    """Each area left out: its title and why, in the framework's order."""

    @property
    def scored(self) -> int:
        """How many areas the overall score stands on."""
        return self.areas - len(self.left_out)

    def words(self) -> str:
        """ "from 1 of 2 areas: Delivery has too few answers to score" where an area is
        left out, else "" (an overall of every area needs no qualifying)."""
        if not self.left_out:
            return ""
        reasons: dict[Why, list[str]] = {}
        for title, why in self.left_out:
            reasons.setdefault(why, []).append(title)
        said = "; ".join(
            f"{_listed(titles)} {why.one if len(titles) == 1 else why.several}"
            for why, titles in reasons.items()
        )
        return f"from {self.scored} of {self.areas} area{'s' if self.areas != 1 else ''}: {said}"

    def data(self) -> dict[str, Any]:
        """As JSON: how many areas, how many it stands on, those left out, and the words."""
        return {
            "areas": self.areas,
            "scored": self.scored,
            "left_out": [{"title": title, "why": why.one} for title, why in self.left_out],
            "words": self.words(),
        }


def too_few_words(
    framework: Framework, share: float | None, not_reached: bool = False, respondents: int = 0
) -> str:
    """Why there is no overall score, where `bot.coverage.overall_enough` says there is none: "not enough
    answers for a score: 9% of the questions asked got a scored answer; at least 50% are
    needed". Of an aggregate (``respondents`` given), it says they are of all its
    respondents together, as each one's own report counts them."""
    return f"{NOT_ENOUGH}: {too_few_reason(framework, share, not_reached, respondents)}"


NOT_ENOUGH = "not enough answers for a score"
"""What a report says in place of an overall score below the minimum coverage."""


def too_few_reason(
    framework: Framework, share: float | None, not_reached: bool = False, respondents: int = 0
) -> str:
    """The reason of `too_few_words`, alone: "9% of the questions asked got a scored answer;
    at least 50% are needed"."""
    asked = "asked or not reached" if not_reached else "asked"
    whose = ""
    if respondents:
        whose = (
            " of the one respondent"
            if respondents == 1
            else f" of all {respondents} respondents together"
        )
    return (
        f"{share_against(share, framework.min_coverage / 100, below=True)} of the questions {asked}{whose} got a scored answer; at "
        f"least {whole_percent(framework.min_coverage / 100)} are needed"
    )


def _listed(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]


def _counts(area: Area) -> bool:
    """Whether an area is one an overall score could stand on: a weight above 0 and
    statements to score (an area of facts alone never has a score)."""
    return area.weight > 0 and any(q.counted for q in area.questions)


def why_left_out(result: AreaResult) -> Why | None:
    """Why an area got no score for the overall to stand on; None where it got one."""
    if result.score is not None:
        return None
    if result.not_asked:
        return NOT_ASKED_WHY
    return TOO_FEW if result.coverage is not None else NOTHING_TO_SCORE


def assessment_basis(areas: Iterable[AreaResult]) -> OverallBasis:
    """The areas one assessment's overall score stands on (see `OverallBasis`)."""
    counted = [a for a in areas if _counts(a.area)]
    left_out = tuple((a.area.title, why) for a in counted if (why := why_left_out(a)) is not None)
    return OverallBasis(len(counted), left_out)


def aggregate_basis(areas: Iterable[tuple[Area, dict[str, Any]]]) -> OverallBasis:
    """The areas an aggregate's overall score (the mean of the area means shown) stands
    on: each framework area with its aggregate figures (`score`, `hidden`)."""
    counted = [(area, shown) for area, shown in areas if _counts(area)]
    left_out = tuple(
        (area.title, NOT_SHOWN if shown["hidden"] else NO_RESPONDENT)
        for area, shown in counted
        if shown["score"] is None
    )
    return OverallBasis(len(counted), left_out)
