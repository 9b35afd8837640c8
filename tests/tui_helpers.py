"""Helpers for driving the real app with Pilot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

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


async def send(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type words one key at a time and press Enter, letting the app take them."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def leave_typed(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type words one key at a time, then Esc without sending them."""
    await type_text(pilot, text)
    await pilot.press("escape")
    await pilot.pause()


@asynccontextmanager
async def running(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, folder: Path, talk, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[PartnershipApp, Pilot]]:
    """The app open on a conversation, settled on its first screen: (app, pilot)."""
    app = make_app(catalogue, folder, conversation=talk)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def notifications(app: PartnershipApp) -> list[str]:
    """The messages of the notifications showing."""
    return [str(n.message) for n in app._notifications]


def begun(catalogue: Catalogue, folder: Path, framework: str, dialogue: str):  # type: ignore[no-untyped-def]
    """A new self-assessment of an installed framework (Ann answering), begun."""
    talk = conversation.start(
        catalogue, framework, dialogue, Respondent(name="Ann"), folder, clock=Clock()
    )
    talk.begin()
    return talk


def start_call(catalogue: Catalogue, folder: Path, framework: str, dialogue: str):  # type: ignore[no-untyped-def]
    """A new telephone interview (Sam ringing Ann), not yet begun."""
    return conversation.start(
        catalogue,
        framework,
        dialogue,
        Respondent(name="Ann"),
        folder,
        Person(name="Sam"),
        clock=Clock(),
        transcript_id="0123456789abcdef",
    )


OWN_FRAMEWORK = """
id = "{id}"
title = "Test framework {id}"
version = "1"

[source]
document = "Test fixture"

[bands]
rag = [
  {{ name = "red", label = "Red", min = 0 }},
  {{ name = "green", label = "Green", min = 50 }},
]

[[areas]]
id = "one"
title = "Area one"
"""


def own_framework(folder: Path, framework_id: str, questions: dict[str, str]) -> Catalogue:
    """A one-area framework written into ``folder``, its questions given as each id's
    TOML lines, with a dialogue ("<id>-chat") asking them in turn; the catalogue that
    finds them."""
    text = OWN_FRAMEWORK.format(id=framework_id)
    for question, lines in questions.items():
        text += f'\n[[areas.questions]]\nid = "{question}"\n{lines.strip()}\n'
    ids = list(questions)
    dialogue = f'id = "{framework_id}-chat"\nframework = "{framework_id}"\n'
    dialogue += f'title = "{framework_id} chat"\nstart = "{ids[0]}"\n'
    for question, after in zip(ids, [*ids[1:], "bye"], strict=True):
        dialogue += f'\n[nodes.{question}]\nask = "{question}"\nnext = "{after}"\n'
    dialogue += '\n[nodes.bye]\nend = "Thank you."\n'
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{framework_id}.toml").write_text(text, encoding="utf-8")
    (folder / f"{framework_id}-chat.toml").write_text(dialogue, encoding="utf-8")
    return Catalogue(framework_folders=[folder], dialogue_folders=[folder])


def screen_lines(app: PartnershipApp) -> list[str]:
    """What the terminal shows, row by row, as plain text (modal screens over the
    screens beneath them, as drawn)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False).splitlines()


def region_lines(app: PartnershipApp, selector: str) -> list[str]:
    """What the screen shows inside the widget `selector` names (its border and
    padding left out), row by row, trailing spaces removed."""
    widget = app.screen.query_one(selector)
    region = widget.content_region
    rows = screen_lines(app)[region.y : region.bottom]
    return [row[region.x : region.right].rstrip() for row in rows]
