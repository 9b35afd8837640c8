"""Comparing two rounds: every figure against an independent calculation on synthetic rounds
made by the engine from known answers, new and dropped questions, and bad input."""

from __future__ import annotations

import json
import math
import re
import shutil
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.problems import display_name
from bot.report.compare import NothingToCompare, comparison, load_side
from bot.rounds.folder import create, load_round
from bot.rounds.model import Invitee, Round
from bot.rounds.work import open_conversation, snapshot
from bot.scoring.compare import CompareError, PlanAction, compare
from tests.conftest import DATA, ROOT
from tests.test_compare_chance import density_tail, enumerated_fisher

# Each person's keys for the mini chat: a1 (agree scale 1-4), a2 (y/p/n; "y" then asks
# the text question a3), b1 (a number; 12-15 recommended), b2 (agree scale, weight 2).
THEN = [
    ["3", "y", "the county and the police", "13", "3"],
    ["2", "n", "20", "2"],
    ["4", "y", "health", "14", "4"],
    ["1", "p", "9", "1"],
    ["3", "n", "12", "3"],
]
NOW = [
    ["4", "y", "all of them", "13", "4"],
    ["4", "y", "the county", "12", "4"],
    ["3", "y", "police", "15", "3"],
    ["4", "p", "14", "4"],
    ["3", "y", "health", "13", "3"],
    ["2", "n", "30", "2"],
]
AGREE = {"1": 0.0, "2": 100 / 3, "3": 200 / 3, "4": 100.0}
YES = {"y": 100.0, "p": 50.0, "n": 0.0}


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def build_round(
    folder: Path,
    cat: Catalogue,
    people: list[list[str]],
    period: str,
    dialogue: str = "mini-chat",
    start: datetime = datetime(2009, 6, 1, 9, 0, tzinfo=UTC),
) -> Path:
    """A round of the mini framework whose invitees answered as given, through the engine."""
    invitees = tuple(Invitee(id=f"p{n}", name=f"Person {n}") for n in range(len(people)))
    create(
        folder,
        Round(
            title=f"Mini review {period}",
            period=period,
            framework="mini",
            self_dialogue=dialogue,
            invitees=invitees,
        ),
    )
    loaded = load_round(folder)
    clock = Clock(start)
    for invitee, answers in zip(invitees, people, strict=True):
        found = snapshot(folder, clock.now).find(invitee.id)
        talk = open_conversation(cat, loaded, found, clock=clock)
        talk.begin()
        queue = list(answers)
        while not talk.session.over:
            if talk.current().kind == "probe":
                talk.skip()
            else:
                assert talk.answer(queue.pop(0)).accepted
        talk.close()
        assert not queue
    return folder


def half_up(count: int, total: int) -> float:
    return float((Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def person_scores(answers: list[str]) -> dict[str, float]:
    """Each scored question's 0-100 score from the keys, by the rules in docs/reports.md."""
    a1, a2, *rest = answers
    b1, b2 = rest[-2:]
    return {
        "a1": AGREE[a1],
        "a2": YES[a2],
        "b1": 100.0 if 12 <= int(b1) <= 15 else 0.0,
        "b2": AGREE[b2],
    }


def area_scores(answers: list[str]) -> dict[str, float]:
    s = person_scores(answers)
    return {"one": (s["a1"] + s["a2"]) / 2, "two": (s["b1"] + 2 * s["b2"]) / 3}


def sample_sd(values: list[float]) -> float:
    m = sum(values) / len(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def welch_by_hand(then: list[float], now: list[float]) -> float:
    v1, v2 = sample_sd(then) ** 2 / len(then), sample_sd(now) ** 2 / len(now)
    t = (sum(now) / len(now) - sum(then) / len(then)) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (len(then) - 1) + v2**2 / (len(now) - 1))
    return density_tail(t, df, steps=20_000)


@pytest.fixture
def rounds(tmp_path: Path, cat: Catalogue) -> tuple[Path, Path]:
    old = build_round(tmp_path / "r2009", cat, THEN, "2009/10")
    new = build_round(
        tmp_path / "r2010", cat, NOW, "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    return old, new


def test_every_figure_against_an_independent_calculation(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    old, new = rounds
    data = comparison(old, new, cat, "json").data
    assert (data["then"]["label"], data["now"]["label"]) == ("2009/10", "2010/11")
    assert (data["then"]["respondents"], data["now"]["respondents"]) == (5, 6)

    for area in ("one", "two"):
        then = [area_scores(p)[area] for p in THEN]
        now = [area_scores(p)[area] for p in NOW]
        row = next(a for a in data["areas"] if a["id"] == area)
        assert row["then"] == {
            "score": round(sum(then) / 5, 1),
            "sd": round(sample_sd(then), 1),
            "n": 5,
            "hidden": False,
        }
        assert row["now"] == {
            "score": round(sum(now) / 6, 1),
            "sd": round(sample_sd(now), 1),
            "n": 6,
            "hidden": False,
        }
        # The change and the test work from the raw scores, never the rounded figures shown
        # (area one: 55.6 -> 79.6 shown, a change of 24.1 from 55.56 -> 79.63).
        assert row["change"] == round(sum(now) / 6 - sum(then) / 5, 1)
        assert row["test"] == "welch"
        assert row["p"] == pytest.approx(welch_by_hand(then, now), abs=1e-4)
        expected_flag = (
            "chance" if welch_by_hand(then, now) >= 0.05 else "up" if row["change"] > 0 else "down"
        )
        assert row["flag"] == expected_flag

    for question in ("a1", "a2", "b1", "b2"):
        agreed_then = sum(person_scores(p)[question] > 50 for p in THEN)
        agreed_now = sum(person_scores(p)[question] > 50 for p in NOW)
        row = next(s for s in data["statements"] if s["id"] == question)
        # Everyone answered, none with Don't know: nothing but disagreement beside % agree.
        nothing = {
            "dont_know": 0.0,
            "dont_knows": 0,
            "no_answer": 0.0,
            "no_answers": 0,
            "hidden": False,
        }
        # The middle and disagreeing answers, as the aggregate reads them: with % agree
        # and the rest, every answer is counted once (the legend adds up).
        for side, people in (("then", THEN), ("now", NOW)):
            got = row[side]
            assert got["agreed"] + got["middles"] + got["disagrees"] == len(people)
            assert got["middle"] == half_up(got["middles"], len(people))
            assert got["disagree"] == half_up(got["disagrees"], len(people))
        drop = ("middle", "middles", "disagree", "disagrees")
        assert {k: v for k, v in row["then"].items() if k not in drop} == {
            "agree": half_up(agreed_then, 5),
            "agreed": agreed_then,
            "n": 5,
        } | nothing
        assert {k: v for k, v in row["now"].items() if k not in drop} == {
            "agree": half_up(agreed_now, 6),
            "agreed": agreed_now,
            "n": 6,
        } | nothing
        assert row["change"] == round(100 * agreed_now / 6 - 100 * agreed_then / 5, 1)
        # Five and six answers: every table is small, so the exact test.
        assert row["test"] == "fisher"
        assert row["p"] == pytest.approx(enumerated_fisher(agreed_then, 5, agreed_now, 6), abs=1e-4)
    # a3 is a text question: never a statement.
    assert "a3" not in {s["id"] for s in data["statements"]}
    # a1: 3 of 5 then, 5 of 6 now; b1 in range 3 of 5 then, 5 of 6 now.
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert (a1["then"]["agree"], a1["now"]["agree"], a1["change"]) == (60.0, 83.3, 23.3)
    assert a1["flag"] == "chance" and a1["words"] == "could be chance: too few answers to tell"

    overall_then = (
        sum(round(sum(area_scores(p)[a] for p in THEN) / 5, 1) for a in ("one", "two")) / 2
    )
    overall_now = sum(round(sum(area_scores(p)[a] for p in NOW) / 6, 1) for a in ("one", "two")) / 2
    # The mean of the area means as shown (equal weights): to within its own rounding.
    assert data["overall"]["then"] == pytest.approx(overall_then, abs=0.05 + 1e-9)
    assert data["overall"]["now"] == pytest.approx(overall_now, abs=0.05 + 1e-9)
    exact_then = sum(sum(area_scores(p)[a] for p in THEN) / 5 for a in ("one", "two")) / 2
    exact_now = sum(sum(area_scores(p)[a] for p in NOW) / 6 for a in ("one", "two")) / 2
    assert data["overall"]["change"] == round(exact_now - exact_then, 1)
    assert data["framework_changed"] is False
    assert data["new_questions"] == data["dropped_questions"] == []


def test_two_respondents_with_no_spread_are_too_few_to_tell(tmp_path: Path, cat: Catalogue) -> None:
    # Two people a round, each round answering alike: area one goes 50 -> 100 with no
    # spread at all; two answers a side cannot tell that from chance.
    old = build_round(tmp_path / "o", cat, [["3", "n", "13", "3"]] * 2, "2009/10")
    new = build_round(
        tmp_path / "n",
        cat,
        [["4", "y", "words", "13", "4"]] * 2,
        "2010/11",
        start=datetime(2010, 6, 1, tzinfo=UTC),
    )
    data = comparison(old, new, cat, "json").data
    one = next(a for a in data["areas"] if a["id"] == "one")
    assert one["then"]["sd"] == one["now"]["sd"] == 0.0
    assert one["change"] > 0
    assert (one["flag"], one["p"], one["test"]) == ("too_few", None, "")
    assert one["words"] == "could be chance: too few answers to tell"


def test_changes_come_from_unrounded_figures(tmp_path: Path, cat: Catalogue) -> None:
    # 4 of 9 agree then, 8 of 9 now: 44.4 -> 88.9 shown, a change of 44.4 (not 44.5).
    agree, disagree = ["3", "n", "13", "3"], ["2", "n", "13", "3"]
    old = build_round(tmp_path / "o", cat, [agree] * 4 + [disagree] * 5, "2009/10")
    new = build_round(
        tmp_path / "n",
        cat,
        [agree] * 8 + [disagree],
        "2010/11",
        start=datetime(2010, 6, 1, tzinfo=UTC),
    )
    data = comparison(old, new, cat, "json").data
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert (a1["then"]["agree"], a1["now"]["agree"]) == (44.4, 88.9)
    assert a1["change"] == 44.4
    text = comparison(old, new, cat, "md").text
    assert "+44.4" in text and "+44.5" not in text


def test_a_fall_in_agreement_that_is_more_dont_know_shows_beside_it(
    tmp_path: Path, cat: Catalogue
) -> None:
    # a1: 4 of 5 agree then; now 2 agree and 3 say Don't know, no one disagrees more.
    agree, disagree, dont_know = ["3", "n", "13", "3"], ["2", "n", "13", "3"], ["d", "n", "13", "3"]
    old = build_round(tmp_path / "o", cat, [agree] * 4 + [disagree], "2009/10")
    new = build_round(
        tmp_path / "n",
        cat,
        [agree] * 2 + [dont_know] * 3,
        "2010/11",
        start=datetime(2010, 6, 1, tzinfo=UTC),
    )
    data = comparison(old, new, cat, "json").data
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert (a1["then"]["agree"], a1["now"]["agree"], a1["change"]) == (80.0, 40.0, -40.0)
    assert (a1["then"]["dont_know"], a1["now"]["dont_know"]) == (0.0, 60.0)
    assert (a1["then"]["dont_knows"], a1["now"]["dont_knows"]) == (0, 3)
    assert a1["now"]["no_answer"] == 0.0
    assert "don't know" in data["agree_note"]
    # In the board paper, each side's % don't know and % no answer stand beside % agree.
    text = comparison(old, new, cat, "md").text
    # The middle answers (at half marks), as the aggregate reads them, beside it too.
    header = (
        "| 2009/10 % agree | % middle | % don't know | % no answer | n | 2010/11 % agree | "
        "% middle | % don't know |"
    )
    assert header in text
    row = next(line for line in text.splitlines() if line.startswith(f"| {a1['text']} |"))
    assert "| 80.0 | 0.0 | 0.0 | 0.0 | 5 | 40.0 | 0.0 | 60.0 | 0.0 | 5 | -40.0 |" in row
    html = comparison(old, new, cat, "html").text
    assert '<th scope="col">% don&#39;t know</th>' in html or "% don't know</th>" in html
    assert '<td class="num">60.0</td>' in html


def test_an_anonymised_comparison_shows_no_figure_resting_on_fewer_than_3(
    tmp_path: Path, cat: Catalogue
) -> None:
    # Five respondents then, two now: every figure of now rests on two people.
    old = build_round(tmp_path / "o", cat, THEN, "2009/10")
    new = build_round(
        tmp_path / "n", cat, NOW[:2], "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    shown = comparison(old, new, cat, "json").data
    assert all(row["now"]["n"] == 2 for row in shown["areas"] + shown["statements"])
    assert all(a["now"]["score"] is not None for a in shown["areas"])
    data = comparison(old, new, cat, "json", anonymise=True).data
    for row in data["areas"] + data["statements"]:
        assert row["now"]["hidden"] and row["now"]["n"] == 2
        assert not row["then"]["hidden"]
        # Then's own figure stands (5 people), but no change: it and then's figure would
        # give now's away.
        assert (row["change"], row["p"], row["flag"]) == (None, None, "hidden")
        assert row["words"] == "not shown: fewer than 3 respondents"
    for area in data["areas"]:
        assert area["now"]["score"] is None and area["now"]["sd"] is None
        assert area["then"]["score"] is not None
    for statement in data["statements"]:
        now = statement["now"]
        assert now["agree"] is now["agreed"] is now["dont_know"] is now["no_answer"] is None
    assert data["overall"]["now"] is None and data["overall"]["now_hidden"]
    assert data["overall"]["change"] is None
    assert data["small_group_rule"]
    for fmt in ("md", "html"):
        text = comparison(old, new, cat, fmt, anonymise=True).text
        assert "No figure rests on fewer than 3 people" in text
        for area in data["areas"]:
            then = f"{area['then']['score']:.1f}"
            cell = (
                "| {} | 5 | not shown | 2 | not shown |"
                if fmt == "md"
                else (
                    '<td class="num">{}</td><td class="num">5</td><td class="num">not shown</td>'
                    '<td class="num">2</td><td class="num">not shown</td>'
                )
            )
            assert cell.format(then) in text
    # Not anonymised, every group is shown as it is.
    assert not shown["small_group_rule"]


def test_the_same_round_twice_is_no_change(tmp_path: Path, cat: Catalogue) -> None:
    old = build_round(tmp_path / "a", cat, THEN, "2009/10")
    copy = tmp_path / "b"
    shutil.copytree(old, copy)
    data = comparison(old, copy, cat, "json").data
    assert {row["flag"] for row in data["areas"] + data["statements"]} == {"same"}
    assert all(row["change"] == 0 for row in data["areas"] + data["statements"])
    # The same period twice: the rounds are named by their folders.
    assert data["then"]["label"] != data["now"]["label"]


def test_one_answer_a_side_and_a_question_no_one_was_asked(tmp_path: Path, cat: Catalogue) -> None:
    # One person each: no spread to judge a mean by; % agree tested exactly (p = 1).
    old = build_round(tmp_path / "a", cat, [["1", "n", "20", "1"]], "2009/10")
    new = build_round(tmp_path / "b", cat, [["4", "y", "words", "13", "4"]], "2010/11")
    data = comparison(old, new, cat, "json").data
    one = next(a for a in data["areas"] if a["id"] == "one")
    assert (one["then"]["n"], one["now"]["n"], one["change"]) == (1, 1, 100.0)
    assert one["flag"] == "too_few" and one["p"] is None
    assert one["words"] == "could be chance: too few answers to tell"
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert (a1["p"], a1["flag"]) == (1.0, "chance")


def test_large_rounds_use_the_z_test_and_flag_a_real_change(tmp_path: Path, cat: Catalogue) -> None:
    low = ["1", "n", "20", "1"]
    high = ["4", "y", "words", "13", "4"]
    old = build_round(tmp_path / "a", cat, [low] * 8 + [high] * 4, "2009/10")
    new = build_round(tmp_path / "b", cat, [low] * 3 + [high] * 9, "2010/11")
    data = comparison(old, new, cat, "json").data
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    # 4 of 12 then, 9 of 12 now; pooled 13/24: every expected cell is 5.5 or more.
    assert a1["test"] == "z"
    pooled = 13 / 24
    z = (9 / 12 - 4 / 12) / math.sqrt(pooled * (1 - pooled) * (2 / 12))
    assert a1["p"] == pytest.approx(math.erfc(z / math.sqrt(2)), abs=1e-4)
    assert a1["flag"] == "up" and a1["words"] == "up: more than chance alone would give"
    one = next(a for a in data["areas"] if a["id"] == "one")
    assert one["flag"] == "up"


MINI_V2 = """
id = "mini"
title = "Mini framework for tests"
version = "2"

[source]
document = "Test fixture"

[scales.agree]
weak_at_or_below = 1
options = [
  { value = "disagree", key = "1", label = "Disagree", score = 0 },
  { value = "partly", key = "2", label = "Partly agree", score = 1 },
  { value = "agree", key = "3", label = "Agree", score = 2 },
  { value = "strongly", key = "4", label = "Strongly agree", score = 3 },
  { value = "dont_know", key = "d", label = "Don't know", abstain = "dont_know" },
]

[bands]
rag = [
  { name = "red", label = "Red", min = 0 },
  { name = "green", label = "Green", min = 50 },
]

[[areas]]
id = "one"
title = "Area one"

[[areas.questions]]
id = "a1"
text = "The partnership works very well."
scale = "agree"

[[areas.questions]]
id = "a4"
text = "Partners share data."
scale = "agree"

[[areas]]
id = "three"
title = "Area three"

[[areas.questions]]
id = "c1"
text = "The board reviews its performance."
scale = "agree"
"""


def test_a_changed_framework_lists_new_and_dropped_questions_and_areas(
    tmp_path: Path, cat: Catalogue
) -> None:
    old = build_round(tmp_path / "r2009", cat, THEN, "2009/10")
    v2 = tmp_path / "v2"
    v2.mkdir()
    (v2 / "mini.toml").write_text(MINI_V2)
    cat2 = Catalogue(framework_folders=[v2], dialogue_folders=[])
    new = build_round(
        tmp_path / "r2010", cat2, [["4", "3", "2"], ["3", "3", "4"], ["2", "1", "4"]], "2010/11", ""
    )
    # Only version 2 is installed now: the 2009 round is scored against its own copy.
    data = comparison(old, new, cat2, "json").data
    assert (data["then"]["framework_version"], data["now"]["framework_version"]) == ("1", "2")
    assert data["framework_changed"] is True
    assert [a["id"] for a in data["new_areas"]] == ["three"]
    assert [a["id"] for a in data["dropped_areas"]] == ["two"]
    assert [q["id"] for q in data["new_questions"]] == ["a4", "c1"]
    assert [q["id"] for q in data["dropped_questions"]] == ["a2", "a3", "b1", "b2"]
    assert [q["id"] for q in data["reworded_questions"]] == ["a1"]
    statuses = {s["id"]: s["status"] for s in data["statements"]}
    assert statuses == {
        "a1": "both",
        "a4": "new",
        "c1": "new",
        "a2": "dropped",
        "b1": "dropped",
        "b2": "dropped",
    }
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert a1["reworded"] and a1["text_then"] == "The partnership works well."
    assert (a1["then"]["agreed"], a1["now"]["agreed"]) == (3, 2)
    a4 = next(s for s in data["statements"] if s["id"] == "a4")
    assert (a4["then"]["n"], a4["now"]["agreed"], a4["change"]) == (0, 2, None)
    assert a4["words"] == "new question: not asked then"
    area_status = {a["id"]: a["status"] for a in data["areas"]}
    assert area_status == {"one": "both", "three": "new", "two": "dropped"}
    # Area one then: a1 and a2 (as version 1 had it); now: a1 and a4.
    one = next(a for a in data["areas"] if a["id"] == "one")
    assert one["then"]["score"] == round(sum(area_scores(p)["one"] for p in THEN) / 5, 1)
    now_one = [
        (AGREE["4"] + AGREE["3"]) / 2,
        (AGREE["3"] + AGREE["3"]) / 2,
        (AGREE["2"] + AGREE["1"]) / 2,
    ]
    assert one["now"]["score"] == round(sum(now_one) / 3, 1)

    markdown = comparison(old, new, cat2, "md").text
    assert "## What the framework changed" in markdown
    assert "**New areas:** Area three" in markdown
    assert "- a4 Partners share data. (Area one)" in markdown or "Partners share data." in markdown


def test_plan_progress_and_areas_that_fell_despite_actions_done(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    old, new = rounds
    then, now = load_side(old, cat).side, load_side(new, cat).side
    plan = [
        PlanAction("two", "Resize the board.", "done"),
        PlanAction("two", "Brief members.", "in_progress"),
        PlanAction("one", "Make it work better.", "not_started"),
        PlanAction("one", "Agree a protocol.", "not_started"),
        PlanAction("one", "Something else.", "dropped"),
    ]
    # Taken the other way round, both areas' scores fell; only area two had an action done.
    data = compare(now, then, plan)
    progress = data["plan"]
    assert progress["total"] == 5
    assert progress["counts"] == {"done": 1, "in_progress": 1, "not_started": 2, "dropped": 1}
    fell = [a["id"] for a in data["areas"] if a["change"] is not None and a["change"] < 0]
    assert fell == ["one", "two"]
    assert [a["id"] for a in progress["fell_despite_done"]] == ["two"]
    assert progress["fell_despite_done"][0]["done"] == ["Resize the board."]
    by_area = {a["id"]: a["counts"] for a in progress["by_area"]}
    assert by_area["one"] == {"done": 0, "in_progress": 0, "not_started": 2, "dropped": 1}
    # The right way round both rose: nothing fell despite actions done.
    assert compare(then, now, plan)["plan"]["fell_despite_done"] == []
    assert compare(then, now)["plan"] is None


def test_plan_statuses_are_the_plans_own_and_partnership_wide_actions_have_a_title(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    from bot.rounds.plan import STATUSES
    from bot.scoring.results import WHOLE_TITLE

    old, new = rounds
    then, now = load_side(old, cat).side, load_side(new, cat).side
    plan = [PlanAction("", "Agree a shared vision.", "done"), PlanAction("one", "Map.", "done")]
    progress = compare(then, now, plan)["plan"]
    # The statuses are the plan's, in its order (one definition).
    assert list(progress["counts"]) == list(STATUSES)
    titles = {a["id"]: a["title"] for a in progress["by_area"]}
    assert titles == {"": WHOLE_TITLE, "one": "Area one"}


def test_rounds_of_different_frameworks_cannot_be_compared(
    rounds: tuple[Path, Path], cat: Catalogue, tmp_path: Path
) -> None:
    old, _ = rounds
    other = tmp_path / "fw-other"
    other.mkdir()
    (other / "other.toml").write_text(MINI_V2.replace('id = "mini"', 'id = "other"', 1))
    cat2 = Catalogue(framework_folders=[DATA, other], dialogue_folders=[DATA])
    folder = tmp_path / "other-transcripts"
    clock = Clock(datetime(2010, 1, 1, tzinfo=UTC))
    talk = conversation.start(cat2, "other", None, conversation_respondent(), folder, clock=clock)
    talk.begin()
    while not talk.session.over:
        talk.skip() if talk.current().kind == "probe" else talk.answer("3")
    talk.close()
    with pytest.raises(CompareError, match=r"framework mini .* of other: only rounds of one"):
        comparison(old, folder, cat2, "md")


def conversation_respondent():  # type: ignore[no-untyped-def]
    from bot.model import Respondent

    return Respondent(name="Someone")


def test_an_empty_round_and_a_missing_folder_say_what_to_do(
    rounds: tuple[Path, Path], cat: Catalogue, tmp_path: Path
) -> None:
    old, _ = rounds
    empty = tmp_path / "empty"
    create(
        empty, Round(title="Nobody yet", framework="mini", invitees=(Invitee(id="x", name="X"),))
    )
    with pytest.raises(NothingToCompare, match="has no complete transcripts yet"):
        comparison(old, empty, cat, "md")
    with pytest.raises(CompareError, match="does not exist: name a round's folder"):
        comparison(old, tmp_path / "nowhere", cat, "md")
    with pytest.raises(CompareError, match="named twice"):
        comparison(old, old, cat, "md")
    with pytest.raises(CompareError, match="md, html or json, not csv"):
        comparison(old, old, cat, "csv")


def test_html_escapes_untrusted_labels_and_has_the_chart(tmp_path: Path, cat: Catalogue) -> None:
    old = build_round(tmp_path / "a", cat, THEN, "<script>alert(1)</script>")
    new = build_round(tmp_path / "b", cat, NOW, "2010 | *new*")
    html = comparison(old, new, cat, "html").text
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<svg" in html and "<desc" in html and "<script" not in html
    assert html.count('fill="#1f4e79"') >= 3  # the legend and a "now" bar per area
    markdown = comparison(old, new, cat, "md").text
    assert "2010 \\| \\*new\\*" in markdown
    # Markdown's own escape, as the other reports write it: shown as text, never a tag.
    assert "\\<script>" in markdown and not re.search(r"(?<!\\)<script", markdown)
    data = json.loads(comparison(old, new, cat, "json").text)
    assert data["then"]["label"] == "<script>alert(1)</script>"


def plan_action(id_: str, area: str, status: str, agreed: bool = True, **fields: object):  # type: ignore[no-untyped-def]
    from bot.rounds.plan import PlanAction as Agreed

    values = {"id": id_, "ref": id_, "text": f"Do {id_}.", "area": area}
    values |= {"agreed": agreed, "status": status, **fields}
    return Agreed.model_validate(values)


def test_the_plan_is_read_from_plan_toml(rounds: tuple[Path, Path], cat: Catalogue) -> None:
    from bot.rounds.plan import Plan, save_plan

    old, new = rounds
    assert comparison(old, new, cat, "json").data["plan"] is None
    earlier = Plan(
        round="r2009",
        framework="mini",
        actions=(
            plan_action("fix-one", "one", "done"),
            plan_action("fix-two", "two", "in_progress"),
            plan_action("brief", "two", "not_started"),
            plan_action("never-agreed", "two", "done", agreed=False),
        ),
    )
    save_plan(old, earlier)
    progress = comparison(old, new, cat, "json").data["plan"]
    # Only the agreed actions count: three, whatever the proposed one says.
    assert progress["total"] == 3
    assert progress["counts"] == {"done": 1, "in_progress": 1, "not_started": 1, "dropped": 0}
    markdown = comparison(old, new, cat, "md").text
    assert "## The agreed action plan" in markdown
    assert (
        "3 actions agreed after 2009/10: 1 done, 1 in progress, 1 not started, 0 dropped."
        in markdown
    )

    # Once the later round's plan carries them in, the status its answers reported counts.
    later = Plan(
        round="r2010",
        framework="mini",
        actions=(
            plan_action("fix-one", "one", "done", carried_from="r2009"),
            plan_action("fix-two", "two", "done", carried_from="r2009"),
            plan_action("brief", "two", "dropped", carried_from="r2009"),
            plan_action("new-one", "one", "not_started"),
        ),
    )
    save_plan(new, later)
    progress = comparison(old, new, cat, "json").data["plan"]
    assert progress["counts"] == {"done": 2, "in_progress": 0, "not_started": 0, "dropped": 1}
    html = comparison(old, new, cat, "html").text
    assert "<strong>2 done</strong>" in html


def test_the_later_round_given_first_is_put_second_and_said(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    old, new = rounds
    made = comparison(new, old, cat, "json")
    assert (made.data["then"]["label"], made.data["now"]["label"]) == ("2009/10", "2010/11")
    order = (
        "2010/11 was given before 2009/10, the earlier round: "
        "compared 2009/10 (then) with 2010/11 (now)"
    )
    # Where the rounds are kept is said to the person comparing, not in the board paper.
    assert made.notes == ["r2010 (2010/11) is later than r2009 (2009/10)", order]
    assert made.data["notes"] == [order]
    for fmt in ("md", "html", "json"):
        text = comparison(new, old, cat, fmt).text
        assert order in text, fmt
        assert "r2010" not in text and "r2009" not in text and str(old.parent) not in text, fmt
    assert comparison(old, new, cat, "json").notes == []


def test_control_characters_in_a_round_label_never_reach_the_html(
    tmp_path: Path, cat: Catalogue
) -> None:
    old = build_round(tmp_path / "o", cat, THEN, "20\x1b[31m09")
    new = build_round(tmp_path / "n", cat, NOW, "2010", start=datetime(2010, 6, 1, tzinfo=UTC))
    for fmt in ("html", "md", "json"):
        made = comparison(old, new, cat, fmt)
        # Shown as an escape, never as the raw character.
        assert "\x1b" not in made.text and "x1b" in made.text


def test_plan_progress_counts_only_actions_carried_from_the_earlier_round(
    rounds: tuple[Path, Path],
) -> None:
    from bot.report.compare import plan_progress_known
    from bot.rounds.plan import Plan, save_plan

    old, new = rounds
    base = {"area": "one", "agreed": True, "status": "done"}
    actions = [
        {
            "id": "x",
            "ref": "1a",
            "text": "From the earlier round.",
            "carried_from": old.name,
            **base,
        },
        {"id": "y", "ref": "1b", "text": "From an older round.", "carried_from": "r2007", **base},
        {"id": "z", "ref": "1c", "text": "New this round.", **base},
    ]
    save_plan(new, Plan.model_validate({"actions": actions}))
    found = plan_progress_known(old, new)
    assert found is not None and [a.text for a in found[0]] == ["From the earlier round."]


def test_files_that_failed_to_load_are_listed_with_why_before_the_error(
    rounds: tuple[Path, Path], cat: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import cli_compare

    old, new = rounds
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "t.toml").write_text("not = [toml\n")
    assert cli_compare.run(old, broken, cat, "md", None) == 1
    err = capsys.readouterr().err.splitlines()
    skipped = [n for n, line in enumerate(err) if line.startswith("skipped: ") and "t.toml" in line]
    failed = [n for n, line in enumerate(err) if "1 failed to load" in line]
    assert skipped and failed and skipped[0] < failed[0], err
    # The later round named first is compared the right way round, and said so on stderr.
    assert cli_compare.run(new, old, cat, "md", None) == 0
    out = capsys.readouterr()
    assert "note: r2010 (2010/11) is later than r2009 (2009/10)" in out.err
    assert "2009/10 compared with 2010/11" in out.out


def test_the_chart_writes_each_score_as_the_table_does(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    old, new = rounds
    made = comparison(old, new, cat, "html")
    chart = made.text[made.text.index("<svg") : made.text.index("</svg>")]
    table = made.text[made.text.index("</svg>") :]
    labels = re.findall(r'fill="#222">(\d+(?:\.\d)?)</text>', chart)
    assert labels, chart
    for area in made.data["areas"]:
        for side in ("then", "now"):
            shown = f"{area[side]['score']:.1f}"
            # One decimal, as in the table below it and in the text description.
            assert shown in labels
            assert f'<td class="num">{shown}</td>' in table
    assert all("." in label for label in labels)
    description = re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S)
    assert description is not None
    for area in made.data["areas"]:
        assert f"{area['then']['score']:.1f}" in description.group(1)


def test_two_rounds_of_one_period_are_named_as_a_reader_knows_them(
    tmp_path: Path, cat: Catalogue
) -> None:
    old = build_round(tmp_path / "a", cat, THEN, "2009/10")
    new = tmp_path / "b"
    shutil.copytree(old, new)
    round_toml = new / "round.toml"
    text = round_toml.read_text(encoding="utf-8")

    def labels() -> tuple[str, str]:
        data = comparison(old, new, cat, "json").data
        return data["then"]["label"], data["now"]["label"]

    # The same period, title and partnership: then and now, never where the files are.
    assert labels() == ("2009/10 (then)", "2009/10 (now)")
    html = comparison(old, new, cat, "html").text
    assert str(tmp_path) not in html and "2009/10 (then) compared with 2009/10 (now)" in html
    # Titles that differ name them.
    round_toml.write_text(
        text.replace('title = "Mini review 2009/10"', 'title = "Mini review 2009/10, re-run"'),
        encoding="utf-8",
    )
    assert labels() == ("Mini review 2009/10", "Mini review 2009/10, re-run")
    # The chart's legend shows each name whole, so two titles differing at the end differ.
    chart = comparison(old, new, cat, "html").text.split("</svg>")[0]
    assert ">Mini review 2009/10, re-run</text>" in chart
    # The same title, another partnership: the period and the partnership.
    (old / "round.toml").write_text(
        (old / "round.toml")
        .read_text(encoding="utf-8")
        .replace(
            'title = "Mini review 2009/10"\n',
            'title = "Mini review 2009/10"\npartnership = "North"\n',
        ),
        encoding="utf-8",
    )
    round_toml.write_text(
        text.replace(
            'title = "Mini review 2009/10"\n',
            'title = "Mini review 2009/10"\npartnership = "South"\n',
        ),
        encoding="utf-8",
    )
    assert labels() == ("2009/10, North", "2009/10, South")


def test_a_folder_holding_rounds_is_read_as_its_round_or_refused(
    rounds: tuple[Path, Path], tmp_path: Path, cat: Catalogue
) -> None:
    old, new = rounds
    # Each round kept in a folder of its own: compared as the rounds, as round compare does.
    kept_old, kept_new = tmp_path / "kept" / "old", tmp_path / "kept" / "new"
    shutil.copytree(old, kept_old / "r2009")
    shutil.copytree(new, kept_new / "r2010")
    made = comparison(kept_old, kept_new, cat, "json")
    assert not made.skipped
    assert (made.data["then"]["label"], made.data["now"]["label"]) == ("2009/10", "2010/11")
    assert made.data["areas"] == comparison(old, new, cat, "json").data["areas"]
    assert made.notes == [
        f"{display_name(kept_old)} holds one round: compared {display_name(kept_old / 'r2009')}",
        f"{display_name(kept_new)} holds one round: compared {display_name(kept_new / 'r2010')}",
    ]
    assert made.data["notes"] == []  # which folder was read is not for the board paper
    # A folder of several rounds: which one is meant is asked, never both pooled.
    both = tmp_path / "both"
    shutil.copytree(old, both / "r2009")
    shutil.copytree(new, both / "r2010")
    with pytest.raises(CompareError, match=r"holds 2 rounds, not one: name the round") as error:
        comparison(both, new, cat, "json")
    assert "r2009" in str(error.value) and "round compare OLD NEW" in str(error.value)
    # A folder with transcripts of its own beside a round is a folder of transcripts.
    loose = tmp_path / "loose"
    shutil.copytree(old, loose / "r2009")
    shutil.copy(next(old.glob("*-person-0-*.toml")), loose / "extra.toml")
    assert comparison(loose, new, cat, "json").data["then"]["label"] == "loose"


def test_the_later_rounds_transcripts_are_read_once_for_the_plans_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    from bot.report.compare import comparison, plan_progress_known
    from bot.rounds import plan_progress

    old, new = tmp_path / "hertfordshire-2009", tmp_path / "hertfordshire-2010"
    for folder in (old, new):
        shutil.copytree(ROOT / "transcripts" / "rounds" / folder.name, folder)
    # Counted on its own, reading the later round's transcripts itself.
    counted, left_out = plan_progress_known(old, new) or ([], [])
    assert counted

    def read_again(folder: Path) -> list[object]:
        raise AssertionError(f"{folder} read again")

    # Compared, the transcripts read to compare the later round tell what it asked about.
    monkeypatch.setattr(plan_progress, "conversations", read_again)
    plan = comparison(old, new, catalogue, "json").data["plan"]
    assert plan is not None
    assert plan["total"] == len(counted) and len(plan["not_counted"]) == len(left_out)
    assert plan["not_updated"] == sum(1 for a in counted if a.not_updated)


def test_the_overall_change_is_over_the_areas_scored_in_both_rounds(
    tmp_path: Path, cat: Catalogue
) -> None:
    from bot.tui.screens.compare import summary

    # No one answered area one in 2009 (Don't know throughout); everyone did in 2010.
    old = build_round(
        tmp_path / "a",
        cat,
        [["d", "d", "13", "3"], ["d", "d", "12", "2"], ["d", "d", "14", "4"]],
        "2009/10",
    )
    now_people = [
        ["4", "y", "words", "13", "4"],
        ["3", "y", "words", "12", "1"],
        ["1", "n", "15", "3"],
    ]
    new = build_round(
        tmp_path / "b", cat, now_people, "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    data = comparison(old, new, cat, "json").data
    two = next(a for a in data["areas"] if a["id"] == "two")
    overall = data["overall"]
    # Only area two was scored both times: the overall change is its change, never the
    # difference between an overall of one area and an overall of two.
    assert overall["change"] == two["change"]
    assert overall["compared"]["areas"] == 1 and overall["compared"]["only_now"] == ["Area one"]
    words = (
        f"over the 1 area scored in both, {two['then']['score']:.1f} then and "
        f"{two['now']['score']:.1f} now ({two['change']:+.1f}); Area one scored only in 2010/11"
    )
    assert overall["compared"]["words"] == words
    for fmt in ("md", "html"):
        assert words in comparison(old, new, cat, fmt).text
    assert f"Overall score: {overall['words']}." in summary(data) and words in overall["words"]


def test_statements_no_one_answered_in_one_round_are_not_counted_as_compared(
    rounds: tuple[Path, Path], cat: Catalogue
) -> None:
    from bot.tui.screens.compare import WORDS, summary

    data = comparison(*rounds, cat, "json").data
    both = [s for s in data["statements"] if s["status"] == "both"]
    # As a round of surveys only has for an interview's statements: no answers then.
    unanswered = both[:2]
    for statement in unanswered:
        statement |= {"change": None, "flag": "no_answers", "words": WORDS["no_answers"]}
        statement["then"] |= {"n": 0, "agreed": 0}
    first = next(line for line in summary(data).splitlines() if line.startswith("Statements"))
    assert f": {len(both) - 2} compared;" in first
    assert first.endswith("; 2 no answers to compare.")
