"""Pilot tests that drive the real app and check the screen and the transcript on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.tui.screens.chat import ChatScreen
from bot.tui.screens.dialogs import HelpScreen, MessageScreen
from bot.tui.screens.home import HomeScreen
from bot.tui.screens.interview import InterviewScreen
from bot.tui.screens.replay import ReplayScreen
from bot.tui.screens.report import ReportScreen
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import KeyHints
from bot.tui.widgets.options_bar import OptionButton
from bot.tui.widgets.progress_header import ProgressHeader
from tests.conftest import ROOT
from tests.tui_helpers import log_text, make_app, mini_catalogue, start, type_text

SIZE = (80, 24)


def on_disk(path: Path):  # type: ignore[no-untyped-def]
    return store.load(path).transcript


async def test_full_self_assessment_of_a_short_dialogue(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert "The partnership works well." in log_text(app)
        await pilot.press("3")  # marks the option; nothing is sent before Enter
        await pilot.pause()
        chosen = [b.option.value for b in app.screen.query(OptionButton) if b.has_class("-chosen")]
        assert chosen == ["agree"]
        assert not [t for t in on_disk(talk.path).turns if t.kind == "answer"]
        await type_text(pilot, " - minutes of the June 2009 board")
        await pilot.press("enter")
        await pilot.press("p", "enter")
        await type_text(pilot, "13")
        await pilot.press("enter")
        await pilot.press("3", "enter")
        await pilot.pause()
        transcript = on_disk(talk.path)
        assert transcript.status == "complete"
        answers = [t for t in transcript.turns if t.kind == "answer"]
        assert [t.value for t in answers] == ["agree", "partly", "13", "agree"]
        assert answers[0].comment == "minutes of the June 2009 board"
        text = log_text(app)
        assert "Summary by area" in text and "Area one:" in text


async def finish_mini(pilot) -> None:  # type: ignore[no-untyped-def]
    """Answer the mini dialogue to its end."""
    await pilot.pause()
    for keys in (("3", "enter"), ("n", "enter"), ("1", "3", "enter"), ("3", "enter")):
        await pilot.press(*keys)
    await pilot.pause()


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The text of a Static, as shown."""
    return str(app.screen.query_one(selector).render())


async def test_the_end_reads_as_a_conclusion(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await finish_mini(pilot)
        screen = app.screen
        assert isinstance(screen, ChatScreen) and talk.session.complete
        # The thanks, the overall result and the transcript's place, with the two ways on.
        assert shown(app, "#thanks") == "Thank you."
        assert shown(app, "#result").startswith("Overall: ")
        assert shown(app, "#saved").startswith("Transcript saved: ")
        conclusion = screen.query_one("#conclusion")
        assert conclusion.region.bottom <= SIZE[1] - 1  # above the key hints
        assert all(
            screen.query_one(selector).region.height == 1
            for selector in ("#thanks", "#result", "#saved", "#view-report", "#go-home")
        )
        log = screen.query_one(ChatLog)
        assert log.region.height >= 8  # the conversation stays readable above it
        hints = screen.query_one(KeyHints).text
        assert "View report" in hints and "Home" in hints
        assert not any(word in hints for word in ("Back", "Skip", "Note", "Abandon", "Send"))
        await pilot.press("ctrl+b")  # nothing to go back to: the screen stays as it is
        await pilot.pause()
        assert log.region.height >= 8 and conclusion.display
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.assessment is screen.assessment  # compiled once, not again
        await pilot.press("escape")
        await pilot.press("escape")  # home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_abandoning_ends_with_a_conclusion_too(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter", "ctrl+g", "y")
        await pilot.pause()
        assert "abandoned" in shown(app, "#thanks")
        assert shown(app, "#result").startswith("Overall so far: ")
        assert "Abandon" not in app.screen.query_one(KeyHints).text


async def test_options_answer_by_mouse_and_by_enter_on_a_focused_option(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        buttons = list(app.screen.query(OptionButton))
        assert [b.option.value for b in buttons][:2] == ["disagree", "partly"]
        agree = next(b for b in buttons if b.option.value == "agree")
        assert await pilot.click(agree)
        await pilot.pause()
        partly = next(b for b in app.screen.query(OptionButton) if b.option.value == "partly")
        partly.focus()
        await pilot.press("enter")
        await pilot.pause()
        answers = [t.value for t in on_disk(talk.path).turns if t.kind == "answer"]
        assert answers == ["agree", "partly"]


async def test_a_short_conversation_sits_at_the_bottom_of_the_log(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path, conversation=start(catalogue, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        log = app.screen.query_one(ChatLog)
        height = log.scrollable_content_region.height
        assert log.line_count < height
        shown = [log.render_line(y).text.strip() for y in range(height)]
        assert shown[-1] == "The partnership works well."  # the question, just above the box
        assert shown[0] == ""


async def test_a_probe_is_shown_as_a_follow_up(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        assert "Follow-up to a1: a weak answer\nWhy is that?" in "\n".join(
            line.strip() for line in log_text(app).splitlines()
        )
        assert app.screen.query_one(ChatInput).placeholder.startswith("Type your reply")
        await type_text(pilot, "We meet too rarely since the restructure in 2008")
        await pilot.press("enter")
        await pilot.pause()
        turns = on_disk(talk.path).turns
        assert [t.kind for t in turns[-3:]] == ["probe", "probe_answer", "ask"]
        assert turns[-2].text == "We meet too rarely since the restructure in 2008"


async def test_going_back_and_amending_keeps_the_original(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one(ChatInput).placeholder.startswith(
            "Enter keeps the current answer"
        )
        await pilot.press("4", "enter")
        await pilot.pause()
    answers = [t for t in on_disk(talk.path).turns if t.kind == "answer"]
    assert [a.value for a in answers] == ["agree", "strongly"]
    assert answers[1].amends == answers[0].seq


async def test_save_and_quit_then_resume_from_home(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    path = talk.path
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[1:] == ["Jane Smith, Borough C…", "in progress 1/5", "mini", "self"]
        # At 80 columns the list has the width (the key hints name the actions); wider, the
        # menu is shown beside it.
        assert not app.screen.query_one("#menu").display
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert app.screen.query_one("#menu").display
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert "Welcome back" in log_text(app)
        assert [o.key for o in app.screen.query_one(ChatInput).options] == ["y", "p", "n", "d"]
        await pilot.press("n", "enter")
        await pilot.pause()
    answers = [t.value for t in on_disk(path).turns if t.kind == "answer"]
    assert answers == ["agree", "no"]


async def test_telephone_interview_single_key_coding_and_a_note(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("3")  # codes a1 as Agree
        await pilot.press("ctrl+n")
        await type_text(pilot, "bad line 1 2 3 y n")  # digits in the notes never code answers
        await pilot.press("enter")
        await pilot.press("y")  # a2 Yes: branch to a3 (text), answered in the reply box
        await pilot.pause()
        await type_text(pilot, "Essex Police and the PCT signed it in June 2009")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+r")  # amend a1
        await pilot.pause()
        await pilot.press("enter")  # the first answered question: a1
        await pilot.pause()
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
    transcript = on_disk(talk.path)
    assert transcript.mode == "telephone" and transcript.interviewer.name == "An Officer"
    notes = [t for t in transcript.turns if t.kind == "note"]
    assert [(n.text, n.speaker, n.question) for n in notes] == [
        ("bad line 1 2 3 y n", "interviewer", "a2")
    ]
    answers = [(t.question, t.value) for t in transcript.turns if t.kind == "answer"]
    assert answers[:3] == [
        ("a1", "agree"),
        ("a2", "yes"),
        ("a3", "Essex Police and the PCT signed it in June 2009"),
    ]
    assert answers[-1] == ("a1", "disagree")
    assert next(t for t in reversed(transcript.turns) if t.kind == "answer").amends is not None


async def test_pausing_the_call_stops_coding(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.press("3")
        await pilot.pause()
        assert not [t for t in on_disk(talk.path).turns if t.kind == "answer"]
        await pilot.press("ctrl+t")
        await pilot.press("3")
        await pilot.pause()
        assert [t.value for t in on_disk(talk.path).turns if t.kind == "answer"] == ["agree"]


async def test_replay_stepping_and_jumping(tmp_path: Path) -> None:
    sample = tmp_path / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), tmp_path, replay=sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        for _ in range(5):
            await pilot.press("right")
        assert screen.position == 6
        await pilot.press("left")
        assert screen.position == 5
        await pilot.press("end")
        assert screen.position == len(screen.turns)
        await pilot.press("home")
        assert screen.position == 0
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the third area
        await pilot.pause()
        asked = screen.turns[screen.position - 1]
        assert asked.kind == "ask" and asked.question == "q3_1"
        await pilot.press("+", "+", "+")  # 8 turns a second
        await pilot.press("space")  # play
        await pilot.pause(0.8)
        await pilot.press("space")
        assert screen.position > asked.seq


async def test_hostile_text_is_shown_literally_and_runs_nothing(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    hostile = "[@click=app.quit]x[/] [bold red]b[/]"
    talk = start(catalogue, tmp_path, name=hostile)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one(ChatInput)
        box.value = "3 - " + hostile + " \x1b[2J"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]x[/] [bold red]b[/]" in log_text(app)
        assert "\x1b" not in log_text(app)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert any("[@click=app.quit]x[/]" in str(cell) for cell in row)
        await pilot.click("#table")
        await pilot.pause()
        assert app.is_running
    answer = next(t for t in on_disk(talk.path).turns if t.kind == "answer")
    assert answer.comment == hostile


async def test_broken_and_locked_transcripts_are_clear_messages(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    (tmp_path / "broken.toml").write_text("schema = [oops")
    talk = start(catalogue, tmp_path)
    talk.begin()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [str(table.get_row_at(i)) for i in range(table.row_count)]
        assert any("broken" in row for row in rows)
        app.open_replay(tmp_path / "broken.toml")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "is not valid TOML" in app.screen.message
        await pilot.press("escape")
        app.open_transcript(talk.path)  # still held by `talk`
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "is in use by process" in app.screen.message
    talk.close()


async def test_start_form_creates_a_transcript(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Pat Jones")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        await pilot.press("3", "enter")
        await pilot.pause()
    (path,) = tmp_path.glob("*.toml")
    transcript = on_disk(path)
    assert transcript.respondent.name == "Pat Jones"
    assert [t.value for t in transcript.turns if t.kind == "answer"] == ["agree"]


async def open_sample_report(pilot, tmp_path: Path) -> ReportScreen:  # type: ignore[no-untyped-def]
    """The report screen of a copy of a sample transcript, opened as from the home screen."""
    sample = tmp_path / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    await pilot.pause()
    pilot.app.open_report(sample)
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReportScreen)
    return pilot.app.screen


async def test_report_screen_exports_each_format(tmp_path: Path) -> None:
    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_sample_report(pilot, tmp_path)
        assert app.screen.query_one("#areas", DataTable).row_count == 7
        for key in "mhjc":
            await pilot.press(key)
        await pilot.pause()
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "fareham.csv",
        "fareham.html",
        "fareham.json",
        "fareham.md",
    ]


async def test_report_screen_figures_read_as_the_paper_reports_do(tmp_path: Path) -> None:
    # The table on screen and the exported report put the same score in front of a board:
    # it must read the same in both (one decimal, by one rule).
    from bot.report import render_assessment

    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sample_report(pilot, tmp_path)
        table = screen.query_one("#areas", DataTable)
        on_screen = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        title = str(screen.query_one("#report-title").render())
        paper = render_assessment(screen.assessment, "md")
    on_paper = [
        line.split(" | ")[1]
        for line in paper.splitlines()
        if line[:3] in {"| 1", "| 2", "| 3", "| 4", "| 5", "| 6", "| 7"}
    ]
    assert on_screen == on_paper == ["44.4", "33.3", "66.7", "44.4", "37.5", "30.6", "23.8"]
    assert "overall 40.1/100 (Amber)" in title and "**Overall score:** 40.1 / 100" in paper


async def test_report_screen_states_the_priority_rule_beside_its_priorities(
    tmp_path: Path,
) -> None:
    # As the paper report does: each priority shown can be checked from what is shown.
    from bot.report.data import wording_note
    from bot.scoring.compile import PRIORITY_RULE

    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sample_report(pilot, tmp_path)
        shown = str(screen.query_one("#actions").render())
    flat = " ".join(shown.split())
    assert f"How priority is set: {PRIORITY_RULE}" in flat
    assert f"Wording: {wording_note(screen.assessment.framework)}" in flat
    assert flat.index("How priority is set") < flat.index("priority high")
    # The need as the rule reads it (one decimal place), never rounded to a whole number.
    for action in screen.assessment.actions:
        assert f"priority {action.priority} (need {action.need:.1f})" in flat


async def test_command_palette_offers_the_main_actions(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "New self-assessment",
            "New telephone interview",
            "Back to the previous question",
            "Skip this question or follow-up",
            "Abandon the assessment (asks first)",
        } <= titles
        assert "View the report" not in titles  # only what the screen offers now
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("y")  # confirm abandoning
        await pilot.pause()
        # Derived from the screen's bindings, the palette and the help follow what it offers.
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert (
            "View the report" in commands and "Abandon the assessment (asks first)" not in commands
        )
        await pilot.press("f1")
        await pilot.pause()
        assert ("o", "view the report") in app.screen.keys
        assert not any(key == "Ctrl+G" for key, _ in app.screen.keys)
    assert on_disk(talk.path).status == "abandoned"


async def test_adapts_to_resizing(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one(ChatInput).value = (
            "3 - " + "the minutes of the board in March 2009 show it " * 4
        )
        await pilot.press("enter")
        await pilot.pause()
        log = app.screen.query_one(ChatLog)
        narrow = log.line_count
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert log.line_count < narrow  # re-wrapped to the wider width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert log.line_count == narrow
        assert log.scroll_y == log.max_scroll_y


@pytest.mark.parametrize("mode", ["self", "telephone"])
async def test_resume_continues_exactly_where_plain_mode_stopped(tmp_path: Path, mode: str) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="Officer" if mode == "telephone" else None)
    talk.begin()
    talk.answer("3")
    talk.close()
    resumed = conversation.resume(catalogue, talk.path)
    app = make_app(catalogue, tmp_path, conversation=resumed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Do you have a protocol?" in log_text(app).splitlines()[
            -1
        ] or "Do you have a protocol?" in log_text(app)
        await pilot.press("y")
        if mode == "self":  # the chat sends on Enter; the interview codes with one key
            await pilot.press("enter")
        await pilot.pause()
    assert [t.question for t in on_disk(talk.path).turns if t.kind == "answer"] == ["a1", "a2"]


async def test_a_refused_answer_keeps_what_was_typed_and_marks_it(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        typed = "7 - the board has met monthly since the 2008 restructure"
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one(ChatInput)
        assert box.value == typed  # nothing to type again
        assert box.has_class("-invalid")
        assert app.screen.query_one("#hint").has_class("-error")
        assert shown(app, "#hint")  # says what was wrong
        await pilot.press("home", "delete")
        await type_text(pilot, "3")
        assert not box.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == ""
    answer = next(t for t in on_disk(talk.path).turns if t.kind == "answer")
    assert (answer.value, answer.comment) == (
        "agree",
        "the board has met monthly since the 2008 restructure",
    )


async def test_a_free_text_question_says_how_to_send(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Send" not in app.screen.query_one(KeyHints).text
        await pilot.press("3", "enter", "y", "enter")  # a3 is a free-text question
        await pilot.pause()
        area = app.screen.query_one("#long-answer", TextArea)
        assert app.screen.focused is area
        assert "Ctrl+S" in str(area.placeholder)
        assert "Ctrl+S sends" in str(area.border_subtitle)  # stays in view while typing
        assert "^s Send" in app.screen.query_one(KeyHints).text
        await type_text(pilot, "Essex Police")
        await pilot.press("enter")
        await type_text(pilot, "and the PCT")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Send" not in app.screen.query_one(KeyHints).text
    answer = [t for t in on_disk(talk.path).turns if t.kind == "answer"][-1]
    assert answer.value == "Essex Police\nand the PCT"


async def test_a_question_entered_again_shows_its_earlier_answer_as_a_hint(
    tmp_path: Path,
) -> None:
    """a3 answered, left (a2 changed to no), entered again (a2 back to yes): its earlier
    words are a hint only, not the current answer, and its box comes back empty."""
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter", "y", "enter")
        await pilot.pause()
        await type_text(pilot, "Essex Police")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        await pilot.press("n", "enter", "ctrl+b")
        await pilot.pause()
        await pilot.press("y", "enter")
        await pilot.pause()
        session = app.screen.conversation.session
        assert session.current().question.id == "a3"
        assert shown(app, "#hint") == "Earlier, on this branch: Essex Police"
        assert app.screen.query_one(TextArea).text == ""
        assert "a3" not in session.answers


async def test_going_back_shows_the_current_answer(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter", "ctrl+b")
        await pilot.pause()
        current = [b for b in app.screen.query(OptionButton) if b.has_class("-current")]
        assert [b.option.value for b in current] == ["agree"]
        assert str(current[0].render()).startswith("✓ 3")
        assert shown(app, "#hint") == "Currently: Agree"
        await pilot.press("enter")  # keeps it
        await pilot.pause()
        assert not [b for b in app.screen.query(OptionButton) if b.has_class("-current")]


@pytest.mark.parametrize("telephone", [False, True])
async def test_help_fits_at_80x24(tmp_path: Path, telephone: bool) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer" if telephone else None)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y == 0  # every key in view
        keys = app.screen.query_one("#help-keys")
        assert keys.region.height == len(app.screen.keys)  # one line each, none wrapped
        hint = app.screen.query_one("#help-hint")
        assert "command palette" in str(hint.render())
        assert 0 < hint.region.bottom <= SIZE[1]


async def test_the_question_count_is_never_cut(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(ProgressHeader)
        assert header.count == "1 of up to 5 questions"
        # Drawn whole at the end of its line, inside the 40 columns.
        assert header.render_line(1).text.endswith(" 1 of up to 5 questions")
        assert header.region.right <= 40


async def test_welcome_back_comes_before_the_waiting_question(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.close()
    app = make_app(catalogue, tmp_path, conversation=conversation.resume(catalogue, talk.path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = [line for line in log_text(app).splitlines() if line.strip()]
        assert lines[-1].strip() == "Do you have a protocol?"
        assert lines[-3].strip() == "Welcome back: carrying on where you left off."
        # Info lines start where the bubbles' words do, not at column 0.
        assert lines[-3].startswith(" W")


async def test_the_report_scrolls_from_the_keyboard_and_has_help(tmp_path: Path) -> None:
    sample = tmp_path / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_report(sample)
        await pilot.pause()
        body = app.screen.query_one("#report-body")
        assert app.screen.focused is body
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y  # the suggested actions are in reach
        await pilot.press("down", "home")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_replay_opens_its_report_even_from_another_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sample = elsewhere / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), tmp_path / "transcripts", replay=sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.assessment.transcript_id == on_disk(sample).id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


async def test_exports_never_overwrite_and_carry_notes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.note("Asked to check with the clerk <b>first</b>")
    talk.close()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_report(talk.path)
        await pilot.pause()
        await pilot.press("m", "h", "m")
        await pilot.pause()
        assert str(app.screen.query_one("#export-path").render()).endswith(f"{talk.path.stem}-2.md")
    stem = talk.path.stem
    reports = tmp_path / "reports"
    assert sorted(p.name for p in reports.iterdir()) == [
        f"{stem}-2.md",
        f"{stem}.html",
        f"{stem}.md",
    ]
    markdown = (reports / f"{stem}.md").read_text()
    assert "*Note (not part of the answer):* Asked to check with the clerk" in markdown
    html = (reports / f"{stem}.html").read_text()
    assert "<em>Note (not part of the answer):</em> Asked to check with the clerk &lt;b&gt;" in html


async def test_the_csv_export_button_says_what_the_csv_holds(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Button

    from bot.tui.screens.compare import CompareScreen
    from bot.tui.screens.exporting import ExportingScreen
    from bot.tui.screens.plan import PlanScreen

    # One definition of export, help and leaving for the three screens that export.
    assert all(issubclass(s, ExportingScreen) for s in (ReportScreen, CompareScreen, PlanScreen))
    monkeypatch.chdir(tmp_path)
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.close()
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_report(talk.path)
        await pilot.pause()
        button = app.screen.query_one("#export-csv", Button)
        # The CSV carries the registers and facts after the actions, not the actions alone.
        assert str(button.label) == "CSV tables (c)"
        await pilot.click("#export-csv")
        await pilot.pause()
        saved = str(app.screen.query_one("#export-path").render())
        assert saved.startswith("Saved CSV tables: ")
        assert saved.endswith(f"{talk.path.stem}.csv")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "export the actions, registers and facts as CSV" in str(app.screen.keys)
    assert (tmp_path / "reports" / f"{talk.path.stem}.csv").exists()


async def test_a_note_left_unsent_never_lands_on_the_next_question(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await type_text(pilot, "rang back")
        await pilot.press("escape")  # back to coding, the draft left in the box
        await pilot.press("3")  # asks first: the note is kept in its box
        await pilot.pause()
        assert talk.session.current().question.id == "a1"
        await pilot.press("3")  # again: codes a1 without it; the interview moves to a2
        await pilot.pause()
        assert 'Note for a1 not saved (it was left unsent): "rang back"' in log_text(app)
        await pilot.press("ctrl+n", "enter")  # nothing to save against a2
        await pilot.press("ctrl+n")
        await type_text(pilot, "asked for a copy")
        await pilot.press("enter")
        await pilot.pause()
    notes = [(t.question, t.text) for t in on_disk(talk.path).turns if t.kind == "note"]
    assert notes == [("a2", "asked for a copy")]


async def test_a_follow_up_types_a_key_the_next_statement_cannot_code(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a weak answer: a follow-up opens
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-probe")  # the change to typing is visible
        assert "FOLLOW-UP" in shown(app, "#codes")
        reply = screen.query_one("#reply", Input)
        assert screen.focused is reply
        await pilot.press("3")  # a1's code, not one of a2's (y, p, n): the reply's start
        await pilot.pause()
        assert reply.value == "3"
        assert "Ctrl+O skips the follow-up and codes 3" not in shown(app, "#hint")
        await pilot.press("ctrl+o")  # the reply typed is asked about first
        await pilot.pause()
        assert screen.has_class("-probe")
        await pilot.press("ctrl+o")  # again: skipped without it, nothing coded
        await pilot.pause()
        assert not screen.has_class("-probe")
        await pilot.press("7")  # codes nothing, and says so
        await pilot.pause()
        assert '"7" codes nothing here' in shown(app, "#hint")
    kinds = [
        (t.kind, t.value)
        for t in on_disk(talk.path).turns
        if t.speaker != "bot" and not t.kind.startswith("call_")
    ]
    assert kinds == [("answer", "disagree"), ("skip", "")]


async def test_a_held_coding_key_codes_the_next_statement_after_a_skip(tmp_path: Path) -> None:
    catalogue = Catalogue()
    from bot.model import Person, Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Chief Executive"),
        tmp_path,
        Person(name="An Officer"),
        clock=Clock(),
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The conversation has the room at 80x24, the script panel beside it readable.
        assert app.screen.query_one(ChatLog).region.height >= 9
        await pilot.press("5")  # strongly disagree: a follow-up opens
        await pilot.pause()
        assert app.screen.has_class("-probe")
        await pilot.press("2")  # held back, not typed
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("4")  # typing on after a held key keeps it: here, a code again
        await pilot.pause()
        assert app.screen.has_class("-probe")
        await pilot.press("4")
        await type_text(pilot, " members missing")
        await pilot.press("enter")
        await pilot.pause()
    turns = [
        t for t in on_disk(talk.path).turns if t.speaker != "bot" and not t.kind.startswith("call_")
    ]
    assert [(t.kind, t.value or t.text) for t in turns] == [
        ("answer", "strongly_disagree"),
        ("skip", ""),
        ("answer", "agree"),
        ("answer", "disagree"),
        ("probe_answer", "4 members missing"),
    ]


async def test_home_names_its_folder_and_shows_the_mode_whole(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    folder = tmp_path / "transcripts"
    app = make_app(catalogue, folder)
    async with app.run_test(size=(200, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#transcripts-title") == "Transcripts in ./transcripts/"
        talk = start(catalogue, folder, interviewer="An Officer")
        talk.begin()
        talk.close()
        app.screen.refresh_list()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.render_line(1).text.rstrip().endswith("phone")


async def test_the_amend_prompt_shows_every_code(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "ctrl+r", "enter")
        await pilot.pause()
        detail = app.screen.query_one("#detail")
        assert str(detail.render()).endswith("d Don't know, r Refused")
        assert detail.region.height >= 2  # wrapped, not cut


async def test_replay_names_questions_and_answers_as_people_do(tmp_path: Path) -> None:
    sample = tmp_path / "fareham.toml"
    shutil.copy(ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml", sample)
    app = make_app(Catalogue(), tmp_path, replay=sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        first_answer = next(t for t in screen.turns if t.kind == "answer")
        screen.position = first_answer.seq
        await pilot.pause()
        text = shown(app, "#turn-detail")
        question = screen.loaded.framework.question(first_answer.question)
        assert f"Question {question.number}" in text
        assert f"Answer: {first_answer.label}" in text
        assert first_answer.question not in text.split("Question ", 1)[1].split("\n")[0] or (
            question.number == first_answer.question
        )
        assert "Score:" not in text


async def test_ctrl_c_leaves_with_the_interrupted_status_and_keeps_everything(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await type_text(pilot, "y")  # the box has the focus: Ctrl+C still leaves
        await pilot.press("ctrl+c")  # the first says "y" is not sent yet
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130
    assert [t.value for t in on_disk(talk.path).turns if t.kind == "answer"] == ["agree"]


async def test_the_call_is_timed_in_the_transcript_across_pauses_and_resumes(
    tmp_path: Path,
) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path, interviewer="An Officer")  # each clock call: a second on
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "ctrl+t", "ctrl+t", "escape")  # code, pause, resume, leave
        await pilot.pause()
    turns = on_disk(talk.path).turns
    calls = [t.kind for t in turns if t.kind.startswith("call_")]
    assert calls == ["call_start", "call_pause", "call_resume", "call_pause"]
    so_far = on_disk(talk.path).call_seconds
    assert so_far is not None and so_far > 0
    resumed = conversation.resume(catalogue, talk.path)
    app = make_app(catalogue, tmp_path, conversation=resumed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timer = app.screen.query_one("#timer")
        assert timer.elapsed == so_far  # goes on from the call so far, not from zero
        minutes, seconds = divmod(int(so_far), 60)
        assert str(timer.render()) == f"{minutes:02d}:{seconds:02d}"
        await pilot.press("ctrl+c")
        await pilot.pause()
    calls = [t.kind for t in on_disk(talk.path).turns if t.kind.startswith("call_")]
    assert calls[-2:] == ["call_resume", "call_pause"]


async def test_replay_shows_the_lead_in_recorded_on_the_question(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    talk.begin()
    talk.answer("3")
    talk.close()
    asked = next(t for t in on_disk(talk.path).turns if t.kind == "ask")
    assert asked.chat == "First question."  # everything shown is in the transcript
    app = make_app(catalogue, tmp_path, replay=talk.path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        lines = [line.strip() for line in log_text(app).splitlines()]
        assert lines[lines.index("Question a1") + 1] == "First question."


async def test_a_refused_draft_is_not_carried_to_another_question(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one(ChatInput)
        await type_text(pilot, "zzz")
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "zzz" and box.has_class("-invalid")  # kept to be corrected
        await pilot.press("ctrl+o")  # skipped: the draft was for a1, not for a2
        await pilot.pause()
        assert box.value == "" and not box.has_class("-invalid")
        await pilot.press("ctrl+b")  # back at a1, skipped; answer it
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        await type_text(pilot, "zzz")  # refused at a2 (yes or no)
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "zzz"
        await pilot.press("ctrl+b")  # back at a1: Enter keeps its answer, not "zzz"
        await pilot.pause()
        assert box.value == ""
        await pilot.press("enter")
        await pilot.pause()
    answers = [t for t in on_disk(talk.path).turns if t.kind == "answer"]
    assert all(t.text != "zzz" for t in answers)


async def test_a_note_keeps_the_narrative_answer_being_typed(tmp_path: Path) -> None:
    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("3", "y"):
            await pilot.press(key, "enter")
            await pilot.pause()
        area = app.screen.query_one(TextArea)
        await type_text(pilot, "Half a reply")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "asked to check the minutes")
        await pilot.press("enter")
        await pilot.pause()
        assert area.text == "Half a reply"
    assert any(t.kind == "note" for t in on_disk(talk.path).turns)


async def test_the_end_counts_answers_by_the_reports_rule(tmp_path: Path) -> None:
    """Don't know is not counted as answered at the end, as in the report."""
    from bot.report.data import assessment_data

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for keys in (("d", "enter"), ("n", "enter"), ("1", "3", "enter"), ("3", "enter")):
            while talk.current().kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
        assert talk.session.complete
        result = shown(app, "#result")
        assert "3 answered, 1 don't know" in result
        assert "4 questions answered" not in result
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.assessment is not None
        # The report says the same, from the same rule.
        assert assessment_data(screen.assessment)["answers"]["words"] == "3 answered, 1 don't know"
