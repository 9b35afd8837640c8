"""What is stored is the respondent's words, cleaned by one rule (`bot.text.clean_text`)
whichever front end took them: escape sequences and control characters removed, every
other character (bidirectional marks, zero-width characters, emoji, no-break spaces)
kept as itself. Escaping for showing (`bot.text.printable`) is only ever done where text
is shown, never in what is stored: a paste into the app is stored as the same words
piped to plain mode are."""

from __future__ import annotations

import asyncio
import io
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.pilot import Pilot

from bot import cli, store
from bot.catalogue import Catalogue
from bot.plain import PlainMode
from bot.text import clean_input
from bot.tui.paste import PASTE_END, PASTE_START, PasteSafeParser
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.interview import InterviewScreen
from tests.tui_helpers import log_text, make_app, mini_catalogue, start

ESC, BEL = "\x1b", "\x07"
PASTED = f"pasted {ESC}[31mRED{ESC}[0m {BEL} \u202eRTL\u202c zw\u200bx \u00a0nbsp \U0001f600"
"""The hostile paste: colour escapes, a bell, a right-to-left override and its end, a
zero-width space, a no-break space and an emoji."""
STORED = "pasted RED  \u202eRTL\u202c zw\u200bx \u00a0nbsp \U0001f600"
"""What is stored of it: the escapes and the bell gone, every other character itself."""


def terminal_paste(text: str) -> events.Paste:
    """The paste event the app's terminal parser makes of text pasted at a terminal."""
    found = list(PasteSafeParser().feed(PASTE_START + text + PASTE_END))
    assert len(found) == 1 and isinstance(found[0], events.Paste)
    return found[0]


async def paste(pilot: Pilot, text: str) -> None:  # type: ignore[type-arg]
    """Paste text as a terminal pastes it, into the box with the focus."""
    pilot.app.post_message(terminal_paste(text))
    await pilot.pause()


def words(path: Path) -> list[tuple[str, str]]:
    """The respondent's and the interviewer's words stored in a transcript, in order."""
    kinds = ("answer", "probe_answer", "note")
    return [(t.kind, t.text) for t in store.load(path).transcript.turns if t.kind in kinds]


def in_plain_mode(folder: Path, lines: list[str], interviewer: str | None = None) -> Path:
    """A mini conversation given these lines in plain mode, as from a pipe: its file."""
    talk = start(mini_catalogue(), folder, interviewer=interviewer)
    try:
        PlainMode(talk, io.StringIO("".join(f"{x}\n" for x in lines)), io.StringIO()).run()
    finally:
        talk.close()
    return talk.path


async def in_the_chat(folder: Path, answer: str, reply: str, notes: list[str]) -> tuple[Path, str]:
    """A mini self-assessment in the app: the answer and the reply to its follow-up, then
    each note, pasted (a note with Ctrl+N): its file, and what its chat showed."""
    catalogue = mini_catalogue()
    talk = start(catalogue, folder)
    app = make_app(catalogue, folder, conversation=talk)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        for text in (answer, reply):
            await paste(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        for note in notes:
            await pilot.press("ctrl+n")
            await pilot.pause()
            await paste(pilot, note)
            await pilot.press("enter")
            await pilot.pause()
        shown = log_text(app)
    talk.close()
    return talk.path, shown


def test_a_paste_into_the_chat_is_stored_as_plain_mode_stores_it(tmp_path: Path) -> None:
    answer, reply, note = f"1 - {PASTED}", f"because {PASTED}", f"note {PASTED}"
    app, shown = asyncio.run(in_the_chat(tmp_path / "app", answer, reply, [note]))
    assert "<U+202E>RTL<U+202C>" in shown and "\u202e" not in shown  # shown escaped
    plain = in_plain_mode(tmp_path / "plain", [answer, reply, f":note {note}", ":quit"])
    expected = [
        ("answer", f"1 - {STORED}"),
        ("probe_answer", f"because {STORED}"),
        ("note", f"note {STORED}"),
    ]
    assert words(app) == words(plain) == expected
    text = app.read_text(encoding="utf-8")
    assert "\\\\x1b" not in text and "<U+" not in text


async def test_a_paste_into_the_interview_is_stored_as_plain_mode_stores_it(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path / "app", interviewer="An Officer")
    app = make_app(catalogue, tmp_path / "app", conversation=talk)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("1")  # a weak answer: a follow-up opens, the cursor in the reply
        await pilot.pause()
        assert talk.current().kind == "probe"
        await paste(pilot, f"because {PASTED}")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await paste(pilot, f"note {PASTED}")
        await pilot.press("enter")
        await pilot.pause()
    talk.close()
    plain = in_plain_mode(
        tmp_path / "plain",
        ["1", f"because {PASTED}", f":note note {PASTED}", ":quit"],
        interviewer="An Officer",
    )
    expected = [("probe_answer", f"because {STORED}"), ("note", f"note {STORED}")]
    assert words(talk.path)[1:] == words(plain)[1:] == expected


async def test_names_from_the_form_and_the_command_line_are_stored_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(":quit\n"))
    command = ["assess", "--plain", "-f", "working-better-together"]
    assert cli.main([*command, "--respondent", PASTED, "--organisation", f"Org {PASTED}"]) == 0
    (typed,) = (tmp_path / "transcripts").glob("*.toml")
    app = make_app(Catalogue(), tmp_path / "app")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await paste(pilot, PASTED)  # the name
        await pilot.press("tab")
        await paste(pilot, f"Org {PASTED}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
    (pasted,) = (tmp_path / "app").glob("*.toml")
    for path in (typed, pasted):
        who = store.load(path).transcript.respondent
        assert (who.name, who.organisation) == (STORED, f"Org {STORED}")


FRAGMENTS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=6),
    st.sampled_from(
        [
            f"{ESC}[31m",
            f"{ESC}[0m",
            f"{ESC}]0;title{BEL}",
            f"{ESC}[201",
            ESC,
            BEL,
            "\t",
            "\x7f",
            "\x9b",
            "\u202e",
            "\u202c",
            "\u200b",
            "\u200d",
            "\u00a0",
            "\ufeff",
            "\U0001f600",
            "e\u0301",
            "\\x1b",
            "<U+202E>",
        ]
    ),
)
WORDS = st.lists(FRAGMENTS, min_size=1, max_size=8).map("".join)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answer=WORDS, reply=WORDS, notes=st.lists(WORDS, min_size=1, max_size=6))
def test_the_app_and_plain_mode_store_the_same_words(
    answer: str, reply: str, notes: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        # Words of their own first: a comment of numbers alone, or of nothing but another
        # answer, is refused (what is stored is the point here, not the reading).
        answer, reply = f"1 - said {answer}", f"because {reply}"
        notes = [f"note {n}" for n in notes]
        app, _ = asyncio.run(in_the_chat(where / "app", answer, reply, notes))
        lines = [answer, reply, *(f":note {n}" for n in notes), ":quit"]
        plain = in_plain_mode(where / "plain", lines)
        stored = words(app)
        assert stored == words(plain)
        assert [t for _, t in stored] == [clean_input(t) for t in (answer, reply, *notes)]
