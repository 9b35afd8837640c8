"""`-o` on every command that writes a report, a comparison or a plan: one reading of
its value, so "-" is standard output everywhere; and where a command cannot write what
it makes (several reports to standard output, or one file into a folder), every command
refuses alike, with exit status 2, before it reads, compiles or writes anything."""

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
