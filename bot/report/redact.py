"""Names taken out of respondents' own words in an anonymised report: a quote or a register
comment that says "As chair, I (Ann Archer, Dacorum Borough Council) ..." would otherwise
name its author whatever the report leaves out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NAME = "[name]"
ORGANISATION = "[organisation]"


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    # Longest first, so "Ann Archer" is taken whole before "Archer"; whole words only.
    found = sorted({w for w in words if len(w) >= 3}, key=lambda w: (-len(w), w))
    if not found:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.IGNORECASE)


def redactor(names: Iterable[str], organisations: Iterable[str]) -> Callable[[str], str]:
    """A function taking each of these names (whole, and a surname said alone) and
    organisations out of a text, in any case, as "[name]" and "[organisation]"."""
    names = list(names)
    people = _pattern([*names, *(n.split()[-1] for n in names if len(n.split()) > 1)])
    bodies = _pattern(organisations)

    def redact(text: str) -> str:
        if bodies is not None:
            text = bodies.sub(ORGANISATION, text)
        if people is not None:
            text = people.sub(NAME, text)
        return text

    return redact
