"""Names a round's files take (invitees imported from CSV, an action's owner) are stored
by the one rule the transcripts store the same words by (`bot.text.clean_line`): no
terminal escape or control character kept in round.toml or plan.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.rounds import caller
from bot.rounds.folder import load_round
from bot.rounds.plan import read_plan
from bot.text import clean_line
from tests.conftest import ROOT
from tests.round_helpers import new_round

NAME = "Ann \x1b[31mRed\x1b[0m"
ORGANISATION = "Borough\x07 Council"


def test_invitees_imported_from_csv_are_stored_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    folder = new_round(tmp_path, "Bob,self\n")
    (tmp_path / "more.csv").write_text(
        f'name,organisation\n"{NAME}","{ORGANISATION}"\n', encoding="utf-8"
    )
    assert cli.main(["round", "import", "more.csv"]) == 0
    ann = load_round(folder).round.invitees[-1]
    assert ann.name == clean_line(NAME) == "Ann Red"
    assert ann.organisation == "Borough Council"
    text = (folder / "round.toml").read_text(encoding="utf-8")
    assert "\\u001b" not in text and "\\u0007" not in text and "\x1b" not in text
    # The same file again names the same person: nobody is added.
    assert cli.main(["round", "import", "more.csv"]) == 0
    assert len(load_round(folder).round.invitees) == 2


def test_an_owner_typed_for_an_action_is_stored_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "transcripts" / "rounds" / "hertfordshire-2009"
    shutil.copytree(ROOT / "transcripts" / "rounds" / "hertfordshire-2009", folder)
    status = cli.main(
        ["round", "plan", "-r", "hertfordshire-2009", "--set", "7.1", "--owner", "LSP\x1b[1m Exec"]
    )
    assert status == 0
    plan = read_plan(folder)
    assert plan is not None
    action = plan.find("7.1")
    assert action is not None and action.owner == "LSP Exec"
