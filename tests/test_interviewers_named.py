"""Everyone who interviewed is named wherever an interview is carried on or shown: resumed
from the app's home screen, the officer at the keyboard is recorded on the call's
resumption as the command line's `resume` records them (one rule,
`bot.rounds.caller.carried_on_by`), the interviewer the app last took an interview as
first, and with no name known they are asked before it resumes; and the replay, in the
app and on the command line, names every interviewer as the reports do
(`bot.model.transcript.interviewed_by`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from bot import cli, conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.model.transcript import interviewers
from bot.rounds import caller
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
from tests.tui_helpers import make_app, type_text


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


async def resume_from_home(app, pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """On the home screen, the cursor moved to ``path``'s row, then r."""
    assert isinstance(app.screen, HomeScreen)
    # The list is newest first, and transcripts made in the same second may come in
    # either order: from the top, down to the row.
    for _ in range(10):
        await pilot.press("up")
    await pilot.pause()
    for _ in range(10):
        if app.screen.selected() == path:
            break
        await pilot.press("down")
        await pilot.pause()
    assert app.screen.selected() == path
    await pilot.press("r")
    await pilot.pause()


async def leave_interview(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Esc out of the interview on screen, its call paused and saved."""
    assert isinstance(app.screen, InterviewScreen)
    await pilot.press("escape")
    await app.workers.wait_for_complete()
    await pilot.pause()


def resumed_by(path: Path) -> list[str]:
    """Who each resumption of the interview at ``path`` names ("" for who began it)."""
    return [t.by for t in store.load(path).transcript.turns if t.kind == "call_resume"]


async def test_the_name_typed_in_the_new_interview_form_carries_on_what_is_resumed(
    begun_by_sam: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
) -> None:
    caller.remember("Lee")  # someone else's name, remembered on this machine
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # New interview: the form offers Lee
        await pilot.pause()
        box = app.screen.query_one("#interviewer", Input)
        assert box.value == "Lee"
        await type_text(pilot, "Kim")  # typed over it
        assert box.value == "Kim"
        await pilot.press("tab")
        await type_text(pilot, "Bo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await leave_interview(app, pilot)
        await resume_from_home(app, pilot, begun_by_sam)  # Sam's interview, carried on
        await leave_interview(app, pilot)
    assert resumed_by(begun_by_sam) == ["Kim"]
    capsys.readouterr()
    assert cli.main(["report", str(begun_by_sam)]) == exit_codes.OK
    assert "**Interviewed by:** Sam and Kim" in capsys.readouterr().out


async def test_the_interviewer_the_app_was_opened_as_carries_on_what_is_resumed(
    begun_by_sam: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    caller.remember("Lee")
    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Bo"),
        tmp_path / "transcripts",
        Person(name="Kim"),  # as `interview --caller Kim` opens the app
    )
    app = make_app(catalogue, tmp_path / "transcripts", conversation=talk)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await leave_interview(app, pilot)
        await resume_from_home(app, pilot, begun_by_sam)
        await leave_interview(app, pilot)
    assert resumed_by(begun_by_sam) == ["Kim"]


async def test_with_no_name_known_the_officer_is_asked_before_it_resumes(
    begun_by_sam: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    assert caller.known_caller() == ""
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await resume_from_home(app, pilot, begun_by_sam)
        assert isinstance(app.screen, TextPromptScreen)  # asked, not yet resumed
        box = app.screen.query_one("#text", Input)
        assert box.value == "Sam"  # who began it, offered
        assert resumed_by(begun_by_sam) == []  # not resumed yet
        await type_text(pilot, "Kim")  # typed over it
        await pilot.press("enter")
        await pilot.pause()
        await leave_interview(app, pilot)
    assert resumed_by(begun_by_sam) == ["Kim"]
    assert caller.remembered() == "Kim"  # not asked again next time


async def test_keeping_the_name_offered_names_whoever_began_it_once(
    begun_by_sam: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await resume_from_home(app, pilot, begun_by_sam)
        await pilot.press("enter")  # Sam, carrying on their own interview
        await pilot.pause()
        await leave_interview(app, pilot)
    assert interviewers(store.load(begun_by_sam).transcript) == ("Sam",)


async def test_asked_and_cancelled_nothing_is_resumed(
    begun_by_sam: Path, tmp_path: Path, catalogue: Catalogue
) -> None:
    before = store.load(begun_by_sam).transcript.turns
    app = make_app(catalogue, tmp_path / "transcripts")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await resume_from_home(app, pilot, begun_by_sam)
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press("escape")  # the name offered is not typed: cancels at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Let go of: it can be carried on at once.
        await resume_from_home(app, pilot, begun_by_sam)
        assert isinstance(app.screen, TextPromptScreen)
    assert store.load(begun_by_sam).transcript.turns == before
