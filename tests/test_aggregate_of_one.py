"""An aggregate of one transcript says what that transcript's own report says: the same
overall score and the same area scores. The overall is worked out from the unrounded
area means, as a single report does, never from the rounded figures printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import cli
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "transcripts" / "examples").glob("*.toml"))


def report_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    cli.main(["report", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("transcript", EXAMPLES, ids=lambda p: p.stem)
def test_an_aggregate_of_one_agrees_with_its_report(
    capsys: pytest.CaptureFixture[str], transcript: Path
) -> None:
    single = report_json(capsys, str(transcript))
    pooled = report_json(capsys, "--aggregate", str(transcript))
    assert pooled["respondents"] == 1
    assert pooled["overall"]["score"] == single["overall"]["score"]
    scores = {a["id"]: a["score"] for a in single["areas"]}
    assert {a["id"]: a["score"] for a in pooled["areas"] if a["n"]} == {
        k: v for k, v in scores.items() if v is not None
    }
