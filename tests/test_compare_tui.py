"""Pilot test of the comparison in the app: from a round's screen, `v` compares it with the
earlier round beside it (asking which when there are several) and exports the report."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from bot.tui.screens.compare import CompareScreen
from bot.tui.screens.dialogs import PickScreen
from bot.tui.screens.round import RoundScreen
from tests.test_compare import NOW, THEN, build_round
from tests.test_round_tui import until
from tests.tui_helpers import make_app, mini_catalogue

SIZE = (100, 30)


async def test_round_screen_compares_with_the_earlier_round_and_exports(tmp_path: Path) -> None:
    cat = mini_catalogue()
    rounds = tmp_path / "transcripts" / "rounds"
    build_round(rounds / "mini-2009", cat, THEN, "2009/10")
    new = build_round(
        rounds / "mini-2010", cat, NOW, "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    app = make_app(cat, tmp_path / "transcripts")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RoundScreen(cat, new))
        await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot)
        hint = str(app.screen.query_one("#round-hint", Static).render())
        assert "v compares rounds." in hint
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.data)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        title = str(screen.query_one("#compare-title", Static).render())
        assert "2009/10 (5) and 2010/11 (6)" in title
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        first = [str(cell) for cell in table.get_row_at(0)]
        area = next(a for a in screen.data["areas"] if a["id"] == "one")
        # One precision for then, now and the change.
        assert first[:6] == [
            "Area one",
            f"{area['then']['score']:.1f}",
            "5",
            f"{area['now']['score']:.1f}",
            "6",
            f"{area['change']:+.1f}",
        ]
        await pilot.press("h")
        await until(pilot, lambda: "Saved HTML" in str(screen.query_one("#export-path").render()))
        exported = tmp_path / "reports" / "compare-mini-2010.html"
        assert "<svg" in exported.read_text()
        await pilot.press("h")  # a second export never replaces the first
        await until(pilot, lambda: (tmp_path / "reports" / "compare-mini-2010-2.html").exists())
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RoundScreen))

        # With two earlier rounds, the app asks which.
        build_round(rounds / "mini-2008", cat, NOW, "2008/09")
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, PickScreen))
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "2009/10" in str(options.get_option_at_index(0).prompt)  # the latest first
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.data)
        assert app.screen.data["then"]["label"] == "2008/09"


async def test_a_round_with_nothing_to_compare_with_says_so(tmp_path: Path) -> None:
    cat = mini_catalogue()
    only = build_round(tmp_path / "transcripts" / "rounds" / "only", cat, THEN, "2009/10")
    app = make_app(cat, tmp_path / "transcripts")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RoundScreen(cat, only))
        await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot)
        assert "compares" not in str(app.screen.query_one("#round-hint", Static).render())
        await pilot.press("v")
        await until(pilot, lambda: not isinstance(app.screen, RoundScreen))
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "No round to compare with" in shown


async def test_an_earlier_round_with_no_answers_gives_a_clear_message(tmp_path: Path) -> None:
    from bot.rounds.folder import create
    from bot.rounds.model import Invitee, Round

    cat = mini_catalogue()
    rounds = tmp_path / "transcripts" / "rounds"
    create(
        rounds / "empty",
        Round(title="Nobody yet", framework="mini", invitees=(Invitee(id="x", name="X"),)),
    )
    new = build_round(rounds / "mini-2010", cat, NOW, "2010/11")
    app = make_app(cat, tmp_path / "transcripts")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RoundScreen(cat, new))
        await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot)
        await pilot.press("v")
        await until(
            pilot,
            lambda: (
                "has no complete transcripts yet"
                in " ".join(str(w.render()) for w in app.screen.query(Static))
            ),
        )
        assert not isinstance(app.screen, CompareScreen)


async def test_a_round_naming_its_previous_round_is_compared_with_it(tmp_path: Path) -> None:
    from bot.rounds.folder import load_round, save

    cat = mini_catalogue()
    rounds = tmp_path / "transcripts" / "rounds"
    build_round(rounds / "mini-2008", cat, NOW, "2008/09")
    build_round(rounds / "mini-2009", cat, THEN, "2009/10")
    new = build_round(rounds / "mini-2010", cat, NOW, "2010/11")
    # Not the latest earlier round: the one round.toml names.
    save(new, load_round(new).round.model_copy(update={"previous": "../mini-2008"}))
    app = make_app(cat, tmp_path / "transcripts")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RoundScreen(cat, new))
        await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.data)
        assert app.screen.data["then"]["label"] == "2008/09"


async def test_the_earliest_round_is_never_offered_a_later_one_as_earlier(tmp_path: Path) -> None:
    from bot.tui.screens.compare import earlier_rounds

    cat = mini_catalogue()
    rounds = tmp_path / "transcripts" / "rounds"
    old = build_round(rounds / "mini-2009", cat, THEN, "2009/10")
    new = build_round(
        rounds / "mini-2010", cat, NOW, "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    assert earlier_rounds(old) == []
    assert [Path(f).name for f, _ in earlier_rounds(new)] == ["mini-2009"]


async def test_the_earliest_round_says_there_is_no_earlier_round(tmp_path: Path) -> None:
    cat = mini_catalogue()
    rounds = tmp_path / "transcripts" / "rounds"
    old = build_round(rounds / "mini-2009", cat, THEN, "2009/10")
    build_round(rounds / "mini-2010", cat, NOW, "2010/11", start=datetime(2010, 6, 1, tzinfo=UTC))
    app = make_app(cat, tmp_path / "transcripts")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RoundScreen(cat, old))
        await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot)
        await pilot.press("v")
        await until(pilot, lambda: not isinstance(app.screen, RoundScreen))
        assert not isinstance(app.screen, CompareScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "no earlier round of this framework" in shown


def test_a_change_beyond_chance_shows_dont_know_beside_it() -> None:
    from bot.tui.screens.compare import summary

    row = {
        "status": "both",
        "flag": "down",
        "number": "T1",
        "id": "t1",
        "then": {"agree": 90.0, "dont_know": 0.0},
        "now": {"agree": 20.0, "dont_know": 70.0},
        "words": "down: more than chance alone would give",
    }
    text = summary({"statements": [row], "framework_changed": False, "plan": None})
    assert "T1: 90.0% -> 20.0% (don't know 0.0% -> 70.0%; down:" in text
