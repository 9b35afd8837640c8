"""Every way of leaving a conversation checks its transcript as a save does: a file a sync
client put an older copy over after the last save is rescued into a side file, and where
the answers are is said (plain mode: on stderr; the app: a message, and again once it has
closed). A transcript moved or renamed while open keeps every answer in the moved file
and is never written back at its old path; a save tried after a loss says it is in no
file; a note that cannot be saved stays in its box; a check that cannot be made does not
turn a save into a failure."""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest
from textual.widgets import Input

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.conversation import TranscriptLost
from bot.model import Respondent
from tests.conftest import Clock
from tests.test_conversation_endings import CALL
from tests.test_transcript_replaced import plain
from tests.tui_helpers import (
    log_text,
    mini_catalogue,
    notifications,
    running,
    send,
    start,
    start_call,
    type_text,
)


def new(folder: Path, clock: Clock) -> conversation.Conversation:
    talk = conversation.start(
        mini_catalogue(), "mini", "mini-chat", Respondent(name="Jane Smith"), folder, clock=clock
    )
    talk.begin()
    return talk


def older_copy_over(path: Path, older: bytes) -> None:
    """What a sync client does: its older copy renamed over the transcript."""
    copy = path.with_name("sync-copy")
    copy.write_bytes(older)
    os.replace(copy, path)


def answers(path: Path) -> list[str]:
    return [t.text for t in store.load(path).transcript.turns if t.speaker == "respondent"]


def kept(path: Path) -> Path:
    return path.with_name(path.name + store.KEPT_SUFFIX)


# ----- F4: leaving checks ---------------------------------------------------------------


def test_leaving_after_an_older_copy_was_put_over_the_transcript_keeps_every_answer(
    tmp_path: Path, clock: Clock
) -> None:
    talk = new(tmp_path, clock)
    path = talk.path
    older = path.read_bytes()
    talk.answer("3 - first")
    talk.answer("2 - second")
    older_copy_over(path, older)
    lost = talk.leave()
    assert lost is not None and lost.resume_from == kept(path)
    assert "the last one included, is in" in lost.leaving_words()
    assert answers(kept(path)) == ["3 - first", "2 - second"]
    assert talk.leave() is None  # said once


async def test_the_chat_left_by_esc_says_where_the_answers_went(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    path = talk.path
    older = path.read_bytes()
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "3")
        older_copy_over(path, older)
        await pilot.press("escape")
        await pilot.pause()
        said = " ".join(" ".join(notifications(app)).split())
        assert f"resume {kept(path).name}" in said
        assert any(kept(path).name in words for words in app.after_exit)
    assert answers(kept(path)) == ["3"]


async def test_leaving_an_interview_names_the_side_file_its_call_pause_went_to(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        path = talk.path
        older = path.read_bytes()
        await pilot.press("2")
        await pilot.pause()
        older_copy_over(path, older)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert any(kept(path).name in words for words in app.after_exit)
    assert "call_pause" in kept(path).read_text()


def test_plain_ctrl_c_after_a_replace_says_where_the_answers_went(tmp_path: Path) -> None:
    driver = plain(tmp_path)
    driver.read_prompt()
    path = tmp_path / driver.transcript()
    older = path.read_bytes()
    driver.send("3 - first answer")
    driver.read_prompt()
    older_copy_over(path, older)
    driver.process.send_signal(signal.SIGINT)
    status = driver.finish()
    errors = driver.process.stderr.read().decode() if driver.process.stderr else ""
    assert status == 6, driver.output + errors
    assert "Everything answered is saved" not in errors
    assert f"{kept(path).relative_to(tmp_path)}" in errors
    assert answers(kept(path)) == ["3 - first answer"]


# ----- F1: moved or renamed -------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_transcript_moved_while_open_keeps_every_answer_in_the_moved_file(
    tmp_path: Path, clock: Clock, what: str
) -> None:
    folder = tmp_path / "r1"
    talk = new(folder, clock)
    talk.answer("3 - first")
    if what == "file":
        moved = folder / "moved.toml"
        os.rename(talk.path, moved)
    else:
        os.rename(folder, tmp_path / "r1-old")
        moved = tmp_path / "r1-old" / talk.path.name
    talk.answer("2 - second")  # saved, in the moved file
    said = " ".join(talk.take_notices())
    assert "moved or renamed" in said and "is in the moved file" in said
    assert "could not be written" not in said and "removed" not in said
    assert answers(moved) == ["3 - first", "2 - second"]
    assert not talk.path.exists()  # never written back at the old path
    assert talk.stopped
    with pytest.raises(TranscriptLost) as again:
        talk.note("a third thing")
    assert "in no file" in str(again.value)
    assert talk.leave() is None
    assert answers(moved) == ["3 - first", "2 - second"]


# ----- F2: said once ----------------------------------------------------------------------


async def test_a_save_after_the_loss_was_said_is_said_to_be_in_no_file(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        path = talk.path
        older_copy_over(path, path.read_bytes())
        await send(pilot, "3 - first")
        assert log_text(app).count("the last one included") == 1
        await send(pilot, "2 - second")
        said = " ".join(log_text(app).split())
        assert said.count("the last one included") == 1
        assert "this is in no file" in said
        assert app.screen.query_one("#answer", Input).value.endswith("2 - second")
    # Said again, once, after the app has closed (its log is gone then).
    assert [kept(path).name in words for words in app.after_exit] == [True]
    assert answers(kept(path)) == ["3 - first"]


# ----- F3: a note that cannot be saved stays in its box ------------------------------------


def full(self: store.TranscriptWriter, turns: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


async def test_an_interview_note_that_cannot_be_saved_stays_in_its_box(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        monkeypatch.setattr(store.TranscriptWriter, "append", full)
        await pilot.press("ctrl+n")
        await type_text(pilot, "they were hesitant")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#notes", Input).value == "they were hesitant"
        assert "No space left" in log_text(app)


async def test_a_chat_note_that_cannot_be_saved_stays_in_its_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        monkeypatch.setattr(store.TranscriptWriter, "append", full)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "they were hesitant")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#text", Input).value == "they were hesitant"


# ----- F10: a check that cannot be made --------------------------------------------------


def test_a_save_whose_check_cannot_be_made_is_saved_with_a_warning(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = new(tmp_path, clock)
    path = talk.path
    real_stat = os.stat

    def refused(name: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(name)) == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_stat(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refused)
    talk.answer("3 - first")  # in the file: never said to have failed
    monkeypatch.setattr(os, "stat", real_stat)
    assert "could not be checked" in " ".join(talk.take_notices())
    assert [t.text for t in talk.session.turns if t.speaker == "respondent"] == ["3 - first"]
    assert answers(path) == ["3 - first"]
