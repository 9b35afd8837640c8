"""Reports in every format: hostile text stays inert, templates can be overridden, HTML renders."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.report import render_assessment
from bot.report.render import environment
from bot.scoring import compile_transcript
from bot.scoring.source import framework_for
from tests.conftest import DATA, ROOT
from tests.plain_driver import run
from tests.scripted import make

HOSTILE = '[@click=app.quit]x[/] <script>alert(1)</script> {{ 7*7 }} =HYPERLINK("http://x") | # *b* \x1b[31m'


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


@pytest.fixture
def hostile(cat: Catalogue, tmp_path: Path):
    path, transcript = make(
        cat,
        tmp_path / "t",
        "mini",
        "mini-chat",
        ["1 - " + HOSTILE, "p", "20", "3"],
        Respondent(
            name="=cmd|' /C calc'!A0", organisation="<b>Org</b>", role="+role", sector="@sector"
        ),
        probe_reply="-" + HOSTILE,
    )
    framework, warnings = framework_for(transcript, path, cat)
    return compile_transcript(transcript, framework, warnings)


def test_markdown_is_inert(hostile) -> None:
    text = render_assessment(hostile, "md")
    # Neutralised with Markdown's own backslash escape, not an HTML entity.
    assert not re.search(r"(?<!\\)<script>", text) and "\\<script>" in text
    assert "&lt;" not in text
    assert not re.search(r"(?<!\\)\[@click", text) and "\\[@click=app.quit\\]" in text
    assert "{{ 7\\*7 }}" in text  # shown literally, never evaluated
    assert "49" not in text
    assert "\x1b" not in text  # stripped when typed
    assert "<b>Org</b>" not in text


def test_markdown_keeps_the_seeds_wording_as_written() -> None:
    from bot.report import escape

    assert escape.markdown("Police and Fire & Rescue Authorities") == (
        "Police and Fire & Rescue Authorities"
    )
    assert escape.markdown("a < b > c, 3 - 4") == "a < b > c, 3 - 4"
    # Still inert: a tag, an entity, a heading or a quote at the start are escaped.
    assert escape.markdown("<b>x</b> &amp;") == "\\<b>x\\</b> \\&amp;"
    assert escape.markdown("# x") == "\\# x" and escape.markdown("> x") == "\\> x"


def test_control_characters_in_a_hand_edited_transcript_are_shown_not_obeyed() -> None:
    from bot.report import escape
    from bot.report.render import environment

    # The escape shows as text: "\x1b" (the backslash itself escaped for Markdown).
    assert escape.markdown("a\x1b[2Jb\x07") == "a\\\\x1b\\[2Jb\\\\x07"
    html = environment("html").from_string("{{ value }}").render(value="a\x1b[2J<b>")
    assert html == "a\\x1b[2J&lt;b&gt;"
    assert escape.csv_cell("=1+1") == "'=1+1"
    assert escape.csv_cell("\x1b=") == "\\x1b="


def test_html_is_inert(hostile) -> None:
    text = render_assessment(hostile, "html")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text and ">49<" not in text
    assert "&lt;b&gt;Org&lt;/b&gt;" in text
    assert "\x1b" not in text


def test_csv_cells_never_start_a_formula(hostile) -> None:
    rows = list(csv.reader(io.StringIO(render_assessment(hostile, "csv"))))
    assert rows[0] == [
        "area",
        "letter",
        "action",
        "source",
        "priority",
        "need",
        "trigger",
        "owner",
        "due",
        "smart",
        "quotes",
    ]
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(cell.startswith("'-") for row in rows for cell in row)


def test_json_is_complete_and_parses(hostile) -> None:
    data = json.loads(render_assessment(hostile, "json"))
    assert data["kind"] == "assessment"
    assert data["respondent"]["name"] == "=cmd|' /C calc'!A0"
    assert data["areas"][0]["questions"][0]["words"][0].startswith("[@click=app.quit]")
    assert {a["id"] for a in data["actions"]} == {"fix-one", "fix-two"}
    anonymous = json.loads(render_assessment(hostile, "json", anonymise=True))
    assert anonymous["respondent"]["name"] == "" and anonymous["respondent"]["organisation"] == ""


def test_html_is_self_contained_and_accessible(hostile) -> None:
    text = render_assessment(hostile, "html")
    assert "<script" not in text and "http://" not in text.replace(
        "http://www.w3.org/2000/svg", ""
    ).replace("HYPERLINK(&#34;http://x", "")
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text and 'role="img"' in text
    assert '<th scope="col">Area</th>' in text
    assert "@media print" in text and "break-before: page" in text
    assert 'class="rag rag-red">Red</span>' in text  # colour and a text label


def test_the_chart_writes_each_score_as_the_table_does(hostile) -> None:
    text = render_assessment(hostile, "html")
    chart = text[text.index("<svg") : text.index("</svg>")]
    for area in hostile.areas:
        if area.score is None:
            continue
        shown = f"{area.score:.1f}"
        assert f'<td class="num">{shown}</td>' in text  # the table
        assert re.search(rf'fill="#222">{re.escape(shown)}( [^<]*)?</text>', chart), chart
        assert f"{area.area.title}: {shown}" in chart  # the text description


def test_user_templates_override_the_built_in_ones(hostile, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "assessment.md.j2").write_text(
        "Custom: {{ r.framework.title }} ({{ r.areas | length }} areas)\n"
    )
    environment.cache_clear()
    assert (
        render_assessment(hostile, "md", templates=folder)
        == "Custom: Mini framework for tests (2 areas)\n"
    )


@pytest.mark.e2e
def test_report_command_formats_and_files(tmp_path: Path) -> None:
    sample = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
    for fmt in ("md", "html", "json", "csv"):
        out = tmp_path / f"report.{fmt}"
        result = run("report", str(sample), "--format", fmt, "-o", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    markdown = (tmp_path / "report.md").read_text()
    assert "## 1. The LSP's long-term goals" in markdown
    assert "- a) To refresh the SCS every three years." in markdown
    several = run(
        "report",
        str(sample),
        str(ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"),
        "-o",
        "out",
        cwd=tmp_path,
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "fareham-working-better-together.md",
        "ptp-success-criteria.md",
    ]
    assert several.returncode == 0


@pytest.mark.e2e
def test_report_lists_a_broken_transcript_and_carries_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 1\n")
    sample = ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"
    result = run("report", str(broken), str(sample), "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "skipped: broken.toml: missing required key" in result.stderr
    assert (tmp_path / "out" / "ptp-success-criteria.md").exists()
    assert "Traceback" not in result.stderr


def test_ptp_report_places_the_stage(catalogue: Catalogue) -> None:
    from bot import store

    path = ROOT / "transcripts" / "examples" / "ptp-success-criteria.toml"
    transcript = store.load(path).transcript
    framework, _ = framework_for(transcript, path, catalogue)
    data = json.loads(render_assessment(compile_transcript(transcript, framework), "json"))
    assert data["overall"]["stage"]["label"] in (
        "Developing",
        "In-between: making steady progress",
        "More effective",
    )
    assert [s["label"] for s in data["overall"]["stages"]] == [
        "Developing",
        "In-between: making steady progress",
        "More effective",
    ]
    assert len(data["areas"]) == 12


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.e2e
@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (.ci/run installs Debian's chromium)",
)
def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    sample = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
    page = tmp_path / "report.html"
    assert (
        run("report", str(sample), "--format", "html", "-o", str(page), cwd=tmp_path).returncode
        == 0
    )
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert "Working better together? LSP self-assessment" in dom.stdout
    assert "<svg" in dom.stdout and "<rect" in dom.stdout  # the chart is in the rendered page
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
