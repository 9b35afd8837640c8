"""The interview, as the chat does, says what was answered to a statement on a branch
that was left, when the statement comes back asked afresh: a hint, not kept by Enter."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui_helpers import make_app, mini_catalogue, start

WORDS = "The Hill Park Project and Essex Police"


async def test_a_statement_asked_afresh_shows_its_earlier_answer(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    talk.begin()
    # a2 yes opens a3, answered; a2 changed to no leaves it, and back to yes enters it again.
    for typed in ("3", "y", WORDS):
        assert not talk.answer(typed).error
    while talk.session.current().question.id != "a2":
        assert not talk.back().error
    assert not talk.answer("n").error
    while talk.session.current().question.id != "a2":
        assert not talk.back().error
    assert not talk.answer("y").error
    prompt = talk.session.current()
    assert (prompt.question.id, prompt.previous) == ("a3", None) and prompt.earlier is not None
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        codes = str(app.screen.query_one("#codes", Static).render())
        assert f"Earlier, on this branch: {WORDS} (Enter does not keep it: answer afresh)" in codes
        assert "Currently" not in codes
        await pilot.press("enter")  # a hint only: Enter keeps nothing
        await pilot.pause()
        assert "a3" not in talk.session.answers
