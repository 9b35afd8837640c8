"""Bad arguments to the round commands: refused with a clear message and the usage exit
status (2), never the status of a file that could not be loaded (3); a folder that does
not exist is said to be missing, with where the rounds are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds.plan import read_plan
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the 2009 sample round, with its plan."""
    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(ROUNDS / "hertfordshire-2009", folder)
    return folder


@pytest.mark.parametrize(
    "extra",
    [
        ["--agree", "r4-performance,9.9"],
        ["--unagree", "nothing-like-it"],
        ["--set", "no-such-ref", "--status", "done"],
        ["--set", "r4-performance", "--status", "finished"],
        ["--set", "r4-performance", "--due", "next week"],
        ["--owner", "Ann"],
    ],
)
def test_round_plan_bad_arguments_are_usage_errors(
    sample: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = (sample / "plan.toml").read_bytes()
    status = cli.main(["round", "plan", "-r", str(sample), "--no-compile", *extra])
    said = capsys.readouterr().err
    assert status == exit_codes.USAGE, said
    assert said.startswith("error: ") and "Traceback" not in said
    assert (sample / "plan.toml").read_bytes() == before  # refused whole
    assert read_plan(sample) is not None


def test_round_compare_says_a_missing_folder_does_not_exist_and_where_rounds_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    transcripts = str(tmp_path / "elsewhere")
    names = ["hertfordshire-2009", "hertfordshire-2010"]
    status = cli.main(["--transcripts", transcripts, "round", "compare", *names])
    said = capsys.readouterr().err
    assert status == exit_codes.USAGE
    assert "hertfordshire-2009 does not exist" in said and "is not a round" not in said
    # The usual place, ./transcripts/rounds, has them: that path is suggested.
    shutil.copytree(ROUNDS / names[0], here / "transcripts" / "rounds" / names[0])
    assert cli.main(["--transcripts", transcripts, "round", "compare", *names]) == 2
    said = capsys.readouterr().err
    assert "there is a round at transcripts/rounds/hertfordshire-2009" in said
    # A folder that exists but holds no round.toml is still "not a round".
    (here / "empty").mkdir()
    assert cli.main(["round", "compare", "./empty", "./empty"]) == 2
    assert "empty is not a round (it has no round.toml)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "invitee", "said"),
    [
        (
            "interview",
            "h01",
            "error: h01 (Ann Archer) takes part by self-assessment, not by telephone "
            "interview; use: partnership-bot round assess h01 -r ",
        ),
        (
            "assess",
            "h21",
            "error: h21 (Ann Evans) takes part by telephone interview, not by "
            "self-assessment; use: partnership-bot round interview h21 -r ",
        ),
    ],
)
def test_the_wrong_command_for_how_an_invitee_takes_part_names_the_right_one(
    sample: Path, command: str, invitee: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in sample.iterdir())
    status = cli.main(["round", command, invitee, "--plain", "-r", str(sample)])
    err = capsys.readouterr().err
    assert status == exit_codes.USAGE, err
    assert err.startswith(said + sample.name) and "Traceback" not in err  # as found from here
    assert sorted(p.name for p in sample.iterdir()) == before  # nothing started or logged


def test_an_unknown_invitee_is_said_first_with_the_nearest_id_then_the_round_file(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["round", "call", "h300", "busy", "-r", str(sample), "--caller", "Sam"])
    err = capsys.readouterr().err
    assert status == exit_codes.USAGE
    assert err.startswith('error: No invitee "h300" in this round; did you mean "h30"? ('), err
    assert "round.toml" in err.split("did you mean")[1]
