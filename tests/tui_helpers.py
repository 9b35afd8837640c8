"""Helpers for driving the real app with Pilot."""

from __future__ import annotations

from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.tui.app import PartnershipApp
from bot.tui.widgets.chat_log import ChatLog
from tests.conftest import DATA, Clock


def mini_catalogue() -> Catalogue:
    """The small test framework and dialogue."""
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def start(
    catalogue: Catalogue, folder: Path, name: str = "Jane Smith", interviewer: str | None = None
):  # type: ignore[no-untyped-def]
    """A new mini conversation, not yet begun."""
    return conversation.start(
        catalogue,
        "mini",
        "mini-chat",
        Respondent(name=name, organisation="Borough Council", role="Councillor"),
        folder,
        Person(name=interviewer) if interviewer else None,
        clock=Clock(),
        transcript_id="0123456789abcdef",
    )


def make_app(catalogue: Catalogue, folder: Path, **kwargs) -> PartnershipApp:  # type: ignore[no-untyped-def]
    """The app, holding still (no cursor blink, frozen call timer)."""
    return PartnershipApp(catalogue, folder, still=True, timer_clock=lambda: 100.0, **kwargs)


def log_text(app: PartnershipApp) -> str:
    """Everything in the current screen's chat log, as plain text."""
    return "\n".join(app.screen.query_one(ChatLog).plain_lines())


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: one key at a time."""
    for character in text:
        await pilot.press(character)
    await pilot.pause()
