"""An anonymised output never names a respondent through the file name of a transcript
that failed to load: `round compare --anonymise` and `report --aggregate --anonymise`
show the respondent's part of the file name as "[name]" (`anonymised_file`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.report.redact import anonymised_file
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


def damaged_as_zed(folder: Path) -> None:
    """h23's transcript renamed to a respondent no other file names, broken in a turn."""
    path = folder / "h23-zed-quarshie.toml"
    old = next(folder.glob("h23-*.toml"))
    text = old.read_text(encoding="utf-8")
    old.unlink()
    path.write_text(text.replace('speaker = "respondent"', 'speaker = "respondent', 1))


@pytest.fixture
def both(tmp_path: Path) -> Path:
    """Copies of the two sample rounds in the tests' transcripts folder; the later one
    with a damaged transcript named for Zed Quarshie: the rounds' folder."""
    base = tmp_path / "transcripts" / "rounds"
    shutil.copytree(ROUNDS / "hertfordshire-2009", base / "r2009")
    shutil.copytree(ROUNDS / "hertfordshire-2010", base / "r2010")
    damaged_as_zed(base / "r2010")
    return base


def test_an_anonymised_comparison_names_no_one_by_a_failed_file(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["round", "compare", "r2009", "r2010", "--anonymise"])
    out = capsys.readouterr().out
    assert "h23-" in out  # listed as left out
    assert "zed" not in out.casefold() and "quarshie" not in out.casefold()


def test_an_anonymised_aggregate_of_a_folder_names_no_one_by_a_failed_file(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["report", str(both / "r2010"), "--aggregate", "--anonymise", "--format", "md"])
    out = capsys.readouterr().out
    assert "h23-" in out
    assert "zed" not in out.casefold() and "quarshie" not in out.casefold()


def test_the_respondents_part_of_a_file_name_is_taken_out() -> None:
    def kept(text: str) -> str:
        return text

    made = "transcripts/20091112-094949-mini-zed-quarshie-d5674f92.toml"
    assert anonymised_file(made, kept, ["mini"]) == (
        "transcripts/20091112-094949-mini-[name]-d5674f92.toml"
    )
    assert anonymised_file(made, kept) == "transcripts/20091112-094949-[name]-d5674f92.toml"
    assert anonymised_file("r/h23-zed-quarshie.toml", kept) == "r/h23-[name].toml"
    assert anonymised_file("zed.toml", kept) == "[name].toml"


def test_an_anonymised_aggregate_names_no_one_on_stderr_either(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The notes said beside the report (a damaged file skipped, a copy counted once)
    name files as the report does: a console pasted into an email leaks no name."""
    folder = both / "r2010"
    shutil.copy(folder / "h02-bob-doyle.toml", folder / "Bob Doyle backup.toml")
    cli.main(["report", str(folder), "--aggregate", "--anonymise", "--format", "md"])
    captured = capsys.readouterr()
    assert "h23-[name].toml" in captured.err  # skipped, named as the report names it
    assert "[name] backup.toml is a duplicate of" in captured.err
    assert "h02-[name].toml" in captured.err
    for said in (captured.out, captured.err):
        folded = said.casefold()
        assert "zed" not in folded and "quarshie" not in folded
        assert "bob" not in folded and "doyle" not in folded


def test_an_aggregate_not_anonymised_names_the_files_on_stderr(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = both / "r2010"
    shutil.copy(folder / "h02-bob-doyle.toml", folder / "Bob Doyle backup.toml")
    cli.main(["report", str(folder), "--aggregate", "--format", "md"])
    err = capsys.readouterr().err
    assert "h23-zed-quarshie.toml" in err
    assert "Bob Doyle backup.toml is a duplicate of" in err


def test_an_anonymised_comparison_names_no_one_on_stderr_either(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["round", "compare", "r2009", "r2010", "--anonymise"])
    err = capsys.readouterr().err
    assert "h23-[name].toml" in err
    assert "zed" not in err.casefold() and "quarshie" not in err.casefold()
