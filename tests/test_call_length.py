"""How long a telephone call lasted, from the call turns in its transcript."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.model.transcript import Turn, call_seconds
from bot.report import render_assessment
from bot.scoring import compile_transcript
from tests.conftest import Clock
from tests.tui_helpers import mini_catalogue, start

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def turn(seq: int, minute: float, kind: str, speaker: str = "interviewer") -> Turn:
    return Turn(seq=seq, at=T0 + timedelta(minutes=minute), speaker=speaker, kind=kind)  # type: ignore[arg-type]


def test_pauses_are_not_counted() -> None:
    turns = [
        turn(1, 0, "ask", "bot"),
        turn(2, 0, "call_start"),
        turn(3, 4, "call_pause"),
        turn(4, 30, "call_resume"),
        turn(5, 36, "end", "bot"),
    ]
    assert call_seconds(turns) == 10 * 60


def test_a_call_cut_off_counts_up_to_its_last_turn() -> None:
    turns = [
        turn(1, 0, "call_start"),
        turn(2, 3, "answer", "respondent"),  # the app was killed here, no pause written
        turn(3, 50, "call_resume"),
        turn(4, 52, "answer", "respondent"),
    ]
    assert call_seconds(turns) == 5 * 60


def test_old_transcripts_have_no_call_length() -> None:
    assert call_seconds([turn(1, 0, "ask", "bot"), turn(2, 1, "answer", "respondent")]) is None


def test_the_report_gives_the_call_length(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    talk.clock = Clock(step=timedelta(seconds=30))
    talk.begin()
    talk.call("call_start")
    talk.answer("3")
    talk.call("call_pause")
    talk.close()
    transcript = talk.transcript
    assessment = compile_transcript(transcript, catalogue.framework("mini"))
    assert assessment.call_seconds == transcript.call_seconds == 60
    assert "**Call length:** 1 min 0 s (pauses excluded)" in render_assessment(assessment, "md")
    assert "<strong>Call length:</strong> 1 min 0 s" in render_assessment(assessment, "html")
    assert '"call_seconds": 60' in render_assessment(assessment, "json")


def test_plain_replay_words_the_call_and_the_lead_in_as_the_app_does(tmp_path: Path) -> None:
    import io

    from bot.replay_text import print_replay
    from bot.turn_words import NOT_NAMED

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, name="", interviewer="An Officer")
    talk.begin()
    talk.call("call_start")
    talk.answer("3")
    talk.close()
    out = io.StringIO()
    print_replay(talk.transcript, catalogue, out)
    text = out.getvalue()
    assert "Interviewer: (started the call)" in text
    assert "Bot: First question.\n" in text  # the lead-in recorded on the question
    assert "Respondent: Councillor, Borough Council" in text and NOT_NAMED not in text


def plain_interview(tmp_path: Path, lines: str, resume: Path | None = None):  # type: ignore[no-untyped-def]
    """A telephone interview in plain mode over `lines`; its output and transcript turns."""
    import io

    from bot import conversation, store
    from bot.plain import PlainMode

    catalogue = mini_catalogue()
    if resume is None:
        talk = start(catalogue, tmp_path, interviewer="An Officer")
        talk.clock = Clock(step=timedelta(seconds=30))
    else:
        talk = conversation.resume(catalogue, resume, clock=Clock(step=timedelta(seconds=30)))
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO(lines), out).run(resumed=resume is not None)
    finally:
        talk.close()
    return out.getvalue(), talk.path, store.load(talk.path).transcript


def test_a_plain_interview_times_its_call_as_the_app_does(tmp_path: Path) -> None:
    out, path, transcript = plain_interview(tmp_path, "3\n:pause\n\n:quit\n")
    calls = [t.kind for t in transcript.turns if t.kind.startswith("call_")]
    # Started when the interview opens, paused and resumed by :pause, paused on leaving.
    assert calls == ["call_start", "call_pause", "call_resume", "call_pause"]
    assert "Call paused" in out
    out, _, transcript = plain_interview(tmp_path, "2\n:quit\n", resume=path)
    calls = [t.kind for t in transcript.turns if t.kind.startswith("call_")]
    assert calls[-2:] == ["call_resume", "call_pause"]
    assert transcript.call_seconds is not None and transcript.call_seconds > 0
    assert "Call resumed" in out


def test_a_plain_interview_left_at_the_end_of_input_pauses_its_call(tmp_path: Path) -> None:
    _, _, transcript = plain_interview(tmp_path, "3\n")
    assert [t.kind for t in transcript.turns][-1] == "call_pause"


def test_a_plain_self_assessment_has_no_call(tmp_path: Path) -> None:
    import io

    from bot import store
    from bot.plain import PlainMode

    talk = start(mini_catalogue(), tmp_path)
    out = io.StringIO()
    PlainMode(talk, io.StringIO("3\n:pause\n:quit\n"), out).run()
    talk.close()
    assert not any(t.kind.startswith("call_") for t in store.load(talk.path).transcript.turns)
    assert "Unknown command :pause" in out.getvalue()


def timed_interviews(folder: Path, minutes: list[int], self_assessments: int = 1) -> None:
    """Complete mini interviews whose calls last `minutes` (with a pause in each), and
    self-assessments, which have no call."""
    from bot import conversation
    from bot.model import Person, Respondent

    catalogue = mini_catalogue()
    people = [(m, "An Officer") for m in minutes] + [(0, "")] * self_assessments
    for index, (length, interviewer) in enumerate(people):
        clock = Clock(step=timedelta(seconds=0))
        talk = conversation.start(
            catalogue,
            "mini",
            "mini-chat",
            Respondent(name=f"Person {index}", role="Officer"),
            folder,
            Person(name=interviewer) if interviewer else None,
            clock=clock,
        )
        talk.begin()
        talk.open_call()
        for answer in ["3", "p", "13"]:
            clock.now += timedelta(minutes=length / 4)
            talk.answer(answer)
        talk.pause_call()
        clock.now += timedelta(minutes=30)  # a pause is never counted
        talk.open_call()
        clock.now += timedelta(minutes=length / 4)
        talk.answer("3")
        assert talk.session.complete
        talk.close()


def test_the_aggregate_gives_total_and_median_call_length(tmp_path: Path) -> None:
    from bot import store
    from bot.report import render_aggregate
    from bot.report.aggregate import aggregate_data
    from bot.scoring.aggregate import Filters, aggregate

    folder = tmp_path / "t"
    folder.mkdir()
    timed_interviews(folder, [4, 10, 20])
    catalogue = mini_catalogue()
    totals, run_info = aggregate(store.iter_transcript_files([folder]), catalogue, Filters())
    data = aggregate_data("mini", totals["mini"], run_info, catalogue, Filters(), False)
    assert data["respondents"] == 4
    assert data["calls"] == {"timed": 3, "total_seconds": 34 * 60, "median_seconds": 10 * 60}
    markdown = render_aggregate(data, "md")
    assert (
        "**Telephone interviews:** 3 timed; calls took 34 min 0 s in all, "
        "10 min 0 s at the median (pauses excluded)" in markdown
    )
    assert "<strong>Telephone interviews:</strong> 3 timed; calls took 34 min 0 s" in (
        render_aggregate(data, "html")
    )


def test_an_aggregate_without_timed_calls_says_nothing_of_calls(tmp_path: Path) -> None:
    from bot import store
    from bot.report import render_aggregate
    from bot.report.aggregate import aggregate_data
    from bot.scoring.aggregate import Filters, aggregate

    folder = tmp_path / "t"
    folder.mkdir()
    timed_interviews(folder, [], self_assessments=2)
    catalogue = mini_catalogue()
    totals, run_info = aggregate(store.iter_transcript_files([folder]), catalogue, Filters())
    data = aggregate_data("mini", totals["mini"], run_info, catalogue, Filters(), False)
    assert data["calls"] is None
    assert "Telephone interviews" not in render_aggregate(data, "md")


def test_call_lengths_are_worded_in_hours_minutes_and_seconds() -> None:
    from bot.turn_words import call_length_words

    assert call_length_words(60) == "1 min 0 s"
    assert call_length_words(725.4) == "12 min 5 s"
    assert call_length_words(4 * 3600 + 13 * 60 + 22) == "4 h 13 min 22 s"
