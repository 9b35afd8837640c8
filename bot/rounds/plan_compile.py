"""Compiling a round's action plan from its aggregate (the same aggregate as
``round report``), merged into the plan on disk so that hand edits are kept.

Each action the aggregate suggests becomes a plan action, proposed (``agreed = false``)
until the board agrees it, with the framework's suggested owner, a due date three, six
or twelve months after compiling by the aggregate's priority (as a single report dates
its actions), and the transcripts and questions that triggered it. When the round names
a previous round, the actions agreed there are carried in first, with the status this
round's answers report for them (`bot.rounds.plan_review`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot import store
from bot.catalogue import Catalogue
from bot.model import Framework
from bot.problems import LoadError
from bot.report.aggregate import aggregate_data
from bot.rounds.plan import HistoryEntry, Plan, PlanAction, TriggeredBy, merge, update_plan
from bot.rounds.plan_review import carried_actions
from bot.rounds.report import compiled_files
from bot.rounds.work import Snapshot
from bot.scoring.aggregate import AggregateRun, Filters, aggregate
from bot.scoring.compile import DUE_MONTHS, months_after
from bot.scoring.results import WHOLE_TITLE


@dataclass
class Compiled:
    """What compiling a plan did."""

    plan: Plan
    """The plan as written."""
    run: AggregateRun = field(default_factory=AggregateRun)
    """What the aggregate left out (files that failed to load, ...)."""
    added: list[str] = field(default_factory=list)
    """Refs of actions new to the plan."""
    no_longer: list[str] = field(default_factory=list)
    """Refs of actions the compile no longer suggests (kept in the plan)."""
    reviewed: list[str] = field(default_factory=list)
    """Refs of carried actions whose status this round's answers reported."""


def fresh_plan(
    shot: Snapshot,
    catalogue: Catalogue,
    on: date,
    current: bool = False,
    cache_folder: Path | None = None,
) -> tuple[Plan, AggregateRun]:
    """The plan the round's answers suggest now, before merging with the one on disk."""
    round_ = shot.loaded.round
    files = compiled_files(shot)
    filters = Filters(framework=round_.framework)
    totals, run = aggregate(files, catalogue, filters, current=current, cache_folder=cache_folder)
    framework_totals = totals.get(round_.framework)
    loaded = catalogue.framework(round_.framework)
    framework = loaded.framework
    header = {
        "round": shot.loaded.folder.resolve().name,
        "title": round_.title,
        "partnership": round_.partnership,
        "period": round_.period,
        "framework": round_.framework,
    }
    actions: list[PlanAction] = []
    respondents = 0
    if framework_totals is not None:
        respondents = framework_totals.respondents
        data = aggregate_data(
            round_.framework, framework_totals, run, catalogue, filters, True, loaded=loaded
        )
        invitees = _invitee_of(files)
        numbers = {q.id: q.number or q.id for q in framework.questions()}
        triggers = {
            action_id: tuple(
                TriggeredBy(
                    transcript=transcript_id,
                    invitee=invitees.get(transcript_id, ""),
                    questions=tuple(numbers.get(q, q) for q in questions),
                )
                for transcript_id, questions in found
                if transcript_id
            )
            for action_id, found in framework_totals.triggered_by.items()
        }
        actions = plan_actions(framework, data["actions"], triggers, on, header["round"])
    return Plan(actions=tuple(actions), respondents=respondents, **header), run


def plan_actions(
    framework: Framework,
    suggested: list[dict[str, Any]],
    triggers: dict[str, tuple[TriggeredBy, ...]],
    on: date,
    round_name: str,
) -> list[PlanAction]:
    """The plan's actions from the aggregate's suggested actions, in the framework's order
    (the seed's, not by how many suggested them): each area's, then the framework's own
    actions for the partnership as a whole (area "")."""
    by_id = {a["id"]: a for a in suggested}
    refs = action_refs(framework)
    listed = [(area.id, area.title, area.actions) for area in framework.areas]
    listed.append(("", WHOLE_TITLE, framework.actions))
    actions: list[PlanAction] = []
    for area_id, area_title, area_actions in listed:
        for action in area_actions:
            found = by_id.get(action.id)
            if found is None:
                continue
            priority = found["priority"]
            actions.append(
                PlanAction(
                    id=action.id,
                    ref=refs[action.id],
                    area=area_id,
                    area_title=area_title,
                    letter=action.letter,
                    source=action.source,
                    text=action.text,
                    owner=action.owner,
                    due=months_after(on, DUE_MONTHS.get(priority, 12)),
                    priority=priority,
                    respondents=found["respondents"],
                    share=found["share"],
                    triggered_by=triggers.get(action.id, ()),
                    history=(
                        HistoryEntry(
                            date=on, status="not_started", source="compiled", round=round_name
                        ),
                    ),
                )
            )
    return actions


WHOLE_REF = "P"
"""Stands for the area number in the references of the framework's own actions (for the
partnership as a whole)."""


def action_refs(framework: Framework) -> dict[str, str]:
    """Each action's short reference in a plan, by id, as a reader finds it in the plan and
    types it after --set: the area's number and the seed's letter ("2a"); where the seed
    letters none, the area's number and the action's place among the area's actions in the
    framework ("1.2", never the internal id); for the framework's own actions, "P" in
    place of the area's number ("P.1"). Places follow the framework, so a reference stays
    the same from one compile to the next."""
    listed = [(str(number), area.actions) for number, area in enumerate(framework.areas, 1)]
    listed.append((WHOLE_REF, framework.actions))
    return {
        action.id: f"{number}{action.letter}" if action.letter else f"{number}.{place}"
        for number, actions in listed
        for place, action in enumerate(actions, 1)
    }


def with_refs(plan: Plan, refs: dict[str, str]) -> Plan:
    """The plan with each action's reference as the framework gives it now (a plan written
    before kept the id where the seed gives no letter); an action the framework no longer
    has keeps its own, or its id where that is now another action's."""
    taken = {refs[a.id].casefold() for a in plan.actions if a.id in refs}
    actions = tuple(
        a.model_copy(update={"ref": refs[a.id]})
        if a.id in refs
        else a
        if a.ref.casefold() not in taken
        else a.model_copy(update={"ref": a.id})
        for a in plan.actions
    )
    return plan.model_copy(update={"actions": actions})


def _invitee_of(files: list[Path]) -> dict[str, str]:
    """transcript id -> invitee id, from the compiled transcripts' headers."""
    found: dict[str, str] = {}
    for path in files:
        try:
            transcript = store.load(path).transcript
        except LoadError:
            continue
        found[transcript.id] = transcript.invitee
    return found


def compile_plan(
    shot: Snapshot,
    catalogue: Catalogue,
    now: datetime,
    current: bool = False,
    cache_folder: Path | None = None,
    carried: list[PlanAction] | None = None,
) -> Compiled:
    """Compile the round's plan and merge it into plan.toml (under the round's lock,
    written atomically and durably); ``carried`` are actions brought on from the previous
    round's plan, already updated with this round's answers (by default, those of the
    round that round.toml's ``previous`` names)."""
    fresh, run = fresh_plan(shot, catalogue, now.date(), current, cache_folder)
    fresh = fresh.model_copy(update={"compiled": now})
    refs = action_refs(catalogue.framework(shot.loaded.round.framework).framework)
    if carried is None:
        carried = carried_actions(shot.loaded, compiled_files(shot), now.date())
    if carried:
        fresh = _with_carried(fresh, carried)
    result = Compiled(fresh, run)

    def change(old: Plan | None) -> Plan:
        merged = with_refs(merge(old, fresh), refs)
        before = {a.id for a in old.actions} if old else set()
        was_suggested = {a.id for a in old.actions if a.suggested} if old else set()
        result.added = [a.ref for a in merged.actions if a.id not in before]
        result.no_longer = [
            a.ref for a in merged.actions if not a.suggested and a.id in was_suggested
        ]
        result.reviewed = [a.ref for a in carried or []]
        return merged

    result.plan = update_plan(shot.loaded.folder, change)
    return result


def _with_carried(fresh: Plan, carried: list[PlanAction]) -> Plan:
    """Carried actions first; one suggested again keeps its carried status and history."""
    by_id = {a.id: a for a in fresh.actions}
    first: list[PlanAction] = []
    for action in carried:
        again = by_id.pop(action.id, None)
        if again is not None:
            action = action.model_copy(
                update={
                    "suggested": True,
                    "priority": again.priority,
                    "respondents": again.respondents,
                    "share": again.share,
                    "triggered_by": again.triggered_by,
                }
            )
        first.append(action)
    rest = [a for a in fresh.actions if a.id in by_id]
    return fresh.model_copy(update={"actions": (*first, *rest)})


def plan_data(plan: Plan) -> dict[str, Any]:
    """A plan as JSON-able data for the exports."""
    return plan.model_dump(mode="json", by_alias=True)
