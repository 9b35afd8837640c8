"""`round status`'s list of invitees, one line each, fitted to the terminal's width.

Each invitee is one line, whatever the width: the id and the state are always shown in
full; the rest gives way, the least needed first (see ``LAYOUTS``): the last call's
wording and the way of taking part shorten ("phone", an appointment as "due 13 Nov
15:25"), the role and the name narrow, the role goes, the last call goes to its day and
outcome, then to the count of calls (with when they were chased), who holds them
shortens ("busy: Sam", "busy: transcript open", then "busy"), the name narrows further,
when they were chased goes, and last of all the calls; a line still too long is cut with
an ellipsis.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from bot.rounds.labels import OUTCOME_LABELS, STATE_LABELS
from bot.text import clip, printable

if TYPE_CHECKING:
    from bot.rounds.state import InviteeState

NOT_A_TERMINAL_WIDTH = 100
"""The width written to when standard output is not a terminal (a pipe, a file)."""
INDENT = "  "
"""Each row's indent under its heading."""
L = TypeVar("L")
"""A list's layout: how wide each column may be, and how much of each is said."""


def output_width() -> int:
    """The terminal's width ($COLUMNS first, as ``shutil`` reads it), or
    ``NOT_A_TERMINAL_WIDTH`` when standard output is not a terminal."""
    return shutil.get_terminal_size((NOT_A_TERMINAL_WIDTH, 24)).columns


def when(moment: datetime | None) -> str:
    """A moment as the list shows it, in local time: "13 Nov 15:25"."""
    return moment.astimezone().strftime("%d %b %H:%M") if moment else ""


def day(moment: datetime) -> str:
    """A day as the list shows it, in local time: "2 Dec"."""
    local = moment.astimezone()
    return f"{local.day} {local.strftime('%b')}"


@dataclass(frozen=True)
class Layout:
    """How wide each column may be, and how much of each is said."""

    name: int
    """The name's column at most (0: left out)."""
    role: int
    """The role's column at most (0: left out)."""
    short: bool
    """"phone" for "telephone", and an appointment as "appt 13 Nov 15:25" (or "due ...")."""
    activity: str
    """"full" (calls; last call with its time and outcome; chased), "short" and "brief"
    (the same, shorter), "count" (calls and chased), "calls" (the count alone) or ""
    (none)."""
    busy: str = "full"
    """Who holds them: "full" ("being called by Sam"), "short" ("busy: Sam", "busy:
    transcript open") or "brief" ("busy")."""


LAYOUTS: tuple[Layout, ...] = (
    Layout(24, 20, False, "full"),
    Layout(24, 20, True, "short"),
    Layout(20, 14, True, "short"),
    Layout(20, 0, True, "short"),
    Layout(16, 0, True, "brief"),
    Layout(16, 0, True, "count"),
    Layout(16, 0, True, "count", "short"),
    Layout(16, 0, True, "count", "brief"),
    Layout(14, 0, True, "count", "brief"),
    Layout(14, 0, True, "calls", "brief"),
    Layout(12, 0, True, "calls", "brief"),
    Layout(12, 0, True, "", "brief"),
)
"""From the widest to the narrowest: the first whose every line fits is used."""
APPOINTMENT_SHORT = "appt"
"""An appointment not due yet, where the list is short of room ("appt 13 Nov 15:25");
one that is due is "due 13 Nov 15:25"."""


def state_words(s: InviteeState, now: datetime, short: bool = False, busy: str = "full") -> str:
    """The state as the list shows it: with an appointment's time (due or not), and who
    else is calling them; ``short``: the appointment in fewer words; ``busy``: how much
    is said of who holds them (``Layout.busy``)."""
    words = STATE_LABELS[s.state]
    if s.appointment is not None and short:
        appointment = f"{'due' if s.due(now) else APPOINTMENT_SHORT} {when(s.appointment)}"
        words = appointment if s.state == "appointment" else f"{words}, {appointment}"
    elif s.appointment is not None:
        # The agreed time, whatever the state: someone part-way through keeps theirs too.
        words += "" if s.state == "appointment" else ", call back"
        words += f" {when(s.appointment)}" + (" (due)" if s.due(now) else "")
    if s.held_by and busy == "full":
        words += f" - being called by {clip(printable(s.held_by), 40)}"
    elif s.held_by and busy == "short":
        from bot.rounds.state import OPEN_ELSEWHERE

        who = "transcript open" if s.held_by == OPEN_ELSEWHERE else printable(s.held_by)
        words += f", busy: {clip(who, 24)}"
    elif s.held_by:
        words += ", busy"
    return words


def activity_words(s: InviteeState, chased: datetime | None, how: str) -> str:
    """Calls made, the last call and when they were last chased, as much as ``how`` says
    (see ``Layout.activity``)."""
    chased_words = [f"chased {day(chased)}"] if chased is not None and how != "calls" else []
    if not how:
        return ""
    calls = f"calls {s.attempts}"
    if s.last_attempt is not None and how not in ("count", "calls"):
        # When the last call was made, then what came of it: never read as an appointment.
        outcome = OUTCOME_LABELS.get(s.last_outcome, "")
        calls += {
            "full": f"; last call {when(s.last_attempt)}: {outcome}",
            "short": f", last {day(s.last_attempt)} {outcome}",
        }.get(how, f", {day(s.last_attempt)} {outcome}")
    return ("; " if how == "full" else ", ").join([calls, *chased_words])


def _row(
    s: InviteeState, now: datetime, chased: datetime | None, layout: Layout, widths: dict[str, int]
) -> str:
    mode = "phone" if layout.short and s.invitee.mode == "telephone" else s.invitee.mode
    cells = [f"{clip(printable(s.invitee.id), 8):<{widths['id']}}"]
    if widths["name"]:
        cells.append(f"{clip(printable(s.invitee.name), widths['name']):<{widths['name']}}")
    if widths["role"]:
        cells.append(f"{clip(printable(s.invitee.role), widths['role']):<{widths['role']}}")
    cells.append(f"{mode:<{5 if layout.short else 9}}")
    cells.append(f"{state_words(s, now, layout.short, layout.busy):<{widths['state']}}")
    cells.append(activity_words(s, chased, layout.activity))
    return (INDENT + " ".join(cells)).rstrip()


def column_width(cells: Iterable[str], most: int) -> int:
    """A column as wide as its longest cell (as shown: `printable`), at most ``most``."""
    return min(max((len(printable(c)) for c in cells), default=0), most)


def _widths(listed: Sequence[InviteeState], now: datetime, layout: Layout) -> dict[str, int]:
    """Each column as wide as its longest cell, at most as the layout allows: the state's
    at most as wide as its usual words (someone being called pushes the rest of their own
    line along)."""
    widest = column_width
    return {
        "id": widest([s.invitee.id for s in listed], 8),
        "name": widest([s.invitee.name for s in listed], layout.name),
        "role": widest([s.invitee.role for s in listed], layout.role),
        "state": widest([state_words(s, now, layout.short, layout.busy) for s in listed], 24),
    }


def invitee_rows(
    listed: Sequence[InviteeState],
    now: datetime,
    width: int,
    chased: Mapping[str, datetime] | None = None,
) -> list[str]:
    """One line per invitee, fitted to ``width`` columns (see the module's docstring);
    ``chased``: when each invitee (by id) was last sent a reminder."""
    chased = chased or {}

    def rows(layout: Layout) -> list[str]:
        widths = _widths(listed, now, layout)
        return [_row(s, now, chased.get(s.invitee.id), layout, widths) for s in listed]

    return fitted(LAYOUTS, rows, width)


def fitted(layouts: Sequence[L], rows: Callable[[L], list[str]], width: int) -> list[str]:
    """The lines ``rows`` makes with the first of ``layouts`` (the widest first) whose
    every line fits ``width`` columns; if none does, the narrowest's, each cut with an
    ellipsis. The one rule by which a round's lists (`round status`, `round chase`) fit
    the terminal: one line each, never wrapped."""
    lines: list[str] = []
    for layout in layouts:
        lines = rows(layout)
        if all(len(line) <= width for line in lines):
            return lines
    return [clip(line, max(width, 1)) for line in lines]


def wrapped(text: str, width: int, commas_only: bool = True) -> str:
    """A line such as the counts ("not started 7, appointment 3, ...") wrapped to ``width``
    under the indent; ``commas_only``: broken only after a comma, never between a state
    and its count."""
    kept = text.replace(" ", "\u00a0").replace(",\u00a0", ", ") if commas_only else text
    lines = textwrap.wrap(
        kept,
        max(width, 20),
        initial_indent=INDENT,
        subsequent_indent=INDENT * 2,
        break_on_hyphens=False,
    )
    return "\n".join(lines).replace("\u00a0", " ")
