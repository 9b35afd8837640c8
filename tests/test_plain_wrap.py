"""Plain mode wraps to the terminal's width (80 columns where its output is not a
terminal), never breaking a word: in an 80-column terminal no line is wider than 80, so
the terminal never folds one mid-word ("when they ca" / "nnot.")."""

from __future__ import annotations

import io

import pytest

from bot.plain import PlainMode

# Longer than 80 columns and shorter than 88: a line the terminal folded mid-word.
TEXT = "L2 (2 of 8). Board members attend regularly and send deputies when they cannot do so."
LONG_WORD = "https://example.org/" + "a" * 90


class Terminal(io.StringIO):
    """A terminal's output."""

    def isatty(self) -> bool:
        return True


def wrapped(out: io.StringIO, text: str, indent: str = "") -> list[str]:
    """The lines plain mode prints for ``text``."""
    plain = PlainMode.__new__(PlainMode)
    plain.stdout, plain.colour = out, False
    plain.wrapped(text, indent=indent)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_lines_fit_the_terminal_and_keep_every_word_whole(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))  # what shutil.get_terminal_size reads first
    lines = wrapped(Terminal(), TEXT, indent="  ")
    assert all(len(line) <= columns for line in lines), lines
    assert " ".join(line.strip() for line in lines).split() == TEXT.split()
    if columns >= len(TEXT) + 2:
        assert len(lines) == 1


def test_output_that_is_not_a_terminal_wraps_at_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    lines = wrapped(io.StringIO(), TEXT)
    assert len(lines) == 2 and all(len(line) <= 80 for line in lines)
    assert lines[0].endswith("when they cannot")  # the word whole, never "ca" / "nnot"


def test_a_word_longer_than_a_line_is_left_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = wrapped(Terminal(), f"See {LONG_WORD} for more.")
    assert LONG_WORD in lines


def test_a_refusal_is_wrapped_as_every_plain_line(tmp_path) -> None:
    """An answer refused ("did you mean", "could mean either") is said in lines of the
    width, every word whole, as the question above it is."""
    from tests.test_plain_current_answer import run

    out = run(tmp_path, "agre\n2 3\n:quit\n", terminal=True)
    said = out.partition("> ")[2].rpartition("> ")[0].replace("> ", "")
    assert "did you mean Agree (3)?" in said and "could mean Partly agree (2) or" in said
    assert len(said.splitlines()) > 2 and all(len(line) <= 80 for line in said.splitlines())


def test_a_printed_replay_is_wrapped_under_each_turns_text(tmp_path) -> None:
    """`replay --plain`: a turn's text (a long comment) goes on under its text at 80
    columns when the output is not a terminal, never breaking a word, never under the
    turn's number."""
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from bot.replay_text import TURN_INDENT
    from tests.conftest import DATA
    from tests.plain_driver import run

    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="Ann"), tmp_path)
    try:
        talk.begin()
        talk.answer(f"3 - {TEXT} {TEXT}")
    finally:
        talk.close()
    done = run("replay", str(talk.path), "--plain", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    (first,) = [i for i, line in enumerate(lines) if "Respondent: Agree - L2" in line]
    assert lines[first + 1].startswith(TURN_INDENT + "and send")  # under the text
    said = " ".join(" ".join(lines[first : first + 4]).split())
    assert f"Agree - {TEXT} {TEXT}" in said
