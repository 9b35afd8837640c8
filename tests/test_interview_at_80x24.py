"""The telephone interview at 80x24 as an officer sees it: the opening script in view
when the call starts, and a finished call shown as finished (its length said to be
complete, no line offering a note that can no longer be typed)."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.call_timer import CallTimer
from tests.tui_helpers import running, screen_lines, start_call

SIZE = (80, 24)
CALL = ("hertfordshire-review", "hertfordshire-interview")


async def finish_call(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Skip every statement with the app's own key until the call is over."""
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    for _ in range(100):
        if screen.conversation.session.over:
            break
        await pilot.press("ctrl+o")
    await pilot.pause()
    assert screen.conversation.session.over


async def test_a_finished_call_says_complete_not_paused(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk, SIZE) as (app, pilot):
        await finish_call(app, pilot)
        timer = str(app.screen.query_one(CallTimer).render())
        assert timer.startswith("Complete "), timer
        top = screen_lines(app)[0]
        assert "Complete" in top and "Paused" not in top


async def test_the_note_hint_goes_once_the_call_is_over(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk, SIZE) as (app, pilot):
        assert any("Ctrl+N to type a note" in line for line in screen_lines(app))
        await finish_call(app, pilot)
        shown = "\n".join(screen_lines(app))
        assert "Ctrl+N" not in shown
        assert "o views the report" in shown
        # Ctrl+N does nothing now: no box takes the focus.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.focused is None or app.screen.focused.id != "notes"


async def test_the_opening_script_is_in_view_when_the_call_starts(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """The log shows what is read aloud before the first statement (the script panel
    shows the statement itself); once the first answer is coded, the newest again."""
    from tests.tui_helpers import region_lines

    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk, SIZE) as (app, pilot):
        log = " ".join(" ".join(region_lines(app, "#log")).split())
        assert "Read aloud: Thank you for agreeing to talk to me." in log
        assert "your name will not appear in the report." in log
        assert "Theme: Membership." in log
        await pilot.press("2")  # Agree: the log follows the call again
        await pilot.pause()
        log = " ".join(" ".join(region_lines(app, "#log")).split())
        assert "Agree" in log and "Question T2" in log
