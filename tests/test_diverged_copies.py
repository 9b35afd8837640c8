"""Two copies of one transcript (the same id: "a (conflicted copy).toml" from a sync client)
resumed separately go separate ways: an aggregate says so, naming both files and the first
turn where they differ and what of the one left out is in no figure, never calling it a
plain duplicate; resuming a file whose id another file beside it holds warns first."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes

COPY = "a (conflicted copy).toml"


def plain(monkeypatch: pytest.MonkeyPatch, typed: str, *command: str) -> int:
    """A plain-mode command with ``typed`` as its input; its exit status."""
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    return cli.main([*command, "--plain"])


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A transcript begun with one answer and copied beside itself: its folder."""
    start = ["assess", "-f", "working-better-together", "--respondent", "Ann"]
    assert plain(monkeypatch, "4 - strong SCS\n:quit\n", *start) == exit_codes.OK
    (begun,) = (tmp_path / "transcripts").glob("*.toml")
    folder = tmp_path / "agg"
    folder.mkdir()
    shutil.copy(begun, folder / "a.toml")
    shutil.copy(begun, folder / COPY)
    return folder


def aggregate(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    """``report agg --aggregate`` of the unfinished copies; its status and stderr."""
    capsys.readouterr()
    status = cli.main(["report", "agg", "--aggregate", "--include-unfinished", *options])
    return status, capsys.readouterr().err


def test_copies_resumed_apart_are_said_to_differ_from_their_first_different_turn(
    copies: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert plain(monkeypatch, "4 - copy only answer\n:quit\n", "resume", str(copies / COPY)) == 0
    typed = "1 - ORIGINAL fork answer\n2 - more from original\n:quit\n"
    assert plain(monkeypatch, typed, "resume", str(copies / "a.toml")) == 0
    status, err = aggregate(capsys, "-o", "agg.md")
    assert status == exit_codes.OK
    said = " ".join(err.split())
    assert (
        f"warning: agg/{COPY} and agg/a.toml hold the same transcript id but differ from turn 6 on"
        in said
    )
    assert "only agg/a.toml is counted" in said
    assert (
        f"agg/{COPY} is not, and the 1 answer or reply it holds from there is in no figure" in said
    )
    assert "is a duplicate of" not in said
    assert "differ from turn 6 on" in Path("agg.md").read_text(encoding="utf-8")
    cli.main(
        ["report", "agg", "--aggregate", "--include-unfinished", "--format", "json", "-o", "a.json"]
    )
    (duplicate,) = json.loads(Path("a.json").read_text(encoding="utf-8"))["duplicates"]
    assert (duplicate["file"], duplicate["same_as"], duplicate["differs_at"]) == (
        f"agg/{COPY}",
        "agg/a.toml",
        6,
    )


def test_a_copy_left_behind_is_still_a_duplicate(
    copies: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only one of the two went on: the other is that one as it was, counted once.
    assert plain(monkeypatch, "1 - went on\n:quit\n", "resume", str(copies / "a.toml")) == 0
    status, err = aggregate(capsys, "-o", "agg.md")
    assert status == exit_codes.OK
    assert f"note: agg/{COPY} is a duplicate of agg/a.toml (the same transcript id)" in err


def test_resuming_a_file_whose_id_another_beside_it_holds_warns_first(
    copies: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert plain(monkeypatch, ":quit\n", "resume", str(copies / COPY)) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "Note: agg/a.toml holds this transcript too (the same id" in shown
    assert shown.index("Note: agg/a.toml") < shown.index("Resuming where you left off")
