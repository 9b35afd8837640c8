"""The engine, loading, store, scoring and report modules never load Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = [
    "bot.model",
    "bot.conditions",
    "bot.condition_syntax",
    "bot.loading",
    "bot.engine",
    "bot.store",
    "bot.conversation",
    "bot.catalogue",
    "bot.validate",
    "bot.plain",
    "bot.replay_text",
    "bot.turn_words",
    "bot.scoring",
    "bot.report",
    "bot.report.make",
    "bot.files",
    "bot.rounds.work",
    "bot.rounds.report",
    "bot.rounds.cli",
]


@pytest.mark.parametrize("module", PURE)
def test_module_loads_no_ui_library(module: str) -> None:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} loaded {result.stdout.strip()}"
