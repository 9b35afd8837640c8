"""Nothing of a round's call log is made where no call is logged: starting a
self-assessment from a round (no call) leaves the round without a call log, while the
first call logged makes it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import cli
from bot.rounds import calls
from tests.round_helpers import new_round


@pytest.fixture
def round_folder(tmp_path: Path) -> Path:
    """A round of one self-assessor and one telephone invitee, no call logged yet."""
    return new_round(tmp_path, "Ann,self\nBob,telephone\n")


def test_a_self_assessment_started_from_a_round_makes_no_call_log(
    round_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n:quit\n"))
    assert cli.main(["round", "assess", "i001", "--plain"]) == 0
    assert len(list(round_folder.glob("2*.toml"))) == 1
    assert not calls.calls_path(round_folder).exists()
    assert cli.main(["round", "status"]) == 0


def test_the_first_call_logged_makes_the_call_log(round_folder: Path) -> None:
    assert cli.main(["round", "call", "i002", "busy", "--caller", "Sam"]) == 0
    [entry] = calls.read(round_folder).entries
    assert (entry.invitee, entry.outcome, entry.caller) == ("i002", "busy", "Sam")
