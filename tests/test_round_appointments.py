"""A call-back booked for someone part-way through an interview, end to end with the
installed command: `round next` keeps it until its time, `round status` shows the time."""

from __future__ import annotations

import os
from pathlib import Path

from tests.plain_driver import run

INVITEES = "name,organisation,role,sector,mode,contact\n" + (
    "Ann,Org,Councillor,public,telephone,0101\nBob,Org2,Police,public,telephone,0202\n"
)


def env_for(tmp_path: Path) -> dict[str, str]:
    return os.environ | {
        "PARTNERSHIP_BOT_TRANSCRIPTS": str(tmp_path / "t"),
        "PARTNERSHIP_BOT_CACHE": str(tmp_path / "c"),
        "PARTNERSHIP_BOT_DATA": str(tmp_path / "d"),
        "HOME": str(tmp_path),
        "PARTNERSHIP_BOT_CALLER": "Sam Jones",
        "COLUMNS": "200",  # round status with room for every column's full wording
    }


def test_a_call_back_for_someone_part_way_holds_until_its_time(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    (tmp_path / "inv.csv").write_text(INVITEES, encoding="utf-8")

    def pb(*args: str, stdin: str = "") -> str:
        done = run(*args, stdin=stdin, cwd=tmp_path, env=env)
        assert "Traceback" not in done.stderr
        return done.stdout

    pb("round", "new", "t2", "--title", "T2", "-f", "hertfordshire-review")
    pb("round", "import", "inv.csv")
    pb("round", "interview", "i001", "--plain", stdin="2\n")
    booked = pb("round", "call", "i001", "call-back", "--at", "tomorrow 14:00")
    time = booked.split(" at ", 1)[1].split(".")[0]  # such as "02 Dec 14:00"
    assert "i002" in pb("round", "next", "--claim")
    assert "i001" not in pb("round", "next", "-n", "5")
    [line] = [x for x in pb("round", "status").splitlines() if x.strip().startswith("i001")]
    assert f"in progress, call back {time}" in line
