"""A choice of more than nine options coded in the interview: an option's key of two
characters (its position, 10, 11, ..., or its own key) is typed key by key, each key
shown on the option bar."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from bot import store
from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.options_bar import OptionButton
from tests.tui_helpers import make_app, own_framework, start_call

SIZE = (80, 24)
SERVICES = [
    "Housing",
    "Police",
    "Health",
    "Fire",
    "Schools",
    "Transport",
    "Waste",
    "Leisure",
    "Libraries",
    "Planning",
    "Social care",
    "Youth work",
]


def many(folder: Path) -> Catalogue:
    """A framework with two choices of twelve: keyed by position, and by own keys."""
    options = ", ".join(f'{{ value = "s{i}", label = "{w}" }}' for i, w in enumerate(SERVICES, 1))
    own = ", ".join(
        f'{{ value = "s{i}", key = "{w[:2].lower()}", label = "{w}" }}'
        for i, w in enumerate(SERVICES, 1)
    )
    return own_framework(
        folder / "frameworks",
        "many",
        {
            "lead": f'text = "Which service leads?"\nkind = "choice"\noptions = [{options}]',
            "next": f'text = "Which should lead next?"\nkind = "choice"\noptions = [{own}]',
        },
    )


def answers(path: Path) -> list[str]:
    return [t.value for t in store.load(path).transcript.turns if t.kind == "answer"]


async def test_every_option_of_twelve_is_coded_by_its_keys(tmp_path: Path) -> None:
    catalogue = many(tmp_path)
    talk = start_call(catalogue, tmp_path, "many", "many-chat")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        shown = [str(b.render()) for b in app.screen.query(OptionButton)]
        assert shown[9].startswith("10  Planning") and shown[11].startswith("12  Youth work")
        await pilot.press("1")  # 1, or the start of 10, 11, 12: nothing coded yet
        await pilot.pause()
        assert answers(talk.path) == []
        hint = str(app.screen.query_one("#hint", Static).render())
        assert hint == 'Coding "1": Enter codes 1 Housing, or type the next key of 10, 11, 12.'
        await pilot.press("1")  # 11
        await pilot.pause()
        assert answers(talk.path) == ["s11"]
        # Own keys of two letters: "sc" for Schools, "so" for Social care.
        shown = [str(b.render()) for b in app.screen.query(OptionButton)]
        assert "so  Social care" in shown[10]
        await pilot.press("s", "o")
        await pilot.pause()
        assert answers(talk.path) == ["s11", "s11"]
        assert talk.session.over


async def test_enter_codes_the_shorter_key_and_backspace_undoes(tmp_path: Path) -> None:
    catalogue = many(tmp_path)
    talk = start_call(catalogue, tmp_path, "many", "many-chat")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "backspace", "1")  # 1 taken back, and typed again
        await pilot.pause()
        assert answers(talk.path) == []
        await pilot.press("enter")  # 1, not 10, 11 or 12
        await pilot.pause()
        assert answers(talk.path) == ["s1"]
        await pilot.press("x")  # no own key begins with x
        await pilot.pause()
        hint = str(app.screen.query_one("#hint", Static).render())
        assert hint.startswith('"x" codes nothing here: the codes are ho, po, he')
        await pilot.press("l", "i")
        await pilot.pause()
        assert answers(talk.path) == ["s1", "s9"]


async def test_enter_on_the_start_of_longer_codes_keeps_the_keys(tmp_path: Path) -> None:
    """Enter after "s" of sc/so codes nothing: the "s" is kept, the hint says why and which
    keys complete it, and the next key still completes the code."""
    catalogue = many(tmp_path)
    talk = start_call(catalogue, tmp_path, "many", "many-chat")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")  # the first statement: Social care by position
        await pilot.pause()
        await pilot.press("s", "enter")
        await pilot.pause()
        assert answers(talk.path) == ["s11"]
        hint = app.screen.query_one("#hint", Static)
        words = str(hint.render())
        assert words == '"s" alone codes nothing: type the next key of sc, so.'
        assert hint.has_class("-error")
        await pilot.press("c")  # "sc": Schools
        await pilot.pause()
        assert answers(talk.path) == ["s11", "s5"]
