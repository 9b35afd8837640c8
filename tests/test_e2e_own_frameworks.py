"""End to end, as a framework author works: two frameworks written from docs/formats.md
alone (tests/data/own, not shipped), using every kind of question, are validated as
pairs, installed with `add`, run in plain mode, resumed with the very command the
program prints, replayed, reported and aggregated; no code knows them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot import store
from bot.model.framework import Question
from tests.conftest import DATA
from tests.plain_driver import Driver, run

pytestmark = pytest.mark.e2e

OWN = DATA / "own"
AUDIT = (OWN / "neighbourhood-audit.toml", OWN / "neighbourhood-audit-chat.toml")
HEALTH = (OWN / "partnership-health.toml", OWN / "partnership-health-phone.toml")
BOARD = (OWN / "board-check.toml", OWN / "board-check-chat.toml")


def answer(screen: str, weak: bool) -> str:
    """An answer to what was just asked: strong and evidenced, or weak."""
    last = screen.rsplit("\n\n", 1)[-1]
    if "Follow-up:" in last:
        return "The board minutes of 12 March 2009 record it"
    if "[5] Strongly agree" in screen:
        return "1 - nobody asked us" if weak else "4 - the 2009 residents' survey shows it"
    if "[4] Always" in screen:
        return "1" if weak else "3 - the protocol minutes of May 2009"
    if "[y] Yes" in screen:
        return "n" if weak else "y - agreed by the board in March 2009"
    if "Type a number" in screen:
        return "2" if weak else "95"
    return "The Riverside Tenants Association chair, Mrs Patel, as minuted in May 2009"


def converse(driver: Driver, weak: bool = False, answers: int | None = None) -> int:
    """Answer until the end (or `answers` times), then close input; the exit status."""
    for _ in range(answers if answers is not None else 100):
        screen = driver.read_prompt()
        if not screen.endswith("> "):
            break
        driver.send(answer(screen, weak))
    return driver.finish()


def test_the_kinds_of_question_are_all_used() -> None:
    import tomllib

    kinds = {
        q.get("kind", "rating")
        for path in (AUDIT[0], HEALTH[0], BOARD[0])
        for area in tomllib.loads(path.read_text(encoding="utf-8"))["areas"]
        for q in area["questions"]
    }
    assert kinds == set(Question.model_fields["kind"].annotation.__args__)  # type: ignore[union-attr]


def test_own_frameworks_from_validation_to_aggregate(tmp_path: Path) -> None:
    for pair in (AUDIT, HEALTH):
        checked = run("validate", *map(str, pair), cwd=tmp_path)
        assert (checked.returncode, checked.stdout) == (0, "OK: 2 file(s) checked, no problems.\n")
        added = run("add", *map(str, pair), cwd=tmp_path)
        assert added.returncode == 0, added.stderr
    listed = run("frameworks", cwd=tmp_path).stdout
    assert re.search(r"^neighbourhood-audit  .*\[user folder\]$", listed, re.M)
    assert "    partnership-health-phone  [telephone]" in listed

    # A respondent stops after two answers; the program says how to carry on.
    first = Driver("assess", "--plain", "-f", "neighbourhood-audit", "--name", "Ann", cwd=tmp_path)
    assert converse(first, answers=3) == 5
    printed = re.search(r"^Resume with: (.+)$", first.output, re.M)
    assert printed, first.output
    command = printed.group(1).split()
    assert command[:2] == ["partnership-bot", "resume"]
    resumed = Driver(*command[1:], cwd=tmp_path)
    assert converse(resumed) == 0, resumed.output
    assert "Resuming where you left off." in resumed.output
    assert "Thank you. That is the whole audit." in resumed.output
    path = tmp_path / command[2]
    transcript = store.load(path).transcript
    assert transcript.status == "complete"
    answered = [t.question for t in transcript.turns if t.kind == "answer"]
    assert answered == ["l1", "l2", "l3", "l4", "l5", "d1", "d2", "d3", "d4"]

    # A second, weaker respondent, and a telephone interview with the other framework.
    second = Driver("assess", "--plain", "-f", "neighbourhood-audit", "--name", "Bo", cwd=tmp_path)
    assert converse(second, weak=True) == 0, second.output
    call = Driver(
        "interview",
        "--plain",
        "-f",
        "partnership-health",
        "--interviewer",
        "Ian",
        "--respondent",
        "Rae",
        cwd=tmp_path,
    )
    assert converse(call, weak=True) == 0, call.output

    replayed = run("replay", str(path), "--plain", cwd=tmp_path)
    assert replayed.returncode == 0
    assert "[L1] Bot: Residents' views shape the partnership's priorities." in replayed.stdout
    report = run("report", str(path), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "# Neighbourhood partnership audit" in report.stdout
    phone = run("report", str(call.transcript()), "--format", "json", cwd=tmp_path)
    assert json.loads(phone.stdout)["framework"]["id"] == "partnership-health"

    mixed = run("report", "transcripts", "--aggregate", cwd=tmp_path)
    assert mixed.returncode == 2
    assert "choose one with --framework" in mixed.stderr
    aggregate = run(
        "report",
        "transcripts",
        "--aggregate",
        "--framework",
        "neighbourhood-audit",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert aggregate.returncode == 0, aggregate.stderr
    data = json.loads(aggregate.stdout)
    assert data["respondents"] == 2
    assert {a["id"] for a in data["actions"]} >= {"hear-residents", "write-plan"}

    # Removed from the user folder, the transcripts still report from their kept copies.
    assert run("remove", "neighbourhood-audit", cwd=tmp_path).returncode == 0
    again = run("report", "transcripts", "--aggregate", "--framework", "neighbourhood-audit")
    assert again.returncode == 0, again.stderr
