"""How a figure is written: one rule for the reports' tables, their charts and the charts'
text descriptions, and the app's screens, so that the same score reads the same
everywhere, on screen and on paper. Pure and light: the app's first screen may import it."""

from __future__ import annotations

NONE = "n/a"
"""What a table shows where there is no figure."""


def rounded(value: float | None, places: int = 1) -> float | None:
    """A score or share rounded for people (as data: JSON's figures, a report's)."""
    return None if value is None else round(value, places)


def figure(value: float | None, missing: str = NONE) -> str:
    """A score, mean or percentage point figure to one decimal place ("62.5");
    ``missing`` where there is none."""
    return missing if value is None else f"{value:.1f}"


def signed(value: float | None, missing: str = NONE) -> str:
    """A change, with its sign, to one decimal place ("+4.2", "-0.3"); ``missing`` where
    there is none."""
    return missing if value is None else f"{value:+.1f}"
