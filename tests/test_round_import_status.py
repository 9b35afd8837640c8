"""A CSV given to `round import` that is missing or has a bad row is the input's fault:
exit status 2, as the README's table says, each problem with its line and nothing
imported; a round's own file that cannot be loaded stays status 3."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import exit_codes
from tests.conftest import ROOT


def command(tmp_path: Path, *words: str) -> subprocess.CompletedProcess[str]:
    """``partnership-bot WORDS`` in ``tmp_path``, as typed in a shell."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *words],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ("name,mode\nAnn,fax\n", 'in.csv:2: mode: "fax" is not a way of taking part'),
        (None, "in.csv: no such CSV file"),
        ("id,name\nx1,Ann\nx1,Bob\n", "in.csv:3: id: "),
    ],
)
def test_a_bad_csv_is_status_2_and_imports_nothing(
    tmp_path: Path, rows: str | None, said: str
) -> None:
    assert (
        command(
            tmp_path, "round", "new", "r", "--title", "R", "-f", "hertfordshire-review"
        ).returncode
        == 0
    )
    if rows is not None:
        (tmp_path / "in.csv").write_text(rows, encoding="utf-8")
    round_file = tmp_path / "transcripts" / "rounds" / "r" / "round.toml"
    before = round_file.read_bytes()
    done = command(tmp_path, "round", "import", "in.csv")
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert done.stderr.startswith(f"error: {said}"), done.stderr
    assert round_file.read_bytes() == before


def test_a_round_file_that_cannot_be_loaded_stays_status_3(tmp_path: Path) -> None:
    assert (
        command(
            tmp_path, "round", "new", "r", "--title", "R", "-f", "hertfordshire-review"
        ).returncode
        == 0
    )
    (tmp_path / "transcripts" / "rounds" / "r" / "round.toml").write_text("x\n")
    (tmp_path / "in.csv").write_text("name\nAnn\n", encoding="utf-8")
    done = command(tmp_path, "round", "import", "in.csv")
    assert done.returncode == exit_codes.LOAD_ERROR, done.stderr
    assert "round.toml:1: is not valid TOML" in done.stderr
