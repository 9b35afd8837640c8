"""The comparison's HTML statements table fits the page: fixed column widths, text wrapping."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.report.compare import comparison
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def sample_html(tmp_path: Path, catalogue: Catalogue) -> str:
    old, new = tmp_path / "hertfordshire-2009", tmp_path / "hertfordshire-2010"
    for folder in (old, new):
        shutil.copytree(ROOT / "transcripts" / "rounds" / folder.name, folder)
    return comparison(old, new, catalogue, "html").text


def test_the_statements_table_has_a_width_for_every_column(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    html = sample_html(tmp_path, catalogue)
    table = re.search(r'<table class="statements">.*?</table>', html, re.S)
    assert table, "the statements table is laid out by the page's width"
    assert re.search(r"table\.statements \{[^}]*table-layout: fixed", html)
    head = re.search(r"<thead>.*?</thead>", table.group(0), re.S)
    columns = re.search(r"<colgroup>.*?</colgroup>", table.group(0), re.S)
    assert head and columns
    # One <col> for each heading, so each width lands on its own column.
    assert columns.group(0).count("<col") - 1 == head.group(0).count("<th ")


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_the_comparison_has_no_horizontal_overflow_in_chromium(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    html = sample_html(tmp_path, catalogue)
    # The page measures itself: how far its content runs past the window's right edge.
    measure = (
        '<script>document.body.setAttribute("data-overflow", String('
        "document.documentElement.scrollWidth - document.documentElement.clientWidth))"
        "</script></body>"
    )
    page = tmp_path / "compare.html"
    page.write_text(html.replace("</body>", measure), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    flags += [f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1600"]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    found = re.search(r'data-overflow="(-?\d+)"', dom.stdout)
    assert found, dom.stderr[-500:]
    assert int(found.group(1)) <= 0
