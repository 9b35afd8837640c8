"""What the round commands say, with several rounds in one transcripts folder: a round or
an invitee named wrongly is a usage error with the nearest that exists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def three(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A transcripts folder (the tests' own) holding three rounds: the two samples and an
    empty one; returns its rounds/ folder."""
    rounds = tmp_path / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, rounds / name)
    made = ["round", "new", "empty-round", "--title", "Empty", "-f", "hertfordshire-review"]
    assert cli.main(made) == exit_codes.OK
    capsys.readouterr()
    return rounds


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    said = capsys.readouterr()
    return status, said.out, said.err


def test_a_round_name_that_names_nothing_is_a_usage_error_with_the_nearest(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "round", "status", "-r", "hertfordshire-201")
    assert status == exit_codes.USAGE, err
    assert err.startswith("error: -r hertfordshire-201: ") and not out
    assert 'did you mean "hertfordshire-2010"?' in err


def test_a_folder_that_is_not_a_round_is_shown_as_the_user_gave_it(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    status, _, err = run(capsys, "round", "status", "-r", str(work))
    assert status == exit_codes.USAGE, err
    assert f"{work} is not a round (it has no round.toml)" in err
    assert "error: .:" not in err and " . is not" not in err


def test_an_unknown_invitee_id_is_given_the_nearest_even_when_short(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "round", "assess", "x9", "-r", "hertfordshire-2010", "--plain")
    assert status == exit_codes.USAGE, err
    assert err.startswith('error: No invitee "x9" in this round; did you mean "h09"?')
