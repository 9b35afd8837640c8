"""A telephone interview resumed by another officer names both in its report, in the order
they took part, in every format that names the interviewer (one definition:
`bot.model.transcript.interviewers`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import cli, exit_codes, store
from tests.round_helpers import interview, log_of, new_round


@pytest.fixture
def resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round's interview begun by Sam, resumed by Kim, then by Sam again: its transcript."""
    folder = new_round(tmp_path, "Ann,telephone\n")
    for name in ("Sam", "Kim", "sam"):
        assert interview(monkeypatch, "i001", "--caller", name) == exit_codes.OK
    assert [e["caller"] for e in log_of(folder)] == ["Sam", "Kim", "sam"]
    [path] = [p for p in folder.glob("*.toml") if p.name != "round.toml"]
    return path


def test_everyone_who_interviewed_is_named_once_in_order(resumed: Path) -> None:
    from bot.model.transcript import interviewers

    transcript = store.load(resumed).transcript
    assert interviewers(transcript) == ("Sam", "Kim")


@pytest.mark.parametrize(
    ("fmt", "named"),
    [
        ("md", "**Interviewed by:** Sam and Kim"),
        ("html", "<strong>Interviewed by:</strong> Sam and Kim<br>"),
    ],
)
def test_the_report_names_every_interviewer(
    resumed: Path, capsys: pytest.CaptureFixture[str], fmt: str, named: str
) -> None:
    assert cli.main(["report", str(resumed), "--format", fmt]) == exit_codes.OK
    assert named in capsys.readouterr().out


def test_the_json_report_lists_them(resumed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", str(resumed), "--format", "json"]) == exit_codes.OK
    data = json.loads(capsys.readouterr().out)
    assert data["interviewers"] == ["Sam", "Kim"]
    assert data["interviewer"] == "Sam and Kim"
    assert cli.main(["report", str(resumed), "--format", "json", "--anonymise"]) == 0
    hidden = json.loads(capsys.readouterr().out)
    assert hidden["interviewers"] == [] and hidden["interviewer"] == ""


def test_an_interview_resumed_by_its_file_names_who_resumed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    folder = new_round(tmp_path, "Ann,telephone\n")
    assert interview(monkeypatch, "i001", "--caller", "Sam") == exit_codes.OK
    [path] = [p for p in folder.glob("*.toml") if p.name != "round.toml"]
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    assert cli.main(["resume", str(path), "--plain", "--caller", "Kim"]) == exit_codes.OK
    capsys.readouterr()
    assert cli.main(["report", str(path)]) == exit_codes.OK
    assert "**Interviewed by:** Sam and Kim" in capsys.readouterr().out
