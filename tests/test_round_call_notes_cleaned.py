"""A call's note (`round call --note`, the round screen's call-back note) is kept as an
invitee's name is (`bot.text.clean_line`): no escape sequence, control character or line
break reaches calls.jsonl or the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.rounds.calls import NOTE_LIMIT
from bot.text import clean_line
from bot.tui.screens.call_outcome import OutcomeScreen
from tests.round_helpers import log_of, new_round, open_round, sample_round, until

TYPED = "in a\x1b[31m meeting\x1b[0m\nring\x07 back\r\nafter 3\x00"
KEPT = "in a meeting ring back after 3"


def test_the_rule_is_the_names_rule() -> None:
    assert clean_line(TYPED) == KEPT


def test_round_call_keeps_a_note_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = new_round(tmp_path, "Ann,telephone\n")
    status = cli.main(
        ["round", "call", "i001", "call-back", "--at", "+2h", "--note", TYPED, "--caller", "Sam"]
    )
    assert status == exit_codes.OK, capsys.readouterr().err
    [entry] = log_of(folder)
    assert entry["note"] == KEPT
    raw = (folder / "calls.jsonl").read_text(encoding="utf-8")
    assert "\\u001b" not in raw and "\\n" not in raw and "\\u0007" not in raw
    capsys.readouterr()
    assert cli.main(["round", "next"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert json.loads(raw.splitlines()[0])["note"] == KEPT


def test_a_note_is_measured_as_it_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = new_round(tmp_path, "Ann,telephone\n")
    padded = "x" * NOTE_LIMIT + "\x1b[31m" * 10
    status = cli.main(["round", "call", "i001", "busy", "--note", padded, "--caller", "Sam"])
    assert status == exit_codes.OK, capsys.readouterr().err
    assert log_of(folder)[-1]["note"] == "x" * NOTE_LIMIT


async def test_the_round_screens_call_back_note_is_kept_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        await until(pilot, lambda: bool(app.screen.query("#call-note")))
        app.screen.query_one("#call-note", Input).value = TYPED  # pasted
        app.screen.query_one("#when", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen)
    entry = log_of(sample.folder)[-1]
    assert (entry["invitee"], entry["outcome"], entry["note"]) == ("h38", "call_back", KEPT)
