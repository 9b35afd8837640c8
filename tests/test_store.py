"""The transcript store: durable appends, torn tails, locks, permissions and safe names."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.text import clean_line
from tests.conftest import DATA, Clock


@pytest.fixture
def test_catalogue() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def new(
    catalogue: Catalogue, folder: Path, clock: Clock, name: str = "Jane Smith"
) -> conversation.Conversation:
    talk = conversation.start(
        catalogue, "mini", "mini-chat", Respondent(name=name), folder, clock=clock
    )
    talk.begin()
    return talk


def test_every_turn_is_on_disk_before_it_is_shown(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    talk.answer("3")
    on_disk = store.load(talk.path).transcript
    assert on_disk.turns == tuple(talk.session.turns)
    assert on_disk.status == "in_progress"
    talk.close()


def test_a_torn_final_save_is_dropped_and_cut_on_resume(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    talk.answer("3")
    path = talk.path
    talk.close()
    whole = path.read_bytes()
    extra = store.encode_turns([talk.session.turns[-1].model_copy(update={"seq": 99})]).encode()
    # Cut inside its check line at the latest: without only its final newline a save is
    # whole (tests/test_final_newline.py).
    for cut in (1, len(extra) // 2, len(extra) - 2):
        path.write_bytes(whole + extra[:cut])
        loaded = store.load(path)
        assert loaded.transcript.turns == tuple(talk.session.turns)
        assert loaded.dropped_bytes == cut
    resumed = conversation.resume(test_catalogue, path, clock)
    assert path.read_bytes() == whole
    assert (tmp_path / (path.name + ".torn")).read_bytes() == extra[: len(extra) - 2]
    assert resumed.warnings == [
        f"The last save before this was interrupted; the unfinished part ({len(extra) - 2} "
        f"bytes) was cut from the transcript and kept in {path.name}.torn."
    ]
    resumed.close()


def test_a_final_save_with_a_wrong_check_is_dropped(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    before = len(talk.session.turns)
    talk.answer("3")
    talk.close()
    text = talk.path.read_text()
    # Disk blocks written out of order: the last save's text is damaged but its check line survived.
    head, _, tail = text.rpartition('value = "agree"')
    talk.path.write_text(head + "\0" * 15 + tail)
    assert len(store.load(talk.path).transcript.turns) == before


def test_second_writer_is_told_who_holds_it(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    with pytest.raises(store.TranscriptInUse) as error:
        conversation.resume(test_catalogue, talk.path, clock)
    assert f"in use by process {os.getpid()} on " in str(error.value)
    talk.close()
    conversation.resume(test_catalogue, talk.path, clock).close()


def test_files_are_owner_only(test_catalogue: Catalogue, tmp_path: Path, clock: Clock) -> None:
    folder = tmp_path / "new-folder"
    talk = new(test_catalogue, folder, clock)
    assert stat.S_IMODE(talk.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    talk.close()
    assert not list(folder.glob("*.lock")), "the lock file is removed on close"
    assert not list(folder.glob(".*.tmp")), "no temporary file is left"


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "Zoë O'Brien-Smith", "", "\x1b[31mred", "名前", "con", "a" * 200]
)
def test_file_names_are_safe(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock, name: str
) -> None:
    talk = new(test_catalogue, tmp_path, clock, name=name)
    assert talk.path.parent == tmp_path
    assert len(talk.path.name) < 120
    assert all(c.isascii() and (c.isalnum() or c in "-.") for c in talk.path.name)
    # Kept as typed, but for control characters and escape sequences, which are never
    # stored (the one cleaning rule, `clean_line`).
    assert store.load(talk.path).transcript.respondent.name == clean_line(name)
    talk.close()


def test_save_cost_does_not_grow_with_length(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    """Each save appends only its own turns: the bytes written per turn stay flat."""
    talk = new(test_catalogue, tmp_path, clock)
    sizes = []
    for _ in range(40):
        before = talk.path.stat().st_size
        talk.note("the same note each time")
        sizes.append(talk.path.stat().st_size - before)
    assert max(sizes) - min(sizes) <= 2  # only the digits of seq and the check vary
    talk.close()


def test_summaries_list_newest_first_and_keep_broken_ones(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    first = new(test_catalogue, tmp_path, clock, name="First")
    first.close()
    second = new(test_catalogue, tmp_path, clock, name="Second")
    second.close()
    (tmp_path / "broken.toml").write_text("not = [valid")
    found = store.summaries(tmp_path)
    names = [s.transcript.respondent.name for s in found if s.transcript]
    assert names == ["Second", "First"]
    broken = [s for s in found if s.transcript is None]
    assert len(broken) == 1 and "is not valid TOML" in broken[0].error


def test_resume_of_a_transcript_whose_dialogue_changed(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    talk.note("a later save, so the edited one is not the last")
    talk.close()
    text = talk.path.read_text().replace('node = "a1"', 'node = "gone"', 1)
    talk.path.write_text(text)
    from bot.problems import LoadError

    with pytest.raises(
        LoadError, match=r': turn \d+: refers to node "gone", which mini-chat no longer has'
    ):
        conversation.resume(test_catalogue, talk.path, clock)


def test_a_hand_edited_final_save_marked_edited_is_kept(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    talk.answer("3 - we meet monthly")
    talk.close()
    text = talk.path.read_text().replace("we meet monthly", "we meet every month")
    head, _, _ = text.rpartition("check = ")
    talk.path.write_text(head + 'check = "edited"\n')
    turns = store.load(talk.path).transcript.turns
    assert any(t.comment == "we meet every month" for t in turns)
