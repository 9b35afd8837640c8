"""In the chat, a follow-up reply that is only an answer's key or a lone number is never
lost and never answers a question not yet on screen (`Conversation.key_for_next`): a key
the next question takes asks whether it was the reply or meant for that question (then it
waits in the box there, sent by Enter); anything else is kept as the reply."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.tui.screens.dialogs import PickScreen
from bot.tui.widgets.chat_input import ChatInput
from tests.conftest import Clock
from tests.tui_helpers import log_text, running, send


def begun(catalogue: Catalogue, folder: Path, framework: str, dialogue: str):  # type: ignore[no-untyped-def]
    """A new self-assessment, not yet begun."""
    return conversation.start(
        catalogue, framework, dialogue, Respondent(name="Ann"), folder, clock=Clock()
    )


def said(path: Path) -> list[tuple[str, str, str]]:
    """The respondent's turns and the skips: (kind, question, text)."""
    return [
        (t.kind, t.question, t.text)
        for t in store.load(path).transcript.turns
        if t.kind in ("answer", "probe_answer", "skip")
    ]


async def choose(pilot, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item of the dialog asking which was meant, as a person does: arrows, Enter."""
    dialog = pilot.app.screen
    assert isinstance(dialog, PickScreen)
    items = dialog.query_one(OptionList)
    while items.highlighted is None or items.get_option_at_index(items.highlighted).id != choice:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_a_key_the_next_question_takes_asks_and_waits_for_that_question(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "hallmarks", "hallmarks-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "y")
        assert talk.current().kind == "probe"
        await send(pilot, "p")
        assert isinstance(app.screen, PickScreen)
        assert said(talk.path) == [("answer", "h1_1", "y")]  # nothing saved while asked
        await choose(pilot, "next")
        now = talk.current()
        assert now.kind == "ask" and now.question is not None and now.question.id == "h1_2"
        # Not answered for a question the person has not seen: it waits in the box there.
        assert said(talk.path) == [("answer", "h1_1", "y"), ("skip", "h1_1", "")]
        assert app.screen.query_one(ChatInput).value == "p"
        assert '"p" is typed for this question: Enter sends it' in str(
            app.screen.query_one("#hint").render()
        )
        await pilot.press("enter")
        await pilot.pause()
    assert said(talk.path)[-1] == ("answer", "h1_2", "p")


async def test_a_key_asked_about_can_be_the_reply(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = begun(catalogue, tmp_path, "hallmarks", "hallmarks-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "y")
        await send(pilot, "p")
        await choose(pilot, "reply")
        assert '"p" is kept as your reply to the follow-up' in log_text(app)
    assert said(talk.path) == [("answer", "h1_1", "y"), ("probe_answer", "h1_1", "p")]


async def test_esc_at_the_question_keeps_the_key_in_the_box(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "hallmarks", "hallmarks-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "y")
        await send(pilot, "p")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ChatInput).value == "p"
        assert talk.current().kind == "probe"
    assert said(talk.path) == [("answer", "h1_1", "y")]


async def test_a_number_the_next_question_does_not_take_is_the_reply(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "hallmarks", "hallmarks-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "y")
        await send(pilot, "3")
        log = log_text(app)
        assert "an answer's key" not in log
        assert '"3" is kept as your reply to the follow-up' in log
    assert said(talk.path) == [("answer", "h1_1", "y"), ("probe_answer", "h1_1", "3")]


async def test_a_lone_number_at_a_size_follow_up_is_kept_as_the_reply(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "20 - too many")
        assert talk.current().text.endswith("What keeps the Board at this size?")
        await send(pilot, "12")
        assert "not used" not in log_text(app)
        now = talk.current()
        assert now.question is not None and now.question.id == "executive_size"
    assert said(talk.path) == [
        ("answer", "board_size", "20 - too many"),
        ("probe_answer", "board_size", "12"),
    ]


async def test_no_answer_is_recorded_for_a_question_not_yet_shown(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    async with running(catalogue, tmp_path, talk) as (_, pilot):
        for key in ("3", "3", "1"):
            await send(pilot, key)
        assert [q for _, q, _ in said(talk.path)] == ["q1_1", "q1_2", "q1_3"]
        assert talk.current().kind == "probe"
        await send(pilot, "2")
        assert isinstance(pilot.app.screen, PickScreen)
        questions = [q for _, q, _ in said(talk.path)]
        assert "q2_1" not in questions


async def test_words_with_a_key_are_the_reply(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = begun(catalogue, tmp_path, "hallmarks", "hallmarks-self")
    async with running(catalogue, tmp_path, talk) as (_, pilot):
        await send(pilot, "y")
        await send(pilot, "2 sets of minutes")
    assert said(talk.path) == [
        ("answer", "h1_1", "y"),
        ("probe_answer", "h1_1", "2 sets of minutes"),
    ]


async def ahead(pilot, talk) -> None:  # type: ignore[no-untyped-def]
    """Working Better Together: 1.1 and 1.2 answered with comments, 1.2's top score opening
    a follow-up, then an answer to 1.3 typed with its comment ("1 - third")."""
    await send(pilot, "3 - settled")
    await send(pilot, "4 - second")
    assert talk.current().kind == "probe"
    await send(pilot, "1 - third")


async def test_an_answer_with_a_comment_typed_ahead_asks_and_waits_for_its_question(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await ahead(pilot, talk)
        assert isinstance(app.screen, PickScreen)
        assert '"1 - third" reads as an answer to the next question. Did you mean it as:' in str(
            app.screen.query_one(".dialog-title").render()
        )
        assert [q for _, q, _ in said(talk.path)] == ["q1_1", "q1_2"]  # nothing saved yet
        await choose(pilot, "next")
        now = talk.current()
        assert now.kind == "ask" and now.question is not None and now.question.id == "q1_3"
        assert app.screen.query_one(ChatInput).value == "1 - third"  # not sent
        await pilot.press("enter")
        await pilot.pause()
    assert said(talk.path)[-2:] == [("skip", "q1_2", ""), ("answer", "q1_3", "1 - third")]


async def test_an_answer_with_a_comment_asked_about_can_be_the_reply(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await ahead(pilot, talk)
        await choose(pilot, "reply")
        assert "kept as your reply" not in log_text(app)  # words, quoted as any reply
    assert said(talk.path)[-1] == ("probe_answer", "q1_2", "1 - third")


async def test_esc_keeps_an_answer_with_a_comment_in_the_box(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "working-better-together", "working-better-together-self")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await ahead(pilot, talk)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ChatInput).value == "1 - third"
        assert talk.current().kind == "probe"
    assert [q for _, q, _ in said(talk.path)] == ["q1_1", "q1_2"]
