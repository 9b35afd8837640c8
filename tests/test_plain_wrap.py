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
