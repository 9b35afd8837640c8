"""A question of weight 0 (Hallmarks 1.5, "Do you need a locally elected member ...?")
records a need: its answer is a fact, never a score, in every report; an action it brings
about still says which answer did."""

from __future__ import annotations

import json
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.rounds.plan import TriggeredBy
from bot.scoring.so_far import scores_so_far
from tests.hallmarks_round import hallmarks_round, hallmarks_transcript
from tests.plain_driver import run


def _report(path: Path) -> dict:
    return json.loads(run("report", str(path), "--format", "json").stdout)


def test_a_weight_0_answer_moves_no_score(tmp_path: Path, catalogue: Catalogue) -> None:
    reports = {
        key: _report(
            hallmarks_transcript(catalogue, tmp_path / key, "Ann Able", {"h1_1": "p", "h1_5": key})
        )
        for key in ("y", "n", "d")
    }
    areas = {key: r["areas"][0] for key, r in reports.items()}
    # "No - already have one", "Yes" and "Don't know" leave the area's score and coverage alike.
    assert len({a["score"] for a in areas.values()}) == 1
    assert len({a["coverage"] for a in areas.values()}) == 1
    assert len({r["overall"]["score"] for r in reports.values()}) == 1
    for key, area in areas.items():
        question = next(q for q in area["questions"] if q["number"] == "1.5")
        assert question["fact"] is True and question["score"] is None, key
    md = run("report", str(next((tmp_path / "y").glob("*.toml")))).stdout
    assert "*Fact (not scored):* Yes  " in md
    assert "(score 100.0)" not in md.split("**1.5**")[1].split("**1.5 (part 2)**")[0]


def test_the_replay_scores_so_far_leave_weight_0_out(tmp_path: Path, catalogue: Catalogue) -> None:
    scores = []
    for key in ("y", "n"):
        path = hallmarks_transcript(catalogue, tmp_path / key, "Ann Able", {"h1_5": key}, rest="p")
        transcript = store.load(path).transcript
        framework = catalogue.framework("hallmarks").framework
        # Just after 1.5 is answered (1.1 to 1.4 Partly before it), and at the end.
        upto = next(t.seq for t in transcript.turns if t.question == "h1_5")
        scores.append(
            (
                scores_so_far(framework, transcript.turns[:upto])[0].score,
                scores_so_far(framework, transcript.turns)[0].score,
            )
        )
    assert scores[0] == scores[1] == (50.0, 50.0)


def test_an_action_a_weight_0_answer_brings_about_says_why(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = hallmarks_transcript(catalogue, tmp_path, "Bob Bell", {"h1_5": "y"})
    data = _report(path)
    action = next(a for a in data["areas"][0]["actions"] if a["id"] == "elected-member")
    assert action["triggers"] == ["1.5 Yes"]
    md = run("report", str(path)).stdout
    assert "*Because:* 1.5 Yes" in md.split("Invite a locally elected member")[1]


def test_the_aggregate_and_the_plan_treat_weight_0_as_a_fact(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    people = [{"h1_5": "y"}, {"h1_5": "y"}, {"h1_5": "n"}]
    folder = hallmarks_round(tmp_path / "r", catalogue, people)
    data = json.loads(run("round", "report", "-r", str(folder), "--format", "json").stdout)
    assert "1.5" not in [s["number"] for s in data["statements"]]
    fact = next(f for f in data["facts"] if f["number"] == "1.5")
    assert {a["label"]: a["count"] for a in fact["answers"]} == {"Yes": 2, "No": 1}
    assert run("round", "plan", "-r", str(folder)).returncode == 0
    plan = run("round", "plan", "-r", str(folder), "--format", "md").stdout
    section = plan.split("Invite a locally elected member")[1].split("\n## ")[0]
    assert "Triggered by:** Person 1, Officer (1.5); Person 2, Officer (1.5)" in section
    assert "()" not in plan


def test_a_trigger_with_no_question_prints_no_empty_brackets() -> None:
    assert TriggeredBy(transcript="t1", invitee="i001").words == "i001"
    assert TriggeredBy(transcript="t1", questions=("1.5", "1.7")).words == "t1 (1.5, 1.7)"
