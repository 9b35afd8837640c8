"""Names taken out of respondents' own words in an anonymised report: a quote or a register
comment that says "As chair, I (Ann Archer, Dacorum Borough Council) ..." would otherwise
name its author whatever the report leaves out.

The rule (docs/reports.md, "Names in quotes"):

- A whole name ("Ann Archer", in any case and spacing) is always taken out, as is a whole
  organisation's name.
- Every other part of a person's name of two letters or more ("Ng", "Ann", "Archer") and
  every distinctive word of an organisation's name ("Dacorum", for "Dacorum Borough
  Council") is taken out wherever it stands, in any case: "ng chairs it" names Ng.
- Except a part that is also an ordinary English word (`ORDINARY_WORDS`: "will",
  "strong", "hope", "may"): it is taken out only where it is used as a name, that is
  written with a capital letter other than at the start of a sentence. "we will work"
  and "Strong leadership matters." keep their words; "I asked Will" and "as Strong
  said" do not. A capital inside a sentence is taken for a name even where it is not
  one ("in May"): the rule errs towards taking out.

The generic words of organisations' names (`GENERIC_WORDS`) are never taken out alone,
as they name no one.
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

_ORDINARY = """
    able amber angel april art august autumn baker ball bank banks barber bell bells
    best bill bird birch black bloom bold bond brave bridge bright brook brooks
    brown buck burn bush butler cannon carpenter carter chance chase cherry church
    clay clear cliff close cook cooper coral cross crown dale dash dawn day dean
    dear diamond dove drake duke early east english fair faith fall fields fish
    fisher ford forest forward fox frank free french fry gay gold golden good grace
    grant gray green grey guy hall hand happy hardy harvest hay hazel heath heart
    hill hills holly homes hood hope house hunt hunter ivy jack jay jewel joy judge
    june just keen king knight lake lamb lane law lawless lee light lily little long
    love lucky major march mark marsh marshall mason may meadow merry miles mill
    miller mills moon morning moss much new north oak page park parks parsons
    patience peace pearl penny pike pine piper pool porter potter power powers price
    pride prince rain ray read reed rich rivers robin rock rose royal ruby rush sage
    salt sands savage shepherd sharp short silver sky slater small smart snow south
    spring stark steel sterling stone storm strong summer sunny swan sweet temple
    thorn tucker turner vale walker wall ward warren waters way weaver west wheeler
    white wild will wills winter wise wolf wood woods worth wren young
"""
ORDINARY_WORDS = frozenset(_ORDINARY.split())
"""Ordinary English words that are also people's names (or parts of organisations'
names): taken out only where they are used as names (see the module's docstring). A
name part not listed here is taken out wherever it stands, in any case."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OPENERS = " \t\"'“‘([*•-"
"""What may stand between a sentence's end and its first word: spaces, opening quotes and
brackets, a bullet."""


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

    def take_out(match: re.Match[str]) -> str:
        word = match.group()
        key = _key(word)
        if key in ORDINARY_WORDS and not _as_name(word, match.string, match.start()):
            return word
        return labels.get(key, NAME)

    def redact(text: str) -> str:
        return pattern.sub(take_out, text)

    return redact


def _as_name(word: str, text: str, start: int) -> bool:
    """Whether an ordinary word that is also a name part, found at ``start`` in ``text``,
    is used as a name there: written with a capital, and not as the first word of a
    sentence (the start of the text or of a line, or after a full stop, question or
    exclamation mark and a space, with any opening quote or bracket between)."""
    if not word[:1].isupper():
        return False
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return False
    return not (text[i - 1] in ".!?" and i < start and text[i].isspace())


def _key(matched: str) -> str:
    return " ".join(matched.split()).casefold()
