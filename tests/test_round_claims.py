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

from bot import cli, conversation, exit_codes
from bot.catalogue import Catalogue
from bot.rounds import caller, calls, work
from bot.rounds.calls import LEASE, CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import Linked, next_calls, start_refusal, states
from bot.tui.screens.dialogs import MessageScreen, TextPromptScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
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


def test_resuming_a_finished_interview_logs_no_call(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    assert cli.main(["round", "interview", "i002", "--plain", "--caller", "Sam"]) == 0
    [transcript] = round_folder.glob("2*.toml")
    talk = conversation.resume(Catalogue(), transcript)
    while not talk.session.over:
        assert talk.skip().accepted
    talk.close()
    before = log_of(round_folder)
    capsys.readouterr()
    # Named or not, from a pipe: the finished call is said to be complete, nothing logged.
    for named in (["--caller", "Kim"], []):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert cli.main(["resume", str(transcript), "--plain", *named]) == exit_codes.OK
        assert "already complete" in capsys.readouterr().out
    assert log_of(round_folder) == before


def test_the_rule_for_starting_refuses_another_officers_claim_and_an_open_transcript() -> None:
    [theirs] = states(ROUND, [claim("Sam")], [], NOW, caller="Kim")
    refusal = start_refusal(theirs)
    assert "A (a) is being called by Sam" in refusal
    assert f"after {(NOW + LEASE).astimezone():%H:%M} when the claim lapses" in refusal
    [own] = states(ROUND, [claim("Sam")], [], NOW, caller="sam")
    assert start_refusal(own) == ""
    [lapsed] = states(ROUND, [claim("Sam")], [], NOW + LEASE, caller="Kim")
    assert start_refusal(lapsed) == ""
    held = Path("t.toml")
    linked = [Linked("a", "in_progress", NOW, held)]
    [open_elsewhere] = states(ROUND, [], linked, NOW, caller="Kim", open_transcripts=[held])
    assert "transcript open in another window" in start_refusal(open_elsewhere)


def test_an_interview_is_refused_while_another_officer_is_calling_them(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "next", "--claim", "--caller", "Sam"]) == 0
    before = log_of(round_folder)
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    status = cli.main(["round", "interview", "i001", "--plain", "--caller", "Kim"])
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE
    assert "error: Ann (i001) is being called by Sam; try again once that call's outcome" in err
    # Nothing logged, no transcript begun: the claim still holds.
    assert log_of(round_folder) == before
    assert not list(round_folder.glob("2*.toml"))
    # The officer holding the claim takes the interview (named as they are asked).
    monkeypatch.setattr("bot.rounds.cli.ask_caller", lambda: "sam")
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    assert cli.main(["round", "interview", "i001", "--plain"]) == exit_codes.OK
    assert log_of(round_folder)[-1]["outcome"] == "interview_started"


def test_a_caller_asked_their_name_is_shown_the_round_read_once(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "next", "--claim", "--caller", "Pat"]) == 0
    capsys.readouterr()
    reads: list[Path] = []
    real = work.snapshot

    def counted(folder: Path, *args: object) -> work.Snapshot:
        reads.append(folder)
        return real(folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "snapshot", counted)
    monkeypatch.setattr("bot.rounds.cli.ask_caller", lambda: "Pat")
    assert cli.main(["round", "next", "-n", "2", "--claim"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert len(reads) == 1
    # Read before the name was given, yet nothing there is shown as it looked nameless:
    # Pat's own claim is Pat's, so i001 is offered again, to Pat, not as busy.
    assert "i001" in out and "busy" not in out and "Logged: Pat calling i001 now." in out


async def test_the_round_screen_refuses_as_the_command_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setenv(caller.VARIABLE, "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    calls.append(folder, [CallEntry(**{**claim("Pat").model_dump(), "invitee": "h38"})])
    app = make_app(catalogue, transcripts)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_round(app, pilot)
        screen.select("h38")
        expected = start_refusal(screen.selected())  # type: ignore[arg-type]
        assert "is being called by Pat" in expected
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert app.screen.message == f"{expected}."


async def test_the_round_screen_says_a_finished_invitee_has_finished_before_any_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setenv(caller.VARIABLE, "Alex")
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    # h21 has finished their interview; Pat is ringing them now (to thank them, say).
    calls.append(folder, [CallEntry(**{**claim("Pat").model_dump(), "invitee": "h21"})])
    before = log_of(folder)
    app = make_app(catalogue, transcripts)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_round(app, pilot)
        screen.select("h21")
        chosen = screen.selected()
        assert chosen is not None and chosen.state == "complete"
        assert "is being called by Pat" in start_refusal(chosen)
        await pilot.press("s")
        await _until(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert not any(isinstance(s, MessageScreen) for s in app.screen_stack)
    # As the command says (exit status 0, nothing started): nothing is logged.
    assert log_of(folder) == before
