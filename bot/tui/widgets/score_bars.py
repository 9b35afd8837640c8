"""Area scores as horizontal text bars with their RAG label (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from bot.text import clip

RAG_STYLES = {
    "red": "bold white on #a93226",
    "amber": "bold black on #d68910",
    "green": "bold white on #1e8449",
}


class ScoreBars(Static):
    """One bar per area: title, bar, score and RAG label."""

    DEFAULT_CSS = "ScoreBars { height: auto; padding: 0 1; }"

    def show(
        self,
        rows: Sequence[tuple[str, float | None, str, str]],
        width: int = 30,
        stacked: bool = False,
    ) -> None:
        """rows: (area title, 0-100 score or None, RAG name, RAG label); stacked puts the
        title on its own line, for narrow panels. A row without a score shows its label
        (why there is none) when it has one, else "no score"."""
        # Stacked (a narrow panel), each title keeps to its one line, cut with an
        # ellipsis: wrapped, the titles pushed the last areas out of the panel.
        room = self.content_region.width or 30
        text = Text()
        label_width = min(max((len(r[0]) for r in rows), default=10), 30)
        for title, score, band, band_label in rows:
            if stacked:
                text.append(clip(title, room) + "\n", style="bold")
            else:
                text.append(f"{clip(title, label_width):<{label_width}} ")
            if score is None:
                text.append(f"{band_label or 'no score'}\n", style="dim")
                continue
            filled = round(width * score / 100)
            text.append(
                "█" * filled, style=RAG_STYLES.get(band, "").split(" on ")[-1] if band else ""
            )
            text.append("░" * (width - filled), style="dim")
            text.append(f" {score:5.1f} ")
            text.append(f" {band_label or 'n/a'} ", style=RAG_STYLES.get(band, "reverse"))
            text.append("\n")
        self.update(text)
