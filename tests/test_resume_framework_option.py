"""`resume FILE -f OTHER`: a transcript is always carried on with the framework it was
taken with; another framework named with -f is refused as a command-line mistake (status
2), saying which one the transcript was taken with, and nothing is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT


@pytest.fixture
def transcript(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """An unfinished working-better-together transcript."""
    monkeypatch.setattr("sys.stdin", io.StringIO("3\n:quit\n"))
    args = ["assess", "--plain", "-f", "working-better-together", "--respondent", "W"]
    assert cli.main(args) == 0
    capsys.readouterr()
    (path,) = Path("transcripts").glob("*.toml")
    return path


def test_another_framework_is_refused(
    transcript: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = transcript.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("reply words\n:quit\n"))
    assert cli.main(["resume", str(transcript), "--plain", "-f", "hallmarks"]) == exit_codes.USAGE
    out, err = capsys.readouterr()
    assert (
        f"error: -f hallmarks: {transcript} was taken with the framework "
        "working-better-together, not hallmarks"
    ) in err
    assert "has changed" not in out + err
    assert transcript.read_bytes() == before


@pytest.mark.parametrize(
    "ref",
    ["working-better-together", str(ROOT / "frameworks" / "working-better-together.toml")],
    ids=["id", "file"],
)
def test_its_own_framework_is_taken(
    transcript: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ref: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    assert cli.main(["resume", str(transcript), "--plain", "-f", ref]) == exit_codes.OK
    out, err = capsys.readouterr()
    assert "has changed" not in out + err
