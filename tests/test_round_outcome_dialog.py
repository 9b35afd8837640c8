"""The round screen's outcome dialog and "Next call" message as an officer meets them: an
outcome over another officer's claim asks first, saying whose claim and since when; a
wrong number asks first as a refusal does, and takes the invitee out of the calls even
part-way through an interview; "+2m" counts from when the time is confirmed; one "Next
call" message at a time; the home screen's hint says what its list holds."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from bot.catalogue import Catalogue
from bot.rounds.state import next_calls
from bot.tui.screens.call_outcome import OutcomeScreen
from bot.tui.screens.dialogs import ConfirmScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.round import RoundScreen
from tests.round_helpers import NOW, log_of, open_round, sample_round, until
from tests.tui_helpers import notifications

SIZE = (80, 24)


def text_of(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The words of a widget of the screen in front, on one line."""
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


async def test_an_outcome_over_another_officers_claim_is_logged_only_once_confirmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    sample.claimed("Ruth Lane", "h38")
    claimed = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        held = text_of(app, "#outcome-held")
        since = NOW.astimezone().strftime("%H:%M")
        assert f"Ruth Lane is ringing Harry Hughes: claimed at {since}" in held
        await pilot.press("n")  # no answer: asks first, over Ruth's claim
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Ruth Lane" in text_of(app, ".dialog-text")
        await pilot.press("n")  # not confirmed: back to the outcomes, nothing logged
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        assert log_of(sample.folder) == claimed
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert log_of(sample.folder) == claimed
        screen.select("h38")
        await pilot.press("o", "b", "y")  # confirmed: logged
        await until(pilot, lambda: len(log_of(sample.folder)) > len(claimed))
        entry = log_of(sample.folder)[-1]
        assert (entry["invitee"], entry["outcome"], entry["caller"]) == ("h38", "busy", "Sam")


async def test_own_claim_is_not_asked_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    sample.claimed("Sam", "h38")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o", "n")
        await until(pilot, lambda: log_of(sample.folder)[-1]["outcome"] == "no_answer")
        assert app.screen is screen


async def test_a_wrong_number_is_recorded_only_once_confirmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h38")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        assert "w Wrong number (asks first)" in text_of(app, "#outcome-keys")
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert log_of(sample.folder) == before
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        assert log_of(sample.folder) == before
        await pilot.press("w", "y")
        await until(
            pilot, lambda: app.screen is screen and len(log_of(sample.folder)) > len(before)
        )
        assert log_of(sample.folder)[-1]["outcome"] == "wrong_number"


async def test_a_wrong_number_part_way_through_is_not_offered_as_the_next_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot, "h37")
        assert screen.selected().state == "in_progress"  # type: ignore[union-attr]
        await pilot.press("o", "w", "y")
        await until(pilot, lambda: log_of(sample.folder)[-1]["outcome"] == "wrong_number")
        await until(pilot, lambda: screen.selected().state == "unreachable")  # type: ignore[union-attr]
        shown = " ".join(str(c) for c in screen.query_one(DataTable).get_row("h37"))
        assert "unreachable" in shown
        assert "h37" not in [s.invitee.id for s in next_calls(screen.shot.invitees, NOW)]  # type: ignore[union-attr]
        # Next call as the officer presses it, until no one is left: never h37.
        rung = []
        for _ in range(10):
            await pilot.press("x")
            await pilot.pause()
            entry = log_of(sample.folder)[-1]
            if entry["outcome"] != "calling" or entry["invitee"] in rung:
                break
            rung.append(entry["invitee"])
        assert rung and "h37" not in rung


async def test_a_relative_call_back_counts_from_when_it_is_confirmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    clock = [NOW]
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: clock[0])
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, "h38")
        await pilot.press("o", "a")
        await until(pilot, lambda: bool(app.screen.query("#when")))
        clock[0] = NOW + timedelta(minutes=10)  # the officer talked on before confirming
        app.screen.query_one("#when").value = "+2m"
        await pilot.press("enter")
        await until(pilot, lambda: log_of(sample.folder)[-1]["outcome"] == "call_back")
        entry = log_of(sample.folder)[-1]
        assert datetime.fromisoformat(entry["appointment"]) == NOW + timedelta(minutes=12)


async def test_one_next_call_message_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_round(app, pilot)
        await pilot.press("x", "x")
        await pilot.pause()
        shown = notifications(app)
        assert len(shown) == 1, shown
        assert shown[0].startswith("Ring Bob Fraser:")  # h32's, the latest claim
        assert [e["invitee"] for e in log_of(sample.folder)[-2:]] == ["h32", "h32"]


def test_the_home_hint_says_what_the_list_holds() -> None:
    from bot.tui.screens.home import home_hint

    only_round = home_hint(1, 0)
    assert "transcript" not in only_round and "round" in only_round
    assert "round" in home_hint(2, 3) and "transcript" in home_hint(2, 3)
    assert "round" not in home_hint(0, 3)
    # One line at 80 columns, whatever the list holds.
    assert all(len(home_hint(r, t)) <= 78 for r in (0, 1, 2) for t in (0, 1))


async def test_the_home_hint_with_only_a_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    for transcript in sample.folder.glob("h*.toml"):
        transcript.rename(tmp_path / transcript.name)  # the round alone, nothing begun
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, HomeScreen)
                and app.screen.query_one(DataTable).row_count == 1
            ),
        )
        await pilot.pause()
        hint = text_of(app, "#home-hint")
        assert "transcript" not in hint and "round" in hint
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RoundScreen))


def test_a_wrong_number_part_way_is_still_counted_as_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone part-way through an interview whose number turns out wrong is unreachable,
    and the round's report still counts their unfinished transcript as left out (as it
    did while they were in progress), never losing it from every count."""
    from bot.rounds.report import compiled_files, left_out
    from bot.rounds.work import log_call, snapshot

    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = left_out(snapshot(sample.folder, NOW), {})
    h37 = snapshot(sample.folder, NOW).find("h37")
    log_call(sample.folder, h37.invitee, "wrong_number", NOW, "Sam")
    shot = snapshot(sample.folder, NOW)
    assert shot.find("h37").state == "unreachable"
    after = left_out(shot, {})
    assert after["unfinished"] == before["unfinished"]
    assert "1 unreachable part way" in after["detail"]
    assert h37.transcript in compiled_files(shot, include_unfinished=True)


async def test_no_outcome_is_logged_for_someone_who_finished_while_the_dialog_was_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    """The round screen's `o` decides under the call log's lock as `round call` does
    (`outcome_refusal`): an interview completed meanwhile leaves nothing logged."""
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(app, pilot, "h38")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        # Another officer's interview of h38 completes meanwhile.
        done = (sample.folder / "h22-bob-hughes.toml").read_text(encoding="utf-8")
        assert 'invitee = "h22"' in done
        (sample.folder / "h38-complete.toml").write_text(
            done.replace('invitee = "h22"', 'invitee = "h38"', 1), encoding="utf-8"
        )
        await pilot.press("b")
        await until(pilot, lambda: "has finished the assessment" in " ".join(dialog_words(app)))
        assert log_of(sample.folder) == before


def dialog_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The words of every Static on the screen in front."""
    return [str(w.render()) for w in app.screen.query(Static)]
