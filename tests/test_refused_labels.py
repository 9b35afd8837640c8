"""The home list and the replay say "refused" of a round's transcript whose respondent
refused part way, as its report does (one rule: `bot.scoring.source.standing_status`),
never "in progress"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from bot.catalogue import Catalogue
from bot.report.make import assess
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.work import snapshot
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.replay import ReplayScreen
from tests.test_report_refused import WHO
from tests.test_round_cli import START, build_round
from tests.tui_helpers import make_app


def refused_round(tmp_path: Path, catalogue: Catalogue) -> Path:
    """A round whose invitee stopped part way and then refused on a call: its transcript."""
    folder = build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)
    found = snapshot(folder, START + timedelta(days=1)).find(WHO)
    assert found.transcript is not None
    later = START + timedelta(days=1)
    calls.append(folder, [CallEntry(at=later, invitee=WHO, caller="Sam", outcome="refused")])
    assert assess(found.transcript, catalogue).status == "refused"
    return found.transcript


async def test_the_home_list_says_refused(tmp_path: Path, catalogue: Catalogue) -> None:
    transcript = refused_round(tmp_path, catalogue)
    app = make_app(catalogue, transcript.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        row = next(
            " ".join(str(cell) for cell in table.get_row_at(index))
            for index in range(table.row_count)
            if "Person" in " ".join(str(cell) for cell in table.get_row_at(index))
            and app.screen._rows[index][0] == transcript
        )
        assert "refused" in row and "in progress" not in row
        # Still offered to carry on with: the respondent may yet go on.
        assert app.screen.statuses[transcript] == "in_progress"


async def test_the_replay_says_refused(tmp_path: Path, catalogue: Catalogue) -> None:
    transcript = refused_round(tmp_path, catalogue)
    app = make_app(catalogue, transcript.parent, replay=transcript)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        title = str(app.screen.query_one("#replay-title", Static).render())
        assert title.endswith("refused") and "in progress" not in title
        await pilot.press("o")
        await pilot.pause()
        # Its report from the replay says what the report command says.
        assert "refused part way" in " ".join(str(s.render()) for s in app.screen.query(Static))
