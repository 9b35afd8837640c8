"""The round report's rules as a board reader meets them: the statement pattern rule is
printed as it is applied (one definition, its words made from the same constants), and
an anonymised report never lets a reader attribute answers to a person."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.rounds.folder import create, load_round
from bot.rounds.model import Invitee, Round
from bot.rounds.work import open_conversation, snapshot
from tests.plain_driver import run

START = datetime(2009, 11, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=20)
        return self.now


def make_round(folder: Path, catalogue: Catalogue, people: list[tuple[str, str, str]]) -> Path:
    """A round of self-assessors, each (role, sector, key they give to every statement),
    every one complete."""
    invitees = tuple(
        Invitee(
            id=f"p{n:02d}",
            name=f"Person {n}",
            organisation=f"Org {n}",
            role=role,
            sector=sector,
            mode="self",
            contact=f"01707 {n:06d}",
        )
        for n, (role, sector, _) in enumerate(people, start=1)
    )
    create(
        folder,
        Round(
            title="Test round 2009/10",
            period="2009/10",
            framework="hertfordshire-review",
            self_dialogue="hertfordshire-survey",
            telephone_dialogue="hertfordshire-interview",
            invitees=invitees,
        ),
    )
    loaded = load_round(folder)
    clock = Clock()
    for invitee, (_, _, key) in zip(invitees, people, strict=True):
        found = snapshot(folder, clock.now).find(invitee.id)
        talk = open_conversation(catalogue, loaded, found, "Sam", clock)
        talk.begin()
        while not talk.session.over:
            if talk.current().kind == "probe":
                talk.skip()
            else:
                talk.answer(key)
        talk.close()
    return folder


@pytest.mark.e2e
def test_the_printed_pattern_rule_is_the_rule_applied(tmp_path: Path, catalogue: Catalogue) -> None:
    from bot.scoring.aggregate import PATTERN_RULE

    folder = make_round(
        tmp_path / "r", catalogue, [("Police", "public", "1"), ("Police", "public", "5")]
    )
    data = json.loads(run("round", "report", "-r", str(folder), "--format", "json").stdout)
    split = [s for s in data["statements"] if s["agree"] == 50.0 and s["disagree"] == 50.0]
    assert split and all(s["n"] == 2 for s in split)
    # Half agree and half disagree, but on two answers: the rule as printed says why it
    # is not marked conflict, and the table says so rather than leaving the cell blank.
    assert all(s["pattern"] == "" for s in split)
    assert data["pattern_rule"] == PATTERN_RULE
    assert "at least 30% agree and at least 30% disagree" in PATTERN_RULE
    assert "fewer than 5 answers" in PATTERN_RULE
    md = run("round", "report", "-r", str(folder)).stdout
    assert PATTERN_RULE in md
    row = next(line for line in md.splitlines() if line.startswith("| S1 "))
    assert "| too few to tell |" in row
    html = run("round", "report", "-r", str(folder), "--format", "html").stdout
    assert PATTERN_RULE in html and "<td>too few to tell</td>" in html


def test_the_pattern_rule_words_follow_its_constants() -> None:
    from bot.scoring import aggregate

    # Every threshold the rule applies appears in its words, so neither can drift alone.
    for value in (aggregate.CONFLICT_SHARE, aggregate.CONSENSUS_SHARE):
        assert f"{value:g}%" in aggregate.PATTERN_RULE
    assert f"fewer than {aggregate.MIN_FOR_PATTERN} answers" in aggregate.PATTERN_RULE
    split = {"agree": 3, "disagree": 2}
    assert aggregate.statement_pattern(split, aggregate.MIN_FOR_PATTERN) == "conflict"
    assert aggregate.statement_pattern({"agree": 1, "disagree": 1}, 2) == ""
