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


@pytest.mark.parametrize(
    "command",
    [
        ("round", "report", "-r", "{old}"),
        ("round", "plan", "-r", "{old}", "--no-compile"),
        ("round", "compare", "{old}", "{new}"),
        ("report", str(PTP)),
        ("report", str(PTP), "--aggregate"),
        ("report", "--compare", "{old}", "{new}"),
    ],
)
def test_o_into_a_missing_folder_is_refused_and_makes_none(
    capsys: pytest.CaptureFixture[str], rounds: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # A mistyped folder would otherwise be made, and the report go where nobody looks.
    names = {"old": str(rounds / "hertfordshire-2009"), "new": str(rounds / "hertfordshire-2010")}
    args = [part.format(**names) for part in command]
    status, out, err = run(capsys, *args, "-o", "nonexistent/deeper/r.md")
    assert status == exit_codes.CANNOT_WRITE, args
    assert (
        "error: there is no folder nonexistent/deeper to write r.md in; "
        "create it first, or give another -o" in err
    ), args
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "nonexistent").exists(), args


def test_several_reports_need_the_folder_around_the_one_o_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fareham = PTP.with_name("fareham-working-better-together.toml")
    status, _, err = run(capsys, "report", str(PTP), str(fareham), "-o", "typo/papers")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: there is no folder typo to write papers in" in err
    assert not (tmp_path / "typo").exists()
    status, out, _ = run(capsys, "report", str(PTP), str(fareham), "-o", "papers")
    assert status == exit_codes.OK and "papers/ptp-success-criteria.md" in out


def test_schema_needs_the_folder_around_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "schema", "-o", "typo/schemas")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: there is no folder typo to write schemas in" in err
    assert not (tmp_path / "typo").exists()
    status, _, err = run(capsys, "schema", "-o", "-")
    assert status == exit_codes.USAGE and "name a folder for them" in err
    assert not (tmp_path / "-").exists()
    assert run(capsys, "schema")[0] == exit_codes.OK  # its own default folder is made
    assert (tmp_path / "schemas" / "plan.schema.json").exists()


def test_the_program_still_makes_the_folders_it_owns(tmp_path: Path) -> None:
    from bot import files

    target = tmp_path / "owned" / "deeper" / "file.toml"
    files.write_atomically(target, "x")
    assert target.read_text() == "x"
    with pytest.raises(files.NoFolder) as missing:
        files.write_atomically(tmp_path / "typo" / "r.md", "x", make_folder=False)
    assert missing.value.folder == tmp_path / "typo" and not (tmp_path / "typo").exists()
