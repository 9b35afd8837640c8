"""Screens compared with stored snapshots at a fixed size, cursor blink off.

The snapshots are SVG screenshots (open them in a browser to look). To accept a
change after looking at it: UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from tests.conftest import ROOT
from tests.tui_helpers import make_app, mini_catalogue, start

SNAPSHOTS = Path(__file__).parent / "snapshots"
SIZE = (80, 24)


def normalise(svg: str) -> str:
    """Drop what changes between runs but not on screen: generated ids and the title."""
    svg = re.sub(r"terminal-\d+", "terminal", svg)
    return re.sub(r"<title>.*?</title>", "", svg, flags=re.S)


def compare(name: str, svg: str) -> None:
    stored = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("UPDATE_SNAPSHOTS") or not stored.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        stored.write_text(svg, encoding="utf-8")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail(
                f"no stored snapshot {stored.name}: one was written; look at it, then run again"
            )
        return
    if normalise(stored.read_text(encoding="utf-8")) != normalise(svg):
        failed = stored.with_suffix(".new.svg")
        failed.write_text(svg, encoding="utf-8")
        pytest.fail(
            f"{name} differs from its snapshot; see {failed} (UPDATE_SNAPSHOTS=1 accepts it)"
        )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "transcripts"
    path.mkdir()
    return path


async def test_home(folder: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, folder)
    talk.begin()
    talk.answer("3")
    talk.close()
    app = make_app(catalogue, folder)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare("home", app.export_screenshot())


async def test_chat(folder: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, folder)
    app = make_app(catalogue, folder, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        compare("chat", app.export_screenshot())


async def test_interview(folder: Path) -> None:
    catalogue = Catalogue()
    from bot import conversation
    from bot.model import Person, Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Chief Executive"),
        folder,
        Person(name="An Officer"),
        clock=Clock(),
        transcript_id="fedcba9876543210",
    )
    app = make_app(catalogue, folder, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        compare("interview", app.export_screenshot())


async def test_replay(folder: Path) -> None:
    sample = folder / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), folder, replay=sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*["right"] * 8)
        await pilot.pause()
        compare("replay", app.export_screenshot())
