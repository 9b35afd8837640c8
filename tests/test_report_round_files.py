"""`report ROUND/*.toml` (or `ROUND/*`) names a round's own files beside its transcripts:
they are left out in one line, never reported as damaged transcripts nor counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import store
from tests.conftest import ROOT
from tests.plain_driver import run

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
OWN = ["calls.jsonl", "plan.toml", "round.toml"]


@pytest.fixture
def round_folder(tmp_path: Path) -> Path:
    """A round with its own files and three transcripts (and its framework copies)."""
    folder = tmp_path / "herts-2009"
    folder.mkdir()
    for name in OWN:
        shutil.copy(SAMPLE / name, folder / name)
    shutil.copytree(SAMPLE / store.SNAPSHOTS, folder / store.SNAPSHOTS)
    for path in sorted(SAMPLE.glob("h0*.toml"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def globbed(folder: Path, pattern: str, hidden: bool = False) -> list[str]:
    """What the shell makes of `FOLDER/PATTERN` (with `hidden`, as bash's dotglob does)."""
    return [
        str(p.relative_to(folder.parent))
        for p in sorted(folder.glob(pattern))
        if hidden or not p.name.startswith(".")
    ]


def test_a_rounds_own_files_are_known(round_folder: Path) -> None:
    assert all(store.round_own_file(round_folder / name) for name in OWN)
    (round_folder / "h01-ann-archer.toml.lock").write_text("process 1")
    assert store.round_own_file(round_folder / "h01-ann-archer.toml.lock")
    assert not store.round_own_file(next(round_folder.glob("h0*.toml")))
    (round_folder / "damaged.toml").write_text("x =")
    assert not store.round_own_file(round_folder / "damaged.toml")
    assert not store.round_own_file(round_folder.parent / "notes.txt")
    assert store.round_own_file(round_folder / store.SNAPSHOTS)
    (round_folder / "archive").mkdir()
    assert not store.round_own_file(round_folder / "archive")


@pytest.mark.e2e
@pytest.mark.parametrize("pattern", ["*.toml", "*"])
def test_several_reports_leave_the_rounds_own_files_out(round_folder: Path, pattern: str) -> None:
    made = run("report", *globbed(round_folder, pattern), "-o", "papers", cwd=round_folder.parent)
    assert made.returncode == 0, made.stderr
    assert "skipped:" not in made.stderr
    own = [n for n in OWN if n in {Path(p).name for p in globbed(round_folder, pattern)}]
    assert made.stderr.splitlines() == [
        f"left out: {', '.join(own)} in herts-2009 (the round's own files, not transcripts)"
    ]
    papers = sorted(p.name for p in (round_folder.parent / "papers").iterdir())
    assert papers == [p.stem + ".md" for p in sorted(round_folder.glob("h0*.toml"))]


@pytest.mark.e2e
def test_only_transcripts_are_counted(round_folder: Path) -> None:
    refused = run("report", *globbed(round_folder, "*"), "-o", "one.md", cwd=round_folder.parent)
    assert refused.returncode == 2
    assert "3 transcripts make 3 reports" in refused.stderr
    aggregated = run(
        "report", *globbed(round_folder, "*.toml"), "--aggregate", cwd=round_folder.parent
    )
    assert aggregated.returncode == 0, aggregated.stderr
    assert "skipped:" not in aggregated.stderr


@pytest.mark.e2e
def test_a_damaged_transcript_is_still_reported(round_folder: Path) -> None:
    (round_folder / "damaged.toml").write_text("x =")
    made = run("report", *globbed(round_folder, "*"), "-o", "papers", cwd=round_folder.parent)
    assert made.returncode == 1
    lines = made.stderr.splitlines()
    assert lines[0].startswith("left out: calls.jsonl, plan.toml, round.toml in herts-2009")
    assert [line for line in lines if line.startswith("skipped:")] == [
        next(line for line in lines if line.startswith("skipped: herts-2009/damaged.toml"))
    ]


@pytest.mark.e2e
def test_naming_only_a_rounds_own_file_points_to_the_round_report(round_folder: Path) -> None:
    named = run("report", "herts-2009/round.toml", cwd=round_folder.parent)
    assert named.returncode == 3
    assert "left out: round.toml in herts-2009 (the round's own file, not a transcript)" in (
        named.stderr
    )
    assert "partnership-bot round report -r herts-2009" in named.stderr


@pytest.mark.e2e
def test_a_rounds_framework_copies_named_are_left_out_too(round_folder: Path) -> None:
    named = globbed(round_folder, "*", hidden=True)
    made = run("report", *named, "-o", "papers", cwd=round_folder.parent)
    assert made.returncode == 0, made.stderr
    assert made.stderr.splitlines() == [
        "left out: .frameworks, calls.jsonl, plan.toml, round.toml in herts-2009 "
        "(the round's own files, not transcripts)"
    ]
