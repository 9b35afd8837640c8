"""How a figure is written: one rule for the reports' tables, their charts and the charts'
text descriptions, and the app's screens, so that the same score reads the same
everywhere, on screen and on paper. Pure and light: the app's first screen may import it.

Every figure printed is rounded once, half up (a tie away from zero), as the published
tables round and as people round by hand: a mean of 81.25 is 81.3, a coverage of 12.5%
is 13%. The tie is read from the figure as it is written in full (81.25), never from the
nearest binary fraction of it (81.2499...), so the rule is the same whatever the figure."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

NONE = "n/a"
"""What a table shows where there is no figure."""


def half_up(value: float, places: int = 1, scale: int = 1) -> float:
    """``value`` (times ``scale``: 100 makes a share a percentage, exactly) rounded half up
    to ``places`` decimal places: the one rounding rule of every figure printed (81.25 ->
    81.3, 12.5 -> 13 at no places, -0.25 -> -0.3; 0.285 at scale 100 -> 28.5)."""
    exact = Decimal(repr(float(value))) * scale
    return float(exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)) + 0.0  # no "-0.0"


def rounded(value: float | None, places: int = 1) -> float | None:
    """A score or share rounded for people (as data: JSON's figures, a report's), by
    `half_up`."""
    return None if value is None else half_up(value, places)


def share_percent(share: float | None, places: int = 1) -> float | None:
    """A share (0-1) as a percentage rounded for people (as data), by `half_up`."""
    return None if share is None else half_up(share, places, 100)


def seconds(value: float) -> int:
    """A length of time in whole seconds, rounded by `half_up` (a median of 2.5 is 3)."""
    return int(half_up(value, 0))


def figure(value: float | None, missing: str = NONE) -> str:
    """A score, mean or percentage point figure to one decimal place ("62.5"), rounded by
    `half_up`; ``missing`` where there is none."""
    return missing if value is None else f"{half_up(value):.1f}"


def signed(value: float | None, missing: str = NONE) -> str:
    """A change, with its sign, to one decimal place ("+4.2", "-0.3"), rounded by
    `half_up`; ``missing`` where there is none."""
    return missing if value is None else f"{half_up(value):+.1f}"


def percent(value: float | None, missing: str = NONE) -> str:
    """A percentage (0-100) as a whole number ("13%" for 12.5), rounded by `half_up`;
    ``missing`` where there is none."""
    return missing if value is None else f"{half_up(value, 0):.0f}%"


def whole_percent(share: float | None, missing: str = NONE) -> str:
    """A share (0-1) as a whole percentage ("13%" for 0.125), rounded by `half_up`."""
    return missing if share is None else f"{half_up(share, 0, 100):.0f}%"


def share_against(share: float | None, minimum: float, below: bool, missing: str = NONE) -> str:
    """A share (0-1) judged against a minimum share (0-1), as a percentage: as
    `whole_percent`, except that a share ``below`` the minimum is never written as the
    minimum or above. Where its whole per cent would reach the minimum's, it is written to
    one decimal place, rounded down ("49.5%" for 50 of 101 against 50%), so the comparison
    printed is the comparison made. The one rule of every coverage said beside its minimum."""
    if share is None:
        return missing
    shown = half_up(share, 0, 100)
    if not below or shown < half_up(minimum, 0, 100):
        return f"{shown:.0f}%"
    tenths = (Decimal(repr(float(share))) * 100).quantize(Decimal("0.1"), ROUND_FLOOR)
    return f"{tenths:.1f}%"
