"""A framework or dialogue that a hand-edited round.toml names and that is not installed
is blamed on round.toml, its key and line, by every round command that needs it (never
on the command line, where it was not typed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import caller
from tests.round_helpers import new_round


@pytest.fixture
def misspelt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round whose round.toml names "hertfordshire-reveiw"."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Ann,telephone\nBob,self\n")
    path = folder / "round.toml"
    text = path.read_text()
    path.write_text(text.replace('"hertfordshire-review"', '"hertfordshire-reveiw"'))
    return folder


def line_of(folder: Path, key: str) -> int:
    """The line of round.toml that holds ``key``."""
    lines = (folder / "round.toml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{key} ="))


@pytest.mark.parametrize(
    "command",
    [
        ["round", "interview", "i001", "--plain", "--caller", "Z"],
        ["round", "assess", "i002", "--plain"],
        ["round", "plan"],
        ["round", "report"],
    ],
    ids=lambda c: c[1],
)
def test_a_misspelt_framework_is_blamed_on_round_toml(
    misspelt: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    capsys.readouterr()
    assert cli.main(command) == exit_codes.LOAD_ERROR
    err = capsys.readouterr().err
    line = line_of(misspelt, "framework")
    assert (
        f'error: transcripts/rounds/r/round.toml:{line}: framework: no framework "hertfordshire-reveiw"; '
        'did you mean "hertfordshire-review"?'
    ) in err
    assert "(command line)" not in err
    assert not list(misspelt.glob("2*.toml"))


def test_a_misspelt_dialogue_is_blamed_on_round_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Ann,telephone\n")
    path = folder / "round.toml"
    text = path.read_text()
    path.write_text(
        text.replace("max_attempts", 'telephone_dialogue = "hertfordshire-intervew"\nmax_attempts')
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    capsys.readouterr()
    assert cli.main(["round", "interview", "i001", "--plain", "--caller", "Z"]) == 3
    err = capsys.readouterr().err
    line = line_of(folder, "telephone_dialogue")
    assert f"round.toml:{line}: telephone_dialogue: no dialogue" in err
    assert "(command line)" not in err


def test_validate_says_the_same_of_round_toml(
    misspelt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert cli.main(["validate", str(misspelt)]) == 1
    line = line_of(misspelt, "framework")
    assert (
        f'round.toml:{line}: framework: no framework "hertfordshire-reveiw"'
        in capsys.readouterr().out
    )
