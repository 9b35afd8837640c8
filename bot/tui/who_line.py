"""Who is answering, in one line of the width there is: the less important parts are
shortened first, so that the respondent's name and organisation stay in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from bot.text import clip, printable
from bot.turn_words import NOT_NAMED

if TYPE_CHECKING:  # named in annotations only
    from bot.model import Respondent

SEPARATOR = " · "
"""Between who answers and the title."""
SHORTEST = 8
"""A part is cut no shorter than this many cells (its ellipsis included), else left out:
"Assist…" still says something, "A…" does not."""


def cut(text: str, width: int) -> str:
    """The text cut to ``width`` with an ellipsis, never one after a space."""
    shown = clip(text, width)
    return shown if shown == text else shown[:-1].rstrip() + "…"


def who_line(who: Respondent, width: int, lead: str = "", title: str = "") -> str:
    """``lead`` ("Call with "), then who answered ("Ann Lee, Director, County Council"),
    then ``title`` after a dot (" · Hallmarks ..."), in at most ``width`` cells. What
    does not fit goes in this order: the title (cut, then left out), the lead, the role
    (cut, then left out), then the organisation is cut, and the name last of all."""
    name, role, organisation = (printable(part) for part in (who.name, who.role, who.organisation))

    def line(lead: str, role: str, organisation: str, title: str) -> str:
        words = ", ".join(x for x in (name, role, organisation) if x) or NOT_NAMED
        return f"{lead}{words}{SEPARATOR + title if title else ''}"

    def fits(text: str) -> bool:
        return cell_len(text) <= width

    if fits(shown := line(lead, role, organisation, title)):
        return shown
    if title:
        room = width - cell_len(line(lead, role, organisation, "")) - len(SEPARATOR)
        if room >= SHORTEST:
            return line(lead, role, organisation, cut(title, room))
    if fits(shown := line(lead, role, organisation, "")):
        return shown
    if fits(shown := line("", role, organisation, "")):
        return shown
    if role:
        room = width - cell_len(line("", "", organisation, "")) - len(", ")
        if room >= SHORTEST:
            return line("", cut(role, room), organisation, "")
    if fits(shown := line("", "", organisation, "")):
        return shown
    if name and organisation:
        room = width - cell_len(name) - len(", ")
        if room >= SHORTEST:
            return line("", "", cut(organisation, room), "")
    return cut(name or organisation or NOT_NAMED, width)
