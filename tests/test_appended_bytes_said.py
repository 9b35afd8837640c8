"""Bytes another program writes at the end of a transcript open in plain mode are moved
to a side file before the next save, and the user is told where; a resumed transcript's
interrupted save is said once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from bot import cli
from bot.catalogue import Catalogue
from tests.tui_helpers import begun, log_text, running, send

ADDED = b"\n# added by another program\n[[turns]]\nseq = 99\n"


class AppendingInput(io.StringIO):
    """Standard input that, before the second line is read, appends to the transcript."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.lines_read = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        """The next line; before the second, bytes appended to the transcript."""
        self.lines_read += 1
        if self.lines_read == 2:
            (path,) = Path("transcripts").glob("*.toml")
            with path.open("ab") as file:
                file.write(ADDED)
        return super().readline(size)


def test_bytes_appended_by_another_program_are_said(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", AppendingInput("3 - first\n2 - second\n:quit\n"))
    args = ["assess", "--plain", "-f", "working-better-together", "--respondent", "Ext"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    (path,) = Path("transcripts").glob("*.toml")
    side = path.with_name(path.name + ".torn")
    assert side.read_bytes() == ADDED
    said = re.sub(r"\s+", " ", out)
    assert (
        f"Note: {path}: {len(ADDED)} bytes written at its end by another program were moved "
        f"to {side} before saving"
    ) in said
    assert ADDED not in path.read_bytes()


def test_a_resumed_interrupted_save_is_said_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("3 - first\n:quit\n"))
    args = ["assess", "--plain", "-f", "working-better-together", "--respondent", "Ext"]
    assert cli.main(args) == 0
    (path,) = Path("transcripts").glob("*.toml")
    with path.open("ab") as file:
        file.write(b'\n[[turns]]\nseq = 9\nkind = "ans')  # a save cut off half way
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    cli.main(["resume", str(path), "--plain"])
    out, err = capsys.readouterr()
    assert (out + err).count("interrupted") == 1
    assert "interrupted" in err


async def test_the_app_says_so_too(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        with talk.path.open("ab") as file:
            file.write(ADDED)
        await send(pilot, "3 - first")
        text = re.sub(r"\s+", " ", log_text(app))
    side = talk.path.with_name(talk.path.name + ".torn")
    assert side.read_bytes() == ADDED
    assert f"{len(ADDED)} bytes written at its end by another program were moved to" in text
    assert side.name in text.replace(" ", "")
