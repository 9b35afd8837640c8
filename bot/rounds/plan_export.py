"""A round's action plan as Markdown, HTML and CSV, escaped as the reports are: the
plan's words (typed by officers, or edited by hand) always stay text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bot.problems import LoadError
from bot.report import escape
from bot.rounds.model import Invitee
from bot.rounds.plan import STATUS_LABELS, STATUSES, Plan, PlanAction, share_percent

PLAN_FORMATS = ("md", "html", "csv")
CSV_COLUMNS = (
    "ref",
    "area",
    "source",
    "action",
    "agreed",
    "owner",
    "due",
    "status",
    "note",
    "priority",
    "respondents",
    "suggested",
    "carried_from",
    "triggered_by",
    "history",
    "respondents_said",
)


def named_people(invitees: Iterable[Invitee]) -> dict[str, str]:
    """Invitee id -> how the round report names them: their name, and their role where
    given ("Ann Archer, District council officer"). The plan names the respondents whose
    answers triggered an action so, never by their ids; the plan is the board's working
    document (an anonymised report never lists who triggered an action)."""
    return {i.id: ", ".join(part for part in (i.name, i.role) if part) for i in invitees}


def people_in(folder: Path) -> dict[str, str]:
    """`named_people` of the round in ``folder``; {} when its round.toml cannot be read
    (the plan then names each by the id it records)."""
    from bot.rounds.folder import load_round

    try:
        return named_people(load_round(folder).round.invitees)
    except (LoadError, OSError):
        return {}


def render_plan(plan: Plan, fmt: str, people: Mapping[str, str] | None = None) -> str:
    """The plan in a format: md, html or csv; ``people`` (`named_people`) names the
    respondents whose answers triggered each action."""
    people = people or {}
    if fmt == "csv":
        return plan_csv(plan, people)
    if fmt not in PLAN_FORMATS:
        raise ValueError(f"format must be one of {', '.join(PLAN_FORMATS)}, not {fmt!r}")
    from bot.report.render import environment

    data = plan.model_dump(mode="json", by_alias=True)
    agreed = [a for a in data["actions"] if a["agreed"]]
    counts = [
        {"label": STATUS_LABELS[s], "count": sum(1 for a in agreed if a["status"] == s)}
        for s in STATUSES
    ]
    template = environment(fmt).get_template(f"plan.{fmt}.j2")
    said = {a.id: said_about(plan, a) for a in plan.actions}
    shares = {a.id: share_percent(a.respondents, plan.respondents) for a in plan.actions}
    triggers = {a.id: [t.named(people) for t in a.triggered_by] for a in plan.actions}
    return template.render(
        p=data,
        agreed=agreed,
        counts=counts,
        labels=STATUS_LABELS,
        said=said,
        shares=shares,
        triggers=triggers,
    )


def said_about(plan: Plan, action: PlanAction) -> str:
    """What this round's respondents said about an action, with the counts; for one carried
    in that they were not asked about, where its status comes from."""
    if action.respondents_said:
        return action.respondents_said
    if action.carried_from and plan.round:
        # Not said why: an action agreed after the conversations began, and one already
        # done or dropped when they began, are both left unasked (and an action asked
        # about may have gone unanswered); the plan alone cannot tell which.
        return (
            f"not asked in {plan.round}, or not answered there (an action agreed after its "
            "conversations began, or already done or dropped, is not asked about); the "
            f"status is as recorded in the {action.carried_from} plan"
        )
    return ""


def plan_csv(plan: Plan, people: Mapping[str, str] | None = None) -> str:
    """The plan as CSV, one row per action; no cell can start a formula; ``people``
    (`named_people`) names who triggered each action."""
    people = people or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for action in plan.actions:
        cells: dict[str, Any] = {
            **action.model_dump(mode="json"),
            "area": action.area_title or action.area,
            "action": action.text,
            "agreed": "yes" if action.agreed else "no",
            "status": STATUS_LABELS[action.status],
            "suggested": "yes" if action.suggested else "no",
            "due": action.due.isoformat() if action.due else "",
            "triggered_by": "; ".join(t.named(people) for t in action.triggered_by),
            "history": "; ".join(
                f"{h.date.isoformat()} {STATUS_LABELS[h.status]} ({h.source}"
                + (f", {h.round}" if h.round else "")
                + (f": {h.note}" if h.note else "")
                + ")"
                for h in action.history
            ),
            "respondents_said": said_about(plan, action),
        }
        writer.writerow([escape.csv_cell(cells.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()
