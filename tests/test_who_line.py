"""Who is answering, in one line of the width there is: at 80 columns the call bar keeps
the respondent's organisation whole while the call is paused (the less important parts
go first), and a self-assessment's header names who is answering, whether it was
started from the home screen or from a round."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.tui.screens.chat import ChatScreen
from bot.tui.who_line import who_line
from bot.tui.widgets.progress_header import ProgressHeader
from tests.conftest import Clock
from tests.round_helpers import open_round, sample_round, until
from tests.tui_helpers import mini_catalogue, region_lines, running, start

ANN = Respondent(
    name="Ann Lee",
    role="Assistant Director",
    organisation="Hertfordshire County Council Adult Care Services",
)


def test_it_is_whole_where_it_fits() -> None:
    assert (
        who_line(ANN, 200, lead="Call with ")
        == "Call with Ann Lee, Assistant Director, Hertfordshire County Council Adult Care Services"
    )
    assert who_line(ANN, 200, title="Hallmarks") == (
        "Ann Lee, Assistant Director, Hertfordshire County Council Adult Care Services · Hallmarks"
    )


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (80, "Ann Lee, Assistant Director, Hertfordshire County Council Adult Care Services"),
        (70, "Ann Lee, Assistant…, Hertfordshire County Council Adult Care Services"),
        (64, "Ann Lee, Hertfordshire County Council Adult Care Services"),
        (40, "Ann Lee, Hertfordshire County Council A…"),
        (12, "Ann Lee"),
        (5, "Ann…"),
    ],
)
def test_the_less_important_parts_go_first(width: int, shown: str) -> None:
    # The lead first, then the role (cut, then left out), then the organisation is cut:
    # the name goes last of all.
    assert who_line(ANN, width, lead="Call with ") == shown
    assert len(shown) <= width


def test_a_title_goes_before_anything_of_who() -> None:
    line = who_line(ANN, 90, title="Hallmarks of effective partnerships")
    assert line.startswith(
        "Ann Lee, Assistant Director, Hertfordshire County Council Adult Care Services · "
    )
    assert line.endswith("…") and len(line) == 90
    assert who_line(ANN, 60, title="Hallmarks") == (
        "Ann Lee, Hertfordshire County Council Adult Care Services"
    )


def test_no_one_named_is_said_so() -> None:
    assert who_line(Respondent(), 40, lead="Call with ") == "Call with (not named)"
    assert who_line(Respondent(organisation="Borough Council"), 10) == "Borough C…"


@pytest.mark.parametrize("paused", [False, True])
async def test_the_paused_call_bar_keeps_the_organisation_at_80_columns(
    tmp_path: Path, catalogue: Catalogue, paused: bool
) -> None:
    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        ANN,
        tmp_path,
        Person(name="Sam"),
        clock=Clock(),
    )
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        if paused:
            await pilot.press("ctrl+t")
            await pilot.pause()
        [bar] = region_lines(app, "#call-bar")
        assert "Ann Lee" in bar
        assert "Hertfordshire County Council Adult Care Services" in bar
        assert bar.endswith("Paused 00:00" if paused else "00:00")


async def test_the_chat_header_names_who_is_answering(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, _pilot):
        top = region_lines(app, "#progress")[0]
        assert top.startswith("Jane Smith, Councillor, Borough Council · Mini chat  ")


async def test_a_self_assessment_started_from_a_round_names_the_invitee(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    monkeypatch.chdir(tmp_path)
    app = sample.app(catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_round(app, pilot, "h17")  # Grace Archer, not started, self-assessing
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ChatScreen))
        await pilot.pause()
        header = app.screen.query_one(ProgressHeader)
        assert header.who is not None and header.who.name == "Grace Archer"
        top = region_lines(app, "#progress")[0]
        assert top.startswith("Grace Archer, ")
