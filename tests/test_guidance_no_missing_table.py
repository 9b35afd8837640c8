"""A framework's words quoted beside an answer in a report (a recommended range's note and
reasons, a question's text, an area's introduction) never point to a table the report does
not show: the Horsham review's "suggested in the table above" is said with the table's
optimum sizes, the seed's words otherwise kept."""

from __future__ import annotations

import re
from pathlib import Path

from bot.catalogue import Catalogue
from bot.report.make import ReportOptions, transcript_reports
from tests.conftest import ROOT

POINTING = re.compile(r"\b(?:table|chart|figure|diagram) (?:above|below)\b", re.I)
SIZES = "(Conference: unlimited unless there are venue and cost constraints; Board 12 - 15"


def test_no_framework_text_shown_in_a_report_points_to_a_table_not_shown() -> None:
    catalogue = Catalogue()
    for file in sorted((ROOT / "frameworks").glob("*.toml")):
        framework = catalogue.framework(str(file)).framework
        for area in framework.areas:
            shown = [area.intro]
            for question in area.questions:
                shown.append(question.text)
                if question.recommended is not None:
                    r = question.recommended
                    shown += [r.note, r.below, r.above]
            pointing = [text for text in shown if POINTING.search(text)]
            assert pointing == [], f"{file.name} {area.id}: {pointing}"


def test_the_structure_review_s_report_gives_the_table_s_sizes(tmp_path: Path) -> None:
    sample = ROOT / "transcripts/examples/horsham-governance-structure.toml"
    text = transcript_reports([sample], Catalogue(), ReportOptions()).made[0].text
    assert "table above" not in text
    assert text.count(f"suggested in the review's table of partnership bodies {SIZES}") == 3
