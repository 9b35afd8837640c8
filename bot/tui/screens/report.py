"""The report screen: area table with RAG, bar chart, actions, and export."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from bot.figures import figure, share_against, whole_percent
from bot.model.framework import action_marker
from bot.scoring.results import WHOLE_TITLE, Assessment
from bot.text import clip, lines_shown_on_one, printable
from bot.tui.present import call_length_words, overall_words, who_words
from bot.tui.screens.exporting import (
    ExportingScreen,
    export_bindings,
    export_buttons,
)
from bot.tui.widgets.key_hints import KeyHints
from bot.tui.widgets.score_bars import ScoreBars

AREA_WIDTH = 29
"""Area titles are cut to this in the table, so every column fits in 80 columns (with
"not reached" in the Actions column)."""

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV tables"}
"""What each export button says: the CSV holds the report's tables, the actions, then any
registers and facts (the help says so in full)."""


class ReportScreen(ExportingScreen):
    """One transcript compiled: scores, RAG, suggested actions; export to any format."""

    CSS_PATH = ["exporting.tcss", "report.tcss"]
    AUTO_FOCUS = "#report-body"
    HELP_KEYS = [
        ("Up, Down", "scroll a line"),
        ("PageUp, PageDown", "scroll a page"),
        ("Home, End", "the top, or the end (the suggested actions)"),
    ]
    """Keys the help names that are the scrolling body's rather than the screen's."""
    EXPORTS = FORMATS
    HELP_TITLE = "Report keys"
    BINDINGS = [
        *export_bindings(FORMATS, {"csv": "the actions, registers and facts as CSV"}),
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
        yield from export_buttons(FORMATS)
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
                f"{assessment.status_words}{call}  ·  overall {overall}"
            )
        )
        table.add_columns("Area", "Score", "RAG", "Coverage", "Evidence", "Actions")
        for area in assessment.areas:
            table.add_row(
                Text(clip(area.area.title, AREA_WIDTH)),
                # As the reports' table: "n/a" where there is no score, the Actions column
                # saying why (too few answers, not reached, not asked).
                Text(figure(area.score)),
                Text(area.rag.label if area.rag else "n/a"),
                Text(share_against(area.coverage, area.min_coverage / 100, below=not area.enough)),
                Text(whole_percent(area.evidence)),
                # The reports' own words, "too few answers" in a word that fits the column.
                Text(area.actions_cell(short=True)),
            )
        self.query_one(ScoreBars).show(
            [
                (a.area.title, a.score, a.rag.name if a.rag else "", a.rag.label if a.rag else "")
                for a in assessment.areas
            ],
            width=20,
        )
        lines = ["Suggested actions"]
        if assessment.actions:
            # The paper report's own words, so each priority can be checked from what is shown.
            from bot.report.data import wording_note
            from bot.scoring.compile import PRIORITY_RULE

            lines.append(f"How priority is set: {PRIORITY_RULE}")
            lines.append(f"Wording: {wording_note(assessment.framework)}")
        for action in assessment.actions:
            letter = action_marker(action.letter)
            title = action.area.title if action.area else WHOLE_TITLE
            lines.append(f"\n{title}: {letter}{action.action.text}")
            if action.action.source:
                lines.append(f"   source: {action.action.source}")
            lines.append(
                f"   priority {action.priority} (need {figure(action.need)})"
                + (f"; suggested owner: {action.action.owner}" if action.action.owner else "")
                + (f"; suggested due date: {action.due}" if action.due else "")
            )
            if action.triggers:
                lines.append(f"   because: {'; '.join(action.triggers)}")
            lines.extend(f'   they said: "{quote}"' for quote in action.quotes)
        if len(lines) == 1:
            # Where too few statements were answered, the report's own words for why.
            lines.append(assessment.actions_words or "None.")
        if assessment.unjudged.words():
            lines.insert(0, f"{assessment.unjudged.words()}\n")
        # Each repeated group's items on the final path (a risk register), as the reports
        # list them.
        for area in assessment.areas:
            for register in area.registers:
                lines.append(f"\n{register.group.title} ({area.area.title})")
                for row in register.items:
                    # On one line, as every report's register: a pasted line break as " / ".
                    cells = [
                        lines_shown_on_one(
                            a.shown_answer
                            + (f" ({a.answer.comment})" if a.answer and a.answer.comment else "")
                        )
                        for a in row.answers
                    ]
                    lines.append(f"   {row.item}. " + "  ·  ".join(cells))
                if not register.items:
                    lines.append(f"   {register.empty_words}")
        for warning in assessment.warnings:
            lines.insert(0, f"Note: {warning}\n")
        self.query_one("#actions", Static).update(Content(printable("\n".join(lines))))

    def export_stem(self) -> str:
        """Exports are named after the transcript."""
        return self.path.stem

    def export_text(self, fmt: str) -> str:
        """The report in a format."""
        from bot.report import render_assessment

        return render_assessment(self.assessment, fmt)
