"""The words of bodies a respondent names (councils, boards, groups), and how one is
named in lower case.

One list of body words (`BODY_WORDS`) serves the evidence rule (`bot.engine.evidence`:
which answers name a body), the follow-ups (`bot.engine.probes`: which replies name
who) and the anonymiser (`bot.report.redact`: the words of a body's kind and its own,
`BODY_NAME_WORDS`, name no organisation by themselves). A body named in lower case names evidence only as one body (`names_lower_case_body`):
a determiner that names one ("the", "our", "their"), a kind of body and its word, "the
district council", "our steering group", "the local authority", "the health and wellbeing
board". Said of a sector or in general ("the health service", "health services",
"management services"), with no determiner naming one ("a strategic partnership"), negated
("there is no partnership board", "we have no steering group", "not the district
council") or of the assessed partnership itself ("our strategic partnership", "we are the
local strategic partnership"), such words say which body no more than "they" does.
"""

from __future__ import annotations

import re

BODY_WORDS = (
    "council",
    "authority",
    "board",
    "trust",
    "partnership",
    "committee",
    "executive",
    "group",
    "forum",
    "panel",
    "constabulary",
    "association",
    "team",
    "force",
)
"""A body's own word, the last of its name ("the district council", "the working group").
"Service" is none: "the health service" names a sector, not which body."""

BODY_KINDS = (
    "district",
    "county",
    "borough",
    "city",
    "parish",
    "town",
    "metropolitan",
    "police",
    "fire",
    "health",
    "health and wellbeing",
    "primary care",
    "clinical commissioning",
    "safety",
    "strategic",
    "partnership",
    "executive",
    "programme",
    "project",
    "steering",
    "working",
    "scrutiny",
    "management",
    "thematic",
    "safeguarding",
    "children's",
    "childrens",
    "housing",
    "youth offending",
)
"""What a body is, the words before its own word ("district" of "the district council")."""

LOWER_CASE_BODIES = ("local authority",)
"""Bodies whose kind names one only with its own word: "the local authority" (where "the
local group" says no more than "the group")."""

BODY_NAME_WORDS = frozenset(
    word
    for name in (*BODY_WORDS, *BODY_KINDS, *LOWER_CASE_BODIES)
    for word in name.split()
    if word != "and"
)
"""Every word of a body's kind and of its own ("district", "steering", "panel"): none
names one organisation by itself (`bot.report.redact` keeps them in an anonymised
quote wherever they are not an organisation's name)."""

DETERMINERS = ("the", "our", "their", "its", "this", "that", "your")
"""Words that name one body before its name ("the district council", "our steering
group"); "a" names none ("a strategic partnership")."""

NEGATIONS = frozenset(["no", "not", "without", "lack", "lacking", "never", "nor", "none"])
"""Words that say a body is not there ("there is no partnership board"); a word ending
"n't" does too ("we don't have the steering group")."""

SELF_WORDS = ("we are", "we're", "we were", "we became", "we have become", "we've become")
"""Words by which the assessed partnership describes itself ("we are the local
strategic partnership"), as "our strategic partnership" does."""

_NEAR = 3
"""How many words before a body's determiner are read for a negation or for the
partnership describing itself."""


def _spaced(words: str) -> str:
    """A name's words as a pattern, any run of spaces between them."""
    return r"\s+".join(re.escape(w) for w in words.split())


_NAME = "|".join(
    [
        *(
            f"(?:{_spaced(kind)})\\s+(?:{'|'.join(BODY_WORDS)})"
            for kind in sorted(BODY_KINDS, key=len, reverse=True)
        ),
        *(_spaced(body) for body in LOWER_CASE_BODIES),
    ]
)
_LOWER_BODY = re.compile(
    rf"\b(?P<det>{'|'.join(DETERMINERS)})\s+(?P<between>(?:[a-z'-]+\s+){{0,2}}?)"
    rf"(?P<name>{_NAME})\b"
)
_WORD = re.compile(r"[a-z']+")


def names_lower_case_body(text: str) -> bool:
    """Whether the text names one body in lower case: a determiner naming one, at most
    two words, then a kind of body and its word, singular ("the district council", "our
    steering group", "the local authority"); not negated before it ("no", "not",
    "without", "lack of", a word ending "n't") nor the assessed partnership describing
    itself ("our strategic partnership", "we are the ..."). See the module's note."""
    lowered = text.lower().replace("’", "'")
    for match in _LOWER_BODY.finditer(lowered):
        before = _WORD.findall(lowered[: match.start()])[-_NEAR:]
        said = [*before, *_WORD.findall(match.group("between"))]
        if any(w in NEGATIONS or w.endswith("n't") for w in said):
            continue
        near = " ".join(before)
        itself = match.group("name").endswith("partnership") and match.group("det") in (
            "our",
            "this",
        )
        if itself or any(re.search(rf"\b{re.escape(s)}$", near) for s in SELF_WORDS):
            continue
        return True
    return False
