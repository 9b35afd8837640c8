"""The app's stylesheet remembers the rules it parsed, so a later start reads them back
rather than parsing every stylesheet again, and draws the same screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.css import stylesheet

from bot import remembered
from bot.tui.remembered_css import RememberedStylesheet
from tests.tui_helpers import make_app, mini_catalogue, start


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stylesheet texts Textual's parser is given."""
    texts: list[str] = []
    parse = stylesheet.parse

    def counted(scope, css, *args, **kwargs):  # type: ignore[no-untyped-def]
        texts.append(css)
        return parse(scope, css, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counted)
    return texts


async def first_question(folder: Path) -> str:
    """The chat's first question on screen, as an SVG without its generated ids."""
    catalogue = mini_catalogue()
    talk = start(catalogue, folder)
    app = make_app(catalogue, folder, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    talk.close()
    return re.sub(r"terminal-\d+", "terminal", svg)


async def test_a_later_start_parses_no_stylesheet_and_draws_the_same(
    tmp_path: Path, parsed: list[str]
) -> None:
    remembered.forget()
    first = await first_question(tmp_path / "one")
    assert parsed  # the first start parses, and remembers what it parsed
    parsed.clear()
    remembered.forget()  # as a new process starts: read back from the cache folder
    again = await first_question(tmp_path / "two")
    assert parsed == []
    assert again == first


def test_rules_parsed_with_other_theme_values_are_not_taken(parsed: list[str]) -> None:
    remembered.forget()
    css = "Static { color: $ink; }"
    red = RememberedStylesheet(variables={"ink": "red"})
    red.add_source(css)
    red.parse()
    red.remember()
    remembered.forget()
    again = RememberedStylesheet(variables={"ink": "red"})
    again.add_source(css)
    again.parse()
    assert parsed == [css]  # the second read it back
    blue = RememberedStylesheet(variables={"ink": "blue"})
    blue.add_source(css)
    blue.parse()
    assert parsed == [css, css]
    assert blue.rules[0].styles.color != again.rules[0].styles.color


def test_a_stylesheet_with_errors_is_not_remembered(parsed: list[str]) -> None:
    remembered.forget()
    css = "Static { colour: red; }"
    for _ in range(2):
        sheet = RememberedStylesheet(variables={})
        sheet.add_source(css)
        with pytest.raises(stylesheet.StylesheetParseError):
            sheet.parse()
        sheet.remember()
        remembered.forget()
    assert parsed == [css, css]  # checked, and its errors reported, every time
