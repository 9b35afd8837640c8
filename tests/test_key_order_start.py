"""Keys typed as the app starts wait for the first screen to be made (its box focused)
before they are handed out: the first key is never handed to a screen with nothing to
take it (`bot.tui.key_order`)."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events

from bot.tui.key_order import KeyOrder


class Screen:
    """A screen being made: not mounted until `made`."""

    def __init__(self) -> None:
        self.is_mounted = False

    def call_later(self, callback: Any, *args: Any) -> bool:
        return False


class Box:
    """A focused box whose queue has closed: nothing to wait behind."""

    _parent = None
    message_queue_size = 0

    def call_later(self, callback: Any, *args: Any) -> bool:
        return False


class App:
    """The little of the app that the key order looks at."""

    message_queue_size = 0
    is_running = True
    _closing = False

    def call_later(self, callback: Any, *args: Any) -> bool:
        return False

    def call_next(self, callback: Any, *args: Any) -> None:
        self.timers.append(callback)

    def __init__(self) -> None:
        self.screen = Screen()
        self.focused: object | None = None
        self.timers: list[Any] = []

    def set_timer(self, delay: float, callback: Any) -> Any:
        self.timers.append(callback)
        return self

    def set_interval(self, delay: float, callback: Any) -> Any:
        return self

    def stop(self) -> None:
        """A timer's stop."""

    def reset(self) -> None:
        """A timer's reset."""

    def resume(self) -> None:
        """A timer's resume."""


def test_a_key_typed_before_the_first_screen_is_made_waits_for_it() -> None:
    app = App()
    handed: list[tuple[str, object]] = []

    async def hand_out(key: events.Key) -> None:
        handed.append((key.key, app.focused))

    order = KeyOrder(app, hand_out)  # type: ignore[arg-type]

    async def run() -> None:
        await order.arrived(events.Key("3", "3"))
        await order.arrived(events.Key("space", " "))
        assert handed == [] and app.timers  # held while the screen is being made
        app.screen.is_mounted = True
        box = Box()
        app.focused = box
        await app.timers.pop(0)()
        assert handed[0] == ("3", box)

    asyncio.run(run())
