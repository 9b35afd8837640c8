"""Pilot tests of the action plan in the app: the plan screen reached from the round
screen (agree, status, owner, note, export in a key or two, written to plan.toml at
once), and the next round's conversations asking about last year's agreed actions."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from bot import store
from bot.catalogue import Catalogue
from bot.rounds.plan import read_plan
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.plan import PlanScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.round_helpers import until
from tests.tui_helpers import log_text, make_app, type_text

SIZE = (100, 30)
ROUNDS = ROOT / "transcripts" / "rounds"
NOW = datetime(2011, 1, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The transcripts folder with copies of the 2009 and 2010 sample rounds."""
    transcripts = tmp_path / "transcripts"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, transcripts / "rounds" / name)
    monkeypatch.setenv("PARTNERSHIP_BOT_CALLER", "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    return transcripts


async def open_round(app, pilot, folder: Path, name: str) -> RoundScreen:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    screen = RoundScreen(app.catalogue, folder / "rounds" / name, "Alex", lambda: NOW)
    await app.push_screen(screen)
    await until(pilot, lambda: screen.shot is not None)
    return screen


async def test_plan_screen_agrees_sets_status_owner_note_and_exports(
    folder: Path, catalogue: Catalogue
) -> None:
    round_folder = folder / "rounds" / "hertfordshire-2009"
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, folder, "hertfordshire-2009")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.plan)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        table = screen.query_one(DataTable)
        first = " ".join(str(c) for c in table.get_row_at(0))
        # The Ref column: the area's number and the action's place, never the internal id.
        assert first.startswith("1.1 ") and "right-partners" not in first and "yes" in first
        # The third action (county-district-relationship) is only proposed: agree it.
        table.move_cursor(row=2)
        await pilot.press("a")
        await pilot.press("3")
        await pilot.press("w")
        await pilot.pause()
        box = app.screen.query_one("#text")
        box.value = ""
        await type_text(pilot, "District LSP chairs")
        await pilot.press("enter")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#text").value = ""
        await type_text(pilot, "=HYPERLINK agreed at the [b]Board[/b]")
        await pilot.press("enter")
        await pilot.pause()
        plan = read_plan(round_folder)
        assert plan is not None
        action = plan.find("county-district-relationship")
        assert action is not None
        assert (action.agreed, action.status, action.owner) == (True, "done", "District LSP chairs")
        assert action.note == "=HYPERLINK agreed at the [b]Board[/b]"
        assert action.history[-1].status == "done"
        detail = str(screen.query_one("#plan-detail", Static).render())
        assert "[b]Board[/b]" in detail  # shown as typed, never as markup
        await pilot.press("c")
        await pilot.pause()
        exported = (Path("reports") / "hertfordshire-2009-plan.csv").read_text()
        assert "'=HYPERLINK agreed" in exported  # a cell never starts a formula
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)


async def test_plan_screen_compiles_a_round_without_a_plan(
    folder: Path, catalogue: Catalogue
) -> None:
    round_folder = folder / "rounds" / "hertfordshire-2009"
    (round_folder / "plan.toml").unlink()
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, folder, "hertfordshire-2009")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.plan)
        assert app.screen.query_one(DataTable).row_count == 14
    plan = read_plan(round_folder)
    assert plan is not None and not plan.agreed_actions()


async def test_the_next_rounds_interview_asks_about_last_years_actions(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, folder, "hertfordshire-2010")
        screen.select("h38")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await until(
            pilot,
            lambda: (
                "Last year the partnership agreed"
                in str(app.screen.query_one("#read-aloud", Static).render())
            ),
        )
        said = str(app.screen.query_one("#read-aloud", Static).render())
        assert "Review whether the right partners are represented" in said
        assert "owner: Partnership chair" in said
        await pilot.press("3")  # not started: followed up
        await pilot.pause()
        path = app.screen.conversation.path
        await type_text(pilot, "nobody has picked it up")
        await pilot.press("enter")
        await pilot.pause()
    transcript = store.load(path).transcript
    assert [i.action for i in transcript.review][:1] == ["right-partners"]
    answers = [t for t in transcript.turns if t.kind == "answer"]
    assert (answers[0].question, answers[0].value) == ("review_right_partners", "not_started")
    assert any(
        t.kind == "probe" and t.question == "review_right_partners" for t in transcript.turns
    )
    assert any(t.kind == "probe_answer" and "nobody" in t.text for t in transcript.turns)


async def test_the_next_rounds_self_assessment_shows_last_years_action(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, folder, "hertfordshire-2010")
        screen.select("h17")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        for _ in range(2):  # S1 and S2 (Commitment) come first in the survey
            await type_text(pilot, "2 - minutes of the March 2010 Board")
            await pilot.press("enter")
            await pilot.pause()
        await until(pilot, lambda: "Last year the partnership agreed" in log_text(app))
        assert "How far has it got?" in log_text(app)
