"""An action's need can be checked from what its report prints: 100 minus the mean of the
scores given with its reasons ("S2 answered Disagree (score 33.3)", "Membership area score
41.7"), or 50 when none of them has a score. Checked on every action of every transcript
kept with the product, and on the rule each report states."""

from __future__ import annotations

import re
from statistics import fmean

import pytest

from bot.catalogue import Catalogue
from bot.report.data import assessment_data
from bot.report.make import assess
from bot.scoring.compile import PRIORITY_RULE
from tests.conftest import ROOT

TRANSCRIPTS = sorted(
    p
    for p in (ROOT / "transcripts").rglob("*.toml")
    if p.name not in ("round.toml", "plan.toml") and ".frameworks" not in p.parts
)
# A reason's score as printed: "(score 33.3)" after an answer, or "area score 41.7" /
# "overall score 58.7" for a score the condition reads.
PRINTED_SCORE = re.compile(r"(?:\(score |area score |^overall score )(\d+(?:\.\d)?)\)?$")


def printed_scores(reasons: list[str]) -> list[float]:
    """The scores printed with an action's reasons."""
    return [float(m.group(1)) for r in reasons if (m := PRINTED_SCORE.search(r))]


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.stem)
def test_every_need_follows_from_the_scores_printed_with_its_reasons(path) -> None:  # type: ignore[no-untyped-def]
    data = assessment_data(assess(path, Catalogue()))
    actions = data["actions"] + data["overall_actions"]
    for action in actions:
        scores = printed_scores(action["triggers"])
        # Each score and the need are printed to one decimal place: within 0.05 each.
        expected = 100 - fmean(scores) if scores else 50.0
        assert action["need"] == pytest.approx(expected, abs=0.101), action


def test_the_sample_transcripts_have_actions_from_answers_and_from_areas() -> None:
    # So that the property above reads both kinds of reason.
    reasons = [
        r
        for path in TRANSCRIPTS
        for a in assessment_data(assess(path, Catalogue()))["actions"]
        for r in a["triggers"]
    ]
    assert any("(score " in r for r in reasons)
    assert any(" area score " in r or r.startswith("overall score ") for r in reasons)


def test_the_rule_each_report_states_says_how_the_need_is_computed() -> None:
    assert PRIORITY_RULE.startswith(
        "An action's need is 100 minus the mean of the scores given with its reasons"
    )
