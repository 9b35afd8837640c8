"""Rounds are found in a folder by one rule, at any depth: the rounds a folder's report
leaves out (and names in its note) are the rounds the app and the `round` commands find
there, a round three levels down too; and a folder's report walks it once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes, store
from bot.rounds.folder import default_round, find_rounds
from tests.round_helpers import SAMPLE

LOOSE = "h01-ann-archer.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of one transcript of its own, with rounds one, two and three levels down."""
    top = tmp_path / "transcripts"
    for place in ("near", "rounds/middle", "archive/2009/deep"):
        shutil.copytree(SAMPLE, top / place, ignore=shutil.ignore_patterns("h*.toml"))
    shutil.copy(SAMPLE / LOOSE, top / LOOSE)
    return top


def test_every_round_inside_a_folder_is_found_whatever_its_depth(folder: Path) -> None:
    rounds = [folder / "archive/2009/deep", folder / "near", folder / "rounds/middle"]
    assert find_rounds(folder) == rounds
    assert store.rounds_left_out([folder]) == rounds
    assert store.gather([folder]).files == [folder / LOOSE]


def test_a_folders_report_names_every_round_left_out(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", str(folder), "--aggregate", "-o", "out.md"]) == exit_codes.OK
    [note] = [x for x in capsys.readouterr().err.splitlines() if x.startswith("note:")]
    assert "3 rounds" in note
    for name in ("archive/2009/deep", "near", "rounds/middle"):
        assert f"transcripts/{name}" in note


def test_a_round_three_levels_down_is_the_folders_one_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = tmp_path / "transcripts"
    shutil.copytree(SAMPLE, top / "archive/2009/herts")
    assert default_round(top) == top / "archive/2009/herts"
    assert cli.main(["round", "status"]) == exit_codes.OK
    assert "Hertfordshire partnerships review" in capsys.readouterr().out


def test_a_folders_report_walks_the_folder_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked: list[Path] = []
    files_below = store._files_below

    def counted(top: Path, pattern: str):  # type: ignore[no-untyped-def]
        walked.append(top)
        return files_below(top, pattern)

    monkeypatch.setattr(store, "_files_below", counted)
    assert cli.main(["report", str(folder), "--aggregate", "-o", "out.md"]) == exit_codes.OK
    assert walked == [folder]
