"""Keys handled one after another, each with the state it was meant for.

Textual hands each key, as it arrives, to the widget focused at that moment, and each
widget works through its own queue: keys typed faster than the app takes a step (an
officer coding at full speed, a paste, keys queued while the app was busy) were handed to
the widget focused before the step moved the focus on, and reached the widget focused
after it by a longer way than the keys that came later, which overtook them (a number
typed ahead with its Enter: the Enter was taken before the number's last digit, and the
codes after it were typed into the box).

On a screen that takes its keys in order (`takes_keys_in_order`), the app puts every key
and paste in one line (`KeyLine`) and takes them out one at a time: each goes to the
widget focused when its turn comes and up through its parents to the app, as Textual's
own handling does, before the next is looked at. While a box has sent what Enter sent
and the screen has not yet taken it (`TextInput.sending`), the keys after the Enter wait
their turn in the line; the screen lets them go on once the step is taken (`KeyLine.go_on`).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual._callback import invoke
from textual.app import ScreenError

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


def takes_keys_in_order(screen: Screen[object]) -> bool:
    """Whether the screen takes its keys one after another (its `KEYS_IN_ORDER`)."""
    return bool(getattr(screen, "KEYS_IN_ORDER", False))


def step_pending(screen: Screen[object]) -> bool:
    """Whether a box on the screen has sent what Enter sent, not yet taken by the screen:
    the keys after that Enter wait until it is (`TextInput.sending`)."""
    from bot.tui.widgets.text_input import TextInput  # loaded with the screen's boxes

    return any(box.sending for box in screen.query(TextInput) if box.is_attached)


class KeyLine:
    """The keys and pastes typed while a screen that takes them in order is shown, in the
    order they came, each handled whole before the next."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self._waiting: deque[events.Key | events.Paste] = deque()
        self._taking = False  # a key is being handled: the ones after it wait

    def wants(self, event: events.Event) -> bool:
        """Whether the line takes this event as it comes to the app: a key or a paste not
        yet handed on, while the screen takes its keys in order or keys are still waiting
        (they keep their order even once a box over that screen is opened)."""
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            return False
        if self._waiting:
            return True
        try:
            return takes_keys_in_order(self.app.screen)
        except ScreenError:  # no screen yet: Textual's own way
            return False

    async def take(self, event: events.Key | events.Paste) -> None:
        """Put the key or paste at the end of the line, and handle what can be."""
        self._waiting.append(event)
        await self.go_on()

    async def go_on(self) -> None:
        """Handle the keys waiting, in order, until none is left or a step is pending."""
        if self._taking:
            return
        self._taking = True
        try:
            while self._waiting:
                screen = self.app.screen
                in_order = takes_keys_in_order(screen)
                if in_order and step_pending(screen):
                    return
                event = self._waiting.popleft()
                if isinstance(event, events.Key):
                    if not self.app.app_focus:
                        self.app.app_focus = True
                    if await self.app._check_bindings(event.key, priority=True):
                        continue
                if in_order:
                    await self._hand_on(event)
                else:  # a box over the screen: Textual's own way, as the key is its alone
                    (self.app.focused or screen)._forward_event(event)
        finally:
            self._taking = False

    async def _hand_on(self, event: events.Key | events.Paste) -> None:
        """Handle the event as Textual does, but now and whole: by the focused widget, then
        each parent up to the app (whose handler runs the bindings), until one stops it."""
        event._set_forwarded()
        start = self.app.screen.focused or self.app.screen
        for node in start.ancestors_with_self:
            with node._context(), node.prevent(*event._prevent):
                for _cls, method in node._get_dispatch_methods(event.handler_name, event):
                    await invoke(method, event)
                if node._next_callbacks:
                    await node._flush_next_callbacks()
            if event._stop_propagation or not event.bubble:
                break
