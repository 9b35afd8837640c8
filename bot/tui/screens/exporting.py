"""What the report, comparison and plan screens share: exporting what they show to
./reports/ in a key or a click (never replacing an earlier export), their help, and
going back. One definition, so the three say and do the same."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from bot.text import printable
from bot.tui.widgets.key_hints import help_rows

EXPORT_KEYS = {"md": "m", "html": "h", "json": "j", "csv": "c"}
"""The key that exports each format, on every screen that exports."""
BINDING_LABELS = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV"}
"""Each format's name in the key hints."""


def reports_folder() -> Path:
    """Where exported reports go: ./reports."""
    return Path("reports")


def export_failed_words(target: Path, error: OSError) -> str:
    """Why an export to ``target`` was not written, and what to do (`bot.files.remedy`,
    the one rule): the file's full path, made printable (the folder's name is the user's)."""
    from bot.files import remedy

    reason = error.strerror or str(error)
    return printable(
        f"{target} could not be written ({reason}): {remedy(error)}, then export again."
    )


def export_bindings(
    formats: dict[str, str], what: dict[str, str] | None = None, show: bool = True
) -> list[Binding]:
    """A binding per format: its key (`m`, `h`, `j`, `c`), and a tooltip (what the help
    says) naming what is exported where; ``what`` words a format's export where it is
    more than the screen ("the actions, registers and facts as CSV")."""
    said = what or {}
    return [
        Binding(
            EXPORT_KEYS[fmt],
            f"export('{fmt}')",
            BINDING_LABELS[fmt],
            show=show,
            tooltip=f"export {said.get(fmt, f'as {BINDING_LABELS[fmt]}')} to ./reports/",
        )
        for fmt in formats
    ]


def export_buttons(formats: dict[str, str]) -> ComposeResult:
    """The export buttons, each with its key, and the line that says where it was saved."""
    with Horizontal(id="export"):
        for fmt, name in formats.items():
            yield Button(f"{name} ({EXPORT_KEYS[fmt]})", id=f"export-{fmt}", compact=True)
    yield Static("", id="export-path")


class ExportingScreen(Screen[None]):
    """A screen that shows a document and exports it to ./reports/: subclasses say what
    is exported (`export_stem`, `export_text`) and may say elsewhere where it was saved
    (`show_saved`) or list their help otherwise (`help_keys`)."""

    CSS_PATH = "exporting.tcss"
    """The export row's rules (a subclass with a stylesheet of its own lists this first)."""
    EXPORTS: ClassVar[dict[str, str]] = {}
    """Format -> its name on the buttons and in "Saved ...": the formats offered."""
    HELP_TITLE: ClassVar[str] = "Keys"
    """The help's title."""

    def export_stem(self) -> str | None:
        """The exported file's name without its ending; None while there is nothing to
        export yet."""
        raise NotImplementedError

    def export_text(self, fmt: str) -> str:
        """What is exported, in a format."""
        raise NotImplementedError

    def show_saved(self, message: str) -> None:
        """Say where the export was saved (under the export buttons)."""
        self.query_one("#export-path", Static).update(Content(message))

    def help_keys(self) -> list[tuple[str, str]]:
        """The help's rows: the screen's keys and what each does."""
        return help_rows(self)

    def action_export(self, fmt: str) -> None:
        """Write what the screen shows to ./reports/ in a format (never replacing an
        earlier export), and say where."""
        from bot.files import write_new

        stem = self.export_stem()
        if stem is None:
            return
        folder = reports_folder().resolve()
        target = folder / f"{stem}.{fmt}"
        try:
            # Named as it is made: two windows exporting at once get two files.
            target = write_new(folder, stem, f".{fmt}", self.export_text(fmt))
        except OSError as error:
            from bot.tui.screens.dialogs import MessageScreen

            # An earlier export's "Saved ..." line would read as this one's.
            self.show_saved("")
            self.app.push_screen(
                MessageScreen("Could not export", export_failed_words(target, error))
            )
            return
        # The folder's name is the user's: shown, never obeyed by the terminal.
        self.show_saved(printable(f"Saved {self.EXPORTS[fmt]}: {target.resolve()}"))

    @on(Button.Pressed, "#export Button")
    def _export_pressed(self, event: Button.Pressed) -> None:
        self.action_export((event.button.id or "export-md").split("-", 1)[1])

    def action_leave(self) -> None:
        """Back to the screen before."""
        self.dismiss(None)

    def action_help(self) -> None:
        """The screen's keys."""
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(self.HELP_TITLE, self.help_keys()))
