"""Making untrusted text inert in each output format."""

from __future__ import annotations

import re

from markupsafe import Markup

from bot.text import printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown(value: object) -> str:
    """Text that Markdown shows literally: no HTML, links, emphasis or tables from it."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = printable(str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", " ")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will never read as a formula."""
    text = printable("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
