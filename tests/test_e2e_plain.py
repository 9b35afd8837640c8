"""End to end: the installed command in a subprocess, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import store
from tests.conftest import DATA
from tests.plain_driver import Driver, reply_to, run

pytestmark = pytest.mark.e2e


def test_complete_working_better_together_with_piped_answers(tmp_path: Path) -> None:
    driver = Driver(
        "assess",
        "--plain",
        "-f",
        "working-better-together",
        "--respondent",
        "Ann Example",
        cwd=tmp_path,
    )
    screen = driver.read_prompt()
    assert "1.1 (1 of 37). How well does the sustainable community strategy (SCS) reflect" in screen
    for _ in range(200):
        driver.send(reply_to(screen))
        screen = driver.read_prompt()
        if "Transcript saved" in screen or driver.process.poll() is not None:
            break
    assert driver.finish() == 0
    assert "Transcript saved:" in driver.output
    transcript = store.load(tmp_path / driver.transcript()).transcript
    assert transcript.status == "complete"
    answered = {t.question for t in transcript.turns if t.kind == "answer"}
    assert len(answered) == 37
    assert transcript.respondent.name == "Ann Example"


def test_cut_off_by_end_of_input_resumes_at_the_right_question(tmp_path: Path) -> None:
    args = ["-f", str(DATA / "mini.toml"), "-d", str(DATA / "mini-chat.toml")]
    first = run(
        "assess",
        "--plain",
        *args,
        "--name",
        "Bo Example",
        stdin="3 - minutes of the June 2009 board\n",
        cwd=tmp_path,
    )
    assert first.returncode == 5, first.stderr
    assert "Input ended before the last question. Everything answered is saved." in first.stdout
    path = tmp_path / next(
        line.split(": ", 1)[1]
        for line in first.stdout.splitlines()
        if line.startswith("Transcript: ")
    )
    # Exactly as printed: the copies kept beside the transcript stand in for the files.
    printed = first.stdout.rsplit("Resume with: ", 1)[1].split()
    assert printed == ["partnership-bot", "resume", str(path.relative_to(tmp_path)), "--plain"]
    second = run(*printed[1:], stdin="p\n13\n3\n", cwd=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Resuming where you left off." in second.stdout
    resumed_at = second.stdout.split("Resuming where you left off.", 1)[1]
    assert [line for line in resumed_at.splitlines() if line][:2] == [
        "Area 1 of 2: Area one",
        "a2 (2 of up to 5). Do you have a protocol?",
    ]
    transcript = store.load(path).transcript
    assert transcript.status == "complete"
    assert transcript.respondent.name == "Bo Example"
    assert [t.question for t in transcript.turns if t.kind == "answer"] == ["a1", "a2", "b1", "b2"]


def test_quit_saves_and_says_how_to_resume(tmp_path: Path) -> None:
    result = run(
        "assess", "--plain", "-f", "working-better-together", stdin="3\n:quit\n", cwd=tmp_path
    )
    assert result.returncode == 0
    assert "Resume with: partnership-bot resume transcripts/" in result.stdout


def test_commands_help_skip_note_and_unknown(tmp_path: Path) -> None:
    args = ["-f", str(DATA / "mini.toml"), "-d", str(DATA / "mini-chat.toml")]
    result = run(
        "assess",
        "--plain",
        *args,
        stdin=":help\n:skp\n:note [bold]hi[/]\n:skip\n:repeat\n:quit\n",
        cwd=tmp_path,
    )
    assert ":back" in result.stdout and ":abandon" in result.stdout
    assert 'Unknown command :skp; did you mean ":skip"? Type :help for the list.' in result.stdout
    assert "Note saved." in result.stdout
    assert (
        result.stdout.count("a2 (2 of up to 5). Do you have a protocol?") == 2
    )  # asked, then repeated
    assert "\x1b" not in result.stdout, "no colour when stdout is not a terminal"


def test_validate_frameworks_and_schema(tmp_path: Path) -> None:
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK: ")
    listing = run("frameworks", cwd=tmp_path)
    assert "working-better-together" in listing.stdout
    schema = run("schema", "-o", "out", cwd=tmp_path)
    assert schema.returncode == 0
    for name in ("framework", "dialogue", "transcript"):
        assert (
            json.loads((tmp_path / "out" / f"{name}.schema.json").read_text())["type"] == "object"
        )


def test_broken_framework_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text((DATA / "mini.toml").read_text().replace('scale = "ypn"', 'scale = "ypm"'))
    result = run("assess", "--plain", "-f", str(broken), cwd=tmp_path, stdin="")
    assert result.returncode == 3
    assert (
        'error: broken.toml:48: areas[0].questions[1].scale: unknown scale "ypm"' in result.stderr
    )
    assert "Traceback" not in result.stderr
    result = run("validate", str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["assess", "-f", "working-beter-together", "--plain"],
            'no framework "working-beter-together"; did you mean "working-better-together"?',
        ),
        (["resume", "nowhere.toml", "--plain"], "nowhere.toml: no such transcript"),
        (["report", "--format", "pdf", "x.toml"], "invalid choice: 'pdf'"),
        (["interview", "--plain"], "who is calling? Give --caller NAME"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_command_lines(
    tmp_path: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARTNERSHIP_BOT_CALLER", raising=False)
    result = run(*args, cwd=tmp_path, stdin="")
    assert result.returncode in (2, 3)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_transcript_open_elsewhere_is_refused(tmp_path: Path) -> None:
    driver = Driver(
        "assess",
        "--plain",
        "-f",
        str(DATA / "mini.toml"),
        "-d",
        str(DATA / "mini-chat.toml"),
        cwd=tmp_path,
    )
    driver.read_prompt()
    path = tmp_path / driver.transcript()
    second = run("resume", str(path), "--plain", cwd=tmp_path)
    assert second.returncode == 4
    assert "is in use by process" in second.stderr
    driver.send(":quit")
    assert driver.finish() == 0


def test_hostile_answers_are_kept_literally(tmp_path: Path) -> None:
    args = ["-f", str(DATA / "mini.toml"), "-d", str(DATA / "mini-chat.toml")]
    hostile = '3 - [@click=app.quit]x[/] <script>alert(1)</script> {{ 7*7 }} =HYPERLINK("x")'
    result = run("assess", "--plain", *args, stdin=hostile + "\x1b[2J\n:quit\n", cwd=tmp_path)
    assert result.returncode == 0
    path = tmp_path / next(
        line.split(": ", 1)[1]
        for line in result.stdout.splitlines()
        if line.startswith("Transcript: ")
    )
    answer = next(t for t in store.load(path).transcript.turns if t.kind == "answer")
    assert (
        answer.comment
        == '[@click=app.quit]x[/] <script>alert(1)</script> {{ 7*7 }} =HYPERLINK("x")'
    )
    replay = run("replay", str(path), "--plain", cwd=tmp_path)
    assert "[@click=app.quit]x[/]" in replay.stdout and "\x1b" not in replay.stdout


def test_python_dash_m_bot_runs_the_same_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bot", "frameworks"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "hertfordshire-review" in result.stdout


def test_the_app_without_a_terminal_points_to_plain_mode(tmp_path: Path) -> None:
    result = run("assess", "-f", "working-better-together", cwd=tmp_path, stdin="")
    assert result.returncode == 2
    assert "the app needs a terminal; for pipes and scripts add --plain" in result.stderr
    assert not (tmp_path / "transcripts").exists(), "nothing is started"


def test_an_interrupt_says_what_is_kept_and_how_to_carry_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import cli, exit_codes

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_dispatch", interrupted)
    assert cli.main(["frameworks"]) == exit_codes.INTERRUPTED
    said = capsys.readouterr().err
    assert "Everything answered is saved; words typed and not sent are not." in said
    assert "Run partnership-bot again to carry on" in said
