"""Writing a whole file so that it is never seen half-written and survives a crash.

The one atomic writer: transcripts' headers, framework copies, installed frameworks,
remembered checks, rounds, reports and schemas all go through `write_atomically` (or,
to replace several files together, `write_temporary` then `os.replace` each, then
`fsync_folder`); a file that must never replace another (the app's exports) by
`write_new`, which names it as it is made.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PRIVATE = 0o600
"""Files that may hold respondents' words: readable and writable by their owner only."""

_serial = itertools.count()


class CannotWrite(OSError):
    """A file the program keeps could not be written (or its lock taken): names the file,
    says why and what to do. What was written before is kept: every writer leaves the
    file as it was when it fails."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error), str(path))
        self.path = path
        self.error = error

    def __str__(self) -> str:
        from bot.problems import display_name

        return f"cannot write {display_name(self.path)} ({self.strerror}): {remedy(self.error)}"


def remedy(error: OSError) -> str:
    """What to do about a file that could not be written, by why (a `CannotWrite` by the
    error it was made from): the one rule every message about a file not written says."""
    if isinstance(error, CannotWrite):
        error = error.error
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space on its disk"
    if error.errno == errno.EFBIG:
        return "raise the limit on the size of a file this process may write (ulimit -f)"
    if error.errno == errno.EROFS:
        return "its disk is mounted read-only: use a round on a writable disk"
    if error.errno == errno.ENOTDIR:
        return "a file stands where a folder on its path should be: move that file away"
    if error.errno == errno.EISDIR:
        return "a folder is in its place: move or remove that folder"
    return "make it and its folder writable"


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Any OSError raised inside, as a `CannotWrite` naming ``path``: the file being
    written, whichever temporary file, lock or folder the error came from."""
    try:
        yield
    except CannotWrite:
        raise
    except OSError as error:
        raise CannotWrite(path, error) from error


class NoFolder(FileNotFoundError):
    """The folder a file was to be written in does not exist, and was not to be made."""

    def __init__(self, folder: Path) -> None:
        super().__init__(errno.ENOENT, "no such folder", str(folder))
        self.folder = folder


def write_atomically(
    path: Path,
    data: bytes | str,
    check: Callable[[Path], None] | None = None,
    mode: int = PRIVATE,
    *,
    make_folder: bool = True,
) -> None:
    """Replace (or create) a file with data: readers see the old file or the whole new one,
    and once this returns the new one survives a crash or power cut.

    The data goes to a temporary file beside the target (see `write_temporary`), is
    optionally checked by ``check`` (given the temporary path; raising leaves the target
    untouched), is renamed over the target, and the folder is fsynced so that the rename
    itself is durable. On any failure the temporary file is removed and the error raised
    (an OSError says why). ``make_folder`` as for `write_temporary`.

    A link is followed (the file it points at is replaced, the link kept). A device, a
    named pipe, or a name the system gives an open file (/dev/null, /dev/stdout,
    /proc/self/fd/1), directly or through links, is written into as a shell's `>>`
    would, never replaced; a checked write (a file the program owns) refuses one.
    """
    if _written_into(path):
        if check is not None:
            raise OSError(errno.EINVAL, "not a plain file", str(path))
        _write_into(path, data)
        return
    if path.is_symlink():
        path = _linked(path)
    temporary = write_temporary(path, data, mode, make_folder=make_folder)
    try:
        if check is not None:
            check(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    remove_stale_temporaries(path.parent)


def write_new(folder: Path, stem: str, suffix: str, data: bytes | str) -> Path:
    """Write data whole to a new file in ``folder`` (made, owner-only, if missing): named
    ``stem`` + ``suffix``, or ``stem-2`` + ``suffix``, ``-3``, ... the first name not taken
    at the moment the file is made, so it never replaces a file, even one another window
    or process made between a name being chosen and the file written. The file is
    written beside the name first (`write_temporary`) and linked into place, which fails
    on a name taken; where the disk cannot link, it is created exclusively instead. The
    file's path."""
    make_private_folder(folder)
    temporary = write_temporary(folder / f"{stem}{suffix}", data)
    try:
        for number in itertools.count(1):
            target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
            if _placed(temporary, target, data):
                break
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(folder)
    return target


def _placed(temporary: Path, target: Path, data: bytes | str) -> bool:
    """Whether the written temporary file is now also at ``target``, a name that was free
    (False when it is taken: a file, a folder or a link, dangling or not)."""
    try:
        os.link(temporary, target, follow_symlinks=False)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
    # A disk that cannot link (FAT, some network shares): created exclusively.
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE)
    except FileExistsError:
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)
    return True


STALE_SECONDS = 24 * 60 * 60
"""How old a temporary file of this writer's must be before it is taken for one left by a
write that was killed: a day. A write takes milliseconds; the margin is for a folder
shared by several computers, whose clocks may disagree and whose processes this one
cannot see (its own process ids are no sign that another computer's write is over)."""
_TEMPORARY = re.compile(r"\.(.+)\.([0-9]+)\.([0-9]+)\.tmp")
"""The names `write_temporary` gives (``.<name>.<pid>.<n>.tmp``), and only those."""


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files a killed write left in a folder (they can hold a
    respondent's details): only names exactly as `write_temporary` makes them, plain
    files of the user's own (never a link or a folder), untouched for over a day
    (`STALE_SECONDS`), and, as a further condition only, whose process id is not running
    here (on a shared folder it may be another computer's). Best effort, done after each
    write in the folder; the files removed."""
    now = time.time() if now is None else now
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as listing:
        for entry in listing:
            found = _TEMPORARY.fullmatch(entry.name)
            if found is None:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(info.st_mode)
                    and info.st_uid == os.geteuid()
                    and now - info.st_mtime > STALE_SECONDS
                    and not _running(int(found.group(2)))
                ):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether a process of that id is running here (one of another user's counts)."""
    if pid <= 0:
        return True  # not a process id: never taken for a dead one
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's, or too large to be a process id: left alone
    return True


_SYSTEM_FOLDERS = ("/dev", "/proc")
"""Folders whose names stand for devices and open files: written into, never replaced."""


def _written_into(path: Path) -> bool:
    """Whether the name is to be written into rather than replaced: it, or a link on the
    way to what it names, lies in a system folder (/dev/stdout leads to /proc/self/fd/1,
    which names whatever standard output is: a pipe, a terminal, a file opened with
    `>>`), or what it names exists and is neither a plain file nor a folder."""
    hop = path
    for _ in range(40):  # a loop of links is reported by `_linked`
        folder = os.path.realpath(hop.parent)
        if any(folder == top or folder.startswith(f"{top}/") for top in _SYSTEM_FOLDERS):
            return True
        if not hop.is_symlink():
            break
        hop = hop.parent / os.readlink(hop)
    return os.path.exists(path) and not (path.is_file() or path.is_dir())


def _linked(path: Path) -> Path:
    """The file a link points at, through any chain of links."""
    try:
        return path.resolve()
    except RuntimeError:  # a loop of links (Python 3.13 raises OSError itself)
        raise OSError(errno.ELOOP, "a loop of links", str(path)) from None


def _write_into(path: Path, data: bytes | str) -> None:
    """Write data into an existing file that is not to be replaced (a device, a pipe, an
    open file's name), appending as a shell's `>>` does: standard output redirected to a
    file keeps what is already there, and a pipe or device takes the data as it comes.
    Nothing is created, and syncing such a file means nothing."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_temporary(
    path: Path, data: bytes | str, mode: int = PRIVATE, *, make_folder: bool = True
) -> Path:
    """The data in a new temporary file beside ``path`` (same folder, so a rename onto
    ``path`` is atomic), fsynced, with ``mode``; owner-only unless told otherwise, as it
    may hold respondents' words.

    A missing folder is created, owner-only, when the program owns it (``make_folder``);
    for a path the user gave, pass ``make_folder=False``: a missing folder then raises
    `NoFolder`, as a mistyped one would otherwise be made and hide where the file went.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if make_folder:
        make_private_folder(path.parent)
    elif not os.path.lexists(path.parent):
        raise NoFolder(path.parent)
    elif not path.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path.parent))
    fd, temporary = _create_temporary(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if mode != PRIVATE:
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _create_temporary(path: Path) -> tuple[int, Path]:
    # A name no other writer uses (process id and a counter), created exclusively and
    # without following a link; one left by a crashed process is skipped, not reused.
    # (Not tempfile.mkstemp: importing tempfile costs start-up time.)
    while True:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            return os.open(temporary, flags, PRIVATE), temporary
        except FileExistsError:
            continue


def fsync_folder(folder: Path) -> None:
    """Make a folder's entries (a new, renamed or removed file) durable; best effort where
    the platform cannot open a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_private_folder(folder: Path) -> None:
    """Create a folder and any missing parents, each readable by its owner only (0700),
    whatever the umask; folders that already exist are left as they are."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)
            os.chmod(candidate, 0o700)  # mkdir's mode is cut by the umask
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
