"""`round next` shows who to ring with only what the round has of them: an invitee
imported without a role or an organisation has no stray comma or empty brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from bot.rounds import caller


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        ("Claim 1,telephone,,", "i001  Claim 1\n"),
        ("Claim 1,telephone,Chair,", "i001  Claim 1, Chair\n"),
        ("Claim 1,telephone,,Herts CC", "i001  Claim 1 (Herts CC)\n"),
        ("Claim 1,telephone,Chair,Herts CC", "i001  Claim 1, Chair (Herts CC)\n"),
    ],
)
def test_only_what_is_given_is_shown(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    row: str,
    shown: str,
) -> None:
    monkeypatch.delenv(caller.VARIABLE, raising=False)
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "hertfordshire-review"]) == 0
    (tmp_path / "in.csv").write_text(f"name,mode,role,organisation\n{row}\n")
    assert cli.main(["round", "import", "in.csv"]) == 0
    capsys.readouterr()
    assert cli.main(["round", "next", "--claim", "--caller", "Sam"]) == 0
    assert shown in capsys.readouterr().out
