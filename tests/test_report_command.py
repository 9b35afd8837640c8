"""`partnership-bot report`: clear errors and agreed exit statuses, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli, exit_codes, files
from tests.conftest import ROOT

EXAMPLES = ROOT / "transcripts" / "examples"
PTP = EXAMPLES / "ptp-success-criteria.toml"
FAREHAM = EXAMPLES / "fareham-working-better-together.toml"


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["report", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_an_unwritable_folder_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_open = files.os.open

    def refuse(path: Path, *args: int) -> int:
        if Path(path).parent.name == "ro":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args)

    monkeypatch.setattr(files.os, "open", refuse)
    (tmp_path / "ro").mkdir()
    status, _, err = report(capsys, str(PTP), "--format", "md", "-o", "ro/out.md")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: cannot write ro/out.md: Permission denied" in err
    assert list((tmp_path / "ro").iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_a_read_only_folder_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "ro").mkdir(mode=0o500)
    status, _, err = report(capsys, str(PTP), "--format", "md", "-o", "ro/out.md")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: cannot write ro/out.md: Permission denied" in err


def test_several_reports_into_one_file_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = report(capsys, str(PTP), str(FAREHAM), "-o", "/dev/null")
    assert status == exit_codes.USAGE
    assert "error: -o /dev/null is not a folder, but 2 transcripts make 2 reports" in err
    assert "add --aggregate for one report over them all" in err


@pytest.mark.parametrize("name", ["x.md", "out.HTML", "r.json", "r.csv"])
def test_several_reports_into_a_new_file_name_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    status, _, err = report(capsys, str(PTP), str(FAREHAM), "-o", name)
    assert status == exit_codes.USAGE
    assert f"error: -o {name} names a file, but 2 transcripts make 2 reports" in err
    assert "name a folder" in err and "--aggregate" in err
    assert not (tmp_path / name).exists()


def test_several_reports_go_into_a_new_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = report(capsys, str(PTP), str(FAREHAM), "-o", "out")
    assert status == exit_codes.OK
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "fareham-working-better-together.md",
        "ptp-success-criteria.md",
    ]
    assert "out/ptp-success-criteria.md" in out


def test_one_report_into_a_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    status, _, err = report(capsys, str(PTP), "-o", "out")
    assert status == exit_codes.USAGE
    assert "error: -o out is a folder: name the report's file, such as out/report.md" in err


def test_a_file_in_place_of_a_folder_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "taken").write_text("x")
    status, _, err = report(capsys, str(PTP), "-o", "taken/out.md")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: cannot write taken/out.md: taken is not a folder" in err


def test_exit_status_three_when_nothing_named_could_be_loaded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "broken.toml").write_text("schema = 1\n")
    status, out, err = report(capsys, "broken.toml")
    assert status == exit_codes.LOAD_ERROR
    assert "skipped: broken.toml: missing required key" in err and out == ""
    status, _, err = report(capsys, "broken.toml", "--aggregate")
    assert status == exit_codes.LOAD_ERROR
    assert "error: no transcripts to aggregate: 1 failed to load" in err
    status, _, _ = report(capsys, "broken.toml", str(PTP), "-o", "out")
    assert status == exit_codes.PROBLEMS
    assert (tmp_path / "out" / "ptp-success-criteria.md").exists()


def test_a_bad_date_is_a_command_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["report", str(EXAMPLES), "--aggregate", "--since", "2009-13-01"])
    assert stopped.value.code == exit_codes.USAGE
    assert "'2009-13-01' is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_reports_are_written_owner_only_and_whole(tmp_path: Path) -> None:
    target = tmp_path / "new" / "report.md"
    files.write_atomically(target, "text")
    assert target.read_text() == "text"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]


def test_resume_in_a_folder_it_cannot_write_names_that_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot import store

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    transcript = elsewhere / "t.toml"
    transcript.write_bytes(PTP.read_bytes())

    def read_only(path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(store, "_open_locked", read_only)
    status = cli.main(["resume", str(transcript), "--plain"])
    err = capsys.readouterr().err
    assert status == exit_codes.CANNOT_WRITE
    assert (
        "error: cannot write in elsewhere (Read-only file system), the folder of elsewhere/t.toml"
        in err
    )
    assert "cannot write transcripts in" not in err


def test_a_dash_writes_the_report_to_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _ = report(capsys, str(PTP), "--format", "md", "-o", "-")
    assert status == exit_codes.OK
    assert out.startswith("#")
    assert not (tmp_path / "-").exists()


def test_a_misspelt_framework_filter_is_named_with_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = report(
        capsys, str(EXAMPLES), "--aggregate", "--framework", "hertfordshire-reveiw"
    )
    # An id that names nothing is the command line's fault (status 2), said first.
    assert status == exit_codes.USAGE and out == ""
    assert err.startswith(
        'error: --framework "hertfordshire-reveiw" names no installed framework and no '
        'transcript\'s; did you mean "hertfordshire-review"?'
    )
    assert "left out by the filters" in err
    # A framework that is installed but matches nothing is not called a misspelling.
    status, _, err = report(
        capsys, str(EXAMPLES), "--aggregate", "--framework", "hallmarks", "--role", "Nobody"
    )
    assert status == exit_codes.PROBLEMS
    assert "installed framework" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(PTP), "--role", "Councillor"], "--role is for an aggregate over many transcripts"),
        (
            [str(PTP), str(FAREHAM), "--since", "2009-01-01", "--sector", "public"],
            "--sector, --since are",
        ),
    ],
)
def test_filters_without_aggregate_are_refused_not_ignored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    status, out, err = report(capsys, *args)
    assert status == exit_codes.USAGE and out == ""
    assert message in err and "add --aggregate, or leave" in err
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("aggregate", [[], ["--aggregate"]])
def test_filters_with_compare_are_refused_and_only_leaving_them_out_is_advised(
    capsys: pytest.CaptureFixture[str], aggregate: list[str]
) -> None:
    args = ["--compare", str(EXAMPLES), str(EXAMPLES), "--framework", "hallmarks", *aggregate]
    status, out, err = report(capsys, *args)
    assert status == exit_codes.USAGE and out == ""
    assert "--compare takes no filters: leave --framework out" in err
    assert "add --aggregate" not in err


@pytest.mark.parametrize("option", ["--framework", "--partnership", "--role", "--sector"])
def test_a_blank_filter_is_refused_naming_the_option(
    capsys: pytest.CaptureFixture[str], option: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["report", str(EXAMPLES), "--aggregate", option, "  "])
    assert stopped.value.code == exit_codes.USAGE
    err = capsys.readouterr().err
    assert option in err and "is blank" in err and "leave the option out" in err


FRAMEWORK = ("--framework", "hertfordshire")
"""An id no framework has, near one installed."""


def test_an_unknown_framework_on_an_aggregate_exits_2_from_the_command_line(
    tmp_path: Path,
) -> None:
    """As typed at a terminal: the exit status of the installed command's process."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "report", str(EXAMPLES), "--aggregate", *FRAMEWORK],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert done.stdout == ""
    assert 'did you mean "hertfordshire-review"?' in done.stderr
