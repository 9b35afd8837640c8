"""Home: start, resume, replay, and open reports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from bot import store
from bot.catalogue import Catalogue
from bot.engine.path import answered_of, final_path, register_questions
from bot.engine.routes import route_facts, transcript_path
from bot.model import Transcript
from bot.problems import LoadError, display_name
from bot.text import clip, printable
from bot.tui.app import host
from bot.tui.fitted import Fitted
from bot.tui.widgets.fitted_table import FittedTable
from bot.tui.widgets.key_hints import KeyHints, help_rows
from bot.turn_words import NOT_NAMED, status_words

NAME_WIDTH = 22
"""Respondent names are cut to this in the list, so status and progress stay in view."""
COLUMNS = ("Updated", "Respondent", "Progress", "Framework", "Mode")
"""The list's columns, in order."""
SHRINKABLE = frozenset({1, 3})
"""The columns cut (with an ellipsis) when the list is narrower than its rows: the
respondent and the framework. The time, the progress and the mode are short and always
whole, so every column stays readable at 80 columns."""


def progress_of(transcript: Transcript, catalogue: Catalogue, folder: Path | None = None) -> str:
    """Questions answered (`bot.engine.path.is_answered`: a Don't know is not) on the
    final path out of the dialogue's questions, as "12/37"
    (when complete, out of those on the path, which a branch may have made fewer),
    counted as the conversation's progress counts them (`answered_of`), on the final path
    as its report reads it (`transcript_path`: the questions ahead of where the respondent
    went back that the dialogue no longer reaches are not counted); the copies kept in
    ``folder`` (the transcript's) stand in for what is not installed."""
    return home_progress(transcript, catalogue, folder)[0]


def home_progress(
    transcript: Transcript, catalogue: Catalogue, folder: Path | None = None
) -> tuple[str, int]:
    """`progress_of`'s words, and how many of the questions they count are a register's
    (`register_questions`: counted once, and left out of the report's tally)."""
    turns = transcript.turns
    complete = transcript.status == "complete"
    # Only a repeated group's "another?" needs the framework to be told from a question:
    # a complete transcript without one is counted without loading anything (it ended, so
    # nothing is ahead of its cursor for a dialogue to judge).
    if complete and all(turn.item is None for turn in turns):
        return "{}/{}".format(*answered_of(final_path(turns), 0, complete=True)), 0
    kept = (lambda digest: store.snapshot_path(folder, digest)) if folder else (lambda _: None)
    try:
        framework = catalogue.framework_for_transcript(
            transcript.framework.id, kept(transcript.framework.hash)
        )
        uncounted = framework.framework.more_questions
        if complete:
            path = final_path(turns)
            counts = answered_of(path, 0, complete=True, uncounted=uncounted)
            return "{}/{}".format(*counts), len(register_questions(path, framework.framework))
        dialogue = catalogue.dialogue_for_transcript(
            transcript.dialogue.id, framework, kept(transcript.dialogue.hash)
        )
        total = route_facts(dialogue).question_total  # the count the conversation's progress shows
        total += len(transcript.review)  # last round's actions, asked about first
    except LoadError:
        answered, asked = answered_of(final_path(turns), 0, complete=True)
        return f"{answered}/{asked if complete else '?'}", 0
    path = transcript_path(transcript, turns, dialogue)
    counts = answered_of(path, total, complete=False, uncounted=uncounted)
    return "{}/{}".format(*counts), len(register_questions(path, framework.framework))


def progress_note(progress: str, registers: int) -> str:
    """The line under the list for the chosen transcript whose progress (`progress_of`)
    counts a register's questions, saying so, since its report's tally of answers ("22
    answered, 3 don't know") leaves them out; "" for any other."""
    if not registers:
        return ""
    questions = "question" if registers == 1 else "questions"
    return f"{progress} includes {registers} register {questions}, which the report's tally leaves out."


def folder_words(folder: Path) -> str:
    """A folder as people recognise one: "./transcripts/", "/srv/calls/"."""
    name = display_name(folder)
    if not Path(name).is_absolute() and not name.startswith("."):
        name = f"./{name}"
    return name.rstrip("/") + "/"


def when(moment: datetime) -> str:
    """A time as people read it in a list."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def home_hint(rounds: int, transcripts: int) -> str:
    """The line under the home list: what Enter does with what the list holds (rounds,
    transcripts, both or nothing yet), short enough for one line at 80 columns."""
    if rounds and not transcripts:
        which = "the round" if rounds == 1 else "the chosen round"
        return f"Enter opens {which}: its invitees, their calls and outcomes."
    if rounds:
        return "Enter opens a round, resumes an unfinished transcript, replays a finished one."
    if transcripts:
        return "Enter resumes an unfinished transcript, or replays a finished one."
    return "No transcripts yet: start with n."


class HomeScreen(Screen[None]):
    """What to do, and the transcripts in the folder, newest first."""

    CSS_PATH = "home.tcss"

    # Below 100 columns the menu gives way to the list: the key hints name the same actions.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    HELP_KEYS = [
        ("Up, Down", "choose a transcript"),
        ("Home, End", "the first or the last in the list"),
        ("Enter", "resume it if unfinished, replay it if finished"),
    ]
    """Keys the help names that are the list's rather than the screen's."""
    BINDINGS = [
        Binding("n", "app.new_assessment", "Assess", tooltip="start a self-assessment"),
        Binding("t", "app.new_interview", "Phone", tooltip="start a telephone interview"),
        Binding("r", "resume", "Resume", tooltip="resume the chosen transcript"),
        Binding("p", "replay", "Replay", tooltip="replay the chosen transcript"),
        Binding("o", "report", "Report", tooltip="open the chosen transcript's report"),
        Binding("f1", "help", "Help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", tooltip="quit (everything is saved as you go)"),
    ]

    def __init__(self, catalogue: Catalogue, folder: Path) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.folder = folder
        self.paths: dict[str, Path] = {}
        self.statuses: dict[Path, str] = {}
        self._rows: list[tuple[Path, str, tuple[Fitted, ...]]] = []
        self.progress_notes: dict[Path, str] = {}
        """Each listed transcript's `progress_note` ("" for most)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="menu"):
                yield Button("New assessment (n)", id="new-self", compact=True, variant="primary")
                yield Button("Phone interview (t)", id="new-phone", compact=True)
                yield Button("Resume (r)", id="resume", compact=True)
                yield Button("Replay (p)", id="replay", compact=True)
                yield Button("Report (o)", id="report", compact=True)
                yield Button("Quit (q)", id="quit", compact=True)
            with Vertical(id="transcripts"):
                yield Static(
                    Content(f"Transcripts in {folder_words(self.folder)}"), id="transcripts-title"
                )
                # A long name or framework is cut with an ellipsis rather than pushing
                # the columns after it out of view.
                yield FittedTable(
                    COLUMNS, SHRINKABLE, id="table", cursor_type="row", zebra_stripes=True
                )
                yield Static("", id="home-hint")
                yield Static("", id="progress-note")
        yield KeyHints()

    def on_mount(self) -> None:
        self._fill_table()
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        """Reload the transcripts, newest first, broken ones listed with why (in a thread:
        an officer's folder can hold many)."""
        self._load_rows()

    @work(thread=True, exclusive=True, group="transcripts")
    def _load_rows(self) -> None:
        from bot.scoring.source import standing_status
        from bot.tui.screens.round import round_rows

        rows: list[tuple[Path, str, tuple[Fitted, ...]]] = [
            (path, "round", cells) for path, cells in round_rows(self.folder, self.catalogue)
        ]
        notes: dict[Path, str] = {}
        for summary in store.summaries(self.folder):
            transcript = summary.transcript
            if transcript is None:
                reason = summary.error.split(": ", 1)[-1]
                name = clip(printable(summary.path.name), NAME_WIDTH)
                cells = ("?", name, "broken", clip(printable(reason), 40), "")
            else:
                who = transcript.respondent
                name = clip(
                    printable(", ".join(x for x in (who.name, who.organisation) if x)) or NOT_NAMED,
                    NAME_WIDTH,
                )
                progress, registers = home_progress(transcript, self.catalogue, self.folder)
                notes[summary.path] = progress_note(progress, registers)
                cells = (
                    when(transcript.updated),
                    name,
                    f"{status_words(standing_status(transcript, summary.path))} {progress}",
                    printable(transcript.framework.id),
                    "phone" if transcript.mode == "telephone" else "self",
                )
            status = transcript.status if transcript is not None else "broken"
            rows.append((summary.path, status, tuple(Fitted(cell) for cell in cells)))
        self.app.call_from_thread(self._show_rows, rows, notes)

    def _show_rows(
        self, rows: list[tuple[Path, str, tuple[Fitted, ...]]], notes: dict[Path, str]
    ) -> None:
        self._rows = rows
        self.progress_notes = notes
        self._fill_table()
        rounds = sum(status == "round" for _, status, _ in rows)
        hint = home_hint(rounds, len(rows) - rounds)
        self.query_one("#home-hint", Static).update(Content(hint))
        self._show_progress_note()
        if rows:
            self.query_one(DataTable).focus()

    def _fill_table(self) -> None:
        """(Re)build the table from the rows, the cursor kept on the transcript it was on
        (the table fits its columns to its width, now and when it is resized)."""
        table = self.query_one(FittedTable)
        row = table.cursor_row
        # The cursor stays on the transcript it was on, wherever it now sits in the
        # list (one just resumed moves to the top); if it is gone, on the same row.
        chosen = self.selected()
        left = getattr(self.app, "last_left", None)
        if left is not None and any(path == left for path, _, _ in self._rows):
            # Back from a conversation: the cursor goes to its transcript.
            chosen, self.app.last_left = left, None
        self.paths = {f"row-{index}": path for index, (path, _, _) in enumerate(self._rows)}
        self.statuses = {path: status for path, status, _ in self._rows}
        table.fill([(f"row-{index}", cells) for index, (_, _, cells) in enumerate(self._rows)])
        if self._rows:
            paths = [path for path, _, _ in self._rows]
            if chosen in paths:
                row = paths.index(chosen)
            elif chosen is None:
                # First shown, the cursor starts on the newest unfinished transcript (the
                # one a person coming back to carry on wants: r or Enter), below any rounds
                # listed first.
                unfinished = [
                    i for i, (_, status, _) in enumerate(self._rows) if status == "in_progress"
                ]
                row = unfinished[0] if unfinished else 0
            table.move_cursor(row=min(row, len(self._rows) - 1))

    def selected(self) -> Path | None:
        """The transcript under the cursor."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.paths.get(key or "")

    @on(DataTable.RowHighlighted)
    def _show_progress_note(self) -> None:
        """Under the list, what the chosen transcript's progress counts that its report's
        tally does not (`progress_note`), where there is such a thing."""
        path = self.selected()
        note = self.progress_notes.get(path, "") if path is not None else ""
        shown = self.query_one("#progress-note", Static)
        shown.update(Content(note))
        shown.display = bool(note)  # no blank line where there is nothing to say

    @on(DataTable.RowSelected)
    def _row(self) -> None:
        path = self.selected()
        if path is None:
            return
        if self.statuses.get(path) in ("in_progress", "round"):
            self.action_resume()
        else:
            self.action_replay()

    def action_resume(self) -> None:
        path = self.selected()
        if path is not None and self.statuses.get(path) == "round":
            from bot.tui.screens.round import RoundScreen

            # The officer at this keyboard, as the app holds them (the interviewer it last
            # took an interview as), else by the caller rule.
            self.app.push_screen(RoundScreen(self.catalogue, path, host(self).interviewer or None))
        elif path is not None:
            host(self).open_transcript(path)

    def action_replay(self) -> None:
        path = self.selected()
        if path is not None and self.statuses.get(path) == "round":
            self.action_resume()  # a round opens its own screen
        elif path is not None:
            host(self).open_replay(path)

    def action_report(self) -> None:
        path = self.selected()
        if path is not None and self.statuses.get(path) == "round":
            self.action_resume()  # a round opens its own screen
        elif path is not None:
            host(self).open_report(path)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("Home keys", help_rows(self)))

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        if event.button.id == "quit":
            # Through the app's one check on leaving, as Ctrl+Q and the palette's Quit.
            await self.app.run_action("quit")
            return
        actions = {
            "new-self": host(self).action_new_assessment,
            "new-phone": host(self).action_new_interview,
            "resume": self.action_resume,
            "replay": self.action_replay,
            "report": self.action_report,
        }
        actions[event.button.id or ""]()
