"""Plain mode's :abandon confirmation never eats the next line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.plain import PlainMode
from tests.conftest import DATA


def run(folder: Path, typed: str) -> tuple[int, str, Path]:
    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="Ann"), folder)
    out = io.StringIO()
    try:
        status = PlainMode(talk, io.StringIO(typed), out).run()
    finally:
        talk.close()
    return status, out.getvalue(), talk.path


def said(path: Path) -> list[str]:
    return [t.text for t in store.load(path).transcript.turns if t.speaker == "respondent"]


def test_an_answer_typed_at_the_confirmation_is_kept_as_the_answer(tmp_path: Path) -> None:
    status, out, path = run(tmp_path, ":abandon\n2 - WANTED answer\n:quit\n")
    assert status == exit_codes.OK
    assert "Not abandoned: that is neither yes nor no, so it is taken as typed" in out
    assert said(path) == ["2 - WANTED answer"]
    assert store.load(path).transcript.status == "in_progress"


@pytest.mark.parametrize("reply", ["no", "n", ""])
def test_no_carries_on_and_is_not_an_answer(tmp_path: Path, reply: str) -> None:
    status, out, path = run(tmp_path, f":abandon\n{reply}\n3\n:quit\n")
    assert status == exit_codes.OK
    assert "Not abandoned." in out
    assert said(path) == ["3"]


def test_yes_abandons(tmp_path: Path) -> None:
    status, _, path = run(tmp_path, "3\n:abandon\nyes\n")
    assert status == exit_codes.OK
    assert store.load(path).transcript.status == "abandoned"


def test_a_command_typed_at_the_confirmation_is_obeyed(tmp_path: Path) -> None:
    status, out, path = run(tmp_path, "3\n:abandon\n:quit\n")
    assert status == exit_codes.OK and "Saved." in out
    assert store.load(path).transcript.status == "in_progress"
