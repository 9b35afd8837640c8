"""The area and progress through the questions, at the top of a conversation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from bot.engine import Progress

BAR_WIDTH = 20


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> Content:
    """A text bar with the percentage: ━━━━━━──────── 40%."""
    share = done / total if total else 1.0
    filled = round(width * share)
    return Content.assemble(
        ("━" * filled, "$accent"), ("─" * (width - filled), "$text-muted"), f" {share:4.0%}"
    )


class ProgressHeader(Vertical):
    """Title and bar on one line; the area and question n of m on the next."""

    DEFAULT_CSS = """
    ProgressHeader { height: 2; background: $panel; padding: 0 1; }
    ProgressHeader > Horizontal { height: 1; }
    ProgressHeader #title { text-style: bold; width: 1fr; height: 1; margin-right: 2; text-wrap: nowrap; text-overflow: ellipsis; }
    ProgressHeader #bar { width: auto; }
    ProgressHeader #where { color: $text-muted; width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    ProgressHeader #count { color: $text-muted; width: auto; margin-left: 2; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(Content(self.title_text), id="title")
            yield Static(progress_bar(0, 1), id="bar")
        # The count has its own place, so a long area title is cut and the count never is.
        with Horizontal():
            yield Static("", id="where")
            yield Static("", id="count")

    def show(self, progress: Progress, finished: bool = False) -> None:
        """Show where the respondent is."""
        total = max(progress.question_count, 1)
        done = total if finished else max(progress.question_number - 1, 0)
        self.query_one("#bar", Static).update(progress_bar(done, total))
        if finished:
            where = f"Complete: {progress.question_number} questions"
            count = ""
        else:
            where = progress.where
            count = progress.count_words
        self.query_one("#where", Static).update(Content(where))
        self.query_one("#count", Static).update(Content(count))
