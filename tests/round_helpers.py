"""Set-up shared by the tests of who may call or interview whom in a round: a round's call
log as written, a copy of the 2009 sample round with claims on its invitees, its round
screen open on one of them, and an interview started from the command line."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import cli
from bot.catalogue import Catalogue
from bot.rounds import caller, calls
from bot.rounds.calls import LEASE, CallEntry
from bot.tui.app import PartnershipApp
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.tui_helpers import make_app

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
"""The sample round: h37 is part-way through a telephone interview, h38 not started, h21
has finished theirs."""
NOW = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)
"""The round screen's clock in these tests."""


def claim(by: str, invitee: str = "a", at: datetime = NOW) -> CallEntry:
    """A claim on an invitee (``round next --claim``) by ``by``, within its time at ``at``."""
    return CallEntry(at=at, invitee=invitee, caller=by, outcome="calling", until=at + LEASE)


def log_of(folder: Path) -> list[dict]:
    """A round's call log, entry by entry, as written."""
    return [json.loads(line) for line in (folder / "calls.jsonl").read_text().splitlines()]


def interview(monkeypatch: pytest.MonkeyPatch, invitee: str, *options: str) -> int:
    """``round interview ID --plain`` with one answer given, then :quit; its exit status."""
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    return cli.main(["round", "interview", invitee, "--plain", *options])


def new_round(tmp_path: Path, people: str) -> Path:
    """A round made as an officer makes one (``round new``, then ``round import`` of
    ``people``, "name,mode" lines) in ``tmp_path``'s transcripts folder: its folder."""
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "hertfordshire-review"]) == 0
    (tmp_path / "in.csv").write_text(f"name,mode\n{people}")
    assert cli.main(["round", "import", "in.csv"]) == 0
    return tmp_path / "transcripts" / "rounds" / "r"


@dataclass(frozen=True)
class SampleRound:
    """A copy of the sample round, in a transcripts folder of its own."""

    transcripts: Path
    """The transcripts folder the app is opened on."""
    folder: Path
    """The round's folder in it."""

    def claimed(self, by: str, invitee: str) -> None:
        """Log that ``by`` is calling ``invitee`` now (at another terminal)."""
        calls.append(self.folder, [claim(by, invitee)])

    def app(self, catalogue: Catalogue) -> PartnershipApp:
        """The app on this transcripts folder."""
        return make_app(catalogue, self.transcripts)


def sample_round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, officer: str) -> SampleRound:
    """The sample round copied under ``tmp_path``, the round screen's clock at ``NOW``, and
    ``officer`` named as the caller ("" for no name known anywhere)."""
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    if officer:
        monkeypatch.setenv(caller.VARIABLE, officer)
    else:
        monkeypatch.delenv(caller.VARIABLE, raising=False)
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    return SampleRound(transcripts, folder)


async def until(pilot, check, seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Wait (without timing anything) until the app shows what is expected."""
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    assert check()


async def open_round(app, pilot, invitee: str = "") -> RoundScreen:  # type: ignore[no-untyped-def]
    """The round screen of the only round, opened from the home screen, with ``invitee``
    chosen in its list (when given)."""
    await until(
        pilot,
        lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one("DataTable").row_count,
    )
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot is not None)
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    if invitee:
        screen.select(invitee)
    return screen
