"""Terminal escape sequences in typed or pasted words: only well-formed ones are removed
(a control sequence, ``ESC [`` ... final; an operating system command, ``ESC ]`` ...
BEL or ``ESC \\``, on one line); a lone or malformed escape loses the escape character
alone, never a word after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.text import clean_text

ESC = "\x1b"


def well_formed_end(text: str, at: int) -> int | None:
    """Where the well-formed sequence starting at ``at`` (an ESC) ends (exclusive), or
    None: written apart from the rule under test, as a reader of the terminal's grammar."""
    n = len(text)
    if at + 1 >= n:
        return None
    if text[at + 1] == "[":
        j = at + 2
        while j < n and "0" <= text[j] <= "?":
            j += 1
        while j < n and " " <= text[j] <= "/":
            j += 1
        return j + 1 if j < n and "@" <= text[j] <= "~" else None
    if text[at + 1] == "]":
        j = at + 2
        while j < n and text[j] not in "\x07\x1b\n":
            j += 1
        if j < n and text[j] == "\x07":
            return j + 1
        if text[j : j + 2] == ESC + "\\":
            return j + 2
    return None


def expected(text: str) -> str:
    """Every character outside a well-formed sequence, controls (but line breaks and tabs)
    left out."""
    kept, at = [], 0
    while at < len(text):
        if text[at] == ESC:
            end = well_formed_end(text, at)
            if end is not None:
                at = end
                continue
        character = text[at]
        if character in "\n\t" or not (character < " " or character == "\x7f"):
            kept.append(character)
        at += 1
    return "".join(kept)


def test_an_unterminated_command_loses_only_its_escape() -> None:
    text = "answer one\x1b]stray\nsecond paragraph of the answer\nthird"
    assert clean_text(text) == "answer one]stray\nsecond paragraph of the answer\nthird"


def test_an_escape_before_a_capital_keeps_the_letter() -> None:
    assert clean_text("Price \x1bPaid") == "Price Paid"


def test_well_formed_sequences_go_whole() -> None:
    assert clean_text("a\x1b[1;31mred\x1b[0m b") == "ared b"
    assert clean_text("x\x1b]0;title\x07y\x1b]8;;http://e.org\x1b\\link") == "xylink"


@given(st.text(alphabet="ab Z;[]0?\\\n\t\x07\x1b", max_size=40))
def test_no_printable_character_outside_a_well_formed_sequence_is_removed(text: str) -> None:
    assert clean_text(text) == expected(text)
