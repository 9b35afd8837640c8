"""A transcript whose last save was cut off half way: report, replay and resume say so."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from bot import cli
from tests.conftest import ROOT

FAREHAM = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
NOTE = re.compile(
    r"its last save was interrupted; the unfinished part \(\d+ bytes\) was "
    r"(left out|cut from the transcript and kept in t/torn\.toml\.torn)"
)
"""The note (how many bytes are cut depends on the sample, which is regenerated)."""


@pytest.fixture
def torn(tmp_path: Path) -> Path:
    """The sample cut off inside a turn."""
    path = tmp_path / "t" / "torn.toml"
    path.parent.mkdir()
    path.write_bytes(FAREHAM.read_bytes()[:12000])
    return path


@pytest.mark.parametrize(
    "command",
    [["report"], ["replay", "--plain"], ["resume", "--plain"]],
    ids=["report", "replay", "resume"],
)
def test_a_torn_tail_is_said_in_one_line_on_stderr(
    command: list[str],
    torn: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    cli.main([*command, str(torn)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if NOTE.search(line)]
    assert len(lines) == 1 and NOTE.fullmatch(lines[0].removeprefix("note: t/torn.toml: "))


def test_a_whole_transcript_has_no_such_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FAREHAM, tmp_path / "whole.toml")
    cli.main(["report", "whole.toml"])
    assert "interrupted" not in capsys.readouterr().err


def test_an_aggregate_says_which_transcript_had_a_torn_tail(
    torn: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FAREHAM, torn.parent / "whole.toml")
    cli.main(["report", "t", "--aggregate", "--include-unfinished", "-o", "agg.md"])
    lines = [line for line in capsys.readouterr().err.splitlines() if NOTE.search(line)]
    assert len(lines) == 1 and NOTE.fullmatch(lines[0].removeprefix("note: t/torn.toml: "))
