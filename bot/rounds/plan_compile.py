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
from bot.model.framework import is_label
from bot.problems import LoadError
from bot.report.aggregate import aggregate_data
from bot.rounds.plan import HistoryEntry, Plan, PlanAction, TriggeredBy, merge, update_plan
from bot.rounds.plan_review import carried_actions, earlier_refs
from bot.rounds.refs import round_framework
from bot.rounds.report import compiled_files
from bot.rounds.work import Snapshot
from bot.scoring.aggregate import AggregateRun, Filters, aggregate
from bot.scoring.compile import DUE_MONTHS, months_after
from bot.scoring.results import WHOLE_TITLE
from bot.scoring.versions import aggregate_framework


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

    def summary(self) -> str:
        """What the plan holds, in parts that add up to its actions, and how many of them
        this compile added: such as "5 actions, 3 new (3.1, 8.1, 9.1): 2 carried from the
        previous round (2.1, R1), 3 suggested by this round's answers (3.1, 8.1, 9.1)".
        An action carried in counts as carried even where this round suggests it again."""
        actions = self.plan.actions
        parts = {
            "carried from the previous round": [a.ref for a in actions if a.carried_from],
            "suggested by this round's answers": [
                a.ref for a in actions if a.suggested and not a.carried_from
            ],
            "kept but no longer suggested": [
                a.ref for a in actions if not a.suggested and not a.carried_from
            ],
        }
        total = len(actions)
        new = len(self.added)
        text = f"{total} action{'' if total == 1 else 's'}"
        if total:
            text += (
                ", all new"
                if new == total
                else f", {new} new ({', '.join(self.added)})"
                if new
                else ", none new"
            )
            text += ": " + ", ".join(
                f"{len(refs)} {what} ({', '.join(refs)})" for what, refs in parts.items() if refs
            )
        return text


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
    loaded = round_framework(catalogue, shot.loaded)
    if framework_totals is not None:
        # The actions the answers suggested, of the versions they were given to (one rule).
        loaded, notes = aggregate_framework(round_.framework, framework_totals, files, catalogue)
        run.warnings.update(notes)
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
    fresh = Plan(actions=tuple(actions), respondents=respondents, **header)
    return with_refs(fresh, framework), run


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
                    ref=action.id,  # until `with_refs` gives it its reference
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


def area_numbers(framework: Framework) -> dict[str, str]:
    """Area id -> the number references give it: its place among the framework's areas
    ("1", "2", ...), and "P" for the framework's own actions (area "")."""
    numbers = {area.id: str(number) for number, area in enumerate(framework.areas, 1)}
    numbers[""] = WHOLE_REF
    return numbers


def seed_refs(framework: Framework) -> dict[str, str]:
    """The references the seed gives, by action id: its label as it is ("R2"), or the area's
    number and its letter ("2a", "Pa" for a lettered action of the partnership as a
    whole); actions the seed neither letters nor labels are left out."""
    numbers = area_numbers(framework)
    listed = [(area.id, area.actions) for area in framework.areas]
    listed.append(("", framework.actions))
    return {
        action.id: action.letter if is_label(action.letter) else numbers[area] + action.letter
        for area, actions in listed
        for action in actions
        if action.letter
    }


def seed_labels(framework: Framework) -> set[str]:
    """The ids of the actions the seed labels ("R2"): a label does not depend on where its
    area stands in the framework, unlike a letter ("a" of "2a")."""
    listed = [*(a for area in framework.areas for a in area.actions), *framework.actions]
    return {action.id for action in listed if action.letter and is_label(action.letter)}


def with_refs(
    plan: Plan,
    framework: Framework,
    held: dict[str, str] | None = None,
    earlier: dict[str, str] | None = None,
) -> Plan:
    """The plan with each action's reference, as the Ref column shows it and --set takes it.

    The seed's own label where it gives one ("R2", whatever number a plan gave the action
    before the framework carried the label). Otherwise the reference the action already
    holds (action id -> ref): in this round's plan on disk (``held``), else in the earlier
    rounds' plans (``earlier``, so that an action carried forward or suggested again next
    year keeps it), kept for good: a framework that inserts or moves actions, or inserts an
    area, renumbers nothing, not even the area's number in a reference made of the area's
    number and the seed's letter ("2a" stays "2a" when an area is inserted before its
    area). An action with none yet gets that reference where the seed letters it
    (`seed_refs`), unless another action holds it, else its area's number and the next
    number not yet used in the area ("7.4" after 7.1 to 7.3), counting every reference
    held there, so it never takes one another action held. A held reference equal to the
    id (a plan written before refs were numbered) counts as none. Pure."""
    held, earlier = held or {}, earlier or {}
    seeds = seed_refs(framework)
    numbers = area_numbers(framework)
    chosen: dict[str, str] = {}
    taken: set[str] = set()

    def take(action_id: str, ref: str) -> bool:
        if not ref or ref == action_id or ref.casefold() in taken:
            return False
        chosen[action_id] = ref
        taken.add(ref.casefold())
        return True

    # The seed's labels first (the seed's own, whatever the plan held), then the held
    # references (kept for good: the area's number in "2a" can no longer shift), then the
    # seed's lettered references for actions new to the plans, then new numbers.
    labels = seed_labels(framework)
    for action in plan.actions:
        if action.id in labels:
            take(action.id, seeds.get(action.id, ""))
    for known in (held, earlier):
        for action in plan.actions:
            if action.id not in chosen:
                take(action.id, known.get(action.id, ""))
    for action in plan.actions:
        if action.id not in chosen:
            take(action.id, seeds.get(action.id, ""))
    used: dict[str, int] = {}
    # Not the plan's own refs: a fresh compile's are only provisional.
    for ref in [*held.values(), *earlier.values(), *chosen.values()]:
        area, dot, place = ref.rpartition(".")
        if dot and place.isdigit():
            used[area] = max(used.get(area, 0), int(place))
    for action in plan.actions:
        if action.id in chosen:
            continue
        area = numbers.get(action.area)
        if area is None:  # an area the framework no longer has: its own, else the id
            if not take(action.id, action.ref):
                chosen[action.id] = action.id
            continue
        used[area] = used.get(area, 0) + 1
        while not take(action.id, f"{area}.{used[area]}"):
            used[area] += 1
    actions = tuple(a.model_copy(update={"ref": chosen[a.id]}) for a in plan.actions)
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
    framework = round_framework(catalogue, shot.loaded).framework
    if carried is None:
        carried = carried_actions(shot.loaded, compiled_files(shot), now.date())
        earlier = earlier_refs(shot.loaded)
    else:
        earlier = {a.id: a.ref for a in carried}
    if carried:
        fresh = _with_carried(fresh, carried)
    result = Compiled(fresh, run)

    def change(old: Plan | None) -> Plan:
        held = {a.id: a.ref for a in old.actions} if old else {}
        merged = with_refs(merge(old, fresh), framework, held, earlier)
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
