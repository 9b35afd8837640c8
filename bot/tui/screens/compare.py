"""The comparison screen: a round beside an earlier one, area by area, with whether each
change could be chance, the framework's changes and the agreed plan's progress; export
as Markdown, HTML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from bot.catalogue import Catalogue
from bot.figures import figure, signed
from bot.problems import LoadError
from bot.report.compare import comparison, render_comparison
from bot.rounds.folder import ROUND_FILE, load_round
from bot.scoring.compare import WORDS, CompareError
from bot.text import clip, printable
from bot.tui.app import host
from bot.tui.screens.exporting import ExportingScreen, export_bindings, export_buttons
from bot.tui.widgets.key_hints import KeyHints

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON"}
NO_SCORE = "no score"
"""The title's overall where a round has none (the summary below says why)."""
AREA_WIDTH = 26
"""Area titles are cut to this, so that the table fits 80 columns."""
SHORT = {
    "up": "up, not chance",
    "down": "down, not chance",
    "chance": "could be chance",
    "too_few": "too few to tell",
    "same": "no change",
    "no_answers": "no answers",
    "new": "new area",
    "dropped": "dropped area",
}


def earlier_rounds(folder: Path) -> list[tuple[str, str]]:
    """Other rounds of the same framework beside this one (folder, "title (period)") that
    are not of a later period: the round it names as previous first, then the latest
    period first."""
    from bot.report.compare import later_period
    from bot.rounds.plan_review import previous_folder

    loaded = load_round(folder)
    this = loaded.round
    previous = previous_folder(loaded)
    found: list[tuple[str, str, str]] = []
    for other in sorted(folder.parent.glob(f"*/{ROUND_FILE}")):
        if other.parent.resolve() == folder.resolve():
            continue
        try:
            round_ = load_round(other.parent).round
        except LoadError:
            continue
        if round_.framework == this.framework and not later_period(round_.period, this.period):
            label = round_.title + (f" ({round_.period})" if round_.period else "")
            named = previous is not None and other.parent.resolve() == previous.resolve()
            found.append((named, round_.period, str(other.parent), printable(label)))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [(path, label) for _, _, path, label in found]


def named_previous(folder: Path) -> str | None:
    """The folder of the round this one names as previous, if it names one."""
    from bot.rounds.plan_review import previous_folder

    found = previous_folder(load_round(folder))
    return None if found is None else str(found)


class CompareScreen(ExportingScreen):
    """An earlier round and this one, side by side."""

    AUTO_FOCUS = "#compare-body"
    EXPORTS = FORMATS
    HELP_TITLE = "Comparison keys"
    BINDINGS = [
        *export_bindings(FORMATS, {"html": "as HTML (with a chart)"}),
        Binding("escape", "leave", "Back", tooltip="back"),
        Binding("f1", "help", "Help", tooltip="this help"),
    ]

    def __init__(self, catalogue: Catalogue, old: Path, new: Path) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.old = old
        self.new = new
        self.data: dict[str, Any] | None = None
        """The comparison, once made."""

    def compose(self) -> ComposeResult:
        yield Static("Comparing...", id="compare-title")
        with VerticalScroll(id="compare-body"):
            yield DataTable(id="compare-areas", cursor_type="none", zebra_stripes=True)
            yield Static("", id="compare-summary")
        yield from export_buttons(FORMATS)
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(DataTable).can_focus = False
        self._compare()

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self) -> None:
        try:
            made = comparison(self.old, self.new, self.catalogue, "json")
        except (CompareError, LoadError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, made.data)

    def _failed(self, message: str) -> None:
        self.dismiss(None)
        host(self).show_error("Cannot compare the rounds", message)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        then, now = data["then"], data["now"]
        overall = data["overall"]

        self.query_one("#compare-title", Static).update(
            Content(
                f"{printable(data['framework']['title'])}: {printable(then['label'])} "
                f"({then['respondents']}) and {printable(now['label'])} ({now['respondents']})"
                f"  ·  overall {figure(overall['then'], NO_SCORE)} -> "
                f"{figure(overall['now'], NO_SCORE)}"
            )
        )
        table = self.query_one(DataTable)
        table.add_columns("Area", "Then", "n", "Now", "n", "Change", "Could it be chance?")
        for area in data["areas"]:
            change = area["change"]
            table.add_row(
                Text(clip(printable(area["title"]), AREA_WIDTH)),
                Text(figure(area["then"]["score"])),
                Text(str(area["then"]["n"])),
                Text(figure(area["now"]["score"])),
                Text(str(area["now"]["n"])),
                Text(signed(change, missing="")),
                Text(SHORT.get(area["flag"], area["flag"])),
            )
        self.query_one("#compare-summary", Static).update(Content(printable(summary(data))))

    def export_stem(self) -> str | None:
        """Exports are named after the later round; nothing until the comparison is made."""
        return None if self.data is None else f"compare-{self.new.name}"

    def export_text(self, fmt: str) -> str:
        """The comparison in a format."""
        assert self.data is not None
        return render_comparison(self.data, fmt)


def _middle(data: dict[str, Any], statement: dict[str, Any]) -> str:
    """The middle answer's share then and now ("% Partly 10.0% -> 20.0%; "), where the
    comparison shows that column."""
    if not data.get("middle_shown"):
        return ""
    then, now = statement["then"]["middle"], statement["now"]["middle"]
    return f"{data['middle_heading']} {figure(then)}% -> {figure(now)}%; "


def summary(data: dict[str, Any]) -> str:
    """The statements, the framework's changes and the plan's progress, in a few lines."""
    statements = data["statements"]
    # Compared: asked in both rounds with answers on both sides (and shown); a statement
    # no one answered in one of them, or hidden, is said apart, never counted as "no change".
    both = [s for s in statements if s["status"] == "both"]
    compared = [s for s in both if s["flag"] not in ("no_answers", "hidden")]
    up = sum(1 for s in compared if s["flag"] == "up")
    down = sum(1 for s in compared if s["flag"] == "down")
    apart = [
        f"{count} {WORDS[flag]}"
        for flag in ("no_answers", "hidden")
        if (count := sum(1 for s in both if s["flag"] == flag))
    ]
    lines = [
        f"\nStatements ({data.get('agree_heading', '% agree')}): {len(compared)} compared; "
        f"{up} up and {down} down beyond chance; {len(compared) - up - down} no change or "
        "could be chance" + "".join(f"; {said}" for said in apart) + "."
    ]
    overall = data.get("overall", {})
    if overall.get("words") and (
        overall.get("compared") or None in (overall.get("then"), overall.get("now"))
    ):
        # The rounds scored different areas, or one has no overall score: what the
        # change is over, or why there is none, as the reports say it.
        lines.insert(0, f"\nOverall score: {overall['words']}.")
    lines.extend(
        f"  {s['number'] or s['id']}{' (reverse-scored)' if s.get('reverse') else ''}: "
        f"{figure(s['then']['agree'])}% -> {figure(s['now']['agree'])}% "
        # What % agree counts as not agreeing without saying why, beside it.
        + f"({_middle(data, s)}"
        + f"don't know {figure(s['then']['dont_know'])}% -> {figure(s['now']['dont_know'])}%; "
        f"{s['words']})"
        for s in compared
        if s["flag"] in ("up", "down")
    )
    if data["framework_changed"]:
        lines.append(
            f"Framework version {data['then']['framework_version']} then, "
            f"{data['now']['framework_version']} now: {len(data['new_questions'])} new "
            f"question(s), {len(data['dropped_questions'])} dropped, "
            f"{len(data['reworded_questions'])} reworded."
        )
    plan = data["plan"]
    if plan is not None:
        counts = plan["counts"]
        lines.append(
            f"Agreed actions: {plan['total']}: {counts['done']} done, {counts['in_progress']} "
            f"in progress, {counts['not_started']} not started, {counts['dropped']} dropped."
        )
        if plan.get("not_updated_words"):
            lines.append(f"  {plan['not_updated_words']}")
        if plan.get("not_counted"):
            lines.append(
                f"  Not counted: {len(plan['not_counted'])} agreed after "
                f"{data['now']['label']}'s conversations began."
            )
        lines.extend(
            f"  Fell although actions were done: {a['title']} ({a['change']:+.1f}, {a['words']})"
            for a in plan["fell_despite_done"]
        )
    lines.append(
        "\nCould be chance: a change this size would turn up more than 1 time in 20 by chance "
        "with this many answers (too few answers to tell). Export for the full tables."
    )
    return "\n".join(lines)
