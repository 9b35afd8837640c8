"""`-o` where a command cannot write what it makes: several reports to standard output,
or one file into a folder. Every command refuses alike, with exit status 2, before it
reads, compiles or writes anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"
EXAMPLES = ROOT / "transcripts" / "examples"
PTP = EXAMPLES / "ptp-success-criteria.toml"
FAREHAM = EXAMPLES / "fareham-working-better-together.toml"


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


def test_several_reports_to_standard_output_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "report", str(PTP), str(FAREHAM), "-o", "-")
    assert status == exit_codes.USAGE
    assert out == ""
    assert "-o - is standard output, but 2 transcripts make 2 reports" in err
    assert "cannot go to one stream" in err and "--aggregate" in err
    assert not (tmp_path / "reports").exists()  # never written where nobody asked
    # Without -o they still go to ./reports/, and one report still goes to stdout.
    assert run(capsys, "report", str(PTP), str(FAREHAM))[0] == exit_codes.OK
    assert (tmp_path / "reports" / "ptp-success-criteria.md").exists()
    status, out, _ = run(capsys, "report", str(PTP), "-o", "-")
    assert status == exit_codes.OK and out.startswith("#")


@pytest.mark.parametrize(
    ("command", "example"),
    [
        (("round", "report", "-r", "{old}"), "round-report.md"),
        (("round", "plan", "-r", "{old}"), "plan.md"),
        (("round", "plan", "-r", "{old}", "--no-compile"), "plan.md"),
        (("round", "compare", "{old}", "{new}"), "comparison.md"),
        (("report", "--compare", "{old}", "{new}"), "comparison.md"),
        (("report", str(PTP)), "report.md"),
    ],
)
def test_one_file_into_a_folder_is_refused_alike(
    capsys: pytest.CaptureFixture[str], rounds: Path, tmp_path: Path, command, example
) -> None:  # type: ignore[no-untyped-def]
    names = {"old": str(rounds / "hertfordshire-2009"), "new": str(rounds / "hertfordshire-2010")}
    args = [part.format(**names) for part in command]
    folder = tmp_path / "papers"
    folder.mkdir()
    plan = rounds / "hertfordshire-2009" / "plan.toml"
    before = plan.read_bytes()
    status, out, err = run(capsys, *args, "-o", "papers")  # the tests run in tmp_path
    assert status == exit_codes.USAGE, (args, err)
    assert f"error: -o papers is a folder: name the report's file, such as papers/{example}" in (
        err
    ), args
    assert out == "" and "Traceback" not in err
    assert list(folder.iterdir()) == []
    assert plan.read_bytes() == before, args  # nothing compiled or changed first
