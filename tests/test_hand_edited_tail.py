"""A transcript's end read back: a changed last save is an edit (refused, the file left as
it is), a torn one is dropped, and whatever is cut from the file is kept beside it first."""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path

import pytest

from bot import cli, conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.problems import LoadError
from tests.conftest import ROOT

FAREHAM = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
LAST_WORDS = "map a way forward."
"""Words of the sample's last answer, which is in its last save."""


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The finished sample with a word of its last answer changed by hand."""
    path = tmp_path / "t" / "edited.toml"
    path.parent.mkdir()
    text = FAREHAM.read_text(encoding="utf-8")
    assert text.count(LAST_WORDS) == 2  # its text and its comment
    path.write_text(text.replace(LAST_WORDS, "map the way forward."), encoding="utf-8")
    return path


def last_check_line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(n for n, line in enumerate(lines, start=1) if line.startswith("check = "))


def test_a_changed_last_save_is_refused_as_edited_by_hand_not_dropped(edited: Path) -> None:
    before = edited.read_bytes()
    line = last_check_line(edited)
    with pytest.raises(LoadError) as raised:
        store.load(edited)
    said = str(raised.value)
    assert said.startswith(f"t/{edited.name}:{line}: the last save (turns 126 to 127")
    assert f'write check = "edited" in place of line {line}' in said
    with pytest.raises(LoadError):
        store.open_for_writing(edited)
    assert edited.read_bytes() == before
    assert list(edited.parent.iterdir()) == [edited]


def test_resuming_a_changed_finished_transcript_leaves_it_whole(
    edited: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = edited.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status = cli.main(["resume", str(edited), "--plain"])
    err = capsys.readouterr().err
    assert status == exit_codes.LOAD_ERROR
    assert "was changed after it was written" in err and "interrupted" not in err
    assert edited.read_bytes() == before


def test_the_app_opening_a_changed_transcript_says_so_and_cuts_nothing(
    edited: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tui.app import PartnershipApp

    before = edited.read_bytes()
    shown: list[tuple[str, str]] = []
    app = PartnershipApp(Catalogue(), edited.parent)
    monkeypatch.setattr(app, "show_error", lambda title, message: shown.append((title, message)))
    app.open_transcript(edited)
    assert shown and "was changed after it was written" in shown[0][1]
    assert edited.read_bytes() == before


def test_marked_edited_it_is_kept_and_resumed(edited: Path, catalogue: Catalogue) -> None:
    text = edited.read_text(encoding="utf-8")
    head, _, _ = text.rpartition("check = ")
    edited.write_text(head + 'check = "edited"\n', encoding="utf-8")
    talk = conversation.resume(catalogue, edited)
    talk.close()
    assert talk.dropped_bytes == 0
    assert edited.read_text(encoding="utf-8") == head + 'check = "edited"\n'


def test_a_torn_tail_is_kept_in_a_side_file_before_it_is_cut(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "torn.toml"
    whole = FAREHAM.read_bytes()
    path.write_bytes(whole[:-300])
    good = store.load(path).valid_bytes
    talk = conversation.resume(catalogue, path)
    talk.close()
    side = tmp_path / "torn.toml.torn"
    assert path.read_bytes() == whole[:good]
    assert side.read_bytes() == whole[good:-300]
    assert side.stat().st_mode & 0o777 == 0o600
    assert talk.kept_in == side
    assert talk.warnings[-1] == (
        f"The last save before this was interrupted; the unfinished part ({len(whole) - 300 - good} "
        f"bytes) was cut from the transcript and kept in {side.name}."
    )
    # Torn again: the first side file is kept as it is, the second beside it.
    path.write_bytes(whole[:good] + b"\n[[turns]]\nseq = ")
    conversation.resume(catalogue, path).close()
    assert side.read_bytes() == whole[good:-300]
    assert (tmp_path / "torn.toml.torn-2").read_bytes() == b"\n[[turns]]\nseq = "
    assert path.read_bytes() == whole[:good]


def test_a_save_damaged_out_of_order_is_dropped_and_kept(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    # Disk blocks written out of order: a block of the last save is zeros, its check survived.
    path = tmp_path / "damaged.toml"
    text = FAREHAM.read_bytes()
    at = text.rindex(LAST_WORDS.encode())
    damaged = text[:at] + b"\0" * 40 + text[at + 40 :]
    path.write_bytes(damaged)
    loaded = store.load(path)
    assert loaded.transcript.status == "in_progress" and loaded.dropped_bytes
    conversation.resume(catalogue, path).close()
    assert (tmp_path / "damaged.toml.torn").read_bytes() == damaged[loaded.valid_bytes :]


def test_nothing_is_cut_when_the_side_file_cannot_be_written(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "torn.toml"
    path.write_bytes(FAREHAM.read_bytes()[:-300])
    before = path.read_bytes()
    real_open = store.os.open

    def no_space(name: object, flags: int, *args: object) -> int:
        if str(name).endswith(store.TORN_SUFFIX):
            raise OSError(errno.ENOSPC, "No space left on device", str(name))
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(store.os, "open", no_space)
    with pytest.raises(OSError):
        conversation.resume(catalogue, path)
    assert path.read_bytes() == before


def test_side_files_are_not_listed_or_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    shutil.copy(FAREHAM, folder / "whole.toml")
    (folder / "whole.toml.torn").write_bytes(b"\n[[turns]]\nseq = 128\n")
    assert [s.path.name for s in store.summaries(folder)] == ["whole.toml"]
    assert [p.name for p in store.gather([folder]).files] == ["whole.toml"]
    status = cli.main(["report", "t", "--aggregate", "-o", "agg.md"])
    assert status == exit_codes.OK, capsys.readouterr().err
    assert ", 0 that failed to load" in (tmp_path / "agg.md").read_text(encoding="utf-8")


def test_an_immutable_transcript_is_said_to_be_the_file_not_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.toml"
    shutil.copy(FAREHAM, path)

    def immutable(name: Path) -> int:  # as `chattr +i` makes it, in a folder one can write
        raise PermissionError(errno.EPERM, "Operation not permitted", str(name))

    monkeypatch.setattr(store, "_open_locked", immutable)
    status = cli.main(["resume", str(path), "--plain"])
    err = capsys.readouterr().err
    assert status == exit_codes.CANNOT_WRITE
    assert err.startswith(
        "error: cannot write to t.toml (Operation not permitted): the file itself"
    )
    assert "the folder of" not in err


def test_bytes_written_past_the_end_by_another_program_are_kept_before_a_save(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "open.toml"
    path.write_bytes(FAREHAM.read_bytes())
    talk = conversation.resume(catalogue, path)
    with path.open("ab") as other:
        other.write(b"\n# written by another program\n")
    talk.note("a note saved after it")
    talk.close()
    assert (tmp_path / "open.toml.torn").read_bytes() == b"\n# written by another program\n"
    assert store.load(path).transcript.turns[-1].kind == "note"


def test_a_failed_save_of_its_own_is_cut_without_a_side_file(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "full.toml"
    path.write_bytes(FAREHAM.read_bytes())
    talk = conversation.resume(catalogue, path)
    real_fsync = store.os.fsync
    monkeypatch.setattr(store.os, "ftruncate", lambda fd, n: (_ for _ in ()).throw(OSError()))
    monkeypatch.setattr(
        store.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
    )
    with pytest.raises(OSError):
        talk.writer.append([talk.session.turns[-1].model_copy(update={"seq": 128})])
    monkeypatch.undo()
    assert store.os.fsync is real_fsync
    talk.note("saved once there is room")
    talk.close()
    assert not (tmp_path / "full.toml.torn").exists()
    assert store.load(path).transcript.turns[-1].kind == "note"
