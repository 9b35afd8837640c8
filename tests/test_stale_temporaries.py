"""A write killed part way leaves a hidden temporary file (which can hold a respondent's
details): the next write in that folder removes it, once it is over a day old and its
process is gone, and never anything else (another computer's write in progress in a
shared folder, whose clock runs ahead, included)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bot import conversation
from bot.files import write_atomically
from bot.model import Respondent
from tests.tui_helpers import mini_catalogue


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def made(path: Path, age: float = 2 * 24 * 3600.0) -> Path:
    path.write_text('[respondent]\nname = "Invitee details"\n')
    then = time.time() - age
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def test_a_killed_writes_temporary_file_goes_at_the_next_write_in_the_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "round"
    folder.mkdir()
    pid = dead_pid()
    stale = made(folder / f".20261202-123051-mini-l1-b6cba9e4.toml.{pid}.0.tmp")
    # None of these is a stale temporary file of the writer's: all are kept.
    fresh = made(folder / f".other.toml.{pid}.1.tmp", age=5)
    running = made(folder / f".mine.toml.{os.getpid()}.7.tmp")
    others = [
        made(folder / f".notes.{pid}.tmp"),
        made(folder / f"notes.toml.{pid}.0.tmp"),
        made(folder / f".notes.toml.{pid}.0.tmp.bak"),
        made(folder / ".notes.toml.x.0.tmp"),
    ]
    linked = folder / f".link.toml.{pid}.0.tmp"
    target = made(tmp_path / "target.txt")
    linked.symlink_to(target)
    sub = folder / f".sub.{pid}.0.tmp"
    sub.mkdir()
    # The next transcript started in the folder (as `round interview` starts one).
    talk = conversation.start(mini_catalogue(), "mini", "mini-chat", Respondent(name="Ann"), folder)
    talk.close()
    assert not stale.exists()
    for kept in [fresh, running, *others, target, sub]:
        assert kept.exists(), kept
    assert linked.is_symlink()
    # Any atomic write in a folder does it.
    again = made(folder / f".x.toml.{pid}.3.tmp")
    write_atomically(folder / "plan.toml", "x = 1\n")
    assert not again.exists()


def test_a_temporary_file_under_a_day_old_is_kept_whatever_its_process_id(
    tmp_path: Path,
) -> None:
    # Another computer's write in progress on a shared folder: its process id means
    # nothing here, and its clock may be hours ahead of this one's.
    folder = tmp_path / "round"
    folder.mkdir()
    pid = dead_pid()
    elsewhere = made(folder / f".20261202-123051-mini-l1-b6cba9e4.toml.{pid}.0.tmp", age=7200)
    write_atomically(folder / "plan.toml", "x = 1\n")
    assert elsewhere.exists()
