"""Cleaning typed text and making stored text safe to show in a terminal."""

from __future__ import annotations

import re
import shutil
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from bot.limits import MAX_TEXT_CHARS

MAX_ANSWER_CHARS = MAX_TEXT_CHARS

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(\x07|\x1b\\))")
"""The escape sequences removed whole, and only when well formed: a control sequence
(``ESC [`` parameters, then its final character) and an operating system command
(``ESC ]`` up to its terminator, BEL or ``ESC \\``, on the same line). A lone or malformed
escape loses the escape character alone (`_CONTROL`), never the words after it."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters a terminal or viewer obeys without showing: bidirectional overrides,
# embeddings and isolates (which reorder what follows them), invisible spaces and
# joiners that hide text, line and paragraph separators, tag characters, and lone
# surrogates (undecodable bytes). Zero-width (non-)joiners stay: scripts need them.
_HIDDEN = re.compile(
    "[\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
"""What an undecodable byte becomes (U+FFFD, shown as a question mark in a diamond)."""


def repair(text: str) -> str:
    """Text with each undecodable byte (a lone surrogate, as Python reads invalid UTF-8 from
    standard input or the command line) replaced by U+FFFD, so it can be stored as UTF-8."""
    return _SURROGATE.sub(REPLACEMENT, text)


def needs_repair(text: str) -> bool:
    """Whether the text holds undecodable bytes (lone surrogates)."""
    return _SURROGATE.search(text) is not None


def clean_text(text: str) -> str:
    """The respondent's words as they are stored, however they came (typed, pasted, piped,
    on the command line; the one rule of every front end): terminal escape sequences and
    control characters removed (line breaks, as "\\n", and tabs kept), undecodable bytes
    as U+FFFD, in Unicode's composed form (NFC). Every other character is kept as itself:
    bidirectional marks, zero-width characters, emoji, no-break spaces. Nothing is
    escaped for showing here: `printable` does that wherever text is shown."""
    text = repair(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_input(text: str) -> str:
    """Typed text cleaned (`clean_text`) and trimmed: an answer, a reply or a note."""
    return clean_text(text).strip()


def folded(text: str) -> str:
    """Text as words are told apart: the same words, case and spacing ignored (a name,
    a register item's answer)."""
    return " ".join(text.casefold().split())


def one_line(text: str) -> str:
    """Text of several lines as one: its lines joined by spaces, blank ones left out."""
    return " ".join(line for line in text.split("\n") if line.strip())


LINE_BREAK_SHOWN = " / "
"""A line break in someone's words where a report shows them on one line (a table cell, a
list item, a register's row): kept, yet on the line ("Reduce anti-social behaviour / (NI
17)")."""
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def lines_shown_on_one(text: str) -> str:
    """Words of several lines shown on one, each break (with the blanks around it) as
    `LINE_BREAK_SHOWN`: the one rule of a Markdown report, and of a register's cells in
    every report and on the app's report screen; what is stored keeps its lines."""
    return _LINE_BREAK.sub(LINE_BREAK_SHOWN, text)


def clean_line(text: str) -> str:
    """A field of one line (a name, an organisation) cleaned (`clean_text`), its lines
    joined by spaces as a box of one line joins a paste's (`one_line`), and trimmed."""
    return one_line(clean_text(text)).strip()


def printable(text: str) -> str:
    """Untrusted text made safe to show: control characters as escapes (``\\x1b``) and
    invisible or reordering characters by name (``<U+202E>``), shown, never obeyed.

    The one rule for respondents' and authors' words on a terminal and in reports;
    line breaks are kept (see `indent_lines` for printing them under a label).
    """
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\r", "\\r"))
    return _HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def escape_hidden_in_json(text: str) -> str:
    """JSON text with the characters `printable` names written as ``\\u`` escapes instead:
    the same data for a program, nothing reordered or hidden for a person viewing it."""

    def escape(match: re.Match[str]) -> str:
        encoded = match.group().encode("utf-16-be", "surrogatepass")
        units = [int.from_bytes(encoded[i : i + 2], "big") for i in range(0, len(encoded), 2)]
        return "".join(f"\\u{unit:04x}" for unit in units)

    return _HIDDEN.sub(escape, text)


def indent_lines(text: str, indent: str) -> str:
    """Printable text whose continuation lines are indented, so that a multi-line answer
    printed after a label can never pass for a line of its own."""
    return printable(text).replace("\n", "\n" + indent)


NOT_A_TERMINAL_COLUMNS = 80
"""The width plain text is wrapped to where the output is not a terminal."""


def output_columns(out: TextIO) -> int:
    """The width plain text is wrapped to on ``out``: the terminal's ($COLUMNS first, as
    ``shutil`` reads it), or `NOT_A_TERMINAL_COLUMNS` where ``out`` is not a terminal."""
    isatty = getattr(out, "isatty", None)
    if isatty is None or not isatty():
        return NOT_A_TERMINAL_COLUMNS
    return shutil.get_terminal_size((NOT_A_TERMINAL_COLUMNS, 24)).columns


def wrap_lines(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """Stored text made printable and wrapped to ``width``, never breaking a word (a word
    longer than a line is left whole, for the terminal to fold): the one rule for every
    line plain mode and a printed replay show. Each of its lines is a paragraph; every
    output line starts with ``indent`` but the first, which starts with ``first`` (a
    label, such as a turn's number and time; ``indent`` when not given), so that a
    continuation can never pass for a line of its own. A line as wide as ``width`` fits."""
    lines: list[str] = []
    lead = indent if first is None else first
    for paragraph in printable(text).split("\n"):
        lines.append(
            textwrap.fill(
                paragraph,
                width=max(width, len(lead) + 20, len(indent) + 20),
                initial_indent=lead,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or lead.rstrip()
        )
        lead = indent
    return "\n".join(lines).split("\n")


def names_words(names: Sequence[str]) -> str:
    """Names as every report, replay and message says them: "Sam", "Sam and Kim", "Sam,
    Kim and Lee"; "" for none."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def clip(text: str, width: int) -> str:
    """The text cut to at most width characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def slug(text: str, fallback: str = "respondent", limit: int = 40) -> str:
    """A file-name-safe version of a name: ascii letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].strip("-") or fallback
