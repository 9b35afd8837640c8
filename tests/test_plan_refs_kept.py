"""A Ref once given is kept for good: a framework version that inserts an area before an
action's area does not shift the area's number in the action's Ref ("2a" stays "2a")."""

from __future__ import annotations

from bot.catalogue import Catalogue
from bot.rounds.plan import Plan, PlanAction
from bot.rounds.plan_compile import with_refs


def test_an_inserted_area_shifts_no_ref() -> None:
    framework = Catalogue().framework("working-better-together").framework
    lettered = [(area, a) for area in framework.areas[1:] for a in area.actions if a.letter]
    plan = Plan(
        actions=tuple(
            PlanAction(id=a.id, ref=a.id, area=area.id, text=a.text, letter=a.letter)
            for area, a in lettered
        )
    )
    first = with_refs(plan, framework)
    refs = {a.id: a.ref for a in first.actions}
    assert "2a" in refs.values() and "7a" in refs.values()
    # Version 2 of the framework inserts an area at the start: every area moves down one.
    inserted = framework.areas[0].model_copy(
        update={"id": "inserted", "title": "Inserted", "actions": ()}
    )
    version_2 = framework.model_copy(update={"areas": (inserted, *framework.areas)})
    again = with_refs(first, version_2, held=refs)
    assert {a.id: a.ref for a in again.actions} == refs
    # Next year's plan, from the earlier plan's Refs, keeps them too.
    fresh = with_refs(plan, version_2, held={}, earlier=refs)
    assert {a.id: a.ref for a in fresh.actions} == refs
    # An action new to the plans never takes a Ref another action holds: the seed's
    # reference under the new numbering ("2a") is held, so it gets a number.
    area, new = next((area, a) for area in framework.areas[:1] for a in area.actions if a.letter)
    added = first.model_copy(
        update={
            "actions": (
                *first.actions,
                PlanAction(id=new.id, ref=new.id, area=area.id, text=new.text, letter=new.letter),
            )
        }
    )
    given = with_refs(added, version_2, held=refs).find(new.id)
    assert given is not None and given.ref == "2.1" and "2a" in refs.values()
