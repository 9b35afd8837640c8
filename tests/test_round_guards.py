"""`partnership-bot round ...` guarding against slips: importing the same people twice, a
call-back time already past, starting someone who has finished again; the report's
left-out count as status counts; and the list of self-assessors to remind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.rounds.calls import read as read_calls
from tests.plain_driver import run
from tests.test_round_cli import PLAN, build_round


@pytest.fixture
def round_folder(tmp_path: Path, catalogue: Catalogue) -> Path:
    return build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)


def transcripts_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name != "round.toml")


@pytest.mark.e2e
def test_importing_one_csv_twice_adds_no_one_the_second_time(tmp_path: Path) -> None:
    run("round", "new", "r", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    (tmp_path / "inv.csv").write_text(
        "name,organisation,mode,contact\n"
        "Al,Herts CC,self,al@example.org\n"
        "Bo,Police,telephone,01707 000001\n"
        "Cy,Fire,self,\n",
        encoding="utf-8",
    )
    first = run("round", "import", "inv.csv", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "0 already invited, 3 added" in first.stdout
    second = run("round", "import", "inv.csv", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "3 already invited, 0 added" in second.stdout
    status = run("round", "status", cwd=tmp_path).stdout
    assert "3 invited" in status and "Response: 0 of 3 invited (0%)" in status


@pytest.mark.e2e
def test_import_says_who_shares_a_contact_and_what_it_changed(tmp_path: Path) -> None:
    run("round", "new", "r", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    (tmp_path / "inv.csv").write_text(
        "name,organisation,mode,contact\nCllr Ann Smith,Herts CC,telephone,01707 000001\n",
        encoding="utf-8",
    )
    assert run("round", "import", "inv.csv", cwd=tmp_path).returncode == 0
    (tmp_path / "dup.csv").write_text(
        "name,organisation,mode,contact\n"
        "Brand New Person,Other Org,self,01707 000001\n"
        "Cllr Ann Smith,Herts County Council,telephone,01707 000001\n",
        encoding="utf-8",
    )
    done = run("round", "import", "dup.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "  updated i001 Cllr Ann Smith: organisation Herts CC -> Herts County Council",
        "  added i002 Brand New Person (shares 01707 000001 with i001 Cllr Ann Smith)",
    ]
    assert done.stdout.startswith("1 already invited (1 updated: i001), 1 added")


@pytest.mark.e2e
def test_report_left_out_agrees_with_status(round_folder: Path, tmp_path: Path) -> None:
    # A transcript of no invitee: an unfinished copy of p04's, linked to someone unknown.
    [p04] = [p for p in transcripts_in(round_folder) if 'invitee = "p04"' in p.read_text()]
    stray = round_folder / "stray.toml"
    # A transcript of its own (another id), or the aggregate would count it once with p04's.
    text = p04.read_text().replace('invitee = "p04"', 'invitee = "zz9"')
    stray.write_text(re.sub(r'^id = "[^"]*"', 'id = "stray-transcript"', text, count=1, flags=re.M))
    # An independent count: every transcript in the folder that is not complete.
    unfinished = sum(
        store.load(p).transcript.status != "complete" for p in transcripts_in(round_folder)
    )
    assert unfinished == 2
    status = run("round", "status", cwd=tmp_path).stdout
    in_progress = int(re.search(r"in progress (\d+)", status).group(1))  # type: ignore[union-attr]
    assert in_progress == sum(p[3] == "in_progress" for p in PLAN) == 1
    assert "1 transcript(s) in the folder name no invitee" in status
    result = run("round", "report", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    left = json.loads(result.stdout)["left_out"]
    assert (left["in_progress"], left["unlinked"], left["unfinished"]) == (1, 1, unfinished)
    markdown = run("round", "report", cwd=tmp_path).stdout
    assert (
        f"**Left out:** {unfinished} unfinished (1 in progress, as in round status; "
        "0 abandoned; 1 transcript(s) in the folder of no invitee of the round)"
    ) in markdown
    aggregate = run("report", str(round_folder), "--aggregate", cwd=tmp_path).stdout
    assert f"**Left out:** {unfinished} unfinished" in aggregate


@pytest.mark.e2e
def test_a_call_back_in_the_past_is_refused_unless_forced(
    round_folder: Path, tmp_path: Path
) -> None:
    before = len(read_calls(round_folder).entries)
    past = run("round", "call", "p09", "call-back", "--at", "2009-11-10 14:00", cwd=tmp_path)
    assert past.returncode == 2
    assert "has already passed" in past.stderr and "--force" in past.stderr
    assert len(read_calls(round_folder).entries) == before
    later = run("round", "call", "p09", "call-back", "--at", "+2h", "--caller", "Sam", cwd=tmp_path)
    assert later.returncode == 0, later.stderr
    assert "Due in 2 hours." in later.stdout
    forced = run(
        "round",
        "call",
        "p10",
        "call-back",
        "--at",
        "2009-11-10 14:00",
        "--force",
        "--caller",
        "Sam",
        cwd=tmp_path,
    )
    assert forced.returncode == 0, forced.stderr
    assert "Due now (the time has passed)" in forced.stdout
    assert len(read_calls(round_folder).entries) == before + 2


@pytest.mark.e2e
def test_a_finished_invitee_is_not_started_again_without_again(
    round_folder: Path, tmp_path: Path
) -> None:
    files = transcripts_in(round_folder)
    for command, who in (("assess", "p01"), ("interview", "p05")):
        refused = run("round", command, who, "--plain", stdin="2\n:quit\n", cwd=tmp_path)
        assert refused.returncode == 0  # not a command-line mistake: nothing to do
        assert f"{who} (Person {int(who[1:])}) has finished" in refused.stderr
        assert "partnership-bot replay" in refused.stderr
        assert f"partnership-bot round {command} {who} --again" in refused.stderr
    assert transcripts_in(round_folder) == files
    again = run("round", "assess", "p01", "--plain", "--again", stdin="2\n:quit\n", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(transcripts_in(round_folder)) == len(files) + 1


@pytest.mark.e2e
def test_chase_lists_self_assessors_who_have_not_finished(
    round_folder: Path, tmp_path: Path
) -> None:
    result = run("round", "chase", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = [
        (f"p{n:02d}", state)
        for n, (_, _, mode, state) in enumerate(PLAN, start=1)
        if mode == "self" and state in ("not_started", "in_progress")
    ]
    assert expected == [("p04", "in_progress"), ("p11", "not_started")]
    listed = re.findall(r"^  (p\d\d) ", result.stdout, re.M)
    assert listed == [who for who, _ in expected]
    selves = sum(p[2] == "self" for p in PLAN)
    assert f"To remind: 2 of {selves} self-assessors (1 not started, 1 unfinished)" in result.stdout
    for who, _ in expected:
        assert f"contact: 01707 {int(who[1:]):06d}" in result.stdout
    # Telephone invitees are for round next, not here.
    assert "p09" not in result.stdout
