"""The area and progress through the questions, at the top of a conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from bot.tui.who_line import who_line

if TYPE_CHECKING:  # named in annotations only
    from bot.engine import Progress
    from bot.model import Respondent

BAR_WIDTH = 20
GAP = 2
"""Cells between the title and the bar, and between the area and the count."""


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> Content:
    """A text bar with the percentage: ━━━━━━──────── 40%."""
    share = done / total if total else 1.0
    filled = round(width * share)
    return Content.assemble(
        ("━" * filled, "$accent"), ("─" * (width - filled), "$text-muted"), f" {share:4.0%}"
    )


class ProgressHeader(Widget):
    """Title (after who is answering, where given) and bar on one line; the area and
    question n of m on the next.

    One widget drawing its two lines: it draws what a row of two labels each did (the
    left one cut with an ellipsis, the right one whole), at the cost of one widget
    rather than seven at start-up.
    """

    COMPONENT_CLASSES = {"progress-header--title", "progress-header--muted"}
    DEFAULT_CSS = """
    ProgressHeader { height: 2; background: $panel; padding: 0 1; }
    ProgressHeader > .progress-header--title { text-style: bold; }
    ProgressHeader > .progress-header--muted { color: $text-muted; }
    """

    def __init__(self, title: str, who: Respondent | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.who = who
        """Who is answering, named before the title (a self-assessment's header), or None
        where the screen names them elsewhere (the interview's call bar)."""
        self.filled = (0, 1)
        """How far the bar is filled: done out of a total."""
        self.bar = progress_bar(*self.filled)
        """The bar, as drawn now."""
        self.where = ""
        """Where the respondent is (the area), or that the conversation is complete."""
        self.count = ""
        """Question n of m ("" once complete). It has its own place at the end of the line,
        so that a long area title is cut and the count never is."""

    def show(self, progress: Progress) -> None:
        """Show where the respondent is."""
        total = max(progress.question_count, 1)
        self.show_at(
            max(progress.question_number - 1, 0), total, progress.where, progress.count_words
        )

    def show_at(self, done: int, total: int, where: str, count: str) -> None:
        """Show the bar filled to ``done`` of ``total``, with where and the count."""
        self.filled = (done, total)
        self.bar = progress_bar(done, total)
        self.where = where
        self.count = count
        self.refresh()

    def show_end(self, answered: int, total: int, complete: bool, in_registers: int = 0) -> None:
        """Show how the conversation ended (`bot.engine.path.answered_of` counts, as the
        home list does): complete, with the questions its path took (``in_registers`` of
        them a repeated group's, counted once though asked for each item, said so: the
        answers' tally counts the others); or abandoned, with the questions answered out
        of the dialogue's count, and the bar filled to that count: the questions answered
        (a Don't know, a refusal or Not applicable is not), not how far the conversation
        got, so it matches the words beside it."""
        if complete:
            registers = (
                f"including {in_registers} asked for each item of a register"
                if in_registers
                else ""
            )
            self.show_at(1, 1, f"Complete: {total} questions", registers)
        else:
            count = f"{answered} of {total} questions answered"
            self.show_at(answered, max(total, 1), "Abandoned", count)

    def render_line(self, y: int) -> Strip:
        """The title and the bar (line 0), or where and the count (line 1): the left part
        cut with an ellipsis to the room the right part leaves it (at least one cell), the
        right part after a gap, the line cut at the width if even that does not fit."""
        width = self.size.width
        if y == 0:
            right, right_style = self.bar, ""
            room = max(width - right.cell_length - GAP, 1)
            # Who is answering, then the title: the title is cut first (`who_line`).
            words = (
                self.title_text
                if self.who is None
                else who_line(self.who, room, title=self.title_text)
            )
            left, left_style = Content(words), "progress-header--title"
        elif y == 1:
            left, left_style = Content(self.where), "progress-header--muted"
            right, right_style = Content(self.count), "progress-header--muted"
        else:
            return Strip.blank(width, self.rich_style)
        room = max(width - right.cell_length - GAP, 1)
        shown = left.truncate(room, ellipsis=True, pad=True)
        segments = [
            *shown.render_segments(self.get_visual_style(left_style)),
            Segment(" " * GAP, self.rich_style),
            *right.render_segments(
                self.get_visual_style(right_style) if right_style else self.visual_style
            ),
        ]
        return Strip(segments).crop_extend(0, width, self.rich_style)
