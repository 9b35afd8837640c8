"""Telling a vague answer from one that names evidence.

A heuristic, kept deliberately simple and explainable: an answer names evidence
when it mentions a number or date (or how often in words: "twice a year", "quarterly"),
a document (strategy, minutes, protocol, ..., and the usual abbreviations, "the ToR",
"the SCS", "the LAA"; not
such a word used as a state or a verb: "under review", "we plan to"; named as the thing
done, "website updated", it names one),
a named body (words in capitals such as "Hill Park Project", an acronym such
as "LAA" among ordinary words: "signed by the CSP", or in lower case one body by a kind
of body and what it is: "the district council", "our steering group", "the local
authority" (`bot.engine.bodies`), or a body's word in capitals where no sentence
starts, "to full Council"; a body's word alone, "the council is fine", a sector, "the
health service", a negated body, "no steering group", or the partnership describing
itself, "a strategic partnership", names none), or gives an example ("for
example", "such as"). An answer typed all in capitals ("YES WE DO", "WEBSITE UPDATED")
is shouting: capitals tell no name of a document or body from any other word, so its
words name none; a number, how often or a date in it ("SIGNED IN 2009", "TWICE A YEAR",
"MINUTES OF 3 MARCH 2009")
names evidence however it is typed (a month named alone in capitals, "IN MAY", is not
read as a date: "MAY" is as likely the verb). It is vague when it is
hedged ("I think", "probably") or names no evidence: a short answer that names evidence
("Done - signed Jan 2010", "Yes, minutes of 3 March") says where to look, so it is not
vague, while a short one naming none ("Yes, we do", "OK") is. The report's evidence
figure and the "top score without evidence" follow-up both read a question's words by
the one `said_names_evidence`, so an answer the follow-up took as evidenced is counted
as evidenced, and one followed up as unevidenced is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.bodies import BODY_WORDS, names_lower_case_body
from bot.engine.dates import LONE_DATE, MONTHS
from bot.engine.units import FREQUENCY

_DOCUMENTS = (
    "strategy",
    "plan",
    "report",
    "minutes",
    "protocol",
    "agreement",
    "policy",
    "framework",
    "terms of reference",
    "survey",
    "audit",
    "review",
    "newsletter",
    "website",
    "dataset",
    "data",
    "evaluation",
    "agenda",
    "budget",
    "accounts",
    "scorecard",
    "dashboard",
    "indicator",
    "target",
    "constitution",
    "consultation",
    "register",
    "action plan",
    "business plan",
    "memorandum",
    "tor",
    "t of r",
    "scs",
    "laa",
    "mou",
    "sla",
    "work programme",
    "delivery plan",
)
"""Documents' words, and the usual abbreviations of partnership documents (ToR for terms
of reference, SCS the sustainable community strategy, LAA the local area agreement, MoU,
SLA), in any case."""
_EXAMPLES = (
    "for example",
    "for instance",
    "such as",
    "e.g.",
    "eg ",
    "including",
    "last year",
    "this year",
)
_HEDGES = (
    "i think",
    "i believe",
    "i guess",
    "i suppose",
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "sort of",
    "kind of",
    "not sure",
    "unsure",
    "hopefully",
    "to some extent",
    "more or less",
    "somewhat",
    "i assume",
    "i'd say",
    "might",
    "don't know",
    "dont know",
    "no idea",
)
# A document's name used as something else names no document: a state ("under
# review", "awaiting consultation") or a verb ("we plan to", "they will review it",
# "planning to"); "our plan to ..." still names one. Taken out of the text before the
# documents are looked for.
_NOT_A_DOCUMENT = re.compile(
    r"\b(?:under|pending|awaiting|due\s+for|up\s+for)\s+(?:an?\s+|the\s+)?"
    r"(?:review|consultation|evaluation|audit)s?\b"
    r"|\b(?:we|they|i|you|he|she|will|would|should|must|may|might|could|can|shall|to|"
    r"don't|dont|do|does|did|not)\s+(?:also\s+|still\s+|now\s+|hope\s+to\s+)?"
    r"(?:plan|review|report|target|survey|audit|register|budget|consult)\b"
    r"|\bplann(?:ed|ing)\s+to\b"
)
_WORD = re.compile(r"[A-Za-z0-9'’]+")
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:of|and|for|the)?\s*[A-Z][a-z]+)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
# A body's word in capitals, not where a sentence starts ("reported to full Council",
# "agreed by Cabinet"): the name of the body itself, where "the council" is any.
_CAPITAL_BODY = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?:"
    + "|".join(b.title() for b in (*BODY_WORDS, "service", "cabinet", "assembly"))
    + r")s?\b"
)
# Words typed in capitals that name no body: "OK", "YES", "NO", "TBC".
_NOT_ACRONYMS = frozenset({"OK", "OKAY", "YES", "NO", "NOT", "NA", "TBC", "TBA", "DK", "NONE"})


def words(text: str) -> list[str]:
    """The words of a text."""
    return _WORD.findall(text)


def is_shouted(text: str) -> bool:
    """Whether the text is typed all in capitals ("YES WE DO"): two words or more and not
    a lower-case letter. Its words in capitals are then the respondent's caps lock, not
    acronyms; a lone word in capitals ("LAA") is still read as one."""
    lettered = [w for w in words(text) if any(c.isalpha() for c in w)]
    return len(lettered) > 1 and not any(c.islower() for c in text)


def names_acronym(text: str) -> bool:
    """Whether the text names a body by its acronym ("signed by the CSP"): a word of two
    to six capitals, not one that names no body ("OK", "YES"), in a text not shouted
    (`is_shouted`)."""
    if is_shouted(text):
        return False
    return any(m.group(0).rstrip("s") not in _NOT_ACRONYMS for m in _ACRONYM.finditer(text))


def names_body(text: str) -> bool:
    """Whether the text names a body: by its acronym (`names_acronym`), by words in
    capitals ("Hill Park Project"), by a body's word in capitals where no sentence starts
    ("to full Council", "agreed by Cabinet"), or in lower case as one body, by a kind of
    body and what it is (`names_lower_case_body`: "the district council", "our steering
    group"); a body's word alone ("the council is fine"), a sector ("the health
    service"), a negated body ("no steering group") or the partnership describing itself
    ("a strategic partnership") names none, and a text typed all in capitals
    (`is_shouted`) names none by its words."""
    if is_shouted(text):
        return False
    return (
        names_acronym(text)
        or bool(_NAMED.search(text.strip()))
        or bool(_CAPITAL_BODY.search(text.strip()))
        or names_lower_case_body(text)
    )


def names_number(text: str) -> bool:
    """Whether the text names a number or date in figures, however it is typed: a number
    with words around it ("12 members", "SIGNED IN 2009") or a date on its own
    ("12/03/2009"); a lone "2" is more likely an option key typed from habit."""
    return bool(re.search(r"\d", text)) and (
        len(words(text)) > 1 or LONE_DATE.fullmatch(text.strip()) is not None
    )


def names_evidence(text: str) -> bool:
    """Whether the text names a document, date, number (a frequency in words too: "twice
    a year", "quarterly"), named body or example; a text typed all in capitals
    (`is_shouted`) names evidence by a number, frequency or date alone."""
    if names_number(text) or FREQUENCY.search(text):
        return True
    if is_shouted(text):
        return False
    lowered = f" {text.lower()} "
    documents = _NOT_A_DOCUMENT.sub(" ", lowered)
    if any(re.search(rf"\b{re.escape(d)}s?\b", documents) for d in _DOCUMENTS):
        return True
    if any(e in lowered for e in _EXAMPLES) or any(f" {m} " in lowered for m in MONTHS):
        return True
    return names_body(text)


def said_names_evidence(said: Iterable[str]) -> bool:
    """Whether the respondent's words at a question (the answer's own, then each reply to
    a follow-up) name evidence: any of them, each read on its own by `names_evidence`.
    The one rule for the "top score without evidence" follow-up and the report's
    evidence figure."""
    return any(names_evidence(words) for words in said if words)


def is_hedged(text: str) -> bool:
    """Whether the text hedges ("I think", "probably", ...)."""
    lowered = " " + re.sub(r"[’]", "'", text.lower()) + " "
    return any(re.search(rf"(?<![a-z']){re.escape(h)}(?![a-z'])", lowered) for h in _HEDGES)


def is_vague(text: str) -> bool:
    """Hedged, or naming no evidence, however long or short (see the module's note)."""
    return is_hedged(text) or not names_evidence(text)
