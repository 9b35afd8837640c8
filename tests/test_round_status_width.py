"""`round status` fits the terminal's width ($COLUMNS, or 100 columns when standard
output is not a terminal): every invitee on one line, the id and state always in full,
less needed columns shortened or left out first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds.labels import STATE_LABELS
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round (40 invitees, with appointments and calls)."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def status(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """``round status``'s lines."""
    assert cli.main(["round", "status"]) == exit_codes.OK
    return capsys.readouterr().out.splitlines()


def invitee_lines(lines: list[str]) -> list[str]:
    """The lines under "Invitees (N)", up to the blank line after them."""
    start = next(n for n, line in enumerate(lines) if line.startswith("Invitees ("))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        rows.append(line)
    return rows


@pytest.mark.parametrize("width", [48, 60, 80, 100, 132])
def test_every_line_fits_and_every_invitee_is_one_line(
    herts: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    width: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = status(capsys)
    assert all(len(line) <= width for line in lines), [x for x in lines if len(x) > width]
    rows = invitee_lines(lines)
    ids = [f"h{n:02d}" for n in range(1, 41)]
    assert [row.split()[0] for row in rows] == ids
    for row in rows:
        # The state is always there, whole (an appointment as its time when short of room).
        assert any(label in row for label in STATE_LABELS.values()) or " due " in row, row


def test_at_80_columns_the_name_state_and_calls_are_kept(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    rows = invitee_lines(status(capsys))
    [bob] = [row for row in rows if row.split()[0] == "h32"]
    assert "Bob Fraser" in bob and "due 13 Nov" in bob and "calls 2" in bob, bob
    [counts] = [line for line in status(capsys) if line.startswith("  not started ")]
    assert len(counts) <= 80


def test_not_a_terminal_is_written_at_100_columns(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    lines = status(capsys)
    assert max(len(line) for line in lines) <= 100
    rows = invitee_lines(lines)
    # With room to spare, the role is there as well.
    assert any("Police" in row for row in rows)
