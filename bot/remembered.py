"""Frameworks and dialogues remembered once checked, by the hash of their content.

Loading a framework or dialogue (parse, build the models, check every reference, parse
the conditions) costs tens of milliseconds, and the same file is loaded again and again:
at every start-up, and for every transcript of an aggregate or a report, each of which
names the framework copy kept beside it. What was checked is remembered:

- in this process, so the second load of the same content costs a read and a hash;
- in the cache folder (`checked/`, one owner-only file per entry, written atomically),
  so the next process skips the checks too.

An entry's key is the content hash of what was loaded (and of the framework a dialogue
was bound to) together with a fingerprint of this program (its source files' names,
sizes and times, and the Python and pydantic versions), so a changed file or a changed
program never finds a stale entry. A damaged, foreign or unreadable entry is ignored
and replaced: the file is then checked as if it had never been seen. Only what passed
the checks is remembered; problems are found afresh every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import re
import stat
import sys
from pathlib import Path
from typing import Any, TypeVar

from bot.files import write_atomically

T = TypeVar("T")

ENVIRONMENT_VARIABLE = "PARTNERSHIP_BOT_CACHE"
FOLDER = "checked"
"""Inside the cache folder: the remembered frameworks and dialogues."""

_VERSION_LINE = re.compile(r"^VERSION\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
"""The line of pydantic's `version.py` that says its version."""

_memory: dict[str, Any] = {}
_fingerprint: str | None = None


def default_cache_folder() -> Path:
    """$PARTNERSHIP_BOT_CACHE, else $XDG_CACHE_HOME/partnership-bot, else ~/.cache/partnership-bot."""
    explicit = os.environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "partnership-bot"


def key(kind: str, *digests: str) -> str:
    """The key of an entry: what it is, the hashes it depends on, and this program."""
    text = "|".join((kind, *digests, program_fingerprint()))
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def recall(entry: str, kind: type[T]) -> T | None:
    """The remembered value of this type, or None."""
    value = _memory.get(entry)
    if value is None:
        value = _read(entry)
        if value is None:
            return None
    if not isinstance(value, kind):
        return None
    _memory[entry] = value
    return value


def keep(entry: str, value: object) -> None:
    """Remember a value here and, when it can be written, in the cache folder."""
    _memory[entry] = value
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        _write(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def forget() -> None:
    """Forget what this process remembers (the cache folder is left as it is)."""
    _memory.clear()


def program_fingerprint() -> str:
    """A hash of this program's source files (names, sizes, times) and of the Python and
    pydantic versions: it changes whenever the code that checks files may have changed."""
    global _fingerprint
    if _fingerprint is None:
        package = Path(__file__).resolve().parent
        parts = [sys.version, pydantic_version()]
        for folder, _, files in sorted(os.walk(package)):
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
        _fingerprint = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return _fingerprint


def pydantic_version() -> str:
    """The installed pydantic's version, read from its `version.py` without importing
    pydantic (a start drawn from what is remembered may never need it); pydantic's own
    answer where it is already imported or its file does not say."""
    loaded = sys.modules.get("pydantic")
    if loaded is None:
        with contextlib.suppress(OSError, ValueError, ImportError):
            spec = importlib.util.find_spec("pydantic")
            if spec is not None and spec.origin:
                text = Path(spec.origin).with_name("version.py").read_text(encoding="utf-8")
                found = _VERSION_LINE.search(text)
                if found:
                    return found.group(1)
    import pydantic

    return pydantic.VERSION


def _path(entry: str) -> Path:
    return default_cache_folder() / FOLDER / f"{entry}.pickle"


def _read(entry: str) -> Any:
    path = _path(entry)
    data = read_owned(path)
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # a damaged or foreign entry is only a missed shortcut
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def read_owned(path: Path) -> bytes | None:
    """The bytes of a file in the cache folder, or None where it is missing, unreadable or
    not to be trusted: only a regular file this user owns and no one else could have
    changed is read (never opened unless a regular file, never through a link)."""
    try:
        # Never opened unless a regular file; O_NONBLOCK in case one is put there since.
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        # Only what this user wrote and no one else could have changed is trusted.
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read()
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def _write(entry: str, data: bytes) -> None:
    path = _path(entry)
    path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(path, data)
