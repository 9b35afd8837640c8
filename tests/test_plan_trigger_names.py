"""The round plan names the respondents whose answers triggered an action as the round
report names people (name and role), never by invitee id; the app's plan screen and
every export alike, and an anonymised round report names no one."""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from bot.catalogue import Catalogue
from bot.rounds.folder import load_round
from bot.rounds.plan import TriggeredBy, read_plan
from bot.rounds.plan_export import render_plan
from bot.rounds.report import round_report
from bot.rounds.work import snapshot
from bot.tui.screens.plan import action_detail
from tests.conftest import ROOT

ROUND = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
BOB = "Bob Hughes, Private sector organisation (T1, T2)"


def test_each_export_names_who_triggered_an_action(tmp_path: Path) -> None:
    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(ROUND, folder)
    from bot.rounds.plan_export import people_in

    plan = read_plan(folder)
    assert plan is not None
    people = people_in(folder)
    assert people["h22"] == "Bob Hughes, Private sector organisation"
    right = plan.find("right-partners")
    assert right is not None
    md = render_plan(plan, "md", people)
    assert BOB in md and "h22 (" not in md
    page = html.unescape(render_plan(plan, "html", people))
    assert BOB in page and "h22 (" not in page
    rows = list(csv.DictReader(io.StringIO(render_plan(plan, "csv", people))))
    cell = next(r["triggered_by"] for r in rows if r["ref"] == right.ref)
    assert BOB in cell and "h22" not in cell
    assert BOB in action_detail(right, plan, people)


def test_the_round_plan_command_names_them(tmp_path: Path) -> None:
    """`round plan` as the command line runs it (in-process)."""
    from bot.cli import main

    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(ROUND, folder)
    out = tmp_path / "plan.md"
    assert main(["round", "plan", "-r", str(folder), "--no-compile", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert BOB in text and "h22 (" not in text


def test_an_invitee_the_round_no_longer_lists_keeps_its_id() -> None:
    found = TriggeredBy(transcript="t1", invitee="x09", questions=("1.5",))
    assert found.named({"h01": "Ann"}) == "x09 (1.5)"
    assert TriggeredBy(transcript="t1", invitee="h01").named({"h01": "Ann, Officer"}) == (
        "Ann, Officer"
    )


def test_an_anonymised_round_report_names_no_one_who_triggered_an_action(
    tmp_path: Path,
) -> None:
    from bot.report.render import render_aggregate
    from bot.rounds.plan_export import named_people

    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(ROUND, folder)
    shot = snapshot(folder, datetime(2010, 3, 1, tzinfo=UTC))
    data, _, _ = round_report(shot, Catalogue(), anonymise=True, cache_folder=tmp_path / "c")
    assert data is not None
    invitees = load_round(folder).round.invitees
    assert set(named_people(invitees)) == {i.id for i in invitees}
    text = json.dumps(data) + render_aggregate(data, "md")
    for invitee in invitees:
        assert invitee.name not in text
