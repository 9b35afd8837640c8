"""Reports say what the seeds say: their wording as written, their numbers and letters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.scoring import compile_transcript
from bot.scoring.results import Assessment
from bot.scoring.source import framework_for
from tests.scripted import make


def assess(
    catalogue: Catalogue, folder: Path, framework: str, dialogue: str, answers: list[str]
) -> Assessment:
    """Run the real engine with these answers (follow-ups skipped) and compile the result."""
    path, transcript = make(catalogue, folder, framework, dialogue, answers, finish=False)
    loaded, warnings = framework_for(transcript, path, catalogue)
    return compile_transcript(transcript, loaded, warnings)


def test_markdown_prints_ampersands_as_written(catalogue: Catalogue, tmp_path: Path) -> None:
    assessment = assess(
        catalogue, tmp_path, "governance-structure", "governance-structure-review", ["20"]
    )
    text = render_assessment(assessment, "md")
    assert "&amp;" not in text
    assert "Police and Fire & Rescue Authorities" in text


ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "transcripts" / "examples"


def sample(catalogue: Catalogue, name: str) -> Assessment:
    """A shipped sample transcript, compiled."""
    from bot import store

    path = EXAMPLES / f"{name}.toml"
    transcript = store.load(path).transcript
    loaded, warnings = framework_for(transcript, path, catalogue)
    return compile_transcript(transcript, loaded, warnings)


def test_questions_show_their_own_numbers_not_positions(catalogue: Catalogue) -> None:
    text = render_assessment(sample(catalogue, "rochford-hallmarks"), "md")
    # 1.5 is asked in two parts; 1.6 stays 1.6 (by position it would be 7).
    assert "- **1.5** Do you need a locally elected member" in text
    assert "- **1.5 (part 2)** If so, who is best placed" in text
    assert "- **1.6** Do you have a clear meeting structure?" in text
    assert "\n7. " not in text
    html = render_assessment(sample(catalogue, "rochford-hallmarks"), "html")
    assert '<strong class="number">1.6</strong> Do you have a clear meeting structure?' in html


def test_governance_numbers_name_the_source_and_are_unique(catalogue: Catalogue) -> None:
    framework = catalogue.framework("governance-structure").framework
    numbers = [q.number for q in framework.questions()]
    assert len(numbers) == len(set(numbers))
    assert {"3 (Board)", "3 (Executive)", "3 (Thematic Groups)", "N1", "SE6", "WS4"} <= set(numbers)
    text = render_assessment(sample(catalogue, "horsham-governance-structure"), "md")
    # A number answer says what it counts, apart from the question's number ("3 (Board) 22"
    # read as one figure).
    assert "*Because:* 3 (Board) answered 22 members" in text


def test_hertfordshire_and_horsham_numbers_are_in_the_question_lists(
    catalogue: Catalogue,
) -> None:
    text = render_assessment(sample(catalogue, "hertfordshire-interview"), "md")
    # S3 is a survey statement: off a telephone interview's path, so counted, not listed.
    assert "- **T1** " in text and "- **S3** " not in text


def test_fareham_keeps_appendix_a_letters_in_every_format(catalogue: Catalogue) -> None:
    assessment = sample(catalogue, "fareham-working-better-together")
    markdown = render_assessment(assessment, "md")
    leadership = markdown.split("## 2. ", 1)[1].split("## 3. ", 1)[0]
    lettered = [
        line[2:4] for line in leadership.splitlines() if line[:5] in {f"- {c}) " for c in "abcdef"}
    ]
    assert lettered == ["a)", "b)", "c)", "d)", "e)"]
    assert "f) " not in leadership
    assert "*Source:* Appendix B, Links with the thematic partnerships" in leadership
    html = render_assessment(assessment, "html")
    assert "<strong>b) To develop and implement a performance management framework." in html
    assert 'type="a"' not in html
    data = json.loads(render_assessment(assessment, "json"))
    two = [a for a in data["actions"] if a["area"] == "leadership"]
    assert [a["letter"] for a in two] == ["a", "b", "c", "d", "e", ""]
    assert two[-1]["source"].startswith("Appendix B")
    rows = list(csv.DictReader(io.StringIO(render_assessment(assessment, "csv"))))
    leading = [r for r in rows if r["area"].startswith("Leading")]
    assert [r["letter"] for r in leading] == ["a", "b", "c", "d", "e", ""]
    assert all(r["need"] for r in leading) and leading[-1]["source"].startswith("Appendix B")


def test_duplicate_numbers_and_letters_are_load_errors(tmp_path: Path) -> None:
    from bot.loading import load_framework
    from bot.problems import LoadError
    from tests.conftest import DATA

    text = (DATA / "mini.toml").read_text()
    text = text.replace('id = "a2"', 'id = "a2"\nnumber = "1"').replace(
        'id = "a1"', 'id = "a1"\nnumber = "1"'
    )
    text = text.replace(
        '[[areas.actions]]\nid = "fix-one"',
        '[[areas.actions]]\nid = "fix-zero"\nletter = "a"\ntext = "x"\nwhen = "a1 == \\"agree\\""\n\n'
        '[[areas.actions]]\nid = "fix-one"\nletter = "a"',
    )
    path = tmp_path / "mini.toml"
    path.write_text(text)
    try:
        load_framework(path)
    except LoadError as error:
        messages = [str(p) for p in error.problems]
    else:
        raise AssertionError("loaded")
    assert any(
        m.startswith("mini.toml:") and 'number "1" is already a1\'s' in m and ".number" in m
        for m in messages
    ), messages
    assert any('letter "a" is already fix-zero' in m for m in messages), messages


def test_recommended_range_reads_as_a_sentence(catalogue: Catalogue, tmp_path: Path) -> None:
    assessment = assess(
        catalogue, tmp_path, "governance-structure", "governance-structure-review", ["20"]
    )
    text = render_assessment(assessment, "md")
    assert "*Recommended:* 12-15 (this answer is above it). The optimum size, suggested" in text
    assert "\\." not in text
    html = render_assessment(assessment, "html")
    assert "Recommended: 12-15 (this answer is above it). The optimum size, suggested" in html


def test_json_response_keeps_comments_and_replies_apart(catalogue: Catalogue) -> None:
    data = json.loads(
        render_assessment(sample(catalogue, "fareham-working-better-together"), "json")
    )
    assert data["report_schema"] == 2
    pieces = 0
    for area in data["areas"]:
        expected = [
            {"question": q["number"] or q["id"], "words": q["words"]}
            for q in area["questions"]
            if q["words"] and not q["fact"]
        ]
        assert area["response"] == expected
        pieces += sum(len(entry["words"]) > 1 for entry in expected)
    # A comment with a follow-up reply after it: two pieces, not one run-on string.
    assert pieces > 0


def test_hertfordshire_recommendations_keep_their_labels_everywhere(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # The seed labels its recommendations R1-R4: reports show the label before the words,
    # as the seed does, the CSV and JSON keep it, and the plan's Ref is the label itself.
    from bot.rounds.plan import read_plan

    framework = catalogue.framework("hertfordshire-review").framework
    labelled = {a.id: a.letter for area in framework.areas for a in area.actions if a.letter}
    assert labelled == {
        "r1-working-together": "R1",
        "r2-accountability": "R2",
        "r3-engagement": "R3",
        "r4-performance": "R4",
    }
    assessment = sample(catalogue, "hertfordshire-interview")
    markdown = render_assessment(assessment, "md")
    assert "- R4 Enhance performance management arrangements by:" in markdown
    assert "R4) " not in markdown and "R4 R4" not in markdown
    html = render_assessment(assessment, "html")
    assert "<strong>R4 Enhance performance management arrangements by:" in html
    rows = list(csv.DictReader(io.StringIO(render_assessment(assessment, "csv"))))
    assert "R4" in {r["letter"] for r in rows}
    plan = read_plan(ROOT / "transcripts" / "rounds" / "hertfordshire-2009")
    assert plan is not None
    refs = {a.id: a.ref for a in plan.actions}
    assert {refs[i] for i in labelled if i in refs} == {"R1", "R2", "R3", "R4"}


def test_a_bad_letter_or_a_label_used_twice_is_a_clear_error(tmp_path: Path) -> None:
    from bot.loading import load_framework
    from bot.problems import LoadError
    from tests.conftest import DATA

    text = (DATA / "mini.toml").read_text()
    text = text.replace(
        '[[areas.actions]]\nid = "fix-one"',
        '[[areas.actions]]\nid = "fix-zero"\nletter = "R1"\ntext = "x"\nwhen = "a1 == \\"agree\\""\n\n'
        '[[areas.actions]]\nid = "fix-one"\nletter = "R1"',
    )
    path = tmp_path / "mini.toml"
    path.write_text(text)
    with pytest.raises(LoadError) as raised:
        load_framework(path)
    messages = [str(p) for p in raised.value.problems]
    assert any('label "R1" is already fix-zero\'s' in m for m in messages), messages
    path.write_text(text.replace('letter = "R1"', 'letter = "r-1"', 1))
    with pytest.raises(LoadError) as raised:
        load_framework(path)
    message = str(raised.value)
    assert "mini.toml" in message and "letter" in message
    assert '"r-1" is not an action letter or label' in message and '("R2")' in message


def test_the_json_schema_documents_an_actions_letter_or_label() -> None:
    from bot.model import Action

    letter = Action.model_json_schema()["properties"]["letter"]
    assert '"R2"' in letter["description"] and '"a"' in letter["description"]
    assert letter["pattern"] == "^([a-z]{1,2}|[A-Z]{1,3}[0-9]{1,3})?$"
