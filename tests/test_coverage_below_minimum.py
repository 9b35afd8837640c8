"""A coverage said beside the minimum it failed never reads as the minimum or above: 50 of
101 is "49.5%" against "at least 50%", in the overall reason (single, aggregate,
comparison) and an area's coverage (reports and the app's table)."""

from __future__ import annotations

import dataclasses

from bot import figures
from bot.catalogue import Catalogue
from bot.coverage import Coverage
from bot.report.data import area_data
from bot.scoring.basis import too_few_words
from bot.scoring.results import AreaResult


def test_a_share_below_the_minimum_never_prints_as_the_minimum() -> None:
    assert figures.share_against(50 / 101, 0.5, below=True) == "49.5%"
    assert figures.share_against(0.49996, 0.5, below=True) == "49.9%"
    # Whole per cents wherever they already read below, or the share is not below.
    assert figures.share_against(0.3, 0.5, below=True) == "30%"
    assert figures.share_against(0.5, 0.5, below=False) == "50%"
    assert figures.share_against(0.995, 0.5, below=False) == "100%"
    assert figures.share_against(None, 0.5, below=True) == "n/a"


def test_the_overall_reason_states_a_share_below_its_minimum() -> None:
    framework = Catalogue().framework("hallmarks").framework
    assert framework.min_coverage == 50
    words = too_few_words(framework, 50 / 101, False, 12)
    assert "49.5% of the questions asked of all 12 respondents together" in words
    assert "at least 50% are needed" in words
    assert "50% of the questions" not in words


def test_an_area_below_its_minimum_shows_its_coverage_below_it() -> None:
    framework = Catalogue().framework("hallmarks").framework
    area = framework.areas[0]
    result = AreaResult(
        area=area,
        score=None,
        coverage=50 / 101,
        evidence=None,
        rag=None,
        questions=(),
        actions=(),
        enough=False,
        covered=Coverage(50, 101),
        min_coverage=50,
    )
    assert area_data(result)["coverage_shown"] == "49.5%"
    enough = dataclasses.replace(result, coverage=0.5, enough=True, covered=Coverage(50, 100))
    assert area_data(enough)["coverage_shown"] == "50%"
