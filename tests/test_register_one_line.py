"""A register entry pasted on two lines is shown on one in every report format and on the
app's report screen (a line break as " / ", the Markdown report's rule), never a row broken
nor a raw line break in a CSV cell; the transcript keeps the words as given."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.widgets import Static

from bot import store
from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.text import lines_shown_on_one
from bot.tui.screens.report import ReportScreen
from tests.tui_helpers import begun, running

PASTED = "Reduce anti-social behaviour in Horsham town centre\n(NI 17, perceptions of ASB)"
SHOWN = "Reduce anti-social behaviour in Horsham town centre / (NI 17, perceptions of ASB)"
OWNER = "Community Safety\nPartnership"


def with_register(folder: Path):  # type: ignore[no-untyped-def]
    """A structure review with one top risk, its objective and owner pasted on two lines."""
    talk = begun(Catalogue(), folder, "governance-structure", "governance-structure-review")
    given = {"risk_objective": PASTED, "risk_rag": "r", "risk_owner": OWNER, "top_risks": "n"}
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        question = prompt.question
        text = given.get(question.id) or ("10" if question.kind == "number" else "y")
        assert talk.answer(text).accepted or talk.answer("4").accepted
    talk.close()
    return talk


def test_words_of_several_lines_are_shown_on_one() -> None:
    assert lines_shown_on_one(PASTED) == SHOWN
    assert lines_shown_on_one("a  \n\n  b\tc") == "a / b\tc"
    assert lines_shown_on_one("one line") == "one line"


def test_every_report_format_shows_the_entry_on_one_line(tmp_path: Path) -> None:
    talk = with_register(tmp_path)
    # Nothing is taken from what was said: the transcript keeps both lines.
    saved = store.load(talk.path).transcript
    assert any(turn.value == PASTED for turn in saved.turns)
    assessment = talk.assessment()
    rows = list(csv.reader(io.StringIO(render_assessment(assessment, "csv"))))
    (row,) = [r for r in rows if r and r[0] == "Top risks (risk register)"]
    assert row[1:] == ["1", SHOWN, "Red", "Community Safety / Partnership"]
    assert not any("\n" in cell for r in rows if r and r[0].startswith("Top") for cell in r)
    assert f"| 1 | {SHOWN} | Red | Community Safety / Partnership |" in render_assessment(
        assessment, "md"
    )
    page = render_assessment(assessment, "html")
    assert f"<td>{SHOWN}</td>" in page and "<td>Community Safety / Partnership</td>" in page
    # The data keeps the words as given.
    data = json.loads(render_assessment(assessment, "json"))
    (register,) = [r for a in data["areas"] for r in a["registers"]]
    assert register["items"][0]["answers"][0]["answer"] == PASTED


async def test_the_report_screen_shows_the_entry_on_one_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = with_register(tmp_path)
    async with running(catalogue, tmp_path, talk, size=(200, 50)) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        shown = str(app.screen.query_one("#actions", Static).render())
    assert f"   1. {SHOWN}  ·  Red  ·  Community Safety / Partnership" in shown.split("\n")
