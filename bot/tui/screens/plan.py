"""A round's action plan: each action with its agreement, status, owner and due date;
agree it, change its status or owner, add a note in a key or two; compile it again from
the answers; export it. Every change is written to plan.toml at once, under the round's
lock, so two officers changing one plan never lose each other's changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Header, Input, Static

from bot.catalogue import Catalogue
from bot.problems import LoadError
from bot.rounds.plan import (
    PLAN_FILE,
    STATUS_LABELS,
    Plan,
    PlanAction,
    edit_action,
    read_plan,
    update_plan,
)
from bot.rounds.plan_export import people_in, said_about
from bot.text import clip, printable
from bot.tui.app import host
from bot.tui.fitted import Fitted
from bot.tui.screens.dialogs import TextPromptScreen
from bot.tui.screens.exporting import ExportingScreen, export_bindings
from bot.tui.widgets.fitted_table import FittedTable
from bot.tui.widgets.key_hints import KeyHints

STATUS_KEYS = {"1": "not_started", "2": "in_progress", "3": "done", "4": "dropped"}
FORMATS = {"md": "Markdown", "html": "HTML", "csv": "CSV"}
COLUMNS = ("Ref", "Agreed", "Status", "Owner", "Due", "Action")
"""The action plan's columns."""
SHRINKABLE = frozenset({3, 5})
"""The columns cut (with an ellipsis) to fit: the owner and the action."""


class _Prefilled(TextPromptScreen):
    """A one-line prompt that starts with the current value (Enter keeps it)."""

    def __init__(
        self,
        title: str,
        value: str,
        detail: str = "",
        take: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(title, detail=detail, take=take)
        self.value = value

    def on_mount(self) -> None:
        super().on_mount()
        box = self.query_one(Input)
        box.value = self.value
        box.cursor_position = len(self.value)


def action_detail(
    action: PlanAction, plan: Plan | None = None, people: Mapping[str, str] | None = None
) -> str:
    """Everything about one action, as plain text for the detail panel."""
    lines = [
        f"{action.ref}: {action.text}",
        f"Area: {action.area_title or action.area}"
        + (f" ({action.source})" if action.source else ""),
        "Agreed" if action.agreed else "Proposed: not agreed yet (a agrees it)",
    ]
    if action.carried_from:
        lines[-1] += f"; carried from {action.carried_from}"
        if action.suggested:
            lines[-1] += ", and suggested again by this round's answers"
    if not action.suggested:
        lines[-1] += "; no longer suggested by the answers"
    lines.append(f"Status: {action.status_label}")
    said = said_about(plan, action) if plan is not None else action.respondents_said
    if said:
        lines[-1] += f" ({said})"
    if action.note:
        lines.append(f"Note: {action.note}")
    if action.triggered_by:
        # Named as the round report names them (`named_people`), never by invitee id.
        shown = "; ".join(t.named(people or {}) for t in action.triggered_by[:8])
        more = len(action.triggered_by) - 8
        lines.append(f"Triggered by: {shown}" + (f" and {more} more" if more > 0 else ""))
    for entry in action.history[-4:]:
        where = f", {entry.round}" if entry.round else ""
        said = f": {entry.note}" if entry.note else ""
        lines.append(
            f"{entry.date.isoformat()} {STATUS_LABELS[entry.status]} ({entry.source}{where}){said}"
        )
    return printable("\n".join(lines))


class PlanScreen(ExportingScreen):
    """The round's action plan, one action per row."""

    # The list takes what the title, the chosen action's detail and the hints leave.
    DEFAULT_CSS = """
    PlanScreen #plan-actions { height: 1fr; }
    PlanScreen #plan-detail { height: auto; max-height: 8; padding: 0 1; }
    PlanScreen #plan-title, PlanScreen #plan-hint { padding: 0 1; }
    """

    EXPORTS = FORMATS
    HELP_TITLE = "Plan keys"
    BINDINGS = [
        Binding("a", "agree", "Agree"),
        Binding("1", "status('not_started')", "Not started", show=False),
        Binding("2", "status('in_progress')", "In progress", show=False),
        Binding("3", "status('done')", "Done", show=False),
        Binding("4", "status('dropped')", "Dropped", show=False),
        Binding("w", "owner", "Owner"),
        Binding("n", "note", "Note"),
        Binding("u", "compile", "Update"),
        *export_bindings(FORMATS, show=False),
        Binding("f1", "help", "Help"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        folder: Path,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.folder = folder
        self.clock = clock or (lambda: datetime.now(UTC).replace(microsecond=0))
        """Where times come from (tests pass a fixed clock)."""
        self.plan: Plan | None = None
        self.people: dict[str, str] = {}
        """Invitee id -> name and role (`named_people`), read with the plan."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plan-title")
        # The owner and the action cut with an ellipsis (the action is shown whole below).
        yield FittedTable(
            COLUMNS, SHRINKABLE, id="plan-actions", cursor_type="row", zebra_stripes=True
        )
        yield Static("", id="plan-detail")
        yield Static("", id="plan-hint")
        yield KeyHints()

    def on_mount(self) -> None:
        self._reload()
        if self.plan is None:
            self.action_compile()

    def _reload(self) -> None:
        self.people = people_in(self.folder)
        try:
            self._show(read_plan(self.folder))
        except LoadError as error:
            host(self).show_error("Cannot read the plan", str(error))

    def _show(self, plan: Plan | None) -> None:
        self.plan = plan
        table = self.query_one(DataTable)
        chosen = self.selected()
        table.clear()
        if plan is None:
            self.query_one("#plan-title", Static).update(Content("No plan yet."))
            self._hint("Compiling the plan from the round's answers...")
            return
        agreed = len(plan.agreed_actions())
        self.query_one("#plan-title", Static).update(
            Content(
                f"Action plan: {printable(plan.title or plan.round)}  ·  "
                f"{agreed} of {len(plan.actions)} agreed"
            )
        )
        rows = [
            (
                action.id,
                tuple(
                    Fitted(c)
                    for c in (
                        clip(printable(action.ref), 14),
                        "yes" if action.agreed else "proposed",
                        STATUS_LABELS[action.status] + (" (split)" if action.disagreed else ""),
                        clip(printable(action.owner), 16),
                        action.due.isoformat() if action.due else "",
                        clip(printable(action.text), 60),
                    )
                ),
            )
            for action in plan.actions
        ]
        self.query_one(FittedTable).fill(rows)
        if chosen is not None:
            self.select(chosen.id)
        self._detail()
        self._hint("a agrees; 1-4 set the status; w owner; n note; u update; m h c export")
        if plan.actions and not table.has_focus:
            table.focus()

    def _hint(self, text: str) -> None:
        self.query_one("#plan-hint", Static).update(Content(text))

    def _detail(self) -> None:
        chosen = self.selected()
        self.query_one("#plan-detail", Static).update(
            Content(action_detail(chosen, self.plan, self.people) if chosen else "")
        )

    def on_data_table_row_highlighted(self) -> None:
        self._detail()

    def selected(self) -> PlanAction | None:
        """The action under the cursor."""
        if self.plan is None:
            return None
        table = self.query_one(DataTable)
        row = table.cursor_row
        actions = self.plan.actions
        return actions[row] if table.row_count and 0 <= row < len(actions) else None

    def select(self, action_id: str) -> None:
        """Move the cursor to an action."""
        if self.plan is None:
            return
        for index, action in enumerate(self.plan.actions):
            if action.id == action_id:
                self.query_one(DataTable).move_cursor(row=index)
                return

    def _change(self, **fields: object) -> None:
        """Change the chosen action in plan.toml (under the lock), then show the result;
        what went wrong in a message."""
        problem = self._saved(**fields)
        if problem:
            host(self).show_error("Could not save the plan", problem)

    def _typed(self, field: str) -> Callable[[str], str]:
        """Where a text typed for the chosen action goes (its owner or note): saved at
        once, or, when it cannot be, why and what to do, the text kept in its box to try
        again (`TextPromptScreen`'s ``take``)."""

        def take(text: str) -> str:
            problem = self._saved(**{field: text})
            return f"Not saved: {problem}; what is typed is kept." if problem else ""

        return take

    def _saved(self, **fields: object) -> str:
        """Change the chosen action in plan.toml (under the lock) and show the result: ""
        when saved, else why not (naming the file) and what to do."""
        chosen = self.selected()
        if chosen is None:
            return ""
        today: date = self.clock().date()

        def change(plan: Plan | None) -> Plan:
            if plan is None:
                raise LoadError([])
            return edit_action(
                plan,
                chosen.id,
                today,
                round_name=self.folder.resolve().name,
                **fields,  # type: ignore[arg-type]
            )

        try:
            self._show(update_plan(self.folder, change))
        except OSError as error:
            from bot.rounds.work import log_remedy

            return (
                f"{PLAN_FILE} could not be written ({error.strerror or error}): {log_remedy(error)}"
            )
        except (LoadError, KeyError) as error:
            return str(error)
        return ""

    def action_agree(self) -> None:
        """Agree the chosen action (or mark it proposed again)."""
        chosen = self.selected()
        if chosen is not None:
            self._change(agreed=not chosen.agreed)

    def action_status(self, status: str) -> None:
        """Set the chosen action's status."""
        self._change(status=status)

    def action_owner(self) -> None:
        """Change the chosen action's owner (the current one is offered)."""
        chosen = self.selected()
        if chosen is None:
            return

        def done(text: str | None) -> None:
            if text == "":  # a text typed was saved as it was taken
                self._change(owner=text)

        self.app.push_screen(
            _Prefilled(f"Owner of {chosen.ref}", chosen.owner, take=self._typed("owner")), done
        )

    def action_note(self) -> None:
        """Replace the chosen action's progress note (the current one is offered)."""
        chosen = self.selected()
        if chosen is None:
            return

        def done(text: str | None) -> None:
            if text == "":  # a text typed was saved as it was taken
                self._change(note=text)

        self.app.push_screen(
            _Prefilled(f"Progress note on {chosen.ref}", chosen.note, take=self._typed("note")),
            done,
        )

    def action_compile(self) -> None:
        """Compile the plan again from the round's answers (hand edits are kept)."""
        self._hint("Reading the round's answers...")
        self._compile()

    @work(thread=True, exclusive=True, group="plan")
    def _compile(self) -> None:
        from bot.rounds.plan_compile import compile_plan
        from bot.rounds.work import snapshot

        try:
            now = self.clock()
            compiled = compile_plan(snapshot(self.folder, now), self.catalogue, now)
        except (LoadError, OSError) as error:
            self.app.call_from_thread(host(self).show_error, "Cannot compile the plan", str(error))
            return
        self.app.call_from_thread(self._show, compiled.plan)
        new = f"; new: {', '.join(compiled.added)}" if compiled.added else ""
        self.app.call_from_thread(
            self.notify,
            Content(printable(f"{len(compiled.plan.actions)} actions{new}")),
            title="Plan updated",
        )

    def export_stem(self) -> str | None:
        """Exports are named after the round; nothing until there is a plan."""
        return None if self.plan is None else f"{self.folder.resolve().name}-plan"

    def export_text(self, fmt: str) -> str:
        """The plan in a format."""
        from bot.rounds.plan_export import render_plan

        assert self.plan is not None
        return render_plan(self.plan, fmt, self.people)

    def show_saved(self, message: str) -> None:
        """Said in the hint line (the plan screen has no export buttons)."""
        self._hint(message)

    def help_keys(self) -> list[tuple[str, str]]:
        """The plan's keys, the status keys and the export keys each said once."""
        return [
            ("a", "agree the action (again: proposed)"),
            ("1 2 3 4", "status: not started, in progress, done, dropped"),
            ("w", "change the owner"),
            ("n", "write the progress note"),
            ("u", "update from the round's answers (your changes are kept)"),
            ("m h c", "export as Markdown, HTML or CSV to ./reports/"),
            ("Esc", "back to the round"),
        ]
