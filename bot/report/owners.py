"""Where an action's owner, due date and status come from, in every report.

One rule: an action the board agreed in the round's plan (plan.toml) shows the plan's
agreed owner, due date and status; every other action (a proposed plan entry, a round
without a plan, a single report, a folder's aggregate) shows the framework's suggested
owner, said as a suggestion (docs/reports.md, "Owners").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.rounds.plan import Plan

FROM_PLAN = "agreed plan"
"""`owner_from` of an action whose owner, due date and status the board agreed."""
FROM_FRAMEWORK = "framework suggestion"
"""`owner_from` of an action whose owner is the framework's suggestion."""
SUGGESTED_NOTE = "Owners are the framework's suggestions; no plan has been agreed for them."


def suggested(owner: str) -> dict[str, Any]:
    """An action's owner fields when the owner is the framework's suggestion."""
    return {"owner": owner, "owner_from": FROM_FRAMEWORK}


def with_agreed_plan(
    actions: Iterable[dict[str, Any]], plan: Plan | None
) -> tuple[list[dict[str, Any]], str]:
    """The actions with the agreed plan's owner, due date and status where the board
    agreed them (matched by the action's id), and a note saying where owners come from."""
    agreed = {a.id: a for a in plan.agreed_actions()} if plan is not None else {}
    # Every action in the plan, agreed or proposed, is called by the plan's Ref.
    refs = {a.id: a.ref for a in plan.actions} if plan is not None else {}
    from bot.rounds.plan import STATUS_LABELS

    shown = []
    for action in actions:
        found = agreed.get(action["id"])
        ref = {"ref": refs[action["id"]]} if action["id"] in refs else {}
        if found is None:
            shown.append(action | suggested(action.get("owner", "")) | ref)
            continue
        shown.append(
            action
            | {
                "owner": found.owner,
                "owner_from": FROM_PLAN,
                "ref": found.ref,
                "due": found.due.isoformat() if found.due else None,
                "status": STATUS_LABELS[found.status],
            }
        )
    used = sum(1 for a in shown if a["owner_from"] == FROM_PLAN)
    if plan is None:
        note = "Owners are the framework's suggestions: this round has no action plan."
    elif not used:
        note = (
            "Owners are the framework's suggestions: none of these actions is agreed "
            "in the round's plan (plan.toml)."
        )
    else:
        note = (
            f"Owner, due date and status of the {used} action{'s' if used != 1 else ''} "
            "agreed in the round's plan (plan.toml) come from the agreed plan; the other "
            "owners are the framework's suggestions."
        )
    return shown, note
