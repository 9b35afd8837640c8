"""A round command with several rounds and no `-r` is a usage error naming them, with the
command as it would run; and every round command the report and comparison commands
suggest is spelt by the one rule (bot/rounds/commands.py), so it runs as printed."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.rounds.commands import round_command
from tests.conftest import ROOT

ROUNDS = ROOT / "transcripts" / "rounds"


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """The tests' transcripts folder holding the two sample rounds: its rounds/ folder."""
    rounds = tmp_path / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, rounds / name)
    return rounds


def said(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """A command's exit status, standard output and standard error."""
    status = cli.main(list(words))
    out = capsys.readouterr()
    return status, out.out, out.err


TYPED: list[tuple[str, ...]] = [
    ("round", "import", "my invitees.csv"),
    ("round", "status", "--state", "complete", "--caller", "Sam"),
    ("round", "next", "-n", "3", "--claim", "--caller", "Sam Okafor"),
    ("round", "call", "h32", "call-back", "--at", "tomorrow 14:00", "--note", "in a meeting"),
    ("round", "call", "h32", "no-answer", "--force", "--note=it's 'busy'", "--caller", "Sam"),
    ("round", "call", "--", "h32", "no-answer"),
    ("round", "chase", "--sent", "h17,h18", "--caller", "Sam"),
    ("round", "chase", "--sent"),
    ("round", "report", "--format", "html", "-o", "round report.html", "--anonymise"),
    ("round", "plan", "--agree", "7.1,2.1"),
    ("round", "plan", "--set", "7.1", "--status", "in progress", "--owner", "LSP Exec"),
    ("round", "assess", "h17", "--plain", "--again"),
    ("round", "self", "h17", "--plain"),
    ("round", "interview", "h32", "--plain", "--caller", "Sam"),
    ("round", "phone", "h32", "--plain"),
    ("--transcripts", "transcripts", "round", "status"),
]
"""Round commands as typed with no -r, every option each takes among them."""


def _suggested(err: str) -> list[str]:
    """The command a refusal suggests, as a shell reads it."""
    example = re.search(r"such as: (partnership-bot .*)$", err.strip())
    assert example, err
    return shlex.split(example.group(1))


def _read(words: list[str] | tuple[str, ...]) -> dict[str, object]:
    """What the command line means, as the product reads it, but for the round chosen."""
    from bot.cli_options import parse

    meant = vars(parse(cli.build_parser(), list(words)))
    return {k: v for k, v in meant.items() if k not in ("round", "typed_words")}


@pytest.mark.parametrize("words", TYPED, ids=" ".join)
def test_several_rounds_and_no_choice_is_a_usage_error_naming_them(
    two: Path, capsys: pytest.CaptureFixture[str], words: tuple[str, ...]
) -> None:
    status, out, err = said(capsys, *words)
    assert status == exit_codes.USAGE, err
    assert not out
    assert "hertfordshire-2009" in err and "hertfordshire-2010" in err
    # The example is the whole command as typed, with -r added: it runs as printed.
    typed = _suggested(err)
    where = words.index("--") if "--" in words else len(words)
    chosen = ["-r", "hertfordshire-2009"]
    assert typed == ["partnership-bot", *words[:where], *chosen, *words[where:]]
    assert _read(typed[1:]) == _read(words)


def test_every_round_command_that_suggests_itself_again_is_tried() -> None:
    parser = cli.build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    [actions] = [
        a for a in commands.choices["round"]._actions if isinstance(a, argparse._SubParsersAction)
    ]
    # All but those that name no round to work on (they make or compare rounds).
    suggesting = set(actions.choices) - {"new", "compare"}
    tried = {w[w.index("round") + 1] for w in TYPED}
    assert suggesting <= tried


def test_no_round_at_all_is_still_said_with_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = said(capsys, "round", "status")
    assert status == exit_codes.LOAD_ERROR
    assert "round new NAME" in err


def test_the_comparison_names_the_later_round_as_round_commands_do(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = two / "hertfordshire-2010"
    (later / "plan.toml").unlink()
    status, _, err = said(capsys, "round", "compare", "hertfordshire-2009", "hertfordshire-2010")
    assert status == exit_codes.OK, err
    assert f"`{round_command('plan', folder=later)}`" in err
    assert "`partnership-bot round plan -r hertfordshire-2010`" in err


def test_a_report_of_a_round_folder_suggests_the_round_report_as_it_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rounds = tmp_path / "transcripts" / "rounds"
    shutil.copytree(ROUNDS / "hertfordshire-2009", rounds / "herts")
    for name in (p.name for p in (rounds / "herts").glob("*.toml")):
        if name != "round.toml":
            (rounds / "herts" / name).unlink()
    status, _, err = said(capsys, "report", "transcripts/rounds/herts/round.toml")
    assert status == exit_codes.LOAD_ERROR, err
    # The only round there: found without -r, as the one rule says.
    assert "(a round's own report: partnership-bot round report)" in err, err


@pytest.mark.e2e
def test_the_suggested_command_pasted_into_a_shell_does_what_was_typed(
    two: Path, tmp_path: Path
) -> None:
    import os
    import subprocess

    from tests.plain_driver import command, run

    typed = shlex.split("round call h32 call-back --at 'tomorrow 14:00' --note 'in a meeting'")
    result = run(*typed, "--caller", "Sam O'Neill", cwd=tmp_path)
    assert result.returncode == exit_codes.USAGE, result.stderr
    suggested = re.search(r"such as: (partnership-bot .*)$", result.stderr.strip())
    assert suggested, result.stderr
    path = f"{Path(command()).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    pasted = subprocess.run(
        ["sh", "-c", suggested.group(1)],
        cwd=tmp_path,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert pasted.returncode == exit_codes.OK, pasted.stderr
    last = (two / "hertfordshire-2009" / "calls.jsonl").read_text().splitlines()[-1]
    assert '"invitee": "h32"' in last and '"caller": "Sam O\'Neill"' in last
    assert '"outcome": "call_back"' in last and '"note": "in a meeting"' in last


def test_a_round_named_with_a_control_character_is_shown_escaped_never_obeyed(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A round folder whose name holds an escape sequence, first of the three.
    red = two / "a\x1b[31mred"
    shutil.copytree(two / "hertfordshire-2009", red)
    status, out, err = said(capsys, "round", "status")
    assert status == exit_codes.USAGE, err
    assert "\x1b" not in out + err
    assert "such as: partnership-bot round status -r 'a\\x1b[31mred'" in err, err
    # Every command suggested for that round alike; a printable name is as pasted.
    assert round_command("status", folder=red) == "partnership-bot round status -r 'a\\x1b[31mred'"
    later = two / "hertfordshire-2010"
    assert (
        round_command("status", folder=later)
        == "partnership-bot round status -r hertfordshire-2010"
    )
