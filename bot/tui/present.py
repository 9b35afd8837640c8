"""Turning transcript turns into chat messages: who said what, in words for people."""

from __future__ import annotations

from bot.end_summary import overall_words
from bot.engine.groups import item_name
from bot.model import Framework, Respondent, Turn
from bot.text import printable
from bot.tui.message import ChatMessage
from bot.turn_words import (
    CALL_WORDS,
    TRIGGER_WORDS,
    answer_words,
    call_length_words,
    speaker_of,
    trigger_words,
)
from bot.turn_words import question_number as question_number
from bot.turn_words import who_words as words_for_who

__all__ = [
    "CALL_WORDS",
    "TRIGGER_WORDS",
    "ChatMessage",
    "answer_words",
    "call_length_words",
    "message_for",
    "overall_words",
    "question_number",
    "who_words",
]


def who_words(who: Respondent, organisation: bool = True) -> str:
    """Who answered, made safe for the terminal (see `bot.turn_words.who_words`)."""
    return printable(words_for_who(who, organisation))


def _item_words(turn: Turn, framework: Framework | None) -> str:
    """Which item of a repeated group an answer is about, "Risk 2, ", or "" elsewhere: an
    amendment to one item's answer names the item, as the amend list does."""
    group = framework.group_of(turn.question) if framework and turn.item else None
    return f"{item_name(group, turn.item)}, " if group and turn.item else ""


def message_for(
    turn: Turn, framework: Framework | None = None, chat: str = "", respondent: str = "You"
) -> ChatMessage | None:
    """The bubble for a turn, or None for turns that are not shown; `respondent` names
    the respondent's side ("You" in a self-assessment, "Respondent" on a call)."""
    number = question_number(turn.question, framework) if framework is not None else ""
    you = "Interviewer" if speaker_of(turn) == "interviewer" else respondent
    kind = turn.kind
    text = printable(turn.text)
    if kind == "say":
        return ChatMessage("bot", text)
    if kind == "ask":
        # Transcripts from before `chat` was recorded: the dialogue's (a repeated group's
        # node's lead-in belongs to its first item only, which records it).
        chat = turn.chat or (chat if turn.item is None else "")
        words = f"{printable(chat)}\n{text}" if chat else text
        return ChatMessage("bot", words, f"Question {number}" if number else "Question")
    if kind == "probe":
        return ChatMessage("probe", text, f"Follow-up to {number}: {trigger_words(turn.trigger)}")
    if kind == "answer":
        label = (
            f"{you}: amended answer to {_item_words(turn, framework)}{number}"
            if turn.amends
            else you
        )
        return ChatMessage("you", printable(answer_words(turn)), label)
    if kind == "probe_answer":
        return ChatMessage("you", text, you)
    if kind == "skip":
        return ChatMessage(
            "info", "Skipped the follow-up." if turn.trigger else f"Skipped question {number}."
        )
    if kind == "back":
        return ChatMessage("info", f"Went back to question {number}.")
    if kind == "keep":
        return ChatMessage("info", f"Kept the answer to {number}.")
    if kind == "note":
        return ChatMessage(
            "note", text, "Note" if turn.speaker == "respondent" else "Interviewer's note"
        )
    if kind == "end":
        return ChatMessage("bot", text, "End")
    if kind in CALL_WORDS:
        return ChatMessage("info", CALL_WORDS[kind])
    if kind == "abandon":
        return ChatMessage("info", "The assessment was abandoned. Everything answered is kept.")
    return None
