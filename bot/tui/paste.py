"""Pasted text kept whole and in its order, with its control characters made printable.

A terminal marks a paste (bracketed paste): ``ESC [200~`` before it, ``ESC [201~`` after.
Textual's parser reads an escape character inside the pasted text as the start of a key
sequence: the characters after it were sent as key presses at once, and the text before
it arrived last, as the paste, so ``AAA ESC[31mBBB`` reached the answer box as
``^[31mBBBAAA ``. The parser here shows each escape character inside a paste as
`bot.text.printable` shows it (``\\x1b``) before Textual's parser reads it: the paste
arrives whole, in order, and no escape character inside it reaches the terminal. The
boxes make any other control character in a paste printable the same way, and a box of
one line takes a paste of several with its lines joined by spaces (`printable_paste`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

from bot.text import printable

ESC = "\x1b"
PASTE_START = "\x1b[200~"
"""What a terminal sends before a paste."""
PASTE_END = "\x1b[201~"
"""What a terminal sends after a paste."""


def _lines(text: str) -> list[str]:
    """The lines of pasted text (a terminal sends a pasted line break as a carriage
    return; a copied line may end with one)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _worded(text: str) -> list[str]:
    """The lines of pasted text that hold anything but spaces."""
    return [line for line in _lines(text) if line.strip()]


def printable_paste(text: str, lines: bool = False) -> str:
    """Pasted text as a box takes it, all of it: its control characters shown as
    `printable` shows them; with ``lines`` (a box of several lines) its line breaks kept
    as line breaks, else (a one-line box) its lines joined by spaces, blank ones left
    out (`joined_words` says so)."""
    if lines:
        return printable("\n".join(_lines(text)))
    return printable(" ".join(_worded(text)))


def joined_words(text: str) -> str:
    """What a one-line box says of a paste of several lines (its line breaks became
    spaces), or "" for a paste of one line."""
    count = len(_worded(text))
    if count < 2:
        return ""
    return f"Pasted as one line: its {count} lines were joined by spaces."


class PasteGuard:
    """Rewrites terminal input so that an escape character inside a paste is text.

    Input comes in chunks of any length: the end of a paste may be cut between two
    chunks, so an escape character near a chunk's end inside a paste is held until the
    next chunk says whether it starts the end of the paste. Outside a paste nothing is
    held (an Esc key press goes through at once).
    """

    def __init__(self) -> None:
        self.pasting = False
        """Whether the input is inside a paste."""
        self._held = ""
        """The end of the last chunk, inside a paste, that may be the start of its end."""
        self._seen = ""
        """The last characters passed on outside a paste, to find a paste's start cut
        between two chunks."""

    def feed(self, data: str) -> str:
        """The chunk as it is passed on to Textual's parser (possibly shorter: see
        `PasteGuard`)."""
        text, self._held = self._held + data, ""
        out: list[str] = []
        index = 0
        while index < len(text):
            if not self.pasting:
                window = self._seen + text[index:]
                found = window.find(PASTE_START)
                if found < 0:
                    out.append(text[index:])
                    self._seen = window[-(len(PASTE_START) - 1) :]
                    break
                after = found + len(PASTE_START) - len(self._seen)  # in text, from index
                out.append(text[index : index + after])
                index += after
                self._seen = ""
                self.pasting = True
                continue
            escape = text.find(ESC, index)
            if escape < 0:
                out.append(text[index:])
                break
            out.append(text[index:escape])
            rest = text[escape:]
            if rest.startswith(PASTE_END):
                out.append(PASTE_END)
                index = escape + len(PASTE_END)
                self.pasting = False
            elif PASTE_END.startswith(rest):
                self._held = rest  # the end of the paste, perhaps: wait for more
                break
            else:
                out.append(printable(ESC))
                index = escape + 1
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
