"""Times and dates typed to round commands are held to the bounds every date read from a
file is held to (the years 1900 to 2999), and said of the option they were typed in; a
call back is for later than now (``+0h`` is refused as a passed time is, without
``--force``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import caller
from tests.round_helpers import SAMPLE, new_round


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round of one telephone invitee."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    return new_round(tmp_path, "Ann,telephone\n")


@pytest.mark.parametrize("at", ["3000-01-01 00:00", "1899-12-31 23:00", "0001-01-01"])
def test_a_call_back_outside_the_years_is_refused(
    round_folder: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    capsys.readouterr()
    status = cli.main(
        ["round", "call", "i001", "call-back", "--at", at, "--caller", "Z", "--force"]
    )
    assert status == exit_codes.USAGE
    err = capsys.readouterr().err
    assert f'error: --at "{at}": ' in err
    assert "is out of range; dates must be in the years 1900 to 2999" in err
    assert not (round_folder / "calls.jsonl").exists()


def test_the_last_day_of_the_range_is_taken(
    round_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.main(
            ["round", "call", "i001", "call-back", "--at", "2999-12-31 12:00", "--caller", "Z"]
        )
        == 0
    )


@pytest.mark.parametrize("at", ["+0h", "+0m"])
def test_a_call_back_now_needs_force(
    round_folder: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    capsys.readouterr()
    assert cli.main(["round", "call", "i001", "call-back", "--at", at, "--caller", "Z"]) == 2
    err = capsys.readouterr().err
    assert f"error: --at {at} is " in err
    assert "which is not later than now" in err
    assert "add --force to log it as due now" in err
    assert not (round_folder / "calls.jsonl").exists()
    args = ["round", "call", "i001", "call-back", "--at", at, "--caller", "Z", "--force"]
    assert cli.main(args) == 0


def test_a_call_log_time_outside_the_years_is_refused_with_its_line(
    round_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "call", "i001", "busy", "--caller", "Z"]) == 0
    entry = {
        "at": "2009-12-01T10:00:00Z",
        "invitee": "i001",
        "caller": "Z",
        "outcome": "call_back",
        "appointment": "3000-01-01T00:00:00Z",
    }
    with (round_folder / "calls.jsonl").open("a") as log:
        log.write(json.dumps(entry) + "\n")
    capsys.readouterr()
    assert cli.main(["validate", str(round_folder)]) == 1
    out = capsys.readouterr().out
    assert "calls.jsonl:2: appointment: 3000-01-01T00:00:00+00:00 is out of range" in out


def test_a_plan_due_date_out_of_range_is_said_of_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "herts"
    shutil.copytree(SAMPLE, folder)
    plan = (folder / "plan.toml").read_bytes()
    capsys.readouterr()
    args = ["round", "plan", "-r", "herts", "--no-compile", "--set", "1.1", "--due", "3000-01-01"]
    assert cli.main(args) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert (
        "error: round plan: --due: 3000-01-01 is out of range; dates must be in the years "
        "1900 to 2999"
    ) in err
    assert "plan.toml" not in err
    assert (folder / "plan.toml").read_bytes() == plan
    # An action that is there, with a date in range, is changed as asked.
    args[-1] = "2010-01-18"
    assert cli.main(args) == exit_codes.OK


@pytest.mark.parametrize("at", ["-2h", "-30m"])
def test_a_time_before_now_typed_with_a_minus_is_said_of_at(
    round_folder: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    capsys.readouterr()
    assert cli.main(["round", "call", "i001", "call-back", "--at", at, "--caller", "Z"]) == 2
    err = capsys.readouterr().err
    assert f'error: --at "{at}" is in the past: a call back is for later, such as +{at[1:]}' in err
    assert "expected one argument" not in err
