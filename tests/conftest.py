"""Shared fixtures. Every test runs in a temporary folder with transcripts kept there."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.loading import LoadedDialogue, LoadedFramework, load_dialogue, load_framework

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from real user folders."""
    monkeypatch.setenv("PARTNERSHIP_BOT_TRANSCRIPTS", str(tmp_path / "transcripts"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PARTNERSHIP_BOT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PARTNERSHIP_BOT_DATA", str(tmp_path / "user-data"))
    monkeypatch.delenv("PARTNERSHIP_BOT_FRAMEWORKS", raising=False)
    monkeypatch.delenv("PARTNERSHIP_BOT_CALLER", raising=False)  # no caller from the shell
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")  # times on screen are shown in local time
    time.tzset()
    yield


@pytest.fixture
def mini() -> LoadedFramework:
    """The small test framework."""
    return load_framework(DATA / "mini.toml")


@pytest.fixture
def mini_chat(mini: LoadedFramework) -> LoadedDialogue:
    """The small test dialogue (branches and every probe trigger)."""
    return load_dialogue(DATA / "mini-chat.toml", mini)


@pytest.fixture
def catalogue() -> Catalogue:
    """The installed frameworks and dialogues."""
    return Catalogue()


class Clock:
    """The one fake clock of the tests: it ticks `step` per call from a fixed moment."""

    def __init__(
        self,
        start: datetime = datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
        step: timedelta = timedelta(seconds=1),
    ) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


@pytest.fixture
def clock() -> Clock:
    """A deterministic clock."""
    return Clock()
