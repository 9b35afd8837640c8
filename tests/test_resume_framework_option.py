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


def changed_copy(folder: Path) -> Path:
    """working-better-together with one label and score changed, its id and version kept:
    an edited copy, which is not the framework a transcript was taken with."""
    text = (ROOT / "frameworks" / "working-better-together.toml").read_text()
    changed = text.replace('label = "Very well", score = 3 }', 'label = "Superbly", score = 9 }')
    assert changed != text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "working-better-together.toml"
    path.write_text(changed)
    return path


def test_a_changed_copy_of_its_framework_is_refused(
    transcript: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = changed_copy(Path("mine"))
    before = transcript.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("4 - good\n:quit\n"))
    args = ["resume", str(transcript), "--plain", "-f", str(copy)]
    assert cli.main(args) == exit_codes.USAGE
    out, err = capsys.readouterr()
    assert (
        f"error: -f {copy}: {transcript} was taken with the framework working-better-together "
        "version 1.1 (sha256:"
    ) in err
    assert "is not that framework (its content differs" in err
    assert "leave -f out (the copy of it kept in transcripts/.frameworks/sha256-" in err
    assert "Superbly" not in out and transcript.read_bytes() == before


def test_a_changed_copy_found_first_gives_way_to_the_kept_one(
    transcript: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    changed_copy(Path("fwd") / "frameworks")
    monkeypatch.setattr("sys.stdin", io.StringIO("4 - good\n:quit\n"))
    args = ["resume", str(transcript), "--plain", "--frameworks", "fwd"]
    assert cli.main(args) == exit_codes.OK
    out, err = capsys.readouterr()
    assert "Taken as: Very well - good" in out and "has changed" not in out + err
    assert "Superbly" not in transcript.read_text()
    assert cli.main(["report", str(transcript)]) == exit_codes.OK
    assert "Very well" in capsys.readouterr().out


def test_the_app_resumes_with_the_kept_framework_too(transcript: Path) -> None:
    from bot import conversation
    from bot.catalogue import Catalogue

    changed_copy(Path("fwd") / "frameworks")
    talk = conversation.resume(Catalogue.searching([Path("fwd")]), transcript)
    try:
        labels = [o.label for o in talk.session.framework.scales["how_well"].options]
        assert "Very well" in labels and "Superbly" not in labels
        assert not talk.warnings
    finally:
        talk.close()


def test_a_telephone_transcript_is_told_the_interview_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new conversation of a telephone transcript's kind is an interview: the command
    suggested is `interview -f`, never `assess -f` (one rule gives each mode its command)."""
    source = ROOT / "transcripts" / "rounds" / "hertfordshire-2009" / "h22-bob-hughes.toml"
    copy = tmp_path / "h22.toml"
    copy.write_bytes(source.read_bytes())
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    status = cli.main(["resume", str(copy), "--plain", "-f", "hallmarks", "--caller", "Sam"])
    err = capsys.readouterr().err
    assert status == exit_codes.USAGE, err
    assert "start a new interview with: partnership-bot interview -f hallmarks" in err
