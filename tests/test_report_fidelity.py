"""Reports say what the seeds say: their wording as written, their numbers and letters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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
    assert "*Because:* 3 (Board) 22" in text


def test_hertfordshire_and_horsham_numbers_are_in_the_question_lists(
    catalogue: Catalogue,
) -> None:
    text = render_assessment(sample(catalogue, "hertfordshire-interview"), "md")
    assert "- **T1** " in text and "- **S3** " in text


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
            if q["words"]
        ]
        assert area["response"] == expected
        pieces += sum(len(entry["words"]) > 1 for entry in expected)
    # A comment with a follow-up reply after it: two pieces, not one run-on string.
    assert pieces > 0
