"""`round compare` and `report --compare` as installed, run as a user would."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.rounds.folder import create
from bot.rounds.model import Invitee, Round
from tests.conftest import DATA, ROOT
from tests.plain_driver import run
from tests.test_compare import NOW, THEN, build_round

FRAMEWORKS = ("--frameworks", str(DATA))
pytestmark = pytest.mark.e2e


@pytest.fixture
def rounds(tmp_path: Path) -> tuple[Path, Path]:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    base = tmp_path / "transcripts" / "rounds"
    old = build_round(base / "mini-2009", cat, THEN, "2009/10")
    new = build_round(
        base / "mini-2010", cat, NOW, "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    return old, new


def test_round_compare_by_name_in_every_format(rounds: tuple[Path, Path], tmp_path: Path) -> None:
    result = run("--frameworks", str(DATA), "round", "compare", "mini-2009", "mini-2010")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Mini framework for tests: 2009/10 compared with 2010/11")
    assert "| Area one | " in result.stdout and "could be chance" in result.stdout
    assert '## How "could be chance" is decided' in result.stdout

    out = tmp_path / "compare.html"
    result = run(
        *("--frameworks", str(DATA)),
        *("round", "compare", "mini-2009", "mini-2010", "--format", "html", "-o", str(out)),
    )
    assert result.returncode == 0, result.stderr
    assert "compare.html" in result.stderr and result.stdout == ""
    html = out.read_text()
    assert "<svg" in html and "<script" not in html and 'href="http' not in html

    result = run(
        *("--frameworks", str(DATA)),
        *("round", "compare", "mini-2009", "mini-2010", "--format", "json", "-o", "-"),
    )
    data = json.loads(result.stdout)
    assert data["kind"] == "comparison" and data["now"]["respondents"] == len(NOW)


def test_report_compare_takes_folders_of_transcripts(
    rounds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = rounds
    # Folders without round.toml: the transcripts alone.
    plain_old, plain_new = tmp_path / "old", tmp_path / "new"
    for source, target in ((old, plain_old), (new, plain_new)):
        target.mkdir()
        for path in source.glob("*.toml"):
            if path.name != "round.toml":
                (target / path.name).write_bytes(path.read_bytes())
        (target / ".frameworks").mkdir()
        for path in (source / ".frameworks").iterdir():
            (target / ".frameworks" / path.name).write_bytes(path.read_bytes())
    result = run(
        "report", "--compare", str(plain_old), str(plain_new), "--format", "json", *FRAMEWORKS
    )
    assert result.returncode == 0, result.stderr
    by_folder = json.loads(result.stdout)
    by_round = json.loads(
        run("report", "--compare", str(old), str(new), "--format", "json", *FRAMEWORKS).stdout
    )
    assert (by_folder["then"]["label"], by_folder["now"]["label"]) == ("old", "new")
    assert by_folder["areas"] == by_round["areas"]
    assert by_folder["statements"] == by_round["statements"]


def test_bad_input_gets_a_clear_error_never_a_traceback(
    rounds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = rounds
    cases = [
        (
            ("round", "compare", "mini-2009", "mini-2011"),
            2,
            "mini-2011 does not exist",
        ),
        (("round", "compare", "mini-2009", "mini-2011"), 2, 'did you mean "mini-2010"'),
        (("report", "--compare", str(old)), 2, "--compare takes two folders"),
        (
            ("report", "--compare", str(old), str(new), "--aggregate"),
            2,
            "--compare and --aggregate do not go together",
        ),
        (("report", "--compare", str(old), str(tmp_path / "nowhere")), 2, "does not exist"),
        (("report", "--compare", str(old), str(new), "--format", "csv"), 2, "not csv"),
        (("report", "--compare", str(old), str(old)), 2, "named twice"),
        (
            (
                "report",
                "--compare",
                str(old),
                str(ROOT / "transcripts" / "examples" / "hertfordshire-survey"),
            ),
            2,
            "only rounds of one framework can be compared",
        ),
        (("round", "compare", "mini-2009", "mini-2010", "-o", str(tmp_path)), 2, "is a folder"),
    ]
    empty = tmp_path / "transcripts" / "rounds" / "empty"
    create(
        empty, Round(title="Nobody yet", framework="mini", invitees=(Invitee(id="x", name="X"),))
    )
    cases.append((("round", "compare", "mini-2009", "empty"), 1, "has no complete transcripts yet"))
    for args, status, message in cases:
        result = run(*FRAMEWORKS, *args)
        assert result.returncode == status, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


def test_the_sample_rounds_out_of_the_box(tmp_path: Path) -> None:
    import shutil
    import tomllib

    rounds = tmp_path / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROOT / "transcripts" / "rounds" / name, rounds / name)
    # The 2010 round names 2009 as its previous round: NEW alone is enough.
    result = run("round", "compare", "hertfordshire-2010", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["then"]["label"], data["now"]["label"]) == ("2009/10", "2010/11")
    both = run("round", "compare", "hertfordshire-2009", "hertfordshire-2010", "--format", "json")
    assert json.loads(both.stdout) == data
    # The plan's progress, counted independently from the 2010 plan's carried actions.
    plan = tomllib.loads((rounds / "hertfordshire-2010" / "plan.toml").read_text())
    carried = [a for a in plan["actions"] if a.get("carried_from")]
    assert carried, "the 2010 sample carries the 2009 plan's agreed actions"
    expected = {s: 0 for s in ("done", "in_progress", "not_started", "dropped")}
    for action in carried:
        expected[action.get("status", "not_started")] += 1
    assert data["plan"]["counts"] == expected and data["plan"]["total"] == len(carried)
    fell = {a["id"] for a in data["areas"] if a["change"] is not None and a["change"] < 0}
    done_areas = {a.get("area") for a in carried if a.get("status") == "done"}
    assert {a["id"] for a in data["plan"]["fell_despite_done"]} == fell & done_areas

    result = run("round", "compare", "hertfordshire-2009")
    assert result.returncode == 2
    assert "names no previous round: give the earlier one too" in result.stderr


def test_report_compare_reads_a_folder_holding_rounds(
    rounds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = rounds
    # transcripts/rounds holds both rounds: which is meant is asked, naming them.
    result = run("report", "--compare", str(old.parent), str(new), *FRAMEWORKS)
    assert result.returncode == 2 and result.stdout == ""
    assert "holds 2 rounds, not one: name the round to compare" in result.stderr
    assert "mini-2009" in result.stderr and "skipped" not in result.stderr
    assert "Traceback" not in result.stderr
    # A round kept in a folder of its own is compared as that round.
    kept = tmp_path / "kept"
    kept.mkdir()
    old.rename(kept / old.name)
    result = run("report", "--compare", str(kept), str(new), "--format", "json", *FRAMEWORKS)
    assert result.returncode == 0, result.stderr
    assert "holds one round: compared" in result.stderr and "skipped" not in result.stderr
    data = json.loads(result.stdout)
    assert (data["then"]["label"], data["now"]["label"]) == ("2009/10", "2010/11")


def test_both_compare_commands_check_the_format_alike_before_reading(
    rounds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = rounds
    said = "error: a comparison is written as md, html or json, not csv\n"
    by_round = run(*FRAMEWORKS, "round", "compare", "mini-2009", "mini-2010", "--format", "csv")
    by_folder = run("report", "--compare", str(old), str(new), "--format", "csv", *FRAMEWORKS)
    # A folder given to -o: the format is what is wrong, not the folder (no "comparison.csv").
    into_folder = run(
        *FRAMEWORKS, "round", "compare", "mini-2009", "mini-2010", "--format", "csv", "-o", "."
    )
    for result in (by_round, by_folder, into_folder):
        assert (result.returncode, result.stdout, result.stderr) == (2, "", said)
    bad = run(*FRAMEWORKS, "round", "compare", "mini-2009", "mini-2010", "--format", "p\x1b[2Jdf")
    assert bad.returncode == 2 and "\x1b" not in bad.stderr and "p\\x1b[2Jdf" in bad.stderr


def test_both_commands_anonymise_a_comparison_of_a_small_round(tmp_path: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    base = tmp_path / "transcripts" / "rounds"
    old = build_round(base / "mini-2009", cat, THEN, "2009/10")
    new = build_round(
        base / "mini-2010", cat, NOW[:2], "2010/11", start=datetime(2010, 6, 1, 9, tzinfo=UTC)
    )
    for command in (
        ("round", "compare", "mini-2009", "mini-2010"),
        ("report", "--compare", str(old), str(new)),
    ):
        result = run(*FRAMEWORKS, *command, "--anonymise", "--format", "json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["small_group_rule"]
        assert {a["flag"] for a in data["areas"]} == {"hidden"}
        assert all(a["now"]["score"] is None for a in data["areas"])
