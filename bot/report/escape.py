"""Making untrusted text inert in each output format."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from bot.text import LINE_BREAK_SHOWN, lines_shown_on_one, printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# Only where they would start markup: "<" before a tag, comment or autolink; "&" before
# an entity reference; "#", ">", "- ", "+ " or "1. " at the start, where a line could
# become a heading, quote or list. Elsewhere they are left as written ("Fire & Rescue").
_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*\d*)([#>]|[-+.)](?=\s))")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown(value: object) -> str:
    """Text that Markdown shows literally: no HTML, links, emphasis, headings or tables
    from it. Markdown's own backslash escapes are used, never HTML entities, so that the
    text reads as written in plain text too."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = printable(str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_TAG.sub(r"\\<", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    return lines_shown_on_one(text)


MD_LINE_BREAK = LINE_BREAK_SHOWN
"""A line break in someone's words, as Markdown shows it: on one line (a table cell or a
list item holds no other), yet kept ("May 2008 / leader of the council")."""


def html(value: object) -> object:
    """Text as HTML shows it, escaped (by the template's autoescape) with its line breaks
    kept as ``<br>``; markup made by the report itself passes as it is."""
    if value is None:
        return ""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    text = printable(value)
    if "\n" not in text:
        return text
    return Markup("<br>\n").join(escape(line) for line in text.split("\n"))


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will never read as a formula."""
    text = printable("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
