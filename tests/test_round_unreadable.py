"""A transcript of an invitee damaged by hand: `round status` and the round screen say
"transcript unreadable" naming the file, never "unreachable"; `round report` lists it among
those that failed to load, as status counts it; no new conversation of theirs starts; and
interviews started or resumed are not call attempts toward `max_attempts`."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Label, Static

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.model import Invitee, Round
from bot.rounds.state import states
from bot.tui.screens.dialogs import MessageScreen
from tests.conftest import ROOT
from tests.round_helpers import open_round, sample_round, until

SAMPLE = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NOW = datetime(2009, 11, 20, 12, 0, tzinfo=UTC)
DAMAGED = "h21-ann-evans.toml"


def damage(folder: Path) -> Path:
    """Break one closing quote in h21's (complete) transcript, as a hand edit might, and
    log interviews resumed enough to pass max_attempts: its file."""
    path = folder / DAMAGED
    text = path.read_text(encoding="utf-8")
    assert 'status = "complete"' in text or "complete" in text
    path.write_text(text.replace('speaker = "respondent"', 'speaker = "respondent', 1))
    calls.append(
        folder,
        [
            CallEntry(
                at=NOW + timedelta(hours=n),
                invitee="h21",
                caller="Sam",
                outcome="interview_resumed",
            )
            for n in range(6)
        ],
    )
    return path


@pytest.fixture
def herts(tmp_path: Path) -> Path:
    """A copy of the sample round, the only round in the tests' transcripts folder."""
    folder = tmp_path / "transcripts" / "rounds" / "herts"
    shutil.copytree(SAMPLE, folder)
    return folder


def said(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    status = cli.main(list(words))
    out = capsys.readouterr()
    return status, out.out, out.err


def row(out: str, invitee: str) -> str:
    return next(line for line in out.splitlines() if line.split()[:1] == [invitee])


def test_status_says_transcript_unreadable_naming_the_file(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(herts)
    status, out, err = said(capsys, "round", "status")
    assert status == exit_codes.OK
    assert DAMAGED in err  # skipped, with why
    assert "transcript unreadable" in row(out, "h21")
    assert "unreachable" not in row(out, "h21")
    assert "transcript unreadable 1" in out
    flat = " ".join(out.split())  # the sentence is wrapped to the width
    assert f"h21: the transcript transcripts/rounds/herts/{DAMAGED} cannot be read" in flat
    assert f"partnership-bot validate transcripts/rounds/herts/{DAMAGED}" in flat


def test_report_lists_the_file_as_failed_to_load_as_status_counts_it(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(herts)
    status, out, _ = said(capsys, "round", "report")
    assert status == exit_codes.PROBLEMS  # written, with a transcript skipped
    assert "1 that failed to load" in out
    assert f"{DAMAGED}: is not valid TOML" in out
    assert "transcript unreadable 1" in out
    assert "unreachable part way" not in out


def test_no_new_conversation_starts_over_an_unreadable_transcript(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(herts)
    before = sorted(herts.glob("*.toml"))
    status, _, err = said(capsys, "round", "interview", "h21", "--caller", "Sam", "--plain")
    assert status == exit_codes.LOAD_ERROR
    assert f"the transcript transcripts/rounds/herts/{DAMAGED} cannot be read" in err
    assert sorted(herts.glob("*.toml")) == before


def test_interviews_taken_are_not_attempts_toward_max_attempts() -> None:
    who = Invitee(id="a", name="Ann", mode="telephone")
    round_ = Round(title="R", framework="hertfordshire-review", max_attempts=3, invitees=(who,))
    log = [
        CallEntry(at=NOW + timedelta(minutes=n), invitee="a", outcome=outcome)
        for n, outcome in enumerate(
            ["no_answer", "interview_started", "interview_resumed", "interview_resumed", "busy"]
        )
    ]
    [found] = states(round_, log, [], NOW + timedelta(hours=1))
    assert found.state == "not_started"  # two dialled calls of three
    [found] = states(
        round_,
        [*log, log[0].model_copy(update={"at": NOW + timedelta(minutes=9)})],
        [],
        NOW + timedelta(hours=1),
    )
    assert found.state == "unreachable"


async def test_the_round_screen_says_transcript_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    sample = sample_round(tmp_path, monkeypatch, "Sam")
    damage(sample.folder)
    app = sample.app(catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_round(app, pilot, "h21")
        found = next(s for s in screen.shot.invitees if s.invitee.id == "h21")
        assert found.state == "unreadable"
        table = screen.query_one("DataTable")
        cells = [str(c) for c in table.get_row("h21")]
        assert any("transcript unreadable" in c for c in cells), cells
        assert any(f"cannot read {DAMAGED}" in c for c in cells), cells
        before = sorted(sample.folder.glob("*.toml"))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, MessageScreen))
        title = str(app.screen.query_one(".dialog-title", Label).render())
        words = " ".join(str(app.screen.query_one(".dialog-text", Static).render()).split())
        assert title == "Transcript unreadable"
        assert f"{DAMAGED} cannot be read" in words
    assert sorted(sample.folder.glob("*.toml")) == before


def mistype(folder: Path) -> int:
    """Edit the first answer's value in h21's (complete) transcript to one that is no
    answer (``value = "agre"``), leaving it valid TOML that loads: its line."""
    path = folder / DAMAGED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.startswith("value = "))
    lines[number] = 'value = "agre"\n'
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_an_answer_edited_to_no_answer_is_unreadable_in_status_as_report_says(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = mistype(herts)
    status, out, err = said(capsys, "round", "status")
    assert status == exit_codes.OK
    assert "transcript unreadable" in row(out, "h21")
    assert f"skipped: transcripts/rounds/herts/{DAMAGED}:{line}: " in err
    assert "value 'agre' is not an answer to the question" in err
    status, out, err = said(capsys, "validate", f"transcripts/rounds/herts/{DAMAGED}")
    assert status == exit_codes.PROBLEMS
    assert f"{DAMAGED}:{line}: " in out + err
    status, out, err = said(capsys, "round", "report")
    assert status == exit_codes.PROBLEMS
    assert "1 that failed to load" in out and "transcript unreadable 1" in out


def test_report_says_a_skipped_transcript_once(
    herts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(herts)
    _, _, err = said(capsys, "round", "report")
    assert err.count("skipped:") == 1, err
    assert f"skipped: transcripts/rounds/herts/{DAMAGED}:" in err


def damage_header(folder: Path) -> None:
    """Break the closing quote of h22's (complete) respondent name, in the header."""
    path = folder / "h22-bob-hughes.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name = "Bob Hughes"', 'name = "Bob Hughes', 1), encoding="utf-8")


def damage_windows_file(folder: Path) -> None:
    """h22's transcript saved with Windows line ends, then damaged in a turn."""
    path = folder / "h22-bob-hughes.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('speaker = "respondent"', 'speaker = "respondent', 1)
    path.write_bytes(text.replace("\n", "\r\n").encode())


@pytest.mark.parametrize("damaging", [damage_header, damage_windows_file])
def test_damage_in_the_header_or_a_windows_file_is_transcript_unreadable(
    herts: Path, capsys: pytest.CaptureFixture[str], damaging: object
) -> None:
    """Never "in progress": not offered by round next, no second interview, and the
    report lists the file as failed to load and says what its rate counts."""
    damaging(herts)  # type: ignore[operator]
    _, out, _ = said(capsys, "round", "status")
    assert "transcript unreadable" in row(out, "h22")
    _, out, _ = said(capsys, "round", "next", "-n", "30", "--caller", "Sam")
    assert "h22" not in out.split()
    before = sorted(herts.glob("*.toml"))
    status, _, err = said(capsys, "round", "interview", "h22", "--caller", "Sam", "--plain")
    assert status == exit_codes.LOAD_ERROR
    assert "h22-bob-hughes.toml cannot be read" in err
    assert sorted(herts.glob("*.toml")) == before
    _, out, _ = said(capsys, "round", "report")
    assert "1 that failed to load" in out
    assert "h22-bob-hughes.toml" in out
    assert "not counted: 1 whose transcript is unreadable" in out


def test_a_damaged_transcript_naming_no_invitee_is_listed_as_failed_to_load(
    herts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = herts / "h22-bob-hughes.toml"
    text = path.read_text(encoding="utf-8").replace('invitee = "h22"\n', 'invitee = "h22\n', 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = said(capsys, "round", "status")
    assert "1 transcript(s) unreadable, naming no invitee of the round" in out
    assert all(len(line) <= 60 for line in out.splitlines()), out
    _, out, _ = said(capsys, "round", "report")
    assert "1 that failed to load" in out
    assert "h22-bob-hughes.toml" in out


def test_the_unreadable_sentence_in_round_status_fits_the_width(
    herts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    damage(herts)
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = said(capsys, "round", "status")
    assert "h21: the transcript" in out
    assert all(len(line) <= 60 for line in out.splitlines()), [
        line for line in out.splitlines() if len(line) > 60
    ]
