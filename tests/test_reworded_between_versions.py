"""A statement reworded or rescaled between framework versions is one rule's (
`bot.scoring.versions.same_meaning`): an aggregate over both versions leaves it out of its
statements, naming each version's words, and a comparison of a round of each shows both
sides' figures but never a change between them, naming its earlier words. The governance
review's own case: gov-local version 2 rewords N2 and drops WS2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import cli
from tests import gov_local
from tests.test_aggregate_versions import answers, reworded, take


def made(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    """A report's JSON (status 0)."""
    capsys.readouterr()
    assert cli.main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_reworded_n2_is_never_pooled_nor_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = gov_local.versions(tmp_path / "files")
    gov_local.install(files[1])
    for name in ("Ann Archer", "Bob Baker", "Gina Green"):
        gov_local.take(tmp_path / "ly", name, yes=name != "Bob Baker")
    gov_local.install(files[2])
    for name in ("Dee Dean", "Eve Evans"):
        gov_local.take(tmp_path / "ty", name, yes=False)

    data = made(capsys, "report", "ly", "ty", "--aggregate")
    assert data["framework"]["version"] == "1 and 2"
    rows = {s["number"]: s for s in data["statements"]}
    assert "N2" not in rows  # three of five never saw the new words
    assert rows["WS2"]["n"] == 3
    (note,) = data["warnings"]
    assert (f'N2 "{gov_local.N2_V1}" (version 1) and N2 "{gov_local.N2_V2}" (version 2)') in note
    assert f'WS2 "{gov_local.WS2}" (in version 1 only)' in note

    data = made(capsys, "report", "--compare", "ly", "ty")
    n2 = next(s for s in data["statements"] if s["number"] == "N2")
    assert n2["reworded"] and n2["text_then"] == gov_local.N2_V1
    assert (n2["then"]["n"], n2["now"]["n"]) == (3, 2)
    assert (n2["change"], n2["p"], n2["flag"]) == (None, None, "reworded")
    assert n2["words"] == "not compared: worded or scaled differently then"
    assert [q["number"] for q in data["reworded_questions"]] == ["N2"]
    capsys.readouterr()
    assert cli.main(["report", "--compare", "ly", "ty"]) == 0
    out = capsys.readouterr().out
    assert "(revised wording)? (worded or scaled differently then) |" in out
    assert f"(then: {gov_local.N2_V1})" in out


def test_a_statement_rescaled_between_versions_is_not_compared_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its words kept, answered on another scale: the aggregate leaves it out, and the
    comparison says so of it too, never a change from Agree to Yes."""
    files = reworded(tmp_path / "files", scaled=True)
    gov_local.install(files[1])
    monkeypatch.setenv("PARTNERSHIP_BOT_TRANSCRIPTS", str(tmp_path / "then"))
    for name in ("Ann", "Bob", "Cy"):
        take(monkeypatch, name, answers("4"))
    gov_local.install(files[2])
    monkeypatch.setenv("PARTNERSHIP_BOT_TRANSCRIPTS", str(tmp_path / "now"))
    for name in ("Di", "Ed", "Flo"):
        take(monkeypatch, name, answers("y"))
    data = made(capsys, "report", "--compare", str(tmp_path / "then"), str(tmp_path / "now"))
    b2 = next(s for s in data["statements"] if s["id"] == "b2")
    assert (b2["reworded"], b2["change"], b2["flag"]) == (True, None, "reworded")
    assert [q["id"] for q in data["reworded_questions"]] == ["b2"]
    data = made(capsys, "report", str(tmp_path / "then"), str(tmp_path / "now"), "--aggregate")
    assert "b2" not in {s["id"] for s in data["statements"]}
