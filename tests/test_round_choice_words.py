"""A round command with several rounds and no `-r` is a usage error naming them, with the
command as it would run; and every round command the report and comparison commands
suggest is spelt by the one rule (bot/rounds/commands.py), so it runs as printed."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds.commands import round_command
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """The tests' transcripts folder holding the two sample rounds: its rounds/ folder."""
    rounds = tmp_path / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, rounds / name)
    return rounds


def said(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize(
    "words",
    [
        ("status",),
        ("chase",),
        ("report",),
        ("call", "h32", "no-answer", "--caller", "Sam"),
        ("assess", "h17", "--plain"),
    ],
)
def test_several_rounds_and_no_choice_is_a_usage_error_naming_them(
    two: Path, capsys: pytest.CaptureFixture[str], words: tuple[str, ...]
) -> None:
    status, out, err = said(capsys, "round", *words)
    assert status == exit_codes.USAGE, err
    assert not out
    assert "hertfordshire-2009" in err and "hertfordshire-2010" in err
    # The example runs as printed: the same command with -r.
    example = re.search(r"such as: partnership-bot (round .*)$", err.strip())
    assert example, err
    typed = shlex.split(example.group(1))
    assert typed[:2] == ["round", words[0]] and typed[-2:] == ["-r", "hertfordshire-2009"]
    for word in words[1:3]:
        if not word.startswith("-"):
            assert word in typed


def test_no_round_at_all_is_still_said_with_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = said(capsys, "round", "status")
    assert status == exit_codes.LOAD_ERROR
    assert "round new NAME" in err


def test_the_comparison_names_the_later_round_as_round_commands_do(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = two / "hertfordshire-2010"
    (later / "plan.toml").unlink()
    status, _, err = said(capsys, "round", "compare", "hertfordshire-2009", "hertfordshire-2010")
    assert status == exit_codes.OK, err
    assert f"`{round_command('plan', folder=later)}`" in err
    assert "`partnership-bot round plan -r hertfordshire-2010`" in err


def test_a_report_of_a_round_folder_suggests_the_round_report_as_it_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rounds = tmp_path / "transcripts" / "rounds"
    shutil.copytree(ROUNDS / "hertfordshire-2009", rounds / "herts")
    for name in (p.name for p in (rounds / "herts").glob("*.toml")):
        if name != "round.toml":
            (rounds / "herts" / name).unlink()
    status, _, err = said(capsys, "report", "transcripts/rounds/herts/round.toml")
    assert status == exit_codes.LOAD_ERROR, err
    # The only round there: found without -r, as the one rule says.
    assert "(a round's own report: partnership-bot round report)" in err, err
