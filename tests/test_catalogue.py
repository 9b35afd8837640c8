"""Finding dialogues for a framework from their top-level keys, without loading them all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import loading
from bot.catalogue import Catalogue
from bot.loading import LoadedDialogue, LoadedFramework, read_dialogue_heading
from bot.problems import LoadError
from tests.conftest import DATA


def catalogue_with(tmp_path: Path, dialogues: dict[str, str]) -> Catalogue:
    """The mini framework, its chat dialogue, and these extra dialogue files."""
    frameworks, folder = tmp_path / "frameworks", tmp_path / "dialogues"
    frameworks.mkdir()
    folder.mkdir()
    shutil.copy(DATA / "mini.toml", frameworks)
    shutil.copy(DATA / "mini-chat.toml", folder)
    for name, text in dialogues.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return Catalogue(framework_folders=[frameworks], dialogue_folders=[folder])


def phone_dialogue(dialogue_id: str) -> str:
    """The mini chat dialogue, renamed and made a telephone one."""
    text = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    return text.replace('id = "mini-chat"', f'id = "{dialogue_id}"\nmode = "telephone"')


def test_heading_is_read_from_the_top_level_keys(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text('framework = "mini"\nmode = "telephone"\n[nodes.a]\nsay = "x"\n')
    heading = read_dialogue_heading(path)
    assert (heading.framework, heading.mode) == ("mini", "telephone")


def test_heading_with_a_multi_line_string_holding_a_bracket_line(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text(
        'description = """Scope:\n[see the seed]\n"""\nframework = "mini"\n[nodes.a]\nsay = "x"\n'
    )
    assert read_dialogue_heading(path).framework == "mini"
    assert read_dialogue_heading(path).mode == "self"


def test_heading_without_a_framework_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text('id = "d"\n[nodes.a]\nsay = "x"\n')
    with pytest.raises(LoadError) as caught:
        read_dialogue_heading(path)
    assert str(caught.value) == 'd.toml: framework: missing required key "framework"'


def test_dialogues_are_found_by_framework_and_mode(tmp_path: Path) -> None:
    catalogue = catalogue_with(
        tmp_path,
        {"mini-phone": phone_dialogue("mini-phone"), "other": 'framework = "other"\n'},
    )
    assert [p.stem for p in catalogue.dialogues_for("mini")] == ["mini-chat", "mini-phone"]
    assert [p.stem for p in catalogue.dialogues_for("mini", "telephone")] == ["mini-phone"]
    assert [p.stem for p in catalogue.dialogues_for("other")] == ["other"]


def test_the_self_dialogue_is_chosen_and_only_it_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = catalogue_with(tmp_path, {"a-phone": phone_dialogue("a-phone")})
    framework = catalogue.framework("mini")
    loaded: list[Path] = []
    load = loading.load_dialogue

    def load_dialogue(path: Path, framework: LoadedFramework) -> LoadedDialogue:
        loaded.append(path)
        return load(path, framework)

    # The catalogue imports loading where it first reads a file, and finds it there.
    monkeypatch.setattr(loading, "load_dialogue", load_dialogue)
    chosen = catalogue.dialogue(None, framework)
    assert chosen.dialogue.id == "mini-chat"
    assert [p.stem for p in loaded] == ["mini-chat"]


def test_a_dialogue_broken_below_its_heading_is_listed_and_fails_clearly(tmp_path: Path) -> None:
    broken = (DATA / "mini-chat.toml").read_text(encoding="utf-8") + "\n[nodes.bad\n"
    catalogue = catalogue_with(tmp_path, {"mini-chat": broken})
    assert [p.stem for p in catalogue.dialogues_for("mini")] == ["mini-chat"]
    with pytest.raises(LoadError) as caught:
        catalogue.dialogue(None, catalogue.framework("mini"))
    assert "mini-chat.toml" in str(caught.value) and "is not valid TOML" in str(caught.value)
