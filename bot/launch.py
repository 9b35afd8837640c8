"""The `partnership-bot` command's first line: hold the garbage collector off while the
program starts (`bot.start_gc`), before the command line and everything it imports load."""

from __future__ import annotations

from bot import start_gc


def main() -> int:
    """Run the command line with the collector held off until its first screen is up."""
    start_gc.hold()
    try:
        from bot.cli import main as run

        return run()
    finally:
        start_gc.release()
