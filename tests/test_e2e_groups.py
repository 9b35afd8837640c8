"""End to end: a repeated group (the governance framework's risk register) in plain mode
through the installed command, with :back out of an item, then resumed and reported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot import store
from tests.plain_driver import Driver, run
from tests.test_dialogues import default_reply

pytestmark = pytest.mark.e2e

GROUP_LINES = [
    "Affordable housing: 150 homes a year",
    "r - the target slipped in 2008",
    "Housing group",
    "y",
    "Town centre regeneration",
    ":back",
    ":back",  # item 2's name, then item 1's "another?"
    "n",
]


def test_a_risk_register_in_plain_mode_and_its_report(tmp_path: Path) -> None:
    driver = Driver(
        "assess",
        "--plain",
        "-f",
        "governance-structure",
        "--respondent",
        "Ann Example",
        cwd=tmp_path,
    )
    screen = driver.read_prompt()
    lines = list(GROUP_LINES)
    seen: list[str] = []
    for _ in range(200):
        if "Risk 1 (at most 12)." in screen or seen:
            seen.append(screen)
            if not lines:
                break
            driver.send(lines.pop(0))
        else:
            driver.send(default_reply(screen))
        screen = driver.read_prompt()
        if "Transcript saved" in screen or driver.process.poll() is not None:
            break
    assert driver.finish() == 0, driver.output[-2000:]
    # Read as words: plain mode wraps its lines to the terminal's width.
    words = " ".join("".join(seen).split())
    assert "Risk 2 (at most 12)." in words
    assert "Is there another of the top risks to name?" in words
    assert "[r] Red" in words
    name = driver.transcript()
    transcript = store.load(tmp_path / name).transcript
    assert transcript.status == "complete"
    items = [
        (t.question, t.item, t.value) for t in transcript.turns if t.kind == "answer" and t.item
    ]
    assert ("risk_objective", 2, "Town centre regeneration") in items  # kept in the history
    report = run("report", name, "--format", "csv", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    rows = list(csv.reader(io.StringIO(report.stdout)))
    start = rows.index(
        [
            "register",
            "item",
            "Objective at greatest risk of failure",
            "RAG",
            "Who challenges and monitors progress",
        ]
    )
    assert rows[start + 1 :] == [
        [
            "Top risks (risk register)",
            "1",
            "Affordable housing: 150 homes a year",
            "Red (the target slipped in 2008)",
            "Housing group",
        ]
    ]
    markdown = run("report", name, cwd=tmp_path)
    assert "| 1 | Affordable housing: 150 homes a year | Red (the target slipped in 2008) |" in (
        markdown.stdout
    )
    assert "Town centre" not in markdown.stdout


def test_input_ending_inside_an_item_resumes_at_it(tmp_path: Path) -> None:
    driver = Driver(
        "assess", "--plain", "-f", "governance-structure", "--respondent", "Bo", cwd=tmp_path
    )
    screen = driver.read_prompt()
    lines = ["Affordable housing", "r", "Housing group", "y", "Town centre"]
    for _ in range(200):
        if "Risk 1 (at most 12)." in screen or len(lines) < 5:
            if not lines:
                break
            driver.send(lines.pop(0))
        else:
            driver.send(default_reply(screen))
        screen = driver.read_prompt()
    assert driver.finish() == 5  # input ended at item 2's rating: everything is saved
    name = str(driver.transcript())
    again = run(
        "resume", name, "--plain", stdin="a - funding not signed\nRoads team\nn\n", cwd=tmp_path
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert 'Risk 2: "Town centre".' in again.stdout
    assert "Rate it red, amber or green" in again.stdout
    report = run("report", name, cwd=tmp_path)
    assert "| 2 | Town centre | Amber (funding not signed) | Roads team |" in report.stdout
