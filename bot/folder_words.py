"""What is said when no transcript can be started in the transcripts folder: the same
words on the command line, in plain mode and in the app."""

from __future__ import annotations

from pathlib import Path

from bot.problems import display_name


def cannot_write_transcripts(folder: Path, error: OSError) -> str:
    """Why a new transcript cannot be written in ``folder``, and what to do instead."""
    reason = error.strerror or str(error)
    return (
        f"cannot write transcripts in {display_name(folder)} ({reason}): "
        "choose a folder you can write with --transcripts DIR"
    )
