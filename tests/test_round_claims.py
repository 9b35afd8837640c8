"""Calls in a round's log: an interview carried on (a call back) is logged like any call,
an officer's own claim on an invitee is never shown to them as someone else's, and whether
an invitee is held is checked and claimed in one step under the call log's lock, so that
two officers never both begin with one partner."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from bot import cli, conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.rounds import caller, calls, work
from bot.rounds.calls import LEASE, CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import Linked, next_calls, start_refusal, states
from bot.tui.screens.dialogs import MessageScreen, TextPromptScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
from tests.round_helpers import (
    NOW,
    SampleRound,
    claim,
    interview,
    log_of,
    open_round,
    sample_round,
    until,
)

PERSON = Invitee(id="a", name="A", mode="telephone")
ROUND = Round(title="R", framework="hertfordshire-review", invitees=(PERSON,))


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


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SampleRound:
    """The sample round, worked by Alex."""
    return sample_round(tmp_path, monkeypatch, "Alex")


def test_an_interview_carried_on_is_logged_as_a_call(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("Sam", "Kim"):
        status = interview(monkeypatch, "i001", "--caller", name)
        assert status == exit_codes.OK, capsys.readouterr().err
    log = log_of(round_folder)
    assert [(e["invitee"], e["outcome"], e["caller"]) for e in log] == [
        ("i001", "interview_started", "Sam"),
        ("i001", "interview_resumed", "Kim"),
    ]
    monkeypatch.setenv("COLUMNS", "200")  # room for the last call's full wording
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
    sample: SampleRound, catalogue: Catalogue
) -> None:
    before = len(log_of(sample.folder))
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_round(app, pilot, "h37")  # part-way through a telephone interview
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.conversation.session.turns  # carried on, not started again
    log = log_of(sample.folder)
    assert len(log) == before + 1
    assert (log[-1]["invitee"], log[-1]["outcome"], log[-1]["caller"]) == (
        "h37",
        "interview_resumed",
        "Alex",
    )


async def test_an_officer_named_on_the_round_screen_may_start_on_their_own_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    unnamed = sample_round(tmp_path, monkeypatch, "")
    # Claimed at another terminal by this officer, who is not yet named here.
    unnamed.claimed("Pat", "h38")
    app = unnamed.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_round(app, pilot, "h38")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        app.screen.query_one(Input).value = "Pat"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert app.screen.conversation.header.interviewer.name == "Pat"


def test_an_interview_carried_on_with_resume_is_logged_by_the_caller_rule(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert interview(monkeypatch, "i002", "--caller", "Sam") == 0
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

    monkeypatch.setattr("bot.rounds.calls.HeldLog.append", refuse)
    status = interview(monkeypatch, "i001", "--caller", "Sam")
    assert status == exit_codes.CANNOT_WRITE
    assert "error: cannot log the call in" in capsys.readouterr().err
    # The transcript just made is removed again: the start left nothing behind.
    assert not list(round_folder.glob("2*.toml"))


def test_resuming_a_finished_interview_logs_no_call(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert interview(monkeypatch, "i002", "--caller", "Sam") == 0
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


def test_an_open_transcript_names_who_holds_it_and_since_when() -> None:
    held = Path("t.toml")
    linked = [Linked("a", "in_progress", NOW, held)]
    started = CallEntry(at=NOW, invitee="a", caller="Sam", outcome="interview_started")
    note = {held: "process 4242 on desk7 since 2009-12-01 10:00 UTC"}
    [s] = states(ROUND, [started], linked, NOW, caller="Kim", open_transcripts=note)
    refusal = start_refusal(s)
    assert refusal.startswith(
        f"A (a) has their transcript open in another window, held by Sam (interview logged "
        f"at {NOW.astimezone():%H:%M}; process 4242 on desk7 since 2009-12-01 10:00 UTC): "
        "ask them to close it"
    )
    assert "it may be yours" not in refusal
    # A self-assessment is no call: what the lock records is who holds it.
    [own] = states(ROUND, [], linked, NOW, open_transcripts=note)
    assert "held by process 4242 on desk7 since 2009-12-01 10:00 UTC:" in start_refusal(own)


def test_an_interview_is_refused_while_another_officer_is_calling_them(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "next", "--claim", "--caller", "Sam"]) == 0
    before = log_of(round_folder)
    capsys.readouterr()
    status = interview(monkeypatch, "i001", "--caller", "Kim")
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE
    assert "error: Ann (i001) is being called by Sam; try again once that call's outcome" in err
    # Nothing logged, no transcript begun: the claim still holds.
    assert log_of(round_folder) == before
    assert not list(round_folder.glob("2*.toml"))
    # The officer holding the claim takes the interview (named as they are asked).
    monkeypatch.setattr("bot.rounds.cli.ask_caller", lambda: "sam")
    assert interview(monkeypatch, "i001") == exit_codes.OK
    assert log_of(round_folder)[-1]["outcome"] == "interview_started"


def _read_then(monkeypatch: pytest.MonkeyPatch, meanwhile) -> None:  # type: ignore[no-untyped-def]
    """Make the next reading of the round happen just before ``meanwhile(folder, shot)``:
    another officer acting at the same instant, after this one read the round."""
    real = work.snapshot

    def read_then(folder: Path, *args: object) -> work.Snapshot:
        shot = real(folder, *args)  # type: ignore[arg-type]
        meanwhile(folder, shot)
        return shot

    monkeypatch.setattr(work, "snapshot", read_then)


def _sam_claims_i001_meanwhile(monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
    """Sam claims i001 just after this officer read the round (`_read_then`)."""
    _read_then(
        monkeypatch,
        lambda folder, shot: work.log_call(folder, shot.find("i001").invitee, "calling", at, "Sam"),
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def test_a_claim_made_after_the_round_was_read_refuses_the_interview(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = _now()
    _sam_claims_i001_meanwhile(monkeypatch, at)
    status = interview(monkeypatch, "i001", "--caller", "Kim")
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE, err
    assert "error: Ann (i001) is being called by Sam; try again once" in err
    assert f"after {(at + LEASE).astimezone():%H:%M} when the claim lapses" in err
    assert [e["outcome"] for e in log_of(round_folder)] == ["calling"]
    assert not list(round_folder.glob("2*.toml"))


def test_an_interview_begun_after_the_round_was_read_refuses_the_second(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
) -> None:
    begun: list[conversation.Conversation] = []

    def sam_starts(folder: Path, shot: work.Snapshot) -> None:
        # At another terminal: Sam's interview is open, and logged.
        found = shot.find("i001")
        begun.append(work.open_conversation(catalogue, shot.loaded, found, "Sam"))
        work.log_interview(folder, found.invitee, begun[-1], _now(), "Sam")

    _read_then(monkeypatch, sam_starts)
    try:
        status = interview(monkeypatch, "i001", "--caller", "Kim")
    finally:
        for talk in begun:
            talk.close()
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE, err
    assert "error: Ann (i001) has their transcript open in another window, held by Sam" in err
    assert "process " in err and "ask them to close it" in err
    # Only Sam began: one transcript, one call logged.
    assert len(list(round_folder.glob("2*.toml"))) == 1
    assert [(e["outcome"], e["caller"]) for e in log_of(round_folder)] == [
        ("interview_started", "Sam")
    ]


def test_an_outcome_is_refused_for_an_interview_opened_after_the_round_was_read(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
) -> None:
    # Checked and appended in one step under the call log's lock: Sam's interview, opened
    # at another terminal after `round call` read the round, is seen.
    begun: list[conversation.Conversation] = []

    def sam_opens(folder: Path, shot: work.Snapshot) -> None:
        begun.append(work.open_conversation(catalogue, shot.loaded, shot.find("i001"), "Sam"))

    _read_then(monkeypatch, sam_opens)
    try:
        status = cli.main(["round", "call", "i001", "no-answer", "--caller", "Kim"])
    finally:
        for talk in begun:
            talk.close()
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE, err
    assert "error: Ann (i001) has their transcript open in another window" in err
    assert "nothing was logged" in err
    assert not calls.calls_path(round_folder).exists()  # nothing logged


def test_an_outcome_is_refused_over_a_claim_made_after_the_round_was_read(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _sam_claims_i001_meanwhile(monkeypatch, _now())
    status = cli.main(["round", "call", "i001", "busy", "--caller", "Kim"])
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE, err
    assert "error: Ann (i001) is being called by Sam" in err
    assert [e["outcome"] for e in log_of(round_folder)] == ["calling"]


def test_two_officers_starting_one_invitee_at_one_instant_never_both_begin(
    round_folder: Path, catalogue: Catalogue
) -> None:
    # Both read the round before either starts: as read, no one holds Ann.
    kim, sam = (work.snapshot(round_folder, _now(), name) for name in ("Kim", "Sam"))
    assert not start_refusal(kim.find("i001")) and not start_refusal(sam.find("i001"))
    first = work.start_conversation(catalogue, sam, sam.find("i001"), "Sam", _now())
    try:
        with pytest.raises(work.StartRefused) as refused:
            work.start_conversation(catalogue, kim, kim.find("i001"), "Kim", _now())
    finally:
        first.close()
    assert "held by Sam" in str(refused.value)
    assert [e["caller"] for e in log_of(round_folder)] == ["Sam"]


def test_two_officers_claiming_the_next_call_at_one_instant_get_two_people(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = _now()
    _sam_claims_i001_meanwhile(monkeypatch, at)
    assert cli.main(["round", "next", "--claim", "--caller", "Kim"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert out.startswith("i002") and "Logged: Kim calling i002 now." in out
    assert [(e["invitee"], e["caller"]) for e in log_of(round_folder)] == [
        ("i001", "Sam"),
        ("i002", "Kim"),
    ]


def test_a_caller_asked_their_name_is_shown_the_round_read_once(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "next", "--claim", "--caller", "Pat"]) == 0
    capsys.readouterr()
    reads: list[Path] = []
    _read_then(monkeypatch, lambda folder, shot: reads.append(folder))
    monkeypatch.setattr("bot.rounds.cli.ask_caller", lambda: "Pat")
    assert cli.main(["round", "next", "-n", "2", "--claim"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert len(reads) == 1
    # Read before the name was given, yet nothing there is shown as it looked nameless:
    # Pat's own claim is Pat's, so i001 is offered again, to Pat, not as busy.
    assert "i001" in out and "busy" not in out and "Logged: Pat calling i001 now." in out


async def test_the_round_screen_refuses_as_the_command_does(
    sample: SampleRound, catalogue: Catalogue
) -> None:
    sample.claimed("Pat", "h38")
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h38")
        expected = start_refusal(screen.selected())  # type: ignore[arg-type]
        assert "is being called by Pat" in expected
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert app.screen.message == f"{expected}."


async def test_the_round_screen_checks_the_claims_logged_since_it_read_the_round(
    sample: SampleRound, catalogue: Catalogue
) -> None:
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h38")
        assert not start_refusal(screen.selected())  # type: ignore[arg-type]
        # Pat claims h38 at another terminal; this screen has not read the round since.
        sample.claimed("Pat", "h38")
        before = log_of(sample.folder)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, MessageScreen))
        assert isinstance(app.screen, MessageScreen)
        assert "Harry Hughes (h38) is being called by Pat" in app.screen.message
        assert f"after {(NOW + LEASE).astimezone():%H:%M}" in app.screen.message
    assert log_of(sample.folder) == before
    assert not list(sample.folder.glob("2*.toml"))


async def test_the_round_screen_says_a_finished_invitee_has_finished_before_any_claim(
    sample: SampleRound, catalogue: Catalogue
) -> None:
    # h21 has finished their interview; Pat is ringing them now (to thank them, say).
    sample.claimed("Pat", "h21")
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h21")
        chosen = screen.selected()
        assert chosen is not None and chosen.state == "complete"
        # Finished is finished: the claim holds no one who has finished.
        assert chosen.held_by == "" and start_refusal(chosen) == ""
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert not any(isinstance(s, MessageScreen) for s in app.screen_stack)
    # As the command says (exit status 0, nothing started): nothing is logged.
    assert log_of(sample.folder) == before


def test_round_status_names_whose_interview_is_open(
    round_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    catalogue: Catalogue,
) -> None:
    shot = work.snapshot(round_folder, _now(), "Sam")
    talk = work.start_conversation(catalogue, shot, shot.find("i001"), "Sam", _now())
    try:
        assert cli.main(["round", "status", "--caller", "Kim"]) == exit_codes.OK
    finally:
        talk.close()
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("i001")]
    assert "being called by Sam (transcript open)" in line


def test_resuming_a_round_interview_by_its_file_keeps_to_the_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `resume FILE` of a round's interview once logged the call while another officer's
    # claim held: only `round interview` and the round screen checked claims.
    import io
    import shutil

    from tests.round_helpers import SAMPLE, claim

    folder = tmp_path / "transcripts" / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    part_way = next(
        p
        for p in folder.glob("*.toml")
        if p.name not in store.NOT_TRANSCRIPTS and store.load(p).transcript.invitee == "h37"
    )
    calls.append(folder, [claim("Ann", "h37", _now())])
    logged = len(log_of(folder))
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    status = cli.main(["resume", str(part_way), "--plain", "--caller", "Sam"])
    err = capsys.readouterr().err
    assert status == exit_codes.IN_USE, err
    assert "is being called by Ann" in err
    assert len(log_of(folder)) == logged
    # Ann, whose claim it is, carries on.
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    assert cli.main(["resume", str(part_way), "--plain", "--caller", "Ann"]) == exit_codes.OK
    assert log_of(folder)[-1]["outcome"] == "interview_resumed"
