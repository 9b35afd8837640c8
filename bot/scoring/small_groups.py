"""Small groups in an anonymised report: no figure may rest on so few people that a reader
who knows who was asked (a round's invitee list gives each one's role and sector) could
tell what one of them answered.

One rule for every anonymised aggregate and round report, whatever its format: a role or
sector with fewer than `MIN_GROUP` people is pooled with the other small ones (and, while
the pool itself is still under `MIN_GROUP`, with the next smallest group), and a mean or
percentage resting on fewer than `MIN_GROUP` answers is not shown, nor, where it could be
worked out from a row's total and the rest of the row, the next smallest beside it; an
area's spread is shown only where it cannot give the others' scores away to one who knows
their own (`MIN_FOR_SD`, `MIN_FOR_RANGE`).
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_GROUP = 3
"""The fewest people a figure in an anonymised report may rest on. Three is the smallest
group in which one person's answer cannot be read off by anyone else in it, nor by a reader
who knows two of the three (a common minimum cell size for published survey tables)."""

MIN_FOR_SD = 4
"""The fewest respondents an anonymised area's standard deviation is shown for. A reader
who answered knows their own score; each figure shown about the others is one equation
in their scores (the mean gives their sum, the SD their sum of squares, the lowest and
highest one score each), and the others' scores stay unknown only while they are more
than the equations: with the mean and SD, 3 others (4 respondents) at least."""
MIN_FOR_RANGE = 6
"""The fewest respondents an anonymised area's lowest and highest scores are shown for:
with the mean and SD, 4 equations, so 5 others (6 respondents) at least. In a group of 3,
the mean, lowest and highest alone give away the third score (3 x mean - min - max)."""

HIDDEN = "not shown"
"""What an anonymised report shows in place of a figure resting on too few people."""

SMALL_GROUP_RULE = (
    f"No figure rests on fewer than {MIN_GROUP} people: a role or sector with fewer than "
    f"{MIN_GROUP} is pooled with the other small ones (with the next smallest while the "
    f"pool has fewer than {MIN_GROUP}), and a mean or percentage of fewer than {MIN_GROUP} "
    f'answers is marked "{HIDDEN}", as is the next smallest beside it where it could be '
    "worked out from the rest. An area's standard deviation is shown only from "
    f"{MIN_FOR_SD} respondents, and its lowest and highest scores only from {MIN_FOR_RANGE}, "
    "so that no one who knows their own score can work out the others' from the figures."
)
"""The rule in words, as every anonymised report states it."""


def pooled(sizes: Mapping[str, int], other: str, minimum: int = MIN_GROUP) -> dict[str, str]:
    """Each group's name as an anonymised report shows it: its own, or ``other`` for the
    pooled small groups. A group of fewer than ``minimum`` goes into the pool; while the
    pool holds fewer than ``minimum`` people, the smallest group left joins it (so the
    pool cannot be worked out as the total less the groups shown)."""
    # The same rule as a table row's hidden cells: the pool is the cells that row hides.
    pool = hidden_cells(sizes, minimum)
    return {name: (other if name in pool else name) for name in sizes}


def hidden_cells(counts: Mapping[str, int], minimum: int = MIN_GROUP) -> set[str]:
    """The cells of one row of a table (group -> how many answers its figure rests on) an
    anonymised report does not show: each resting on 1 to ``minimum`` - 1 answers, and
    while those hidden rest on fewer than ``minimum`` together, the smallest other cell
    too, as the row's total less the cells shown would give them away."""
    hidden = {name for name, count in counts.items() if 0 < count < minimum}
    shown = sorted(
        (name for name, count in counts.items() if count >= minimum),
        key=lambda name: (counts[name], name),
    )
    while hidden and sum(counts[n] for n in hidden) < minimum and shown:
        hidden.add(shown.pop(0))
    return hidden
