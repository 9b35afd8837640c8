"""In the chat, a follow-up reply that is only an answer's key is never taken silently
as the respondent's words: as in plain mode (`Conversation.answer_next`), it is taken as
the answer to the next question, the follow-up skipped, and the chat says so."""

from __future__ import annotations

from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from tests.conftest import Clock
from tests.tui_helpers import log_text, running, send


def hallmarks(catalogue: Catalogue, folder: Path):  # type: ignore[no-untyped-def]
    """A new hallmarks self-assessment: y (Yes) at 1.1 asks for evidence."""
    return conversation.start(
        catalogue, "hallmarks", "hallmarks-self", Respondent(name="Ann"), folder, clock=Clock()
    )


def said(path: Path) -> list[tuple[str, str, str]]:
    """The respondent's turns and the skips: (kind, question, text)."""
    return [
        (t.kind, t.question, t.text)
        for t in store.load(path).transcript.turns
        if t.kind in ("answer", "probe_answer", "skip")
    ]


async def reply_at_the_follow_up(catalogue: Catalogue, folder: Path, reply: str):  # type: ignore[no-untyped-def]
    """In the app, Yes at 1.1, then `reply` sent at what comes next: (conversation, the
    kind of prompt Yes brought, the chat log, the prompt after the reply)."""
    talk = hallmarks(catalogue, folder)
    async with running(catalogue, folder, talk) as (app, pilot):
        await send(pilot, "y")
        after_yes = talk.current().kind
        await send(pilot, reply)
        return talk, after_yes, log_text(app), talk.current()


async def test_a_key_at_a_follow_up_answers_the_next_question(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk, after_yes, log, now = await reply_at_the_follow_up(catalogue, tmp_path, "p")
    assert after_yes == "probe"
    assert '"p" is an answer\'s key, not words: taken as the answer to the next' in log
    assert now.kind == "ask"
    assert said(talk.path) == [
        ("answer", "h1_1", "y"),
        ("skip", "h1_1", ""),
        ("answer", "h1_2", "p"),
    ]


async def test_a_key_the_next_question_does_not_take_is_not_used(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk, _, log, now = await reply_at_the_follow_up(catalogue, tmp_path, "2")
    assert "You\n2" not in log
    assert '"2" is not one of the answers here, so it is not used.' in log
    assert now.question is not None and now.question.id == "h1_2"
    assert said(talk.path) == [("answer", "h1_1", "y"), ("skip", "h1_1", "")]


async def test_words_with_a_key_are_the_reply(catalogue: Catalogue, tmp_path: Path) -> None:
    talk, _, _, _ = await reply_at_the_follow_up(catalogue, tmp_path, "2 sets of minutes")
    assert said(talk.path) == [
        ("answer", "h1_1", "y"),
        ("probe_answer", "h1_1", "2 sets of minutes"),
    ]
