"""The one reading of an answer typed as an option's key or words, and of the comment after it.

Plain mode, the chat, a telephone interview's typed answers and an amendment all read
typed text here (through `bot.engine.answers.parse_answer`), and the chat marks the option
typed by the same reading (`typed_option`).

- An option is named whole: its key, its full label, or its value in words where that
  value is not just a part of a label ("fairly" is a part of "Fairly well", so it names
  nothing); for Don't know also the usual ways of saying it, for a yes or a no its spoken
  forms (`WORD_FORMS`). Case, runs of spaces and trailing punctuation are ignored. The
  longest name the text starts with wins. Words that name an option once a misspelt word
  is read as the nearest option word are refused with "did you mean" it (`spelt_as`), as
  is an option's own value that is a part of its label alone ("neither",
  `value_at_start`).
- A mark (" - ", ":", ";", "(") after a key or an option's words ends the answer: what
  follows is the comment, whatever words it starts with ("Yes - no formal minutes",
  "No - not yet"), or a year or a number ("Yes - 2009", "3 - 2008"). Refused after a
  mark only: a comment that is nothing but another answer, its words with joining words
  ("Yes - partly", "y - and no", "3 - strongly agree") or a number that is another
  option's key ("3 - 4"), which is ambiguous: the refusal names both readings and how to
  write either; and a comment of numbers alone that repeats the answer's own key ("3 -
  3"), which says nothing a report can quote. Numbers alone after no mark ("2 3", "3,
  2008") are refused as unclear.
- Without such a mark (a space, a comma, a full stop, "!" or "?") the reading is strict.
  After words a space starts no comment (but "because" does): "yes partly", "very well at
  all" are refused. A comment after a comma or a full stop that starts with another
  option's words, a negation or a word of degree is refused ("Yes, partly"), except a
  negation after a negative answer ("No, not yet"). A comment after a key and a space or
  a comma that starts with another option's key or words is refused ("y partly"), and so
  is a key followed by a number ("2 3").
- A number key followed by a space and words may be a count ("4 out of 5 partners", "2 a
  year"): it is never taken as the key; a comment after a number key needs a mark
  ("4 - out of 5 partners", "3, mostly").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from bot.model import Option
from bot.problems import closest


class AnswerError(ValueError):
    """The text is not a valid answer; the message says what would be."""

    def __init__(self, message: str, skippable: bool = False) -> None:
        super().__init__(message)
        self.skippable = skippable
        """Skipping is the way on (an empty answer to a narrative question; a Don't know
        to a question without one): the front end adds how to skip, in its own words (a
        key in the app, a command in plain mode)."""


class NoOption(AnswerError):
    """The text names no option and carries none of the options' words."""


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
    "dunno",
    "i dunno",
    "dk",
    "no idea",
    "not known",
    "can't say",
    "cannot say",
)
"""The usual ways of saying Don't know, accepted wherever Don't know is an answer."""

WORD_FORMS: dict[str, tuple[str, ...]] = {
    "yes": ("yep", "yeah", "yup"),
    "no": ("nope", "nah"),
}
"""Spoken forms of an option's value that name it whole, as its label does: where an
option's value is yes or no."""

NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "nor",
        "neither",
        "none",
        "nothing",
        "hardly",
        "barely",
        "scarcely",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "cannot",
        "won't",
        "haven't",
        "hasn't",
    ]
)
"""Words that turn an answer round."""

DEGREE_WORDS = frozenset(
    [
        "very",
        "strongly",
        "partly",
        "partially",
        "fairly",
        "quite",
        "somewhat",
        "slightly",
        "mostly",
        "largely",
        "mainly",
        "rather",
        "really",
        "totally",
        "completely",
        "fully",
        "entirely",
        "absolutely",
        "extremely",
        "highly",
        "reasonably",
        "pretty",
        "moderately",
        "half",
        "almost",
        "nearly",
        "too",
        "less",
        "more",
        "least",
        "most",
        "ish",
    ]
)
"""Words that say how much, and so could move an answer up or down its scale."""

DEGREE_PHRASES = ("at all", "a bit", "a little", "kind of", "sort of", "to some extent", "in part")
"""Phrases that say how much, as the words above do."""

JOINING_WORDS = frozenset(["and", "but", "or", "only", "just", "also", "though", "yet", "&", "+"])
"""Words that join one answer to another ("yes and no", "yes but only partly")."""

COMMON_WORDS = frozenset(
    ["a", "an", "the", "to", "of", "us", "like", "we", "our", "it", "is", "are"]
)
"""Words of labels too common to say which option is meant ("Not at all like us")."""

WORD_KEYS = frozenset({"a", "i"})
"""Keys that are words of their own: a comment after them needs a mark ("a - late")."""

SEPARATOR_MARKS = frozenset("-–—:;,.()!?…")
"""Marks that put a comment after an answer."""

ENDING_MARKS = frozenset("-–—:;(")
"""Marks that end the answer: what follows is the comment, whatever words it starts with."""

_BOUNDARY = r"(?=$|\s|[^\w\s]+(?:\s|$))"
"""Where a name ends as a whole word: the end, a space, or marks then a space or the end."""

WHOLE_NUMBERS = re.compile(r"[0-9]+(?:[ ,]+[0-9]+)*")
"""Numbers a comment may be alone (years, counts): whole, ASCII digits, no fraction,
range, percentage or sign, which would qualify the answer ("Yes - 50/50")."""

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[&+]")


def ends_word(rest: str) -> bool:
    """Whether what follows a name leaves it whole: the end, a space, or marks (",", ".",
    "!") then a space or the end; "3.5" and "3/4" do not name 3."""
    return re.match(_BOUNDARY, rest) is not None


def normal(text: str) -> str:
    """Text as names are compared: case folded, curly apostrophes straight."""
    return text.casefold().replace("’", "'")


def tokens(text: str) -> list[str]:
    """The words and numbers of a text, as compared."""
    return _TOKEN.findall(normal(text))


@dataclass(frozen=True)
class Reading:
    """An option named by typed text, and the comment after it."""

    option: Option
    comment: str = ""


@dataclass(frozen=True)
class _Name:
    option: Option | None
    """None: a way of saying Don't know where Don't know is not an answer."""
    words: str
    key: bool


def _telling(text: str) -> list[str]:
    """A text's words past those too common to tell options apart ("The police" -> police)."""
    return [t for t in tokens(text) if t not in COMMON_WORDS]


def _is_part(short: list[str], long: list[str]) -> bool:
    """Whether words run inside a longer run of words."""
    size = len(short)
    return 0 < size < len(long) and any(
        long[i : i + size] == short for i in range(len(long) - size + 1)
    )


def option_names(option: Option, options: Sequence[Option]) -> list[str]:
    """The words that name an option whole: its label, its value in words unless that is
    only a part of a label ("very" of "Very well"; words such as "the" and "like us" are
    not counted, so "police" names "The police"), and for Don't know the usual ways of saying it (its key
    apart)."""
    names = [option.label]
    value = option.value.replace("_", " ")
    if not any(_is_part(_telling(value), _telling(o.label)) for o in options):
        names.append(value)
    names += WORD_FORMS.get(normal(option.value), ())
    if option.abstain == "dont_know":
        names += DONT_KNOW_PHRASES
    return names


def _names(options: Sequence[Option]) -> list[_Name]:
    found = [_Name(o, o.key, True) for o in options]
    for option in options:
        found += [_Name(option, words, False) for words in option_names(option, options)]
    if not any(o.abstain == "dont_know" for o in options):
        found += [_Name(None, phrase, False) for phrase in DONT_KNOW_PHRASES]
    return found


@cache
def _pattern(words: str) -> re.Pattern[str]:
    joined = r"\s+".join(re.escape(word) for word in normal(words).split())
    return re.compile(joined + _BOUNDARY)


def longest_at_start(phrases: Sequence[str], text: str) -> tuple[int, int] | None:
    """Which of the phrases the text starts with, as whole words (case, curly apostrophes
    and runs of spaces ignored), the longest if several: its index and where it ends."""
    lowered = normal(text)
    best: tuple[int, int] | None = None
    for index, phrase in enumerate(phrases):
        match = _pattern(phrase).match(lowered)
        if match and (best is None or match.end() > best[1]):
            best = (index, match.end())
    return best


def _named_at_start(names: Sequence[_Name], text: str) -> tuple[_Name, int] | None:
    """The longest name the text starts with, and where it ends."""
    found = longest_at_start([name.words for name in names], text)
    return None if found is None else (names[found[0]], found[1])


def _words_of(option: Option) -> set[str]:
    """The telling words of an option's label and value."""
    found: set[str] = set()
    for name in (option.label, option.value.replace("_", " ")):
        found.update(tokens(name))
    return found - COMMON_WORDS


def could_mean(options: Sequence[Option], text: str, named: Option | None = None) -> list[Option]:
    """The options typed words could mean: the one they start by naming, and those that
    share the most of their words (or, after a name, keys) with them, in the options'
    order; a negation shared alone ("not" of "Not met at all") suggests no option but one
    it names whole ("no" of No)."""
    said = tokens(text)
    # Keys count only after a name ("2 3"): "3.5" names nothing, and means no option.
    keys = {normal(o.key): o for o in options} if named is not None else {}
    shared: dict[int, int] = {}
    for index, option in enumerate(options):
        own = _words_of(option)
        words = [t for t in said if t in own]
        count = len(words) + sum(1 for t in said if keys.get(t) == option)
        if count and (set(words) - NEGATIONS or count > len(words) or own <= NEGATIONS):
            shared[index] = count
    most = max(shared.values(), default=0)
    return [
        o
        for i, o in enumerate(options)
        if o == named or (most and shared.get(i) == most) or (said and keys.get(said[0]) == o)
    ]


def shown_words(text: str, limit: int = 40) -> str:
    """What was typed, as a refusal quotes it: one line, shortened."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def unclear(
    options: Sequence[Option],
    text: str,
    hint: str,
    named: Option | None,
    numbers: bool = False,
) -> AnswerError:
    """The refusal of words that could mean more than one thing: which options they could
    mean, what is accepted, and how to add a comment (after `numbers` alone: numbers are a
    comment only after a dash, none of them a key)."""
    meant = could_mean(options, text, named)
    listed = " or ".join(f"{o.label} ({o.key})" for o in meant)
    example = (named or (meant or list(options))[0]).key
    words = (
        " A number alone is a comment only when it is one whole number after a dash and"
        f' no key ("{example} - 2008").'
        if numbers and not (named and named.abstain)
        else ""
    )
    return AnswerError(
        f'"{shown_words(text)}" is not one of the answers as it stands: it could mean '
        f"{listed}.{words} {hint} {comment_goes(example)}"
    )


def comment_goes(key: str, example: str = "because ...") -> str:
    """How every refusal says where a comment goes: after the answer (``key``) and a dash."""
    return f'A comment goes after the answer and a dash, such as "{key} - {example}".'


SPELT_WORDS = 8
"""The most words `spelt_as` reads: as many as an option's name has, never a long text."""


def spelt_as(options: Sequence[Option], text: str) -> Option | None:
    """The option typed words name whole once a misspelt word is read as the option's word
    it is closest to (`bot.problems.closest`: "fairy well" -> Fairly well), or None; only
    a text as short as a name (`SPELT_WORDS`)."""
    said = tokens(text)
    if len(said) > SPELT_WORDS:
        return None
    names = _names(options)
    known = sorted({t for n in names if not n.key for t in tokens(n.words)})
    fixed = [t if t in known or len(t) < 3 else (closest(t, known) or t) for t in said]
    if fixed == said:
        return None
    joined = " ".join(fixed)
    found = _named_at_start(names, joined)
    if found is None or found[1] != len(joined) or found[0].key:
        return None
    return found[0].option


def value_at_start(options: Sequence[Option], text: str) -> Option | None:
    """The option whose own value in words the text starts with, where that value names
    nothing, being a part of a label ("neither" of "Neither agree nor disagree"), and a
    part of that option's label alone ("very" is of "Very well" and "Not very well")."""
    values = [o.value.replace("_", " ") for o in options]
    found = longest_at_start(values, text)
    if found is None:
        return None
    option, said = options[found[0]], _telling(values[found[0]])
    labels = [o for o in options if said and _is_part(said, _telling(o.label))]
    return option if labels == [option] else None


def _did_you_mean(text: str, meant: Option, hint: str) -> AnswerError:
    """The refusal of words that name one option once read as it ("fairy well", "neither")."""
    return AnswerError(
        f'"{shown_words(text)}" is not one of the answers as it stands: did you mean '
        f"{meant.label} ({meant.key})? {hint}"
    )


def split_comment(rest: str) -> tuple[str, str]:
    """What follows a name: the marks that set it apart ("" for none), and the comment
    (without the marks, or a closing bracket matching them); "" when only marks follow."""
    match = re.match(r"\s*([^\w\s]*)\s*", rest)
    assert match is not None
    marks = match.group(1)
    if marks and all(mark in SEPARATOR_MARKS for mark in marks):
        comment = rest[match.end() :].strip()
        if "(" in marks and comment.endswith(")") and "(" not in comment:
            comment = comment[:-1].rstrip()
    else:
        marks, comment = "", rest.strip()
    if not re.search(r"[^\W_]", comment):
        return marks, ""
    return marks, comment


_JOINING = re.compile(r"^(?:(?:and|but|or|only|just|also|though|yet)(?=\s|$)|[&+])\s*", re.I)


def _past_joining(comment: str) -> str:
    """A comment past any joining words it starts with ("and no" -> "no")."""
    while match := _JOINING.match(comment):
        if not match.end():
            break
        comment = comment[match.end() :]
    return comment


def _starts_with_other(names: Sequence[_Name], comment: str, chosen: Option) -> bool:
    """Whether a comment, past any joining words, starts with another option's key or name."""
    others = [
        n for n in names if n.option is not chosen and not (n.key and normal(n.words) in WORD_KEYS)
    ]
    return _named_at_start(others, _past_joining(comment)) is not None


def _degree(said: list[str]) -> bool:
    joined = " ".join(said)
    return bool(said) and (
        said[0] in DEGREE_WORDS or any(joined.startswith(p) for p in DEGREE_PHRASES)
    )


def read_option(options: Sequence[Option], text: str, hint: str, guess: bool = True) -> Reading:
    """The option typed text names whole, and its comment; raises AnswerError when the
    text could mean more than one thing, NoOption when it names no option (with `guess`
    off, whenever it names none at its start)."""
    text = text.strip()
    names = _names(options)
    found = _named_at_start(names, text) if text else None
    if found is None:
        if guess and (meant := spelt_as(options, text)) is not None:
            raise _did_you_mean(text, meant, hint)
        if guess and could_mean(options, text):
            raise unclear(options, text, hint, None)
        if guess and (meant := value_at_start(options, text)) is not None:
            raise _did_you_mean(text, meant, hint)
        raise NoOption(hint)
    name, end = found
    if name.option is None:
        raise AnswerError(f"Don't know is not one of the answers here. {hint}", skippable=True)
    chosen = name.option
    marks, comment = split_comment(text[end:])
    if not comment:
        return Reading(chosen)
    ended = bool(ENDING_MARKS & set(marks))
    if not re.search(r"[^\W\d_]", comment):
        keyed = _keys_in(options, comment)
        if not ended or chosen in keyed:
            # "2 3", "3, 2008", "3 - 3": a second answer, or nothing a report can quote.
            raise unclear(options, text, hint, chosen, numbers=True)
        if keyed:
            # "3 - 4": the number after the mark is itself another option's key.
            raise _either(options, text, chosen, keyed)
        if chosen.abstain or not WHOLE_NUMBERS.fullmatch(comment):
            # "Yes - 50/50" says "partly" and "d - 12" gives a figure: neither is a
            # comment on the answer named.
            raise unclear(options, text, hint, chosen, numbers=True)
        # "Yes - 2009", "3 - 2008": a year or whole numbers after a mark are the comment.
        return Reading(chosen, comment)
    others = _other_answers(options, names, chosen, comment)
    if ended:
        if others:
            raise _either(options, text, chosen, others)
        return Reading(chosen, comment)
    said = tokens(comment)
    if not marks:
        run_on = not name.key and said[0] != "because"
        if run_on or normal(name.words) in WORD_KEYS or comment[0].isdigit():
            raise unclear(options, text, hint, chosen)
    if (
        others
        or _starts_with_other(names, comment, chosen)
        or _changes(options, chosen, said, name.key)
    ):
        raise unclear(options, text, hint, chosen)
    if name.key and name.words.isdigit() and not marks:
        raise AnswerError(
            f'"{shown_words(text)}": a number followed by words may be a count ("4 out of '
            f'5 partners"), so {name.words} was not taken as an answer. For {chosen.label} '
            f"({chosen.key}) with a comment, put a mark after the key: "
            f'"{name.words} - {shown_words(comment)}". {hint}'.rstrip()
        )
    return Reading(chosen, comment)


def _keys_in(options: Sequence[Option], comment: str) -> list[Option]:
    """The options whose key is one of a comment's words or numbers ("4" of "3 - 4")."""
    said = set(tokens(comment))
    return [o for o in options if normal(o.key) in said]


def _other_answers(
    options: Sequence[Option], names: Sequence[_Name], chosen: Option, comment: str
) -> list[Option]:
    """The other options a comment names when it is nothing but answers: options' names,
    keys and words, numbers, negations, joining and common words, one of them at least
    another option's ("y - and no", "3 - strongly agree"; "1 - not at all" only repeats Not
    at all well, and "Fully - not yet" has no other option's word: a negation alone names
    none). Empty when the comment has a word of its own ("Yes - no formal minutes")."""
    own = _words_of(chosen)
    words = set().union(*(_words_of(o) for o in options))
    answers = [n for n in names if n.option is not None]
    named: list[Option] = []
    other_word = False
    rest = normal(comment)
    while rest := re.sub(r"^(?:[^\w&+]|_)+", "", rest):
        if found := _named_at_start(answers, rest):
            option = found[0].option
            if option is not None and option is not chosen and option not in named:
                named.append(option)
            rest = rest[found[1] :]
            continue
        match = _TOKEN.match(rest)
        if match is None:
            return []
        word = match.group(0)
        neutral = word in JOINING_WORDS | COMMON_WORDS | NEGATIONS or word.isdigit()
        if not neutral and word not in words:
            return []
        other_word = other_word or (not neutral and word not in own)
        rest = rest[match.end() :]
    if not (named or other_word):
        return []
    return named or [o for o in options if o is not chosen and _words_of(o) & set(tokens(comment))]


def _either(
    options: Sequence[Option], text: str, chosen: Option, others: Sequence[Option]
) -> AnswerError:
    """The refusal of a comment that is another answer: both readings, and how to write
    either."""
    meant = [o for o in could_mean(options, text, chosen) if o is chosen or o in others]
    meant = meant if len(meant) > 1 else [o for o in options if o is chosen or o in others]
    listed = " or ".join(f"{o.label} ({o.key})" for o in meant)
    ways = "; ".join(f'for {o.label}, type "{o.key}"' for o in meant if o is not chosen)
    return AnswerError(
        f'"{shown_words(text)}" is not one of the answers as it stands: it could mean '
        f"{listed}. {ways[0].upper()}{ways[1:]}; for {chosen.label} with a comment, write "
        f'the comment in words of its own, such as "{chosen.key} - because ...".'
    )


def _other_words(options: Sequence[Option], chosen: Option) -> set[str]:
    others: set[str] = set()
    for option in options:
        if option != chosen:
            others |= _words_of(option)
    return others - _words_of(chosen)


def _changes(options: Sequence[Option], chosen: Option, said: list[str], key: bool) -> bool:
    """Whether a comment with no mark to end the answer starts (past joining words) with a
    word that could change it: another option's word ("y don't"), and after words also a
    word of degree or a negation (unless the option is itself negative: "No, not yet")."""
    while said and said[0] in JOINING_WORDS:
        said = said[1:]
    if not said:
        return False
    first = said[0]
    if first in _other_words(options, chosen):
        return True
    return not key and (_degree(said) or (first in NEGATIONS and not _negative(chosen)))


def _negative(option: Option) -> bool:
    """Whether an option's label is itself a negation ("No", "Not very well"; Don't know
    says no answer, so it is not)."""
    return not option.abstain and bool(set(tokens(option.label)) & NEGATIONS)


def typed_option(options: Sequence[Option], text: str) -> Option | None:
    """The option typed text reads as (the mark the chat shows among the buttons), or
    None while it reads as none or is unclear."""
    if not text.strip():
        return None
    try:
        return read_option(options, text, "").option
    except AnswerError:
        return None


def keyed_answer(options: Sequence[Option], text: str) -> Reading | None:
    """The answer typed text reads as when it is written as an answer with a comment: an
    option's key at its start, a mark that ends the answer right after it
    (`ENDING_MARKS`: a dash, a colon, a semicolon, a bracket) and a comment ("1 - third"),
    read as the question reads it (`read_option`); else None ("1 meeting a year" has no
    mark, "because 1 - it" no key at its start, and a text the reading refuses is none)."""
    text = text.strip()
    found = _named_at_start(_names(options), text) if text else None
    if found is None or not found[0].key:
        return None
    marks, comment = split_comment(text[found[1] :])
    if not comment or not ENDING_MARKS & set(marks):
        return None
    try:
        reading = read_option(options, text, "", guess=False)
    except AnswerError:
        return None
    return reading if reading.comment else None
