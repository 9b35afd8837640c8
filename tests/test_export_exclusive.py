"""An export is made under a name no other file has at the moment it is made: a name
taken between being chosen and the file written (another window exporting the same
report at the same instant) is stepped over to the next number, never written over."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bot import files


def test_the_first_free_name_is_taken(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    assert files.write_new(folder, "r", ".md", "one") == folder / "r.md"
    assert files.write_new(folder, "r", ".md", "two") == folder / "r-2.md"
    assert (folder / "r.md").read_text() == "one"
    assert (folder / "r-2.md").read_text() == "two"
    assert sorted(p.name for p in folder.iterdir()) == ["r-2.md", "r.md"]  # no temporaries
    assert (folder / "r-2.md").stat().st_mode & 0o777 == 0o600


def test_a_name_taken_between_choosing_and_writing_is_stepped_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    written = files.write_temporary

    def other_window_first(path: Path, data: bytes | str, *args: object, **kw: object) -> Path:
        # The other window's export lands on the name once this one's text is written.
        temporary = written(path, data, *args, **kw)  # type: ignore[arg-type]
        (folder / "r.md").write_text("the other window's export")
        return temporary

    monkeypatch.setattr(files, "write_temporary", other_window_first)
    assert files.write_new(folder, "r", ".md", "this window's") == folder / "r-2.md"
    assert (folder / "r.md").read_text() == "the other window's export"
    assert (folder / "r-2.md").read_text() == "this window's"


def test_a_dangling_link_on_the_name_is_not_written_through(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.md").symlink_to(tmp_path / "elsewhere.md")
    assert files.write_new(folder, "r", ".md", "text") == folder / "r-2.md"
    assert not (tmp_path / "elsewhere.md").exists()


def test_a_disk_that_cannot_link_gets_an_exclusive_create(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.md").write_text("earlier")

    def no_links(*args: object, **kw: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert files.write_new(folder, "r", ".md", "text") == folder / "r-2.md"
    assert (folder / "r.md").read_text() == "earlier"
    assert (folder / "r-2.md").read_text() == "text"
    assert sorted(p.name for p in folder.iterdir()) == ["r-2.md", "r.md"]


async def test_two_windows_exporting_at_once_make_two_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui_helpers import make_app, mini_catalogue, start

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.answer("3")
    talk.close()
    stem = talk.path.stem
    reports = tmp_path / "reports"
    written = files.write_temporary

    def other_window_first(path: Path, data: bytes | str, *args: object, **kw: object) -> Path:
        temporary = written(path, data, *args, **kw)  # type: ignore[arg-type]
        if path.parent.name == "reports" and not (reports / f"{stem}.md").exists():
            (reports / f"{stem}.md").write_text("the other window's export")
        return temporary

    monkeypatch.setattr(files, "write_temporary", other_window_first)
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_report(talk.path)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        saved = str(app.screen.query_one("#export-path").render())
    assert saved.endswith(f"{stem}-2.md")
    assert (reports / f"{stem}.md").read_text() == "the other window's export"
    assert (reports / f"{stem}-2.md").read_text().startswith("#")
