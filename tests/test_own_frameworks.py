"""Frameworks of the user's own: where they are found, add and remove, validating files
given together, and every command using the copy kept beside the transcripts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.catalogue import INSTALLED, USER, Catalogue, user_folder
from bot.validate import validate
from tests.conftest import DATA


def own_files(folder: Path) -> tuple[Path, Path]:
    """The mini framework (its first question numbered) and its dialogue, under names
    that are not their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    framework, dialogue = folder / "fw.toml", folder / "chat.toml"
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    framework.write_text(text.replace('id = "a1"\n', 'id = "a1"\nnumber = "1.1"\n'))
    shutil.copy(DATA / "mini-chat.toml", dialogue)
    return framework, dialogue


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- where frameworks are found ------------------------------------------------------------


def test_search_order_is_command_line_variable_user_folder_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given, listed = tmp_path / "given", tmp_path / "listed"
    for folder in (given, listed):
        own_files(folder)
        (folder / "fw.toml").rename(folder / "mini.toml")
    monkeypatch.setenv("PARTNERSHIP_BOT_FRAMEWORKS", str(listed))
    catalogue = Catalogue.searching([given])
    origins = [(e.origin, e.path) for e in catalogue.framework_entries() if e.id == "mini"]
    assert origins == [
        ("--frameworks", given / "mini.toml"),
        ("$PARTNERSHIP_BOT_FRAMEWORKS", listed / "mini.toml"),
    ]
    assert catalogue.framework_files()["mini"] == given / "mini.toml"
    # Side by side in one folder, frameworks and dialogues are told apart by their contents.
    assert "mini-chat" not in catalogue.framework_files()
    assert catalogue.dialogue_files()["chat"] == given / "chat.toml"
    assert catalogue.framework_entries()[-1].origin == INSTALLED


def test_user_folder_is_moved_by_the_variable(tmp_path: Path) -> None:
    assert user_folder() == tmp_path / "user-data"


def test_frameworks_lists_origin_and_flags_an_id_defined_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    assert run(capsys, "add", str(framework), str(dialogue))[0] == exit_codes.OK
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DATA / "mini.toml", other / "mini.toml")
    status, out, _ = run(capsys, "frameworks", "--frameworks", str(other))
    assert status == exit_codes.OK
    assert (
        "mini  Mini framework for tests (version 1, 5 questions in 2 areas)  [--frameworks]" in out
    )
    assert (
        f"warning: mini is defined twice: {other / 'mini.toml'} [--frameworks] is used, "
        f"{user_folder() / 'frameworks' / 'mini.toml'} [user folder] is not"
    ) in out
    assert "    mini-chat  [self] Mini chat  [user folder]" in out
    assert "hallmarks  Hallmarks of effective partnerships" in out


# -- add and remove ------------------------------------------------------------------------


def test_add_validates_and_copies_under_the_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    status, out, _ = run(capsys, "add", str(framework), str(dialogue))
    assert status == exit_codes.OK
    assert (user_folder() / "frameworks" / "mini.toml").read_bytes() == framework.read_bytes()
    assert (user_folder() / "dialogues" / "mini-chat.toml").read_bytes() == dialogue.read_bytes()
    assert "Start it with one of:\n  partnership-bot assess -f mini\n" in out
    entries = {e.id: e.origin for e in Catalogue().framework_entries()}
    assert entries["mini"] == USER
    # Again: refused, with the way to replace it.
    status, _, err = run(capsys, "add", str(framework), str(dialogue))
    assert status == exit_codes.PROBLEMS
    assert "add --replace to replace it, or run partnership-bot remove mini first" in err
    assert run(capsys, "add", "--replace", str(tmp_path / "mine"))[0] == exit_codes.OK


def test_add_refuses_an_invalid_pair_with_the_reasons_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    dialogue.write_text(dialogue.read_text().replace('next = "two"', 'next = "tow"'))
    status, _, err = run(capsys, "add", str(framework), str(dialogue))
    assert status == exit_codes.PROBLEMS
    assert 'nodes.a2.next: names node "tow", which does not exist; did you mean "two"?' in err
    assert "Nothing was added" in err
    assert not (user_folder() / "frameworks").exists()


def test_add_refuses_an_id_installed_with_the_product(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "hallmarks.toml"
    shutil.copy(Catalogue().framework_files()["hallmarks"], copy)
    copy.write_text(copy.read_text().replace('version = "1.0"', 'version = "2"', 1))
    status, _, err = run(capsys, "add", str(copy))
    assert status == exit_codes.PROBLEMS
    assert 'a framework "hallmarks" is installed with the product; give yours another id' in err


def test_remove_takes_a_framework_and_its_dialogues_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    run(capsys, "add", str(framework), str(dialogue))
    status, out, _ = run(capsys, "remove", "mini")
    assert status == exit_codes.OK
    assert not (user_folder() / "frameworks" / "mini.toml").exists()
    assert not (user_folder() / "dialogues" / "mini-chat.toml").exists()
    assert "removed" in out
    status, _, err = run(capsys, "remove", "hallmarks")
    assert status == exit_codes.PROBLEMS
    assert '"hallmarks" is installed with the product and cannot be removed' in err


# -- validate: files given together, and folders -------------------------------------------


def test_validate_pairs_the_files_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    status, out, _ = run(capsys, "validate", str(framework), str(dialogue))
    assert (status, out) == (exit_codes.OK, "OK: 2 file(s) checked, no problems.\n")
    status, out, _ = run(capsys, "validate", str(tmp_path / "mine"))
    assert (status, out) == (exit_codes.OK, "OK: 2 file(s) checked, no problems.\n")


def test_validate_checks_a_paired_dialogue_against_the_framework_given(tmp_path: Path) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    dialogue.write_text(dialogue.read_text().replace('ask = "b2"', 'ask = "b3"'))
    found = [str(p) for p in validate([framework, dialogue], Catalogue()).problems]
    assert any('asks "b3", which is not a question in mini' in p for p in found)


def test_a_dialogue_whose_framework_fails_is_not_checked_twice(tmp_path: Path) -> None:
    framework, dialogue = own_files(tmp_path / "mine")
    framework.write_text(framework.read_text().replace('kind = "number"', 'kind = "numbr"'))
    found = [
        f"{p.file}: {p.path}: {p.message}" for p in validate([framework], Catalogue()).problems
    ]
    found = [str(p) for p in validate([framework, dialogue], Catalogue()).problems]
    assert len([p for p in found if "chat.toml" in p]) == 1
    assert 'not checked: its framework "mini"' in next(p for p in found if "chat.toml" in p)


# -- resume, replay, report and aggregate use the copy kept with the transcripts -----------


def taken_and_forgotten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A finished transcript taken with a framework from files that are then deleted."""
    framework, dialogue = own_files(tmp_path / "mine")
    transcripts = tmp_path / "transcripts"
    argv = ["--transcripts", str(transcripts), "assess", "--plain"]
    argv += ["-f", str(framework), "-d", str(dialogue), "--respondent", "Ann"]
    with pytest.MonkeyPatch.context() as patch:
        import io
        import sys

        patch.setattr(sys, "stdin", io.StringIO(":quit\n"))  # nothing answered
        assert cli.main(argv) == exit_codes.OK
    capsys.readouterr()
    shutil.rmtree(tmp_path / "mine")
    (path,) = transcripts.glob("*.toml")
    return path


def test_resume_uses_the_kept_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = taken_and_forgotten(tmp_path, capsys)
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(":quit\n"))
    status, out, err = run(capsys, "resume", str(path), "--plain")
    assert (status, err) == (exit_codes.OK, "")
    assert "Resume with:" in out


def test_replay_report_and_aggregate_use_the_kept_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = taken_and_forgotten(tmp_path, capsys)
    status, out, _ = run(capsys, "replay", str(path), "--plain")
    assert status == exit_codes.OK
    assert "[1.1] Bot: The partnership works well." in out
    status, out, _ = run(capsys, "report", str(path), "--format", "json")
    assert json.loads(out)["framework"]["id"] == "mini"
    folder = str(path.parent)
    status, out, err = run(
        capsys, "report", folder, "--aggregate", "--include-unfinished", "--format", "json"
    )
    assert (status, err) == (exit_codes.OK, "")
    assert json.loads(out)["framework"]["title"] == "Mini framework for tests"


def test_aggregate_framework_filter_takes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = taken_and_forgotten(tmp_path, capsys)
    framework, _ = own_files(tmp_path / "again")
    status, out, err = run(
        capsys,
        "report",
        str(path.parent),
        "--aggregate",
        "--include-unfinished",
        "--framework",
        str(framework),
        "--format",
        "json",
    )
    assert (status, err) == (exit_codes.OK, "")
    assert json.loads(out)["respondents"] == 1


# -- every hint names an option the command has --------------------------------------------

OPTION = re.compile(r"(?:(?<=\s)|(?<=\())(--?[a-z][a-z-]*)\b")


def options_of(command: str) -> set[str]:
    parser = cli.build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    return set(commands.choices[command]._option_string_actions) | set(
        parser._option_string_actions
    )


def test_every_hint_names_an_option_of_its_command() -> None:
    for command, hints in cli.HINTS.items():
        if command is None:
            continue
        for hint in hints.values():
            for option in OPTION.findall(hint):
                assert option in options_of(command), (command, hint)


def test_hints_printed_name_options_that_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def check(*argv: str) -> None:
        _, out, err = run(capsys, *argv)
        hints = OPTION.findall(out + err)
        assert hints, (argv, out, err)
        for option in hints:
            assert option in options_of(argv[0]), (argv, out + err)

    path = taken_and_forgotten(tmp_path, capsys)
    framework, dialogue = own_files(tmp_path / "mine")
    check("validate", str(dialogue))
    check("assess", "--plain", "-f", "nope")
    check("assess", "--plain", "-f", str(framework), "-d", "nope")
    for copy in (path.parent / ".frameworks").glob("*.toml"):
        copy.unlink()
    check("resume", str(path), "--plain")
    check("report", str(path))
    check("report", str(path.parent), "--aggregate")
    run(capsys, "add", str(framework), str(dialogue))
    check("add", str(framework), str(dialogue))


def test_home_progress_uses_the_kept_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import store
    from bot.tui.screens.home import progress_of

    path = taken_and_forgotten(tmp_path, capsys)
    transcript = store.load(path).transcript
    assert progress_of(transcript, Catalogue(), path.parent) == "0/5"  # "0/?" without them
