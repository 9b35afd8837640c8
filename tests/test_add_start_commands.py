"""`add` says how to start what it added: `assess` for a self-assessment dialogue,
`interview` for a telephone one (its `mode`), as docs/formats.md gives them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.model.dialogue import conversation_command
from tests.conftest import DATA
from tests.plain_driver import command


def test_each_mode_has_its_command() -> None:
    assert conversation_command("telephone") == "interview"
    assert conversation_command("self") == "assess"


@pytest.mark.e2e
def test_add_names_interview_for_a_telephone_dialogue(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(DATA / "mini.toml", mine / "fw.toml")
    shutil.copy(DATA / "mini-chat.toml", mine / "chat.toml")
    chat = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    phone = chat.replace('id = "mini-chat"', 'id = "mini-phone"\nmode = "telephone"', 1)
    (mine / "phone.toml").write_text(phone, encoding="utf-8")
    files = [str(mine / name) for name in ("fw.toml", "chat.toml", "phone.toml")]
    result = subprocess.run(
        [command(), "add", *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    started = result.stdout.split("Start it with one of:\n", 1)[1].splitlines()
    assert [line.strip() for line in started] == [
        "partnership-bot assess -f mini",
        "partnership-bot assess -f mini -d mini-chat",
        "partnership-bot interview -f mini -d mini-phone",
    ]


@pytest.mark.e2e
def test_add_names_interview_for_a_framework_whose_only_dialogue_is_telephone(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(DATA / "mini.toml", mine / "fw.toml")
    chat = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    phone = chat.replace('id = "mini-chat"', 'id = "mini-phone"\nmode = "telephone"', 1)
    (mine / "phone.toml").write_text(phone, encoding="utf-8")
    files = [str(mine / name) for name in ("fw.toml", "phone.toml")]
    result = subprocess.run(
        [command(), "add", *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    started = result.stdout.split("Start it with", 1)[1].splitlines()[1:]
    assert [line.strip() for line in started if line.strip()] == [
        "partnership-bot interview -f mini",
        "partnership-bot interview -f mini -d mini-phone",
    ]
