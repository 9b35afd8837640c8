"""The chance rule of a comparison: could a change between two rounds be chance alone?

Two rounds ask different people (or the same people a year apart), so a figure moves a
little from one round to the next even when nothing has changed. A change is called
beyond chance when a two-sided test at the 5% level says so:

- **% agree** (a statement): how many agreed out of how many answered, then and now.
  Fisher's exact test when any cell of the 2x2 table would be expected to hold fewer
  than 5 answers (small rounds), else the two-proportion z-test with a pooled share.
- **Mean score** (an area): Welch's t-test from each round's mean, standard deviation
  and number of respondents (the spread of the two rounds is not assumed equal).

Each function returns the two-sided p-value: the chance of a change at least this large
if nothing had really changed. Pure arithmetic on the standard library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LEVEL = 0.05
"""A change whose p-value is below this is called beyond chance (two-sided, 5%)."""
MIN_EXPECTED = 5.0
"""Below this expected count in any cell, % agree is tested exactly (Fisher), not by z."""


@dataclass(frozen=True)
class Test:
    """The outcome of one test."""

    p: float | None
    """Two-sided p-value, or None when no test can be made (too few answers)."""
    method: str
    """"fisher", "z", "welch", or "" when no test was made."""

    @property
    def beyond_chance(self) -> bool | None:
        """Whether the change is beyond chance at 5%, or None when untested."""
        return None if self.p is None else self.p < LEVEL


def agree_test(agree_then: int, n_then: int, agree_now: int, n_now: int) -> Test:
    """Test a change in % agree: Fisher's exact test for small counts, else the z-test."""
    if n_then <= 0 or n_now <= 0:
        return Test(None, "")
    if not (0 <= agree_then <= n_then and 0 <= agree_now <= n_now):
        raise ValueError("agree counts must lie between 0 and n")
    total = n_then + n_now
    agree = agree_then + agree_now
    expected = (
        n * k / total for n in (n_then, n_now) for k in (agree, total - agree)
    )  # the four cells
    if min(expected) < MIN_EXPECTED:
        return Test(fisher_exact(agree_then, n_then, agree_now, n_now), "fisher")
    return Test(two_proportion_z(agree_then, n_then, agree_now, n_now), "z")


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p of the pooled two-proportion z-test of x1/n1 against x2/n2."""
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:  # everyone agreed in both rounds, or no one did
        return 1.0
    z = (x2 / n2 - x1 / n1) / math.sqrt(variance)
    return min(1.0, math.erfc(abs(z) / math.sqrt(2)))


def fisher_exact(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p of Fisher's exact test on the table [[x1, n1-x1], [x2, n2-x2]]: the
    sum of the probabilities of every table with the same margins that is no more likely
    than the one observed."""
    agree = x1 + x2
    total = n1 + n2
    denominator = math.comb(total, agree)

    def chance(a: int) -> float:
        return math.comb(n1, a) * math.comb(n2, agree - a) / denominator

    observed = chance(x1)
    low, high = max(0, agree - n2), min(n1, agree)
    # A small relative allowance, so tables as likely as the observed one are not lost to
    # rounding in the division.
    p = sum(q for a in range(low, high + 1) if (q := chance(a)) <= observed * (1 + 1e-7))
    return min(1.0, p)


def mean_test(
    mean_then: float | None,
    sd_then: float | None,
    n_then: int,
    mean_now: float | None,
    sd_now: float | None,
    n_now: int,
) -> Test:
    """Test a change in a mean score with Welch's t-test, from unrounded figures; untested
    when either round has fewer than two respondents, or when neither round shows any
    spread (every respondent gave the same score both times: the test has nothing to
    judge a change by, and a handful of identical answers proves nothing)."""
    if mean_then is None or mean_now is None or n_then < 2 or n_now < 2:
        return Test(None, "")
    if not sd_then and not sd_now:
        return Test(None, "")
    return Test(welch(mean_then, sd_then or 0.0, n_then, mean_now, sd_now or 0.0, n_now), "welch")


def welch(m1: float, s1: float, n1: int, m2: float, s2: float, n2: int) -> float:
    """Two-sided p of Welch's t-test from two means, standard deviations and counts."""
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    if v1 + v2 == 0:
        # No spread in either round: nothing to judge a change by (`mean_test` leaves such
        # a change untested); the same means are no change.
        return 1.0
    t = (m2 - m1) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    return t_two_sided(t, df)


def t_two_sided(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with df degrees of freedom."""
    return min(1.0, incomplete_beta(df / 2, 0.5, df / (df + t * t)))


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), by its continued fraction."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    # The fraction converges quickly only below (a+1)/(a+b+2); above it, use the symmetry.
    if x < (a + 1) / (a + b + 2):
        return front * _fraction(a, b, x) / a
    return 1.0 - front * _fraction(b, a, 1 - x) / b


def _fraction(a: float, b: float, x: float) -> float:
    # Lentz's method for the continued fraction of the incomplete beta function.
    tiny, epsilon = 1e-300, 3e-16
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < epsilon:
            break
    return result
