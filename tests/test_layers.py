"""The layers hold statically: import-linter's contracts in pyproject.toml are kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports(no_cache=True))"


def lint(folder: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the project in `folder` (its pyproject.toml and bot package)."""
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=folder, capture_output=True, text=True, check=False
    )


def test_contracts_are_kept() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_core_module_importing_the_app_breaks_a_contract(tmp_path: Path) -> None:
    # The same contracts on a copy of the package where the engine reaches the app.
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    probe = tmp_path / "bot" / "engine" / "shortcut.py"
    probe.write_text("import argparse\n\nfrom bot.tui.app import PartnershipApp\n")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "bot.engine.shortcut -> bot.tui.app" in result.stdout
    assert "bot.engine.shortcut -> argparse" in result.stdout
