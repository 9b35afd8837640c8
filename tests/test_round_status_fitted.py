"""`round status` at 80 and 60 columns, with someone being called and someone's transcript
open elsewhere: as the README says, the last call's wording shortens and the role narrows
and goes (who holds someone shortens too) before the name, the state and the calls; every
row keeps its count of calls."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import cli, exit_codes, store
from bot.rounds import calls
from bot.rounds.calls import LEASE, CallEntry
from tests.conftest import ROOT

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def rows(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert cli.main(["round", "status"]) == exit_codes.OK
    out = capsys.readouterr().out
    return out.split("\nInvitees (40)\n", 1)[1].splitlines()[:40]


@pytest.mark.parametrize("width", [80, 60])
def test_calls_stay_at_80_and_60_columns_with_invitees_held(
    herts: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    width: int,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    calls.append(
        herts,
        [
            CallEntry(
                at=now, invitee="h39", caller="Ruth Lane", outcome="calling", until=now + LEASE
            )
        ],
    )
    monkeypatch.setenv("COLUMNS", str(width))
    _, writer = store.open_for_writing(herts / "h14-david-hughes.toml")  # open elsewhere
    try:
        listed = rows(capsys)
    finally:
        writer.close()
    assert len(listed) == 40
    for line in listed:
        assert len(line) <= width, line
        assert "…" not in line.split("calls")[-1], line  # nothing cut
        assert " calls " in f"{line} " or line.rstrip().split()[-2] == "calls", line
    h14 = next(line for line in listed if line.split()[0] == "h14")
    h39 = next(line for line in listed if line.split()[0] == "h39")
    assert "David Hughes" in h14 and "in progress" in h14 and "busy" in h14
    assert "not started" in h39 and "busy" in h39
    if width == 80:
        assert "busy: transcript open" in h14 and "busy: Ruth Lane" in h39
