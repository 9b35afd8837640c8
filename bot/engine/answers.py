"""Parsing what a respondent typed into an answer to a question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.model import Option, Question, Scale
from bot.text import MAX_ANSWER_CHARS


class AnswerError(ValueError):
    """The text is not a valid answer; the message says what would be."""


@dataclass(frozen=True)
class ParsedAnswer:
    """An answer as the engine records it."""

    value: str
    """An option's value, a number as text, or the text itself."""
    label: str = ""
    """The option's label."""
    score: float | None = None
    """The score on the question's scale (numbers: 100 inside the range, 0 outside)."""
    comment: str = ""
    """Words after an option key or a number."""
    abstain: str = ""
    """dont_know or refused."""


_SEPARATORS = " \t\n,;:-–—.)/"


def parse_answer(question: Question, scale: Scale | None, text: str) -> ParsedAnswer:
    """Parse typed text as an answer to the question, or raise AnswerError."""
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(
            f"That answer is longer than {MAX_ANSWER_CHARS:,} characters; please shorten it."
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
    """The option the text starts with (its key, label or value, then a separator or the
    end), and how many characters name it; the longest name wins."""
    lowered = text.casefold()
    best: tuple[Option, int] | None = None
    for option in options:
        for name in (option.key, option.label, option.value.replace("_", " ")):
            candidate = name.casefold()
            if (
                lowered == candidate
                or (lowered.startswith(candidate) and lowered[len(candidate)] in _SEPARATORS)
            ) and (best is None or len(candidate) > best[1]):
                best = (option, len(candidate))
    return best


def _parse_choice(scale: Scale, text: str) -> ParsedAnswer:
    if not text:
        raise AnswerError(choice_hint(scale))
    best = matching_option(scale.options, text)
    if best is None:
        raise AnswerError(choice_hint(scale))
    option, length = best
    comment = text[length:].lstrip(_SEPARATORS).strip()
    if comment and not re.search(r"\w", comment):
        comment = ""
    return ParsedAnswer(
        value=option.value,
        label=option.label,
        score=option.score,
        comment=comment,
        abstain=option.abstain or "",
    )


_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)(?:\s*|(?=[^\d.]))(.*)$", re.S)


def _parse_number(question: Question, text: str) -> ParsedAnswer:
    match = _NUMBER.match(text.replace(",", "")) if text else None
    if match is None:
        raise AnswerError(f"Please answer with a number{_unit(question)}, such as 10.")
    number = float(match.group(1))
    if question.minimum is not None and number < question.minimum:
        raise AnswerError(f"Please give a number of at least {question.minimum:g}.")
    comment = match.group(2).lstrip(_SEPARATORS).strip()
    score = None
    if question.recommended is not None:
        score = 100.0 if question.recommended.contains(number) else 0.0
    return ParsedAnswer(value=f"{number:g}", score=score, comment=comment)


def _unit(question: Question) -> str:
    return f" of {question.unit}" if question.unit else ""
