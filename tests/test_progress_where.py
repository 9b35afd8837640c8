"""Where the respondent is, in words: "Area 2 of 7" only where the dialogue takes the
framework's areas in order. The Hertfordshire survey asks its 18 statements in the
published order, which moves between the areas; numbering them there would read as
jumping back and forth ("Area 6 of 9", then "Area 1 of 9")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.engine.routes import takes_areas_in_order
from bot.model import Respondent
from bot.plain import PlainMode
from bot.tui.widgets.progress_header import ProgressHeader
from tests.tui_helpers import make_app


def _talk(folder: Path, dialogue: str) -> conversation.Conversation:
    catalogue = Catalogue()
    return conversation.start(
        catalogue, "hertfordshire-review", dialogue, Respondent(name="Ann"), folder
    )


@pytest.mark.parametrize(
    ("framework", "dialogue", "in_order"),
    [
        ("hertfordshire-review", "hertfordshire-survey", False),
        ("hertfordshire-review", "hertfordshire-interview", True),
        ("working-better-together", "working-better-together-self", True),
        ("governance-structure", "governance-structure-review", True),
        ("hallmarks", "hallmarks-self", True),
        ("ptp-success-criteria", "ptp-self-assessment", True),
    ],
)
def test_which_dialogues_take_the_areas_in_order(
    framework: str, dialogue: str, in_order: bool
) -> None:
    catalogue = Catalogue()
    loaded = catalogue.dialogue(dialogue, catalogue.framework(framework))
    assert takes_areas_in_order(loaded) is in_order


def test_the_survey_names_each_statement_s_area_without_numbering_it(tmp_path: Path) -> None:
    talk = _talk(tmp_path, "hertfordshire-survey")
    try:
        talk.begin()
        seen = []
        for _ in range(18):
            prompt = talk.current()
            if prompt.kind != "ask":
                break
            seen.append(prompt.progress.where)
            talk.answer("2")  # Agree: no follow-up
        assert seen[0] == "Commitment"
        assert len(seen) == 18
        assert not any(where.startswith("Area ") for where in seen)
    finally:
        talk.close()


def test_an_interview_in_area_order_numbers_its_areas(tmp_path: Path) -> None:
    talk = _talk(tmp_path, "hertfordshire-interview")
    try:
        talk.begin()
        assert talk.current().progress.where == "Area 1 of 9: Membership"
    finally:
        talk.close()


def test_plain_mode_heads_the_survey_s_areas_by_title_alone(tmp_path: Path) -> None:
    talk = _talk(tmp_path, "hertfordshire-survey")
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO("2\n2\n:quit\n"), out).run()
    finally:
        talk.close()
    text = out.getvalue()
    assert "Commitment" in text
    assert "Area 6 of 9" not in text


async def test_the_app_s_header_names_the_survey_s_area_by_title_alone(tmp_path: Path) -> None:
    talk = _talk(tmp_path, "hertfordshire-survey")
    app = make_app(Catalogue(), tmp_path, conversation=talk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen.query_one(ProgressHeader).where == "Commitment"
    finally:
        talk.close()
