"""The round screen at 80x24: its header on lines of their own, never wrapped mid-line,
and an appointment's time and whether it is due whole in the State column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import DataTable

from bot.catalogue import Catalogue
from tests.round_helpers import open_round, sample_round
from tests.tui_helpers import region_lines, screen_lines

SIZE = (80, 24)


async def test_a_due_appointment_and_the_header_fit_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h32")
        await pilot.pause()
        rows = region_lines(app, "#invitees")
        h32 = next(row for row in rows if row.lstrip().startswith("h32"))
        # Due, and when, whole: the appointment's time came on 13/11 (the screen's clock
        # says 1/12).
        assert re.search(r"due 13/11 \d\d:\d\d ", h32), h32
        labels = [str(c.label) for c in screen.query_one(DataTable).columns.values()]
        # Every column a caller needs in view, the name whole; the role gives way first.
        assert labels[-1] == "Last call" and "Role" not in labels
        assert "Bob Fraser" in h32
        title = region_lines(app, "#round-title")
        glance = region_lines(app, "#round-glance")
        assert len(title) == 1 and title[0].startswith("Caller: Sam  ·  Hertfordshire")
        assert glance[0].startswith("[") and "22 of 40 invited (55%)" in glance[0]
        # Every state's count, whole: seven states take a second line at 80 columns.
        counts = " ".join(line.strip() for line in glance[1:])
        assert counts.startswith("not started") and counts.endswith("unreachable 2")
        assert "abandoned 1" in counts and "…" not in counts
        assert all(len(row) <= 80 for row in screen_lines(app))


def test_an_appointment_comes_first_in_the_state_and_says_when_it_is_due() -> None:
    from datetime import UTC, datetime, timedelta

    from bot.rounds.model import Invitee
    from bot.rounds.state import InviteeState
    from bot.tui.screens.round import state_text

    now = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)
    later = InviteeState(
        invitee=Invitee(id="p01", name="Ann"),
        state="in_progress",
        appointment=now + timedelta(days=1),
    )
    assert re.fullmatch(r"appt \d\d/\d\d \d\d:\d\d, in progress", state_text(later, now))
    due = InviteeState(invitee=Invitee(id="p01", name="Ann"), state="appointment", appointment=now)
    assert re.fullmatch(r"due \d\d/\d\d \d\d:\d\d", state_text(due, now))


async def test_names_stay_whole_at_80_columns_once_appointments_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    """Appointments widen the State column; the name keeps a useful width (every name of
    the sample whole) and the role, what a caller needs least, gives way first."""
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await pilot.pause()
        assert any(s.appointment is not None for s in screen.rows)
        widths = {str(c.label): c.width for c in screen.query_one(DataTable).columns.values()}
        assert widths["Name"] >= 14 and "Role" not in widths
        for row in region_lines(app, "#invitees")[1:]:
            found = next(s for s in screen.rows if row.lstrip().startswith(s.invitee.id + " "))
            assert found.invitee.name in row, row
    async with sample.app(catalogue).run_test(size=(120, 30)) as pilot:
        screen = await open_round(pilot.app, pilot)
        await pilot.pause()
        labels = [str(c.label) for c in screen.query_one(DataTable).columns.values()]
        assert labels[-1] == "Role"  # room enough: every column
