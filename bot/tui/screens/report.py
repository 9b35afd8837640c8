"""The report screen: area table with RAG, bar chart, actions, and export."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from bot.scoring.results import WHOLE_TITLE, Assessment
from bot.text import clip, printable
from bot.tui.present import call_length_words, overall_words, who_words
from bot.tui.widgets.key_hints import KeyHints, help_rows
from bot.tui.widgets.score_bars import ScoreBars
from bot.turn_words import status_words

AREA_WIDTH = 30
"""Area titles are cut to this in the table, so every column fits in 80 columns."""

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV (actions)"}


def reports_folder() -> Path:
    """Where exported reports go: ./reports."""
    return Path("reports")


def free_name(folder: Path, stem: str, fmt: str) -> Path:
    """`stem.fmt` in the folder, or `stem-2.fmt`, `stem-3.fmt`... if that is taken: an
    export never replaces an earlier one."""
    target = folder / f"{stem}.{fmt}"
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}.{fmt}"
        number += 1
    return target


class ReportScreen(Screen[None]):
    """One transcript compiled: scores, RAG, suggested actions; export to any format."""

    AUTO_FOCUS = "#report-body"
    HELP_KEYS = [
        ("Up, Down", "scroll a line"),
        ("PageUp, PageDown", "scroll a page"),
        ("Home, End", "the top, or the end (the suggested actions)"),
    ]
    """Keys the help names that are the scrolling body's rather than the screen's."""
    BINDINGS = [
        Binding("m", "export('md')", "Markdown", tooltip="export as Markdown to ./reports/"),
        Binding("h", "export('html')", "HTML", tooltip="export as HTML to ./reports/"),
        Binding("j", "export('json')", "JSON", tooltip="export as JSON to ./reports/"),
        Binding("c", "export('csv')", "CSV", tooltip="export the actions as CSV to ./reports/"),
        Binding("escape", "leave", "Back", tooltip="back"),
        Binding("f1", "help", "Help", tooltip="this help"),
    ]

    def __init__(self, assessment: Assessment, path: Path) -> None:
        super().__init__()
        self.assessment = assessment
        """What is shown and exported (compiled once, by whoever opened the screen)."""
        self.path = path
        """The transcript it was compiled from (exports are named after it)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="report-title")
        # The body is one document that scrolls from the keyboard; the table inside it is
        # for reading, so it never takes the focus (or the arrow keys) from the body.
        with VerticalScroll(id="report-body"):
            yield DataTable(id="areas", cursor_type="none", zebra_stripes=True)
            yield ScoreBars(id="bars")
            yield Static("", id="actions")
        with Horizontal(id="export"):
            for fmt, name in FORMATS.items():
                yield Button(f"{name} ({fmt[0]})", id=f"export-{fmt}", compact=True)
        yield Static("", id="export-path")
        yield KeyHints()

    def on_mount(self) -> None:
        assessment = self.assessment
        table = self.query_one("#areas", DataTable)
        table.can_focus = False
        overall = overall_words(assessment)
        call = (
            ""
            if assessment.call_seconds is None
            else f"  ·  call {call_length_words(assessment.call_seconds)}"
        )
        self.query_one("#report-title", Static).update(
            Content(
                f"{assessment.framework.title}  ·  {who_words(assessment.respondent)}  ·  "
                f"{status_words(assessment.status)}{call}  ·  overall {overall}"
            )
        )
        table.add_columns("Area", "Score", "RAG", "Coverage", "Evidence", "Actions")
        for area in assessment.areas:
            table.add_row(
                Text(clip(area.area.title, AREA_WIDTH)),
                Text(
                    f"{area.score:.0f}"
                    if area.score is not None
                    else "n/a"
                    if area.enough
                    else "too few answers"
                ),
                Text(area.rag.label if area.rag else "n/a"),
                Text("n/a" if area.coverage is None else f"{area.coverage * 100:.0f}%"),
                Text("n/a" if area.evidence is None else f"{area.evidence * 100:.0f}%"),
                Text(str(len(area.actions))),
            )
        self.query_one(ScoreBars).show(
            [
                (a.area.title, a.score, a.rag.name if a.rag else "", a.rag.label if a.rag else "")
                for a in assessment.areas
            ],
            width=20,
        )
        lines = ["Suggested actions"]
        for action in assessment.actions:
            letter = f"{action.letter}) " if action.letter else ""
            title = action.area.title if action.area else WHOLE_TITLE
            lines.append(f"\n{title}: {letter}{action.action.text}")
            if action.action.source:
                lines.append(f"   source: {action.action.source}")
            lines.append(
                f"   priority {action.priority} (need {action.need:.0f})"
                + (f"; owner: {action.action.owner}" if action.action.owner else "")
                + (f"; by {action.due}" if action.due else "")
            )
            if action.triggers:
                lines.append(f"   because: {'; '.join(action.triggers)}")
            lines.extend(f'   they said: "{quote}"' for quote in action.quotes)
        if len(lines) == 1:
            lines.append("None.")
        # Each repeated group's items on the final path (a risk register), as the reports
        # list them.
        for area in assessment.areas:
            for register in area.registers:
                lines.append(f"\n{register.group.title} ({area.area.title})")
                for row in register.items:
                    cells = [
                        a.shown_answer
                        + (f" ({a.answer.comment})" if a.answer and a.answer.comment else "")
                        for a in row.answers
                    ]
                    lines.append(f"   {row.item}. " + "  ·  ".join(cells))
                if not register.items:
                    lines.append(f"   No {register.group.item} was named.")
        for warning in assessment.warnings:
            lines.insert(0, f"Note: {warning}\n")
        self.query_one("#actions", Static).update(Content(printable("\n".join(lines))))

    def action_export(self, fmt: str) -> None:
        from bot.files import write_atomically
        from bot.report import render_assessment

        try:
            target = free_name(reports_folder(), self.path.stem, fmt)
            write_atomically(target, render_assessment(self.assessment, fmt))
        except OSError as error:
            from bot.tui.screens.dialogs import MessageScreen

            self.app.push_screen(
                MessageScreen("Could not export", f"{reports_folder()}: {error.strerror or error}")
            )
            return
        self.query_one("#export-path", Static).update(
            Content(f"Saved {FORMATS[fmt]}: {target.resolve()}")
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_export((event.button.id or "export-md").split("-", 1)[1])

    def action_leave(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("Report keys", help_rows(self)))
