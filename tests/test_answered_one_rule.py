"""One rule of what is answered (`bot.engine.path.is_answered`): a Don't know, a refusal
or Not applicable is never counted as answered, by the bar at the end, the home list, the
end summary or the report."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.end_summary import result_line
from bot.engine.path import answered_of
from bot.model import Respondent
from bot.report import render_assessment
from bot.tui.screens.home import progress_of
from bot.tui.widgets.progress_header import ProgressHeader
from tests.conftest import Clock
from tests.tui_helpers import mini_catalogue, running, send, start


async def test_an_abandoned_assessment_with_a_dont_know_says_6_answered_everywhere(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = conversation.start(
        catalogue,
        "ptp-success-criteria",
        "ptp-self-assessment",
        Respondent(name="Ann"),
        tmp_path,
        clock=Clock(),
    )
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        for key in ("3", "3", "3", "d", "3", "3", "3"):
            await send(pilot, key)
            while talk.current().kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert talk.session.over and not talk.session.complete
        header = app.screen.query_one(ProgressHeader)
        assert (header.where, header.count) == ("Abandoned", "6 of 12 questions answered")
        shown = str(app.screen.query_one("#result").render())
        assert "6 answered, 1 don't know" in shown
    assert progress_of(store.load(talk.path).transcript, catalogue) == "6/12"


# What a respondent might type at each prompt of the mini dialogue (a rating, a yes /
# partly / no, words, a number); ":skip" skips, and an input a question refuses is skipped.
TYPED = ("1", "3", "4", "d", "r", "y", "p", "n", "12", "the minutes of May 2009", ":skip")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.lists(st.sampled_from(TYPED), max_size=14), leave=st.booleans())
@example(typed=["d", "n", "12", "d"], leave=True)
@example(typed=["4", "d", "3", "12", "r"], leave=False)
def test_every_count_of_answered_questions_is_the_reports(
    tmp_path: Path, typed: list[str], leave: bool
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path / f"t{len(list(tmp_path.iterdir()))}")
    talk.begin()
    for text in typed:
        if talk.session.over:
            break
        if text == ":skip" or not talk.answer(text).accepted:
            talk.skip()
    if leave and not talk.session.over:
        talk.abandon()
    assessment = talk.assessment()
    answered = assessment.tally.answered
    total = talk.current().progress.question_count
    # The conversation's end (the bar), the home list and the end summary, as the report.
    assert answered_of(talk.session.final_path, total, talk.session.complete)[0] == answered
    home = progress_of(store.load(talk.path).transcript, catalogue)
    assert home.split("/")[0] == str(answered)
    assert f"{answered} answered" in result_line(assessment, talk.session.complete)
    assert f"{answered} answered" in render_assessment(assessment, "md")
