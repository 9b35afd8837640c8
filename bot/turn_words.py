"""How turns and transcripts are put into words for people, in one place.

Plain mode, the app and replay (printed or on screen) all name speakers, answers,
triggers, statuses and call events the same way because they all use these. Pure: no
terminal, no Textual; stored text is returned as stored (each front end makes it safe
to show in its own way).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.figures import seconds as whole_seconds

if TYPE_CHECKING:  # the models (pydantic) are not needed to put words together
    from bot.model import Framework, Question, Respondent, Turn

_NUMBER_THEN_SPACE = re.compile(r"-?[\d,]+(?:\.\d+)? ")

NOT_NAMED = "(not named)"
"""Said for a respondent who gave no name, role or organisation."""

SPEAKERS = {"bot": "Bot", "respondent": "Respondent", "interviewer": "Interviewer"}
"""Who said a turn, as a replay names them."""

TRIGGER_WORDS = {
    "low": "a weak answer",
    "dont_know": "don't know",
    "vague": "a vague answer",
    "unevidenced_high": "a top score without evidence",
    "out_of_range": "outside the recommended range",
    "below_range": "below the recommended range",
    "above_range": "above the recommended range",
    "inconsistent": "differs from an earlier answer",
}
"""Why a follow-up was asked."""

CALL_WORDS = {
    "call_start": "The call started.",
    "call_pause": "The call was paused.",
    "call_resume": "The call resumed.",
}
"""The call's timing turns."""


def speaker_of(turn: Turn) -> str:
    """Who said a turn ("bot", "respondent" or "interviewer"). A reply to a follow-up is
    always the respondent's: transcripts of calls written before that was recorded so
    say "interviewer", and are read as the respondent's all the same."""
    return "respondent" if turn.kind == "probe_answer" else turn.speaker


def speaker(turn: Turn) -> str:
    """Who said a turn: Bot, Respondent or Interviewer."""
    return SPEAKERS[speaker_of(turn)]


def who_words(who: Respondent, organisation: bool = True) -> str:
    """Who answered, as people read it: "Jane Smith, Councillor, Borough Council"."""
    parts = (who.name, who.role, who.organisation) if organisation else (who.name,)
    return ", ".join(x for x in parts if x) or NOT_NAMED


def status_words(status: str) -> str:
    """A transcript's status in words: "in progress", "complete", "abandoned"."""
    return status.replace("_", " ")


def trigger_words(trigger: str) -> str:
    """Why a follow-up was asked, in words."""
    return TRIGGER_WORDS.get(trigger, trigger.replace("_", " "))


def answer_words(turn: Turn) -> str:
    """An answer as words: the option's label or the value, and any comment after a dash,
    or after a space where it was typed straight after a number with no mark ("12
    members who attend"): no dash is shown that was not typed there."""
    shown = turn.label or turn.value
    if not turn.comment:
        return shown
    return f"{shown}{' ' if _run_on(turn) else ' - '}{turn.comment}"


def _run_on(turn: Turn) -> bool:
    """Whether a number's comment was typed straight after it, with only a space."""
    typed, comment = " ".join(turn.text.split()), " ".join(turn.comment.split())
    before = typed.removesuffix(comment)
    return not turn.label and before != typed and _NUMBER_THEN_SPACE.fullmatch(before) is not None


def earlier_words(turn: Turn) -> str:
    """What a question asked afresh says of the answer given to it on a branch that was
    left (`Prompt.earlier`): a hint, which Enter does not keep, as the app's chat, the
    interview and plain mode all say it."""
    return f"Earlier, on this branch: {answer_words(turn)}"


def question_number(question_id: str, framework: Framework | None) -> str:
    """What a question is called: its number as the seed gives it (see `Framework.label`
    when it has none; its id when it is unknown)."""
    if framework is None or not question_id:
        return question_id
    try:
        question = framework.question(question_id)
    except KeyError:
        return question_id
    return framework.label(question.id)


def dont_know_offer(question: Question, alone: bool = False) -> str:
    """How a hint offers Don't know, where the question allows it: ", or d for Don't
    know" (``alone``: "d alone", beside a list of picks); "" where it does not."""
    from bot.model.framework import DONT_KNOW_KEY

    if not question.allow_dont_know:
        return ""
    return f", or {DONT_KNOW_KEY}{' alone' if alone else ''} for Don't know"


def answer_hint(question: Question) -> str:
    """How to answer a number question, as plain mode and the app both say it: "Type a
    number (members), or d for Don't know" (Don't know only where the question allows
    it); "" for other kinds."""
    if question.kind != "number":
        return ""
    unit = f" ({question.unit})" if question.unit else ""
    return f"Type a number{unit}{dont_know_offer(question)}"


def follow_up_recap(question: Question, answer: Turn | None, whose: str = "Your") -> str:
    """What a follow-up is about, said when a conversation carries on at one: the
    question (its number and wording) and the answer being followed up."""
    lines = [f"Question {question.number or question.id}: {question.text}"]
    if answer is not None:
        lines.append(f"{whose} answer: {answer_words(answer)}")
    return "\n".join(lines)


def call_length_words(seconds: float) -> str:
    """A call's length as people say it: "12 min 5 s", "4 h 13 min 22 s"."""
    minutes, rest = divmod(whole_seconds(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min {rest} s" if hours else f"{minutes} min {rest} s"


def key_taken_words(key: str, how: str = "type words with it") -> str:
    """What is said when a follow-up reply that is only an answer's key is taken as the
    answer to the next question instead (`Conversation.answer_next`): the key as typed
    (each front end makes it safe to show), and how to give it as the reply."""
    # Imported here: the engine's own modules use this module's words.
    from bot.engine.path import LONE_NUMBER

    example = f', such as "{key} a year"' if LONE_NUMBER.fullmatch(key) else ""
    return (
        f'"{key}" is an answer\'s key, not words: taken as the answer to the next question, '
        f"and the follow-up is skipped (to give it as the reply, {how}{example})."
    )


def answer_taken_words(text: str) -> str:
    """What is said when a follow-up reply written as the next question's answer with a
    comment ("1 - third", `Conversation.key_for_next`) is taken as that answer from a
    pipe: the text as typed (each front end makes it safe to show), and how to give it as
    the reply."""
    return (
        f'"{text}" reads as an answer to the next question: taken as its answer, and the '
        "follow-up is skipped (to give it as the reply, start it with words, not a key)."
    )


def key_not_used_words(key: str) -> str:
    """Said when a key taken for the next question is not one of its answers."""
    return f'"{key}" is not one of the answers here, so it is not used.'


def key_as_reply_words(key: str) -> str:
    """Said when a follow-up reply that is only an answer's key or a lone number is kept
    as the reply (`Conversation.key_for_next`): what is kept, and that reports quote
    words only."""
    return (
        f'"{key}" is kept as your reply to the follow-up. Reports quote words only: a '
        "reply that is only a key or a number stays in the transcript, not quoted."
    )


def key_waits_words(key: str) -> str:
    """Said when a key typed at a follow-up was meant for the next question: it waits in
    the answer box there, sent only once the question is on screen."""
    return f'"{key}" is typed for this question: Enter sends it (or change it first).'


def read_out(read_aloud: str, statement: str) -> tuple[str, ...]:
    """What an interviewer reads out for a statement, line by line: the node's
    `read_aloud`, then the statement itself unless the `read_aloud` already says it (at
    least half of the statement's words are in it, as a statement reworded to be said
    aloud has them, "You know whether ..." for "The respondent knows whether ..."); the
    statement alone where the node has no `read_aloud`. A `read_aloud` that only leads in
    ("I will read a statement.") is never read in place of the statement."""
    if not read_aloud.strip():
        return (statement,)
    said = set(_words(read_aloud))
    words = set(_words(statement))
    if 2 * len(words & said) >= len(words):
        return (read_aloud,)
    return (read_aloud, statement)


def _words(text: str) -> list[str]:
    """The words of a text, casefolded, without the marks around them."""
    return re.findall(r"\w+", text.casefold())
