"""Parsing what a respondent typed into an answer to a question.

An option is named whole, by its key or its words, and a comment may follow, as
`bot.engine.typed` reads it (the one reading): "3 - we have minutes", "3, mostly",
"Fairly well." name 3; "3.5", "3/4", "very poorly", "yes partly" and "2 3" are refused
with what would be accepted, never guessed. A number is a clean number ("12", "1,000";
no exponent; no fraction where what is counted comes whole), optionally followed by a
comment in words ("12 - two seats are vacant"), after a mark whatever it says ("12 -
monthly") but a unit of another period than the question's ("4 - a month" where it
counts meetings a year), a unit that fits the question's straight after it taken as its
unit (`bot.engine.units`); "1 4" and "1 000" are refused as unclear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.answer_score import NONE_LABEL, number_score
from bot.engine.dates import DateError, parse_date, spoken_date
from bot.engine.path import bare_key
from bot.engine.typed import (
    DEGREE_WORDS,
    DONT_KNOW_PHRASES,
    AnswerError,
    NoOption,
    comment_goes,
    ends_word,
    longest_at_start,
    normal,
    read_option,
    shown_words,
    split_comment,
    tokens,
)
from bot.engine.units import NUMBER_WORDS, after_unit, other_period
from bot.model import Option, Question, Scale, Turn
from bot.model.framework import DONT_KNOW_KEY
from bot.text import MAX_ANSWER_CHARS
from bot.turn_words import dont_know_offer


def _refuse_dont_know(text: str, hint: str, key: bool = True) -> None:
    """Refuse (skippable) a Don't know to a question without one, rather than saying the
    words are not an answer: the respondent is told the question can be skipped."""
    phrases = (DONT_KNOW_KEY, *DONT_KNOW_PHRASES) if key else DONT_KNOW_PHRASES
    if _phrase(phrases, text):
        raise AnswerError(f"This question has no Don't know answer. {hint}", skippable=True)


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
DONT_KNOW_OPTION = Option(
    value="dont_know", key=DONT_KNOW_KEY, label=DONT_KNOW_LABEL, abstain="dont_know"
)
"""Don't know as typed at a number or a date question that allows it."""

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


def _comment(rest: str) -> str:
    """The comment after a name that ends whole (a date, Don't know among picks)."""
    return split_comment(rest)[1]


def _reason(text: str, length: int) -> str:
    """The reason given with "does not apply": what follows a mark after the words
    ("n/a - we are a unitary authority"), or else the sentence as it was typed ("Not
    applicable here, though we joined the county board in 2008"), never a fragment."""
    marked, comment = split_comment(text[length:])
    return comment if marked or not comment else text.strip()


def _phrase(phrases: Sequence[str], text: str) -> int:
    """Where the longest of the phrases the text starts with ends (0 for none), read as
    an option's name is (`longest_at_start`: runs of spaces and case ignored)."""
    found = longest_at_start(phrases, text)
    return found[1] if found else 0


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
            comment=_reason(text, length),
            abstain=NOT_APPLICABLE,
        )
    if question.kind == "text":
        if not text:
            raise AnswerError("Please type an answer.", skippable=True)
        if bare_key(text):
            raise AnswerError(words_wanted(text), skippable=True)
        return ParsedAnswer(value=text)
    try:
        return _parse_kind(question, scale, text)
    except AnswerError:
        if not question.allow_not_applicable and _phrase(NOT_APPLICABLE_PHRASES, text):
            raise not_applicable_refused(_answers_here(question, scale)) from None
        raise


def not_applicable_refused(answers: str) -> AnswerError:
    """The one refusal of "n/a" (or its other words) where a question does not invite Not
    applicable: it says so and what the question takes (``answers``), never suggesting an
    answer for it (a score the respondent did not give)."""
    return AnswerError(f"This question does not take Not applicable. {answers}", skippable=True)


def _answers_here(question: Question, scale: Scale | None) -> str:
    """What a question takes, for the refusal of an answer it does not take."""
    if question.kind == "choice":
        return picks_hint(question) if question.multiple else one_choice_hint(question)
    if question.kind == "number":
        return number_hint(question)
    if question.kind == "date":
        return date_hint(question)
    assert scale is not None
    listed = "; ".join(f"{o.key} {o.label}" for o in scale.options)
    return f"Its answers are: {listed}."


def _parse_kind(question: Question, scale: Scale | None, text: str) -> ParsedAnswer:
    """Typed text read as an answer of the question's kind (not a text question)."""
    if question.kind == "number":
        _not_offered(question, (), text, number_hint(question))
        return _parse_number(question, text)
    if question.kind == "date":
        _not_offered(question, (), text, date_hint(question))
        return _parse_date(question, text)
    if question.kind == "choice":
        if question.multiple:
            return _parse_picks(question, text)
        try:
            parsed = _parse_choice(question.choices, text, one_choice_hint(question))
        except NoOption:
            _not_offered(question, question.choices, text, one_choice_hint(question))
            first = text.split(maxsplit=1)[0] if text else ""
            said = f'"{shown_words(first)}" is not one of the options. ' if first else ""
            raise AnswerError(said + one_choice_hint(question)) from None
        return _choice_answer(question, parsed.value, parsed.comment)
    assert scale is not None
    try:
        parsed = _parse_choice(scale.options, text, choice_hint(scale.options))
    except NoOption:
        _not_offered(question, scale.options, text, choice_hint(scale.options))
        raise
    # A fact (`scored = false`) keeps its scale's options but never a score.
    return parsed if question.scored else replace(parsed, score=None)


def words_wanted(text: str) -> str:
    """The refusal of a key or a lone number typed at a free-text question (`bare_key`,
    the rule that keeps such a reply out of reports): it is not the respondent's words."""
    return (
        f'This question asks for words: "{shown_words(text)}" is only a key or a number, '
        "and reports quote words only. Please describe it in your own words."
    )


def _not_offered(question: Question, options: Sequence[Option], text: str, hint: str) -> None:
    """Refuse, saying why, words that name no option but an answer this question does not
    have: "n/a" where it does not invite Not applicable, an in-between answer ("partly")
    where no option is in between; the answers it has are listed."""
    said = shown_words(text)
    listed = f" The answers are: {_labelled(options)}." if options else ""
    if _phrase(NOT_APPLICABLE_PHRASES, text):
        answers = "; ".join(f"{o.key} {o.label}" for o in options)
        raise not_applicable_refused(f"Its answers are: {answers}." if options else hint)
    if options and tokens(text)[:1] and tokens(text)[0] in DEGREE_WORDS:
        raise AnswerError(
            f'"{said}" does not fit here: this question has no in-between answer.{listed}'
        )


def _labelled(options: Sequence[Option]) -> str:
    """Each option as a refusal lists it: its label and key."""
    return ", ".join(f"{o.label} ({o.key})" for o in options)


def option_answer(question: Question, option: Option, comment: str) -> ParsedAnswer:
    """The answer a click on one of the question's options (or its coded key) gives."""
    if question.kind == "choice":
        return _choice_answer(question, option.value, comment)
    return ParsedAnswer(
        value=option.value,
        label=option.label,
        score=option.score if question.scored else None,
        comment=comment,
        abstain=option.abstain or "",
    )


def _choice_answer(question: Question, value: str, comment: str) -> ParsedAnswer:
    """A single choice's answer: Don't know is stored as an abstention with no value, as
    for numbers and dates."""
    option = next(o for o in question.choices if o.value == value)
    if option.abstain:
        return ParsedAnswer(value="", label=DONT_KNOW_LABEL, comment=comment, abstain="dont_know")
    return ParsedAnswer(value, option.label, question.choice_score((value,)), comment)


def choice_hint(options: Scale | Sequence[Option]) -> str:
    """How to answer a choice question, for re-prompts."""
    shown = options.options if isinstance(options, Scale) else tuple(options)
    keys = ", ".join(o.key for o in shown)
    return f'Please answer with one of: {keys} (or the words, such as "{shown[0].label}").'


def current_options(options: Sequence[Option], turn: Turn | None) -> tuple[Option, ...]:
    """The options an answer picked: one, or for a choice of several each one picked; a
    choice's Don't know (stored with no value) is its Don't know option."""
    if turn is None:
        return ()
    if turn.abstain and not turn.value:
        return tuple(o for o in options if o.abstain == turn.abstain)
    values = set(turn.value.split(","))
    return tuple(o for o in options if o.value in values)


def own_words(question: Question, turn: Turn) -> str:
    """The respondent's own words in an answer: a text answer, or the comment after a key,
    a number or an abstention."""
    return turn.value if question.kind == "text" and not turn.abstain else turn.comment


def _parse_choice(options: Sequence[Option], text: str, hint: str) -> ParsedAnswer:
    """One option named by typed text (`read_option`), as the engine records it; text
    that names none is refused with the hint, saying so of a key run into more ("3x")."""
    if not text:
        raise NoOption(hint)
    try:
        reading = read_option(options, text, hint)
    except NoOption:
        first = text.split(maxsplit=1)[0]
        # A key run into more ("3x", "3.5"), not a word that starts with a key's letter.
        near = [
            o.key
            for o in options
            if normal(first).startswith(normal(o.key))
            and not (o.key[-1].isalpha() and first[len(o.key) : len(o.key) + 1].isalpha())
        ]
        if not near:
            raise
        example = max(near, key=len)
        raise NoOption(
            f'"{shown_words(first)}" is not one of the answers. {hint} {comment_goes(example)}'
        ) from None
    option = reading.option
    return ParsedAnswer(
        value=option.value,
        label=option.label,
        score=option.score,
        comment=reading.comment,
        abstain=option.abstain or "",
    )


def one_choice_hint(question: Question) -> str:
    """How to answer a choice of one option, for re-prompts: the options that exist."""
    return (
        f"Please answer with the number of one option{dont_know_offer(question)} (a comment "
        f'can follow, such as "1 - because ..."). The options are: {_listed(question)}.'
    )


def picks_hint(question: Question) -> str:
    """How to answer a multiple choice, for re-prompts: the options that exist and how
    many to pick."""
    low, high = question.picks()
    if low == high:
        how_many = f"{low}"
    elif high == len(question.options):
        how_many = "one or more" if low == 1 else f"at least {low}"
    else:
        how_many = f"{low} to {high}"
    dont_know = dont_know_offer(question, alone=True)
    return (
        f"Please give the numbers of the options that apply ({how_many}), separated by commas "
        f'or spaces, such as "{_example(question)}"{dont_know}. The options are: '
        f"{_listed(question)}."
    )


def _listed(question: Question) -> str:
    """The options a hint names, each with its key: Don't know and the like are offered
    on their own terms (see `dont_know_offer`)."""
    return "; ".join(f"{o.key} {o.label}" for o in question.choices if not o.abstain)


def _example(question: Question) -> str:
    low, high = question.picks()
    keys = [o.key for o in question.choices if not o.abstain]
    return ", ".join(keys[: max(low, min(2, high))])


_PICK_SEPARATOR = re.compile(r"[\s,;]+")
_JOINING_WORDS = ("and", "&", "+")


def _parse_picks(question: Question, text: str) -> ParsedAnswer:
    """Several options named by their keys (or values), separated by commas or spaces,
    then optionally a comment."""
    if question.allow_dont_know:
        length = _phrase((DONT_KNOW_KEY, *DONT_KNOW_PHRASES), text)
        if length:
            if any(not o.abstain for o in leading_picks(question, text[length:])[0]):
                raise AnswerError(f"Don't know goes alone. {picks_hint(question)}")
            return ParsedAnswer(
                value="",
                label=DONT_KNOW_LABEL,
                comment=_comment(text[length:]),
                abstain="dont_know",
            )
    picked, rest = leading_picks(question, text)
    if not picked and not question.allow_dont_know:
        keys = {normal(o.key) for o in question.choices}
        _refuse_dont_know(text, picks_hint(question), key=DONT_KNOW_KEY not in keys)
    following = _PICK_SEPARATOR.split(rest.lstrip(" \t\n,;"), maxsplit=1)[0].rstrip(".)")
    if re.fullmatch(r"\d+", following) or (following and not picked and len(following) <= 3):
        raise AnswerError(f'"{following}" is not one of the options. {picks_hint(question)}')
    if not picked:
        raise AnswerError(picks_hint(question))
    if any(o.abstain for o in picked):
        raise AnswerError(f"Don't know goes alone. {picks_hint(question)}")
    low, high = question.picks()
    if not low <= len(picked) <= high:
        few = "few" if len(picked) < low else "many"
        raise AnswerError(f"That is too {few} ({len(picked)}). {picks_hint(question)}")
    ordered = [o for o in question.choices if o in picked]
    values = tuple(o.value for o in ordered)
    return ParsedAnswer(
        value=",".join(values),
        label="; ".join(o.label for o in ordered),
        score=question.choice_score(values),
        comment=_comment(rest),
    )


def leading_picks(question: Question, text: str) -> tuple[tuple[Option, ...], str]:
    """The options a multiple choice's typed text starts by naming (its keys, in the order
    typed), and the rest of the text (a comment); nothing is refused."""
    picked: list[Option] = []
    position = 0
    while position < len(text):
        separator = _PICK_SEPARATOR.match(text, position)
        start = separator.end() if separator else position
        word_end = _PICK_SEPARATOR.search(text, start)
        end = word_end.start() if word_end else len(text)
        word = text[start:end].rstrip(".)")
        option = _key_of(question, word) if word else None
        if option is None and not (word.casefold() in _JOINING_WORDS and picked):
            break
        if option is not None and option not in picked:
            picked.append(option)
        position = end
    return tuple(picked), text[position:]


def toggle_pick(question: Question, text: str, option: Option) -> str:
    """The typed text of a multiple choice with one option's key added (or taken out when
    it is there), keys in the options' order, any comment kept after them."""
    picked, rest = leading_picks(question, text)
    toggled = set(picked) ^ {option}
    # Don't know goes alone: picking it clears the others, picking another clears it.
    chosen = {option} & toggled if option.abstain else {o for o in toggled if not o.abstain}
    keys = ", ".join(o.key for o in question.choices if o in chosen)
    rest = rest.strip()
    return f"{keys} {rest}".strip() if keys else rest


def _key_of(question: Question, word: str) -> Option | None:
    """The option a word names: its key, or its value (values hold no space or comma)."""
    word = normal(word)
    return next((o for o in question.choices if word in (normal(o.key), normal(o.value))), None)


def date_hint(question: Question) -> str:
    """How to answer a date question, for re-prompts."""
    return (
        "Please give a date, such as 2 December 2009, 2009-12-02 or 02/12/2009 "
        f"(day first){_date_range(question)}{dont_know_offer(question)}."
    )


def _date_range(question: Question) -> str:
    early, late = question.earliest, question.latest
    if early and late:
        return f", from {spoken_date(early)} to {spoken_date(late)}"
    if early:
        return f", on or after {spoken_date(early)}"
    if late:
        return f", on or before {spoken_date(late)}"
    return ""


def _dont_know(question: Question, text: str, hint: str) -> ParsedAnswer | None:
    """Don't know (the key or a usual way of saying it) where the question allows it,
    refused with the question's hint where it does not; None for any other answer."""
    if not question.allow_dont_know:
        _refuse_dont_know(text, hint)
        return None
    try:
        reading = read_option((DONT_KNOW_OPTION,), text, hint, guess=False)
    except NoOption:
        return None
    return ParsedAnswer(
        value="", label=DONT_KNOW_LABEL, comment=reading.comment, abstain="dont_know"
    )


def _parse_date(question: Question, text: str) -> ParsedAnswer:
    dont_know = _dont_know(question, text, date_hint(question))
    if dont_know is not None:
        return dont_know
    try:
        day, length = parse_date(text)
    except DateError as error:
        raise AnswerError(f"{error} {date_hint(question)}") from None
    if not ends_word(text[length:]):
        raise AnswerError(date_hint(question))
    early, late = question.earliest, question.latest
    if (early and day < early) or (late and day > late):
        raise AnswerError(
            f"{spoken_date(day)} is outside the dates this question takes; please give a date"
            f"{_date_range(question)}."
        )
    # Stored as 2009-12-02 (what conditions compare with), shown as words.
    return ParsedAnswer(
        value=day.isoformat(), label=spoken_date(day), comment=_comment(text[length:])
    )


_NUMBER = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_RANGE = re.compile(r"(?:-|–|—|to)\s*\d", re.I)


def number_hint(question: Question) -> str:
    """How to answer a number question, for re-prompts."""
    kind = "a whole number" if question.whole else "a number"
    dont_know = ", or d for Don't know" if question.allow_dont_know else ""
    return (
        f"Please answer with {kind}{_unit(question)}, such as 12{dont_know}. "
        f"{comment_goes('12', NUMBER_COMMENT)}"
    )


NUMBER_COMMENT = "about the same as last year"
"""The comment a number's refusals show, one that fits whatever a number counts."""


def _parse_number(question: Question, text: str) -> ParsedAnswer:
    dont_know = _dont_know(question, text, number_hint(question))
    if dont_know is not None:
        return dont_know
    match = _NUMBER.match(text)
    rest = text[match.end() :] if match else ""
    if match is not None and _RANGE.match(rest.strip()):
        raise AnswerError(
            f"Please give one number{_unit(question)} (a typical one if it varies), such as 12."
        )
    if match is None:
        _refuse_number_word(question, text)
    if match is None or not ends_word(rest):
        raise AnswerError(number_hint(question))
    comment = _number_comment(question, match.group(0), rest)
    if question.whole and match.group(3):
        raise AnswerError(f'"{match.group(0)}" is not a whole number. {number_hint(question)}')
    number = float(match.group(1) + match.group(2).replace(",", "") + (match.group(3) or ""))
    if question.minimum is not None and number < question.minimum:
        raise AnswerError(f"Please give a number of at least {question.minimum:g}.")
    if question.maximum is not None and number > question.maximum:
        raise AnswerError(f"Please give a number of at most {question.maximum:g}.")
    if number == 0 and question.none_not_applicable:
        # There is none of what is counted, a structure the source allows: not scored.
        return ParsedAnswer(
            value=_number_text(number), label=NONE_LABEL, comment=comment, abstain=NOT_APPLICABLE
        )
    return ParsedAnswer(
        value=_number_text(number), score=number_score(question, number), comment=comment
    )


def _refuse_number_word(question: Question, text: str) -> None:
    """Refuse a number written in words ("twelve", "none"), saying to type it in digits
    and which digits; other text is left to the question's hint."""
    first = re.split(r"[\s,.;:!?]+", normal(text).strip(), maxsplit=1)[0]
    if first == "a" and normal(text).split()[1:2] == ["dozen"]:
        first = "dozen"
    if first in ("none", "nil", "nothing"):
        raise AnswerError(f'For "{first}", please type 0. {number_hint(question)}')
    words = re.findall(r"[a-z]+", first)
    if not words or not all(word in NUMBER_WORDS for word in words):
        return
    digits = f': {NUMBER_WORDS[first]} for "{first}"' if first in NUMBER_WORDS else ""
    raise AnswerError(f"Please give the number in digits{digits}. {number_hint(question)}")


def _number_comment(question: Question, number: str, rest: str) -> str:
    """The comment after a number, in words: a number run on after a space ("1 4", "1
    000") is unclear, a comment of numbers alone ("12, 3") is not words, and a number
    counted by another period than the question's ("4 a month" for meetings a year) would
    be read wrong."""
    marked, comment = split_comment(rest)
    if comment[:1].isdigit() and not marked:
        joined = number + re.match(r"\d*", comment).group(0)
        raise AnswerError(
            f'"{shown_words(number + rest)}" is unclear: did you mean {joined}? Please give '
            f"one number{_unit(question)}, with any comment in words after a dash, such as "
            f'"{joined} - {NUMBER_COMMENT}".'
        )
    if comment and not re.search(r"[^\W\d_]", comment):
        raise AnswerError(
            f'"{shown_words(number + rest)}" is unclear: after a number a comment needs '
            f"words (numbers alone could be another count), such as "
            f'"{number} - {NUMBER_COMMENT}".'
        )
    if (period := other_period(question, comment, marked=bool(marked))) is not None:
        raise AnswerError(
            f'"{shown_words(number + rest)}" counts by the {period}, and this question asks '
            f"for {question.unit}. {number_hint(question)}"
        )
    if marked:
        # A mark after the number: the comment, whatever else it says ("12 - monthly").
        return comment
    after = after_unit(question, comment)
    return comment if after is None else after


def _number_text(number: float) -> str:
    """A number as stored: 12, 1000000, 12.5 (never an exponent)."""
    if number.is_integer():
        return str(int(number))
    return format(number, "f").rstrip("0").rstrip(".")


def _unit(question: Question) -> str:
    return f" of {question.unit}" if question.unit else ""
