"""How an aggregate's statements can be listed: the one definition of the choices.

A module of its own, importing nothing, so that the command line can offer the choices
without loading scoring or reports at start-up.
"""

from __future__ import annotations

import re
from typing import Any

ORDERS = ("framework", "published")
"""By area as the framework has them, or in the published order (by their own numbers)."""
DEFAULT_ORDER = ORDERS[0]


def published_key(number: str) -> tuple[Any, ...]:
    """Sorts question numbers as the seeds publish them: by their letters, then their
    numbers as numbers ("S2" before "S10", every "S" before "T"); unnumbered last."""
    if not number:
        return ((1,),)
    parts = re.findall(r"\d+|\D+", number)
    return (
        (0,),
        *((0, int(p), "") if p.isdigit() else (1, 0, p.strip().casefold()) for p in parts),
    )


def check_order(order: str) -> None:
    """Raise ValueError naming the choices when ``order`` is not one of them."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
