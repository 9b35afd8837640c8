"""The round report shows the owner, due date and status the board agreed in the round's
plan for each agreed action, says so, and keeps the framework's owner, said as a
suggestion, for proposed entries and rounds without a plan."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.csv_tables import csv_tables
from tests.plain_driver import run

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


def report(folder: Path, fmt: str, cwd: Path) -> str:
    done = run("round", "report", "-r", str(folder), "--format", fmt, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def agreed_in(folder: Path) -> dict[str, dict]:
    # Read straight from plan.toml, not through the product's plan model.
    plan = tomllib.loads((folder / "plan.toml").read_text())
    return {a["id"]: a for a in plan["actions"] if a.get("agreed")}


@pytest.mark.e2e
def test_agreed_actions_show_the_plans_owner_due_and_status(tmp_path: Path) -> None:
    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    agreed = agreed_in(folder)
    assert agreed["r4-performance"]["owner"] == "LSP Executive"
    data = json.loads(report(folder, "json", tmp_path))
    shown = {a["id"]: a for a in data["actions"]}
    used = 0
    for action_id, action in shown.items():
        if action_id in agreed:
            used += 1
            plan = agreed[action_id]
            assert action["owner_from"] == "agreed plan"
            assert action["owner"] == plan["owner"]
            assert action["due"] == plan["due"].isoformat()
            assert action["status"] == plan["status"].replace("_", " ")
        else:
            assert action["owner_from"] == "framework suggestion"
    assert used == 4 and "of the 4 actions agreed" in data["owners_note"]
    md = report(folder, "md", tmp_path)
    assert "*agreed owner:* LSP Executive; *due:* 2010-12-02; *status:* not started" in md
    assert "Hertfordshire Forward and district LSPs" not in md
    assert "*suggested owner:* Hertfordshire Forward Core Group" in md
    html = report(folder, "html", tmp_path)
    assert "agreed owner: LSP Executive" in html and "<strong>Owners:</strong>" in html
    # The action list alone: the first table, up to the blank row before the statements.
    actions, statements, *_ = csv_tables(report(folder, "csv", tmp_path))
    assert [r["action"] for r in actions] == [a["text"] for a in data["actions"]]
    assert "statement" in statements[0] and "owner" not in statements[0]
    [r4] = [r for r in actions if r["letter"] == "R4"]
    assert (r4["owner"], r4["owner_from"], r4["due"]) == (
        "LSP Executive",
        "agreed plan",
        "2010-12-02",
    )


@pytest.mark.e2e
def test_proposed_entries_and_rounds_without_a_plan_keep_suggestions(tmp_path: Path) -> None:
    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    plan = folder / "plan.toml"
    text = plan.read_text()
    # R4 proposed again rather than agreed.
    start = text.index('id = "r4-performance"')
    end = text.index("agreed = true", start)
    plan.write_text(text[:end] + "agreed = false" + text[end + len("agreed = true") :])
    md = report(folder, "md", tmp_path)
    assert "*suggested owner:* Hertfordshire Forward and district LSPs" in md
    assert "of the 3 actions agreed" in md
    plan.unlink()
    data = json.loads(report(folder, "json", tmp_path))
    assert {a["owner_from"] for a in data["actions"]} == {"framework suggestion"}
    assert "no action plan" in data["owners_note"]


@pytest.mark.e2e
def test_the_round_report_csv_gives_each_agreed_actions_ref_as_the_markdown_does(
    tmp_path: Path,
) -> None:
    from bot.report.render import actions_csv

    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    agreed = agreed_in(folder)
    # The action list, up to the blank row before the statements.
    rows = csv_tables(report(folder, "csv", tmp_path))[0]
    data = json.loads(report(folder, "json", tmp_path))
    md = report(folder, "md", tmp_path)
    assert "ref" in rows[0]
    refs = 0
    for row, action in zip(rows, data["actions"], strict=True):
        plan = agreed.get(action["id"])
        if plan is None:
            # Not agreed: the Ref its plan gives it as proposed, as the Markdown shows it.
            assert row["ref"] == action["ref"] and row["owner_from"] == "framework suggestion"
            continue
        refs += 1
        # The plan's own Ref, read from plan.toml, as the Markdown shows it.
        assert row["ref"] == plan["ref"] != ""
        assert f"(agreed plan, Action {plan['ref']})" in md
    assert refs == 4
    # Safe as every other cell: a Ref that would start a formula is kept as text.
    data["actions"][0]["ref"] = "=HYPERLINK(1)"
    first = csv_tables(actions_csv(data))[0][0]
    assert first["ref"] == "'=HYPERLINK(1)"


@pytest.mark.e2e
def test_mean_by_role_says_how_many_each_column_has_and_each_mean_rests_on(
    tmp_path: Path,
) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.report.make import assess

    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    # Independently: each role's respondents, and those whose own report scores Engagement
    # (only the interview asks its statements).
    roles: dict[str, int] = {}
    scored: dict[str, int] = {}
    for path in sorted(folder.glob("h*.toml")):
        transcript = store.load(path).transcript
        if transcript.status != "complete":
            continue
        role = transcript.respondent.role
        roles[role] = roles.get(role, 0) + 1
        engagement = next(a for a in assess(path, Catalogue()).areas if a.area.id == "engagement")
        scored[role] = scored.get(role, 0) + (engagement.score is not None)
    data = json.loads(report(folder, "json", tmp_path))
    assert data["roles"] == roles
    engagement = next(a for a in data["areas"] if a["id"] == "engagement")
    assert engagement["by_role_n"] == {role: scored.get(role, 0) for role in roles}
    html = report(folder, "html", tmp_path)
    md = report(folder, "md", tmp_path)
    # The column says what its number is: the group's respondents, not those answering.
    assert "(n=" not in html
    fewer = 0
    for role, n in roles.items():
        assert f"{role} ({n} respondent{'s' if n != 1 else ''})</th>" in html
        assert f"| {role} ({n} respondent{'s' if n != 1 else ''}) |" in md
        if 0 < scored.get(role, 0) < n:
            fewer += 1
            mean = f"{engagement['by_role'][role]:.1f}"
            assert f'{mean} <span class="small">({scored[role]} of {n})</span>' in html
            assert f"{mean} ({scored[role]} of {n})" in md
    assert fewer and data["by_group_note"] in md
