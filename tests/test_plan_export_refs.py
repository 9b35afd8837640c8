"""Every export of a plan names each action by its Ref, beside the action, as the plan
does: the seed's label ("R2"), or the number the plan gave ("1.1")."""

from __future__ import annotations

import csv
import io

from bot.rounds.plan import read_plan
from bot.rounds.plan_export import render_plan
from tests.conftest import ROOT


def test_each_export_names_the_action_by_its_ref() -> None:
    plan = read_plan(ROOT / "transcripts" / "rounds" / "hertfordshire-2010")
    assert plan is not None
    refs = {a.ref for a in plan.actions}
    assert {"R2", "1.1"} <= refs
    rows = list(csv.DictReader(io.StringIO(render_plan(plan, "csv"))))
    assert [(r["ref"], r["action"]) for r in rows] == [(a.ref, a.text) for a in plan.actions]
    markdown = render_plan(plan, "md")
    html = render_plan(plan, "html")
    for action in plan.actions:
        # Labelled, so that the plan's own number is never read as a question's.
        assert f"## Action {action.ref}: " in markdown
        assert f'<th scope="row">Action {action.ref}</th>' in html
    assert "## 1.1" not in markdown and '<th scope="row">1.1' not in html


def test_a_carried_action_not_asked_is_not_said_to_have_been_agreed_late() -> None:
    # Done before the later round began, so not asked about: never "agreed after its
    # conversations began", which a board would read as a late decision.
    from bot.rounds.plan import Plan, PlanAction
    from bot.rounds.plan_export import said_about

    done = PlanAction(
        id="x", ref="1a", text="Do it.", agreed=True, status="done", carried_from="r2009"
    )
    said = said_about(Plan(round="r2010", actions=(done,)), done)
    assert said.startswith("not asked in r2010, or not answered there")
    assert "already done or dropped" in said and "r2009 plan" in said
    assert ", agreed after its conversations began;" not in said
