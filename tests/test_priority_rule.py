"""Every report states the priority rule it applies beside its actions, and every
printed priority can be checked from the printed need (and share) by that rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plain_driver import run

ROUND = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
INTERVIEW = ROUND / "h21-ann-evans.toml"
LEVELS = ("low", "medium", "high")


def by_need(need: float) -> int:
    # Worked out here from the documented thresholds, not from the product's constants.
    return 2 if need >= 75 else 1 if need >= 50 else 0


@pytest.mark.e2e
def test_a_single_report_states_its_rule_and_every_priority_follows_it(tmp_path: Path) -> None:
    md = run("report", str(INTERVIEW), cwd=tmp_path)
    assert md.returncode == 0, md.stderr
    # How the need is computed, then how priority comes from it.
    assert "*How priority is set:* An action's need is 100 minus the mean" in md.stdout
    assert "Priority comes from the need as printed" in md.stdout
    assert "high at 75 or more, medium at 50 or more" in md.stdout
    html = run("report", str(INTERVIEW), "--format", "html", cwd=tmp_path)
    assert "How priority is set:</strong> An action&#39;s need is 100 minus" in html.stdout
    data = json.loads(run("report", str(INTERVIEW), "--format", "json", cwd=tmp_path).stdout)
    assert "high at 75 or more" in data["priority_rule"]
    actions = data["actions"]
    assert any(a["letter"] == "R3" and a["need"] == 58.3 for a in actions)
    for a in actions:
        assert a["priority"] == LEVELS[by_need(a["need"])], a


@pytest.mark.e2e
def test_the_round_report_states_its_step_rule_and_every_priority_follows_it(
    tmp_path: Path,
) -> None:
    md = run("round", "report", "-r", str(ROUND), cwd=tmp_path)
    assert md.returncode == 0, md.stderr
    assert "*How priority is set:* Priority starts from the single report's rule" in md.stdout
    assert "one step higher when 50% or more" in md.stdout
    assert "one step lower when under 25%" in md.stdout
    html = run("round", "report", "-r", str(ROUND), "--format", "html", cwd=tmp_path)
    assert "How priority is set:</strong> Priority starts from" in html.stdout
    data = json.loads(
        run("round", "report", "-r", str(ROUND), "--format", "json", cwd=tmp_path).stdout
    )
    assert "one step higher" in data["priority_rule"]
    for a in data["actions"]:
        # From the printed figures alone: the share as printed, the need as printed.
        share = round(100 * a["respondents"] / data["respondents"], 1)
        assert share == a["share"]
        step = 1 if share >= 50 else -1 if share < 25 else 0
        assert a["priority"] == LEVELS[max(0, min(2, by_need(a["need"]) + step))], a


def test_a_priority_follows_the_need_as_printed() -> None:
    from bot.scoring.aggregate import aggregate_priority
    from bot.scoring.compile import priority_for

    # 74.96 prints as 75.0: the reader who checks it against "75 or more" sees high.
    assert priority_for(74.96) == "high"
    assert priority_for(49.94) == "low"
    assert aggregate_priority(60.0, 49.96) == "high"
