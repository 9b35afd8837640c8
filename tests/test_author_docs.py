"""docs/formats.md is enough to write a framework: every key is documented, and the
worked example validates, installs, runs and reports as written."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from bot import cli, exit_codes
from bot.model import dialogue as dialogue_model
from bot.model import framework as framework_model
from tests.conftest import ROOT

FORMATS = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
MODELS: list[type[BaseModel]] = [
    framework_model.Framework,
    framework_model.Source,
    framework_model.Scale,
    framework_model.Option,
    framework_model.ChoiceOption,
    framework_model.Bands,
    framework_model.Band,
    framework_model.Area,
    framework_model.Question,
    framework_model.Range,
    framework_model.Benchmark,
    framework_model.Action,
    framework_model.Group,
    dialogue_model.Dialogue,
    dialogue_model.Node,
    dialogue_model.Branch,
    dialogue_model.Probe,
]


def section(title: str) -> str:
    start = FORMATS.index(f"## {title}")
    end = FORMATS.find("\n## ", start + 1)
    return FORMATS[start:end]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_key_is_in_the_reference(model: type[BaseModel]) -> None:
    reference = section("Reference: every key")
    missing = [
        name
        for name, info in model.model_fields.items()
        if f"`{info.alias or name}`" not in reference
    ]
    assert missing == []


def example_files(folder: Path) -> tuple[Path, Path]:
    """The worked example's two files, exactly as the documentation gives them."""
    worked = section("Worked example: a framework written from scratch")
    blocks = dict(re.findall(r"`([\w-]+\.toml)`:\n\n```toml\n(.*?)```", worked, re.S))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in ("safer-streets.toml", "safer-streets-chat.toml"):
        (folder / name).write_text(blocks[name], encoding="utf-8")
        paths.append(folder / name)
    return paths[0], paths[1]


def test_the_worked_example_validates_installs_runs_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    framework, dialogue = example_files(tmp_path / "drafts")
    assert cli.main(["validate", str(framework), str(dialogue)]) == exit_codes.OK
    assert cli.main(["add", str(framework), str(dialogue)]) == exit_codes.OK
    answers = (
        "2 - we disagree on burglary\nnot sure\ny\nno, the strategic assessment is from 2008\n"
    )
    answers += "3 - minutes show three\nbudgets were cut\n2 - the police rarely come\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    capsys.readouterr()
    assert cli.main(["assess", "--plain", "-f", "safer-streets", "--respondent", "Sam"]) == 0
    out = capsys.readouterr().out
    assert "Thank you. Your answers are saved." in out
    assert cli.main(["report", "transcripts", "--aggregate", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["framework"]["id"] == "safer-streets"
    assert [a["id"] for a in data["actions"]] == ["agree-priorities", "review-meetings"]
