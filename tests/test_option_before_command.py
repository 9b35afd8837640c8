"""An option of some commands given to the program alone (`partnership-bot --caller Sam`)
is refused naming the commands that take it, never read as a command; for `--caller`,
with how the app learns who is calling."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import exit_codes
from bot.rounds.caller import FILE, VARIABLE
from tests.plain_driver import run


@pytest.mark.e2e
def test_caller_given_to_the_app_says_which_commands_take_it_and_how_the_app_learns_it(
    tmp_path: Path,
) -> None:
    done = run("--caller", "Sam", cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE
    err = done.stderr
    assert "invalid choice" not in err and "'Sam'" not in err
    assert "error: --caller is an option of interview, resume, round status" in err
    assert "round call" in err and "not of partnership-bot alone" in err
    assert f"${VARIABLE}" in err and FILE in err


@pytest.mark.e2e
def test_an_option_is_placed_by_where_it_is_given(tmp_path: Path) -> None:
    done = run("--caller=Sam", cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE and "--caller is an option of" in done.stderr
    done = run("--format", "html", cwd=tmp_path)
    assert "--format is an option of report, round report" in done.stderr
    made = run("round", "new", "r", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    done = run("--transcripts", "transcripts", "round", "status", "--caller", "Sam", cwd=tmp_path)
    assert done.returncode == exit_codes.OK, done.stderr


@pytest.mark.e2e
def test_an_option_given_between_round_and_its_action_is_explained_as_at_the_top(
    tmp_path: Path,
) -> None:
    """`round --caller Sam status` (or `round -r herts next`): the same explanation as
    `partnership-bot --caller Sam`, one level down, never "invalid choice: 'Sam'"."""
    done = run("round", "--caller", "Sam", "status", cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE
    err = done.stderr
    assert "invalid choice" not in err
    assert "error: --caller is an option of round status, round next, round call" in err
    assert "not of partnership-bot round alone: give it after one of those commands" in err
    assert f"${VARIABLE}" in err
    done = run("round", "-r", "herts", "next", cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE
    assert "invalid choice" not in done.stderr
    assert "-r is an option of round import, round status, round next" in done.stderr
