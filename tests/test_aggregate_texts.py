"""An aggregate quotes the answers to free-text questions, per question: only each
respondent's answer on their final path, in its latest version, escaped for the format
(a CSV cell never starting a formula), with names taken out when anonymised."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.report.make import ReportOptions, aggregate_report
from bot.scoring.aggregate import Filters, Totals
from bot.scoring.summary import Summary
from tests.conftest import Clock
from tests.hallmarks_round import START

FIRST = "=SUM(1) Ann Archer, the <b>leader</b>"
LATEST = "Latest words: the portfolio holder"
SUPERSEDED = "Superseded words"
DROPPED = "Dropped words"


def _talk(catalogue: Catalogue, folder: Path, name: str, steps: Sequence[str]) -> Path:
    """A Hallmarks self-assessment: at 1.5 and 1.5 (part 2) the ``steps`` in order ("<" is
    going back), every other statement Yes."""
    clock = Clock(START, timedelta(seconds=5))
    who = Respondent(name=name, organisation=f"{name} Trust", role="Officer", sector="public")
    talk = conversation.start(catalogue, "hallmarks", "hallmarks-self", who, folder, clock=clock)
    talk.begin()
    todo = list(steps)
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        question = prompt.question.id
        if question in ("h1_5", "h1_5b", "h1_6") and todo:
            step = todo.pop(0)
            outcome = talk.back() if step == "<" else talk.answer(step)
        else:
            outcome = talk.answer("Words of my own" if prompt.question.kind == "text" else "y")
        assert outcome.accepted, (question, outcome.error)
    talk.close()
    return talk.path


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four respondents: one answered 1.5 (part 2) once; one answered it again; one went
    back and answered No to 1.5, so that it was off their final path; one left it alone."""
    catalogue = Catalogue()
    where = tmp_path_factory.mktemp("texts")
    _talk(catalogue, where, "Ann Archer", ["y", FIRST])
    _talk(catalogue, where, "Bob Doyle", ["y", SUPERSEDED, "<", LATEST])
    _talk(catalogue, where, "Carol Gill", ["y", DROPPED, "<", "<", "n"])
    _talk(catalogue, where, "Dan Evans", ["n"])
    return where


def _report(folder: Path, fmt: str, anonymise: bool = False) -> str:
    options = ReportOptions(format=fmt, anonymise=anonymise)
    return aggregate_report(sorted(folder.glob("*.toml")), Catalogue(), options, Filters()).text


def test_only_the_latest_answer_on_each_final_path_is_quoted(folder: Path) -> None:
    data = json.loads(_report(folder, "json"))
    (text,) = [t for t in data["texts"] if t["id"] == "h1_5b"]
    assert text["number"] == "1.5 (part 2)" and text["n"] == 2 and text["more"] == 0
    assert sorted(text["quotes"]) == sorted([FIRST, LATEST])
    for fmt in ("md", "html", "csv", "json"):
        made = _report(folder, fmt)
        assert SUPERSEDED not in made and DROPPED not in made, fmt
    md = _report(folder, "md")
    section = md.split("## What respondents wrote")[1].split("## Suggested actions")[0]
    assert "If so, who is best placed to fulfil this role?" in section
    assert "(Empowered & Effective Leadership; 2 answered)" in section or "2 answered" in section
    assert f'- "{LATEST}"' in section
    assert "\\<b>leader\\</b>" in section  # Markdown's own escape: the text stays text


def test_quotes_stay_text_in_html_and_csv(folder: Path) -> None:
    page = _report(folder, "html")
    assert '<h2 id="texts">What respondents wrote</h2>' in page
    assert "<b>leader</b>" not in page and "&lt;b&gt;leader&lt;/b&gt;" in page
    rows = list(csv.reader(io.StringIO(_report(folder, "csv"))))
    header = rows.index(["number", "question", "area", "answer"])
    answers = {row[3] for row in rows[header + 1 :] if len(row) == 4}
    assert "'" + FIRST in answers and FIRST not in answers and LATEST in answers


def test_an_anonymised_aggregate_takes_names_out_of_them(folder: Path) -> None:
    data = json.loads(_report(folder, "json", anonymise=True))
    (text,) = [t for t in data["texts"] if t["id"] == "h1_5b"]
    assert any(q.startswith("=SUM(1) [name], the <b>leader</b>") for q in text["quotes"])
    for fmt in ("md", "html", "csv", "json"):
        assert "Ann Archer" not in _report(folder, fmt, anonymise=True)


def _summary(words: str) -> Summary:
    return Summary(
        "hallmarks",
        "Hallmarks",
        "1",
        "complete",
        "2009-11-02",
        "",
        "",
        "",
        "",
        "",
        texts={"h1_5b": words},
    )


def test_a_few_answers_are_quoted_and_the_rest_counted() -> None:
    from bot.report.aggregate import _texts
    from bot.scoring.summary import TEXTS_PER_QUESTION

    totals = Totals()
    for n in range(TEXTS_PER_QUESTION + 2):
        totals.add(_summary(f"answer {n}"))
    (text,) = _texts(Catalogue().framework("hallmarks").framework, totals)
    assert text["n"] == TEXTS_PER_QUESTION + 2 and text["more"] == 2
    assert text["quotes"] == [f"answer {n}" for n in range(TEXTS_PER_QUESTION)]
