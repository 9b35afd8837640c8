"""What a condition that cannot be parsed was missing, said in the author's terms.

Python's parser says only "invalid syntax" for most mistakes in a condition (one ending in
``and``, an ``=`` for ``==``, two values with nothing between them). This module reads the
condition's tokens and names what was expected at the place it went wrong, such as
"expected a comparison after 'and', at the end". It is consulted only once the parser has
refused the text, so it never decides what is valid: where it finds nothing to say, the
parser's own words are used.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import NamedTuple

COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"})
"""Operators that compare two values."""
OPENING = {"(": ")", "[": "]"}
SHOWN_AT_MOST = 60
"""Longest condition quoted whole in a message; a longer one is quoted up to the mistake."""


class _Token(NamedTuple):
    text: str
    kind: str
    """"operand" (a name, number, text or True/False), "joiner", "comparison", "not",
    "minus", "open", "close", "comma", "assign" or "other"."""
    line: int
    column: int


def explain(source: str, error: SyntaxError) -> str:
    """The message for a condition ``ast`` refused: the condition quoted, then what was
    expected where it went wrong (or, failing that, the parser's own words)."""
    text = source.strip()
    if not text:
        return 'is empty: expected a condition, such as q1 == "yes"'
    detail = error.msg or "invalid syntax"
    if any(mark in text for mark in "“”‘’"):
        what = 'smart quotes (“ ” ‘ ’) are not quotes in a condition: use straight quotes ("yes")'
    elif detail.startswith("unterminated string"):
        what = "a quote is never closed: expected a closing quote after the text it starts"
    else:
        what = _expected(text) or _parser_words(detail, error.offset, text)
    return f"{_quoted(text, error)} cannot be parsed: {what}"


def _parser_words(detail: str, offset: int | None, text: str) -> str:
    column = f" at column {offset}" if offset and "\n" not in text else ""
    unclosed = re.fullmatch(r"'(.)' was never closed", detail)
    if unclosed and unclosed.group(1) in OPENING:
        opening = unclosed.group(1)
        return f"'{opening}'{column} is never closed: expected '{OPENING[opening]}'"
    unmatched = re.fullmatch(r"unmatched '(.)'", detail)
    if unmatched:
        return f"'{unmatched.group(1)}'{column} closes no bracket"
    return f"{detail}{column}"


def _expected(text: str) -> str:
    """What the first misplaced token was missing, or "" when it cannot be told."""
    tokens = _tokens(text)
    if tokens is None:
        return ""
    closers: list[str] = []
    wants_operand = True  # at the start, after an operator, an opening bracket or a comma
    previous: _Token | None = None
    for token in tokens:
        where = _where(token, text)
        if token.kind == "operand" and token.text.casefold() in ("and", "or", "not"):
            # AND, Or, NOT read as names: Python's words are lower case only.
            return f"'{token.text}' {where}: write {token.text.casefold()} in lower case"
        if token.kind == "assign":
            return f"'=' {where} sets rather than compares: use '==' to compare"
        if wants_operand:
            if token.kind in ("joiner", "comparison"):
                if previous is None:
                    return f"expected {_operand_for(token)} before '{token.text}', at the start"
                return f"expected {_operand_for(previous)} after '{previous.text}' {where}"
            if (
                token.kind == "close"
                and previous is not None
                and previous.kind
                not in (
                    "open",
                    "comma",
                )
            ):
                return f"expected {_operand_for(previous)} after '{previous.text}' {where}"
        elif token.kind in ("operand", "not", "minus") or (
            token.kind == "open" and previous is not None and previous.kind == "close"
        ):
            shown = previous.text if previous is not None else ""
            # Inside brackets the two may be items of a list, missing the comma between.
            comma = " or ','" if closers else ""
            return (
                f"expected an operator (==, !=, <, >, in, and, or){comma} between '{shown}' "
                f"and '{token.text}' {where}"
            )
        if token.kind == "open":
            closers.append(OPENING[token.text])
        elif token.kind == "close":
            if not closers:
                return f"'{token.text}' {where} closes no bracket"
            expected = closers.pop()
            if token.text != expected:
                return f"expected '{expected}' {where}, not '{token.text}'"
        wants_operand = token.kind in ("joiner", "comparison", "not", "minus", "open", "comma")
        previous = token
    if previous is not None and wants_operand and previous.kind != "comma":
        if previous.kind == "open":
            return f"'{previous.text}' is never closed: expected what it holds and '{closers[-1]}'"
        return f"expected {_operand_for(previous)} after '{previous.text}', at the end"
    if closers:
        return f"a bracket is never closed: expected '{closers[-1]}' at the end"
    return ""


def _operand_for(operator: _Token) -> str:
    """What is expected beside an operator: a whole comparison beside ``and``, ``or`` and
    ``not``, a value beside anything else."""
    return "a comparison" if operator.kind in ("joiner", "not") else "a value"


def _where(token: _Token, text: str) -> str:
    if "\n" in text:
        return f"on line {token.line} of the condition"
    return f"at column {token.column + 1}"


def _tokens(text: str) -> list[_Token] | None:
    """The condition's tokens, with ``not in`` and ``is not`` as one; None when Python's
    tokenizer refuses the text (an unclosed quote or bracket, a stray character)."""
    skipped = {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT}
    skipped |= {tokenize.INDENT, tokenize.DEDENT}
    try:
        raw = [
            t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in skipped
        ]
    except (tokenize.TokenError, SyntaxError):
        return None
    tokens: list[_Token] = []
    for item in raw:
        word = item.string
        line, column = item.start
        if tokens and (tokens[-1].text, word) in (("not", "in"), ("is", "not")):
            joined = f"{tokens[-1].text} {word}"
            tokens[-1] = _Token(joined, "comparison", tokens[-1].line, tokens[-1].column)
            continue
        if item.type in (tokenize.NAME, tokenize.NUMBER, tokenize.STRING):
            kind = {"and": "joiner", "or": "joiner", "not": "not", "in": "comparison"}
            kind |= {"is": "comparison"}
            tokens.append(_Token(word, kind.get(word, "operand"), line, column))
            continue
        if word in COMPARISONS:
            kind_name = "comparison"
        elif word in OPENING:
            kind_name = "open"
        elif word in OPENING.values():
            kind_name = "close"
        else:
            kind_name = {",": "comma", "=": "assign", "-": "minus"}.get(word, "other")
        tokens.append(_Token(word, kind_name, line, column))
    return tokens


def _quoted(text: str, error: SyntaxError) -> str:
    """The condition as written, in quotes it does not use; a long one up to the mistake."""
    shown = " ".join(text.split())
    if len(shown) > SHOWN_AT_MOST:
        end = error.offset or len(shown)
        start = max(0, end - SHOWN_AT_MOST)
        stop = min(len(shown), end + 10)
        shown = ("..." if start else "") + shown[start:stop] + ("..." if stop < len(shown) else "")
    quote = "'" if '"' in shown and "'" not in shown else '"'
    return f"{quote}{shown}{quote}"
