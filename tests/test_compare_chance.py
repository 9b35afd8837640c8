"""The chance rule of a comparison, against published p-values and independent calculations."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scoring.compare_chance import (
    agree_test,
    fisher_exact,
    mean_test,
    t_two_sided,
    two_proportion_z,
    welch,
)


@pytest.mark.parametrize(
    ("t", "df"),
    [(12.706205, 1), (2.228139, 10), (2.085963, 20), (1.959964, 10_000_000)],
)
def test_t_critical_values_from_the_tables_give_five_per_cent(t: float, df: float) -> None:
    # The two-sided 5% critical values of Student's t, as printed in statistical tables.
    assert t_two_sided(t, df) == pytest.approx(0.05, abs=2e-6)
    assert t_two_sided(-t, df) == pytest.approx(0.05, abs=2e-6)


def density_tail(t: float, df: float, steps: int = 200_000) -> float:
    """Two-sided tail of Student's t by Simpson's rule on its density (independent of the
    incomplete beta function the rule uses)."""
    const = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    h = abs(t) / steps

    def f(x: float) -> float:
        return const * (1 + x * x / df) ** (-(df + 1) / 2)

    inner = sum((4 if i % 2 else 2) * f(i * h) for i in range(1, steps))
    return 1 - 2 * (h / 3) * (f(0) + inner + f(abs(t)))


@pytest.mark.parametrize(("t", "df"), [(0.5, 3.7), (1.3, 7.2), (2.9, 4.0), (3.5, 30.5)])
def test_t_tail_matches_integrating_the_density(t: float, df: float) -> None:
    assert t_two_sided(t, df) == pytest.approx(density_tail(t, df), abs=1e-7)


def test_welch_on_the_sleep_data_as_r_reports_it() -> None:
    # R: t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939.
    one = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
    two = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
    p = welch(mean(one), sd(one), 10, mean(two), sd(two), 10)
    assert p == pytest.approx(0.07939, abs=5e-6)


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def sd(values: list[float]) -> float:
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def test_two_proportion_z_by_the_textbook_formula() -> None:
    # 60% of 50 then, 40% of 50 now: pooled 50%, SE 0.1, z = 2, p = 0.0455.
    assert two_proportion_z(30, 50, 20, 50) == pytest.approx(math.erfc(2 / math.sqrt(2)))
    assert two_proportion_z(30, 50, 20, 50) == pytest.approx(0.0455, abs=1e-4)
    assert two_proportion_z(50, 50, 40, 40) == 1.0  # everyone agreed both times


def enumerated_fisher(x1: int, n1: int, x2: int, n2: int) -> float:
    """Fisher's two-sided p by listing every way the pooled answers could be split into
    rounds of n1 and n2 (all equally likely if nothing changed)."""
    pooled = [1] * (x1 + x2) + [0] * (n1 + n2 - x1 - x2)
    counts: dict[int, int] = {}
    for chosen in itertools.combinations(range(len(pooled)), n1):
        agreed = sum(pooled[i] for i in chosen)
        counts[agreed] = counts.get(agreed, 0) + 1
    total = sum(counts.values())
    observed = counts[x1]
    return sum(c for c in counts.values() if c <= observed) / total


@pytest.mark.parametrize(
    ("table", "published"),
    [((3, 4, 1, 4), 0.4857), ((8, 10, 2, 10), 0.0230), ((1, 4, 3, 4), 0.4857)],
)
def test_fisher_on_known_tables(table: tuple[int, int, int, int], published: float) -> None:
    # [[3, 1], [1, 3]]: 34/70 (the lady tasting tea); [[8, 2], [2, 8]]: 0.0230.
    assert fisher_exact(*table) == pytest.approx(published, abs=1e-4)
    assert fisher_exact(*table) == pytest.approx(enumerated_fisher(*table))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 7).flatmap(
        lambda n1: st.integers(1, 7).flatmap(
            lambda n2: st.tuples(st.integers(0, n1), st.just(n1), st.integers(0, n2), st.just(n2))
        )
    )
)
def test_fisher_matches_enumerating_every_split(table: tuple[int, int, int, int]) -> None:
    assert fisher_exact(*table) == pytest.approx(enumerated_fisher(*table))


def test_small_counts_are_tested_exactly_larger_ones_by_z() -> None:
    assert agree_test(3, 4, 1, 4).method == "fisher"
    assert agree_test(30, 50, 20, 50).method == "z"
    # An expected count below 5 in one cell (4 of 60 disagree in all) is small: exact.
    assert agree_test(28, 30, 28, 30).method == "fisher"


def test_no_answers_one_answer_and_identical_figures() -> None:
    assert agree_test(0, 0, 3, 5).p is None and agree_test(0, 0, 3, 5).beyond_chance is None
    assert agree_test(1, 1, 0, 1).p == 1.0  # one answer each: anything could be chance
    assert agree_test(4, 9, 4, 9).p == 1.0
    assert mean_test(50.0, None, 1, 80.0, 10.0, 5).p is None  # no spread from one answer
    assert mean_test(None, None, 0, 80.0, 10.0, 5).p is None
    assert mean_test(60.0, 12.0, 8, 60.0, 12.0, 8).p == 1.0
    # Everyone gave the same score each time: no spread to judge a change by, so it is
    # left untested ("too few answers to tell"), never called more than chance.
    assert mean_test(50.0, 0.0, 2, 100.0, 0.0, 2).p is None
    assert mean_test(50.0, 0.0, 2, 100.0, 0.0, 2).beyond_chance is None
    assert mean_test(50.0, 0.0, 5, 75.0, None, 5).p is None
    # Spread in one round only is a test (Welch needs no equal spreads).
    assert mean_test(50.0, 0.0, 5, 75.0, 10.0, 5).method == "welch"


@settings(max_examples=80, deadline=None)
@given(
    st.floats(0, 100),
    st.floats(0.5, 40),
    st.integers(2, 60),
    st.floats(0, 100),
    st.floats(0.5, 40),
    st.integers(2, 60),
)
def test_welch_is_a_probability_and_does_not_depend_on_the_order(
    m1: float, s1: float, n1: int, m2: float, s2: float, n2: int
) -> None:
    p = welch(m1, s1, n1, m2, s2, n2)
    assert 0.0 <= p <= 1.0
    assert welch(m2, s2, n2, m1, s1, n1) == pytest.approx(p, abs=1e-12)
    # A larger difference with the same spread is never less surprising.
    assert welch(m1, s1, n1, m1 + abs(m2 - m1) + 5, s2, n2) <= p + 1e-12
