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

from bot.scoring.results import Assessment
from bot.text import clip, printable
from bot.tui.widgets.key_hints import KeyHints
from bot.tui.widgets.score_bars import ScoreBars

AREA_WIDTH = 30
"""Area titles are cut to this in the table, so every column fits in 80 columns."""

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV (actions)"}


def reports_folder() -> Path:
    """Where exported reports go: ./reports."""
    return Path("reports")


class ReportScreen(Screen[None]):
    """One transcript compiled: scores, RAG, suggested actions; export to any format."""

    BINDINGS = [
        Binding("m", "export('md')", "Markdown"),
        Binding("h", "export('html')", "HTML"),
        Binding("j", "export('json')", "JSON"),
        Binding("c", "export('csv')", "CSV"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.assessment: Assessment | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="report-title")
        with VerticalScroll(id="report-body"):
            yield DataTable(id="areas", cursor_type="row", zebra_stripes=True)
            yield ScoreBars(id="bars")
            yield Static("", id="actions")
        with Horizontal(id="export"):
            for fmt, name in FORMATS.items():
                yield Button(f"{name} ({fmt[0]})", id=f"export-{fmt}", compact=True)
        yield Static("", id="export-path")
        yield KeyHints()

    def on_mount(self) -> None:
        from bot import store
        from bot.problems import LoadError
        from bot.scoring import compile_transcript
        from bot.scoring.source import framework_for

        try:
            transcript = store.load(self.path).transcript
            framework, warnings = framework_for(transcript, self.path, self.app.catalogue)  # type: ignore[attr-defined]
        except LoadError as error:
            self.app.show_error("Cannot open the report", str(error))  # type: ignore[attr-defined]
            self.dismiss(None)
            return
        assessment = compile_transcript(transcript, framework, warnings)
        self.assessment = assessment
        who = assessment.respondent
        name = (
            ", ".join(printable(x) for x in (who.name, who.role, who.organisation) if x)
            or "(not named)"
        )
        overall = "no score" if assessment.overall is None else f"{assessment.overall:.0f}/100"
        if assessment.overall_rag:
            overall += f" {assessment.overall_rag.label}"
        if assessment.stage:
            overall += f"  ·  stage: {assessment.stage.label}"
        self.query_one("#report-title", Static).update(
            Content(
                f"{assessment.framework.title}  ·  {name}  ·  {assessment.status.replace('_', ' ')}  ·  overall {overall}"
            )
        )
        table = self.query_one("#areas", DataTable)
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
        for area in assessment.areas:
            for action in area.actions:
                letter = f"{action.letter}) " if action.letter else ""
                lines.append(f"\n{area.area.title}: {letter}{action.action.text}")
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
        for warning in warnings:
            lines.insert(0, f"Note: {warning}\n")
        self.query_one("#actions", Static).update(Content(printable("\n".join(lines))))
        table.focus()

    def action_export(self, fmt: str) -> None:
        if self.assessment is None:
            return
        from bot.report import render_assessment
        from bot.report.command import write_atomically

        target = reports_folder() / f"{self.path.stem}.{fmt}"
        try:
            write_atomically(target, render_assessment(self.assessment, fmt))
        except OSError as error:
            self.app.show_error("Could not export", f"{target}: {error.strerror or error}")  # type: ignore[attr-defined]
            return
        self.query_one("#export-path", Static).update(
            Content(f"Saved {FORMATS[fmt]}: {target.resolve()}")
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_export((event.button.id or "export-md").split("-", 1)[1])

    def action_leave(self) -> None:
        self.dismiss(None)
