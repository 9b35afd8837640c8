"""The first question of a new self-assessment drawn from what an earlier start showed,
while the engine loads.

Starting `partnership-bot assess` spends most of its time before the first question on
the engine: pydantic, the file formats' models, the framework and dialogue, the new
transcript. What the chat screen showed the first time is the same every time for the
same command and files, so it is kept as a record (plain JSON in the cache folder,
`first-look/`, owner-only, written atomically by `bot.files`), keyed as checked files
are (`bot.remembered.key`): the command's words that shape the first screen, the
content hash of every framework and dialogue file the catalogue can find, and the
program's fingerprint. A later start with the same key draws the first question from
the record with the chat screen itself (its class, stylesheet, bindings and key hints)
and loads the engine once that frame is up. Until the engine is ready every key,
paste and click is held (`PartnershipApp.on_event`); then the chat screen draws the
conversation the engine began, and the held input is acted on in order. Should what
the engine shows differ from the record (`looked`), the screen shows the engine's and
the record is rewritten; of the input held for the record's screen, typing and leaving
are then acted on, but no Enter, click, skip or other step made on a question the
respondent never saw (`KEPT_FROM_A_STALE_LOOK` in `bot/tui/app.py`).

No record (the first start, a changed file or program, a cache folder that cannot be
written) is the start as it always was. Any error the engine meets is said, once the
screen is gone, in the words and with the exit status of a start without a record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot import remembered
from bot.files import write_atomically
from bot.tui.message import ChatMessage

if TYPE_CHECKING:
    from bot.conversation import Conversation
    from bot.tui.screens.chat import ChatScreen

FOLDER = "first-look"
"""Inside the cache folder: the records of first screens."""


@dataclass(frozen=True)
class ShownOption:
    """An answer option as its button shows it."""

    key: str
    """What is typed to choose it."""
    label: str
    """Its words."""


@dataclass(frozen=True)
class Named:
    """Who is answering, as the progress header names them."""

    name: str
    """Their name."""
    role: str
    """Their role."""
    organisation: str
    """Their organisation."""


@dataclass(frozen=True)
class FirstLook:
    """What the chat screen shows at the first question, as plain data."""

    title: str
    """The dialogue's title, in the header."""
    who: Named | None
    """Who is answering, before the title."""
    done: int
    """How far the progress bar is filled, out of `total`."""
    total: int
    """The progress bar's total."""
    where: str
    """The area, under the title."""
    count: str
    """The question's count, beside it."""
    messages: tuple[ChatMessage, ...]
    """The log's messages."""
    options: tuple[ShownOption, ...]
    """The answer options' buttons."""
    placeholder: str
    """What the empty answer box says."""


@dataclass(frozen=True)
class FirstStart:
    """How the app starts a new self-assessment from the command line: the record's key,
    the record found under it (None: none, the start as it always was), and what begins
    the conversation once the first frame is up."""

    entry: str
    """The key the record is kept under."""
    look: FirstLook | None
    """The record found, drawn before the engine loads."""
    begin: Callable[[], Conversation] | None
    """Starts the conversation (the engine's whole start-up), where `look` is drawn."""


def entry(words: Iterable[str], folders: Iterable[Path], files: Iterable[str] = ()) -> str:
    """The key of a record: the command's words that shape the first screen, the content
    of every framework and dialogue file in the catalogue's folders (and of ``files``,
    given by path), and the program (`remembered.key`)."""
    digest = hashlib.sha256()
    for word in words:
        digest.update(f"{word}\0".encode())
    paths: list[Path] = []
    for folder in dict.fromkeys(folders):
        with contextlib.suppress(OSError):
            paths.extend(sorted(folder.glob("*.toml")))
    paths.extend(Path(name) for name in files if name.endswith(".toml"))
    for path in paths:
        digest.update(f"{path}\0".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:
            digest.update(f"unreadable {error.errno}".encode())
    return remembered.key("first-look", digest.hexdigest())


def recall(key: str) -> FirstLook | None:
    """The record kept under a key, or None (none, damaged or not this user's own)."""
    data = remembered.read_owned(_path(key))
    if data is None:
        return None
    try:
        fields = json.loads(data)
        who = fields.pop("who")
        messages = tuple(ChatMessage(**message) for message in fields.pop("messages"))
        options = tuple(ShownOption(**option) for option in fields.pop("options"))
        look = FirstLook(
            **fields,
            who=Named(**who) if who is not None else None,
            messages=messages,
            options=options,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    # Words are shown as words, whatever the file says (a record is never trusted to
    # be of the right types: it is a file).
    texts = [look.title, look.where, look.count, look.placeholder]
    texts += [part for message in messages for part in (message.role, message.text, message.label)]
    texts += [part for option in options for part in (option.key, option.label)]
    if look.who is not None:
        texts += [look.who.name, look.who.role, look.who.organisation]
    numbers = (look.done, look.total)
    if not all(isinstance(text, str) for text in texts) or not all(
        isinstance(number, int) for number in numbers
    ):
        return None
    return look


def keep(key: str, look: FirstLook) -> None:
    """Keep a record, where the cache folder can be written (nothing is said otherwise:
    the next start is then the start as it always was)."""
    path = _path(key)
    with contextlib.suppress(OSError):
        path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(path, json.dumps(asdict(look), ensure_ascii=False))


def looked(screen: ChatScreen) -> FirstLook | None:
    """What the chat screen shows now, as a record; None where a record could not draw it
    the same (a multi-line answer box, a hint under the box, an option marked)."""
    from textual.widgets import Static

    from bot.tui.widgets.chat_input import ChatInput
    from bot.tui.widgets.chat_log import ChatLog
    from bot.tui.widgets.options_bar import OptionButton, OptionsBar
    from bot.tui.widgets.progress_header import ProgressHeader

    box = screen.query_one(ChatInput)
    hint = screen.query_one("#hint", Static)
    bar = screen.query_one(OptionsBar)
    if (
        box.has_class("-hidden")
        or screen.query("#long-answer")
        or str(hint.content).strip()
        or box.value
        or any(button.current or button.has_class("-chosen") for button in bar.query(OptionButton))
    ):
        return None
    header = screen.query_one(ProgressHeader)
    who = header.who
    return FirstLook(
        title=header.title_text,
        who=Named(who.name, who.role, who.organisation) if who is not None else None,
        done=header.filled[0],
        total=header.filled[1],
        where=header.where,
        count=header.count,
        messages=tuple(screen.query_one(ChatLog).messages),
        options=tuple(ShownOption(option.key, option.label) for option in bar.options),
        placeholder=box.placeholder,
    )


def _path(key: str) -> Path:
    return remembered.default_cache_folder() / FOLDER / f"{key}.json"
