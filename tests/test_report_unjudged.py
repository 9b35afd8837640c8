"""A report of a transcript answered (nearly) all "don't know" says plainly how many
statements could not be judged and why, and that no action could be suggested because too
few were answered, in every format and on the app's report screen, never a bare 0."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.widgets import DataTable, Static

from bot.catalogue import Catalogue
from bot.report.make import ReportOptions, assess, transcript_reports
from tests.hallmarks_round import hallmarks_transcript
from tests.tui_helpers import make_app

TOO_FEW_FOR_ACTIONS = "too few answers"
TOO_FEW_SHORT = "too few"
SAID = "64 of 65 statements asked could not be judged: 64 answered Don't know."
NO_ACTIONS = (
    "No action could be suggested: only 1 of the 65 statements was answered; at least 50% needed."
)


def dont_knows(folder: Path) -> Path:
    """A complete Hallmarks self-assessment: 1.1 Yes, every other question Don't know."""
    return hallmarks_transcript(Catalogue(), folder, "Dee Kay", {"h1_1": "y"}, rest="d")


def test_every_format_says_what_could_not_be_judged_and_why_no_action(tmp_path: Path) -> None:
    path = dont_knows(tmp_path)
    made = {
        fmt: transcript_reports([path], Catalogue(), ReportOptions(format=fmt)).made[0].text
        for fmt in ("md", "html", "csv", "json")
    }
    md = made["md"]
    # The sentence says it once, with no label saying it again before it.
    assert f"\n{SAID}\n" in md and "Could not be judged" not in md
    assert f"**Suggested actions:** {NO_ACTIONS}" in md
    rows = [line for line in md.splitlines() if line.startswith("| 1. ")]
    assert rows and rows[0].endswith(f"| {TOO_FEW_FOR_ACTIONS} |")
    assert "| 0 |" not in md
    assert "No action could be suggested in this area: only 1 of its 13 statements" in md
    page = made["html"]
    assert SAID.replace("'", "&#39;") in page and NO_ACTIONS in page
    assert f'<td class="num">{TOO_FEW_FOR_ACTIONS}</td>' in page
    rows = list(csv.reader(io.StringIO(made["csv"])))
    header = rows.index(["statements", "not_judged", "dont_know", "refused", "unanswered", "note"])
    assert rows[header + 1] == ["65", "64", "64", "0", "0", f"{SAID} {NO_ACTIONS}"]
    data = json.loads(made["json"])
    assert data["unjudged"] == {
        "statements": 65,
        "not_judged": 64,
        "dont_know": 64,
        "refused": 0,
        "unanswered": 0,
        "words": SAID,
    }
    assert data["actions_note"] == NO_ACTIONS and data["actions"] == []
    assert data["areas"][0]["actions_shown"] == TOO_FEW_FOR_ACTIONS


def test_a_report_judging_every_statement_says_nothing_more(tmp_path: Path) -> None:
    path = hallmarks_transcript(Catalogue(), tmp_path, "Al Yes", {}, rest="y")
    text = transcript_reports([path], Catalogue(), ReportOptions()).made[0].text
    assert "could not be judged" not in text and "No action could be suggested" not in text
    data = json.loads(transcript_reports([path], Catalogue(), ReportOptions("json")).made[0].text)
    assert data["unjudged"]["not_judged"] == 0 and data["actions_note"] == ""
    assert all(a["actions_shown"] == str(len(a["actions"])) for a in data["areas"])


def test_the_words_name_each_reason() -> None:
    from bot.scoring.results import Unjudged

    assert Unjudged(statements=10).words() == ""
    assert Unjudged(10, dont_know=2, refused=1, unanswered=3).words() == (
        "6 of 10 statements asked could not be judged: 2 answered Don't know, 1 refused "
        "and 3 got no answer."
    )


def test_the_answers_counted_are_those_of_the_final_path(tmp_path: Path) -> None:
    """A Don't know changed to Yes is judged: the latest answer counts."""
    from bot import conversation
    from bot.model import Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        Catalogue(), "hallmarks", "hallmarks-self", Respondent(name="Bo"), tmp_path, clock=Clock()
    )
    talk.begin()
    talk.answer("d")
    talk.skip()  # the follow-up to Don't know
    talk.back()
    talk.back()
    assert talk.answer("y").accepted
    talk.close()
    judged = assess(talk.path, Catalogue()).unjudged
    assert judged.dont_know == 0


async def test_the_app_report_screen_says_it_too(tmp_path: Path) -> None:
    path = dont_knows(tmp_path)
    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_report(path)
        await pilot.pause()
        table = app.screen.query_one("#areas", DataTable)
        cells = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert cells == [TOO_FEW_SHORT] * 6
        shown = str(app.screen.query_one("#actions", Static).render())
    assert SAID in shown and "Could not be judged" not in shown
    assert NO_ACTIONS in shown


def test_an_area_the_dialogue_does_not_ask_is_not_asked_not_too_few() -> None:
    from bot.catalogue import Catalogue
    from bot.report.data import assessment_data
    from bot.report.make import assess
    from bot.report.render import render_assessment
    from tests.conftest import ROOT

    # The Hertfordshire survey asks none of Engagement's statements (the interview does).
    path = ROOT / "transcripts/examples/hertfordshire-survey/hertfordshire-survey-01.toml"
    assessment = assess(path, Catalogue())
    data = assessment_data(assessment)
    engagement = next(a for a in data["areas"] if a["id"] == "engagement")
    assert engagement["not_asked"] and not engagement["questions"]
    assert engagement["actions_note"] == ""
    assert engagement["actions_shown"] == "not asked"
    for fmt in ("md", "html"):
        text = render_assessment(assessment, fmt)
        assert "0 of the 0" not in text
        assert "None of this area's statements was asked in this assessment" in text
    # One statement asked and not answered is too few, said in the singular.
    membership = next(a for a in data["areas"] if a["id"] == "membership")
    assert membership["actions_note"] == (
        "No action could be suggested in this area: only 0 of its 1 statement were answered; "
        "at least 50% needed."
    )


def test_an_area_not_reached_yet_is_not_reached_not_not_asked(tmp_path: Path) -> None:
    from bot.report.data import assessment_data
    from bot.report.make import assess
    from tests.scripted import make

    # Two answers of Working better together, then left: areas 2-7 are not reached.
    path, _ = make(Catalogue(), tmp_path, "working-better-together", None, ["3", "1"], finish=False)
    data = assessment_data(assess(path, Catalogue()))
    later = data["areas"][-1]
    # The summary table and the area's own section say it alike.
    assert not later["not_asked"] and later["actions_shown"] == "not reached"
    assert later["actions_note"] == (
        "No action could be suggested in this area: none of its statements was reached yet."
    )
