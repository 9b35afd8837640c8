"""`round chase` fits the terminal's width as `round status` does (one rule,
`bot.rounds.status_rows.fitted`): no line wider than the terminal, so nothing wraps, and
at 80 columns every name whole, the organisation moved under the row rather than cut."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
TO_REMIND = ["h14", "h15", "h17", "h18", "h19", "h20"]
"""The sample round's self-assessors not started or unfinished."""
LONG_CALLER = "Samantha Okafor-Richardson"


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round, two of its self-assessors reminded by a long name."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    assert cli.main(["round", "chase", "--sent", "h14,h17", "--caller", LONG_CALLER]) == 0
    return folder


@pytest.fixture
def long_names(tmp_path: Path) -> Path:
    """A round whose self-assessors have long names and organisations."""
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "hertfordshire-review"]) == 0
    (tmp_path / "in.csv").write_text(
        "name,organisation,contact\n"
        "Councillor Philippa Montgomery-Smythe,Hertfordshire Association of Parish and "
        "Town Councils,philippa.montgomery-smythe@example.org\n"
        "Ann Li,Dacorum Borough Council,01442 000001\n"
    )
    assert cli.main(["round", "import", "in.csv"]) == 0
    return tmp_path / "transcripts" / "rounds" / "r"


def chase(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """``round chase``'s lines."""
    capsys.readouterr()
    assert cli.main(["round", "chase"]) == exit_codes.OK
    return capsys.readouterr().out.splitlines()


def rows(lines: list[str]) -> dict[str, str]:
    """Each listed invitee's row, by id."""
    return {found.group(1): line for line in lines if (found := re.match(r"^  ([hi]\d+) ", line))}


@pytest.mark.parametrize("width", [60, 80, 100, 132])
def test_no_line_is_wider_than_the_terminal(
    herts: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    width: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = chase(capsys)
    assert all(len(line) <= width for line in lines), [x for x in lines if len(x) > width]
    listed = rows(lines)
    assert list(listed) == TO_REMIND
    names = {"h14": "David Hughes", "h15": "Eleanor Chaudhry", "h17": "Grace Archer"}
    for invitee, name in names.items():
        assert f" {name} " in listed[invitee], listed[invitee]
    assert "in progress" in listed["h14"] and "not started" in listed["h17"]
    assert sum(" contact: " in line for line in lines) == len(TO_REMIND)


def test_at_80_columns_the_chasing_is_said_and_every_organisation_whole(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = chase(capsys)
    listed = rows(lines)
    assert "chased" in listed["h14"] and "not chased" in listed["h15"]
    text = "\n".join(lines)
    for organisation in ("Hertfordshire Chamber of Commerce", "Dacorum Borough Council"):
        assert organisation in text
    assert "…" not in text


def test_the_last_answer_is_said_before_who_chased_them(
    herts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    listed = rows(chase(capsys))
    # Too long a name of who chased them for 100 columns: it gives way first.
    assert "last answer 12 Nov" in listed["h14"] and "chased 2 Dec" in listed["h14"]
    assert LONG_CALLER not in listed["h14"] and "not chased" in listed["h15"]
    monkeypatch.setenv("COLUMNS", "132")
    lines = chase(capsys)
    listed = rows(lines)
    assert "last answer 12 Nov 15:07" in listed["h14"] and "not chased yet" in listed["h15"]
    assert f"by {LONG_CALLER}" in listed["h17"]
    assert "…" not in "\n".join(lines)


def test_long_names_stay_whole_at_80_columns(
    long_names: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = chase(capsys)
    assert all(len(line) <= 80 for line in lines), [x for x in lines if len(x) > 80]
    listed = rows(lines)
    assert "Councillor Philippa Montgomery-Smythe" in listed["i001"]
    assert "Ann Li" in listed["i002"]
    text = "\n".join(lines)
    assert "Hertfordshire Association of Parish and Town Councils" in text
    assert "philippa.montgomery-smythe@example.org" in text
    # The command to record reminders is on a line of its own, whole.
    assert "  partnership-bot round chase --sent" in lines
