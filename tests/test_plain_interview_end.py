"""A telephone interview in plain mode ends as a plain self-assessment does: with the score
summary (bot/end_summary.py), then where the transcript is saved."""

from __future__ import annotations

from pathlib import Path

from tests.test_plain_end_summary import ANSWERS, plain_run


def interview_run(folder: Path, lines: str) -> str:
    """A plain-mode telephone interview (Sam ringing Jane) given ``lines``; what it printed."""
    return plain_run(folder, lines, interviewer="Sam")


def end_of(text: str) -> list[str]:
    """The lines after the closing words, up to where the transcript is saved."""
    end = text.rsplit("Thank you.", 1)[1]
    return [line for line in end.splitlines() if line and not line.startswith("Transcript")]


def test_a_plain_interview_ends_with_the_score_summary(tmp_path: Path) -> None:
    answers = "".join(f"{a}\n" for a in ANSWERS)
    text = interview_run(tmp_path / "call", answers)
    lines = end_of(text)
    assert lines[0] == "Summary by area"
    assert lines[-1].startswith("Overall: ") and "answered" in lines[-1]
    assert text.rstrip().splitlines()[-1].startswith("Transcript saved: ")
    # The same end, line for line, as the same answers give a self-assessment.
    assert lines == end_of(plain_run(tmp_path / "self", answers))


def test_an_abandoned_plain_interview_says_the_result_so_far(tmp_path: Path) -> None:
    text = interview_run(tmp_path, "3\n:abandon\nyes\n")
    end = text.rsplit("Type yes to confirm: ", 1)[1]
    lines = [line for line in end.splitlines() if line]
    assert lines[0].startswith("Overall so far: ")
    assert lines[1].startswith("Abandoned. Transcript: ")
