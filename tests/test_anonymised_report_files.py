"""Reports of several transcripts written to a folder with --anonymise are named without
the respondents: a file name is as much output as the report in it."""

from __future__ import annotations

from pathlib import Path

from tests.plain_driver import run as command


def test_anonymised_reports_in_a_folder_name_no_respondent(tmp_path: Path) -> None:
    for name in ("Ann Archer", "Bob Doyle"):
        args = ("--transcripts", "t", "assess", "--plain", "-f", "working-better-together")
        done = command(*args, "--respondent", name, stdin="3\n:quit\n", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    made = command("report", "t", "--anonymise", "-o", "papers", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    written = sorted(p.name for p in (tmp_path / "papers").iterdir())
    assert len(written) == 2, written
    assert not any(word in name for name in written for word in ("ann", "archer", "bob", "doyle"))
    assert all("-respondent-" in name for name in written), written
    plain = command("report", "t", "-o", "named", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert any("ann-archer" in p.name for p in (tmp_path / "named").iterdir())
