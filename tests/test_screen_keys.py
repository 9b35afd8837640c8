"""Every screen's help comes from its bindings, and its key hints fit 80 columns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.tui.screens.dialogs import HelpScreen
from bot.tui.screens.replay import ReplayScreen
from bot.tui.screens.round import RoundScreen
from bot.tui.widgets.key_hints import KeyHints, help_rows, key_words, meaning
from tests.conftest import ROOT
from tests.test_round_tui import open_round
from tests.tui_helpers import make_app

SIZE = (80, 24)
SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    transcripts = tmp_path / "transcripts"
    shutil.copytree(SAMPLE, transcripts / "rounds" / "hertfordshire-2009")
    monkeypatch.setenv("PARTNERSHIP_BOT_CALLER", "Alex")
    return transcripts


async def test_the_round_help_is_its_bindings(round_folder: Path, catalogue: Catalogue) -> None:
    app = make_app(catalogue, round_folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(app, pilot)
        hints = screen.query_one(KeyHints)
        assert hints.text.endswith("^p palette") and len(hints.text) <= SIZE[0] - 2
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = list(app.screen.keys)
        assert rows == help_rows(screen)
        # Each key the screen binds is explained in full, as on every other screen.
        for binding in RoundScreen.BINDINGS:
            assert binding.tooltip, binding.key
            assert (key_words(binding), meaning(binding)) in rows
        assert ("Esc", "back to the home screen") in rows


async def test_the_replay_key_hints_fit_80_columns(tmp_path: Path) -> None:
    sample = tmp_path / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), tmp_path, replay=sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        hints = app.screen.query_one(KeyHints)
        assert hints.text.endswith("^p palette")
        assert len(hints.text) <= SIZE[0] - 2  # the hints' padding takes a cell each side
        assert str(hints.render()).rstrip().endswith("^p palette")


@pytest.mark.parametrize("interviewer", [None, "An Officer"], ids=["chat", "interview"])
async def test_the_conversation_key_hints_fit_80_columns_at_every_kind_of_question(
    tmp_path: Path, interviewer: str | None
) -> None:
    from tests.tui_helpers import mini_catalogue, start

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer=interviewer)
    talk.begin()
    talk.answer("3 - the board meets monthly, minutes on the website")
    while talk.current().kind == "probe":
        talk.skip()
    talk.answer("y - signed by all partners in 2008")
    while talk.current().kind == "probe":
        talk.skip()
    assert talk.current().question.kind == "text"  # the multi-line box, with Ctrl+S
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hints = app.screen.query_one(KeyHints)
        assert hints.text.endswith("^p palette")
        assert len(hints.text) <= SIZE[0] - 2, hints.text
