"""Anonymising takes names out of people's own words only: the answer chosen (an option's
label and value, "Red", "Yes") is never changed, whatever an organisation is called
("Red Kite Housing Association", "Yes Homes"), in a single report and an aggregate."""

from __future__ import annotations

import json
from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.report.make import ReportOptions, aggregate_report, transcript_reports
from bot.report.redact import redacted, redactor
from bot.scoring.aggregate import Filters
from tests.conftest import Clock
from tests.test_anonymised_names import cat, interview

__all__ = ["cat"]

ORGANISATIONS = ("Red Kite Housing Association", "Yes Homes")


def answers_of(data: dict) -> dict[str, tuple[str, object]]:
    """Each coded question's and register answer's (answer, value), by question id (free
    text answers left out: they are people's words)."""
    found: dict[str, tuple[str, object]] = {}
    for area in data["areas"]:
        for question in area["questions"]:
            if question["kind"] != "text":
                found[question["id"]] = (question["answer"], question["value"])
        for register in area["registers"]:
            for item in register["items"]:
                for answer in item["answers"]:
                    if answer["kind"] != "text":
                        found[f"{answer['question']}/{item['item']}"] = (
                            answer["answer"],
                            answer["value"],
                        )
    return found


def test_a_single_report_keeps_the_answer_chosen(cat: Catalogue, tmp_path: Path) -> None:
    for organisation in ORGANISATIONS:
        folder = tmp_path / organisation.split()[0]
        who = Respondent(name="Ann Archer", organisation=organisation)
        path = interview(cat, folder, who, ("Li Ng", "Bo Ek"))
        named = json.loads(
            transcript_reports([path], cat, ReportOptions(format="json")).made[0].text
        )
        options = ReportOptions(format="json", anonymise=True)
        shown = json.loads(transcript_reports([path], cat, options).made[0].text)
        before, after = answers_of(named), answers_of(shown)
        assert before["a2"][0] == "Yes" and before["risk_rag/1"][0] == "Red"
        assert after == before, organisation
        # The respondent's own words still lose the organisation.
        assert "Kite" not in json.dumps(shown) and "Homes" not in json.dumps(shown)


def plain_interview(cat: Catalogue, folder: Path, who: Respondent) -> None:
    """A whole conversation answering Red at the register's rating, its comment and free
    text naming the organisation."""
    talk = conversation.start(cat, "mini", "mini-chat", who, folder, clock=Clock())
    talk.begin()
    answers = {"a1": "1", "a2": "y", "b1": "13", "b2": "1", "risk_rag": "r - Red Kite said so"}
    answers |= {"risks": "n", "risk_name": "Red Kite Housing Association homes"}
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            assert talk.skip().accepted
            continue
        assert talk.answer(answers.get(prompt.question.id, "Red Kite")).accepted
    talk.close()


def test_an_aggregates_register_keeps_the_answer_chosen(cat: Catalogue, tmp_path: Path) -> None:
    for name in ("Ann Archer", "Li Ng", "Bo Ek"):
        who = Respondent(name=name, organisation=ORGANISATIONS[0])
        plain_interview(cat, tmp_path / name.split()[0], who)
    paths = list(store.iter_transcript_files([tmp_path]))
    options = ReportOptions(format="json", anonymise=True)
    data = json.loads(aggregate_report(paths, cat, options, Filters()).text)
    (item,) = [i for a in data["areas"] for r in a["registers"] for i in r["items"]]
    assert item["respondents"] == 3
    name, rag, owner = item["answers"]
    assert (rag["answer"], rag["value"]) == ("Red", "red")
    assert "Kite" not in rag["comment"] and "Red" not in rag["comment"]
    for typed in (name, owner):
        assert "Kite" not in typed["answer"] and "Red" not in typed["answer"]


def test_the_walk_leaves_option_labels_and_values() -> None:
    redact = redactor(["Ann Archer"], ORGANISATIONS)
    coded = {"kind": "rating", "answer": "Red", "value": "red", "comment": "Ann Archer agreed"}
    assert redacted(coded, redact) == coded | {"comment": "[name] agreed"}
    typed = {"kind": "text", "answer": "Red Kite Housing Association leads", "value": "x"}
    assert redacted(typed, redact)["answer"] == "[organisation] leads"
