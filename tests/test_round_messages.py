"""The round screen's messages: the "Next call" message says the note the last caller
left, as text, and goes once the call starts; a finished invitee's replay says why it
opened in a line of its own, not in a message over the replay."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
from tests.round_helpers import NOW, open_round, sample_round, until
from tests.tui_helpers import notifications, screen_lines

SIZE = (80, 24)
HOSTILE = "Ring after [b]the Board[/b]\x1b[2J\nnot before 3pm"
"""A note with markup, a terminal control sequence and a line break in it."""


def drawn(app) -> str:  # type: ignore[no-untyped-def]
    """The screen as drawn, its lines run together (a message's words wrap)."""
    return " ".join(line.strip(" ▌") for line in screen_lines(app))


async def test_next_call_says_the_last_callers_note_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    # The earliest appointment of all, so that h38 is the next call.
    booked = CallEntry(
        at=NOW - timedelta(days=40),
        invitee="h38",
        caller="Ruth Lane",
        outcome="call_back",
        appointment=NOW - timedelta(days=39),
        note=HOSTILE,
    )
    calls.append(sample.folder, [booked])
    app = sample.app(catalogue)
    # Messages drawn, as at a terminal: what the officer reads, not only what was sent.
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_round(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        (message,) = notifications(app)
        assert message.startswith("Ring Harry Hughes:")
        assert 'Note: "Ring after [b]the Board[/b]\\x1b[2J not before 3pm".' in message
        # Drawn as the words written, never read as markup.
        await until(pilot, lambda: "Free" not in message and "[b]the" in drawn(app))
        assert screen.selected().invitee.id == "h38"  # type: ignore[union-attr]


async def test_the_next_call_message_goes_when_the_call_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert notifications(app)[0].startswith("Ring ")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.pause()
        assert notifications(app) == []  # not over the script being read


async def test_a_finished_invitee_replay_says_so_under_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, "h21")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ReplayScreen))
        await pilot.pause()
        assert notifications(app) == []  # nothing over the replay's status and keys
        notice = str(app.screen.query_one("#replay-notice", Static).render())
        assert notice.startswith("Ann Evans has finished: here are their answers.")
        assert "partnership-bot round interview h21 --again" in notice
        rows = screen_lines(app)
        assert rows[-2].lstrip().startswith("Turn 1 of")  # the status line in view
