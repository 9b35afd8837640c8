"""Times typed for a call-back: read in local time with the offset of their own date."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.rounds.when import parse_when


@pytest.fixture
def london(monkeypatch: pytest.MonkeyPatch):
    """Local time is Europe/London (GMT in winter, BST in summer) for the test."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_summer_call_back_typed_in_winter_uses_summer_offset(london) -> None:
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC).astimezone()  # GMT, +00:00
    moment = parse_when("2027-07-10 14:00", now)
    assert moment.utcoffset() == timedelta(hours=1)
    assert moment.astimezone(UTC) == datetime(2027, 7, 10, 13, 0, tzinfo=UTC)


def test_winter_call_back_typed_in_summer_uses_winter_offset(london) -> None:
    now = datetime(2027, 7, 1, 10, 0, tzinfo=UTC).astimezone()  # BST, +01:00
    moment = parse_when("2027-12-10 14:00", now)
    assert moment.astimezone(UTC) == datetime(2027, 12, 10, 14, 0, tzinfo=UTC)


def test_tomorrow_across_the_clock_change_uses_tomorrows_offset(london) -> None:
    # Summer time ends on 2026-10-25 at 02:00 BST.
    now = datetime(2026, 10, 24, 12, 0, tzinfo=UTC).astimezone()  # BST
    moment = parse_when("tomorrow 10:00", now)
    assert moment.astimezone(UTC) == datetime(2026, 10, 25, 10, 0, tzinfo=UTC)


def test_typed_offset_is_kept(london) -> None:
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC).astimezone()
    moment = parse_when("2027-07-10T14:00+02:00", now)
    assert moment.astimezone(UTC) == datetime(2027, 7, 10, 12, 0, tzinfo=UTC)


def test_relative_and_bad_input(london) -> None:
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC).astimezone()
    assert parse_when("+2h", now) == now + timedelta(hours=2)
    with pytest.raises(ValueError, match="is not a time"):
        parse_when("soonish", now)


@pytest.mark.parametrize(
    ("now_utc", "typed", "due_utc"),
    [
        # Summer time begins on 2027-03-28 at 01:00 GMT: a day later is 23 hours later.
        (datetime(2027, 3, 27, 10, 0, tzinfo=UTC), "+1d", datetime(2027, 3, 28, 9, 0, tzinfo=UTC)),
        # Summer time ends on 2026-10-25 at 01:00 GMT: a day later is 25 hours later.
        (
            datetime(2026, 10, 24, 13, 0, tzinfo=UTC),
            "+1d",
            datetime(2026, 10, 25, 14, 0, tzinfo=UTC),
        ),
        (
            datetime(2026, 10, 20, 13, 0, tzinfo=UTC),
            "+7 days",
            datetime(2026, 10, 27, 14, 0, tzinfo=UTC),
        ),
    ],
)
def test_days_keep_the_wall_clock_across_a_clock_change(
    london, now_utc: datetime, typed: str, due_utc: datetime
) -> None:
    now = now_utc.astimezone()
    moment = parse_when(typed, now)
    assert moment.astimezone(UTC) == due_utc
    # The same time of day as when it was typed, on the local clock.
    assert moment.astimezone().strftime("%H:%M") == now.strftime("%H:%M")


@pytest.mark.parametrize(
    "now_utc", [datetime(2027, 3, 28, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]
)
def test_hours_stay_elapsed_across_a_clock_change(london, now_utc: datetime) -> None:
    now = now_utc.astimezone()
    assert parse_when("+2h", now).astimezone(UTC) == now_utc + timedelta(hours=2)
    assert parse_when("+90m", now).astimezone(UTC) == now_utc + timedelta(minutes=90)
