"""End to end through the installed command: choice questions (one and several), date
questions and facts, answered in plain mode, refused clearly where wrong, and reported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot import store
from tests.conftest import DATA
from tests.plain_driver import Driver, run

pytestmark = pytest.mark.e2e

BOARD = (DATA / "own" / "board-check.toml", DATA / "own" / "board-check-chat.toml")


def test_choices_dates_and_facts_in_plain_mode_and_the_reports(tmp_path: Path) -> None:
    checked = run("validate", *map(str, BOARD), cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "OK: 2 file(s) checked, no problems.\n")
    assert run("add", *map(str, BOARD), cwd=tmp_path).returncode == 0
    talk = Driver(
        "assess", "--plain", "-f", "board-check", "--name", "Ann", cwd=tmp_path, terminal=True
    )

    screen = talk.read_prompt()
    assert "   [1] The council\n   [2] The police" in screen
    talk.send("7")
    refused = " ".join(talk.read_prompt().split())  # wrapped at 80 columns
    assert refused.startswith('"7" is not one of the options.')
    assert "1 The council; 2 The police; 3 Health; 4 The voluntary sector" in refused
    talk.send("2 - since May")

    screen = talk.read_prompt()
    assert "Type the numbers of all that apply, separated by commas or spaces." in screen
    talk.send("1, 9")
    refused = " ".join(talk.read_prompt().split())
    assert refused.startswith('"9" is not one of the options.')
    assert "4 Fire and rescue; 5 The voluntary sector" in refused
    talk.send("1 3 and 5 - mostly")

    screen = talk.read_prompt()
    assert "Type a date, such as 2 December 2009 or 02/12/2009 (day first)." in screen
    talk.send("31/02/2009")
    assert talk.read_prompt().startswith("There is no 31 February 2009: that month has 28 days.")
    talk.send("2 Jan 2010")
    assert "from 1 January 2000 to 31 December 2009" in " ".join(talk.read_prompt().split())
    talk.send("02/12/2009")
    for line in ("1", "3", "n", "2"):
        talk.read_prompt()
        talk.send(line)
    assert talk.finish() == 0, talk.output
    path = talk.transcript()

    answers = {t.question: t for t in store.load(path).transcript.turns if t.kind == "answer"}
    assert answers["b1"].value == "police" and answers["b1"].comment == "since May"
    assert answers["b2"].value == "council,health,voluntary"
    assert answers["b2"].label == "The council; Health; The voluntary sector"
    assert (answers["b3"].value, answers["b3"].label) == ("2009-12-02", "2 December 2009")
    assert answers["r1"].value == "no" and answers["r1"].score is None

    markdown = run("report", str(path), cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert "*Fact (not scored):* The police" in markdown.stdout
    assert "*Answer:* The council; Health; The voluntary sector (score 50.0)" in markdown.stdout
    assert "*Fact (not scored):* 2 December 2009" in markdown.stdout
    assert "*Fact (not scored):* No" in markdown.stdout
    html = run("report", str(path), "--format", "html", cwd=tmp_path).stdout
    assert "Fact (not scored): 2 December 2009" in html
    data = json.loads(run("report", str(path), "--format", "json", cwd=tmp_path).stdout)
    questions = {q["id"]: q for a in data["areas"] for q in a["questions"]}
    assert questions["b2"]["value"] == "council,health,voluntary"
    assert questions["b2"]["fact"] is False and questions["b3"]["fact"] is True
    assert questions["b3"]["value"] == "2009-12-02" and questions["b3"]["score"] is None
    risk = next(a for a in data["areas"] if a["id"] == "risk")
    assert risk["coverage"] == 100.0  # the fact r1 is not counted; r3 is
    register = next(a for a in data["actions"] if a["id"] == "start-register")
    assert "6 answered No" in register["triggers"]
    rows = list(csv.reader(io.StringIO(run("report", str(path), "--format", "csv").stdout)))
    facts = rows[rows.index(["number", "fact", "area", "answer", "value", "said", "notes"]) + 1 :]
    assert [r[0] for r in facts] == ["1", "3", "6"]
    assert facts[1][3:5] == ["2 December 2009", "2009-12-02"]

    aggregate = run(
        "report", "transcripts", "--aggregate", "--framework", "board-check", "--format", "json"
    )
    assert aggregate.returncode == 0, aggregate.stderr
    statements = {s["id"] for s in json.loads(aggregate.stdout)["statements"]}
    assert statements == {"b2", "b4", "b5", "r3"}
