"""Parsing what a respondent typed into an answer to a question.

An option is named by the whole first word (or words) of the answer: its key, its label
or its value, then the end, a space, or a punctuation mark and a space ("3 - we have
minutes", "3, mostly", "Fairly well."). So "3.5" or "3/4" is not option 3 with a comment:
it is refused, with what would be accepted. A number is a clean number ("12", "1,000";
no exponent; no fraction where what is counted comes whole), optionally followed the
same way by a comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.model import Option, Question, Scale, Turn
from bot.text import MAX_ANSWER_CHARS


class AnswerError(ValueError):
    """The text is not a valid answer; the message says what would be."""


@dataclass(frozen=True)
class ParsedAnswer:
    """An answer as the engine records it."""

    value: str
    """An option's value, a number as text, the text itself, or not_applicable."""
    label: str = ""
    """The option's label (or Don't know / Not applicable)."""
    score: float | None = None
    """The score on the question's scale (numbers: 100 inside the range, 0 outside)."""
    comment: str = ""
    """Words after an option key or a number."""
    abstain: str = ""
    """dont_know, refused or not_applicable."""


NOT_APPLICABLE = "not_applicable"
NOT_APPLICABLE_LABEL = "Not applicable"
DONT_KNOW_LABEL = "Don't know"

DONT_KNOW_PHRASES = (
    "don't know",
    "dont know",
    "do not know",
    "i don't know",
    "i dont know",
    "i do not know",
    "don't know really",
    "not sure",
    "not sure really",
    "i'm not sure",
    "im not sure",
    "unsure",
    "dk",
    "no idea",
    "not known",
    "can't say",
    "cannot say",
)
"""The usual ways of saying Don't know, accepted wherever Don't know is an answer."""

NOT_APPLICABLE_PHRASES = (
    "n/a",
    "na",
    "n.a.",
    "not applicable",
    "not relevant",
    "does not apply",
    "doesn't apply",
    "it does not apply",
    "it doesn't apply",
    "this does not apply",
    "this doesn't apply",
    "that does not apply",
    "that doesn't apply",
)
"""The usual ways of saying a question does not apply, where the question invites it."""

_FOLLOWING_MARKS = ",;:.)–—-"
"""Marks that may end the word naming an answer, when a space or the end follows."""
_SEPARATORS = " \t\n" + _FOLLOWING_MARKS


def _ends_word(rest: str) -> bool:
    """Whether what follows a name leaves the name a whole word."""
    if not rest or rest[0].isspace():
        return True
    return rest[0] in _FOLLOWING_MARKS and (len(rest) == 1 or rest[1].isspace())


def _comment(rest: str) -> str:
    comment = rest.lstrip(_SEPARATORS).strip()
    return comment if re.search(r"\w", comment) else ""


def _normal(text: str) -> str:
    return text.casefold().replace("’", "'")


def _phrase(phrases: Sequence[str], text: str) -> int | None:
    """How many characters of the text the longest phrase names, as whole words."""
    lowered = _normal(text)
    best = None
    for phrase in phrases:
        if lowered.startswith(phrase) and _ends_word(lowered[len(phrase) :]):
            best = max(best or 0, len(phrase))
    return best


def parse_answer(question: Question, scale: Scale | None, text: str) -> ParsedAnswer:
    """Parse typed text as an answer to the question, or raise AnswerError."""
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(
            f"That answer is longer than {MAX_ANSWER_CHARS:,} characters; please shorten it."
        )
    text = text.strip()
    if question.allow_not_applicable and (length := _phrase(NOT_APPLICABLE_PHRASES, text)):
        return ParsedAnswer(
            value=NOT_APPLICABLE,
            label=NOT_APPLICABLE_LABEL,
            comment=_comment(text[length:]),
            abstain=NOT_APPLICABLE,
        )
    if question.kind == "text":
        if not text:
            raise AnswerError("Please type an answer, or :skip to move on.")
        return ParsedAnswer(value=text)
    if question.kind == "number":
        return _parse_number(question, text)
    assert scale is not None
    return _parse_choice(scale, text)


def choice_hint(scale: Scale) -> str:
    """How to answer a choice question, for re-prompts."""
    keys = ", ".join(o.key for o in scale.options)
    return f'Please answer with one of: {keys} (or the words, such as "{scale.options[0].label}").'


def matching_option(options: Sequence[Option], text: str) -> tuple[Option, int] | None:
    """The option the text names as its first word or words (its key, label or value, or
    for Don't know one of the usual ways of saying it), and how many characters name it;
    the longest name wins."""
    lowered = _normal(text)
    best: tuple[Option, int] | None = None
    for option in options:
        names = [option.key, option.label, option.value.replace("_", " ")]
        if option.abstain == "dont_know":
            names += DONT_KNOW_PHRASES
        for name in names:
            candidate = _normal(name)
            if (
                lowered.startswith(candidate)
                and _ends_word(lowered[len(candidate) :])
                and (best is None or len(candidate) > best[1])
            ):
                best = (option, len(candidate))
    return best


def own_words(question: Question, turn: Turn) -> str:
    """The respondent's own words in an answer: a text answer, or the comment after a key,
    a number or an abstention."""
    return turn.value if question.kind == "text" and not turn.abstain else turn.comment


def _parse_choice(scale: Scale, text: str) -> ParsedAnswer:
    if not text:
        raise AnswerError(choice_hint(scale))
    best = matching_option(scale.options, text)
    said = _phrase(DONT_KNOW_PHRASES, text)
    if (
        said
        and (best is None or said > best[1])
        and not any(o.abstain == "dont_know" for o in scale.options)
    ):
        raise AnswerError(f"Don't know is not one of the answers here. {choice_hint(scale)}")
    if best is None:
        first = text.split(maxsplit=1)[0]
        near = [o.key for o in scale.options if _normal(first).startswith(_normal(o.key))]
        if near:
            example = max(near, key=len)
            raise AnswerError(
                f'"{first}" is not one of the answers. {choice_hint(scale)} '
                f'A comment goes after the answer and a space, such as "{example} - because ...".'
            )
        raise AnswerError(choice_hint(scale))
    option, length = best
    return ParsedAnswer(
        value=option.value,
        label=option.label,
        score=option.score,
        comment=_comment(text[length:]),
        abstain=option.abstain or "",
    )


_NUMBER = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_RANGE = re.compile(r"(?:-|–|—|to)\s*\d", re.I)
_DONT_KNOW_KEY = "d"


def number_hint(question: Question) -> str:
    """How to answer a number question, for re-prompts."""
    kind = "a whole number" if question.whole else "a number"
    dont_know = ", or d for Don't know" if question.allow_dont_know else ""
    return (
        f"Please answer with {kind}{_unit(question)}, such as 12{dont_know}; "
        'a comment can follow after a space, such as "12 - two seats are vacant".'
    )


def _parse_number(question: Question, text: str) -> ParsedAnswer:
    if question.allow_dont_know:
        length = _phrase((_DONT_KNOW_KEY, *DONT_KNOW_PHRASES), text)
        if length:
            return ParsedAnswer(
                value="",
                label=DONT_KNOW_LABEL,
                comment=_comment(text[length:]),
                abstain="dont_know",
            )
    match = _NUMBER.match(text)
    rest = text[match.end() :] if match else ""
    if match is not None and _RANGE.match(rest.strip()):
        raise AnswerError(
            f"Please give one number{_unit(question)} (a typical one if it varies), such as 12."
        )
    if match is None or not _ends_word(rest):
        raise AnswerError(number_hint(question))
    if question.whole and match.group(3):
        raise AnswerError(f'"{match.group(0)}" is not a whole number. {number_hint(question)}')
    number = float(match.group(1) + match.group(2).replace(",", "") + (match.group(3) or ""))
    if question.minimum is not None and number < question.minimum:
        raise AnswerError(f"Please give a number of at least {question.minimum:g}.")
    if question.maximum is not None and number > question.maximum:
        raise AnswerError(f"Please give a number of at most {question.maximum:g}.")
    score = None
    if question.recommended is not None:
        score = 100.0 if question.recommended.contains(number) else 0.0
    return ParsedAnswer(value=_number_text(number), score=score, comment=_comment(rest))


def _number_text(number: float) -> str:
    """A number as stored: 12, 1000000, 12.5 (never an exponent)."""
    if number.is_integer():
        return str(int(number))
    return format(number, "f").rstrip("0").rstrip(".")


def _unit(question: Question) -> str:
    return f" of {question.unit}" if question.unit else ""
