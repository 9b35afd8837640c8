"""What became of the actions agreed in an earlier round: the one definition the plan and
the comparison of two rounds both use.

The actions agreed in the earlier round are the agreed actions of the earlier round's own
plan (``plan.toml``), as it stands. Each is followed into the later round's plan, where
``round plan`` carried it in (``carried_from``) with the status a majority of the later
round's respondents gave it: that plan's status, owner and due date are where it stands
now. Until the later plan has carried it in (no later plan yet, or the action was agreed
after the later plan was last compiled), the earlier plan's own record says where it
stands, and ``carried`` is false so a report can say so. Without the earlier plan, the
later plan's actions carried in from that round (``carried_from`` naming it) stand for it. ``asked`` says whether the later
round's respondents were asked about it at all (an action agreed after its conversations
began was not), and ``said`` has their counts.

Pure reading: nothing here writes a plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.rounds.plan import Plan, PlanAction, Status, read_plan


@dataclass(frozen=True)
class AgreedOutcome:
    """One action agreed in the earlier round, and what became of it."""

    id: str
    """The framework action's id."""
    ref: str
    """Its short reference in the earlier plan."""
    area: str
    """The area id ("" for the partnership as a whole)."""
    area_title: str
    """The area's title."""
    text: str
    """The action as agreed."""
    owner: str
    """Who owns it now (as agreed, unless changed in the later plan)."""
    due: date | None
    """When it is due now."""
    status: Status
    """Where it stands now."""
    carried: bool
    """Whether the later round's plan carried it in (else the earlier plan says)."""
    asked: bool = False
    """Whether the later round's respondents were asked about it."""
    said: dict[str, int] = field(default_factory=dict)
    """How many of them gave each status (empty when not asked)."""
    disagreed: bool = False
    """Whether they gave no majority status (the status was left for the officer)."""
    respondents_said: str = ""
    """Their counts in words, flagged when they disagree ("" when not asked)."""


def agreed_in(earlier: Plan, later: Plan | None) -> list[AgreedOutcome]:
    """The earlier plan's agreed actions, each as the later plan (if it carried it) has it."""
    carried = {a.id: a for a in later.actions if a.carried_from} if later is not None else {}
    found = []
    for agreed in earlier.agreed_actions():
        found_later = carried.get(agreed.id)
        now: PlanAction = found_later or agreed
        entry = now.said if found_later is not None else None
        asked = entry is not None and entry.round == (later.round if later else "")
        found.append(
            AgreedOutcome(
                id=agreed.id,
                ref=agreed.ref,
                area=agreed.area,
                area_title=agreed.area_title,
                text=now.text,
                owner=now.owner,
                due=now.due,
                status=now.status,
                carried=found_later is not None,
                asked=asked,
                said=dict(entry.counts) if asked and entry is not None else {},
                disagreed=asked and now.disagreed,
                respondents_said=now.respondents_said if asked else "",
            )
        )
    return found


def agreed_outcomes(old: Path, new: Path | None = None) -> list[AgreedOutcome] | None:
    """The actions agreed in the round in folder ``old`` and what became of them by the
    round in folder ``new`` (see the module's rule); None when ``old`` has no plan."""
    earlier = read_plan(old) if old.is_dir() else None
    later = read_plan(new) if new is not None and new.is_dir() else None
    if earlier is None:
        if later is None:
            return None
        # The earlier plan is not there: the later plan's record of what it carried in
        # from that round (and only from it) stands for it.
        name = old.resolve().name
        carried = tuple(a for a in later.actions if a.carried_from == name)
        if not carried:
            return None
        earlier = Plan(round=name, actions=carried)
    return agreed_in(earlier, later)
