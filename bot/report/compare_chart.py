"""A before-and-after chart of area scores as inline SVG: paired bars, no script, no assets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from bot.figures import figure, signed
from bot.scoring.small_groups import HIDDEN
from bot.text import clip, printable

THEN_COLOUR = "#9ab3cf"
NOW_COLOUR = "#1f4e79"
NOT_SCORED = "no score"
SHORT_WORDS = {
    "up": "up, not chance",
    "down": "down, not chance",
    "chance": "could be chance",
    "too_few": "could be chance",
    "same": "no change",
    "no_answers": "no answers",
    "new": "new area",
    "dropped": "dropped area",
    "hidden": HIDDEN,
}
"""A flag in a few words, to fit beside the bars (the table below says it in full)."""


def paired_chart(
    areas: Sequence[dict[str, Any]], then_label: str, now_label: str, title: str
) -> Markup:
    """Each area's score then and now as two bars, the change and its flag written beside
    them (never colour alone); a text description for screen readers."""
    label_width, bar_width, pair = 260, 300, 44
    width = label_width + bar_width + 260
    height = pair * len(areas) + 96
    # Each name on a line of its own, long enough to tell two titles apart at their ends.
    then_name, now_name = clip(printable(then_label), 80), clip(printable(now_label), 80)

    described = "; ".join(
        f"{a['title']}: {then_name} {_shown(a['then'])}, {now_name} {_shown(a['now'])} "
        f"({a['words']})"
        for a in areas
    )
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'font-family="Arial, Helvetica, sans-serif" viewBox="0 0 {width} {height}" '
        'width="100%" aria-labelledby="compare-title compare-desc">',
        f'<title id="compare-title">{escape(title)}</title>',
        f'<desc id="compare-desc">{escape(described)}</desc>',
        f'<rect x="{label_width}" y="4" width="14" height="12" fill="{THEN_COLOUR}"/>',
        f'<text x="{label_width + 20}" y="14" font-size="12" fill="#222">{escape(then_name)}</text>',
        f'<rect x="{label_width}" y="20" width="14" height="12" fill="{NOW_COLOUR}"/>',
        f'<text x="{label_width + 20}" y="30" font-size="12" fill="#222">{escape(now_name)}</text>',
    ]
    top = 46
    for tick in (0, 25, 50, 75, 100):
        x = label_width + bar_width * tick / 100
        parts.append(
            f'<line x1="{x:.0f}" y1="{top - 4}" x2="{x:.0f}" y2="{height - 25}" stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{x:.0f}" y="{height - 8}" font-size="11" text-anchor="middle" '
            f'fill="#555">{tick}</text>'
        )
    for index, area in enumerate(areas):
        y = top + index * pair
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 20}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(clip(printable(area["title"]), 40))}</text>'
        )
        for offset, key, colour in ((0, "then", THEN_COLOUR), (18, "now", NOW_COLOUR)):
            value = area[key]["score"]
            if value is None:
                parts.append(
                    f'<text x="{label_width + 4}" y="{y + offset + 13}" font-size="11" '
                    f'fill="#666">{_shown(area[key])}</text>'
                )
                continue
            length = max(bar_width * value / 100, 1)
            parts.append(
                f'<rect x="{label_width}" y="{y + offset + 2}" width="{length:.1f}" '
                f'height="14" fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{label_width + length + 4:.1f}" y="{y + offset + 13}" '
                f'font-size="11" fill="#222">{figure(value)}</text>'
            )
        change = area["change"]
        caption = ("" if change is None else f"{signed(change)}, ") + SHORT_WORDS.get(
            area["flag"], area["flag"]
        )
        parts.append(
            f'<text x="{label_width + bar_width + 40}" y="{y + 20}" font-size="12" '
            f'fill="#222">{escape(caption)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _shown(side: dict[str, Any]) -> str:
    """One side's score as the chart writes it: its figure, "not shown" (anonymised, too
    few respondents) or "no score"."""
    return HIDDEN if side.get("hidden") else figure(side["score"], NOT_SCORED)
