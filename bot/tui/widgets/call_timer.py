"""How long the call has been going, pausable."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.reactive import reactive
from textual.widgets import Static


class CallTimer(Static):
    """mm:ss since the call started, not counting pauses; once the call is over, its
    length, said to be complete (a finished call is not waiting to be resumed)."""

    DEFAULT_CSS = """
    CallTimer { width: auto; padding: 0 1; text-style: bold; }
    CallTimer.-paused { color: $warning; }
    CallTimer.-finished { color: $text-success; }
    """

    elapsed: reactive[float] = reactive(0.0)
    """Seconds on the call so far."""
    paused: reactive[bool] = reactive(False)
    """Whether the clock is stopped."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, *, id: str | None = None
    ) -> None:
        super().__init__("00:00", id=id)
        self._clock = clock
        self._since = clock()
        self._banked = 0.0
        self._finished = False

    def bank(self, seconds: float) -> None:
        """Go on from `seconds` already on the call (a resumed call), counting from now."""
        self._banked = seconds
        self._since = self._clock()
        self.elapsed = seconds
        self.watch_elapsed(seconds)

    def finish(self) -> None:
        """The call is over: the clock stops for good and says so ("Complete 12:04")."""
        self._finished = True
        self.set_class(True, "-finished")
        self.paused = True
        self.watch_elapsed(self._banked)

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        if not self.paused:
            self.elapsed = self._banked + self._clock() - self._since

    def watch_elapsed(self, elapsed: float) -> None:
        minutes, seconds = divmod(int(elapsed), 60)
        state = "Complete " if self._finished else ("Paused " if self.paused else "")
        self.update(f"{state}{minutes:02d}:{seconds:02d}")

    def watch_paused(self, paused: bool) -> None:
        if paused:
            self._banked += self._clock() - self._since
        else:
            self._since = self._clock()
        self.set_class(paused and not self._finished, "-paused")
        self.watch_elapsed(self._banked if paused else self.elapsed)
