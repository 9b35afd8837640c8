"""Plain mode's "Resume with:" names the transcript quoted for a shell, so that the
command runs as printed when the folder's name holds a space."""

from __future__ import annotations

import io
import shlex
from pathlib import Path

import pytest

from bot import cli


def test_the_resume_hint_runs_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("3\n:quit\n"))
    args = ["--transcripts", "my transcripts", "assess", "--plain"]
    args += ["-f", "working-better-together", "--respondent", "A"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    hint = next(line for line in out.splitlines() if line.startswith("Resume with: "))
    words = shlex.split(hint.removeprefix("Resume with: "))
    assert words[:2] == ["partnership-bot", "resume"]
    assert words[3:] == ["--plain"]
    assert Path(words[2]).is_file()
    assert Path(words[2]).parent == Path("my transcripts")
    # Pasted as printed, it carries on.
    monkeypatch.setattr("sys.stdin", io.StringIO(":quit\n"))
    assert cli.main(words[1:]) == 0
