"""The home list's progress of a transcript with a register ("complete 25/28") says, for
the chosen transcript, that it includes the register's questions, which the report's tally
("22 answered, 3 don't know") leaves out: the two counts explained on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from bot import store
from bot.catalogue import Catalogue
from bot.end_summary import result_line
from bot.tui.screens.home import home_progress, progress_note
from tests.tui_helpers import begun, make_app

DONT_KNOW = {"deputies", "county_voice", "portfolio_holders"}
RISK = {"risk_objective": "Reduce anti-social behaviour", "risk_rag": "r", "risk_owner": "Police"}


def two_risks(folder: Path) -> Path:
    """A complete structure review: three Don't knows, two top risks named."""
    talk = begun(Catalogue(), folder, "governance-structure", "governance-structure-review")
    named = 0
    while not talk.session.over:
        prompt = talk.current()
        question = prompt.question
        if prompt.kind == "probe":
            talk.skip()
        elif question.id == "top_risks":
            named += 1
            assert talk.answer("y" if named < 2 else "n").accepted
        else:
            text = RISK.get(question.id) or ("d" if question.id in DONT_KNOW else None)
            text = text or ("10" if question.kind == "number" else "y")
            assert talk.answer(text).accepted or talk.answer("4").accepted
    talk.close()
    assert "22 answered, 3 don't know" in result_line(talk.assessment(), True)
    return talk.path


def test_the_progress_counts_the_register_s_questions_and_says_so(tmp_path: Path) -> None:
    path = two_risks(tmp_path)
    progress, registers = home_progress(store.load(path).transcript, Catalogue())
    assert (progress, registers) == ("25/28", 3)
    # 25 = the report's 22 answered and the register's 3.
    assert progress_note(progress, registers) == (
        "25/28 includes 3 register questions, which the report's tally leaves out."
    )
    assert progress_note("12/20", 0) == ""


async def test_the_home_list_explains_the_chosen_transcript_s_count(tmp_path: Path) -> None:
    two_risks(tmp_path)
    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        note = str(app.screen.query_one("#progress-note", Static).render())
    assert note == "25/28 includes 3 register questions, which the report's tally leaves out."
