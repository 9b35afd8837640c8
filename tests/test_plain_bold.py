"""At a colour terminal plain mode shows each question in bold: the bold is obeyed, never
printed as an escape (what the respondent typed or the framework says stays text)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.plain import PlainMode


class ColourTerminal(io.StringIO):
    """A terminal's output, which may show colour."""

    def isatty(self) -> bool:
        return True


def test_a_question_is_bold_not_an_escape_shown(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    talk = conversation.start(
        catalogue, "hertfordshire-review", "hertfordshire-survey", Respondent(name="Cat"), tmp_path
    )
    out = ColourTerminal()
    try:
        PlainMode(talk, io.StringIO(""), out).run()
    finally:
        talk.close()
    text = out.getvalue()
    assert "\\x1b" not in text
    assert "\x1b[1mS1 (1 of 18). The partnership you are involved with" in text
    assert text.count("\x1b[1m") == text.count("\x1b[0m")
