"""`-o` never writes over a file the command reads, a transcript or a round's own file:
each command that writes a file the user named refuses (exit status 2) before it
writes anything, naming the file and what it is, and suggesting a name beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import exit_codes
from bot.kept_files import kept_file
from tests.conftest import ROOT
from tests.plain_driver import run

EXAMPLES = ROOT / "transcripts" / "examples"
ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """Two transcripts (with their framework copies) and the two sample rounds."""
    folder = tmp_path / "ow"
    folder.mkdir()
    shutil.copytree(EXAMPLES / ".frameworks", folder / ".frameworks")
    shutil.copy(EXAMPLES / "ptp-success-criteria.toml", folder / "t.toml")
    shutil.copy(EXAMPLES / "fareham-working-better-together.toml", folder / "b.toml")
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, tmp_path / "rounds" / name)
    (tmp_path / "ow" / "link.md").symlink_to("t.toml")
    return tmp_path


OLD = "rounds/hertfordshire-2009"
NEW = "rounds/hertfordshire-2010"


@pytest.mark.parametrize(
    ("args", "kept", "what", "suggested"),
    [
        (("report", "ow/t.toml"), "ow/t.toml", "a transcript this command reads", "ow/t.md"),
        (
            ("report", "ow/t.toml"),
            "ow/link.md",
            "(a link to ow/t.toml) is a transcript this command reads",
            "ow/t.md",
        ),
        (("report", "ow/t.toml"), "ow/b.toml", "a transcript", "ow/b.md"),
        (
            ("report", "ow", "--aggregate", "--include-unfinished"),
            "ow/b.toml",
            "a transcript this command reads",
            "ow/b.md",
        ),
        (
            ("round", "plan", "-r", OLD),
            f"{OLD}/round.toml",
            "a round's description (round.toml)",
            f"{OLD}/round.md",
        ),
        (("round", "report", "-r", OLD), f"{OLD}/calls.jsonl", "a round's call log", ""),
        (
            ("round", "compare", OLD, NEW),
            f"{NEW}/plan.toml",
            "a round's action plan (plan.toml)",
            "",
        ),
        (("report", "--compare", OLD, NEW), f"{OLD}/h01-ann-archer.toml", "a transcript", ""),
    ],
)
def test_o_naming_a_kept_file_is_refused_and_leaves_it(
    work: Path, args: tuple[str, ...], kept: str, what: str, suggested: str
) -> None:
    before = (work / kept).read_bytes()
    done = run(*args, "-o", kept, cwd=work)
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert f"error: -o {kept} " in done.stderr and what in done.stderr
    assert f"such as {suggested}" in done.stderr
    assert (work / kept).read_bytes() == before
    assert done.stdout == ""


def test_a_kept_file_is_known_by_what_it_holds_not_its_name(work: Path) -> None:
    renamed = work / "answers.md"
    shutil.copy(work / "ow" / "t.toml", renamed)
    assert kept_file(renamed) == "a transcript"
    calls = work / "log.txt"
    shutil.copy(work / OLD / "calls.jsonl", calls)
    assert kept_file(calls) == "a round's call log"
    framework = work / "fw.md"
    shutil.copy(ROOT / "frameworks" / "hallmarks.toml", framework)
    assert kept_file(framework) == "a framework"
    dialogue = work / "dl.md"
    shutil.copy(ROOT / "dialogues" / "hallmarks-self.toml", dialogue)
    assert kept_file(dialogue) == "a dialogue"
    report = work / "report.md"
    report.write_text("# A report\n")
    assert kept_file(report) == ""
    assert kept_file(work / "missing.md") == ""


def test_a_report_still_replaces_an_earlier_report(work: Path) -> None:
    (work / "ow" / "t.md").write_text("# last year's report\n")
    done = run("report", "ow/t.toml", "-o", "ow/t.md", cwd=work)
    assert done.returncode in (exit_codes.OK, exit_codes.PROBLEMS), done.stderr
    assert "last year" not in (work / "ow" / "t.md").read_text()


def test_several_reports_into_a_folder_never_write_over_a_transcript(work: Path) -> None:
    # The report of t.toml would be out/t.md, a transcript kept under that name.
    out = work / "out"
    out.mkdir()
    shutil.copy(work / "ow" / "t.toml", out / "t.md")  # a transcript someone named .md
    before = (out / "t.md").read_bytes()
    done = run("report", "ow/t.toml", "ow/b.toml", "-o", "out", cwd=work)
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert "error: -o out/t.md is a transcript" in done.stderr
    assert (out / "t.md").read_bytes() == before


def test_a_template_the_report_reads_is_not_written_over(work: Path) -> None:
    templates = work / "mine"
    templates.mkdir()
    template = templates / "report.md.j2"
    template.write_text("# {{ title }}\n")
    done = run("report", "ow/t.toml", "--templates", "mine", "-o", "mine/report.md.j2", cwd=work)
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert "error: -o mine/report.md.j2 is a file this command reads" in done.stderr
    assert template.read_text() == "# {{ title }}\n"


def test_schema_never_writes_over_a_kept_file(work: Path) -> None:
    folder = work / "schemas"
    folder.mkdir()
    shutil.copy(work / "ow" / "t.toml", folder / "transcript.schema.json")
    before = (folder / "transcript.schema.json").read_bytes()
    done = run("schema", "-o", "schemas", cwd=work)
    assert done.returncode == exit_codes.USAGE, done.stderr
    assert "error: schemas/transcript.schema.json is a transcript: it is never written over" in (
        done.stderr
    )
    assert (folder / "transcript.schema.json").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["transcript.schema.json"]
