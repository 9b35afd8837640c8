"""What is said of transcripts read back: a seq out of place with its line, and a copy
of a transcript as a duplicate counted once, not as a file that failed to load."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes, store
from bot.problems import LoadError
from tests.conftest import ROOT

FAREHAM = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"


def test_a_seq_out_of_place_is_given_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    text = FAREHAM.read_text(encoding="utf-8")
    assert text.count("\nseq = 100\n") == 1  # in a save before the last
    path.write_text(text.replace("\nseq = 100\n", "\nseq = 999\n"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("seq = 999") + 1
    with pytest.raises(LoadError) as raised:
        store.load(path)
    assert str(raised.value) == (
        f"{path.name}:{line}: turn 100 has seq 999; turns must be numbered 1, 2, 3"
    )


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    folder = tmp_path / "t"
    folder.mkdir()
    shutil.copy(FAREHAM, folder / "a.toml")
    shutil.copy(FAREHAM, folder / "b.toml")
    return folder


def test_a_copy_is_a_duplicate_counted_once_not_a_failure(
    copied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["report", "t", "--aggregate", "-o", "agg.md"])
    err = capsys.readouterr().err
    report = Path("agg.md").read_text(encoding="utf-8")
    assert status == exit_codes.OK
    said = "t/b.toml is a duplicate of t/a.toml (the same transcript id): counted once"
    assert f"note: {said}" in err and "skipped" not in err
    assert "0 that failed to load, 1 duplicate of another file (counted once)." in report
    assert "## Transcripts that failed to load" not in report
    assert f"## Duplicates counted once\n\n- {said}" in report
    assert "results across 1 respondent" in report


def test_the_json_lists_duplicates_apart(copied: Path) -> None:
    cli.main(["report", "t", "--aggregate", "--format", "json", "-o", "agg.json"])
    data = json.loads(Path("agg.json").read_text(encoding="utf-8"))
    assert data["failed"] == []
    assert [(d["file"], d["same_as"]) for d in data["duplicates"]] == [("t/b.toml", "t/a.toml")]
