"""Where `-o` (and every whole-file write) lands when the name is not a plain file: a link
is written through and stays a link, and a device or named pipe is written into, never
replaced by a plain file (which, for /dev/null, would break every program on the
machine)."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from bot import cli, files
from tests.conftest import ROOT
from tests.plain_driver import command

PTP = ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"


def test_a_link_is_written_through_and_stays_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "board" / "report.md"
    target.parent.mkdir()
    target.write_text("last year's report\n")
    link = tmp_path / "report.md"
    link.symlink_to(target)
    assert cli.main(["report", str(PTP), "-o", str(link)]) in (0, 1)
    assert link.is_symlink()
    assert target.read_text().startswith("#")
    assert link.read_text() == target.read_text()


def test_a_link_to_a_file_not_yet_made_makes_it(tmp_path: Path) -> None:
    target = tmp_path / "board" / "report.md"
    target.parent.mkdir()
    link = tmp_path / "report.md"
    link.symlink_to(target)
    files.write_atomically(link, "text", make_folder=False)
    assert link.is_symlink()
    assert target.read_text() == "text"


def test_a_loop_of_links_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.symlink_to(two)
    two.symlink_to(one)
    assert cli.main(["report", str(PTP), "-o", str(one)]) not in (0, 1)
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
    assert one.is_symlink() and two.is_symlink()


def null_device(folder: Path) -> Path:
    """A device like /dev/null made in the test's own folder (never the machine's own: if
    the fault came back, replacing /dev/null would break every program running)."""
    device = folder / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device needs a privilege this machine does not give")
    return device


def test_a_device_is_written_into_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = null_device(tmp_path)
    before = os.stat(device)
    assert cli.main(["report", str(PTP), "-o", str(device)]) in (0, 1)
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    files.write_atomically(pipe, "through the pipe", make_folder=False)
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["report.pipe"]


def test_a_checked_write_refuses_a_pipe_in_place_of_its_file(tmp_path: Path) -> None:
    # A file the program owns (a plan, a round, a transcript) is never a pipe: one there
    # is refused, not written into (nor replaced).
    pipe = tmp_path / "plan.toml"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a plain file"):
        files.write_atomically(pipe, "data", check=lambda path: None)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def run_to(stdout: object, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed command run with its standard output sent to ``stdout``."""
    return subprocess.run(
        [command(), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )


@pytest.mark.e2e
def test_dev_stdout_into_a_pipe_writes_the_report_down_it() -> None:
    result = run_to(subprocess.PIPE, "report", str(PTP), "-o", "/dev/stdout")
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith(b"#")


@pytest.mark.e2e
def test_dev_stdout_appended_to_a_file_keeps_what_was_there(tmp_path: Path) -> None:
    # As `partnership-bot report T -o /dev/stdout >> all.md`.
    collected = tmp_path / "all.md"
    collected.write_text("EARLIER\n")
    with open(collected, "ab") as stream:
        result = run_to(stream, "report", str(PTP), "-o", "/dev/stdout")
    assert result.returncode in (0, 1), result.stderr
    text = collected.read_text()
    assert text.startswith("EARLIER\n#")
