"""Every TOML example in docs/formats.md is valid as printed: a reader who copies one
gets a file that loads (the framework and dialogue examples validate together)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.loading import parse_toml
from bot.problems import LoadError
from bot.rounds.folder import load_round_text
from bot.rounds.plan import load_plan_text
from bot.store import parse_transcript
from bot.validate import validate
from tests.conftest import ROOT

FORMATS = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
BLOCKS = [
    (FORMATS[: m.start()].count("\n") + 2, m.group(1))
    for m in re.finditer(r"```toml\n(.*?)```", FORMATS, re.S)
]
"""Each ```toml block, with the line of formats.md it starts on."""


def kind(text: str) -> str:
    """What an example is, by the keys only that kind has."""
    data = parse_toml(text, "example")
    if "turns" in data or "started" in data:
        return "transcript"
    if "invitees" in data or "max_attempts" in data:
        return "round"
    if "compiled" in data:
        return "plan"
    if "nodes" in data:
        return "dialogue"
    if "areas" in data:
        return "framework"
    return "fragment"


@pytest.mark.parametrize(("line", "text"), BLOCKS, ids=[f"line {line}" for line, _ in BLOCKS])
def test_every_example_is_toml(line: int, text: str) -> None:
    try:
        parse_toml(text, f"formats.md example at line {line}")
    except LoadError as error:
        pytest.fail(str(error))


def test_every_framework_and_dialogue_example_validates(tmp_path: Path) -> None:
    paths = []
    for _, text in BLOCKS:
        found = kind(text)
        if found in ("framework", "dialogue"):
            data = parse_toml(text, "example")
            folder = tmp_path / ("frameworks" if found == "framework" else "dialogues")
            folder.mkdir(exist_ok=True)
            path = folder / f"{data['id']}.toml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    assert len(paths) >= 4  # the reference's pair and the worked example's
    report = validate(paths, Catalogue())
    assert [str(p) for p in report.problems] == []
    assert [str(w) for w in report.warnings] == []


@pytest.mark.parametrize(
    ("line", "text"),
    [(line, text) for line, text in BLOCKS if kind(text) in ("transcript", "round", "plan")],
)
def test_every_round_plan_and_transcript_example_loads(
    line: int, text: str, tmp_path: Path
) -> None:
    name = f"formats.md example at line {line}"
    try:
        {
            "transcript": lambda: parse_transcript(text, tmp_path / "example.toml"),
            "round": lambda: load_round_text(text, name),
            "plan": lambda: load_plan_text(text, name),
        }[kind(text)]()
    except LoadError as error:
        pytest.fail(str(error))
