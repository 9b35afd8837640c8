"""A round's plan review answers ("Agreed action 1.3") in the report of one transcript:
the command line and the app compile them by one definition, as facts, with what was
said and noted at them quoted beside the answer, escaped as every respondent's words."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Question
from bot.report.data import assessment_data
from bot.report.make import ReportOptions, assess, transcript_reports
from bot.report.render import render_assessment
from bot.scoring import compile_transcript
from tests.scripted import answer_each, new_conversation
from tests.test_replay_review import ITEMS

SAID = "=SUM(1) <i>board</i> minutes of March 2010"
NOTE = "@chair <b>to confirm</b>"


def reviewed_talk(folder: Path, status: str = "2") -> conversation.Conversation:
    """A Hallmarks self-assessment asking about two agreed actions: each review answer
    with a comment and a note typed at it, every other statement Yes."""
    talk = new_conversation(Catalogue(), folder, "hallmarks", "hallmarks-self", "Ann Archer", ITEMS)
    talk.begin()

    def reply(question: Question) -> str:
        if not question.id.startswith("review_"):
            return "a county councillor" if question.kind == "text" else "y"
        talk.note(NOTE)
        return f"{status} - {SAID}"

    answer_each(talk, reply)
    return talk


def test_the_command_line_report_lists_review_answers_as_the_app_does(tmp_path: Path) -> None:
    talk = reviewed_talk(tmp_path)
    session = talk.session
    # The app's report screen compiles the conversation it has in hand.
    in_app = compile_transcript(
        talk.transcript, session.loaded.framework, talk.warnings, session.loaded
    )
    talk.close()
    from_file = assess(talk.path, Catalogue())
    app_data = assessment_data(in_app)
    file_data = assessment_data(from_file)
    for data in (app_data, file_data):
        leadership = data["areas"][0]
        review = leadership["questions"][0]
        assert review["number"] == "Agreed action 1.3"
        assert review["fact"] and review["answer"] == "In progress"
        assert review["value"] == "in_progress" and review["score"] is None
        assert review["words"] == [SAID] and review["notes"] == [NOTE]
    drop = ("updated", "warnings")
    assert {k: v for k, v in app_data.items() if k not in drop} == {
        k: v for k, v in file_data.items() if k not in drop
    }


def test_every_format_quotes_the_review_answer_with_its_comment_and_note(tmp_path: Path) -> None:
    talk = reviewed_talk(tmp_path)
    talk.close()
    made = {
        fmt: transcript_reports([talk.path], Catalogue(), ReportOptions(format=fmt)).made[0].text
        for fmt in ("md", "html", "csv", "json")
    }
    md = made["md"]
    assert "**Agreed action 1.3** Last year the partnership agreed" in md
    assert "*Fact (not scored):* In progress" in md
    assert '*Said:* "=SUM(1) \\<i>board\\</i> minutes of March 2010"' in md
    assert "*Note (not part of the answer):* @chair \\<b>to confirm\\</b>" in md
    page = made["html"]
    assert "Agreed action 2.1" in page and "<i>board</i>" not in page and "<b>to" not in page
    assert "Fact (not scored): In progress" in page
    assert html.escape(SAID, quote=False) in page and html.escape(NOTE, quote=False) in page
    rows = list(csv.reader(io.StringIO(made["csv"])))
    header = rows.index(["number", "fact", "area", "answer", "value", "said", "notes"])
    facts = {row[0]: row for row in rows[header + 1 :] if row}
    row = facts["Agreed action 1.3"]
    assert row[3:] == ["In progress", "in_progress", "'" + SAID, "'" + NOTE]
    assert "Agreed action 2.1" in facts
    data = json.loads(made["json"])
    numbers = [q["number"] for a in data["areas"] for q in a["questions"]]
    assert "Agreed action 1.3" in numbers and "Agreed action 2.1" in numbers


def test_review_answers_never_score_nor_suggest_an_action(tmp_path: Path) -> None:
    """Don't know about an agreed action is its status unknown: no area score, coverage
    or suggested action moves with it."""
    known = reviewed_talk(tmp_path / "a", status="1")
    known.close()
    unknown = reviewed_talk(tmp_path / "b", status="d")
    unknown.close()
    first, second = (assess(t.path, Catalogue()) for t in (known, unknown))
    assert [(a.score, a.coverage) for a in first.areas] == [
        (a.score, a.coverage) for a in second.areas
    ]
    triggers = [t for a in second.actions for t in a.triggers]
    assert not any("Agreed action" in t for t in triggers)
    assert [a.action.id for a in first.actions] == [a.action.id for a in second.actions]


def test_the_sample_round_reports_its_review_answers() -> None:
    """A transcript of the 2010 sample round, which asked about the 2009 plan."""
    from tests.conftest import ROOT

    path = ROOT / "transcripts" / "rounds" / "hertfordshire-2010" / "h01-ann-archer.toml"
    transcript = store.load(path).transcript
    assert transcript.review
    text = render_assessment(assess(path, Catalogue()), "md")
    assert text.count("** Last year the partnership agreed") == len(
        [t for t in transcript.turns if t.kind == "ask" and t.question.startswith("review_")]
    )


def test_each_review_comment_is_quoted_once(tmp_path: Path) -> None:
    """A review answer's comment is quoted beside its answer ("Said:"), not again in the
    area's Response, in the Markdown and the HTML alike."""
    from markupsafe import escape

    from tests.conftest import ROOT

    path = ROOT / "transcripts" / "rounds" / "hertfordshire-2010" / "h01-ann-archer.toml"
    data = json.loads(
        transcript_reports([path], Catalogue(), ReportOptions(format="json")).made[0].text
    )
    reviews = [q for a in data["areas"] for q in a["questions"] if q["number"].startswith("Agreed")]
    assert reviews and all(q["fact"] for q in reviews)
    said = {w for q in reviews for w in q["words"]}
    assert "a working group meets monthly" in said
    # Not quoted in the JSON's response either: it is beside the fact.
    responses = {e["question"] for a in data["areas"] for e in a["response"]}
    assert not any(r.startswith("Agreed") for r in responses)
    md = transcript_reports([path], Catalogue(), ReportOptions(format="md")).made[0].text
    page = transcript_reports([path], Catalogue(), ReportOptions(format="html")).made[0].text
    for q in reviews:
        # Two agreed actions may have been answered in the same words: once each.
        once = sum(1 for r in reviews if r["words"] == q["words"])
        quoted = " / ".join(f'"{w}"' for w in q["words"])
        assert md.count(quoted) == once, quoted
        assert md.count(f"**{q['number']}:**") == 0
        shown = " / ".join(f"&ldquo;{escape(w)}&rdquo;" for w in q["words"])
        assert page.count(shown) == once, shown
