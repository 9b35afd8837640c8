"""What the chat and the interview screens share: a conversation, saved on every step."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from bot.conversation import Conversation, SaveError
from bot.engine import Outcome
from bot.model import Turn
from bot.tui.present import ChatMessage, message_for
from bot.tui.widgets.chat_log import ChatLog

OVER_ONLY = frozenset({"report", "home"})
"""Actions offered once the conversation is over."""
DURING_ONLY = frozenset({"back", "skip", "note", "notes", "abandon", "amend", "pause", "leave"})
"""Actions that only mean something while there is a question to answer."""


class ConversationScreen(Screen[None]):
    """A screen driving one conversation; subclasses show its prompts their own way."""

    RESPONDENT = "You"
    """How the respondent's side is named in the log."""

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conversation = conversation
        self.framework = conversation.session.framework

    def on_unmount(self) -> None:
        self.conversation.close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back, skip, note and the like only while there is a question; the report and
        home once it is over (the key hints follow)."""
        over = self.conversation.session.over
        if action in DURING_ONLY:
            return not over
        if action in OVER_ONLY:
            return over
        return True

    def _show(self, outcome: Outcome) -> None:
        """Show what a step did (subclasses)."""
        raise NotImplementedError

    def _add_turn(self, turn: Turn) -> None:
        node = self.conversation.session.dialogue.nodes.get(turn.node)
        chat = node.chat if node is not None and turn.kind == "ask" else ""
        message = message_for(turn, self.framework, chat, respondent=self.RESPONDENT)
        if message is not None:
            self.query_one(ChatLog).add(message)

    def _act(self, step: Callable[..., Outcome], *args: str) -> Outcome | None:
        """Take a step (it is saved before anything is shown) and show it; the outcome, or
        None when it could not be saved."""
        try:
            outcome = step(*args)
        except SaveError as error:
            self.query_one(ChatLog).add(ChatMessage("error", str(error)))
            return None
        self._show(outcome)
        return outcome

    def action_back(self) -> None:
        if not self.conversation.session.over:
            self._act(self.conversation.back)

    def action_skip(self) -> None:
        if not self.conversation.session.over:
            self._act(self.conversation.skip)
