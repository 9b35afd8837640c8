"""How a date is stored in a transcript and written in a condition: 2009-12-02 (ISO 8601).

The one rule for a stored date: answers are checked against it when a transcript is read,
and conditions' date constants when a framework is loaded."""

from __future__ import annotations

import re
from datetime import date

STORED = re.compile(r"\d{4}-\d{2}-\d{2}")
"""How a date answer is stored (and written in conditions): 2009-12-02."""


def stored_date(text: str) -> date | None:
    """The date a stored answer (or a condition's constant) names, such as 2009-12-02; None
    when the text is not a date written that way. The one rule for a stored date."""
    if not STORED.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
