"""Starting an invitee again resumes their unfinished transcript whatever the round's
record says of them since: a partner who refused part way and later agrees to carry on
goes on from their answers, never into a new empty interview (one more transcript of
theirs each time, the answers they gave left behind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import exit_codes, store
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.folder import load_round
from bot.rounds.work import open_conversation, snapshot
from tests.test_round_cli import PLAN, START, build_round


@pytest.fixture
def folder(tmp_path: Path, catalogue: Catalogue) -> Path:
    """The test round (`tests.test_round_cli.PLAN`), its invitees as the plan says."""
    return build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)


def first(state: str, mode: str = "") -> int:
    """The number of the first invitee of the plan in this state (and mode, if given)."""
    return next(
        n
        for n, (_, _, how, planned) in enumerate(PLAN, start=1)
        if planned == state and mode in ("", how)
    )


def test_a_refused_invitee_part_way_through_is_resumed(folder: Path, catalogue: Catalogue) -> None:
    part_way = first("in_progress")
    who = f"p{part_way:02d}"
    later = START.replace(year=2010)
    before = snapshot(folder, later).find(who)
    assert before.transcript is not None
    given = [t for t in store.load(before.transcript).transcript.turns if t.kind == "answer"]
    assert len(given) == 3

    calls.append(folder, [CallEntry(at=later, invitee=who, caller="Sam", outcome="refused")])
    found = snapshot(folder, later).find(who)
    assert found.state == "refused"
    talk = open_conversation(catalogue, load_round(folder), found, "Sam", lambda: later)
    try:
        assert talk.path == before.transcript
        assert [t for t in talk.transcript.turns if t.kind == "answer"] == given
    finally:
        talk.close()
    theirs = [p for p in folder.glob("*.toml") if f"person-{part_way}-" in p.name]
    assert theirs == [before.transcript]


def test_no_outcome_is_logged_for_someone_who_has_finished(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "round call p01 no-answer" once logged a call after p01's complete interview: their
    # record then said complete beside a call no one can have made.
    from bot.cli import main

    finished = first("complete", "telephone")
    who = f"p{finished:02d}"
    logged = len(calls.read(folder).entries)
    command = ["round", "call", who, "no-answer", "-r", str(folder), "--caller", "Sam"]
    assert main(command) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"error: Person {finished} ({who}) has finished the assessment")
    assert "--force" in said
    assert len(calls.read(folder).entries) == logged
    assert main([*command, "--force"]) == 0
    assert len(calls.read(folder).entries) == logged + 1


def test_someone_who_finished_since_the_round_was_read_is_not_started_again(
    folder: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    # Finished between the officer reading the round and starting them: checked again
    # under the call log's lock, so no second assessment of theirs begins.
    from bot.rounds.work import StartRefused, start_conversation

    finished = first("complete")
    who = f"p{finished:02d}"
    theirs = snapshot(folder, START).find(who).transcript
    assert theirs is not None
    away = tmp_path / "away.toml"
    theirs.rename(away)
    read = snapshot(folder, START)  # the round as read: not finished yet
    assert read.find(who).state != "complete"
    away.rename(theirs)  # they finish meanwhile
    before = sorted(folder.glob("*.toml"))
    with pytest.raises(StartRefused, match="has finished the assessment meanwhile"):
        start_conversation(catalogue, read, read.find(who), "Sam", START)
    assert sorted(folder.glob("*.toml")) == before


def test_a_transcript_that_cannot_be_written_is_said_plainly(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import errno

    from bot.cli import main

    fresh = first("not_started", "self")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "create", full)
    status = main(["round", "assess", f"p{fresh:02d}", "-r", str(folder), "--plain"])
    assert status == exit_codes.CANNOT_WRITE
    said = capsys.readouterr().err
    assert said.startswith("error: cannot write the transcript in ")
    assert "No space left on device" in said and "Traceback" not in said


def test_a_caller_name_with_control_characters_is_shown_as_text() -> None:
    from datetime import timedelta

    from bot.rounds.model import Invitee
    from bot.rounds.state import InviteeState
    from bot.tui.screens.round import state_text

    held = InviteeState(
        invitee=Invitee(id="p01", name="Ann"),
        state="not_started",
        being_called_by="\x1b[2JMallory",
        busy_until=START + timedelta(minutes=10),
    )
    shown = state_text(held, START)
    assert "\x1b" not in shown and "Mallory" in shown


def test_an_unfinished_transcript_no_report_is_made_of_is_refused_not_left_behind(
    folder: Path, catalogue: Catalogue
) -> None:
    import re

    from bot.problems import LoadError

    part_way = first("in_progress")
    later = START.replace(year=2010)
    found = snapshot(folder, later).find(f"p{part_way:02d}")
    assert found.transcript is not None
    text = found.transcript.read_text(encoding="utf-8")
    value = re.search(r'^value = "(\w+)"$', text, re.M)
    assert value is not None
    text = text.replace(value.group(0), 'value = "not-an-answer"', 1)
    found.transcript.write_text(re.sub(r'check = "crc32:\w+"', 'check = "edited"', text))
    before = sorted(folder.glob("*.toml"))
    with pytest.raises(LoadError, match="'not-an-answer' is not an answer to the question"):
        open_conversation(catalogue, load_round(folder), found, "Sam", lambda: later)
    assert sorted(folder.glob("*.toml")) == before
