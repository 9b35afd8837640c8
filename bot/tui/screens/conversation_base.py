"""What the chat and the interview screens share: a conversation, saved on every step."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from bot.conversation import Conversation, SaveError
from bot.engine import Outcome
from bot.model import Turn
from bot.tui.present import ChatMessage, message_for
from bot.tui.widgets.chat_log import ChatLog


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

    def _show(self, outcome: Outcome) -> None:
        """Show what a step did (subclasses)."""
        raise NotImplementedError

    def _add_turn(self, turn: Turn) -> None:
        node = self.conversation.session.dialogue.nodes.get(turn.node)
        chat = node.chat if node is not None and turn.kind == "ask" else ""
        message = message_for(turn, self.framework, chat, respondent=self.RESPONDENT)
        if message is not None:
            self.query_one(ChatLog).add(message)

    def _act(self, step: Callable[..., Outcome], *args: str) -> None:
        """Take a step (it is saved before anything is shown) and show it."""
        try:
            outcome = step(*args)
        except SaveError as error:
            self.query_one(ChatLog).add(ChatMessage("error", str(error)))
            return
        self._show(outcome)

    def action_back(self) -> None:
        if not self.conversation.session.over:
            self._act(self.conversation.back)

    def action_skip(self) -> None:
        if not self.conversation.session.over:
            self._act(self.conversation.skip)
