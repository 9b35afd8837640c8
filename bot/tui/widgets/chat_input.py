"""The answer box: typing goes in as usual, but an option key pressed into an empty box answers at once."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


class ChatInput(Input):
    """An Input that turns an option key, typed into an empty box, into a choice."""

    @dataclass
    class OptionKey(Message):
        """An option's key was pressed with the box empty."""

        input: ChatInput
        """The box."""
        character: str
        """The key."""

        @property
        def control(self) -> ChatInput:
            """The box that posted it."""
            return self.input

    option_keys: frozenset[str] = frozenset()
    """Keys that choose an option (set by the screen)."""

    async def _on_key(self, event: events.Key) -> None:
        character = (event.character or "").casefold()
        if not self.value and character and character in self.option_keys:
            event.prevent_default()
            event.stop()
            self.post_message(self.OptionKey(self, character))
