"""End to end: the installed command on terminals that cannot draw the app."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot import store
from tests.plain_driver import run

pytestmark = pytest.mark.e2e


def dumb_terminal(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TERM": "dumb", "PARTNERSHIP_BOT_TRANSCRIPTS": str(tmp_path / "t")}


def test_a_dumb_terminal_gets_plain_mode(tmp_path: Path) -> None:
    result = run(
        "assess",
        "-f",
        "working-better-together",
        stdin="3\n:quit\n",
        cwd=tmp_path,
        env=dumb_terminal(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "TERM=dumb" in result.stderr and "plain mode" in result.stderr
    assert "\x1b" not in result.stdout  # no full-screen, mouse or colour sequences
    assert "1.1 (1 of 37)." in result.stdout
    (path,) = (tmp_path / "t").glob("*.toml")
    answers = [t for t in store.load(path).transcript.turns if t.kind == "answer"]
    assert len(answers) == 1


def test_the_home_screen_on_a_dumb_terminal_points_to_plain_mode(tmp_path: Path) -> None:
    result = run(stdin="", cwd=tmp_path, env=dumb_terminal(tmp_path))
    assert result.returncode == 2
    assert "TERM=dumb" in result.stderr and "--plain" in result.stderr
    assert result.stdout == ""


def test_plain_mode_on_a_dumb_terminal_sends_no_escape_sequences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from bot.plain import PlainMode
    from tests.tui_helpers import mini_catalogue, start

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    talk = start(mini_catalogue(), tmp_path)
    out = Terminal()
    try:
        PlainMode(talk, io.StringIO("3\n:quit\n"), out).run()
    finally:
        talk.close()
    assert "\x1b" not in out.getvalue() and "The partnership works well." in out.getvalue()
