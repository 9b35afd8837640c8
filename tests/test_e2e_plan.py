"""End to end: the installed command compiles, agrees, edits and exports a round's
action plan, and the next round's plain-mode conversation asks about last year's
agreed actions."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from bot import store
from bot.rounds.plan import read_plan
from tests.conftest import ROOT
from tests.plain_driver import run

pytestmark = pytest.mark.e2e
ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def rounds(tmp_path: Path) -> Path:
    """Copies of the 2009 and 2010 sample rounds, side by side."""
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, tmp_path / name)
    return tmp_path


def test_round_plan_compiles_agrees_edits_and_exports(rounds: Path) -> None:
    folder = rounds / "hertfordshire-2009"
    (folder / "plan.toml").unlink()
    made = run("round", "plan", "-r", str(folder), cwd=rounds)
    assert made.returncode == 0, made.stderr
    assert "14 actions, all new: " in made.stderr
    assert "# Action plan: Hertfordshire partnerships review 2009/10" in made.stdout
    assert "**Agreed:** no (proposed)" in made.stdout
    # The answers that triggered it, named as the round report names people.
    assert "Bob Hughes, Private sector organisation (T1, T2)" in made.stdout
    assert "h22 (" not in made.stdout
    agreed = run(
        "round", "plan", "-r", str(folder), "--agree", "r4-performance,Right-Partners", cwd=rounds
    )
    assert agreed.returncode == 0, agreed.stderr
    assert "saved (2 agreed)" in agreed.stderr
    edited = run(
        "round",
        "plan",
        "-r",
        str(folder),
        "--no-compile",
        "--set",
        "R4",  # as the plan shows it: the seed's own label for r4-performance
        "--status",
        "in progress",
        "--owner",
        "LSP Executive",
        "--due",
        "2010-12-02",
        "--note",
        "=cmd|' /C calc'!A0 <script>alert(1)</script>",
        "--format",
        "csv",
        cwd=rounds,
    )
    assert edited.returncode == 0, edited.stderr
    rows = list(csv.DictReader(io.StringIO(edited.stdout)))
    row = next(r for r in rows if r["ref"] == "R4")
    assert (row["agreed"], row["status"], row["owner"], row["due"]) == (
        "yes",
        "in progress",
        "LSP Executive",
        "2010-12-02",
    )
    assert row["note"].startswith("'=cmd")
    html = run(
        "round",
        "plan",
        "-r",
        str(folder),
        "--no-compile",
        "--format",
        "html",
        "-o",
        "plan.html",
        cwd=rounds,
    )
    assert html.returncode == 0, html.stderr
    page = (rounds / "plan.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    # Compiling again keeps every edit.
    again = run("round", "plan", "-r", str(folder), cwd=rounds)
    assert again.returncode == 0, again.stderr
    plan = read_plan(folder)
    assert plan is not None
    action = plan.find("r4-performance")
    assert action is not None and action.agreed and action.owner == "LSP Executive"
    assert action.status == "in_progress" and [h.source for h in action.history] == [
        "compiled",
        "edit",
    ]


def test_round_plan_errors_are_clear(rounds: Path) -> None:
    folder = rounds / "hertfordshire-2009"
    wrong = run(
        "round",
        "plan",
        "-r",
        str(folder),
        "--no-compile",
        "--set",
        "r4-performanse",
        "--status",
        "done",
        cwd=rounds,
    )
    assert wrong.returncode != 0
    assert (
        'no action "r4-performanse"' in wrong.stderr
        and 'did you mean "r4-performance"' in wrong.stderr
    )
    assert "Traceback" not in wrong.stderr
    text = (
        (folder / "plan.toml")
        .read_text()
        .replace('status = "in_progress"', 'status = "finished"', 1)
    )
    (folder / "plan.toml").write_text(text)
    broken = run("round", "plan", "-r", str(folder), "--no-compile", cwd=rounds)
    assert broken.returncode != 0 and "Traceback" not in broken.stderr
    assert "plan.toml:" in broken.stderr and ".status" in broken.stderr


def test_the_2010_round_plan_carries_the_2009_actions_with_their_status(rounds: Path) -> None:
    folder = rounds / "hertfordshire-2010"
    (folder / "plan.toml").unlink()
    made = run("round", "plan", "-r", str(folder), "--format", "csv", cwd=rounds)
    assert made.returncode == 0, made.stderr
    rows = {r["ref"]: r for r in csv.DictReader(io.StringIO(made.stdout))}
    carried = [r for r in rows.values() if r["carried_from"] == "hertfordshire-2009"]
    assert {r["ref"] for r in carried} == {"1.1", "2.1", "3.2", "R4"}
    assert all("(assessment, hertfordshire-2010" in r["history"] for r in carried)


def test_plain_mode_in_the_2010_round_asks_about_last_years_action(rounds: Path) -> None:
    folder = rounds / "hertfordshire-2010"
    answers = "3 - nobody owns it\nthe chair left in May 2010\n"
    done = run(
        "round",
        "phone",
        "h40",
        "-r",
        str(folder),
        "--plain",
        "--caller",
        "Sam",
        stdin=answers,
        cwd=rounds,
    )
    assert done.returncode == 5, done.stderr
    assert "Last year the partnership agreed:" in done.stdout
    assert "(owner: Partnership chair" in done.stdout
    assert "[1] Done" in done.stdout and "[4] Dropped" in done.stdout
    assert "What has held it up, or why was it dropped?" in done.stdout
    transcripts = [
        store.load(p).transcript
        for p in folder.glob("*.toml")
        if p.name not in store.NOT_TRANSCRIPTS
    ]
    transcript = next(t for t in transcripts if t.invitee == "h40")
    assert transcript.review and transcript.review[0].round == "hertfordshire-2009"
