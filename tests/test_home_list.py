"""The home list at 80 columns: every column in view and readable, a long name or
framework cut with an ellipsis rather than pushing the columns after it off the screen."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable

from bot.catalogue import Catalogue
from bot.tui.screens.home import HomeScreen
from tests.conftest import ROOT
from tests.tui_helpers import make_app, mini_catalogue, start

ROUND = ROOT / "transcripts" / "rounds" / "hertfordshire-2010"
EXAMPLES = ROOT / "transcripts" / "examples"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a sample round and the sample transcripts (long framework ids)."""
    transcripts = tmp_path / "transcripts"
    shutil.copytree(ROUND, transcripts / "rounds" / ROUND.name)
    for sample in EXAMPLES.glob("*.toml"):
        shutil.copy(sample, transcripts)
    now = datetime(2010, 12, 1, 10, 0, tzinfo=UTC)
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: now)
    return transcripts


def screen_lines(table: DataTable) -> list[str]:
    """The table as it is drawn, line by line."""
    return [table.render_line(y).text for y in range(table.size.height)]


@pytest.mark.parametrize("width", [80, 120])
async def test_every_column_is_whole_at_80_columns(
    folder: Path, catalogue: Catalogue, width: int
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=(width, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1 + len(list(EXAMPLES.glob("*.toml")))
        lines = screen_lines(table)
        header, rows = lines[0], lines[1 : table.row_count + 1]
        assert header.split() == ["Updated", "Respondent", "Progress", "Framework", "Mode"]
        # Nothing runs off the right edge: no horizontal scrolling is needed.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        modes = [row.split()[-1] for row in rows]
        assert modes[0] == "round" and set(modes[1:]) == {"self", "phone"}
        # The round keeps its period in view, so two rounds can be told apart.
        assert "2010/11" in rows[0]
        assert "22/40 done (55%)" in rows[0]
        assert "hertfordshire" in rows[0]
        # The progress and the time are always whole.
        assert "complete 37/37" in " ".join(rows) and "2009-09-02 14:39" in " ".join(rows)


def test_fit_widths_cuts_the_widest_shrinkable_column_first() -> None:
    from bot.tui import fitted
    from bot.tui.screens.home import SHRINKABLE

    def fit_widths(natural: list[int], room: int) -> list[int]:
        return fitted.fit_widths(natural, room, SHRINKABLE)

    assert fit_widths([16, 10, 16, 9, 5], 80) == [16, 10, 16, 9, 5]
    assert fit_widths([16, 22, 16, 23, 5], 66) == [16, 14, 16, 14, 5]
    assert fit_widths([16, 10, 16, 23, 5], 60) == [16, 10, 16, 13, 5]
    # Never below a readable width, even when that means scrolling.
    assert fit_widths([16, 22, 16, 23, 5], 20) == [16, 8, 16, 8, 5]


async def test_the_cursor_stays_on_the_transcript_just_resumed(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """Ann's transcript, resumed from the third row and answered, moves to the top: back
    home, the cursor is on Ann's, not on whoever now sits on the third row."""
    from bot import conversation
    from bot.model import Respondent
    from tests.conftest import Clock
    from tests.tui_helpers import mini_catalogue

    mini = mini_catalogue()
    paths = {}
    for day, name in enumerate(["Ann", "Bob", "Cat"], 1):
        talk = conversation.start(
            mini,
            "mini",
            "mini-chat",
            Respondent(name=name),
            tmp_path,
            None,
            clock=Clock(datetime(2009, 1, day, tzinfo=UTC)),
        )
        talk.begin()
        talk.close()
        paths[name] = talk.path
    app = make_app(mini, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("down", "down")
        assert home.selected() == paths["Ann"]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not home
        await pilot.press("2", "enter")
        await pilot.pause()
        assert 'value = "partly"' in paths["Ann"].read_text()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is home
        assert home.query_one(DataTable).cursor_row == 0
        assert home.selected() == paths["Ann"]


async def test_broken_files_are_listed_with_their_control_characters_shown(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """A broken transcript's (and round's) file name and load error are shown as text:
    an escape sequence in them is never sent to the terminal."""
    (tmp_path / "bad\x1b[41mRED.toml").write_text("x[")
    rounds = tmp_path / "rounds" / "r\x1b[41m"
    rounds.mkdir(parents=True)
    (rounds / "round.toml").write_text("x[")
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        lines = "\n".join(screen_lines(table))
        assert "\x1b" not in lines
        assert "bad\\x1b[41mRED.toml" in lines
        assert lines.count("broken") == 2 and "r\\x1b[41m" in lines
        for row in range(table.row_count):
            for cell in table.get_row_at(row):
                assert "\x1b" not in str(cell)


async def test_the_list_opens_on_the_newest_unfinished_transcript(
    folder: Path, catalogue: Catalogue
) -> None:
    # A round is listed first; someone coming back to carry on presses r (or Enter) at
    # once, which must resume their own transcript, not open the round.
    talk = start(mini_catalogue(), folder)
    talk.begin()
    talk.answer("3")
    talk.close()
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        unfinished = [path for path, status in home.statuses.items() if status == "in_progress"]
        assert unfinished and home.statuses[home.paths["row-0"]] == "round"
        assert home.selected() == unfinished[0] == talk.path


async def test_back_from_a_conversation_started_elsewhere_the_cursor_is_on_it(
    tmp_path: Path,
) -> None:
    """The cursor on Ann's row, a conversation for Bob opened by other means (a new
    assessment, the round screen) and left: back home, the cursor is on Bob's, so that
    r or Enter carries on with the conversation just left, not with Ann's."""
    mini = mini_catalogue()
    ann = start(mini, tmp_path, name="Ann")
    ann.begin()
    ann.close()
    app = make_app(mini, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and home.selected() == ann.path
        bob = start(mini, tmp_path, name="Bob")
        bob.begin()
        app.push_screen(app.conversation_screen(bob))
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is home
        assert home.selected() == bob.path


async def test_home_and_end_move_the_cursor_to_the_first_and_last_rows(
    folder: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count > 3
        await pilot.press("down")
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
