"""A bar chart of area scores as inline SVG: no script, no external assets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from bot.figures import figure
from bot.text import clip

RAG_COLOURS = {"red": "#c0392b", "amber": "#d68910", "green": "#1e8449"}
NO_SCORE = "#8a8a8a"


@dataclass(frozen=True)
class Bar:
    """One bar."""

    label: str
    """The area's title."""
    score: float | None
    """0-100, or None."""
    band: str = ""
    """RAG band name, for the colour."""
    band_label: str = ""
    """RAG band label, shown as text too (never colour alone)."""
    missing: str = "no score"
    """What is written in place of a bar with no score ("not shown" when anonymised)."""


def bar_chart(bars: Sequence[Bar], title: str = "Score by area (0-100)") -> Markup:
    """Horizontal bars with the score and RAG label written beside each."""
    label_width, bar_width, row = 300, 300, 30
    width = label_width + bar_width + 150
    height = row * len(bars) + 50
    described = "; ".join(
        f"{b.label}: {figure(b.score, b.missing)}{f' ({b.band_label})' if b.band_label else ''}"
        for b in bars
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" font-family="Arial, Helvetica, sans-serif" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(described)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_width + bar_width * tick / 100
        parts.append(f'<line x1="{x:.0f}" y1="20" x2="{x:.0f}" y2="{height - 25}" stroke="#ddd"/>')
        parts.append(
            f'<text x="{x:.0f}" y="{height - 8}" font-size="11" text-anchor="middle" fill="#555">{tick}</text>'
        )
    for index, bar in enumerate(bars):
        y = 25 + index * row
        label = clip(bar.label, 46)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" font-size="12" text-anchor="end" fill="#222">{escape(label)}</text>'
        )
        if bar.score is None:
            parts.append(
                f'<text x="{label_width + 4}" y="{y + 15}" font-size="12" fill="{NO_SCORE}">{escape(bar.missing)}</text>'
            )
            continue
        length = max(bar_width * bar.score / 100, 1)
        colour = RAG_COLOURS.get(bar.band, NO_SCORE)
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="18" fill="{colour}"/>'
        )
        caption = figure(bar.score) + (f" {bar.band_label}" if bar.band_label else "")
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" font-size="12" fill="#222">{escape(caption)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
