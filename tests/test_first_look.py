"""A new self-assessment's first question drawn from a record while the engine loads
(`bot/tui/first_look.py`): drawn as the chat screen draws it, checked and redrawn when
the engine is ready, every input made meanwhile acted on in order, and every error said
as a start without the record says it."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import _get_mouse_message_arguments

from bot import cli, conversation, exit_codes
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.tui import first_look
from bot.tui.app import PartnershipApp
from bot.tui.screens.chat import ChatScreen
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.options_bar import OptionButton
from tests.tui_helpers import make_app

SIZE = (80, 24)
FRAMEWORK = "working-better-together"
QUESTION = "How well does the sustainable community strategy (SCS) reflect"
ENTRY = "first-look-test"


def begin(folder: Path) -> Callable[[], conversation.Conversation]:
    """What the command passes the app: the engine's start of a new self-assessment."""
    return lambda: conversation.start(Catalogue(), FRAMEWORK, None, Respondent(name="A"), folder)


async def today(folder: Path) -> tuple[str, first_look.FirstLook]:
    """Today's first screen (the conversation begun before the app) as an SVG screenshot,
    and the record it makes."""
    talk = begin(folder)()
    app = make_app(Catalogue(), folder, conversation=talk)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            look = first_look.looked(app.screen)  # type: ignore[arg-type]
            assert look is not None
            return app.export_screenshot(), look
    finally:
        talk.close()


@pytest.fixture
def not_ready(monkeypatch: pytest.MonkeyPatch) -> Callable[[PartnershipApp], Any]:
    """Holds the engine back until the test makes it ready: returns what makes it so."""
    ready = PartnershipApp._begin_first
    monkeypatch.setattr(PartnershipApp, "_begin_first", lambda self: None)

    async def make_ready(app: PartnershipApp) -> None:
        app.call_later(ready, app)

    return make_ready


def record_app(folder: Path, look: first_look.FirstLook) -> PartnershipApp:
    return make_app(Catalogue(), folder, first=first_look.FirstStart(ENTRY, look, begin(folder)))


@pytest.fixture
def closing() -> Iterator[list[PartnershipApp]]:
    """Apps whose begun conversation is closed at the end, as the command closes it."""
    apps: list[PartnershipApp] = []
    yield apps
    for app in apps:
        if app.begun_on_first_look is not None:
            app.begun_on_first_look.close()


async def test_the_record_draws_todays_first_screen_cell_for_cell(
    tmp_path: Path, not_ready: Callable[[PartnershipApp], Any], closing: list[PartnershipApp]
) -> None:
    shot, look = await today(tmp_path / "a")
    app = record_app(tmp_path / "b", look)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.conversation is None  # type: ignore[attr-defined]
        assert isinstance(app.screen, ChatScreen)
        assert app.export_screenshot() == shot
        await not_ready(app)
        await pilot.pause()
        assert app.screen.conversation is not None  # type: ignore[attr-defined]
        assert app.export_screenshot() == shot


async def test_todays_start_keeps_the_record_the_next_start_draws(tmp_path: Path) -> None:
    talk = begin(tmp_path)()
    app = make_app(
        Catalogue(), tmp_path, conversation=talk, first=first_look.FirstStart(ENTRY, None, None)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        look = first_look.looked(app.screen)  # type: ignore[arg-type]
    talk.close()
    assert first_look.recall(ENTRY) == look
    assert look is not None and any(QUESTION in m.text for m in look.messages)
    record = next((tmp_path / "cache" / first_look.FOLDER).glob("*.json"))
    assert record.stat().st_mode & 0o777 == 0o600


async def test_keys_paste_and_click_made_before_the_engine_is_ready_are_acted_on_in_order(
    tmp_path: Path, not_ready: Callable[[PartnershipApp], Any], closing: list[PartnershipApp]
) -> None:
    _, look = await today(tmp_path / "a")
    app = record_app(tmp_path / "b", look)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        app.post_message(events.Paste(" - the SCS was refreshed in 2008"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ChatInput).value == ""  # held, not yet typed
        await not_ready(app)
        await pilot.pause()
        await pilot.pause()
        talk = app.screen.conversation  # type: ignore[attr-defined]
        answers = [t for t in talk.session.turns if t.speaker == "respondent"]
        assert [(a.value, a.comment) for a in answers] == [
            ("fairly", "the SCS was refreshed in 2008")
        ]
        # Typed and not sent: it stays in the box.
        await pilot.press("2")
        assert app.screen.query_one(ChatInput).value == "2"


async def test_a_click_and_typing_held_are_acted_on_and_kept(
    tmp_path: Path, not_ready: Callable[[PartnershipApp], Any], closing: list[PartnershipApp]
) -> None:
    _, look = await today(tmp_path / "a")
    app = record_app(tmp_path / "b", look)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        button = list(app.screen.query(OptionButton))[1]  # "2  Not very well"
        # Pressed and released as a terminal reports it, to the app (Pilot's click goes
        # straight to the screen, where no terminal's click goes).
        where = _get_mouse_message_arguments(button, button=1)
        app.post_message(events.MouseDown(**where))
        app.post_message(events.MouseUp(**where))
        await pilot.press("w", "e")
        await not_ready(app)
        await pilot.pause()
        await pilot.pause()
        talk = app.screen.conversation  # type: ignore[attr-defined]
        answers = [t for t in talk.session.turns if t.speaker == "respondent"]
        assert [a.value for a in answers] == ["not_very"]
        assert app.screen.query_one(ChatInput).value == "we"


@pytest.mark.parametrize(("key", "status"), [("ctrl+c", exit_codes.INTERRUPTED), ("ctrl+q", 0)])
async def test_leaving_before_the_engine_is_ready_leaves_once_it_is(
    tmp_path: Path,
    not_ready: Callable[[PartnershipApp], Any],
    closing: list[PartnershipApp],
    key: str,
    status: int,
) -> None:
    _, look = await today(tmp_path / "a")
    app = record_app(tmp_path / "b", look)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        await not_ready(app)
        await pilot.pause()
    assert (app.return_code or 0) == status
    assert app.begun_on_first_look is not None  # begun, saved, then left


async def test_a_stale_record_is_redrawn_rewritten_and_nothing_is_sent_for_it(
    tmp_path: Path, not_ready: Callable[[PartnershipApp], Any], closing: list[PartnershipApp]
) -> None:
    shot, look = await today(tmp_path / "a")
    forged = dataclasses.replace(
        look,
        messages=(*look.messages[:-1], dataclasses.replace(look.messages[-1], text="Forged?")),
    )
    first_look.keep(ENTRY, forged)
    app = record_app(tmp_path / "b", forged)
    closing.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(m.text == "Forged?" for m in app.screen.query_one(ChatLog).messages)
        await pilot.press("3", "enter", "ctrl+o", "4", "backspace")
        await not_ready(app)
        await pilot.pause()
        await pilot.pause()
        log = app.screen.query_one(ChatLog).messages
        assert not any(m.text == "Forged?" for m in log)
        assert QUESTION in log[-1].text
        talk = app.screen.conversation  # type: ignore[attr-defined]
        # Enter and Ctrl+O were for a question never asked: neither sent nor skipped;
        # what was typed stays, edited as it was.
        assert [t.kind for t in talk.session.turns if t.speaker != "bot"] == []
        assert app.screen.query_one(ChatInput).value == "3"
        app.screen.query_one(ChatInput).value = ""
        await pilot.pause()
        assert app.export_screenshot() == shot
    assert first_look.recall(ENTRY) == look


def test_a_damaged_or_foreign_record_is_not_drawn(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / first_look.FOLDER
    folder.mkdir(parents=True)
    path = folder / f"{ENTRY}.json"
    path.write_text("{not json")
    path.chmod(0o600)
    assert first_look.recall(ENTRY) is None
    path.write_text(json.dumps({"title": ["not", "words"]}))
    assert first_look.recall(ENTRY) is None


# ----- the command line: the same words and statuses with a record as without -----------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[PartnershipApp]:
    """`cli.main` as in a terminal, its app run headless until idle, then left."""
    ran: list[PartnershipApp] = []

    monkeypatch.setenv("TERM", "xterm-256color")

    def run(app: PartnershipApp, *args: Any, **kwargs: Any) -> int | None:
        ran.append(app)

        async def until_idle() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.pause()
                if app.is_running:
                    app.exit()

        asyncio.run(until_idle())
        return app.return_code

    monkeypatch.setattr(PartnershipApp, "run", run)
    return ran


def in_terminal(argv: list[str]) -> int:
    """`cli.main` with standard streams that say they are a terminal (set here, as the
    test's own capture of the streams is set after its fixtures)."""

    class Terminal:
        def __init__(self, stream: Any) -> None:
            self._stream = stream

        def isatty(self) -> bool:
            return True

        def __getattr__(self, name: str) -> Any:
            return getattr(self._stream, name)

    streams = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = Terminal(sys.stdin), Terminal(sys.stdout)  # type: ignore[assignment]
    try:
        return cli.main(argv)
    finally:
        sys.stdin, sys.stdout = streams


def assess(*options: str) -> list[str]:
    return [
        "--transcripts",
        "transcripts",
        "assess",
        "-f",
        FRAMEWORK,
        "--respondent",
        "A",
        *options,
    ]


def test_a_start_with_a_record_draws_it_before_the_engine(
    tmp_path: Path, terminal: list[PartnershipApp]
) -> None:
    assert in_terminal(assess()) == 0
    assert in_terminal(assess()) == 0
    first, second = terminal
    assert first._first is not None and first._first.look is None
    assert second._first is not None and second._first.look is not None
    assert second.begun_on_first_look is not None


def test_an_unwritable_folder_is_said_as_without_a_record(
    tmp_path: Path, terminal: list[PartnershipApp], capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    command = ["--transcripts", str(blocked / "transcripts"), *assess()[2:]]
    without = in_terminal(command)
    said = capsys.readouterr().err
    assert without == exit_codes.CANNOT_WRITE and said
    assert in_terminal(assess()) == 0  # keeps the record
    capsys.readouterr()
    assert in_terminal(command) == without
    assert capsys.readouterr().err == said
    assert terminal[-1]._first is not None and terminal[-1]._first.look is not None


def test_a_damaged_framework_is_said_as_without_a_record(
    tmp_path: Path, terminal: list[PartnershipApp], capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own.toml"
    shipped = Catalogue().framework(FRAMEWORK).path
    own.write_bytes(shipped.read_bytes())
    command = [*assess()[:4], str(own), *assess()[5:]]
    assert in_terminal(command) == 0
    assert in_terminal(command) == 0
    assert terminal[-1]._first is not None and terminal[-1]._first.look is not None
    own.write_text(shipped.read_text() + "\n[[areas]]\nid = 1\n")
    capsys.readouterr()
    status = in_terminal(command)
    said = capsys.readouterr().err
    (tmp_path / "cache" / first_look.FOLDER).rename(tmp_path / "no-records")
    assert in_terminal(command) == status == exit_codes.LOAD_ERROR
    assert capsys.readouterr().err == said


def test_a_transcript_in_use_is_said_as_without_a_record(
    tmp_path: Path,
    terminal: list[PartnershipApp],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import store

    assert in_terminal(assess()) == 0  # keeps the record
    records = tmp_path / "cache" / first_look.FOLDER
    assert list(records.glob("*.json"))

    def in_use(*args: Any, **kwargs: Any) -> conversation.Conversation:
        raise store.TranscriptInUse(tmp_path / "transcripts" / "x.toml", "pid 4242")

    monkeypatch.setattr(conversation, "start", in_use)
    capsys.readouterr()
    with_record = in_terminal(assess())
    said = capsys.readouterr().err
    assert terminal[-1]._first is not None and terminal[-1]._first.look is not None
    records.rename(tmp_path / "no-records")
    assert in_terminal(assess()) == with_record == exit_codes.IN_USE
    assert capsys.readouterr().err == said
    assert "Close it there first" in said
