"""Where no action could be suggested as too few statements were answered, the note gives
the counts the minimum coverage is judged by (those not reached yet counting), so it never
states a share that contradicts the rule, in any format."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.report.data import assessment_data
from bot.report.make import ReportOptions, transcript_reports
from bot.report.render import render_assessment
from tests.scripted import make
from tests.test_overall_basis import SAMPLES, left_after

COUNTS = re.compile(r"only (\d+) of (?:its|the) (\d+) statements? (?:was|were) answered")


def test_an_unfinished_transcript_says_the_counts_coverage_uses(tmp_path: Path) -> None:
    # Five ratings answered, then left at 2.3 (asked, no answer): area 2 has 2 of its 6
    # answered, 3 not reached yet.
    answers = ["3 - SCS 2008", "3 - LAA 2008", "3 - data 2009", "3", "3"]
    path, _ = make(Catalogue(), tmp_path, "working-better-together", None, answers, finish=False)
    made = {
        fmt: transcript_reports([path], Catalogue(), ReportOptions(format=fmt)).made[0].text
        for fmt in ("md", "html", "csv", "json")
    }
    data = json.loads(made["json"])
    whole = (
        "No action could be suggested: only 5 of the 33 statements were answered (27 not "
        "reached yet); at least 50% needed."
    )
    area = (
        "No action could be suggested in this area: only 2 of its 6 statements were answered "
        "(3 not reached yet); at least 50% needed."
    )
    leadership = data["areas"][1]
    assert data["actions_note"] == whole and leadership["actions_note"] == area
    assert (
        leadership["coverage_shown"] == "33%" and leadership["actions_shown"] == "too few answers"
    )
    for fmt in ("md", "html"):
        assert whole in made[fmt] and area in made[fmt]
    assert "too few to judge" not in made["md"]
    rows = list(csv.reader(io.StringIO(made["csv"])))
    assert rows[-1][-1].endswith(whole)
    # An area none of whose statements was reached: the table and its section agree.
    later = data["areas"][-1]
    assert later["actions_shown"] == "not reached"
    assert later["actions_note"].endswith("none of its statements was reached yet.")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_note_states_a_count_that_contradicts_the_rule(path: Path) -> None:
    """A property over the samples, whole and left part way at several points: every "only
    A of B" a note says is below the framework's minimum coverage, and B is what the area's
    (or the whole's) coverage counts."""
    turns = len(store.load(path).transcript.turns)
    for keep in (*range(1, turns, max(1, turns // 8)), turns):
        assessment = left_after(path, keep)
        data = assessment_data(assessment)
        notes = [(data["actions_note"], assessment.covered)] + [
            (a["actions_note"], r.covered)
            for a, r in zip(data["areas"], assessment.areas, strict=True)
        ]
        md = render_assessment(assessment, "md")
        for note, covered in notes:
            if not note or "none of its statements" in note:
                continue
            found = COUNTS.search(note)
            assert found, note
            answered, of = int(found[1]), int(found[2])
            assert (answered, of) == (covered.scored, covered.scoreable), note
            assert answered * 100 < assessment.framework.min_coverage * of, note
            assert note in md
