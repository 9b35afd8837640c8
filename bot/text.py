"""Cleaning typed text and making stored text safe to show in a terminal."""

from __future__ import annotations

import re
import unicodedata

MAX_ANSWER_CHARS = 20_000

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_input(text: str) -> str:
    """Typed text without terminal escape sequences or control characters, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def printable(text: str) -> str:
    """Stored text made safe for a terminal: control characters shown as escapes, not obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\r", "\\r"))


def clip(text: str, width: int) -> str:
    """The text cut to at most width characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def slug(text: str, fallback: str = "respondent", limit: int = 40) -> str:
    """A file-name-safe version of a name: ascii letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].strip("-") or fallback
