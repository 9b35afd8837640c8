"""Where transcripts go unless a folder is given: light, so that the command line can
name it before the store (and pydantic under it) is loaded."""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT_VARIABLE = "PARTNERSHIP_BOT_TRANSCRIPTS"
"""Moves the transcripts folder."""


def default_folder() -> Path:
    """Where transcripts go: $PARTNERSHIP_BOT_TRANSCRIPTS, else ./transcripts."""
    return Path(os.environ.get(ENVIRONMENT_VARIABLE) or "transcripts")
