"""Plain mode shows a revisited question's answer as the app and the reports do: the
option with its comment, wrapped as every plain line is."""

from __future__ import annotations

import io
from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.plain import PlainMode
from tests.conftest import DATA
from tests.plain_driver import TerminalInput

COMMENT = "the strategy was refreshed in 2008 with every partner at the table and agreed by all"


def run(folder: Path, typed: str, terminal: bool = False) -> str:
    """What plain mode prints for the lines typed, on the small test dialogue (typed at a
    terminal with ``terminal``, where a refused answer is asked again)."""
    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="Ann"), folder)
    out = io.StringIO()
    try:
        lines = TerminalInput(typed) if terminal else io.StringIO(typed)
        PlainMode(talk, lines, out).run()
    finally:
        talk.close()
    return out.getvalue()


def test_the_current_answer_line_keeps_the_comment(tmp_path: Path) -> None:
    out = run(tmp_path, f"3 - {COMMENT}\n:back\n:quit\n")
    shown = out.rpartition("Current answer:")[2].partition(">")[0]
    assert " ".join(shown.split()) == f"Agree - {COMMENT}. Press Enter to keep it."
    block = "   Current answer:" + shown  # not a terminal: 80 columns, the lines indented
    assert all(len(line) <= 80 and line.startswith("   ") for line in block.splitlines())
