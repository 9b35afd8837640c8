"""Words typed in a box over the app (a note, a call-back time, a form) and not yet saved:
every step that would lose them asks first, as the app's one check does
(`PartnershipApp.unsent_stops`)."""

from __future__ import annotations

from bot.text import clip, names_words, printable


def quoted(text: str) -> str:
    """Words typed, as a message names them: cut short, quoted, never taken as markup."""
    return f'"{printable(clip(text.strip(), 40))}"'


class KeepsTyped:
    """A screen holding words typed and not yet saved (a `HoldsUnsent` of the app): the
    first step that would lose them (Esc, Ctrl+Q, Ctrl+C) says what would be lost and
    keeps it; the same step again, with the same words, goes ahead without them."""

    NOT_YET = "Not saved yet"
    """How the message begins."""
    SAVES = "Enter saves it"
    """What saves the words from where they are typed, as the message names it."""

    _warned: tuple[tuple[tuple[str, str], ...], str] = ((), "")
    """The words last said to be unsaved, and what the same step again does."""

    def typed(self) -> list[tuple[str, str]]:
        """Each piece of words typed and not saved: what it is, as the message names it
        ("the note", or "" where the screen holds only one), and the words; a box left
        empty, or holding only what it was opened with, is not typed."""
        raise NotImplementedError

    def say_unsaved(self, words: str) -> None:
        """Say ``words`` where the screen says what went wrong (its hint)."""
        raise NotImplementedError

    def has_unsent(self) -> bool:
        """Whether words are typed here and not saved."""
        return bool(self.typed())

    def unsent_stops(self, again: str) -> bool:
        """Whether the words typed and not saved stop a step that would lose them: the
        first time it names them and keeps them; the same step again, with the same words,
        goes ahead without them (``again`` names that step, "Esc again cancels")."""
        pieces = tuple(self.typed())
        if not pieces or (pieces, again) == self._warned:
            return False
        self._warned = (pieces, again)
        named = names_words([f"{what} {quoted(text)}".strip() for what, text in pieces])
        without = "it" if len(pieces) == 1 else "them"
        self.say_unsaved(f"{self.NOT_YET}: {named}. {self.SAVES}; {again} without {without}.")
        return True
