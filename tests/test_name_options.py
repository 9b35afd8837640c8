"""Names on the command line: a name given blank is refused, saying which option and what
to do; the plain `interview` takes its interviewer by the caller rule of a round."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds import caller

QUIT = ":quit\n"


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch) -> None:
    """No caller in the environment and none remembered."""
    monkeypatch.delenv(caller.VARIABLE, raising=False)


def converse(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    """Run a plain-mode conversation command with `:quit` piped in."""
    monkeypatch.setattr("sys.stdin", io.StringIO(QUIT))
    try:
        status = cli.main(list(args))
    except SystemExit as stopped:
        status = int(stopped.code or 0)
    return status, capsys.readouterr().err


def transcripts(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "transcripts").glob("*.toml"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--respondent", ""], 'argument --respondent/--name: "" is blank: give the respondent'),
        (["--respondent", "   "], '"   " is blank: give the respondent\'s name, or leave'),
        (["--name", "\t"], "argument --respondent/--name:"),
        (["--organisation", " "], 'argument --organisation: " " is blank: give their organisation'),
        (["--role", ""], "argument --role:"),
        (["--sector", ""], "argument --sector:"),
        (["--partnership", " "], "argument --partnership:"),
    ],
)
@pytest.mark.parametrize("command", ["assess", "interview"])
def test_a_blank_name_is_refused_and_nothing_is_made(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.setenv(caller.VARIABLE, "Olga Officer")
    status, err = converse(monkeypatch, capsys, command, "--plain", *args)
    assert status == exit_codes.USAGE
    assert message in err and "Traceback" not in err
    assert transcripts(tmp_path) == []


def test_names_left_out_are_allowed_and_names_given_are_trimmed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _ = converse(monkeypatch, capsys, "assess", "--plain", "-f", "ptp-success-criteria")
    assert status == exit_codes.OK
    status, _ = converse(
        monkeypatch, capsys, "assess", "--plain", "--respondent", "  Ann Smith ", "--role", "Chair"
    )
    assert status == exit_codes.OK
    texts = [p.read_text(encoding="utf-8") for p in transcripts(tmp_path)]
    assert any('name = "Ann Smith"' in t and 'role = "Chair"' in t for t in texts)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["round", "new", " ", "--title", "T", "-f", "hallmarks"], 'argument NAME: " " is blank'),
        (["round", "new", "r", "--title", "", "-f", "hallmarks"], 'argument --title: "" is blank'),
        (["round", "new", "r", "--title", "T", "-f", "hallmarks", "--partnership", " "], "blank"),
        (["round", "next", "--caller", " "], 'argument --caller: " " is blank: give your name'),
        (["round", "call", "i001", "busy", "--caller", ""], "argument --caller:"),
        (["round", "status", "--caller", "42"], '"42" is not a name (a name has letters in it)'),
    ],
)
def test_blank_names_in_a_round_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(args)
    assert stopped.value.code == exit_codes.USAGE
    assert message in capsys.readouterr().err
    assert not (tmp_path / "transcripts" / "rounds").exists()


def test_a_plain_interview_without_a_caller_is_refused_when_piped(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    nobody: None,
) -> None:
    status, err = converse(monkeypatch, capsys, "interview", "--plain", "--respondent", "Ann")
    assert status == exit_codes.USAGE
    assert "who is calling? Give --caller NAME or set $PARTNERSHIP_BOT_CALLER" in err
    assert transcripts(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "environment", "remembered", "expected"),
    [
        (["--caller", "Cal Given"], "Env Name", "Rem Name", "Cal Given"),
        (["--interviewer", "Ivy Given"], "Env Name", "", "Ivy Given"),  # the older name
        ([], "Env Name", "Rem Name", "Env Name"),
        ([], None, "Rem Name", "Rem Name"),
    ],
)
def test_a_plain_interview_takes_its_interviewer_by_the_caller_rule(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    nobody: None,
    args: list[str],
    environment: str | None,
    remembered: str,
    expected: str,
) -> None:
    if environment:
        monkeypatch.setenv(caller.VARIABLE, environment)
    if remembered:
        caller.remember(remembered)
    status, err = converse(
        monkeypatch, capsys, "interview", "--plain", "--respondent", "Ann", *args
    )
    assert status == exit_codes.OK, err
    [transcript] = transcripts(tmp_path)
    assert f'[interviewer]\nname = "{expected}"' in transcript.read_text(encoding="utf-8")


async def test_the_apps_new_interview_takes_its_interviewer_by_the_caller_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nobody: None
) -> None:
    from textual.widgets import Input, Static

    from bot.catalogue import Catalogue
    from bot.tui.screens.interview import InterviewScreen
    from bot.tui.screens.start import StartScreen
    from tests.tui_helpers import make_app

    catalogue = Catalogue()
    folder = tmp_path / "transcripts"
    # None known: typed in the form, checked as the command line checks it, remembered.
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(StartScreen(catalogue, folder, telephone=True))
        await pilot.pause()
        box = app.screen.query_one("#interviewer", Input)
        assert box.value == ""
        box.value = "42"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "A name has letters in it." in str(
            app.screen.query_one("#start-error", Static).render()
        )
        box.value = "Tess Officer"
        app.screen.query_one("#name", Input).value = "Ann"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.conversation.header.interviewer.name == "Tess Officer"
    assert caller.known_caller() == "Tess Officer"
    # Known (here from the environment): the form starts with it.
    monkeypatch.setenv(caller.VARIABLE, "Env Officer")
    app = make_app(catalogue, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(StartScreen(catalogue, folder, telephone=True))
        await pilot.pause()
        assert app.screen.query_one("#interviewer", Input).value == "Env Officer"
