"""Ctrl+R in the interview reaches a repeated group's answers as well as the areas',
each named by its item, and an amended item's answer is the one the report shows."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from bot import store
from bot.catalogue import Catalogue
from bot.scoring import compile_transcript
from bot.tui.screens.dialogs import PickScreen, TextPromptScreen
from bot.tui.screens.interview import InterviewScreen
from tests.test_group_app import BEFORE_RISK
from tests.tui_helpers import log_text, make_app, region_lines, start_call, type_text

SIZE = (80, 24)


def two_risks(catalogue: Catalogue, folder: Path):  # type: ignore[no-untyped-def]
    """A governance call answered up to a risk register of two risks."""
    talk = start_call(catalogue, folder, "governance-structure", "governance-structure-review")
    talk.begin()
    while (prompt := talk.current()).item is None:
        assert prompt.question is not None
        if prompt.kind == "probe":
            talk.skip()
            continue
        talk.answer(BEFORE_RISK[prompt.question.id])
    for text in ("Affordable housing", "r", "Housing group", "y", "Town centre", "a", "Chamber"):
        talk.answer(text)
        while talk.current().kind == "probe":
            talk.skip()
    return talk


async def test_amend_reaches_a_risk_by_its_item(tmp_path: Path, catalogue: Catalogue) -> None:
    talk = two_risks(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        shown = [text for _, text in app.screen.items]
        assert shown[0].startswith("3 (Board)  Board (Strategy)")  # the areas' questions
        risks = [text for text in shown if text.startswith("Risk")]
        assert [text.split("  ")[0] for text in risks] == [
            'Risk 1: "Affordable housing". WS4 (risk)',
            'Risk 1: "Affordable housing". WS4 (risk RAG)',
            'Risk 1: "Affordable housing". WS4 (risk owner)',
            'Risk 2: "Town centre". WS4 (risk)',
            'Risk 2: "Town centre". WS4 (risk RAG)',
            'Risk 2: "Town centre". WS4 (risk owner)',
        ]
        assert risks[4].endswith("\n    Answer: Amber")
        options = app.screen.query_one(OptionList)
        options.highlighted = shown.index(risks[4])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        assert app.screen.title_text == 'Amend Risk 2: "Town centre". WS4 (risk RAG)'
        await type_text(pilot, "g")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "Respondent: amended answer to Risk 2, WS4 (risk RAG)" in log_text(app)
    transcript = store.load(talk.path).transcript
    result = compile_transcript(transcript, talk.session.loaded.framework)
    (register,) = result.areas[-1].registers
    assert [[a.shown_answer for a in row.answers] for row in register.items] == [
        ["Affordable housing", "Red", "Housing group"],
        ["Town centre", "Green", "Chamber"],
    ]
    # Nothing deleted: the first version stays, the amendment points at it.
    rags = [t for t in transcript.turns if t.kind == "answer" and t.question == "risk_rag"]
    assert [(t.item, t.value) for t in rags] == [(1, "red"), (2, "amber"), (2, "green")]
    assert rags[2].amends == rags[1].seq


async def test_a_refused_amendment_keeps_what_was_typed(tmp_path: Path) -> None:
    """An amendment the question refuses stays in the box, marked, with why; corrected,
    it is taken."""
    from textual.widgets import Input, Static

    from tests.test_interview_codes import answers, many

    catalogue = many(tmp_path)
    talk = start_call(catalogue, tmp_path, "many", "many-chat")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        await type_text(pilot, "zz")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        box = app.screen.query_one(Input)
        assert box.value == "zz" and box.has_class("-invalid")
        hint = str(app.screen.query_one("#text-hint", Static).render())
        assert "zz" in hint and hint.endswith("Enter saves. Esc cancels.")
        assert answers(talk.path) == ["s11"]
        box.value = ""
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert answers(talk.path) == ["s11", "s3"]


async def test_the_amend_list_fits_80_by_24_entry_by_entry(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """At 80x24 each answer on the amend list is its own entry (the question's number and
    wording on one line, cut short, its answer on the next, a rule between entries), a
    respondent's words in brackets are shown as typed, and the key hint is whole."""
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    talk.begin()
    words = ["2 - we meet [bold red]monthly[/] and [link=x]so on[/link]", "3", "4"]
    answered = 0
    while answered < 9:
        if talk.current().kind == "probe":
            talk.skip()
            continue
        talk.answer(words[answered % 3])
        answered += 1
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        rows = [row.strip(" ▊▎▂▄▆") for row in region_lines(app, ".dialog")]
        assert "Enter chooses. Esc cancels." in rows
        first = next(i for i, row in enumerate(rows) if row.startswith("T1  "))
        assert rows[first].startswith("T1  The right partners are represented")
        assert rows[first].endswith("…")  # cut short, not run on into the next line
        assert rows[first + 1].startswith("Answer: Agree - we meet [bold red]monthly[/]")
        assert set(rows[first + 2]) == {"─"}
        assert rows[first + 3] == "T2  Understanding the Duty to Co-operate and Involve"
        assert rows[first + 4] == "Answer: Don't know"


def two_answered(catalogue: Catalogue, folder: Path):  # type: ignore[no-untyped-def]
    """A Hertfordshire call with its first two statements coded (follow-ups skipped)."""
    talk = start_call(catalogue, folder, "hertfordshire-review", "hertfordshire-interview")
    talk.begin()
    for code in ("2", "2"):
        talk.answer(code)
        while talk.current().kind == "probe":
            talk.skip()
    return talk


async def test_amend_offers_only_what_can_be_amended(tmp_path: Path, catalogue: Catalogue) -> None:
    """Back at a statement, its answer is kept or replaced in place: the amend list does
    not offer it (to refuse it once chosen), only the answers before it."""
    talk = two_answered(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        now = talk.current()
        assert now.previous is not None  # back at an answered statement
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        offered = [key for key, _ in app.screen.items]
        assert now.question.id not in offered
        assert offered  # the statement before it is still offered
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)  # chosen, and taken
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "amended answer" in log_text(app)


async def test_amend_with_only_the_statement_asked_now_says_so(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """Back at the first statement, nothing earlier can be amended: no list, a word why."""
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    talk.begin()
    talk.answer("2")
    while talk.current().kind == "probe":
        talk.skip()
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "Nothing earlier to amend" in " ".join(region_lines(app, "#hint"))
