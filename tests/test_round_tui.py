"""Pilot tests of rounds in the app: the home screen lists a round with its progress, the
round screen rings the next person, records outcomes in two keys, filters by state, shows
another officer's call as busy, and starts an invitee's assessment linked to them."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from bot import store
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import LEASE, CallEntry
from bot.tui.screens.call_outcome import OutcomeScreen
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.round_helpers import until
from tests.tui_helpers import make_app

SIZE = (100, 30)
SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NOW = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The transcripts folder with a copy of the sample round in rounds/."""
    transcripts = tmp_path / "transcripts"
    shutil.copytree(SAMPLE, transcripts / "rounds" / "hertfordshire-2009")
    monkeypatch.setenv("PARTNERSHIP_BOT_CALLER", "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    return transcripts


def last_entry(folder: Path) -> dict:
    log = folder / "rounds" / "hertfordshire-2009" / "calls.jsonl"
    return json.loads(log.read_text(encoding="utf-8").splitlines()[-1])


def row_text(screen: RoundScreen, invitee: str) -> str:
    table = screen.query_one(DataTable)
    return " ".join(str(cell) for cell in table.get_row(invitee))


async def press_on(pilot, screen: RoundScreen, invitee: str, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Put the round screen's cursor on an invitee and press keys there, as an officer does."""
    screen.select(invitee)
    await pilot.press(*keys)
    await pilot.pause()


async def open_round(app, pilot) -> RoundScreen:  # type: ignore[no-untyped-def]
    await until(
        pilot,
        lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count,
    )
    table = app.screen.query_one(DataTable)
    assert "22/40 done (55%)" in " ".join(str(c) for c in table.get_row_at(0))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot is not None)
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    return screen


async def test_home_lists_the_round_and_its_screen_shows_progress(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        glance = str(screen.query_one("#round-glance", Static).render())
        assert "22 of 40 invited (55%)" in glance and "refused 2, abandoned 1" in glance
        assert screen.query_one(DataTable).row_count == 40
        assert "due 13/11 15:25" in row_text(screen, "h32")
        await pilot.press("f")  # not started only
        await pilot.pause()
        assert [s.invitee.id for s in screen.rows] == [
            "h17",
            "h18",
            "h19",
            "h20",
            "h38",
            "h39",
            "h40",
        ]
        await pilot.press("f")  # appointments only
        await pilot.pause()
        assert [s.invitee.id for s in screen.rows] == ["h32", "h33", "h34"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_next_call_and_outcomes_in_two_keys(folder: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await pilot.press("x")  # the due appointment first
        await pilot.pause()
        entry = last_entry(folder)
        assert (entry["invitee"], entry["outcome"], entry["caller"]) == ("h32", "calling", "Alex")
        assert screen.selected().invitee.id == "h32"
        await pilot.press("o", "n")
        await pilot.pause()
        entry = last_entry(folder)
        assert (entry["invitee"], entry["outcome"]) == ("h32", "no_answer")
        assert "no answer" in row_text(screen, "h32")
        await pilot.press("x")  # the next due appointment
        await pilot.pause()
        assert last_entry(folder)["invitee"] == "h33"
        await pilot.press("o", "a")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("enter")  # takes the suggested time: tomorrow 10:00
        await pilot.pause()
        entry = last_entry(folder)
        assert entry["outcome"] == "call_back"
        expected = datetime.combine(
            NOW.astimezone().date() + timedelta(days=1), datetime.min.time()
        )
        assert (
            datetime.fromisoformat(entry["appointment"]) == expected.replace(hour=10).astimezone()
        )
        assert "appt 02/12 10:00" in row_text(screen, "h33")
        await pilot.press("o", "escape")  # cancelled: nothing logged
        await pilot.pause()
        assert last_entry(folder) == entry


async def test_a_busy_line_keeps_a_booked_call_back(folder: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await pilot.press("x")  # h32, a due appointment
        await pilot.pause()
        await pilot.press("o", "a")
        await pilot.pause()
        await pilot.press("enter")  # call back tomorrow 10:00
        await pilot.pause()
        assert "appt 02/12 10:00" in row_text(screen, "h32")
        await pilot.press("o", "b")  # rung again early: the line is busy
        await pilot.pause()
        assert last_entry(folder)["outcome"] == "busy"
        assert "appt 02/12 10:00" in row_text(screen, "h32")
        found = screen.shot.find("h32")
        assert found.state == "appointment" and found.appointment is not None


async def test_another_officers_call_shows_as_busy_and_is_skipped(
    folder: Path, catalogue: Catalogue
) -> None:
    round_folder = folder / "rounds" / "hertfordshire-2009"
    calls.append(
        round_folder,
        [CallEntry(at=NOW, invitee="h32", caller="Sam", outcome="calling", until=NOW + LEASE)],
    )
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        assert "busy: Sam" in row_text(screen, "h32")
        await pilot.press("x")
        await pilot.pause()
        assert last_entry(folder)["invitee"] == "h33"


async def test_start_a_self_assessment_linked_to_the_invitee(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await press_on(pilot, screen, "h17", "s")
        assert isinstance(app.screen, ChatScreen)
        path = app.screen.conversation.path
        header = store.load(path).transcript
        assert header.invitee == "h17" and header.respondent.name == "Grace Archer"
        assert path.parent == folder / "rounds" / "hertfordshire-2009"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        await until(pilot, lambda: "in progress" in row_text(app.screen, "h17"))


async def test_a_finished_invitee_is_shown_not_started_again(
    folder: Path, catalogue: Catalogue
) -> None:
    round_folder = folder / "rounds" / "hertfordshire-2009"
    before = sorted(round_folder.glob("*.toml"))
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        assert "complete" in row_text(screen, "h01")
        await press_on(pilot, screen, "h01", "s")
        assert not isinstance(app.screen, (ChatScreen, InterviewScreen, RoundScreen))
        assert type(app.screen).__name__ == "ReplayScreen"
    assert sorted(round_folder.glob("*.toml")) == before


async def test_a_call_back_time_already_past_is_refused(folder: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        screen.select("h38")
        before = last_entry(folder)
        await pilot.press("o", "a")
        await pilot.pause()
        box = app.screen.query_one("#when")
        box.value = "2009-11-10 14:00"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen)
        hint = str(app.screen.query_one("#outcome-hint", Static).render())
        assert "has already passed" in hint
        assert last_entry(folder) == before


async def test_start_an_interview_logs_it(folder: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await press_on(pilot, screen, "h38", "s")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.conversation.header.interviewer.name == "Alex"
        entry = last_entry(folder)
        assert (entry["invitee"], entry["outcome"]) == ("h38", "interview_started")


async def test_round_screen_snapshot(folder: Path, catalogue: Catalogue) -> None:
    from tests.test_snapshots import compare

    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        screen = RoundScreen(
            catalogue, folder / "rounds" / "hertfordshire-2009", "Alex", lambda: NOW
        )
        await app.push_screen(screen)
        await until(pilot, lambda: screen.shot is not None)
        await pilot.press("f", "f")  # the appointments
        await pilot.pause()
        compare("round", app.export_screenshot())


def test_a_long_round_title_keeps_its_period_in_the_home_list() -> None:
    from bot.tui.screens.round import ROUND_LABEL_WIDTH, round_label

    title = "Hertfordshire partnerships review"
    then = round_label(f"{title} 2009/10", "2009/10")
    now = round_label(f"{title} 2010/11", "2010/11")
    assert then != now
    assert then.endswith(" 2009/10") and len(then) <= ROUND_LABEL_WIDTH
    assert round_label(f"{title} of the year", "2010/11").endswith("… 2010/11")
    assert round_label("Short title", "2010/11") == "Short title"


async def test_leaving_an_interview_never_shows_it_as_open_to_the_officer_who_left(
    folder: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.rounds.work import is_open

    seen: list[bool] = []
    interview: list[Path] = []
    resume = RoundScreen.on_screen_resume

    def read_again(self: RoundScreen) -> None:
        # What the round screen's reading finds as it comes back.
        seen.extend(is_open(path) for path in interview)
        resume(self)

    monkeypatch.setattr(RoundScreen, "on_screen_resume", read_again)
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await press_on(pilot, screen, "h38", "s")
        assert isinstance(app.screen, InterviewScreen)
        interview.append(app.screen.conversation.path)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen and seen)
        assert seen == [False]
        await until(pilot, lambda: screen.shot is not None)
        assert "open" not in row_text(screen, "h38")


async def test_a_call_back_takes_a_note_as_the_command_line_does(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        await press_on(pilot, screen, "h38", "o", "a")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("tab")  # from the time (the suggestion kept) to the note
        for key in "ask for Jo":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        entry = last_entry(folder)
        assert (entry["invitee"], entry["outcome"], entry["note"]) == (
            "h38",
            "call_back",
            "ask for Jo",
        )
        assert entry["appointment"]


async def test_messages_never_cover_the_call_back_dialog(
    folder: Path, catalogue: Catalogue
) -> None:
    """At 80x24 the "Ring ..." message of the next call is held while the outcome dialog
    is open, so every line of the call-back form can be read; it shows again after."""
    from tests.tui_helpers import region_lines, screen_lines

    app = make_app(catalogue, folder)
    app.NOTIFICATION_TIMEOUT = 600  # still current when the dialog closes, however slow
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_round(app, pilot)
        await pilot.press("x")
        await until(pilot, lambda: any("Ring " in line for line in screen_lines(app)))
        await pilot.press("o", "a")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen)
        hint = " ".join(" ".join(region_lines(app, "#outcome-hint")).split())
        assert hint.startswith("When to call back:") and hint.endswith(
            "Enter records it; Esc cancels."
        ), hint
        assert not any("Ring " in line for line in screen_lines(app))
        note = " ".join(region_lines(app, "#call-note"))
        assert "A note for the call back" in note
        await pilot.press("escape")
        await until(pilot, lambda: any("Ring " in line for line in screen_lines(app)))


async def test_a_refusal_is_recorded_only_once_confirmed(
    folder: Path, catalogue: Catalogue
) -> None:
    """r, pressed by a slip among the everyday outcome keys, asks first: n goes back to
    the outcomes (nothing logged), y records the refusal; the other outcomes stay one key."""
    from bot.tui.screens.dialogs import ConfirmScreen

    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_round(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        claimed = last_entry(folder)
        assert claimed["outcome"] == "calling"
        await pilot.press("o", "r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert last_entry(folder) == claimed
        await pilot.press("n")  # not a refusal after all: back to the outcomes
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen)
        assert last_entry(folder) == claimed
        await pilot.press("r", "enter")  # Enter is No too (the No button has the focus)
        await pilot.pause()
        assert isinstance(app.screen, OutcomeScreen)
        assert last_entry(folder) == claimed
        await pilot.press("r", "y")
        await pilot.pause()
        assert app.screen is screen
        entry = last_entry(folder)
        assert (entry["invitee"], entry["outcome"]) == (claimed["invitee"], "refused")
        await pilot.press("o", "b")  # busy: still one key
        await pilot.pause()
        assert app.screen is screen
        assert last_entry(folder)["outcome"] == "busy"


async def test_the_filter_skips_states_no_one_is_in(folder: Path, catalogue: Catalogue) -> None:
    """With no calls logged yet, no one has an appointment or is unreachable: f steps
    through the states someone is in, never to an empty list."""
    from bot.rounds.labels import STATE_LABELS, STATES

    (folder / "rounds" / "hertfordshire-2009" / "calls.jsonl").write_text("", encoding="utf-8")
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_round(app, pilot)
        held = {s.state for s in screen.shot.invitees}
        assert {"appointment", "unreachable"}.isdisjoint(held)
        wanted = [STATE_LABELS[s].capitalize() for s in STATES if s in held] + ["All invitees"]
        seen = []
        for _ in wanted:
            await pilot.press("f")
            await pilot.pause()
            assert screen.rows, f"an empty list after {seen}"
            hint = str(screen.query_one("#round-hint").render())
            seen.append(hint.split(" (")[0])
        assert seen == wanted


async def test_a_state_emptied_since_it_was_chosen_says_so(
    folder: Path, catalogue: Catalogue
) -> None:
    from bot.tui.screens.round import FILTERS

    (folder / "rounds" / "hertfordshire-2009" / "calls.jsonl").write_text("", encoding="utf-8")
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_round(app, pilot)
        # Chosen while someone was unreachable; the list read again has no one.
        screen.filter_index = FILTERS.index("unreachable")
        screen._show(screen.shot)
        await pilot.pause()
        assert not screen.rows
        hint = str(screen.query_one("#round-hint").render())
        assert hint.startswith("No one is unreachable now; f shows the next state."), hint
