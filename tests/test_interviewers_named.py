"""Everyone who interviewed is named wherever an interview is carried on or shown: resumed
from the app's home screen, the officer taking it on is recorded on the call's
resumption as the command line's `resume` records them (one rule,
`bot.rounds.caller.carried_on_by`); and the replay, in the app and on the command line,
names every interviewer as the reports do (`bot.model.transcript.interviewed_by`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Static

from bot import cli, exit_codes, store
from bot.catalogue import Catalogue
from bot.model.transcript import interviewers
from bot.rounds import caller
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
from tests.tui_helpers import make_app


def plain(monkeypatch: pytest.MonkeyPatch, *words: str) -> int:
    """A plain-mode command with one answer coded, then `:quit`; its exit status."""
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    return cli.main(list(words))


@pytest.fixture
def begun_by_sam(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A telephone interview (in no round) begun by Sam and left unfinished: its file."""
    assert (
        plain(
            monkeypatch,
            *("interview", "--plain", "--caller", "Sam"),
            *("--respondent", "Ann", "-f", "hertfordshire-review"),
        )
        == exit_codes.OK
    )
    [path] = (tmp_path / "transcripts").glob("*.toml")
    return path


@pytest.fixture
def sam_and_kim(begun_by_sam: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """That interview carried on by Kim (`resume FILE --caller Kim`)."""
    assert (
        plain(monkeypatch, "resume", str(begun_by_sam), "--plain", "--caller", "Kim")
        == exit_codes.OK
    )
    assert interviewers(store.load(begun_by_sam).transcript) == ("Sam", "Kim")
    return begun_by_sam


@pytest.mark.parametrize("how", ["environment", "remembered"])
async def test_resumed_from_the_home_screen_the_interviewer_is_recorded(
    begun_by_sam: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
    how: str,
) -> None:
    if how == "environment":
        monkeypatch.setenv(caller.VARIABLE, "Kim")
    else:
        caller.remember("Kim")
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    turns = store.load(begun_by_sam).transcript.turns
    [resumed] = [t for t in turns if t.kind == "call_resume"]
    assert resumed.by == "Kim"
    capsys.readouterr()
    assert cli.main(["report", str(begun_by_sam)]) == exit_codes.OK
    assert "**Interviewed by:** Sam and Kim" in capsys.readouterr().out


async def test_resumed_from_the_home_screen_by_who_began_it_names_them_once(
    begun_by_sam: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    monkeypatch.setenv(caller.VARIABLE, "sam")
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    transcript = store.load(begun_by_sam).transcript
    assert [t.by for t in transcript.turns if t.kind == "call_resume"] == [""]
    assert interviewers(transcript) == ("Sam",)


def test_the_command_line_replay_names_every_interviewer(
    sam_and_kim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert cli.main(["replay", str(sam_and_kim), "--plain"]) == exit_codes.OK
    header = capsys.readouterr().out.split("#1 ")[0]
    assert "Interviewed by: Sam and Kim\n" in header


async def test_the_app_replay_names_every_interviewer(
    sam_and_kim: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, tmp_path / "transcripts", replay=sam_and_kim)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        title = str(app.screen.query_one("#replay-title", Static).render())
    assert "interviewed by Sam and Kim" in title
