"""The option bar at 80 columns: every option's key and label read whole, in as many
columns as the words allow, a label too long for one line wrapping, the answer box
still in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import conversation
from bot.model import Respondent
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.options_bar import OptionButton
from tests.conftest import Clock
from tests.test_tui_choice_date import board
from tests.tui_helpers import make_app, own_framework, type_text

SIZE = (80, 24)
LONG = [
    "Minutes are sent to every partner within a week and published on the website",
    "Minutes are sent to every partner, but only some weeks after the meeting",
    "Decisions are recorded in an action log that the partners see",
    "Decisions are not recorded in writing at all",
    "Something else, described in the comment",
]


def bar_text(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Each option's button as drawn, its lines joined."""
    return [
        " ".join(button.render_line(y).text.strip() for y in range(button.size.height))
        for button in app.screen.query(OptionButton)
    ]


async def test_the_board_check_options_are_whole_at_80_columns(tmp_path: Path) -> None:
    catalogue, talk = board(tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for line in ("2", "1 2 3", "2 Dec 2009"):
            await type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
        assert talk.current().question.id == "b4"
        assert bar_text(app) == [
            "1  Minutes sent out within a week",
            "2  Minutes, sent out later",
            "3  Not recorded",
            "d  Don't know",
        ]


async def test_a_label_longer_than_the_screen_wraps_and_the_box_stays(tmp_path: Path) -> None:
    options = ", ".join(f'{{ value = "o{i}", label = "{w}" }}' for i, w in enumerate(LONG))
    catalogue = own_framework(
        tmp_path / "frameworks",
        "wordy",
        {
            "record": f'text = "How?"\nkind = "choice"\nallow_dont_know = true\noptions = [{options}]'
        },
    )
    talk = conversation.start(
        catalogue, "wordy", "wordy-chat", Respondent(name="Ann"), tmp_path, clock=Clock()
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = bar_text(app)
        assert shown == [f"{i}  {words}" for i, words in enumerate(LONG, 1)] + ["d  Don't know"]
        box = app.screen.query_one(ChatInput)
        assert box.region.height == 3 and box.region.bottom <= SIZE[1]
        assert app.screen.focused is box


@pytest.mark.parametrize(
    ("words", "width", "columns"),
    [
        (["y  Yes", "p  Partly", "n  No", "d  Don't know"], 76, 4),
        (["1  Minutes sent out within a week", "2  Minutes, sent out later"], 76, 2),
        (["1  Minutes sent out within a week", "2  Minutes, sent out later"], 51, 1),
        (["1  " + "x" * 90], 76, 1),
    ],
)
def test_columns_are_as_many_as_the_words_allow(words: list[str], width: int, columns: int) -> None:
    from bot.tui.widgets.options_bar import columns_for

    assert columns_for(words, width) == columns
