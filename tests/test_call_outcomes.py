"""`round call` takes only the outcomes a caller gives; the call log's other outcomes
(``calling``, ``interview_started``) are logged by the product itself. One list says which,
shared by the parser, its help, its errors and the docs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.rounds.labels import GIVEN_OUTCOME_WORDS, GIVEN_OUTCOMES, OUTCOME_LABELS
from tests.conftest import ROOT
from tests.plain_driver import run

INVITEES = "name,organisation,role,sector,mode,contact\nAnn,Org,Councillor,public,telephone,0101\n"


@pytest.fixture
def round_here(tmp_path: Path) -> Path:
    made = run("round", "new", "r", "--title", "T", "-f", "hertfordshire-review", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "i.csv").write_text(INVITEES)
    imported = run("round", "import", "i.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    return tmp_path


def test_the_list_is_the_call_log_outcomes_less_the_products_own() -> None:
    own = {"calling", "interview_started", "interview_resumed"}
    assert set(GIVEN_OUTCOMES) == set(OUTCOME_LABELS) - own


@pytest.mark.e2e
def test_a_bad_outcome_lists_only_those_a_caller_gives(round_here: Path) -> None:
    bad = run("round", "call", "i001", "nobody-home", "--caller", "Sam", cwd=round_here)
    assert bad.returncode == 2
    listed = re.search(r"use one of: ([a-z, -]+)", bad.stderr)
    assert listed is not None, bad.stderr
    assert listed.group(1).split(", ") == GIVEN_OUTCOME_WORDS.split(", ")
    assert "calling" not in bad.stderr and "interview-started" not in bad.stderr
    wide = {**os.environ, "COLUMNS": "200"}  # so that help does not wrap inside a word
    helped = run("round", "call", "--help", cwd=round_here, env=wide)
    assert GIVEN_OUTCOME_WORDS in " ".join(helped.stdout.split())
    outcome_help = re.search(r"OUTCOME +(.*)", helped.stdout)
    assert outcome_help is not None and "calling" not in outcome_help.group(1)
    assert "interview-started" not in helped.stdout


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("typed", "logged_by"),
    [("calling", "round next --claim"), ("interview-started", "round interview ID")],
)
def test_the_products_own_outcomes_are_refused_naming_what_logs_them(
    round_here: Path, typed: str, logged_by: str
) -> None:
    refused = run("round", "call", "i001", typed, "--caller", "Sam", cwd=round_here)
    assert refused.returncode == 2
    assert f'"{typed}" is not an outcome you give: {logged_by}' in refused.stderr
    assert f"use one of: {GIVEN_OUTCOME_WORDS}" in refused.stderr
    assert not (round_here / "r" / "calls.jsonl").exists()


@pytest.mark.e2e
def test_every_outcome_a_caller_gives_is_taken(round_here: Path) -> None:
    for word in GIVEN_OUTCOME_WORDS.split(", "):
        extra = ["--at", "+2h"] if word == "call-back" else []
        logged = run("round", "call", "i001", word, *extra, "--caller", "Sam", cwd=round_here)
        assert logged.returncode == 0, logged.stderr


def test_the_docs_list_the_same_outcomes() -> None:
    for doc in ("README.md", "docs/formats.md"):
        text = " ".join((ROOT / doc).read_text().split())
        assert GIVEN_OUTCOME_WORDS in text, doc
