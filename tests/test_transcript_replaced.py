"""A transcript replaced (a tool that saves by rename: sed -i, an editor's safe write, a
sync client) or removed while a conversation has it open: no answer is said to be saved
when it cannot be read back, every answer is written out (a side file, or the removed
transcript written back), the typed answer is kept, and no second process can open the
replaced file while the first still holds it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.conversation import TranscriptLost
from bot.model import Respondent
from tests.conftest import DATA, Clock
from tests.plain_driver import Driver, run
from tests.tui_helpers import log_text, mini_catalogue, running, send, start


def replace_by_rename(path: Path) -> None:
    """What sed -i and an editor's safe write do: a new file renamed over the name."""
    copy = path.with_name(path.name + ".sed")
    shutil.copyfile(path, copy)
    os.replace(copy, path)


def new(catalogue: Catalogue, folder: Path, clock: Clock) -> conversation.Conversation:
    talk = conversation.start(
        catalogue, "mini", "mini-chat", Respondent(name="Jane Smith"), folder, clock=clock
    )
    talk.begin()
    return talk


def test_a_save_after_the_transcript_was_replaced_goes_to_a_side_file(
    tmp_path: Path, clock: Clock
) -> None:
    talk = new(mini_catalogue(), tmp_path, clock)
    talk.answer("3 - first answer")
    path = talk.path
    replace_by_rename(path)
    with pytest.raises(TranscriptLost) as lost:
        talk.answer("2 - after the replace")
    kept = path.with_name(path.name + store.KEPT_SUFFIX)
    assert lost.value.resume_from == kept
    assert "was replaced by another program" in str(lost.value)
    assert "after the replace" not in path.read_text()
    assert "after the replace" in kept.read_text()
    # The side file is a whole transcript: it can be resumed.
    assert [t.text for t in store.load(kept).transcript.turns if t.speaker == "respondent"] == [
        "3 - first answer",
        "2 - after the replace",
    ]
    # Nothing more is written, and the same is said again.
    with pytest.raises(TranscriptLost):
        talk.note("later")
    assert "later" not in kept.read_text()


def test_a_transcript_removed_while_open_is_written_back(tmp_path: Path, clock: Clock) -> None:
    talk = new(mini_catalogue(), tmp_path, clock)
    talk.answer("3 - first answer")
    path = talk.path
    path.unlink()
    with pytest.raises(TranscriptLost) as lost:
        talk.answer("2 - after the rm")
    assert lost.value.resume_from == path
    assert "was removed" in str(lost.value) and "written back" in str(lost.value)
    assert "after the rm" in path.read_text()
    talk.close()
    # Written back whole, and free to be resumed.
    conversation.resume(mini_catalogue(), path, clock).close()


def test_a_removed_transcript_is_never_written_over_a_file_put_there_since(
    tmp_path: Path, clock: Clock
) -> None:
    talk = new(mini_catalogue(), tmp_path, clock)
    path = talk.path
    path.unlink()
    path.write_text("someone else's file")
    with pytest.raises(TranscriptLost) as lost:
        talk.answer("3 - mine")
    assert path.read_text() == "someone else's file"
    assert lost.value.resume_from is not None
    assert "3 - mine" in lost.value.resume_from.read_text()


def test_a_replaced_transcript_cannot_be_opened_while_its_writer_holds_it(
    tmp_path: Path, clock: Clock
) -> None:
    talk = new(mini_catalogue(), tmp_path, clock)
    replace_by_rename(talk.path)
    assert store.in_use(talk.path)
    with pytest.raises(store.TranscriptInUse):
        conversation.resume(mini_catalogue(), talk.path, clock)
    talk.close()
    conversation.resume(mini_catalogue(), talk.path, clock).close()


def test_leaving_says_saved_only_when_the_file_is_still_there(tmp_path: Path, clock: Clock) -> None:
    talk = new(mini_catalogue(), tmp_path, clock)
    talk.answer("3 - first answer")
    talk.check_saved()
    talk.path.unlink()
    with pytest.raises(TranscriptLost):
        talk.check_saved()
    assert "first answer" in talk.path.read_text()


def plain(cwd: Path) -> Driver:
    return Driver(
        "assess",
        "--plain",
        "-f",
        str(DATA / "mini.toml"),
        "-d",
        str(DATA / "mini-chat.toml"),
        cwd=cwd,
    )


@pytest.mark.parametrize("how", ["replace", "rm"])
def test_plain_mode_never_says_saved_into_a_lost_transcript(tmp_path: Path, how: str) -> None:
    driver = plain(tmp_path)
    driver.read_prompt()
    path = tmp_path / driver.transcript()
    driver.send("3 - first answer")
    driver.read_prompt()
    if how == "replace":
        replace_by_rename(path)
        # A second process is refused while the first still holds the transcript.
        second = run("resume", str(path), "--plain", stdin="2\n:quit\n", cwd=tmp_path)
        assert second.returncode == 4, second.stdout + second.stderr
        assert "in use" in second.stderr
    else:
        path.unlink()
    driver.send("precious answer typed after it")
    driver.send(":quit")
    status = driver.finish()
    output = driver.output.rsplit("first answer", 1)[-1]
    assert status == 6, driver.output
    assert "Saved." not in output
    assert "What was just typed: precious answer typed after it" in output
    kept = path if how == "rm" else path.with_name(path.name + store.KEPT_SUFFIX)
    assert f"Resume with: partnership-bot resume {kept.relative_to(tmp_path)} --plain" in output
    assert "precious answer typed after it" in kept.read_text()
    if how == "replace":
        assert "precious" not in path.read_text()
    # It carries on from the file named.
    again = run("resume", str(kept), "--plain", stdin=":quit\n", cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr


@pytest.mark.parametrize("how", ["replace", "rm"])
async def test_the_chat_keeps_the_answer_and_says_where_everything_is(
    tmp_path: Path, how: str
) -> None:
    talk = start(mini_catalogue(), tmp_path)
    async with running(mini_catalogue(), tmp_path, talk) as (app, pilot):
        await send(pilot, "3 - first answer")
        path = talk.path
        if how == "replace":
            replace_by_rename(path)
        else:
            path.unlink()
        await send(pilot, "an answer typed after it")
        said = log_text(app)
        assert "Not saved:" in said
        assert ("was replaced" if how == "replace" else "was removed") in said
        assert app.screen.query_one("#answer", Input).value == "an answer typed after it"
        kept = path if how == "rm" else path.with_name(path.name + store.KEPT_SUFFIX)
        assert "an answer typed after it" in kept.read_text()
        assert f"To carry on: partnership-bot resume {kept.name}" in " ".join(said.split())
