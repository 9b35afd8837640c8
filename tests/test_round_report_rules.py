"""The round report's rules as a board reader meets them: the statement pattern rule is
printed as it is applied (one definition, its words made from the same constants), and
an anonymised report never lets a reader attribute answers to a person."""

from __future__ import annotations

import csv as csv_module
import io
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


def make_round(folder: Path, catalogue: Catalogue, people: list[tuple[str, ...]]) -> Path:
    """A round of self-assessors, each (role, sector, key they give to every statement,
    and optionally what they reply to every follow-up), every one complete."""
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
        for n, (role, sector, *_) in enumerate(people, start=1)
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
    for invitee, (_, _, key, *reply) in zip(invitees, people, strict=True):
        found = snapshot(folder, clock.now).find(invitee.id)
        talk = open_conversation(catalogue, loaded, found, "Sam", clock)
        talk.begin()
        while not talk.session.over:
            if talk.current().kind == "probe":
                talk.answer(reply[0]) if reply else talk.skip()
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
    assert all(s["pattern"] == "too few to tell" for s in split)
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
    assert aggregate.statement_pattern({"agree": 1, "disagree": 1}, 2) == "too few to tell"


SMALL = [
    ("Councillor", "public", "1"),
    ("Police", "public", "4"),
    ("Police", "public", "2"),
    ("Police", "public", "4"),
    ("Voluntary organisation", "voluntary", "2"),
    ("Voluntary organisation", "voluntary", "5"),
    ("Voluntary organisation", "voluntary", "2"),
]


@pytest.fixture
def small_round(tmp_path: Path, catalogue: Catalogue) -> Path:
    return make_round(tmp_path / "r", catalogue, SMALL)


@pytest.mark.e2e
def test_an_anonymised_round_report_has_no_group_of_fewer_than_three(small_round: Path) -> None:
    from bot.scoring.small_groups import MIN_GROUP, SMALL_GROUP_RULE

    args = ("round", "report", "-r", str(small_round), "--anonymise")
    named = json.loads(run("round", "report", "-r", str(small_round), "--format", "json").stdout)
    assert named["roles"]["Councillor"] == 1  # not anonymised: every role as it is
    data = json.loads(run(*args, "--format", "json").stdout)
    # The one councillor is pooled with the next smallest role, so no mean is theirs alone.
    assert data["roles"] == {"Voluntary organisation": 3, "Other roles": 4}
    assert data["pooled"] == {"roles": ["Councillor", "Police"], "sectors": []}
    assert all(n >= MIN_GROUP for n in data["sectors"].values())
    for area in data["areas"]:
        assert set(area["by_role"]) == {"Voluntary organisation", "Other roles"}
    response = data["round"]
    assert [(g["name"], g["invited"]) for g in response["by_role"]] == [
        ("Voluntary organisation", 3),
        ("Other roles", 4),
    ]
    assert data["small_group_rule"] == SMALL_GROUP_RULE
    text = json.dumps(data)
    for n in range(1, len(SMALL) + 1):
        assert f"Person {n}" not in text and f"Org {n}" not in text
    assert "Councillor" not in json.dumps({k: v for k, v in data.items() if k != "pooled"})
    md = run(*args).stdout
    assert SMALL_GROUP_RULE in md and "*Other roles:* Councillor, Police." in md
    tables = md.split("### Mean score by role")[1].split("## Statements")[0]
    assert "Councillor" not in tables and "Other roles" in tables
    assert "| Councillor |" not in md and "Person " not in md
    html = run(*args, "--format", "html").stdout
    assert "Councillor (" not in html and "Other roles (4 respondents)" in html
    assert "<td>Councillor</td>" not in html and "Person " not in html
    csv = run(*args, "--format", "csv").stdout
    assert "Person " not in csv and "Org " not in csv


@pytest.mark.e2e
def test_an_anonymised_report_shows_no_answers_of_fewer_than_three(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    folder = make_round(
        tmp_path / "r", catalogue, [("Police", "public", "1"), ("Police", "public", "5")]
    )
    args = ("round", "report", "-r", str(folder), "--anonymise")
    data = json.loads(run(*args, "--format", "json").stdout)
    assert data["statements"] and all(s["hidden"] for s in data["statements"])
    assert all(s["agree"] is None and s["counts"] == {} for s in data["statements"])
    assert all(a["score"] is None for a in data["areas"] if a["n"])
    assert all(f["answers"] == [] for f in data["facts"])
    md = run(*args).stdout
    row = next(line for line in md.splitlines() if line.startswith("| S1 "))
    assert "| 2 | not shown |" in row and "50.0" not in row
    html = run(*args, "--format", "html").stdout
    assert '<td class="num">2</td><td colspan="3">not shown</td>' in html
    assert '<td class="num">2</td><td class="num">50.0</td>' not in html
    csv = run(*args, "--format", "csv").stdout
    line = next(line for line in csv.splitlines() if line.startswith("S1,"))
    assert ",2,no,not shown,,," in line
    # An action suggested for one of the two: its need would be that one's scores.
    assert data["actions"] and all(a["hidden"] for a in data["actions"])
    assert all(a["need"] is None and a["share"] is None for a in data["actions"])
    assert all(a["priority"] == "not shown" for a in data["actions"])
    assert (
        "*Respondents:* 1 of 2 (share: not shown); *need:* not shown; *priority:* not shown" in md
    )
    assert "need: 100.0" not in md.replace("*", "") and "(50.0%)" not in md
    assert "1 of 2 respondents (share: not shown); need: not shown; priority: not shown" in html
    rows = list(csv_module.reader(io.StringIO(csv)))
    head = rows[0]
    for row in rows[1 : rows.index([])]:
        cells = dict(zip(head, row, strict=True))
        assert [cells[k] for k in ("priority", "need", "share")] == ["not shown"] * 3
        assert cells["respondents"] == "1"
    # Every area is hidden: the overall line says so rather than "n/a".
    assert data["overall"]["none_shown"] and data["overall"]["score"] is None
    assert "**Overall:** not shown: no area is shown" in md and "n/a / 100" not in md
    assert "<strong>Overall:</strong> not shown: no area is shown" in html


def test_small_groups_are_pooled_until_the_pool_is_big_enough() -> None:
    from bot.scoring.small_groups import hidden_cells, pooled

    assert pooled({"A": 5, "B": 1, "C": 4}, "Other") == {"A": "A", "B": "Other", "C": "Other"}
    assert pooled({"A": 5, "B": 1, "C": 2}, "Other") == {"A": "A", "B": "Other", "C": "Other"}
    assert pooled({"A": 5, "B": 3}, "Other") == {"A": "A", "B": "B"}
    # One hidden cell and the row's total would give it away: the next smallest goes too.
    assert hidden_cells({"A": 1, "B": 4, "C": 6}) == {"A", "B"}
    assert hidden_cells({"A": 1, "B": 2, "C": 6}) == {"A", "B"}
    assert hidden_cells({"A": 3, "B": 0, "C": 6}) == set()


@pytest.mark.e2e
def test_an_anonymised_report_takes_names_out_of_quotes(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    said = "Speaking as Person 2 of org 2, and Person 3 agrees: meetings go nowhere"
    people = [("Police", "public", "5", said)] * 3
    folder = make_round(tmp_path / "r", catalogue, people)
    named = run("round", "report", "-r", str(folder)).stdout
    assert f'*Said:* "{said}"' in named
    args = ("round", "report", "-r", str(folder), "--anonymise")
    md = run(*args).stdout
    # Markdown escapes the brackets, so they show as written.
    redacted = r"Speaking as \[name\] of \[organisation\], and \[name\] agrees: meetings go"
    assert f'*Said:* "{redacted} nowhere"' in md
    for fmt in ("json", "html", "csv"):
        out = run(*args, "--format", fmt).stdout
        assert "Person " not in out and "Org " not in out and "org 2" not in out, fmt


def test_names_are_taken_out_whole_and_by_surname() -> None:
    from bot.report.redact import redactor

    redact = redactor(["Ann Archer"], ["Dacorum Borough Council"])
    assert redact("ann archer at DACORUM borough council; Archer said") == (
        "[name] at [organisation]; [name] said"
    )
    assert redact("Archery and Annex stay") == "Archery and Annex stay"


def test_every_part_of_a_name_and_each_distinctive_word_of_an_organisation_goes() -> None:
    from bot.report.redact import redactor

    redact = redactor(
        ["Ann Archer", "Li Ng", "J. Smith-Jones", "Mary O'Brien"], ["Dacorum Borough Council"]
    )
    # Names of two letters, given names, and each part of a joined name.
    assert redact("Ng chairs it") == "[name] chairs it"
    assert redact("Ann said so; Li too") == "[name] said so; [name] too"
    assert redact("Smith and Jones; J. said") == "[name] and [name]; J. said"
    # Surname first, with the initial, is the name written another way.
    assert redact("Smith-Jones, J. said") == "[name] said"
    assert redact("O'Brien and Mary agree") == "[name] and [name] agree"
    # A short form of an organisation; its generic words stay where they stand alone.
    assert redact("Dacorum kept it") == "[organisation] kept it"
    assert redact("the Borough Council and the District") == "the Borough Council and the District"
    # A name part that is an ordinary word goes where it is used as a name (a capital
    # inside a sentence), not as the ordinary word; whole words only.
    assert redactor(["May Hope"], [])("we hope so, in May") == "we hope so, in [name]"
    assert redact("Annex, Archery, Dacorums stay") == "Annex, Archery, Dacorums stay"
    # Everything else in the words is left as typed.
    assert redact("  Keep <b>this</b>  as   it is ") == "  Keep <b>this</b>  as   it is "


@pytest.mark.e2e
def test_an_anonymised_round_report_takes_out_invitees_names_given_names_and_short_forms(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    said = (
        "Ng chairs it; Ann said so; Dacorum kept it; Zed Quill at Quillshire Trust "
        "agrees; the Borough Council and the partnership of the county"
    )
    folder = make_round(tmp_path / "r", catalogue, [("Police", "public", "5", said)] * 3)
    toml = folder / "round.toml"
    # Three respondents named "Person N", whose words name others the invitee list gives
    # (not asked yet): a reader holding that list would know them.
    text = toml.read_text(encoding="utf-8")
    text = text.replace('name = "Person 1"', 'name = "Li Ng"')
    text = text.replace('organisation = "Org 1"', 'organisation = "Dacorum Borough Council"')
    text += (
        '\n[[invitees]]\nid = "p09"\nname = "Ann Archer"\norganisation = "Org 9"\n'
        '\n[[invitees]]\nid = "p10"\nname = "Zed Quill"\n'
        'organisation = "Quillshire Partnership Trust"\n'
    )
    toml.write_text(text, encoding="utf-8")
    args = ("round", "report", "-r", str(folder), "--anonymise")
    md = run(*args).stdout
    redacted = (
        r"\[name\] chairs it; \[name\] said so; \[organisation\] kept it; \[name\] at "
        r"\[organisation\] Trust agrees; the Borough Council and the partnership of the county"
    )
    assert f'*Said:* "{redacted}"' in md, md
    for fmt in ("json", "html", "csv"):
        out = run(*args, "--format", fmt).stdout
        for word in ("Ng ", "Ann ", "Dacorum", "Zed", "Quill"):
            assert word not in out, (fmt, word)
