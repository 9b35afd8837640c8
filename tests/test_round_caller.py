"""Who is calling: one rule (--caller, else $PARTNERSHIP_BOT_CALLER, else the name remembered
when last asked, else asked for) on the command line and in the app; never a placeholder
in the call log, the transcript or the report."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from bot.catalogue import Catalogue
from bot.rounds import caller
from bot.rounds.caller import check_name, known_caller, remember
from bot.rounds.folder import load_round
from bot.rounds.work import open_conversation, snapshot
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.screens.round import RoundScreen
from tests.conftest import ROOT
from tests.plain_driver import run
from tests.tui_helpers import make_app

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NOW = datetime(2009, 12, 1, 10, 0, tzinfo=UTC)
INVITEES = "name,organisation,role,sector,mode,contact\n" + (
    "Ann,Org,Councillor,public,telephone,0101\nBob,Org2,Police,public,telephone,0202\n"
)


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch) -> None:
    """No caller configured: not in the environment, none remembered (and no $USER to
    fall back on, which would be a login name, not a person's)."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    monkeypatch.delenv("USER", raising=False)


def test_the_rule_in_order(nobody: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert known_caller() == "" and known_caller("  ") == ""
    remember("Pat Remembered")
    assert known_caller() == "Pat Remembered"
    monkeypatch.setenv(caller.VARIABLE, "Jo Environment")
    assert known_caller() == "Jo Environment"
    assert known_caller(" Sam Given ") == "Sam Given"
    assert check_name("2") and check_name("") and check_name("a\x1b[2J") and not check_name("Al")


def test_an_interview_needs_a_name(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = tmp_path / "r"
    shutil.copytree(SAMPLE, folder)
    shot = snapshot(folder, NOW)
    telephone = next(s for s in shot.invitees if s.invitee.mode == "telephone")
    with pytest.raises(ValueError, match="interviewer's name"):
        open_conversation(catalogue, load_round(folder), telephone, "")


def test_the_command_line_refuses_to_record_a_call_without_a_name(
    tmp_path: Path, nobody: None
) -> None:
    env = dict(os.environ)
    (tmp_path / "inv.csv").write_text(INVITEES, encoding="utf-8")
    assert (
        run(
            "round", "new", "t", "--title", "T", "-f", "hertfordshire-review", cwd=tmp_path, env=env
        ).returncode
        == 0
    )
    assert run("round", "import", "inv.csv", cwd=tmp_path, env=env).returncode == 0
    folder = Path(env["PARTNERSHIP_BOT_TRANSCRIPTS"]) / "rounds" / "t"
    for args, stdin in (
        (["round", "interview", "i002", "--plain"], "2\n"),
        (["round", "call", "i001", "busy"], ""),
        (["round", "next", "--claim"], ""),
    ):
        done = run(*args, stdin=stdin, cwd=tmp_path, env=env)
        assert done.returncode == 2, done.stderr
        assert "who is calling? Give --caller NAME or set $PARTNERSHIP_BOT_CALLER" in done.stderr
    assert not (folder / "calls.jsonl").exists()
    assert not list(folder.glob("2*.toml"))  # no interview was started
    # Named once in the environment: the same name in the log and the transcript.
    env[caller.VARIABLE] = "Jo Smith"
    done = run("round", "interview", "i002", "--plain", stdin="2\n", cwd=tmp_path, env=env)
    assert "Traceback" not in done.stderr
    claimed = run("round", "next", "--claim", cwd=tmp_path, env=env)
    assert "Logged: Jo Smith calling" in claimed.stdout
    log = [json.loads(x) for x in (folder / "calls.jsonl").read_text().splitlines()]
    assert {e["caller"] for e in log} == {"Jo Smith"}
    [transcript] = folder.glob("2*.toml")
    assert '[interviewer]\nname = "Jo Smith"' in transcript.read_text()


async def test_the_round_screen_asks_who_is_calling_and_remembers(
    tmp_path: Path, catalogue: Catalogue, nobody: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    transcripts = tmp_path / "transcripts"
    folder = transcripts / "rounds" / "hertfordshire-2009"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setattr("bot.tui.screens.round.now_utc", lambda: NOW)
    app = make_app(catalogue, transcripts)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        screen = RoundScreen(catalogue, folder, None, lambda: NOW)
        await app.push_screen(screen)
        for _ in range(200):
            if screen.shot is not None:
                break
            await pilot.pause(0.05)
        assert "asked when you first ring" in str(screen.query_one("#round-title", Static).render())
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        before = (folder / "calls.jsonl").read_text()
        for key in "Pat Officer":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        added = (folder / "calls.jsonl").read_text()[len(before) :]
        entry = json.loads(added)
        assert (entry["outcome"], entry["caller"]) == ("calling", "Pat Officer")
        assert known_caller() == "Pat Officer"  # remembered for next time
        assert "Caller: Pat Officer" in str(screen.query_one("#round-title", Static).render())
