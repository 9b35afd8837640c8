"""`report --current` after a version that drops a question: each older transcript is
scored against the installed version, its answer to the dropped question left out, and
the report says so of each, naming the question by its number and words (never its
internal id); no transcript is thrown out as failing to load, no respondent lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot import cli, conversation, exit_codes
from bot.catalogue import Catalogue
from bot.problems import LoadError
from tests import gov_local


@pytest.fixture
def taken(tmp_path: Path) -> Path:
    """Three gov-local transcripts of version 1 and two of version 2 (WS2 dropped), in one
    folder, version 2 installed: the folder."""
    files = gov_local.versions(tmp_path / "files")
    gov_local.install(files[1])
    for name in ("Ann Archer", "Bob Baker", "Gina Green"):
        gov_local.take(tmp_path / "rv", name, yes=True)
    gov_local.install(files[2])
    for name in ("Dee Dean", "Eve Evans"):
        gov_local.take(tmp_path / "rv", name, yes=False)
    return tmp_path / "rv"


def left_out(file: Path) -> str:
    """What a report says of a version 1 transcript scored against version 2."""
    return (
        f"rv/{file.name}, taken with gov-local version 1: its answer to "
        f'WS2 "{gov_local.WS2}" is left out of the scores, as version 2, which it is '
        "scored against, does not ask it."
    )


def test_one_transcript_is_scored_against_the_installed_version_saying_what_is_left_out(
    taken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gina,) = taken.glob("*-gina-green-*.toml")
    capsys.readouterr()
    status = cli.main(["report", str(gina), "--current", "--format", "json"])
    captured = capsys.readouterr()
    assert status == exit_codes.OK, captured.err
    warnings = json.loads(captured.out)["warnings"]
    assert left_out(gina) in warnings
    assert any("as asked; the transcript was taken with version 1" in w for w in warnings)
    assert "joint_meetings" not in captured.out + captured.err


def test_an_aggregate_with_current_keeps_every_respondent(
    taken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    status = cli.main(["report", str(taken), "--aggregate", "--current", "--format", "json"])
    captured = capsys.readouterr()
    assert status == exit_codes.OK, captured.err
    data = json.loads(captured.out)
    assert data["respondents"] == 5
    assert data["failed"] == []
    for file in sorted(taken.glob("*.toml")):
        said = left_out(file) in data["warnings"]
        assert said == (file.name.split("-gov-local-")[1][:3] in ("ann", "bob", "gin")), file
    assert "WS2" not in {s["number"] for s in data["statements"]}
    assert "joint_meetings" not in captured.out + captured.err


def test_a_resume_over_an_answer_the_installed_version_lacks_is_still_refused(
    tmp_path: Path,
) -> None:
    """A report leaves such an answer out; a conversation cannot carry it on."""
    files = gov_local.versions(tmp_path / "files")
    gov_local.install(files[1])
    path = gov_local.take(tmp_path / "rv", "Ann Archer", yes=True)
    shutil.rmtree(tmp_path / "rv" / ".frameworks")  # its own version is nowhere now
    gov_local.install(files[2])
    with pytest.raises(LoadError, match="no such question in the framework"):
        conversation.resume(Catalogue(), path)
