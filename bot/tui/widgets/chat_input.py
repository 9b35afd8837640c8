"""The answer box: an option's key (with a comment after it if wanted), words, a number or a
reply, sent with Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.tui.widgets.text_input import TextInput

if TYPE_CHECKING:  # the engine is imported when the first option is read
    from bot.model import Option, Question


class ChatInput(TextInput):
    """An Input that knows the current question's options, to say which one is typed."""

    options: tuple[Option, ...] = ()
    """The options of the question being asked (set by the screen; none for replies)."""
    question: Question | None = None
    """The question being asked (set by the screen; none for replies)."""

    @property
    def picked(self) -> tuple[Option, ...]:
        """The options the typed text names: for a choice of several, each key typed so
        far ("1, 3"); otherwise the one option it starts with, if any."""
        from bot.engine.answers import leading_picks

        if self.question is not None and self.question.multiple:
            return leading_picks(self.question, self.value)[0]
        chosen = self.chosen
        return (chosen,) if chosen else ()

    @property
    def chosen(self) -> Option | None:
        """The option the typed text reads as, by the reading Enter sends it by: 3 for
        "3 - the SCS was refreshed", none for "very" or "yes partly"."""
        from bot.engine.typed import typed_option

        return typed_option(self.options, self.value)
