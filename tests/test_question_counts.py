"""One count of questions, in the header while answering, at the end and on the home
list: the dialogue's (`RouteFacts.question_total`), a repeated group's questions counted
once however many items are named; at the end, those of a register are said apart, as the
answers' tally leaves them out."""

from __future__ import annotations

from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.tui.screens.home import progress_of
from bot.tui.widgets.progress_header import ProgressHeader
from tests.tui_helpers import begun, running, send


def answer(talk) -> None:  # type: ignore[no-untyped-def]
    """Answer what is shown: a number, words, yes (a register's "another?" once)."""
    prompt = talk.current()
    question = prompt.question
    if prompt.kind == "probe":
        talk.skip()
    elif question.kind == "number":
        talk.answer("14")
    elif question.kind == "text":
        talk.answer("Housing targets")
    elif "g" in [o.key for o in prompt.options]:
        talk.answer("g")
    else:
        talk.answer("y" if question.id != "top_risks" or prompt.item == 1 else "n")


async def test_the_counts_agree_at_the_end_and_on_the_home_list(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = begun(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    assert talk.current().progress.count_words == "1 of up to 28 questions"
    # Two risks named; the app is opened at the last "another?".
    while not (talk.current().question.id == "top_risks" and talk.current().item == 2):
        answer(talk)
    assert progress_of(talk.transcript, catalogue).endswith("/28")
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "n")
        assert talk.session.complete
        header = app.screen.query_one(ProgressHeader)
        assert header.where == "Complete: 28 questions"
        assert header.count == "including 3 asked for each item of a register"
    assert progress_of(store.load(talk.path).transcript, catalogue) == "28/28"
