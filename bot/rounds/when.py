"""Times typed by a caller: "14:30", "tomorrow 10:00", "2009-11-10 14:00", "+2h"."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.bounds import out_of_years

WHEN_HELP = 'a time such as 14:30, "tomorrow 10:00", 2009-11-10 14:00 or +2h (also +30m, +1d)'
_RELATIVE = re.compile(r"^\+\s*(\d{1,4})\s*(m|min|mins|h|hr|hrs|d|day|days)$")


def parse_when(text: str, now: datetime) -> datetime:
    """A timezone-aware time from what was typed; ``now`` gives "today" and the base of
    "+2h". A time typed without an offset is local time with the offset in force on that
    date (a July call-back typed in December is in summer time), not today's offset.
    "+2h" and "+30m" are elapsed time; "+1d" is the same time on the wall clock a day
    later, in the offset in force then.

    Raises ValueError saying what is accepted, or that the time is out of range (a year
    outside 1900 to 2999, `bot.bounds`).
    """
    moment = _parsed(text, now)
    why = out_of_years(moment)
    if why:
        raise ValueError(f'"{text}": {why}')
    return moment


def _parsed(text: str, now: datetime) -> datetime:
    words = text.strip().casefold()
    if _RELATIVE.match("+" + words.removeprefix("-")) and words.startswith("-"):
        raise ValueError(
            f'"{text}" is in the past: a call back is for later, such as +{words[1:].strip()}'
        )
    relative = _RELATIVE.match(words)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)[0]
        if unit == "d":
            # Days are on the wall clock: "+1d" at 10:00 is 10:00 tomorrow, across a clock
            # change too (23 or 25 hours later), with the offset in force on that day.
            wall = now.astimezone().replace(tzinfo=None, microsecond=0)
            return _local(wall + timedelta(days=amount))
        # Minutes and hours are elapsed time, whatever the clocks do meanwhile.
        step = {"m": timedelta(minutes=1), "h": timedelta(hours=1)}
        return (now + amount * step[unit]).replace(microsecond=0)
    day: date = now.date()
    for word, offset in (("today", 0), ("tomorrow", 1)):
        if words.startswith(word):
            day = now.date() + timedelta(days=offset)
            words = words[len(word) :].strip() or "09:00"
            break
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", words):
        hours, minutes = (int(p) for p in re.split(r"[:.]", words))
        if hours < 24 and minutes < 60:
            return _local(datetime.combine(day, time(hours, minutes)))
    try:
        parsed = datetime.fromisoformat(words.replace(" ", "T", 1).upper())
    except ValueError:
        raise ValueError(f'"{text}" is not a time; use {WHEN_HELP}') from None
    why = out_of_years(parsed)  # before a time zone is given it, which could overflow
    if why:
        raise ValueError(f'"{text}": {why}')
    try:
        return parsed if parsed.tzinfo is not None else _local(parsed)
    except (ValueError, OverflowError):
        raise ValueError(f'"{text}" is not a time; use {WHEN_HELP}') from None


def _local(naive: datetime) -> datetime:
    """A naive local time made aware with its own date's offset (daylight saving applied)."""
    # astimezone() on a naive datetime asks the system's rules for that moment, whereas
    # reusing now's tzinfo would carry today's fixed offset to any date.
    return naive.astimezone()
