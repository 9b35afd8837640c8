"""The report of a round's transcript whose respondent refused part way says so, and how
far it got, in every format and on the app's report screen; the refusal is recorded in
the round's call log, not in the transcript, which stays unfinished."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.report.make import assess
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.folder import load_round
from bot.rounds.work import open_conversation, snapshot
from tests.plain_driver import run
from tests.test_round_cli import PLAN, START, build_round

PART_WAY = next(n for n, plan in enumerate(PLAN, start=1) if plan[3] == "in_progress")
WHO = f"p{PART_WAY:02d}"


@pytest.fixture
def refused(tmp_path: Path, catalogue: Catalogue) -> Path:
    """The test round's invitee who stopped after three answers, then refused on a call
    logged the next day: their transcript."""
    folder = build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)
    found = snapshot(folder, START + timedelta(days=1)).find(WHO)
    assert found.transcript is not None
    later = START + timedelta(days=1)
    calls.append(folder, [CallEntry(at=later, invitee=WHO, caller="Sam", outcome="refused")])
    return found.transcript


def test_a_refused_transcript_is_reported_refused_with_how_far_it_got(
    refused: Path, catalogue: Catalogue
) -> None:
    assessment = assess(refused, catalogue)
    assert assessment.status == "refused"
    asked = sum(1 for a in assessment.areas for q in a.questions if q.asked)
    # Three answered, and the fourth asked when they stopped.
    assert asked == 4 and assessment.tally.answered == 3
    assert assessment.status_words.startswith("refused part way: 4 questions asked, ")
    assert assessment.status_words.endswith(f"{len(assessment.to_come)} not reached")


def test_an_interview_resumed_after_the_refusal_is_in_progress_once_answered(
    refused: Path, catalogue: Catalogue
) -> None:
    folder = refused.parent
    again = START + timedelta(days=2)
    calls.append(
        folder, [CallEntry(at=again, invitee=WHO, caller="Sam", outcome="interview_resumed")]
    )
    # Opened and left with nothing answered: an interview resumed is not an outcome.
    assert assess(refused, catalogue).status == "refused"
    assert snapshot(folder, START + timedelta(days=3)).find(WHO).state == "refused"
    found = snapshot(folder, START + timedelta(days=3)).find(WHO)
    talk = open_conversation(catalogue, load_round(folder), found, "Sam", lambda: again)
    try:
        talk.answer("1")
    finally:
        talk.close()
    assert assess(refused, catalogue).status == "in_progress"
    # The round says the same of them: one rule for both (`standing_refusal`).
    assert snapshot(folder, START + timedelta(days=3)).find(WHO).state == "in_progress"


def test_the_round_and_the_report_agree_whatever_the_ids_case(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    folder = build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)
    found = snapshot(folder, START + timedelta(days=1)).find(WHO)
    assert found.transcript is not None
    refusal = CallEntry(
        at=START + timedelta(days=1), invitee=WHO.upper(), caller="Sam", outcome="refused"
    )
    calls.append(folder, [refusal])
    assert snapshot(folder, START + timedelta(days=2)).find(WHO).state == "refused"
    assert assess(found.transcript, catalogue).status == "refused"


def test_a_transcript_outside_a_round_is_never_refused(
    refused: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "copy" / refused.name
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(refused.read_bytes())
    assert assess(elsewhere, catalogue).status == "in_progress"


@pytest.mark.e2e
def test_every_format_says_refused_not_in_progress(refused: Path, tmp_path: Path) -> None:
    data = json.loads(run("report", str(refused), "--format", "json", cwd=tmp_path).stdout)
    assert data["status"] == "refused"
    words = data["status_words"]
    assert words.startswith("refused part way: 4 questions asked")
    assert "were not reached before the respondent refused" in data["not_asked_words"]
    for fmt in ("md", "html"):
        text = run("report", str(refused), "--format", fmt, cwd=tmp_path).stdout
        assert words in text
        assert "in progress" not in text and "unfinished" not in text
        # The overall coverage counts the questions not reached too, and says so: "of
        # the questions asked" would be 3 of 4, not the share shown.
        assert "of the questions asked or not reached got a scored answer" in text


async def test_the_app_report_screen_says_refused(refused: Path, catalogue: Catalogue) -> None:
    from textual.widgets import Static

    from bot.tui.app import PartnershipApp
    from bot.tui.screens.report import ReportScreen

    app = PartnershipApp(catalogue, refused.parent, still=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_report(assess(refused, catalogue), refused)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        title = str(screen.query_one("#report-title", Static).render())
        assert "refused" in title and "in progress" not in title
        # How far it got, as the reports say it (one definition, `status_words`).
        flat = " ".join(title.split())
        assert "refused part way: 4 questions asked," in flat


def test_a_call_back_booked_after_a_refusal_reopens_them(
    refused: Path, catalogue: Catalogue
) -> None:
    from bot.rounds.state import next_calls

    folder = refused.parent
    due = START + timedelta(days=2)
    booked = CallEntry(
        at=START + timedelta(days=1, hours=1),
        invitee=WHO,
        caller="Sam",
        outcome="call_back",
        appointment=due,
        note="changed his mind, ring back",
    )
    calls.append(folder, [booked])
    shot = snapshot(folder, due + timedelta(minutes=1))
    found = shot.find(WHO)
    # Not "refused" with a call-back due that no one is offered: they asked to be rung.
    assert found.state != "refused"
    if found.invitee.mode == "telephone":  # only they are rung: a call back is theirs
        assert found.appointment == due
        offered = next_calls(shot.invitees, due + timedelta(minutes=1))
        assert WHO in [s.invitee.id for s in offered]
    assert assess(refused, catalogue).status == "in_progress"


def test_plain_replay_says_refused_as_the_app_replay_does(
    refused: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import cli

    assert cli.main(["replay", str(refused), "--plain"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Transcript ") and first.endswith("(refused)")
