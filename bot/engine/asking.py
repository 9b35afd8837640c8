"""What a prompt asks for ("when", "who"), and the reply that gives it whatever its form.

A reply to a follow-up that is only an answer's key or a lone number is no words of the
respondent's (`bot.engine.path.is_words`): it was most likely meant for the next
question. A year alone ("2009") or a date in figures alone ("12/03/2009") in reply to a
follow-up that asks when (`asks_for`) is what was asked: the reply, quoted and read for
evidence as any words are (`bot.engine.path.is_reply_words`).
"""

from __future__ import annotations

import re

from bot.engine.dates import LONE_DATE

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_FIRST_WORD = re.compile(r"[A-Za-z']+")
_CONDITIONAL = re.compile(r"^(?:if so|if not|if yes|and|but|so)\b[,\s]*", re.I)
_ASKS = {"who": "name", "whom": "name", "whose": "name", "when": "date"}


def asks_for(wording: str) -> str:
    """What a prompt asks for, from its wording: "name" for a who question, "date" for a
    when question, "" otherwise. The last sentence is read, after any colon ("Could you
    say more: who proposed it?"), past a leading "If so,"."""
    sentences = [s for s in _SENTENCE_END.split(wording.strip()) if s]
    if not sentences:
        return ""
    last = sentences[-1].rsplit(":", 1)[-1]
    word = _FIRST_WORD.search(_CONDITIONAL.sub("", last.strip()))
    return _ASKS.get(word.group(0).casefold(), "") if word else ""


def answers_when(reply: str, prompt: str) -> bool:
    """Whether a reply is a date alone ("2009", "12/03/2009", `LONE_DATE`) to a prompt
    that asks when (`asks_for`)."""
    return asks_for(prompt) == "date" and LONE_DATE.fullmatch(reply.strip()) is not None
