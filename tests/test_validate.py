"""`validate`: graph faults and unreachable actions are reported; the shipped files are clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.validate import validate
from tests.conftest import DATA, ROOT

FAREHAM = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"


def problems(tmp_path: Path, dialogue_text: str, framework_text: str | None = None) -> list[str]:
    (tmp_path / "fw").mkdir(exist_ok=True)
    (tmp_path / "dl").mkdir(exist_ok=True)
    (tmp_path / "fw" / "mini.toml").write_text(framework_text or (DATA / "mini.toml").read_text())
    (tmp_path / "dl" / "mini-chat.toml").write_text(dialogue_text)
    catalogue = Catalogue(framework_folders=[tmp_path / "fw"], dialogue_folders=[tmp_path / "dl"])
    return [f"{p.path}: {p.message}" for p in validate([], catalogue).problems]


DIALOGUE = (DATA / "mini-chat.toml").read_text()


def test_shipped_frameworks_and_dialogues_are_clean(catalogue: Catalogue) -> None:
    report = validate([], catalogue)
    assert report.problems == []
    assert len(report.checked) >= 2


def test_test_fixture_is_clean(tmp_path: Path) -> None:
    assert problems(tmp_path, DIALOGUE) == []


def test_unreachable_and_dead_end(tmp_path: Path) -> None:
    text = DIALOGUE + '\n[nodes.orphan]\nsay = "Nobody gets here."\n'
    assert problems(tmp_path, text) == [
        "nodes.orphan: is unreachable from the start node",
        "nodes.orphan: is a dead end: it has no `next` and is not an end node",
    ]


def test_loop_with_no_way_out(tmp_path: Path) -> None:
    text = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"', '[nodes.b2]\nask = "b2"\nnext = "b1"'
    )
    found = problems(tmp_path, text)
    assert "nodes.b1: is in a loop with no way out: no end node can be reached from it" in found
    assert "nodes.bye: is unreachable from the start node" in found


def test_branch_without_fallback_is_a_dead_end(tmp_path: Path) -> None:
    text = DIALOGUE.replace('[nodes.a2]\nask = "a2"\nnext = "two"\n', '[nodes.a2]\nask = "a2"\n')
    assert "nodes.a2.branches: is a dead end when no branch applies: add a `next`" in problems(
        tmp_path, text
    )


def test_condition_on_a_question_asked_later_or_never(tmp_path: Path) -> None:
    text = DIALOGUE.replace("""when = 'a2 == "yes"'""", """when = 'b2 == "agree"'""")
    assert problems(tmp_path, text) == [
        "nodes.a2.branches: has a condition on b2, which is only asked after this node"
    ]
    text = DIALOGUE.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"', '[nodes.b2]\nsay = "skip"\nnext = "bye"'
    )
    text = text.replace("""when = 'a2 == "yes"'""", """when = 'b2 == "agree"'""")
    found = problems(tmp_path, text)
    assert "nodes.a2.branches: has a condition on b2, which this dialogue never asks" in found


def test_scale_without_weak_threshold_and_action_that_cannot_fire(tmp_path: Path) -> None:
    framework = (DATA / "mini.toml").read_text().replace("weak_at_or_below = 0\n", "")
    text = DIALOGUE.replace(
        '[nodes.b1]\nask = "b1"\nnext = "b2"', '[nodes.b1]\nsay = "no b1"\nnext = "b2"'
    )
    text = text.replace(
        'probes = [{ on = "out_of_range", text = "The recommended size is {range}. Why this many?" }]\n',
        "",
    )
    found = problems(tmp_path, text, framework)
    assert (
        "scales.ypn: has no weak_at_or_below: say which scores are weak, so that low answers are probed and acted on"
        in found
    )
    assert "areas[1].actions[0].when: can never fire: no dialogue asks b1" in found


def test_a_transcript_is_recognised_and_checked_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FAREHAM, tmp_path / "fareham.toml")
    status = cli.main(["validate", "fareham.toml"])
    out = capsys.readouterr().out
    assert status == exit_codes.OK
    assert "unknown key" not in out and "missing required key" not in out
    assert "fareham.toml is a transcript (not a framework or dialogue): it loads" in out
    assert "partnership-bot replay fareham.toml --plain" in out


def test_a_broken_transcript_gets_its_own_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = FAREHAM.read_text("utf-8").replace('speaker = "bot"', 'speaker = "robot"', 1)
    (tmp_path / "bad.toml").write_text(text, "utf-8")
    status = cli.main(["validate", "bad.toml"])
    out = capsys.readouterr().out
    assert status == exit_codes.PROBLEMS
    assert "bad.toml is a transcript" in out
    assert "unknown key" not in out and "speaker" in out


def test_a_renamed_round_file_is_named_as_a_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spring.toml").write_text(
        'title = "Spring"\nframework = "working-better-together"\n'
        'self_dialogue = "working-better-together-self"\n',
        "utf-8",
    )
    cli.main(["validate", "spring.toml"])
    out = capsys.readouterr().out
    assert "spring.toml: is a round, not a framework or dialogue" in out
    assert "unknown key" not in out
