"""A comparison of two rounds reads the answers as their aggregates do: where one Yes /
Partly / No scale is used, the middle column ("% Partly") stands beside % Yes for each
round, and the legend names every column, adding up to 100 with the one not shown."""

from __future__ import annotations

import json
from pathlib import Path

from bot.catalogue import Catalogue
from bot.report.compare import comparison
from tests.hallmarks_round import hallmarks_round

THEN = [{"h1_2": "p"}, {"h1_2": "p"}, {"h1_2": "n"}, {"h1_2": "d"}, {}]
NOW = [{"h1_2": "p"}, {}, {}, {"h1_2": "n"}, {}]


def rounds(tmp_path: Path) -> tuple[Path, Path]:
    catalogue = Catalogue()
    then = hallmarks_round(tmp_path / "then", catalogue, THEN)
    now = hallmarks_round(tmp_path / "now", catalogue, NOW)
    return then, now


def test_the_comparison_shows_the_middle_answers_as_the_aggregate_does(tmp_path: Path) -> None:
    then, now = rounds(tmp_path)
    data = comparison(then, now, Catalogue(), "json").data
    assert (data["agree_heading"], data["middle_heading"], data["disagree_heading"]) == (
        "% Yes",
        "% Partly",
        "% No",
    )
    assert data["middle_shown"]
    row = next(s for s in data["statements"] if s["id"] == "h1_2")
    assert (row["then"]["agreed"], row["then"]["middles"], row["then"]["disagrees"]) == (1, 2, 1)
    assert (row["then"]["dont_knows"], row["then"]["no_answers"], row["then"]["n"]) == (1, 0, 5)
    assert (row["then"]["middle"], row["now"]["middle"]) == (40.0, 20.0)
    for side in ("then", "now"):
        got = row[side]
        counted = (
            got["agreed"]
            + got["middles"]
            + got["disagrees"]
            + got["dont_knows"]
            + got["no_answers"]
        )
        assert counted == got["n"]
    legend = data["statement_legend"]
    assert '% Yes counts "Yes"; % Partly counts "Partly"' in legend
    assert 'With % No ("No", not shown) they add up to 100.' in legend
    assert data["agree_note"].startswith(
        "% Yes counts everyone asked who did not answer Yes as not doing so"
    )
    assert "% Partly, % don't know and % no answer" in data["agree_note"]

    md = comparison(then, now, Catalogue(), "md").text
    assert "| 2009/10 (then) % Yes | % Partly | % don't know | % no answer | n |" in md
    line = next(x for x in md.splitlines() if x.startswith("| 1.2 "))
    assert "| 20.0 | 40.0 | 20.0 | 0.0 | 5 | 60.0 | 20.0 | 0.0 | 0.0 | 5 |" in line
    assert legend.replace('"', '\\"') not in md  # quoted as written, not escaped twice
    assert "they add up to 100" in md
    page = comparison(then, now, Catalogue(), "html").text
    assert page.count('<th scope="col">% Partly</th>') == 2
    assert '<td class="num">40.0</td>' in page


def test_a_scale_without_a_middle_answer_shows_no_middle_column(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    rounds_folder = ROOT / "transcripts" / "rounds"
    data = json.loads(
        comparison(
            rounds_folder / "hertfordshire-2009",
            rounds_folder / "hertfordshire-2010",
            Catalogue(),
            "json",
            cache_folder=tmp_path / "cache",
        ).text
    )
    assert not data["middle_shown"] and data["middle_heading"] == ""
    assert "% middle" not in data["agree_note"]


def test_the_statements_section_is_titled_as_its_columns_are_headed(tmp_path: Path) -> None:
    """Headed "% Yes", the section, its notes and the chance rule say "% Yes" too, never
    a "% agree" the table does not show, in every format."""
    then, now = rounds(tmp_path)
    data = comparison(then, now, Catalogue(), "json").data
    assert data["agree_heading"] == "% Yes"
    said = " ".join([data["agree_counts"], data["agree_note"], data["rule"]["agree"]])
    assert "agree" not in said.replace("disagree", "")
    assert data["rule"]["agree"].startswith("% Yes: Fisher's exact test")
    assert "(answered Yes or not, then or now)" in data["rule"]["agree"]
    assert "there a rise in % Yes is a change for the worse" in data["agree_counts"]
    md = comparison(then, now, Catalogue(), "md").text
    assert "## Statements: % Yes" in md and "% agree" not in md
    page = comparison(then, now, Catalogue(), "html").text
    assert '<h2 id="statements">Statements: % Yes</h2>' in page and "% agree" not in page
