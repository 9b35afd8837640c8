"""Calls in a round's log: an interview carried on (a call back) is logged like any call,
and an officer's own claim on an invitee is never shown to them as someone else's."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.rounds import caller, calls
from bot.rounds.calls import LEASE, CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import next_calls, states
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.tui_helpers import make_app

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NOW = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)
PERSON = Invitee(id="a", name="A", mode="telephone")
ROUND = Round(title="R", framework="hertfordshire-review", invitees=(PERSON,))


def claim(by: str, at: datetime = NOW) -> CallEntry:
    return CallEntry(at=at, invitee="a", caller=by, outcome="calling", until=at + LEASE)


def log_of(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "calls.jsonl").read_text().splitlines()]


def test_a_claim_made_without_a_name_is_never_called_another_officers() -> None:
    for looking in ("", "Sam"):
        [shown] = states(ROUND, [claim("")], [], NOW, caller=looking)
        # Still busy for everyone (the claim is someone's), but whose is not made up.
        assert shown.being_called_by == "an officer who gave no name"
        assert not next_calls([shown], NOW)


def test_an_officers_own_claim_is_theirs_whatever_the_case_or_spacing() -> None:
    for looking in ("Sam Jones", "sam jones", " SAM  Jones "):
        [shown] = states(ROUND, [claim("Sam Jones")], [], NOW, caller=looking)
        assert shown.being_called_by is None
        assert next_calls([shown], NOW)
    [other] = states(ROUND, [claim("Sam Jones")], [], NOW, caller="Sam Jonas")
    assert other.being_called_by == "Sam Jones" and not next_calls([other], NOW)


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round of two telephone invitees, with no caller named anywhere."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "hertfordshire-review"]) == 0
    (tmp_path / "in.csv").write_text("name,mode\nAnn,telephone\nBob,telephone\n")
    assert cli.main(["round", "import", "in.csv"]) == 0
    return tmp_path / "transcripts" / "rounds" / "r"


def test_an_interview_carried_on_is_logged_as_a_call(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for stdin, name in (("1\n:quit\n", "Sam"), ("2\n:quit\n", "Kim")):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = cli.main(["round", "interview", "i001", "--plain", "--caller", name])
        assert status == exit_codes.OK, capsys.readouterr().err
    log = log_of(round_folder)
    assert [(e["invitee"], e["outcome"], e["caller"]) for e in log] == [
        ("i001", "interview_started", "Sam"),
        ("i001", "interview_resumed", "Kim"),
    ]
    status = cli.main(["round", "status"])
    assert "last call" in capsys.readouterr().out
    assert status == exit_codes.OK


def test_an_officer_asked_their_name_sees_their_own_claim_as_theirs(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Claimed with the name given on the command line; then, with no name known, the same
    # officer is asked for it before logging what came of the call.
    assert cli.main(["round", "next", "--claim", "--caller", "Pat Officer"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("bot.rounds.cli.ask_caller", lambda: "pat officer")
    assert cli.main(["round", "call", "i001", "busy"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "being called by" not in out and "Logged: i001 busy." in out


async def test_resuming_an_interview_from_the_round_screen_logs_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setenv(caller.VARIABLE, "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    before = len(log_of(folder))
    app = make_app(catalogue, transcripts)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_round(app, pilot)
        screen.select("h37")  # part-way through a telephone interview
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.conversation.session.turns  # carried on, not started again
    log = log_of(folder)
    assert len(log) == before + 1
    assert (log[-1]["invitee"], log[-1]["outcome"], log[-1]["caller"]) == (
        "h37",
        "interview_resumed",
        "Alex",
    )


async def test_an_officer_named_on_the_round_screen_may_start_on_their_own_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    # Claimed at another terminal by this officer, who is not yet named here.
    calls.append(folder, [CallEntry(**{**claim("Pat").model_dump(), "invitee": "h38"})])
    app = make_app(catalogue, transcripts)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_round(app, pilot)
        screen.select("h38")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        app.screen.query_one(Input).value = "Pat"
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert app.screen.conversation.header.interviewer.name == "Pat"


async def _until(pilot, check, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    assert check()


async def _open_round(app, pilot) -> RoundScreen:  # type: ignore[no-untyped-def]
    await _until(
        pilot,
        lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count,
    )
    await pilot.press("enter")
    await _until(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.shot is not None)
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    return screen


def test_an_interview_carried_on_with_resume_is_logged_by_the_caller_rule(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    assert cli.main(["round", "interview", "i002", "--plain", "--caller", "Sam"]) == 0
    [transcript] = round_folder.glob("2*.toml")
    # No caller named and input from a pipe: refused, nothing logged, nothing answered.
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n:quit\n"))
    assert cli.main(["resume", str(transcript), "--plain"]) == exit_codes.USAGE
    assert "who is calling? Give --caller NAME" in capsys.readouterr().err
    assert len(log_of(round_folder)) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n:quit\n"))
    assert cli.main(["resume", str(transcript), "--plain", "--caller", "Kim"]) == exit_codes.OK
    assert [(e["outcome"], e["caller"]) for e in log_of(round_folder)] == [
        ("interview_started", "Sam"),
        ("interview_resumed", "Kim"),
    ]


def test_a_call_log_that_cannot_be_written_is_a_clear_error(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("bot.rounds.calls.append", refuse)
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    status = cli.main(["round", "interview", "i001", "--plain", "--caller", "Sam"])
    assert status == exit_codes.CANNOT_WRITE
    assert "error: cannot log the call in" in capsys.readouterr().err
