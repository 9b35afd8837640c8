"""The reply box of a telephone follow-up, which holds back a stray coding key."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message

from bot.tui.widgets.text_input import TextInput


class ReplyInput(TextInput):
    """An Input for the reply to a follow-up.

    An officer coding fast may press the next statement's key just as a follow-up opens.
    A key that codes the next statement, typed into the empty box, is held back rather
    than typed: the screen says so, Ctrl+O (skipping the follow-up) uses it to code the
    next statement, and typing on puts it in front of the reply, so nothing typed is lost
    either way.
    """

    coding_keys: frozenset[str] = frozenset()
    """The keys that start a code of the next statement, casefolded (set by the screen)."""
    held: str = ""
    """A coding key held back from the empty box, as typed."""

    @dataclass
    class Held(Message):
        """A coding key was held back (or the held key was let go: `key` is empty)."""

        reply: ReplyInput
        """The box."""
        key: str
        """The key held, or "" when none is held any more."""

    def hold(self, key: str) -> None:
        """Hold back a key ("" lets go of it)."""
        self.held = key
        self.post_message(self.Held(self, key))

    def take_held(self) -> str:
        """The key held, taken to code the next statement: the box holds nothing after
        it, and says nothing of it (the screen says what the key did)."""
        held, self.held = self.held, ""
        return held

    async def _on_key(self, event: events.Key) -> None:
        # Held as typed ("R" of "Really"), matched to the keys in either case: a reply
        # that starts with a coding key's letter keeps the letter's case.
        character = event.character or ""
        if (
            not self.held
            and not self.value
            and event.is_printable
            and character.casefold() in self.coding_keys
        ):
            event.stop()
            event.prevent_default()
            self.hold(character)
            return
        if self.held and event.is_printable:
            # Typing on: the held key was the start of the reply after all.
            self.insert_text_at_cursor(self.held)
            self.hold("")
        elif self.held and event.key == "enter":
            self.insert_text_at_cursor(self.held)
            self.hold("")
        elif self.held and event.key in ("backspace", "escape"):
            event.stop()
            event.prevent_default()
            self.hold("")
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste after a held key: the key was the start of the reply after all."""
        if self.held:
            self.insert_text_at_cursor(self.held)
            self.hold("")
        super()._on_paste(event)
