"""A folder's report counts the transcripts in it, never the rounds kept inside it.

The transcripts folder holds the self-assessments and, under `rounds/`, each round's
folder: the same partners answering in other years. `report FOLDER --aggregate` and
`report --compare FOLDER ROUND` once read those rounds too, so a comparison of the
folder with one of its own rounds counted that round's respondents on both sides, and
an aggregate pooled every year.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.report.compare import load_side
from bot.scoring.aggregate import Filters, aggregate
from tests.conftest import DATA
from tests.plain_driver import run
from tests.test_compare import NOW, THEN, build_round

FRAMEWORKS = ("--frameworks", str(DATA))


@pytest.fixture
def transcripts(tmp_path: Path) -> Path:
    """A transcripts folder: two self-assessments of its own and two rounds under rounds/."""
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    top = tmp_path / "transcripts"
    build_round(top / "rounds" / "mini-2009", cat, THEN, "2009/10")
    build_round(
        top / "rounds" / "mini-2010",
        cat,
        NOW,
        "2010/11",
        start=datetime(2010, 6, 1, 9, tzinfo=UTC),
    )
    # Two people's own assessments, kept loose in the folder as the app keeps them.
    elsewhere = build_round(
        tmp_path / "elsewhere", cat, THEN[:2], "2008/09", start=datetime(2008, 6, 1, tzinfo=UTC)
    )
    for path in elsewhere.glob("*.toml"):
        if path.name != "round.toml":
            shutil.copy(path, top / path.name)
    shutil.copytree(elsewhere / ".frameworks", top / ".frameworks", dirs_exist_ok=True)
    return top


def test_a_folders_transcripts_leave_out_the_rounds_inside_it(transcripts: Path) -> None:
    found = list(store.iter_transcript_files([transcripts]))
    assert len(found) == 2 and all(f.parent == transcripts for f in found)
    rounds = transcripts / "rounds"
    assert store.rounds_left_out([transcripts]) == [rounds / "mini-2009", rounds / "mini-2010"]
    # A round's folder named itself is read, and leaves nothing out.
    assert len(list(store.iter_transcript_files([rounds / "mini-2009"]))) == len(THEN)
    assert store.rounds_left_out([rounds / "mini-2009"]) == []
    # So is a file inside a round named directly.
    one = next(p for p in (rounds / "mini-2010").glob("*.toml") if p.name != "round.toml")
    assert list(store.iter_transcript_files([one])) == [one]


def test_a_round_named_beside_its_folder_is_not_said_to_be_left_out(transcripts: Path) -> None:
    rounds = transcripts / "rounds"
    named = [transcripts, rounds / "mini-2009"]
    gathered = store.gather(named)
    # The folder's own two and the round's, counted: the round named is not left out.
    assert len(gathered.files) == 2 + len(THEN)
    assert gathered.rounds_left_out == [rounds / "mini-2010"]
    # Nor is one a transcript of which is named.
    one = next(p for p in (rounds / "mini-2010").glob("*.toml") if p.name != "round.toml")
    assert store.gather([transcripts, one]).rounds_left_out == [rounds / "mini-2009"]


def test_an_aggregate_of_the_folder_counts_its_own_respondents_only(transcripts: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    totals, _ = aggregate(store.iter_transcript_files([transcripts]), cat, Filters(), workers=1)
    assert totals["mini"].respondents == 2


@pytest.mark.e2e
def test_the_commands_say_which_rounds_they_left_out(transcripts: Path) -> None:
    result = run("report", str(transcripts), "--aggregate", "--format", "json", *FRAMEWORKS)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["respondents"] == 2
    assert "2 rounds inside the folder named" in result.stderr
    assert "mini-2009" in result.stderr and "mini-2010" in result.stderr

    # Comparing the folder with one of its own rounds: that round is not on both sides.
    old_round = transcripts / "rounds" / "mini-2009"
    result = run(
        *("report", "--compare", str(transcripts), str(old_round), "--format", "json"),
        *FRAMEWORKS,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["then"]["respondents"], data["now"]["respondents"]) == (2, len(THEN))
    assert "note: 2 rounds inside the folder named" in result.stderr


def test_a_side_read_from_the_folder_notes_the_rounds_left_out(transcripts: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    side = load_side(transcripts, cat)
    assert side.side.data["respondents"] == 2
    assert "are left out" in side.note and "mini-2010" in side.note


def test_round_new_checks_the_previous_round_and_keeps_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main
    from bot.rounds.folder import load_round
    from bot.rounds.plan_review import previous_folder

    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    rounds = tmp_path / "transcripts" / "rounds"
    build_round(rounds / "mini-2009", cat, THEN, "2009/10")
    new = ("--frameworks", str(DATA), "round", "new")
    made = ("--title", "Mini review 2010/11", "--framework", "mini")

    # A path as typed (relative to where the command runs) is kept as the round beside it.
    assert main([*new, "mini-2010", *made, "--previous", "transcripts/rounds/mini-2009"]) == 0
    assert previous_folder(load_round(rounds / "mini-2010")) == rounds / "mini-2009"
    # A round elsewhere is kept by its full path, found wherever the command runs from.
    assert main([*new, str(tmp_path / "away" / "r"), *made, "--previous", "mini-2009"]) == 0
    kept = previous_folder(load_round(tmp_path / "away" / "r"))
    assert kept is not None and kept.resolve() == (rounds / "mini-2009").resolve()
    capsys.readouterr()

    # No round there: refused at once, naming the rounds there are; nothing made.
    assert main([*new, "mini-2011", *made, "--previous", "mini-20099"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("error: --previous: ") and 'did you mean "mini-2009"?' in said
    assert main([*new, "mini-2011", *made, "--previous", "/nonexistent/round"]) == 2
    assert "/nonexistent/round does not exist" in capsys.readouterr().err
    assert not (rounds / "mini-2011").exists()
    # A path from the new round's folder, as round.toml's `previous` is read, is taken too.
    assert main([*new, "mini-2012", *made, "--previous", "../mini-2009"]) == 0
    assert previous_folder(load_round(rounds / "mini-2012")) == rounds / "mini-2009"
