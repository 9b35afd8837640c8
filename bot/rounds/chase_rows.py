"""`round chase`'s list of self-assessors to remind, fitted to the terminal's width as
`round status`'s is (`bot.rounds.status_rows.fitted`, the one rule).

Each invitee is a line with the id, name, organisation and state with when they last
answered and were last chased; then their contact under it. The id, the name and the
state are kept whole as long as anything else can give way: the organisation moves to
the contact line (or a line of its own under it), the times shorten to their day and
then go, and only then does the name narrow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.rounds.labels import STATE_LABELS
from bot.rounds.status_rows import INDENT, column_width, day, fitted, when
from bot.text import clip, printable

if TYPE_CHECKING:
    from bot.rounds.reminders import Reminder
    from bot.rounds.state import InviteeState

NO_CONTACT = "(no contact given)"
"""The contact line of someone with none."""


@dataclass(frozen=True)
class ChaseLayout:
    """How wide the name and organisation may be, and how much of the times is said."""

    name: int
    """The name's column at most."""
    organisation: int
    """The organisation's column at most (0: said on the contact line instead)."""
    times: str
    """"full" ("last answer 12 Nov 15:07", "last chased 02 Dec 10:15 by Sam"), "day"
    ("last answer 12 Nov", "last chased 2 Dec by Sam"), "dated" ("last answer 12 Nov",
    "chased 2 Dec"), "short" ("chased 2 Dec", "not chased") or "" (the state alone)."""


CHASE_LAYOUTS: tuple[ChaseLayout, ...] = (
    ChaseLayout(60, 32, "full"),
    ChaseLayout(60, 0, "full"),
    ChaseLayout(60, 0, "day"),
    ChaseLayout(60, 0, "dated"),
    ChaseLayout(60, 0, "short"),
    ChaseLayout(40, 0, "short"),
    ChaseLayout(32, 0, ""),
    ChaseLayout(24, 0, ""),
    ChaseLayout(16, 0, ""),
)
"""From the widest to the narrowest: the first whose every line fits is used."""


def state_words(
    s: InviteeState, answered: datetime | None, chased: Reminder | None, times: str
) -> str:
    """The state, with when they last answered and when they were last chased (and by
    whom), as much as ``times`` says (see ``ChaseLayout.times``)."""
    words = [STATE_LABELS[s.state]]
    if answered is not None and times in ("full", "day", "dated"):
        words.append(f"last answer {when(answered) if times == 'full' else day(answered)}")
    if times in ("full", "day"):
        by = f" by {clip(printable(chased.by), 40)}" if chased and chased.by else ""
        at = (when if times == "full" else day)(chased.at) if chased else ""
        words.append(f"last chased {at}{by}" if chased else "not chased yet")
    elif times in ("dated", "short"):
        words.append(f"chased {day(chased.at)}" if chased else "not chased")
    return ", ".join(words)


def chase_rows(
    listed: Sequence[InviteeState],
    answered: Mapping[str, datetime | None],
    chased: Mapping[str, Reminder],
    width: int,
) -> list[str]:
    """Two lines per invitee (see the module's docstring), every line within ``width``
    columns; ``answered``: when each unfinished one (by id) last answered; ``chased``:
    the last reminder each was sent."""
    ids = column_width((s.invitee.id for s in listed), 8)
    under = " " * (len(INDENT) + ids + 1)

    def rows(layout: ChaseLayout) -> list[str]:
        names = column_width((s.invitee.name for s in listed), layout.name)
        organisations = column_width((s.invitee.organisation for s in listed), layout.organisation)
        lines = []
        for s in listed:
            cells = [f"{clip(printable(s.invitee.id), ids):<{ids}}"]
            cells.append(f"{clip(printable(s.invitee.name), names):<{names}}")
            if organisations:
                organisation = clip(printable(s.invitee.organisation), organisations)
                cells.append(f"{organisation:<{organisations}}")
            key = s.invitee.id
            cells.append(state_words(s, answered.get(key), chased.get(key), layout.times))
            lines.append((INDENT + " ".join(cells)).rstrip())
            lines += contact_lines(s, bool(organisations), under, width)
        return lines

    return fitted(CHASE_LAYOUTS, rows, width)


def contact_lines(s: InviteeState, organisation_shown: bool, under: str, width: int) -> list[str]:
    """The contact, under the name, with the organisation where the row has no room for
    it: beside the contact where both fit, else on a line of its own. These lines never
    decide the layout; only what is wider than the terminal by itself is cut."""
    contact = f"{under}contact: {clip(printable(s.invitee.contact), 60) or NO_CONTACT}"
    organisation = printable(s.invitee.organisation)
    if not organisation or organisation_shown:
        return [clip(contact, max(width, 1))]
    beside = f"{contact} ({organisation})"
    if len(beside) <= width:
        return [beside]
    return [clip(contact, max(width, 1)), clip(f"{under}{organisation}", max(width, 1))]
