"""A report lists only the questions on the respondent's final path; those off it are
counted once, never listed as "Not asked"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plain_driver import run

INTERVIEW = ROOT / "transcripts" / "rounds" / "hertfordshire-2009" / "h21-ann-evans.toml"


@pytest.mark.e2e
def test_questions_off_the_path_are_counted_once_not_listed(tmp_path: Path) -> None:
    data = json.loads(run("report", str(INTERVIEW), "--format", "json", cwd=tmp_path).stdout)
    listed = [q for a in data["areas"] for q in a["questions"]]
    assert listed and all(q["answer"] != "Not asked" for q in listed)
    assert not any(q["number"].startswith("S") for q in listed)
    # Independently: the survey's statements S1-S18 are all off a telephone interview's path.
    assert data["mode"] == "telephone" and data["not_asked"] == 18
    for fmt in ("md", "html"):
        text = run("report", str(INTERVIEW), "--format", fmt, cwd=tmp_path).stdout
        assert "Not asked" not in text
        assert text.count("18 questions were not part of this interview") == 1
