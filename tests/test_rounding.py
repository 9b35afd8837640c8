"""One rounding rule for every figure printed: half up, as docs/reports.md says, from the
figure as written in full (`bot.figures.half_up`), in the data, the reports and the app."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.figures import (
    figure,
    half_up,
    percent,
    rounded,
    seconds,
    share_percent,
    signed,
    whole_percent,
)
from bot.report.data import percent as data_percent
from bot.report.render import environment
from bot.scoring.aggregate import percentage
from bot.turn_words import call_length_words

SCORES = st.floats(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False)
TIES = st.integers(min_value=-99999, max_value=99999).map(lambda n: (n * 10 + 5) / 100)
"""Figures ending in a 5 at the second decimal place: 81.25, 6.25, -0.35."""


def by_hand(value: float, places: int) -> Decimal:
    """Rounded half up as a person rounds the figure as written."""
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(step, ROUND_HALF_UP) + 0


@given(st.one_of(SCORES, TIES))
def test_every_figure_is_rounded_half_up_as_written(value: float) -> None:
    expected = by_hand(value, 1)
    assert Decimal(figure(value)) == expected
    assert Decimal(signed(value)) == expected
    assert rounded(value) == float(expected)
    # The data (JSON) and what is printed from it never differ by a rounding.
    assert figure(rounded(value)) == figure(value)
    assert percent(value) == f"{by_hand(value, 0)}%".replace("-0%", "0%")


@given(st.integers(min_value=1, max_value=400), st.data())
def test_every_share_is_rounded_half_up_alike(total: int, data: st.DataObject) -> None:
    count = data.draw(st.integers(min_value=0, max_value=total))
    exact = Decimal(count) * 100 / Decimal(total)
    tenth = float(exact.quantize(Decimal("0.1"), ROUND_HALF_UP))
    whole = exact.quantize(Decimal(1), ROUND_HALF_UP)
    share = count / total
    # Statement percentages, coverage and evidence (data), and the whole-percent column.
    assert percentage(count, total) == tenth == share_percent(share) == data_percent(share)
    assert whole_percent(share) == f"{whole}%"
    for kind in ("md", "html"):
        assert environment(kind).filters["pct"](float(exact)) == f"{whole}%"
        assert environment(kind).filters["num"](float(exact)) == f"{tenth:.1f}"


def test_the_figures_that_read_differently_before() -> None:
    assert figure((62.5 + 100) / 2) == "81.3"  # an area mean
    assert whole_percent(1 / 8) == "13%"  # a coverage of 1 of 8
    assert percentage(1, 16) == 6.3  # a statement's percentage, as it always was
    assert half_up(0.285, 1, 100) == 28.5
    assert seconds(2.5) == 3 and call_length_words(62.5) == "1 min 3 s"  # a call's length
