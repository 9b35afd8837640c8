"""What the round commands say, with several rounds in one transcripts folder: a round or
an invitee named wrongly is a usage error with the nearest that exists; every command
suggested runs as printed; an empty round's report is the error alone; an abandoned
assessment is its own state; the plan's summary adds up; a misspelt option is given the
nearest option of that command."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds.commands import round_command
from bot.rounds.plan import read_plan
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def three(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A transcripts folder (the tests' own) holding three rounds: the two samples and an
    empty one; returns its rounds/ folder."""
    rounds = tmp_path / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, rounds / name)
    made = ["round", "new", "empty-round", "--title", "Empty", "-f", "hertfordshire-review"]
    assert cli.main(made) == exit_codes.OK
    capsys.readouterr()
    return rounds


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    said = capsys.readouterr()
    return status, said.out, said.err


def test_a_round_name_that_names_nothing_is_a_usage_error_with_the_nearest(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "round", "status", "-r", "hertfordshire-201")
    assert status == exit_codes.USAGE, err
    assert err.startswith("error: -r hertfordshire-201: ") and not out
    assert 'did you mean "hertfordshire-2010"?' in err


def test_a_round_kept_deeper_is_suggested_by_a_path_that_finds_it(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A round moved out of rounds/ into an archive: its bare name finds nothing there.
    archive = three.parent / "archive" / "2008"
    archive.mkdir(parents=True)
    (three / "empty-round").rename(archive / "old")
    status, _, err = run(capsys, "round", "status", "-r", "old")
    assert status == exit_codes.USAGE, err
    assert "transcripts/archive/2008/old" in err
    assert 'did you mean "old"' not in err
    # The path suggested runs.
    assert run(capsys, "round", "status", "-r", "transcripts/archive/2008/old")[0] == 0


def test_a_folder_that_is_not_a_round_is_shown_as_the_user_gave_it(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    status, _, err = run(capsys, "round", "status", "-r", str(work))
    assert status == exit_codes.USAGE, err
    assert f"{work} is not a round (it has no round.toml)" in err
    assert "error: .:" not in err and " . is not" not in err


def test_an_unknown_invitee_id_is_given_the_nearest_even_when_short(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "round", "assess", "x9", "-r", "hertfordshire-2010", "--plain")
    assert status == exit_codes.USAGE, err
    assert err.startswith('error: No invitee "x9" in this round; did you mean "h09"?')


def suggested(text: str) -> list[list[str]]:
    """The round commands a message suggests, each as the words after the program's name."""
    return [shlex.split(found) for found in re.findall(r"partnership-bot (round [^\n;)]*)", text)]


def test_every_command_suggested_for_a_finished_invitee_runs_as_printed(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "round", "assess", "h01", "-r", "hertfordshire-2010", "--plain")
    assert status == exit_codes.OK, err
    commands = suggested(err)
    assert ["round", "report", "-r", "hertfordshire-2010"] in commands, err
    assert ["round", "assess", "h01", "--again", "-r", "hertfordshire-2010"] in commands, err
    status, out, err = run(capsys, "round", "report", "-r", "hertfordshire-2010")
    assert status == exit_codes.OK and "results across" in out, err


def test_suggested_commands_name_the_round_only_when_another_could_be_meant(
    three: Path, tmp_path: Path
) -> None:
    folder = three / "hertfordshire-2010"
    assert round_command("status", folder=folder) == (
        "partnership-bot round status -r hertfordshire-2010"
    )
    for other in ("hertfordshire-2009", "empty-round"):
        shutil.rmtree(three / other)
    assert round_command("status", folder=folder) == "partnership-bot round status"
    # Found by its path when its name does not find it (another transcripts folder).
    elsewhere = tmp_path / "elsewhere" / "r"
    shutil.copytree(folder, elsewhere)
    assert (
        round_command("report", folder=elsewhere) == "partnership-bot round report -r elsewhere/r"
    )


def test_the_wrong_command_and_an_unknown_id_suggest_commands_that_run(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "round", "interview", "h01", "-r", "hertfordshire-2010")
    assert status == exit_codes.USAGE
    assert "use: partnership-bot round assess h01 -r hertfordshire-2010" in err, err
    status, _, err = run(capsys, "round", "call", "h99", "busy", "-r", "hertfordshire-2010")
    assert status == exit_codes.USAGE
    assert "partnership-bot round status -r hertfordshire-2010 lists them" in err, err


def test_an_empty_rounds_report_is_the_error_alone(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "round", "report", "-r", "empty-round")
    assert status == exit_codes.PROBLEMS
    assert out == ""
    assert err.startswith("error: no responses to compile yet (0 of 0 invited)"), err
    assert "partnership-bot round import FILE.csv -r empty-round" in err
    status, out, err = run(capsys, "round", "status", "-r", "empty-round")
    assert status == exit_codes.OK, err
    assert "Framework hertfordshire-review; 0 invited\n" in out
    assert "invited: " not in out and "invited:\n" not in out
    assert "partnership-bot round import FILE.csv -r empty-round" in out


def test_an_abandoned_assessment_is_its_own_state_not_a_refusal(
    three: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the counts on one line
    status, out, err = run(capsys, "round", "status", "-r", "hertfordshire-2010")
    assert status == exit_codes.OK, err
    assert "refused 2, abandoned 1, unreachable 2" in out
    h16 = next(line for line in out.splitlines() if line.strip().startswith("h16 "))
    assert " abandoned " in h16 and "refused" not in h16
    status, out, err = run(
        capsys, "round", "status", "-r", "hertfordshire-2010", "--state", "abandoned"
    )
    assert status == exit_codes.OK, err
    assert "Invitees (1)" in out
    status, out, err = run(capsys, "round", "report", "-r", "hertfordshire-2010")
    assert status == exit_codes.OK, err
    assert (
        "| h16 | Farid Fraser | NHS Hertfordshire | Primary Care Trust | public | self | abandoned |"
        in out
    )
    assert "refused 2, abandoned 1" in out
    assert "1 abandoned" in out and "refused part way" not in out
    status, out, err = run(
        capsys, "round", "report", "-r", "hertfordshire-2010", "--format", "json"
    )
    data = json.loads(out)
    assert data["round"]["states"]["abandoned"] == 1 and data["round"]["states"]["refused"] == 2


def test_the_plan_summary_adds_up_to_what_is_in_the_plan(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (three / "hertfordshire-2010" / "plan.toml").unlink()
    status, _, err = run(capsys, "round", "plan", "-r", "hertfordshire-2010")
    assert status == exit_codes.OK, err
    summary = next(line for line in err.splitlines() if "plan.toml: " in line)
    total = int(re.search(r"plan\.toml: (\d+) actions, all new: ", summary).group(1))
    parts = re.findall(
        r"(\d+) (carried from the previous round|suggested by this round's answers|kept but no longer suggested) \(([^)]*)\)",
        summary,
    )
    assert "carried from the previous round" in {what for _, what, _ in parts}, summary
    assert sum(int(n) for n, _, _ in parts) == total, summary
    for n, _, refs in parts:
        assert len(refs.split(", ")) == int(n)
    plan = read_plan(three / "hertfordshire-2010")
    assert plan is not None and len(plan.actions) == total
    carried = next(refs for _, what, refs in parts if what.startswith("carried"))
    assert carried.split(", ") == [a.ref for a in plan.actions if a.carried_from]
    status, _, err = run(capsys, "round", "plan", "-r", "hertfordshire-2010")
    assert f"plan.toml: {total} actions, none new: " in err, err


@pytest.mark.parametrize(
    ("words", "hint"),
    [
        (["round", "report", "--formt", "html"], '--formt html; did you mean "--format"?'),
        (["round", "status", "--sate", "complete"], '--sate complete; did you mean "--state"?'),
        (["report", "x.toml", "--agregate"], 'did you mean "--aggregate"?'),
        (
            ["round", "plan", "--agred=all", "--formt", "csv"],
            'did you mean "--agree" for --agred, "--format" for --formt?',
        ),
    ],
)
def test_a_misspelt_option_is_given_the_nearest_option_of_that_command(
    words: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(words)
    assert stopped.value.code == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "unrecognized arguments: " in err and hint in err, err
    assert "Traceback" not in err


def test_the_hint_never_names_an_option_the_command_lacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["round", "status", "--formt", "html"])
    err = capsys.readouterr().err
    assert "partnership-bot round status: error: unrecognized arguments: --formt html" in err
    assert "did you mean" not in err
