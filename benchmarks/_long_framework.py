"""A generated framework with many questions, for benchmarks that need long conversations."""

from __future__ import annotations

from pathlib import Path

SCALE = """
[scales.agree]
weak_at_or_below = 0
options = [
  { value = "disagree", key = "1", label = "Disagree", score = 0 },
  { value = "partly", key = "2", label = "Partly agree", score = 1 },
  { value = "agree", key = "3", label = "Agree", score = 2 },
  { value = "strongly", key = "4", label = "Strongly agree", score = 3 },
  { value = "dont_know", key = "d", label = "Don't know", abstain = "dont_know" },
]
"""


def write_long_framework(folder: Path, questions: int, areas: int = 10) -> Path:
    """A framework of `questions` rating statements in `areas` areas (no dialogue: the
    default one asks them all in order)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        'id = "long"',
        'title = "Long benchmark framework"',
        'version = "1"',
        "[source]",
        'document = "generated"',
        SCALE,
        "[bands]",
        'rag = [{ name = "red", label = "Red", min = 0 }, { name = "green", label = "Green", min = 50 }]',
    ]
    per_area = questions // areas
    for a in range(areas):
        lines += ["[[areas]]", f'id = "area-{a}"', f'title = "Area {a}"']
        for q in range(per_area):
            lines += [
                "[[areas.questions]]",
                f'id = "q{a}_{q}"',
                f'text = "Statement {q} of area {a}: the partnership works well on this."',
                'scale = "agree"',
            ]
    path = folder / "long.toml"
    path.write_text("\n".join(lines) + "\n")
    return path
