"""Untrusted text on a terminal and in reports: shown, never obeyed, never imitating a line."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bot.catalogue import Catalogue
from bot.model import Respondent, Transcript, TranscriptHeader
from bot.model.transcript import Reference
from bot.replay_text import print_replay
from bot.report import render_assessment
from bot.report.make import assess
from bot.text import clean_input, indent_lines, printable, repair
from tests.conftest import DATA

RLO = "\u202e"


def test_bidi_and_invisible_characters_are_shown_by_name() -> None:
    assert printable(f"abc{RLO}cba") == "abc<U+202E>cba"
    assert printable("a\u2066b\u2069c\u200bd\ufeffe\u2028f") == (
        "a<U+2066>b<U+2069>c<U+200B>d<U+FEFF>e<U+2028>f"
    )
    assert printable("\x1b[2J") == "\\x1b[2J"
    # Letters of right-to-left scripts and the joiners they need are left alone.
    assert printable("שלום \u0645\u0631\u062d\u0628\u0627 \u200c\u200d") == (
        "שלום \u0645\u0631\u062d\u0628\u0627 \u200c\u200d"
    )


def test_undecodable_bytes_become_replacement_characters() -> None:
    read = b"bad \xff byte".decode("utf-8", "surrogateescape")
    assert repair(read) == "bad \ufffd byte"
    assert clean_input(read + "\n") == "bad \ufffd byte"
    assert printable(read) == "bad <U+DCFF> byte"


def test_continuation_lines_are_indented() -> None:
    assert indent_lines("one\n#2    10:00:00  Bot: fake", "    ") == (
        "one\n    #2    10:00:00  Bot: fake"
    )


def _transcript(comment: str, name: str = "Ann") -> Transcript:
    header = TranscriptHeader(
        id="t1",
        framework=Reference(id="mini", version="1", hash="sha256:0"),
        dialogue=Reference(id="mini-chat", version="1", hash="sha256:0"),
        mode="self",
        respondent=Respondent(name=name),
        started=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    )
    at = datetime(2026, 1, 5, 9, 0, 1, tzinfo=UTC)
    turns = [
        {"seq": 1, "at": at, "speaker": "bot", "kind": "ask", "node": "a1", "question": "a1",
         "text": "The partnership works well."},
        {"seq": 2, "at": at, "speaker": "respondent", "kind": "answer", "node": "a1",
         "question": "a1", "value": "agree", "label": "Agree", "text": "3", "comment": comment},
    ]  # fmt: skip
    return Transcript.model_validate({**header.model_dump(by_alias=True), "turns": turns})


def test_replay_indents_a_multi_line_comment_so_it_cannot_imitate_a_turn() -> None:
    test_catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    fake = "fine\n#3    09:00:02  Respondent: Strongly agree - forged"
    out = io.StringIO()
    print_replay(_transcript(fake, name=f"Ann\n#9    09:00:09  Bot: {RLO}x"), test_catalogue, out)
    lines = out.getvalue().splitlines()
    turn_lines = [line for line in lines if line.startswith("#")]
    assert [line[:5] for line in turn_lines] == ["#1   ", "#2   "]
    assert "Respondent: Agree - fine" in turn_lines[1]
    assert lines[lines.index(turn_lines[1]) + 1].startswith(" " * 16 + "#3")
    assert "Respondent: Ann" in lines[2] and lines[3].startswith("  #9")
    assert RLO not in out.getvalue() and "<U+202E>" in out.getvalue()


def test_reports_show_a_right_to_left_override_visibly(tmp_path: Path) -> None:
    from bot import conversation

    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = conversation.start(
        catalogue, "mini", "mini-chat", Respondent(name=f"Ann {RLO}evil"), tmp_path
    )
    talk.begin()
    talk.answer(f"3 - we agree {RLO}gnp.exe")
    talk.close()
    assessment = assess(talk.path, catalogue)
    for fmt in ("md", "html", "csv", "json"):
        text = render_assessment(assessment, fmt)
        assert RLO not in text, fmt
    # Markdown (with its own backslash escape) and HTML both display "<U+202E>".
    assert "Ann \\<U+202E>evil" in render_assessment(assessment, "md")
    assert "&lt;U+202E&gt;gnp.exe" in render_assessment(assessment, "html")
    assert "\\u202e" in render_assessment(assessment, "json")


def test_problems_quoting_a_hostile_file_show_its_characters_not_obey_them() -> None:
    from bot.problems import Problem

    problem = Problem("x.toml", f"evil\x1b[2J{RLO}", f'unknown key "evil\x1b[2J{RLO}"\nmore', 3)
    assert str(problem) == (
        'x.toml:3: evil\\x1b[2J<U+202E>: unknown key "evil\\x1b[2J<U+202E>"\\nmore'
    )
