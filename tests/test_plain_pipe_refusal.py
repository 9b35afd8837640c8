"""Plain mode from a pipe: a refused line stops the run (status 5) saying which line and
why, and nothing after it is taken, since every later line would land on the question
before its own; at a terminal the answer is asked again, as before."""

from __future__ import annotations

from pathlib import Path

from bot import exit_codes, store
from tests.plain_driver import run

ARGS = ("assess", "--plain", "-f", "working-better-together", "--respondent", "Ike")


def answers(folder: Path) -> list[str]:
    """The answers saved in the one transcript there."""
    (path,) = (folder / "transcripts").glob("*.toml")
    return [t.text for t in store.load(path).transcript.turns if t.kind == "answer"]


def test_an_answer_over_the_cap_stops_a_piped_run(tmp_path: Path) -> None:
    lines = "3 - " + "x" * 30_000 + " END\n2 - meant for 1.2\n1 - meant for 1.3\n:quit\n"
    done = run(*ARGS, stdin=lines, cwd=tmp_path)
    assert done.returncode == exit_codes.INPUT_ENDED, done.stderr
    assert "Stopped: line 1 of the input was refused:\nThat answer is 30,008 characters" in (
        done.stdout
    )
    assert "nothing after it was taken" in done.stdout
    assert "Taken as" not in done.stdout and "Resume with: partnership-bot resume" in done.stdout
    assert answers(tmp_path) == []


def test_a_refused_key_stops_it_after_the_answers_before(tmp_path: Path) -> None:
    lines = "3 - first\n7\n2 - meant for 1.3\n:quit\n"
    done = run(*ARGS, stdin=lines, cwd=tmp_path)
    assert done.returncode == exit_codes.INPUT_ENDED, done.stderr
    assert "Stopped: line 2 of the input was refused:" in done.stdout
    assert answers(tmp_path) == ["3 - first"]


def test_at_a_terminal_a_refused_answer_is_asked_again(tmp_path: Path) -> None:
    lines = "3 - " + "x" * 300 + "\n7\n2 - after the refused line\n:quit\n"
    done = run(*ARGS, stdin=lines, cwd=tmp_path, at_terminal=True)
    assert done.returncode == exit_codes.OK, done.stderr
    assert "Stopped" not in done.stdout
    assert answers(tmp_path)[-1] == "2 - after the refused line"
