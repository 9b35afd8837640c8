"""Turn times that go back: no call length is made from them, and a note says where."""

from __future__ import annotations

import io
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import cli, conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.model import transcript as model
from bot.model.transcript import Turn, call_seconds
from tests.conftest import ROOT

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
INTERVIEW = ROOT / "transcripts" / "examples" / "hertfordshire-interview.toml"
RESUMED = "seq = 22\nat = 2009-01-14 15:13:42+00:00"
"""The sample's call_resume turn (in a save before the last, so it may be edited)."""


def turn(seq: int, minute: float, kind: str, speaker: str = "interviewer") -> Turn:
    return Turn(seq=seq, at=T0 + timedelta(minutes=minute), speaker=speaker, kind=kind)  # type: ignore[arg-type]


def call(resumed_at: float, paused_at: float = 6) -> list[Turn]:
    return [
        turn(1, 0, "call_start"),
        turn(2, 1, "answer", "respondent"),
        turn(3, 2, "call_pause"),
        turn(4, resumed_at, "call_resume"),
        turn(5, 5, "answer", "respondent"),
        turn(6, paused_at, "call_pause"),
    ]


def test_in_order_every_stretch_counts() -> None:
    assert model.out_of_order(call(4)) == []
    assert call_seconds(call(4)) == 4 * 60


def test_a_resumption_put_back_two_hours_is_left_out_not_counted() -> None:
    turns = call(4 - 120)
    assert model.out_of_order(turns) == [3]
    assert call_seconds(turns) == 2 * 60  # the first stretch only, never 2 h 4 min


def test_a_pause_put_on_is_left_out() -> None:
    turns = [*call(4)[:5], turn(6, 6, "call_pause"), turn(7, 8, "answer", "respondent")]
    turns[5] = turn(6, 600, "call_pause")
    assert model.out_of_order(turns) == [5]
    assert call_seconds(turns) == 2 * 60


def test_a_time_out_of_order_inside_a_stretch_does_not_change_it() -> None:
    turns = call(4)
    turns[4] = turn(5, -300, "answer", "respondent")
    assert model.out_of_order(turns) == [4]
    assert call_seconds(turns) == 4 * 60


@pytest.fixture
def put_back(tmp_path: Path) -> Path:
    """The interview sample with its call_resume put back two hours."""
    path = tmp_path / "t" / "call.toml"
    path.parent.mkdir()
    text = INTERVIEW.read_text(encoding="utf-8")
    assert text.count(RESUMED) == 1
    path.write_text(
        text.replace(RESUMED, "seq = 22\nat = 2009-01-14 13:13:42+00:00"), encoding="utf-8"
    )
    return path


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_the_report_makes_no_figure_from_it_and_says_where(
    put_back: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.md"
    shutil.copy(INTERVIEW, tmp_path / "clean.toml")
    cli.main(["report", "clean.toml", "--format", "md", "-o", str(clean)])
    assert "**Call length:** 29 min 22 s" in clean.read_text(encoding="utf-8")
    capsys.readouterr()
    status = cli.main(["report", str(put_back), "--format", "md", "-o", "out.md"])
    err = capsys.readouterr().err
    report = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert status == exit_codes.OK
    assert " h " not in report.split("**Call length:**")[1].split("\n")[0]
    # The stretch from the resumption to the end is left out; the one before is kept.
    assert "**Call length:** 4 min 22 s (pauses excluded)" in report
    line = line_of(put_back, "at = 2009-01-14 13:13:42+00:00")
    said = (
        f"t/call.toml:{line}: turn 22 (call_resume) is timed 2009-01-14 13:13:42+00:00, out "
        "of order with turn 21 at 2009-01-14 15:07:04+00:00 and turn 23 at 2009-01-14 "
        "15:14:51+00:00"
    )
    assert f"note: {said}" in err
    assert "The call length leaves out the stretch of the call from turn 22 to turn" in err
    assert said.replace("_", "\\_") in report


def test_an_aggregate_and_a_resume_say_it_too(
    put_back: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.main(["report", "t", "--aggregate", "--include-unfinished", "-o", "agg.md"])
    assert "turn 22 (call\\_resume) is timed" in Path("agg.md").read_text(encoding="utf-8")
    loaded = store.load(put_back)
    assert len(loaded.time_notes) == 1 and loaded.time_notes[0].startswith("t/call.toml:")
    talk = conversation.resume(Catalogue(), put_back)
    talk.close()
    assert any("turn 22 (call_resume) is timed" in w for w in talk.warnings)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    capsys.readouterr()
    cli.main(["replay", "--plain", str(put_back)])
    assert "note: t/call.toml:" in capsys.readouterr().err
