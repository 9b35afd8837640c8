"""An aggregate's and a comparison's overall score keep the single report's minimum
coverage over all areas together: respondents whose own reports have too few answers for
an overall score never make one together, in any format, nor in the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape

from bot import cli
from bot.catalogue import Catalogue
from bot.model import Question
from bot.report.compare import comparison
from bot.tui.screens.compare import summary
from tests.scripted import answer_each, new_conversation

FRAMEWORK, DIALOGUE = "working-better-together", "working-better-together-self"
TOO_FEW = (
    "not enough answers for a score: 9% of the questions asked of all 3 respondents "
    "together got a scored answer; at least 50% are needed"
)


def few(question: Question) -> str:
    """The three statements of area 1 answered, Don't know to every other rating."""
    if question.id == "q1_1":
        return "4 - NI 1 2009"
    if question.id in ("q1_2", "q1_3"):
        return "3"
    if question.number == "3.5":
        return "n/a"
    return "words of my own" if question.kind == "text" else "d"


def every(question: Question) -> str:
    """Every statement answered."""
    if question.kind == "text":
        return "words of my own"
    return "3" if question.kind != "yesno" else "y"


def respondents(folder: Path, reply: object, count: int = 3) -> Path:
    """``count`` respondents (three by default) answering alike, in ``folder``."""
    catalogue = Catalogue()
    for name in ("Lu A", "Bo B", "Cy C")[:count]:
        talk = new_conversation(catalogue, folder, FRAMEWORK, DIALOGUE, name)
        talk.begin()
        answer_each(talk, reply)  # type: ignore[arg-type]
        talk.close()
    return folder


def report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What `partnership-bot report ARGS` prints."""
    cli.main(["report", *args])
    return capsys.readouterr().out


def test_an_aggregate_of_reports_with_too_few_answers_has_no_overall_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = respondents(tmp_path / "now", few)
    for path in sorted(now.glob("*.toml")):
        own = json.loads(report(capsys, "--format", "json", str(path)))["overall"]
        assert own["score"] is None and own["too_few_words"].startswith("not enough answers")
    data = json.loads(report(capsys, "--aggregate", "--format", "json", str(now)))
    overall = data["overall"]
    assert (overall["score"], overall["rag"], overall["stage"]) == (None, None, None)
    assert overall["enough"] is False and overall["coverage"] == 9.1
    assert overall["too_few_words"] == TOO_FEW and overall["basis_words"] == ""
    md = report(capsys, "--aggregate", str(now))
    assert f"**Overall:** {TOO_FEW}.\n" in md and "Green" not in md.split("| Area |")[0]
    html = report(capsys, "--aggregate", "--format", "html", str(now))
    assert f"<p><strong>Overall:</strong> {escape(TOO_FEW)}.</p>" in html
    # An area its own reports score is still shown, as in each single report.
    goals = next(a for a in data["areas"] if a["id"] == "goals")
    assert goals["score"] == 77.8


def test_a_comparison_has_no_overall_score_from_too_few_answers(tmp_path: Path) -> None:
    then = respondents(tmp_path / "then", every)
    now = respondents(tmp_path / "now", few)
    catalogue = Catalogue()
    data = comparison(then, now, catalogue, "json").data
    overall = data["overall"]
    assert overall["then"] is not None and overall["now"] is None
    assert overall["change"] is None and overall["compared"] is None
    reason = TOO_FEW.removeprefix("not enough answers for a score: ")
    words = f"{overall['then']:.1f} then; not enough answers for a score now ({reason}); "
    words += "so no change is shown"
    assert overall["words"] == words and overall["now_too_few"] == TOO_FEW
    assert f"**Overall score:** {words}.\n" in comparison(then, now, catalogue, "md").text
    assert f"{escape(words)}.</p>" in comparison(then, now, catalogue, "html").text
    # The app's comparison says it as the reports do.
    assert f"Overall score: {words}." in summary(data)


def test_an_anonymised_comparison_says_once_why_a_round_has_no_overall(tmp_path: Path) -> None:
    then = respondents(tmp_path / "then", every)
    now = respondents(tmp_path / "now", every, count=2)
    catalogue = Catalogue()
    data = comparison(then, now, catalogue, "json", anonymise=True).data
    overall = data["overall"]
    assert overall["now_hidden"] and overall["change"] is None
    words = (
        f"{overall['then']:.1f} then; not shown now (every area with answers rests on fewer "
        "than 3 respondents); so no change is shown"
    )
    assert overall["words"] == words
    md = comparison(then, now, catalogue, "md", anonymise=True).text
    line = next(x for x in md.splitlines() if x.startswith("**Overall score:**"))
    assert line == f"**Overall score:** {words}." and line.count("not shown") == 1
    html = comparison(then, now, catalogue, "html", anonymise=True).text
    assert f"<strong>Overall score:</strong> {escape(words)}.</p>" in html
    assert f"Overall score: {words}." in summary(data)
