"""Which framework a transcript is scored against."""

from __future__ import annotations

from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.loading import LoadedFramework, load_framework
from bot.model import Transcript
from bot.problems import LoadError


def framework_for(
    transcript: Transcript, path: Path, catalogue: Catalogue, current: bool = False
) -> tuple[LoadedFramework, list[str]]:
    """The framework version the transcript was taken with where it can be found, else the
    installed one with a warning; with ``current``, the installed one as asked."""
    reference = transcript.framework
    if not current:
        snapshot = store.find_snapshot(path.parent, reference.hash)
        if snapshot is not None:
            try:
                return load_framework(snapshot), []
            except LoadError:
                pass
    installed = catalogue.framework(reference.id)
    if installed.hash == reference.hash:
        return installed, []
    version = installed.framework.version
    if current:
        return installed, [
            f"Scored against the current {reference.id} (version {version}), as asked; "
            f"the transcript was taken with version {reference.version}."
        ]
    return installed, [
        f"The framework {reference.id} has changed since this transcript was taken "
        f"(version {reference.version} then, {version} now) and the original is not available: "
        "scored against the current version."
    ]
