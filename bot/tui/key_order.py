"""Key presses handled one at a time, in the order they were typed.

Textual hands each key press to the widget focused at the moment the app reads it, by
posting it to that widget's own message queue, and reads the next at once. A key the
widget does not take bubbles up, queue by queue, to the screen and the app, where the
bindings are run (`Ctrl+N`, `Backspace`, `Enter` in a box); a key that moves the focus
moves it only once its handler runs. When keys arrive together (typed ahead while the app
is busy, a burst, a stalled machine), the keys after such a key are therefore handed out
before it has acted: they reach the box it was leaving, run ahead of a binding, or join
two queues that are read side by side, which is how "note about" was saved as "note ab
thoute" and two answers became one.

`KeyOrder` hands out the next key only once the one before has been handled and what it
set going has settled. It walks from the widget the key went to up to the app, waiting
in each queue behind what is there (`MessagePump.call_later` runs once every message
before it in that queue is handled): the key itself as it bubbles, and the messages it
caused (a box's Submitted, a binding that opens or closes a screen). If the screen or
the focus changed meanwhile, it walks again from the widget focused now, so a key typed
after Ctrl+N reaches the note's box once it is there, and one typed after Enter in that
box reaches the answer box again. A walk that cannot be finished (a widget closed with
the key in its queue, as a screen that is left) is let go, looked at every `LOST_AFTER`
seconds, so that typing never stops; one that is only slow (a busy machine) is waited
for, however long it takes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ScreenError

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

WALKS = 6
"""The most walks after one key: a key may open a screen whose box then takes the focus,
or post a message (Enter's Submitted) that the screen then acts on."""

START_WAIT = 0.02
"""Seconds between looks at whether the first screen is made, for keys typed as the app
starts."""
START_WAITS = 250
"""The most looks (five seconds in all): then keys go where they would have gone."""

UNFOCUSED_WAITS = 3
"""How many times a key waits behind the screen's queue for the screen to focus a widget
(a screen being made focuses its box once made); then it goes to the screen itself."""

LOST_AFTER = 0.5
"""How often a key on its way is looked at, to let it go if the queue its walk waits in
was closed."""


ORDERED = (events.Key, events.Paste, events.MouseDown, events.MouseUp)
Ordered = events.Key | events.Paste | events.MouseDown | events.MouseUp
"""What is handed out in order: key presses, pastes, and a click's press and release (a
click made after typing lands after what was typed)."""


class KeyOrder:
    """The app's key presses, pastes and clicks, handed out one at a time in the order
    they arrived."""

    def __init__(self, app: App[object], hand_out: Callable[[Ordered], Awaitable[None]]):
        """``hand_out`` does what Textual does with such an event that has just arrived
        (a priority binding, else forwarding it to the focused widget)."""
        self._app = app
        self._hand_out = hand_out
        self._waiting: deque[Ordered] = deque()
        self._moving: Ordered | None = None
        self._lost: Timer | None = None
        self._at: MessagePump | None = None  # the queue the walk waits in
        self._unfocused_waits = 0
        self._start_waits = 0
        self._pausing = False  # waiting for a screen being made, keys held meanwhile

    async def arrived(self, key: Ordered) -> None:
        """Take a key press as it arrives from the terminal: handed out now if no key is
        on its way, else after the keys before it."""
        self._waiting.append(key)
        if self._moving is None and not self._pausing:
            await self._next()

    async def _go_on(self) -> None:
        self._pausing = False
        await self._next()

    async def _next(self) -> None:
        while self._moving is None and self._waiting and not self._pausing:
            if self._app._closing or getattr(self._app, "_exit", False) or not self._app.is_running:
                # Leaving: what was typed after the key that left goes nowhere.
                self._waiting.clear()
                return
            key = self._waiting[0]
            try:
                screen = self._app.screen
            except ScreenError:  # the app is closing its screens
                self._waiting.clear()
                return
            if not screen.is_mounted and self._start_waits < START_WAITS:
                # Keys typed as the app starts: the first screen is still being made, and
                # its box not yet there to take them.
                self._start_waits += 1
                self._pausing = True
                self._app.set_timer(START_WAIT, self._go_on)
                return
            if self._app.focused is None and self._unfocused_waits < UNFOCUSED_WAITS:
                # A screen just made may not yet have focused its box.
                self._unfocused_waits += 1
                self._pausing = True
                if screen.call_later(self._go_on):
                    return
                self._pausing = False
            self._unfocused_waits = 0
            self._waiting.popleft()
            self._moving = key
            try:
                await self._hand_out(key)
            except ScreenError:  # the app is closing its screens
                self._moving = None
                self._waiting.clear()
                return
            self._watch()
            self._walk(key, WALKS)

    def _watch(self) -> None:
        """Look at the key on its way every `LOST_AFTER` seconds (`_look`): one timer for
        the app's life, resumed while a key moves and paused once none does, rather than a
        timer made and stopped for every key."""
        if self._lost is None:
            self._lost = self._app.set_interval(LOST_AFTER, self._look)
        else:
            self._lost.reset()
            self._lost.resume()

    def _look(self) -> None:
        """While a key is on its way: let it go if the queue its walk waits in was closed
        (the callback behind it will never run); otherwise wait on, however long a busy
        machine takes."""
        key = self._moving
        if key is None:
            if self._lost is not None:
                self._lost.pause()
            return
        node = self._at
        if node is None or node._closing or node._closed:
            self._done(key)

    def _walk(self, key: Ordered, walks: int) -> None:
        """Wait in turn behind each queue from the focused widget up to the app; then, if
        anything was queued on that way meanwhile (a Submitted a binding posted) or the
        screen or the focus changed, walk again (at most ``walks`` times)."""
        app = self._app
        try:
            seen = (app.screen, app.focused)
        except ScreenError:  # the app is closing its screens
            self._done(key)
            return
        chain: list[MessagePump] = []
        node: MessagePump | None = app.focused or app.screen
        while node is not None and node is not app:
            chain.append(node)
            node = node._parent
        chain.append(app)

        def quiet() -> bool:
            # The app's own queue holds the keys typed after this one: not counted.
            try:
                now = (app.screen, app.focused)
            except ScreenError:
                return True
            return now == seen and not any(n.message_queue_size for n in chain[:-1])

        def step(at: int) -> None:
            # Runs in chain[at]'s queue, behind what was queued there before it.
            if self._moving is not key:
                return
            at += 1
            while at < len(chain):
                self._at = chain[at]
                if chain[at].call_later(step, at):
                    return
                at += 1  # closed (a screen left): nothing more happens there
            if walks > 1 and not quiet():
                self._walk(key, walks - 1)
            else:
                self._done(key)

        step(-1)

    def _done(self, key: Ordered) -> None:
        if self._moving is not key:
            return
        self._moving = None
        if self._waiting:
            self._app.call_next(self._next)
