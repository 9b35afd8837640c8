"""Aggregating many transcripts: percentages checked by hand, rounding, exclusions, benchmarks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.report.aggregate import aggregate_data
from bot.scoring.aggregate import Filters, aggregate, percentage
from tests.conftest import DATA, ROOT
from tests.plain_driver import run
from tests.scripted import make


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def build(
    cat: Catalogue, folder: Path, first_answers: list[str], roles: list[str] | None = None
) -> None:
    for index, first in enumerate(first_answers):
        role = roles[index] if roles else "Officer"
        make(
            cat,
            folder,
            "mini",
            "mini-chat",
            [first, "p", "13", "3"],
            Respondent(
                name=f"Person {index}", organisation=f"Org {index}", role=role, sector="public"
            ),
        )


def data_for(cat: Catalogue, folder: Path, **kwargs) -> dict:
    totals, run_info = aggregate(
        store.iter_transcript_files([folder]),
        cat,
        Filters(**kwargs),
        cache_folder=folder.parent / "cache",
    )
    ((framework_id, framework_totals),) = totals.items()
    return aggregate_data(
        framework_id, framework_totals, run_info, cat, Filters(**kwargs), anonymise=False
    )


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (4, 7, 57.1),
        (1, 7, 14.3),
        (2, 7, 28.6),
        (1, 16, 6.3),
        (1, 8, 12.5),
        (0, 5, 0.0),
        (1, 0, None),
    ],
)
def test_percentages_round_half_up_to_one_place(
    count: int, total: int, expected: float | None
) -> None:
    assert percentage(count, total) == expected


def test_statement_percentages_hand_counted(cat: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "t"
    # a1: Agree x3, Strongly agree x1, Don't know x1, Disagree x1, Partly agree (disagree side) x1.
    build(cat, folder, ["3", "3", "3", "4", "d", "1", "2"])
    data = data_for(cat, folder)
    a1 = next(s for s in data["statements"] if s["id"] == "a1")
    assert (a1["n"], a1["agree"], a1["dont_know"], a1["disagree"]) == (7, 57.1, 14.3, 28.6)
    assert data["respondents"] == 7
    area = data["areas"][0]
    assert area["n"] == 7  # the Don't know respondent still has a2 scored, so the area is
    assert area["min"] <= area["score"] <= area["max"]


def test_sixteen_respondents_round_like_the_published_tables(
    cat: Catalogue, tmp_path: Path
) -> None:
    folder = tmp_path / "t"
    build(cat, folder, ["3"] * 15 + ["d"])
    a1 = next(s for s in data_for(cat, folder)["statements"] if s["id"] == "a1")
    assert (a1["agree"], a1["dont_know"]) == (93.8, 6.3)


def test_conflict_and_consensus(cat: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    build(cat, folder, ["4", "4", "4", "1", "1", "1"])
    assert (
        next(s for s in data_for(cat, folder)["statements"] if s["id"] == "a1")["pattern"]
        == "conflict"
    )
    folder = tmp_path / "k"
    build(cat, folder, ["3"] * 5)
    assert (
        next(s for s in data_for(cat, folder)["statements"] if s["id"] == "a1")["pattern"]
        == "consensus"
    )


def test_breakdown_by_role_and_filters(cat: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "t"
    build(cat, folder, ["4", "4", "1", "1"], roles=["Councillor", "Councillor", "Police", "Police"])
    data = data_for(cat, folder)
    by_role = data["areas"][0]["by_role"]
    assert by_role["Councillor"] > by_role["Police"]
    assert data_for(cat, folder, role="police")["respondents"] == 2


def test_unfinished_and_broken_transcripts_are_reported_not_dropped(
    cat: Catalogue, tmp_path: Path
) -> None:
    folder = tmp_path / "t"
    build(cat, folder, ["3", "3"])
    make(cat, folder, "mini", "mini-chat", ["3"], finish=False)
    (folder / "broken.toml").write_text("this is [not a transcript")
    totals, info = aggregate(
        store.iter_transcript_files([folder]), cat, Filters(), cache_folder=tmp_path / "cache"
    )
    assert totals["mini"].respondents == 2
    assert info.unfinished == 1
    assert [name for name, _ in info.failed] == ["t/broken.toml"]
    assert "is not valid TOML" in info.failed[0][1]
    totals, _ = aggregate(
        store.iter_transcript_files([folder]),
        cat,
        Filters(include_unfinished=True),
        cache_folder=tmp_path / "cache",
    )
    assert totals["mini"].respondents == 3


def test_cache_is_used_on_a_repeat_and_ignored_when_a_file_changes(
    cat: Catalogue, tmp_path: Path
) -> None:
    folder = tmp_path / "t"
    build(cat, folder, ["3", "1"])
    cache = tmp_path / "cache"
    _, first = aggregate(store.iter_transcript_files([folder]), cat, Filters(), cache_folder=cache)
    _, second = aggregate(store.iter_transcript_files([folder]), cat, Filters(), cache_folder=cache)
    assert (first.cached, second.cached) == (0, 2)
    victim = sorted(folder.glob("*.toml"))[0]
    victim.write_text(victim.read_text().replace('name = "Person 0"', 'name = "Person Zero"'))
    _, third = aggregate(store.iter_transcript_files([folder]), cat, Filters(), cache_folder=cache)
    assert third.cached == 1


def test_parallel_and_serial_agree(cat: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "t"
    build(cat, folder, ["3", "1", "4", "d", "2"] * 14)  # 70 files: enough to use worker processes
    serial = data_for(cat, folder)
    totals, info = aggregate(
        store.iter_transcript_files([folder]), cat, Filters(), cache_folder=None, workers=2
    )
    parallel = aggregate_data("mini", totals["mini"], info, cat, Filters(), anonymise=False)
    assert serial["statements"] == parallel["statements"]
    assert serial["areas"] == parallel["areas"]


@pytest.mark.e2e
def test_hertfordshire_samples_with_benchmarks_and_anonymised(tmp_path: Path) -> None:
    folder = ROOT / "transcripts" / "examples" / "hertfordshire-survey"
    result = run(
        "report", "--aggregate", "--anonymise", "--format", "json", str(folder), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 24
    s1 = next(s for s in data["statements"] if s["id"] == "s1")
    # Count by hand from the transcripts themselves.
    values = [
        next(
            t.value
            for t in store.load(p).transcript.turns
            if t.question == "s1" and t.kind == "answer"
        )
        for p in folder.glob("*.toml")
    ]
    agree = sum(v in ("agree", "strongly_agree") for v in values)
    assert s1["agree"] == percentage(agree, 24)
    assert s1["benchmark"]["agree"] == 87.6
    assert s1["benchmark"]["agree_difference"] == round(s1["agree"] - 87.6, 1)
    assert "Survey respondent" not in result.stdout
    markdown = run("report", "--aggregate", "--anonymise", str(folder), cwd=tmp_path).stdout
    assert "Survey respondent" not in markdown
    assert re.search(
        r"\| S1 The partnership you are involved with has a positive approach", markdown
    )


@pytest.mark.e2e
def test_mixed_frameworks_need_a_choice(tmp_path: Path) -> None:
    examples = ROOT / "transcripts" / "examples"
    result = run("report", "--aggregate", str(examples), cwd=tmp_path)
    assert result.returncode == 2
    assert "choose one with --framework" in result.stderr
    chosen = run(
        "report", "--aggregate", "--framework", "hertfordshire-review", str(examples), cwd=tmp_path
    )
    assert chosen.returncode == 0, chosen.stderr
    assert "results across 25 respondents" in chosen.stdout


def test_overall_is_the_mean_of_the_area_means(cat: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "t"
    # A: area one (100 + 0) / 2 = 50, area two 100 (b2 abstains): overall 75.
    make(cat, folder, "mini", "mini-chat", ["4", "n", "13", "d"], Respondent(name="A"))
    # B: area one unscored (two abstentions), area two 0: overall 0.
    make(cat, folder, "mini", "mini-chat", ["d", "d", "20", "1"], Respondent(name="B"))
    data = data_for(cat, folder)
    assert [a["score"] for a in data["areas"]] == [50.0, 50.0]
    # The mean of the area means (50), not of the respondents' overall scores (37.5).
    assert data["overall"]["score"] == 50.0


def test_summaries_are_not_kept_until_the_end(
    cat: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Memory must not grow with the number of files: once counted, a transcript's summary
    # is dropped; only its id, file and how far it went are kept to count each id once.
    import gc
    import weakref

    from bot.scoring import aggregate as module

    folder = tmp_path / "t"
    build(cat, folder, ["3", "1", "4", "2", "3", "1"])
    alive_at_the_end: list[int] = []
    real = module._results

    def watched(*args, **kwargs):
        refs = []
        for result in real(*args, **kwargs):
            refs.append(weakref.ref(result.summary))
            yield result
        gc.collect()
        alive_at_the_end.append(sum(ref() is not None for ref in refs))

    monkeypatch.setattr(module, "_results", watched)
    totals, _ = aggregate(store.iter_transcript_files([folder]), cat, Filters(), cache_folder=None)
    assert totals["mini"].respondents == 6
    assert alive_at_the_end[0] <= 1  # the last one, still in hand as the loop ends


def test_a_copy_counted_first_and_then_replaced_gives_the_figures_without_it(
    cat: Catalogue, tmp_path: Path
) -> None:
    import os
    import shutil

    folder = tmp_path / "t"
    build(cat, folder, ["3", "1", "4", "d", "2"])
    clean = data_for(cat, folder)
    # The copy sorts first and is counted first; the original (older, as copies are) wins.
    original = sorted(folder.glob("*.toml"))[2]
    copy = folder / "0-copy.toml"
    shutil.copy(original, copy)
    os.utime(original, (1_000_000_000, 1_000_000_000))
    with_copy = data_for(cat, folder)
    assert with_copy["failed"] == []
    assert [d["file"] for d in with_copy["duplicates"]] == ["t/0-copy.toml"]
    assert with_copy["duplicates"][0]["same_as"] == f"t/{original.name}"
    assert {**with_copy, "duplicates": []} == clean
