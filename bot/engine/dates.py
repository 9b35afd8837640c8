"""Reading a date as people type it: 2009-12-02, 2 Dec 2009, 2nd December 2009, or
02/12/2009, read day first as UK users write it."""

from __future__ import annotations

import re
from datetime import date

from bot.bounds import YEARS

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

LONE_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
"""A date in figures typed alone: a year ("2009") or a day ("12/03/2009")."""

_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
# A year is a whole run of digits, so that "10000" is refused as itself, never read as 1000.
_FORMS = (
    # 2009-12-02 (ISO)
    re.compile(r"(?P<year>\d+)-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    # 02/12/2009, 2.12.2009, 2-12-2009: day first
    re.compile(r"(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d+)"),
    # 2 Dec 2009, 2nd December, 2009
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d+)"),
    # December 2, 2009
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d+)"),
)


class DateError(ValueError):
    """The text is not a date, or names one that does not exist; the message says which."""


def spoken_date(day: date) -> str:
    """A date as words, such as "2 December 2009"."""
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"


def parse_date(text: str) -> tuple[date, int]:
    """The date the text starts with and how many characters name it, or DateError."""
    for form in _FORMS:
        match = form.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        if parts.get("month_name") is not None:
            month = _month(parts["month_name"])
            if month is None:
                raise DateError(f'"{parts["month_name"]}" is not a month.')
        else:
            month = int(parts["month"])
        year_text = parts["year"]
        if not 1 <= month <= 12:
            raise DateError(f"There is no month {month} (dates are read day first: 02/12/2009).")
        if len(year_text) < 4:
            raise DateError(f'"{year_text}" is not a year in full, such as 2009.')
        # Length first: a run of thousands of digits is never converted to a number.
        if len(year_text) > 4 or not YEARS[0] <= int(year_text) <= YEARS[1]:
            shown = year_text if len(year_text) <= 12 else year_text[:12] + "..."
            raise DateError(
                f"{shown} is not a year this question takes (years from {YEARS[0]} to {YEARS[1]})."
            )
        year, day = int(year_text), int(parts["day"])
        try:
            return date(year, month, day), match.end()
        except ValueError:
            raise DateError(
                f"There is no {day} {MONTHS[month - 1].title()} {year}: that month has "
                f"{_days_in(year, month)} days."
            ) from None
    raise DateError(f'"{text[:40]}" is not a date I can read.')


def _month(name: str) -> int | None:
    lowered = name.casefold()
    for number, month in enumerate(MONTHS, start=1):
        if len(lowered) >= 3 and month.startswith(lowered):
            return number
    return None


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days
