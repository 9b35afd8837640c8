"""Aggregate reports: the legend explains only what is shown; HTML has the Markdown's tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.report.render import render_aggregate
from tests.conftest import DATA
from tests.scripted import make
from tests.test_aggregate import data_for

REF_NOTE = "name an action as the round"


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def _data(cat: Catalogue, folder: Path, people: list[tuple[str, str]]) -> dict:
    for index, (role, sector) in enumerate(people):
        make(
            cat,
            folder,
            "mini",
            "mini-chat",
            ["1", "p", "13", "3"],
            Respondent(name=f"P{index}", organisation=f"O{index}", role=role, sector=sector),
        )
    return data_for(cat, folder)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_ref_is_explained_only_when_an_action_shows_one(
    cat: Catalogue, tmp_path: Path, fmt: str
) -> None:
    data = _data(cat, tmp_path / "t", [("Officer", "public")] * 2)
    assert data["actions"], "the sample must suggest actions for the legend to appear"
    for action in data["actions"]:
        action["ref"] = ""
    text = render_aggregate(data, fmt)
    assert "is the order by how many respondents" in text
    assert REF_NOTE not in text
    data["actions"][0]["ref"] = "1a"
    assert REF_NOTE in render_aggregate(data, fmt)


def test_html_has_the_respondents_tables_of_the_markdown(cat: Catalogue, tmp_path: Path) -> None:
    people = [("Officer", "public"), ("Officer", "voluntary"), ("Chair <b>", "public & co")]
    data = _data(cat, tmp_path / "t", people)
    markdown = render_aggregate(data, "md")
    html = render_aggregate(data, "html")
    assert "## Respondents" in markdown
    assert '<h2 id="respondents">Respondents</h2>' in html
    for name, n in list(data["roles"].items()) + list(data["sectors"].items()):
        assert f"| {n} |" in markdown
        escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f'<tr><th scope="row">{escaped}</th><td class="num">{n}</td></tr>' in html
    assert '<th scope="col">Role</th><th scope="col">n</th>' in html
    assert '<th scope="col">Sector</th><th scope="col">n</th>' in html
    assert "Chair <b>" not in html
