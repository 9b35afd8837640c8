"""What a number counts, as a respondent may write it straight after the number.

"4 a year", "12 members", "6 times per year": words typed straight after a number, with
no mark between, that say only what the question's `unit` says are the number's unit:
the number is kept and the words are neither a comment nor quoted. Words that do not fit
the question's unit ("12 monthly meetings" where it counts members) are not a unit, a
number counted by another period than the question's ("4 a month" where it counts
meetings a year) is refused (`other_period`), after a mark too where the words start with
a unit of that period ("4 - a month"), and other words after a mark ("12 - monthly",
"4 - a year") are the comment, whatever they say: no word typed is ever dropped but a
unit that fits.
"""

from __future__ import annotations

import re

from bot.engine.typed import normal, split_comment
from bot.model import Question

JOINING_UNIT_WORDS = frozenset(["a", "an", "per", "each", "every", "in", "the"])
"""Words that join a unit's words ("4 a year", "6 times per year"); a unit of these
alone says nothing."""

PERIOD_WORDS: dict[str, frozenset[str]] = {
    "year": frozenset(["year", "years", "yearly", "annually", "annual"]),
    "month": frozenset(["month", "months", "monthly"]),
    "week": frozenset(["week", "weeks", "weekly"]),
    "fortnight": frozenset(["fortnight", "fortnights", "fortnightly"]),
    "quarter": frozenset(["quarter", "quarters", "quarterly"]),
    "day": frozenset(["day", "days", "daily"]),
}
"""The words of each period a unit may count by ("meetings a year"): only the words of
the question's own period fit its unit ("4 a month" does not fit "meetings a year")."""

RATE_WORDS = frozenset(["times", "time"])
"""Words of any unit that counts by a period ("4 times a year")."""

PEOPLE_WORDS = frozenset(["people", "persons", "person"])
"""Words of any unit that counts without a period ("12 people" where members are
counted)."""

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "dozen": 12}
"""Numbers in words: a number question does not take them (the refusal gives the
digits); said with a period ("twice a year"), a frequency names evidence."""

_WORD = re.compile(r"[^\W\d_]+")


def unit_words(question: Question) -> frozenset[str]:
    """The words that fit a question's unit: its own words (and their singulars), the
    words of its period and "times" where it counts by one, else "people"; with the
    joining words ("a", "per")."""
    own = set(_WORD.findall(normal(question.unit)))
    own |= {word.removesuffix("s") for word in own}
    periods = [words for name, words in PERIOD_WORDS.items() if own & words or name in own]
    fitting = own | JOINING_UNIT_WORDS
    if periods:
        fitting |= RATE_WORDS.union(*periods)
    elif own:
        fitting |= PEOPLE_WORDS
    return frozenset(fitting)


def after_unit(question: Question, words: str) -> str | None:
    """The comment after a unit that the words typed straight after a number start with:
    "" for a unit alone ("times a year"), what follows a mark after it ("times a year -
    we meet quarterly": "we meet quarterly"); None where they start with no unit that
    fits the question's, or run on from it without a mark ("members who attend")."""
    fitting = unit_words(question)
    found: str | None = None
    told = False
    end = 0
    for match in _WORD.finditer(words):
        word = normal(match.group(0))
        if words[end : match.start()].strip() or word not in fitting:
            break
        told = told or word not in JOINING_UNIT_WORDS
        end = match.end()
        marks, comment = split_comment(words[end:])
        if told and (marks or not words[end:].strip()):
            found = comment
    return found


def other_period(question: Question, words: str, marked: bool = False) -> str | None:
    """The period that words typed after a number start by counting, where the question's
    unit counts by another ("4 a month", "12 monthly" where it counts meetings a year):
    the number would be read by the wrong period. After a mark (`marked`) only a unit of
    that period counts by it ("4 - a month", "4 - times per week"); a period's word that
    starts the words or describes ("12 - monthly", "4 - quarterly meetings") is the
    comment. None where they name no period, or the question's own, or the question
    counts by none."""
    own = unit_words(question)
    ours = [name for name, said in PERIOD_WORDS.items() if said <= own]
    if not ours:
        return None
    end = 0
    for match in _WORD.finditer(words):
        word = normal(match.group(0))
        if words[end : match.start()].strip():
            return None
        for name, said in PERIOD_WORDS.items():
            if word in said:
                counted = name not in ours and not (
                    marked and (not end or word not in _nouns(name))
                )
                return name if counted else None
        if word not in own:
            return None
        end = match.end()
    return None


def _nouns(period: str) -> frozenset[str]:
    """A period's own words as a unit counts by it ("month", "months"), not those that
    describe ("monthly")."""
    return frozenset([period, f"{period}s"])


HOW_OFTEN_WORDS = ("annual", "biennial", "biennially")
"""Words of how often that do not end in "ly" as the rest do ("an annual conference"),
or name no period of their own (every two years); "biannual" and "semi-annual" are
"annual" with a prefix."""


def _frequency() -> re.Pattern[str]:
    periods = "|".join(PERIOD_WORDS)
    adverbs = "|".join(
        [
            *(w for words in PERIOD_WORDS.values() for w in words if w.endswith("ly")),
            *HOW_OFTEN_WORDS,
        ]
    )
    numbers = "|".join([*NUMBER_WORDS, r"\d+"])
    times = rf"(?:once|twice|thrice|(?:{numbers})\s+times)"
    return re.compile(
        rf"\b{times}\s+(?:a|an|per|each|every|in\s+(?:a|the))\s+(?:{periods})s?\b"
        rf"|\b(?:every|each)\s+(?:(?:{numbers}|other)\s+)?(?:{periods})s?\b"
        rf"|\b(?:bi-?|semi-?|half-|six-)?(?:{adverbs})\b",
        re.IGNORECASE,
    )


FREQUENCY = _frequency()
"""How often, in words: "twice a year", "three times a month", "every two months",
"quarterly", "bi-monthly", "annual", "biennial" (a number of times a period, as "4 a year"
is in figures)."""
