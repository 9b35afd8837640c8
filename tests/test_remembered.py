"""Checked frameworks and dialogues are remembered by content hash, here and on disk."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bot import conversation, loading, remembered, store
from bot.catalogue import Catalogue
from bot.model import Framework, Respondent
from bot.problems import LoadError
from bot.scoring.aggregate import Filters, aggregate
from tests.conftest import DATA, ROOT, Clock

M = TypeVar("M")


@pytest.fixture(autouse=True)
def _nothing_remembered_in_this_process() -> Iterator[None]:
    """Each test starts as a new process does, with nothing remembered in memory, and
    leaves nothing there: what an earlier test loaded (in this file or another run by the
    same worker) would otherwise be recalled without reaching this test's cache folder."""
    remembered.forget()
    yield
    remembered.forget()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the framework files actually checked (not recalled)."""
    remembered.forget()
    seen: list[str] = []
    validate = loading.validate_model

    def counting(model: type[M], data: dict[str, Any], name: str, text: str) -> M:
        if model is Framework:
            seen.append(Path(name).name)
        return validate(model, data, name, text)

    monkeypatch.setattr(loading, "validate_model", counting)
    return seen


def entries() -> list[Path]:
    return sorted((remembered.default_cache_folder() / remembered.FOLDER).glob("*.pickle"))


def test_the_same_content_is_checked_once(tmp_path: Path, checks: list[str]) -> None:
    copy = tmp_path / "copy.toml"
    shutil.copy(DATA / "mini.toml", copy)
    first = loading.load_framework(DATA / "mini.toml")
    again = loading.load_framework(copy)
    assert checks == ["mini.toml"]
    assert again.path == copy and again.hash == first.hash
    assert again.framework == first.framework


def test_the_next_process_recalls_it_from_the_cache_folder(checks: list[str]) -> None:
    first = loading.load_framework(DATA / "mini.toml")
    remembered.forget()  # as a new process starts
    again = loading.load_framework(DATA / "mini.toml")
    assert checks == ["mini.toml"]
    assert again.framework == first.framework and again.actions.keys() == first.actions.keys()


def test_dialogues_are_remembered_with_their_framework(monkeypatch: pytest.MonkeyPatch) -> None:
    framework = loading.load_framework(DATA / "mini.toml")
    first = loading.load_dialogue(DATA / "mini-chat.toml", framework)
    remembered.forget()
    monkeypatch.setattr(loading, "bind_dialogue", lambda *a: pytest.fail("checked again"))
    again = loading.load_dialogue(DATA / "mini-chat.toml", framework)
    assert again.dialogue == first.dialogue and again.framework is framework


def test_entries_are_owner_only() -> None:
    loading.load_framework(DATA / "mini.toml")
    (entry,) = entries()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_entry_is_checked_again_and_replaced(checks: list[str], damage: bytes) -> None:
    loading.load_framework(DATA / "mini.toml")
    (entry,) = entries()
    entry.write_bytes(damage)
    remembered.forget()
    again = loading.load_framework(DATA / "mini.toml")
    assert checks == ["mini.toml", "mini.toml"]
    assert again.id == "mini"
    assert entry.read_bytes() != damage


def test_an_entry_others_could_write_is_not_trusted(checks: list[str]) -> None:
    loading.load_framework(DATA / "mini.toml")
    (entry,) = entries()
    os.chmod(entry, 0o666)
    remembered.forget()
    loading.load_framework(DATA / "mini.toml")
    assert checks == ["mini.toml", "mini.toml"]


def test_a_changed_program_does_not_recall_old_entries(
    checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loading.load_framework(DATA / "mini.toml")
    remembered.forget()
    monkeypatch.setattr(remembered, "_fingerprint", "another version of the program")
    loading.load_framework(DATA / "mini.toml")
    assert checks == ["mini.toml", "mini.toml"]


def test_problems_are_found_every_time(tmp_path: Path, checks: list[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text((DATA / "mini.toml").read_text() + '\n[[areas]]\nid = "x"\n')
    for _ in range(2):
        with pytest.raises(LoadError):
            loading.load_framework(broken)
    assert checks == ["broken.toml", "broken.toml"]
    assert entries() == []


def test_without_a_writable_cache_folder_loading_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv(remembered.ENVIRONMENT_VARIABLE, str(blocked))
    assert loading.load_framework(DATA / "mini.toml").id == "mini"
    assert loading.load_framework(DATA / "mini.toml").id == "mini"
    assert checks == ["mini.toml"]


def test_an_aggregate_checks_the_framework_copy_once(tmp_path: Path, checks: list[str]) -> None:
    # Every real transcript has its framework's copy beside it in .frameworks/, and each
    # transcript names it: the copy is checked once, not once per transcript.
    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    folder = tmp_path / "transcripts"
    for name in ("A", "B", "C"):
        talk = conversation.start(
            catalogue, "mini", "mini-chat", Respondent(name=name), folder, clock=Clock()
        )
        talk.begin()
        talk.close()
    paths = sorted(folder.glob("*.toml"))
    framework = loading.load_framework(DATA / "mini.toml")
    assert len(paths) == 3 and store.snapshot_path(folder, framework.hash).is_file()
    checks.clear()
    remembered.forget()
    totals, run = aggregate(
        paths, catalogue, Filters(include_unfinished=True), cache_folder=None, workers=1
    )
    assert run.failed == [] and totals["mini"].respondents == 3
    assert len(checks) <= 1


NESTED = "PARTNERSHIP_BOT_TESTS_NESTED"
"""Set in the pytest run below, so that it does not run itself."""


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="the run this test starts")
def test_each_test_passes_after_another_that_loaded_the_same_files() -> None:
    # What a run in parallel meets (pytest -n 2): a test of another file, run just before
    # by the same worker, loaded mini.toml and mini-chat.toml into this process's memory.
    order = [
        "tests/test_probes.py::test_text_answer_vague_and_specific",
        "tests/test_remembered.py::test_entries_are_owner_only",
        "tests/test_probes.py::test_inconsistent_fires_on_a_failed_check",
        "tests/test_remembered.py::test_dialogues_are_remembered_with_their_framework",
    ]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *order],
        cwd=ROOT,
        env=os.environ | {NESTED: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "4 passed" in result.stdout


def test_the_program_fingerprint_needs_no_pydantic_import() -> None:
    # A start drawn from what is remembered must be able to key it before pydantic loads.
    code = (
        "import sys; from bot import remembered; remembered.program_fingerprint(); "
        "print('pydantic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"


def test_the_fingerprint_names_the_installed_pydantic_version() -> None:
    import pydantic

    assert remembered.pydantic_version() == pydantic.VERSION
