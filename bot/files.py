"""Writing a whole file so that it is never seen half-written and survives a crash.

The one atomic writer: transcripts' headers, framework copies, reports and schemas all
go through `write_atomically`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(
    path: Path, data: bytes | str, check: Callable[[Path], None] | None = None
) -> None:
    """Replace (or create) a file with data: readers see the old file or the whole new one,
    and once this returns the new one survives a crash or power cut.

    The data goes to a temporary file beside the target (created owner-only, as it may
    hold respondents' words), is fsynced, optionally checked by ``check`` (given the
    temporary path; raising leaves the target untouched), renamed over the target, and
    the folder is fsynced so the rename itself is durable. A missing folder is created,
    owner-only. On any failure the temporary file is removed and the error raised (an
    OSError says why).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if check is not None:
            check(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a folder's entries (a new or renamed file) durable; best effort where the
    platform cannot open a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
