"""`-o` on every command that writes a report, a comparison or a plan: one reading of
its value, so "-" is standard output everywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"
PTP = ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"


@pytest.fixture
def rounds(tmp_path: Path) -> Path:
    """Copies of the sample rounds, so that nothing writes into the repository."""
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, tmp_path / "rounds" / name)
    return tmp_path / "rounds"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("command", "starts"),
    [
        (("round", "report", "-r", "{old}"), "#"),
        (("round", "plan", "-r", "{old}", "--no-compile"), "#"),
        (("round", "compare", "{old}", "{new}"), "#"),
        (("report", str(PTP)), "#"),
        (("report", "--compare", "{old}", "{new}"), "#"),
    ],
)
def test_a_dash_after_o_is_standard_output_on_every_command(
    capsys: pytest.CaptureFixture[str],
    rounds: Path,
    tmp_path: Path,
    command: tuple[str, ...],
    starts: str,
) -> None:
    names = {"old": str(rounds / "hertfordshire-2009"), "new": str(rounds / "hertfordshire-2010")}
    args = [part.format(**names) for part in command]
    status, out, _ = run(capsys, *args, "-o", "-")
    assert status in (exit_codes.OK, exit_codes.PROBLEMS), args
    assert out.lstrip().startswith(starts), args
    assert not (tmp_path / "-").exists(), args


def test_help_says_what_a_dash_means_wherever_o_is(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (("report",), ("round", "report"), ("round", "plan"), ("round", "compare")):
        with pytest.raises(SystemExit):
            cli.main([*command, "--help"])
        assert "- for stdout" in capsys.readouterr().out, command
