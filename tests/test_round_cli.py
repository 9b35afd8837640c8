"""`partnership-bot round ...` end to end on a round with real transcripts: every figure
of `round status` and `round report` against a count made from how the round was built."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import exit_codes, store
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.folder import create, load_round
from bot.rounds.model import Invitee, Round
from bot.rounds.work import open_conversation, snapshot
from tests.conftest import ROOT
from tests.plain_driver import run

START = datetime(2009, 11, 2, 9, 0, tzinfo=UTC)
# (role, sector, mode, state) for each invitee; the expected figures are counted from this.
PLAN = [
    ("Councillor", "public", "self", "complete"),
    ("Councillor", "public", "self", "complete"),
    ("Councillor", "public", "telephone", "refused"),
    ("Councillor", "public", "self", "in_progress"),
    ("Police", "public", "telephone", "complete"),
    ("Police", "public", "telephone", "appointment"),
    ("Police", "public", "telephone", "unreachable"),
    ("Voluntary organisation", "voluntary", "self", "complete"),
    ("Voluntary organisation", "voluntary", "telephone", "not_started"),
    ("Voluntary organisation", "voluntary", "telephone", "not_started"),
    ("Business", "business", "self", "not_started"),
    ("Business", "business", "telephone", "complete"),
]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=20)
        return self.now


def answer_all(talk, finish: bool = True, answers: int = 99) -> None:  # type: ignore[no-untyped-def]
    talk.begin()
    given = 0
    while not talk.session.over and given < answers:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        talk.answer("2" if given % 3 else "4")
        given += 1
    if not finish:
        return


def build_round(folder: Path, catalogue: Catalogue) -> Path:
    invitees = tuple(
        Invitee(
            id=f"p{n:02d}",
            name=f"Person {n}",
            role=role,
            sector=sector,
            mode=mode,
            contact=f"01707 {n:06d}",
        )
        for n, (role, sector, mode, _) in enumerate(PLAN, start=1)
    )
    create(
        folder,
        Round(
            title="Test round 2009/10",
            partnership="Hertfordshire Forward",
            period="2009/10",
            framework="hertfordshire-review",
            self_dialogue="hertfordshire-survey",
            telephone_dialogue="hertfordshire-interview",
            max_attempts=3,
            invitees=invitees,
        ),
    )
    loaded = load_round(folder)
    clock = Clock()
    log: list[CallEntry] = []

    def logged(who: str, outcome: str, **extra: object) -> None:
        log.append(CallEntry(at=clock(), invitee=who, caller="Sam", outcome=outcome, **extra))

    for invitee, (_, _, mode, state) in zip(invitees, PLAN, strict=True):
        if state in ("complete", "in_progress"):
            if mode == "telephone":
                logged(invitee.id, "no_answer")
                logged(invitee.id, "interview_started")
            shot = snapshot(folder, clock.now)
            found = shot.find(invitee.id)
            talk = open_conversation(catalogue, loaded, found, "Sam", clock)
            answer_all(talk, answers=99 if state == "complete" else 3)
            talk.close()
        elif state == "refused":
            logged(invitee.id, "busy")
            logged(invitee.id, "refused", note="Not this year")
        elif state == "appointment":
            logged(invitee.id, "call_back", appointment=START - timedelta(hours=1))
        elif state == "unreachable":
            for _ in range(3):
                logged(invitee.id, "no_answer")
        elif state == "not_started" and mode == "telephone" and invitee.id == "p09":
            logged(invitee.id, "busy")
    calls.append(folder, log)
    return folder


@pytest.fixture
def round_folder(tmp_path: Path, catalogue: Catalogue) -> Path:
    return build_round(tmp_path / "transcripts" / "rounds" / "test", catalogue)


def test_snapshot_states_match_the_plan(round_folder: Path) -> None:
    shot = snapshot(round_folder, START + timedelta(days=1))
    assert [s.state for s in shot.invitees] == [p[3] for p in PLAN]
    # Transcripts are linked to their invitee in the header, and nothing is unlinked.
    assert not shot.unlinked
    for s in shot.invitees:
        if s.transcript:
            assert store.load(s.transcript).transcript.invitee == s.invitee.id


@pytest.mark.e2e
def test_status_figures_against_an_independent_count(round_folder: Path, tmp_path: Path) -> None:
    result = run("round", "status", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    states = Counter(p[3] for p in PLAN)
    done = states["complete"]
    assert f"Response: {done} of {len(PLAN)} invited ({round(done * 100 / len(PLAN))}%)" in out
    for state, label in (
        ("not_started", "not started"),
        ("appointment", "appointment"),
        ("in_progress", "in progress"),
        ("complete", "complete"),
        ("refused", "refused"),
        ("unreachable", "unreachable"),
    ):
        assert f"{label} {states[state]}" in out
    for role in {p[0] for p in PLAN}:
        mine = [p for p in PLAN if p[0] == role]
        complete = sum(p[3] == "complete" for p in mine)
        rate = round(complete * 100 / len(mine))
        assert re.search(
            rf"^  {re.escape(role)} +{len(mine)} +{complete} +{len(mine) - complete} +{rate}%$",
            out,
            re.M,
        ), role
    for sector in {p[1] for p in PLAN}:
        mine = [p for p in PLAN if p[1] == sector]
        complete = sum(p[3] == "complete" for p in mine)
        assert re.search(rf"^  {sector} +{len(mine)} +{complete} ", out, re.M), sector


@pytest.mark.e2e
def test_next_and_call_from_the_command_line(round_folder: Path, tmp_path: Path) -> None:
    # The due appointment first, then the never-called, then the one called once.
    result = run("round", "next", "-n", "5", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    order = re.findall(r"^(p\d\d) ", result.stdout, re.M)
    assert order == ["p06", "p10", "p09"]
    logged = run(
        "round",
        "call",
        "p10",
        "call-back",
        "--at",
        "2099-01-01 10:00",
        "--caller",
        "Alex",
        cwd=tmp_path,
    )
    assert logged.returncode == 0, logged.stderr
    assert re.findall(r"^(p\d\d) ", run("round", "next", "-n", "5", cwd=tmp_path).stdout, re.M) == [
        "p06",
        "p09",
    ]
    claimed = run("round", "next", "--claim", "--caller", "Alex", cwd=tmp_path)
    assert "Logged: Alex calling p06" in claimed.stdout
    other = run("round", "next", "--caller", "Robin", cwd=tmp_path)
    assert other.stdout.startswith("p09")
    status = run("round", "status", "--caller", "Robin", cwd=tmp_path).stdout
    assert "being called by Alex" in status
    bad = run("round", "call", "p6", "refsed", cwd=tmp_path)
    # An id typed wrong is a command-line error, with the nearest id.
    assert (
        bad.returncode == 2
        and 'error: No invitee "p6" in this round; did you mean "p06"?' in bad.stderr
    )
    bad = run("round", "call", "p06", "refsed", cwd=tmp_path)
    assert bad.returncode == 2 and 'did you mean "refused"?' in bad.stderr
    bad = run("round", "call", "p06", "call-back", "--at", "soon", cwd=tmp_path)
    assert bad.returncode == 2 and "is not a time" in bad.stderr


@pytest.mark.e2e
def test_report_figures_against_an_independent_count(round_folder: Path, tmp_path: Path) -> None:
    result = run("round", "report", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    complete = [p for p in PLAN if p[3] == "complete"]
    assert data["respondents"] == len(complete)
    r = data["round"]
    assert (r["invited"], r["responded"]) == (len(PLAN), len(complete))
    assert (
        r["headline"]
        == f"{len(complete)} of {len(PLAN)} invited ({round(len(complete) * 100 / len(PLAN))}%)"
    )
    for group in r["by_role"]:
        mine = [p for p in PLAN if p[0] == group["name"]]
        done = sum(p[3] == "complete" for p in mine)
        assert (group["invited"], group["responded"], group["not_responded"]) == (
            len(mine),
            done,
            len(mine) - done,
        )
    for group in r["by_sector"]:
        mine = [p for p in PLAN if p[1] == group["name"]]
        assert group["responded"] == sum(p[3] == "complete" for p in mine)
    assert sorted(o["id"] for o in r["outstanding"]) == sorted(
        f"p{n:02d}" for n, p in enumerate(PLAN, start=1) if p[3] != "complete"
    )
    # Each complete transcript counted once in the statements (self: survey statements).
    assert {s["n"] for s in data["statements"] if s["id"].startswith("s")} <= {
        sum(p[2] == "self" for p in complete)
    }
    markdown = run("round", "report", cwd=tmp_path).stdout
    assert f"**Response:** {r['headline']}" in markdown
    assert "| Person 3 |" in markdown
    anonymous = run("round", "report", "--anonymise", cwd=tmp_path).stdout
    assert "Person " not in anonymous
    assert f"**Outstanding:** {len(PLAN) - len(complete)} invitees (names left out)." in anonymous
    html = run("round", "report", "--format", "html", cwd=tmp_path).stdout
    assert "Response by role" in html and r["headline"] in html


@pytest.mark.e2e
def test_new_and_import_from_the_command_line(tmp_path: Path) -> None:
    made = run("round", "new", "r1", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "in.csv").write_text("name,mode\nAnn,self\nBob,fax\n", encoding="utf-8")
    bad = run("round", "import", "in.csv", cwd=tmp_path)
    assert bad.returncode == 2  # the input named is at fault
    assert 'in.csv:3: mode: "fax" is not a way of taking part' in bad.stderr
    (tmp_path / "in.csv").write_text("name,mode\nAnn,self\nBob,telephone\n", encoding="utf-8")
    good = run("round", "import", "in.csv", "-r", "r1", cwd=tmp_path)
    assert good.returncode == 0 and "0 already invited, 2 added" in good.stdout
    empty = run("round", "report", cwd=tmp_path)
    assert (
        empty.returncode == 1
        and "no responses to compile yet (0 of 2 invited (0%))" in empty.stderr
    )
    again = run("round", "new", "r2", "--title", "R", "-f", "hertfrdshire-review", cwd=tmp_path)
    assert again.returncode == 3 and "hertfordshire-review" in again.stderr
    assert not (tmp_path / "transcripts" / "rounds" / "r2").exists()
    run("round", "new", "r2", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    two = run("round", "status", cwd=tmp_path)
    assert two.returncode == 2 and "there are 2 rounds" in two.stderr
    assert "choose one with -r ROUND" in two.stderr


@pytest.mark.e2e
def test_assess_and_interview_from_the_round_are_linked_and_resume(tmp_path: Path) -> None:
    run("round", "new", "r", "--title", "R", "-f", "hertfordshire-review", cwd=tmp_path)
    (tmp_path / "in.csv").write_text("name,mode\nAnn,self\nBob,telephone\n", encoding="utf-8")
    run("round", "import", "in.csv", cwd=tmp_path)
    first = run("round", "assess", "i001", "--plain", stdin="2\n:quit\n", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = run("round", "assess", "i001", "--plain", stdin="3\n:quit\n", cwd=tmp_path)
    assert "Resuming where you left off." in again.stdout
    folder = tmp_path / "transcripts" / "rounds" / "r"
    [path] = [p for p in folder.glob("*.toml") if p.name != "round.toml"]
    transcript = store.load(path).transcript
    assert transcript.invitee == "i001" and transcript.respondent.name == "Ann"
    assert [t.value for t in transcript.turns if t.kind == "answer"] == ["agree", "dont_know"]
    wrong = run("round", "interview", "i001", "--plain", cwd=tmp_path)
    assert (
        wrong.returncode == exit_codes.USAGE
        and "use: partnership-bot round assess i001" in wrong.stderr
    )
    call = run(
        "round", "interview", "i002", "--plain", "--caller", "Sam", stdin="1\n:quit\n", cwd=tmp_path
    )
    assert call.returncode == 0, call.stderr
    shot = snapshot(folder, datetime.now(UTC))
    assert [s.state for s in shot.invitees] == ["in_progress", "in_progress"]
    assert shot.entries[-1].outcome == "interview_started" and shot.entries[-1].caller == "Sam"
    linked = store.load(shot.invitees[1].transcript).transcript
    assert linked.mode == "telephone" and linked.interviewer.name == "Sam"


SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"


@pytest.mark.e2e
def test_the_sample_round_out_of_the_box(tmp_path: Path) -> None:
    # scripts/make_examples.py makes 20 self-assessors (13 complete, 2 in progress,
    # 1 abandoned, 4 not started) and 20 by telephone (9 complete, 2 refused, 3
    # appointments, a wrong number, 5 unanswered calls, 1 interview cut short, 3 not started).
    status = run("round", "status", "-r", str(SAMPLE), cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "Response: 22 of 40 invited (55%)" in status.stdout
    # The counts wrap to the terminal's width: read as words.
    assert (
        "not started 7, appointment 3, in progress 3, complete 22, refused 2, abandoned 1, "
        "unreachable 2" in " ".join(status.stdout.split())
    )
    nxt = run("round", "next", "-n", "3", "-r", str(SAMPLE), cwd=tmp_path)
    assert re.findall(r"^(h\d\d) ", nxt.stdout, re.M) == ["h32", "h33", "h34"]
    report = run("round", "report", "--anonymise", "-r", str(SAMPLE), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "results across 22 respondents" in report.stdout
    assert "**Outstanding:** 18 invitees (names left out)." in report.stdout
    shot = snapshot(SAMPLE, datetime(2009, 12, 1, tzinfo=UTC))
    for s in shot.invitees:
        assert s.invitee.name not in report.stdout


@pytest.mark.e2e
def test_a_path_said_back_after_o_is_shown_never_obeyed(tmp_path: Path) -> None:
    # A file name can hold control characters: every command that says where it wrote
    # shows them as text, as the rest of what it prints.
    import shutil

    sample = tmp_path / "hertfordshire-2009"
    shutil.copytree(SAMPLE, sample)
    name = "a\x1b[31mred\x07.md"
    for args in (
        ("round", "report", "-r", str(sample), "-o", name),
        ("round", "plan", "-r", str(sample), "--no-compile", "-o", "plan-" + name),
        ("report", str(next(sample.glob("h01-*.toml"))), "-o", "one-" + name),
        (
            "report",
            "--compare",
            str(sample),
            str(SAMPLE.parent / "hertfordshire-2010"),
            "-o",
            "compare-" + name,
        ),
        ("schema", "-o", "schema-a\x1b[31m"),
    ):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        said = result.stderr + result.stdout
        assert "\x1b" not in said and "\x07" not in said, args
        assert "a\\x1b[31m" in said, args
    assert (tmp_path / name).exists() and (tmp_path / ("plan-" + name)).exists()
    # A file that cannot be written (a folder of that name) is said plainly, never a
    # traceback, before anything is compiled.
    (tmp_path / "taken").mkdir()
    failed = run("round", "report", "-r", str(sample), "-o", "taken", cwd=tmp_path)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert "error: -o taken is a folder: name the report's file" in failed.stderr
