"""A transcript a report refuses (an answer its framework does not give) is refused by
resume too, in plain mode and in the app, and replay shows it, saying the report's
words at the top, the same in plain mode and in the app."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.tui.app import PartnershipApp
from bot.tui.screens.dialogs import MessageScreen
from bot.tui.screens.replay import ReplayScreen

PROBLEM = "question 1.3 (h1_3), turn 8: value 'partlyy' is not an answer to the question"


def unreportable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A hallmarks self-assessment left at its fourth question, its third answer's value
    changed by hand to one the framework does not give (the change marked as made by
    hand, so the file's own check takes it)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("p a\np b\np c\n:quit\n"))
    assert cli.main(["assess", "--plain", "-f", "hallmarks", "--respondent", "X"]) == 0
    (path,) = (tmp_path / "transcripts").glob("*.toml")
    text = path.read_text(encoding="utf-8")
    parts = text.split('value = "partly"')
    assert len(parts) == 4
    text = 'value = "partly"'.join(parts[:3]) + 'value = "partlyy"' + parts[3]
    text = re.sub(r'check = "crc32:\w+"\n*$', 'check = "edited"\n', text)
    path.write_text(text, encoding="utf-8")
    return path


def test_report_and_plain_resume_refuse_it_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = unreportable(tmp_path, monkeypatch)
    capsys.readouterr()
    assert cli.main(["report", str(path)]) == exit_codes.LOAD_ERROR
    refused = capsys.readouterr().err
    assert PROBLEM in refused
    before = path.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\ny\n:quit\n"))
    assert cli.main(["resume", str(path), "--plain"]) == exit_codes.LOAD_ERROR
    out, err = capsys.readouterr()
    assert "Resuming" not in out
    line = f"{path.name}:99: {PROBLEM}"
    assert line in refused and line in err
    assert path.read_bytes() == before


def test_plain_replay_shows_it_with_the_reports_words_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = unreportable(tmp_path, monkeypatch)
    capsys.readouterr()
    assert cli.main(["replay", str(path), "--plain"]) == exit_codes.OK
    out = capsys.readouterr().out
    first, *rest = out.partition("\nTranscript ")[0].splitlines()
    assert first == "No report can be made of this transcript:"
    assert all(line.startswith("  ") and len(line) <= 80 for line in rest)  # wrapped, indented
    assert f"{path.name}:99: {PROBLEM}" in " ".join(" ".join(rest).split())
    assert "Transcript " in out and "partlyy" in out  # the turns are shown still


async def test_the_app_refuses_to_resume_it_and_replays_it_saying_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = unreportable(tmp_path, monkeypatch)
    before = path.read_bytes()
    app = PartnershipApp(Catalogue(), tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_transcript(path)
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert PROBLEM in app.screen.message
        app.pop_screen()
        app.open_replay(path)
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        notice = str(app.screen.query_one("#replay-notice", Static).render())
        assert notice.startswith("No report can be made of this transcript:")
        assert PROBLEM in notice
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen) and PROBLEM in app.screen.message
    assert path.read_bytes() == before
