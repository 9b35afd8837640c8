"""A plan owner the board typed is the board's words: where it names a person (a
respondent, an interviewer, an invitee), an anonymised report takes the name out, by the
same rule, in a plan review question's wording and an agreed action's owner; the bodies
a board names as owners, and a framework's suggested owner, stay as they are."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from bot.catalogue import Catalogue
from bot.report.make import ReportOptions, transcript_reports
from bot.report.redact import redacted, redactor
from bot.rounds.report import round_report
from bot.rounds.work import snapshot
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


def test_the_walk_takes_names_out_of_the_boards_words_only() -> None:
    redact = redactor(["Ann Archer"], ["Dacorum Borough Council"])
    board = redactor(["Ann Archer"], [])
    question = {"id": "review_x", "text": "agreed: X (owner: Ann Archer, Dacorum lead)."}
    assert redacted(question, redact, board=board)["text"] == (
        "agreed: X (owner: [name], Dacorum lead)."
    )
    agreed = {"id": "a", "owner": "Ann Archer", "owner_from": "agreed plan"}
    suggested = {"id": "b", "owner": "Ann Archer", "owner_from": "framework suggestion"}
    assert redacted(agreed, redact, board=board)["owner"] == "[name]"
    assert redacted(suggested, redact, board=board)["owner"] == "Ann Archer"


def test_a_single_report_takes_a_person_out_of_a_review_questions_owner(
    tmp_path: Path,
) -> None:
    source = (ROUNDS / "hertfordshire-2010" / "h01-ann-archer.toml").read_text(encoding="utf-8")
    assert 'owner = "Partnership chair"' in source
    path = tmp_path / "h01-ann-archer.toml"
    path.write_text(
        source.replace('owner = "Partnership chair"', 'owner = "Ann Archer (chair)"', 1),
        encoding="utf-8",
    )
    options = ReportOptions(format="json", anonymise=True)
    data = json.loads(transcript_reports([path], Catalogue(), options).made[0].text)
    texts = [
        q["text"] for a in data["areas"] for q in a["questions"] if q["id"].startswith("review_")
    ]
    assert any("(owner: [name] (chair)" in t for t in texts), texts
    assert any("owner: Hertfordshire Forward communications group" in t for t in texts)
    assert "Archer" not in json.dumps(data)


def test_an_anonymised_round_report_takes_a_person_out_of_an_agreed_owner(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "hertfordshire-2009"
    shutil.copytree(ROUNDS / "hertfordshire-2009", folder)
    plan = folder / "plan.toml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace('owner = "Partnership chair"', 'owner = "Bob Hughes, chair"', 1),
        encoding="utf-8",
    )
    shot = snapshot(folder, datetime(2010, 3, 1, tzinfo=UTC))
    data, _, _ = round_report(shot, Catalogue(), anonymise=True, cache_folder=tmp_path / "c")
    assert data is not None
    owners = {a["id"]: a["owner"] for a in data["actions"] if a["owner_from"] == "agreed plan"}
    assert owners["right-partners"] == "[name], chair"
    assert "Hertfordshire Forward communications group" in owners.values()
    named, _, _ = round_report(shot, Catalogue(), anonymise=False, cache_folder=tmp_path / "c")
    assert named is not None
    assert {a["id"]: a["owner"] for a in named["actions"]}["right-partners"] == "Bob Hughes, chair"
