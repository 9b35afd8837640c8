"""A transcript whose only change is its final newline taken off (an editor set to trim
it, `echo -n`) is whole: its last save is neither left out of a report nor cut on resume,
and the writer ends the line before it appends the next save."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes, store
from bot.problems import LoadError
from tests.conftest import ROOT

FAREHAM = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
LAST_WORDS = "map a way forward."
"""Words of the sample's last answer, which is in its last save."""


def trimmed(path: Path, text: str) -> Path:
    """The text written without its final newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    shutil.copytree(FAREHAM.parent / ".frameworks", path.parent / ".frameworks")
    return path


def test_a_last_save_without_its_final_newline_is_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = trimmed(tmp_path / "t" / "f.toml", FAREHAM.read_text(encoding="utf-8"))
    loaded = store.load(path)
    assert loaded.dropped_bytes == 0
    assert LAST_WORDS in loaded.transcript.turns[-2].text
    assert cli.main(["report", str(path)]) == exit_codes.OK
    out, err = capsys.readouterr()
    assert LAST_WORDS in out and "interrupted" not in err


def test_resuming_it_cuts_nothing_and_ends_the_line_before_the_next_save(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("3 - first words\n:quit\n"))
    args = ["assess", "--plain", "-f", "working-better-together", "--respondent", "N"]
    assert cli.main(args) == exit_codes.OK
    (path,) = Path("transcripts").glob("*.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("4 - second words\n:quit\n"))
    assert cli.main(["resume", str(path), "--plain"]) == exit_codes.OK
    out, err = capsys.readouterr()
    assert "interrupted" not in out + err
    assert not list(path.parent.glob("*.torn"))
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text)  # the trimmed newline is back, and nothing was cut
    answers = [t.text for t in store.load(path).transcript.turns if t.kind == "answer"]
    assert answers == ["3 - first words", "4 - second words"]


def test_a_changed_last_save_without_its_newline_is_still_an_edit(tmp_path: Path) -> None:
    text = FAREHAM.read_text(encoding="utf-8").replace(LAST_WORDS, "map the way forward.")
    path = trimmed(tmp_path / "t" / "e.toml", text)
    before = path.read_bytes()
    with pytest.raises(LoadError, match="was changed after it was written"):
        store.open_for_writing(path)
    assert path.read_bytes() == before
