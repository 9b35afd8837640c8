"""`-o .` (or `..`, or a path through ".."), where a command writes one file: the refusal
names the folder it is, not only the dot typed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"
PTP = ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"


@pytest.mark.parametrize(
    "command",
    [
        ("round", "report", "-r", "{round}"),
        ("round", "plan", "-r", "{round}", "--no-compile"),
        ("report", str(PTP)),
    ],
)
@pytest.mark.parametrize("typed", [".", "./", "..", "../papers"])
def test_a_dot_for_the_output_folder_is_named_as_the_folder_it_is(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: tuple[str, ...],
    typed: str,
) -> None:
    rounds = tmp_path / "rounds"
    shutil.copytree(ROUNDS / "hertfordshire-2009", rounds / "herts")
    papers = tmp_path / "papers"
    papers.mkdir()
    monkeypatch.chdir(papers)
    args = [part.format(round=rounds / "herts") for part in command]
    status = cli.main([*args, "-o", typed])
    err = capsys.readouterr().err
    assert status == exit_codes.USAGE, err
    meant = (papers / typed).resolve()
    assert f"(the folder {meant})" in err, err
    assert f"-o {typed.rstrip('/') or '.'} " in err, err
