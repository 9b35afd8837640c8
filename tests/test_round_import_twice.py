"""Importing invitees whose rows name one person twice: the error says which file, which
lines, which column and value make them one, and what to do; nothing is imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli, exit_codes


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A new round in the tests' transcripts folder: its folder."""
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "hertfordshire-review"]) == 0
    capsys.readouterr()
    return tmp_path / "transcripts" / "rounds" / "r"


@pytest.mark.parametrize(
    ("rows", "column", "value", "remedy"),
    [
        (
            "name,organisation,contact\nAnn,Police,01234 567890\nDr Ann,Fire,01234-567890\n",
            "contact",
            '"01234-567890"',
            "give this row their own contact, or leave its contact empty",
        ),
        (
            "name,organisation,contact\nAnn,Police,ann@x.org\nAnn,PCT,ann@x.org\n",
            "contact",
            '"ann@x.org"',
            "give this row their own contact, or leave its contact empty",
        ),
        (
            "name,organisation\nAnn,Police\nann,police\n",
            "name, organisation",
            '"ann" with the organisation "police"',
            "tell the two apart by their organisation",
        ),
        (
            "id,name\nx1,Ann\nx1,Bob\n",
            "id",
            '"x1"',
            "give this row another id, or leave its id empty",
        ),
    ],
)
def test_a_person_named_twice_is_said_with_file_lines_column_and_remedy(
    made: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rows: str,
    column: str,
    value: str,
    remedy: str,
) -> None:
    (tmp_path / "in.csv").write_text(rows, encoding="utf-8")
    before = (made / "round.toml").read_bytes()
    status = cli.main(["round", "import", "in.csv"])
    err = capsys.readouterr().err
    assert status == exit_codes.USAGE  # the input named is at fault
    [line] = err.splitlines()
    assert line.startswith(f"error: in.csv:3: {column}: "), line
    assert value in line and "on line 2 too" in line, line
    assert "If lines 2 and 3 are the same person, delete one of them" in line, line
    assert line.endswith(remedy), line
    assert (made / "round.toml").read_bytes() == before
