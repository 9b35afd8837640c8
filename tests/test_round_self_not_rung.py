"""A self-assessor is reminded, not rung: `round call` and the round screen's `o` refuse
them, naming `round chase`; calls already logged for one (before calls were refused) never
make them unreachable, nor take them out of `round chase`, nor refuse their transcript."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.round_helpers import NOW, log_of, open_round, sample_round, until
from tests.tui_helpers import notifications

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round, the only round in the tests' transcripts folder."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def said(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    out = capsys.readouterr()
    return status, out.out, out.err


def row(out: str, invitee: str) -> str:
    """The line that lists an invitee."""
    return next(line for line in out.splitlines() if line.split()[:1] == [invitee])


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_round_call_refuses_a_self_assessor_naming_round_chase(
    herts: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    before = log_of(herts)
    status, out, err = said(capsys, "round", "call", "h17", "busy", "--caller", "Sam", *force)
    assert status == exit_codes.USAGE
    assert "Logged" not in out
    assert "Grace Archer (h17) assesses themselves" in err
    assert "partnership-bot round chase lists the self-assessors to remind" in err
    assert "nothing was logged" in err
    assert log_of(herts) == before


def test_a_self_assessors_refusal_is_logged_and_status_chase_and_report_agree(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A self-assessor who answers a reminder "we will not take part": `round call ID
    refused` logs it (the one outcome logged for them); they are refused in status and the
    report, and no longer chased."""
    status, _, err = said(capsys, "round", "call", "h17", "busy", "--caller", "Sam")
    assert status == exit_codes.USAGE
    assert "only a refusal (partnership-bot round call h17 refused)" in err
    status, out, err = said(capsys, "round", "call", "h17", "refused", "--caller", "Sam")
    assert status == exit_codes.OK, err
    assert [e for e in log_of(herts) if e.get("invitee") == "h17"][-1]["outcome"] == "refused"
    _, out, _ = said(capsys, "round", "status")
    assert "refused" in row(out, "h17")
    _, out, _ = said(capsys, "round", "chase")
    assert "h17" not in out.split()
    _, out, _ = said(capsys, "round", "report", "--format", "json")
    data = json.loads(out)
    h17 = next(o for o in data["round"]["outstanding"] if o["id"] == "h17")
    assert h17["state"] == "refused"


def test_calls_logged_for_a_self_assessor_leave_them_to_be_chased(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rung = [
        CallEntry(at=NOW + timedelta(minutes=n), invitee="h17", caller="Sam", outcome=outcome)
        for n, outcome in enumerate(["busy"] * 8 + ["wrong_number"])
    ]
    calls.append(herts, rung)
    status, out, err = said(capsys, "round", "status")
    assert status == exit_codes.OK, err
    assert "unreachable" not in row(out, "h17")
    status, out, err = said(capsys, "round", "chase")
    assert status == exit_codes.OK, err
    assert "Grace Archer" in row(out, "h17")


async def test_the_round_screen_refuses_an_outcome_for_a_self_assessor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    before = log_of(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_round(app, pilot, "h17")
        await pilot.press("o")
        await until(pilot, lambda: any("assesses themselves" in n for n in notifications(app)))
        assert app.screen is screen and isinstance(screen, RoundScreen)
        assert any("round chase" in n for n in notifications(app))
        await pilot.press("n")
    assert log_of(sample.folder) == before
