"""The area and progress through the questions, at the top of a conversation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from bot.engine import Progress


class ProgressHeader(Vertical):
    """Title, the current area, question n of m, and a progress bar."""

    DEFAULT_CSS = """
    ProgressHeader { height: 2; background: $panel; padding: 0 1; }
    ProgressHeader #title { text-style: bold; width: 1fr; }
    ProgressHeader #where { width: 1fr; color: $text-muted; }
    ProgressHeader ProgressBar { width: 24; }
    ProgressHeader Bar { width: 14; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Static(Content(self.title_text), id="title")
            yield ProgressBar(total=1, show_eta=False, id="bar")
        yield Static("", id="where")

    def show(self, progress: Progress, finished: bool = False) -> None:
        """Show where the respondent is."""
        where = self.query_one("#where", Static)
        bar = self.query_one(ProgressBar)
        if finished:
            where.update(Content(f"Complete: {progress.question_count} questions"))
            bar.update(total=1, progress=1)
            return
        where.update(
            Content(
                f"Area {progress.area_number} of {progress.area_count}: {progress.area_title}"
                f"  ·  Question {progress.question_number} of {progress.question_count}"
            )
        )
        bar.update(
            total=max(progress.question_count, 1), progress=max(progress.question_number - 1, 0)
        )
