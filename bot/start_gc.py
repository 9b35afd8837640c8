"""The cyclic garbage collector held off while the program starts, then the start-up's
objects set aside for good.

Starting builds a few hundred thousand objects that live as long as the program does:
modules, classes, pydantic's and Textual's machinery, the framework. With the collector
on, each of its full passes walks all of them again, and while the program starts those
passes run again and again (about a tenth of the start-up, measured with
`benchmarks/startup.py`). So the command holds the collector off from its first line
(`bot.launch`) until its first question is on screen, or until a command that draws
nothing has loaded what it needs; then what is alive is frozen (`gc.freeze`: moved where
the collector never looks again, as it will live until the end anyway) and the collector
runs as usual for the rest of the run. Reference counting frees everything else as
always; only objects in cycles wait for the release.

What is frozen with them and was already garbage stays for the run: at the first
question about 2,400 of 104,000 objects, against a full collection's 40-50 ms to find
them at that moment.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Hold the collector off until `release` (nothing to do if it is already off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what is alive and switch the collector back on, if `hold` switched it off;
    otherwise (a test, a program embedding ours) nothing happens."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
