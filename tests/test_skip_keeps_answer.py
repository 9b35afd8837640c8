"""Skipping a question gone back to, which has an answer, keeps the answer and moves on
(as Enter does): it never replaces the answer with none, in the app or plain mode."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import final_path
from bot.loading import LoadedDialogue
from bot.model import Respondent
from tests.conftest import Clock
from tests.tui_helpers import log_text, running, send

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_skip_at_an_answered_question_keeps_its_answer(mini_chat: LoadedDialogue) -> None:
    session = Session(mini_chat)
    session.begin(NOW)
    session.answer("2", NOW)
    while session.current().kind == "probe":
        session.skip(NOW)
    session.back(NOW)
    assert session.current().question.id == "a1"  # type: ignore[union-attr]
    outcome = session.skip(NOW)
    assert outcome.turns[0].kind == "keep"
    assert session.answers["a1"].text == "2"
    assert [t for t in session.turns if t.kind == "skip" and not t.trigger] == []


def test_skip_at_an_unanswered_question_still_skips(mini_chat: LoadedDialogue) -> None:
    session = Session(mini_chat)
    session.begin(NOW)
    assert session.skip(NOW).turns[0].kind == "skip"
    assert "a1" not in session.answers


async def test_ctrl_o_after_going_back_keeps_the_answer(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = conversation.start(
        catalogue, "hallmarks", "hallmarks-self", Respondent(name="Ann"), tmp_path, clock=Clock()
    )
    talk.begin()
    # Up to 2.4, each earlier question skipped (the app is opened there, as on resuming).
    while (question := talk.current().question) is not None and question.id != "h2_4":
        talk.skip()
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "p - some partners")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert talk.current().question.id == "h2_4"  # type: ignore[union-attr]
        assert "Currently: Partly - some partners" in str(app.screen.query_one("#hint").render())
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Skipped question 2.4." not in log_text(app)
        assert "Kept the answer to 2.4." in log_text(app)
    answer = final_path(store.load(talk.path).transcript.turns).answers["h2_4"]
    assert (answer.value, answer.text) == ("partly", "p - some partners")
