"""Pasted text kept whole and in its order, cleaned as typed text is cleaned.

A terminal marks a paste (bracketed paste): ``ESC [200~`` before it, ``ESC [201~`` after.
Textual's parser reads an escape character inside the pasted text as the start of a key
sequence: the characters after it were sent as key presses at once, and the text before
it arrived last, as the paste, so ``AAA ESC[31mBBB`` reached the answer box as
``^[31mBBBAAA ``. The parser here holds a paste until its end and hands it on cleaned by
`bot.text.clean_text`, the rule plain mode applies to the same words (escape sequences
and control characters removed, every other character kept as itself): the paste
arrives whole, in order, and no escape character inside it reaches the box or the
terminal. The boxes clean any paste the same way (`pasted_text`), and a box of one line
takes a paste of several with its lines joined by spaces. What is stored is what the
respondent pasted, cleaned; it is escaped for showing only where it is shown
(`bot.text.printable`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

from bot.text import clean_text, one_line

ESC = "\x1b"
PASTE_START = "\x1b[200~"
"""What a terminal sends before a paste."""
PASTE_END = "\x1b[201~"
"""What a terminal sends after a paste."""


def pasted_text(text: str, lines: bool = False) -> str:
    """Pasted text as a box takes it, all of it, cleaned (`bot.text.clean_text`); with
    ``lines`` (a box of several lines) its line breaks kept, else (a one-line box) its
    lines joined by spaces, blank ones left out (`joined_words` says so)."""
    text = clean_text(text)
    return text if lines else one_line(text)


def joined_words(text: str) -> str:
    """What a one-line box says of a paste of several lines (its line breaks became
    spaces), or "" for a paste of one line."""
    count = sum(1 for line in clean_text(text).split("\n") if line.strip())
    if count < 2:
        return ""
    return f"Pasted as one line: its {count} lines were joined by spaces."


class PasteGuard:
    """Rewrites terminal input so that a paste reaches Textual's parser cleaned.

    Input comes in chunks of any length: a paste is held from its start until its end
    arrives (which may be cut between two chunks), then passed on cleaned, between its
    start and end marks. Outside a paste nothing is held (an Esc key press goes through
    at once).
    """

    def __init__(self) -> None:
        self.pasting = False
        """Whether the input is inside a paste."""
        self._paste = ""
        """The paste so far, held until its end arrives."""
        self._seen = ""
        """The last characters passed on outside a paste, to find a paste's start cut
        between two chunks."""

    def feed(self, data: str) -> str:
        """The chunk as it is passed on to Textual's parser (possibly shorter: see
        `PasteGuard`)."""
        text = data
        out: list[str] = []
        while text:
            if not self.pasting:
                window = self._seen + text
                found = window.find(PASTE_START)
                if found < 0:
                    out.append(text)
                    self._seen = window[-(len(PASTE_START) - 1) :]
                    break
                after = found + len(PASTE_START) - len(self._seen)  # in text
                out.append(text[:after])
                text = text[after:]
                self._seen = ""
                self.pasting = True
                continue
            self._paste += text
            end = self._paste.find(PASTE_END)
            if end < 0:
                break  # the end of the paste is still to come
            out.append(clean_text(self._paste[:end]) + PASTE_END)
            text = self._paste[end + len(PASTE_END) :]
            self._paste = ""
            self.pasting = False
        return "".join(out)


class PasteSafeParser(XTermParser):
    """Textual's terminal parser, reading a paste's escape characters as text."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._guard = PasteGuard()

    def feed(self, data: str) -> Iterable[Message]:  # type: ignore[override]
        """Parse a chunk of input, the escape characters inside a paste made text first
        (an empty chunk is the end of the input, as for Textual's parser)."""
        if not data:
            return super().feed(data)
        guarded = self._guard.feed(data)
        # Nothing to parse yet (all held): parsing "" would mean the end of the input.
        return super().feed(guarded) if guarded else ()
