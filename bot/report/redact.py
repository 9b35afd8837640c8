"""Names taken out of respondents' own words in an anonymised report: a quote or a register
comment that says "As chair, I (Ann Archer, Dacorum Borough Council) ..." would otherwise
name its author whatever the report leaves out.

Every part of a person's name of two letters or more is taken out wherever it stands (so
"Ng chairs it" and "Ann said so" lose the name), as is every distinctive word of an
organisation's name ("Dacorum" alone, for "Dacorum Borough Council"); the generic words of
organisations' names (`GENERIC_WORDS`) are left, as they name no one. A name part that is
also an ordinary word ("Hope", "May") is taken out wherever it appears: leaving it in
would name its owner whenever it is used as a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NAME = "[name]"
ORGANISATION = "[organisation]"

MIN_LETTERS = 2
"""The shortest name part taken out: a single letter (an initial) names no one."""

GENERIC_WORDS = frozenset(
    {
        "and",
        "authority",
        "borough",
        "city",
        "council",
        "county",
        "district",
        "for",
        "in",
        "ltd",
        "limited",
        "of",
        "parish",
        "partnership",
        "plc",
        "the",
        "town",
        "trust",
    }
)
"""Words of organisations' names that name no one by themselves (compared ignoring case)."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _parts(text: str) -> list[str]:
    """The words of a name of at least `MIN_LETTERS` letters ("O'Brien" is one word;
    "Smith-Jones" is "Smith" and "Jones")."""
    return [w for w in _WORD.findall(text) if sum(c.isalpha() for c in w) >= MIN_LETTERS]


def redactor(names: Iterable[str], organisations: Iterable[str]) -> Callable[[str], str]:
    """A function taking each of these names (whole, and every part of two letters or
    more) and organisations (whole, and each distinctive word) out of a text, in any
    case, as "[name]" and "[organisation]"; everything else is left as it is."""
    labels: dict[str, str] = {}
    for organisation in organisations:
        words = [w for w in _parts(organisation) if w.casefold() not in GENERIC_WORDS]
        for word in [organisation, *words]:
            if word.strip():
                labels.setdefault(_key(word), ORGANISATION)
    for name in names:
        # A person's name wins over an organisation's word spelt the same.
        for word in [name, *_parts(name)]:
            if word.strip():
                labels[_key(word)] = NAME
    # Longest first, so "Dacorum Borough Council" is taken whole before "Dacorum"; whole
    # words only ("Annex" keeps its "Ann"). Spaces in a name match any run of spaces.
    found = sorted(labels, key=lambda w: (-len(w), w))
    if not found:
        return lambda text: text
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in found)
        + r")(?!\w)",
        re.IGNORECASE,
    )

    def redact(text: str) -> str:
        return pattern.sub(lambda m: labels.get(_key(m.group()), NAME), text)

    return redact


def _key(matched: str) -> str:
    return " ".join(matched.split()).casefold()
