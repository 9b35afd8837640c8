"""The lists of frameworks say what they leave out: the New assessment form names each
framework that could not be loaded and why, and tells two of one title apart by their
ids; `partnership-bot frameworks` warns of an id defined twice whether or not the file
used loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, Static

from bot import cli
from bot.catalogue import Catalogue
from bot.tui.screens.start import StartScreen
from tests.tui_helpers import make_app

DATA = Path(__file__).parent / "data"
BROKEN = 'id = "mini"\ntitle = "Mini framework for tests"\n[[areas]]\nid = \n'


def own_folders(tmp_path: Path) -> tuple[Path, Path]:
    """A folder whose copy of "mini" is broken, and one after it with a working "mini" and
    a working "twin" of the same title."""
    broken, working = tmp_path / "broken", tmp_path / "working"
    broken.mkdir()
    working.mkdir()
    (broken / "mini.toml").write_text(BROKEN, encoding="utf-8")
    mini = (DATA / "mini.toml").read_text(encoding="utf-8")
    (working / "mini.toml").write_text(mini, encoding="utf-8")
    (working / "twin.toml").write_text(mini.replace('id = "mini"', 'id = "twin"', 1), "utf-8")
    return broken, working


@pytest.mark.parametrize("broken_first", [True, False])
def test_frameworks_warns_of_an_id_defined_twice_whichever_copy_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken_first: bool
) -> None:
    broken, working = own_folders(tmp_path)
    first, second = (broken, working) if broken_first else (working, broken)
    cli.main(["frameworks", "--frameworks", str(first), "--frameworks", str(second)])
    out = capsys.readouterr().out
    assert (
        f"    warning: mini is defined twice: {first / 'mini.toml'} [--frameworks] is used, "
        f"{second / 'mini.toml'} [--frameworks] is not"
    ) in out
    if broken_first:
        assert f"run partnership-bot validate {broken / 'mini.toml'})" in out


async def test_the_form_says_which_frameworks_could_not_be_loaded_and_tells_twins_apart(
    tmp_path: Path,
) -> None:
    broken, working = own_folders(tmp_path)
    (working / "dupq.toml").write_text(BROKEN.replace('"mini"', '"dupq"'), encoding="utf-8")
    catalogue = Catalogue.searching([working, broken])
    app = make_app(catalogue, tmp_path / "t")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StartScreen)
        said = str(form.query_one("#framework-problems", Static).render())
        assert "Not listed, could not be loaded: dupq.toml: " in said
        assert "See every problem of a file with: partnership-bot validate FILE" in said
        # The broken copy of "mini" is shadowed, so the working one is listed.
        assert "mini.toml" not in said
        labels = [str(prompt) for prompt, _ in form.query_one("#framework", Select)._options]
        assert "Mini framework for tests (mini)" in labels
        assert "Mini framework for tests (twin)" in labels
        assert "Hallmarks of effective partnerships" in labels  # a title of its own: as it is


async def test_a_broken_copy_used_for_an_id_says_its_working_one_is_not_used(
    tmp_path: Path,
) -> None:
    broken, working = own_folders(tmp_path)
    app = make_app(Catalogue.searching([broken, working]), tmp_path / "t")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        said = str(app.screen.query_one("#framework-problems", Static).render())
        assert "could not be loaded: mini.toml: " in said
        assert f"(its other file {working / 'mini.toml'} is not used)" in said
