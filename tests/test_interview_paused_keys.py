"""A paused call codes nothing, and a key that codes nothing says so: a coding key (or a
button clicked) while the call is paused says it was not coded and how to resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui_helpers import make_app, mini_catalogue, start

SIZE = (100, 30)


def hint(app) -> str:  # type: ignore[no-untyped-def]
    """What the coding hint under the options says."""
    return str(app.screen.query_one("#hint", Static).render())


def answers(talk) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.value for t in talk.session.turns if t.kind == "answer"]


async def test_a_coding_key_while_the_call_is_paused_says_it_is_not_coded(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t", "3")
        await pilot.pause()
        assert answers(talk) == []
        assert hint(app) == '"3" not coded: the call is paused; Ctrl+T resumes.'
        await pilot.press("ctrl+t", "3")  # resumed: the key codes
        await pilot.pause()
        assert answers(talk) == ["agree"]
