"""Turning transcript turns into chat messages: who said what, in words for people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.model import Framework, Respondent, Turn
from bot.scoring.results import Assessment
from bot.text import printable

Role = Literal["bot", "you", "probe", "note", "info", "error"]
TRIGGER_WORDS = {
    "low": "a weak answer",
    "dont_know": "don't know",
    "vague": "a vague answer",
    "unevidenced_high": "a top score without evidence",
    "out_of_range": "outside the recommended range",
    "inconsistent": "differs from an earlier answer",
}


CALL_WORDS = {
    "call_start": "The call started.",
    "call_pause": "The call was paused.",
    "call_resume": "The call resumed.",
}


def call_length_words(seconds: float) -> str:
    """A call's length as people say it: "12 min 5 s"."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


@dataclass(frozen=True)
class ChatMessage:
    """One bubble in the conversation."""

    role: Role
    """Who it is from, which sets its style."""
    text: str
    """The words, shown literally."""
    label: str = ""
    """A short heading above the words."""


def answer_words(turn: Turn) -> str:
    """An answer as words: the option's label or the value, and any comment."""
    shown = turn.label or turn.value
    return f"{shown} - {turn.comment}" if turn.comment else shown


def who_words(who: Respondent, organisation: bool = True) -> str:
    """Who answered, as people read it: "Jane Smith, Councillor, Borough Council"."""
    parts = (who.name, who.role, who.organisation) if organisation else (who.name,)
    return ", ".join(printable(x) for x in parts if x) or "(not named)"


def overall_words(assessment: Assessment) -> str:
    """The overall result in words: "56/100 (Amber), stage: Developing"."""
    words = "no score" if assessment.overall is None else f"{assessment.overall:.0f}/100"
    if assessment.overall_rag is not None:
        words += f" ({assessment.overall_rag.label})"
    if assessment.stage is not None:
        words += f", stage: {assessment.stage.label}"
    return words


def message_for(
    turn: Turn, framework: Framework | None = None, chat: str = "", respondent: str = "You"
) -> ChatMessage | None:
    """The bubble for a turn, or None for turns that are not shown; `respondent` names
    the respondent's side ("You" in a self-assessment, "Respondent" on a call)."""
    number = ""
    if framework is not None and turn.question:
        try:
            question = framework.question(turn.question)
            number = question.number or question.id
        except KeyError:
            number = turn.question
    you = "Interviewer" if turn.speaker == "interviewer" else respondent
    kind = turn.kind
    text = printable(turn.text)
    if kind == "say":
        return ChatMessage("bot", text)
    if kind == "ask":
        chat = turn.chat or chat  # transcripts from before `chat` was recorded: the dialogue's
        words = f"{printable(chat)}\n{text}" if chat else text
        return ChatMessage("bot", words, f"Question {number}" if number else "Question")
    if kind == "probe":
        return ChatMessage(
            "probe", text, f"Follow-up to {number}: {TRIGGER_WORDS.get(turn.trigger, turn.trigger)}"
        )
    if kind == "answer":
        label = f"{you}: amended answer to {number}" if turn.amends else you
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
