"""The exit statuses: one table in the code, the same in the README and in --help."""

from __future__ import annotations

import re

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT


def test_the_readme_lists_every_status_once_as_the_code_defines_it() -> None:
    readme = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", readme, re.M)
    assert [int(status) for status, _ in rows] == list(exit_codes.MEANINGS)
    assert dict((int(s), m) for s, m in rows) == exit_codes.MEANINGS


def test_help_lists_every_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    for status in exit_codes.MEANINGS:
        assert re.search(rf"^  {status} ", shown, re.M), status


def test_round_help_says_what_each_conversation_command_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["round", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "start or resume an invitee's self-assessment" in shown
    assert "start or resume an invitee's telephone interview" in shown
    assert "resume call" not in shown
