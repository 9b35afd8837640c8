"""Questions ahead of where the respondent went back stay on the path only while the dialogue,
walked on with the latest answers, still reaches them.

An unfinished transcript whose respondent went back and changed an answer that closes a
branch further on (the governance review's Executive answered 0, which passes by how often
the Executive meets) no longer reports, scores or acts on the answers in that branch; they
stay in the transcript's history. The session, the report, the aggregate's summary, the
replay and the home list read one path (`bot.engine.routes.transcript_path`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import final_path, is_answered
from bot.engine.routes import transcript_path
from bot.loading import LoadedDialogue, LoadedFramework, load_dialogue
from bot.scoring import compile_transcript
from bot.scoring.so_far import scores_so_far
from bot.scoring.source import dialogue_for
from bot.scoring.summary import summarise_text
from bot.tui.screens.home import progress_of
from tests.conftest import DATA
from tests.test_final_path import NOW, run, started, through
from tests.test_path_ahead import EXECUTIVE_SAYS, answered
from tests.test_path_property import transcript


@pytest.fixture
def ahead(mini: LoadedFramework) -> LoadedDialogue:
    """The mini framework's dialogue whose branches close questions two steps on."""
    return load_dialogue(DATA / "mini-ahead.toml", mini)


def went_back_to_no_executive() -> Session:
    """The repro: answered past the Executive's meetings (with a follow-up reply), then
    gone back to the Executive's size and answered 0, and left there."""
    session = started(Catalogue().dialogue("governance-structure-review"))
    through(session, "14", "8", "9", "y", "y", "y", "y", "3", "9")
    if session.current().kind == "probe":
        run(session, EXECUTIVE_SAYS)
    through(session, "4")
    while session.current().question.id != "executive_size":
        run(session, ":back")
    run(session, "0")
    if session.current().kind == "probe":
        run(session, "we have no executive")
    assert session.current().question.id == "thematic_size"
    return session


def test_a_branch_closed_further_on_leaves_the_path() -> None:
    session = went_back_to_no_executive()
    loaded = session.loaded
    kept = transcript(loaded, list(session.turns))
    report = compile_transcript(kept, loaded.framework, (), loaded)
    questions = answered(report)
    assert {"executive_size", "board_meetings"} <= set(questions)
    assert "executive_meetings" not in questions
    assert "executive_meetings" not in session.answers
    quoted = [q for a in report.areas for s in a.actions for q in s.quotes]
    assert not any(EXECUTIVE_SAYS in str(q) for q in quoted)
    # Still reached: what follows the Executive and comes back the same way.
    assert {"thematic_size", "deputies", "board_meetings", "thematic_meetings"} <= set(questions)
    # One path: the session, the report, the replay's scores and the turns-only rule.
    assert [s.question for s in session.final_path.steps] == [
        s.question for s in transcript_path(kept, kept.turns, loaded).steps
    ]
    assert "executive_meetings" in {s.question for s in final_path(kept.turns).steps}
    at_end = scores_so_far(loaded.framework.framework, kept.turns, kept, loaded)
    assert [row.score for row in at_end] == [area.score for area in report.areas]


def test_the_saved_transcript_reads_the_same_everywhere(tmp_path: Path) -> None:
    """Kept beside its dialogue's copy, as a conversation keeps it: the report, the
    aggregate's summary and the home list all leave the closed branch out."""
    from bot import conversation
    from bot.model import Respondent

    catalogue = Catalogue()
    talk = conversation.start(
        catalogue, "governance-structure", None, Respondent(name="P"), tmp_path / "g"
    )
    talk.writer.append(list(went_back_to_no_executive().turns))
    talk.close()
    saved = store.load(talk.path).transcript
    framework = catalogue.framework("governance-structure")
    found, warnings = dialogue_for(saved, talk.path, catalogue, framework)
    assert found is not None and not warnings
    report = compile_transcript(saved, framework, (), found)
    assert "executive_meetings" not in answered(report)
    summary = summarise_text(talk.path.read_text(), talk.path, catalogue, False)
    assert "executive_meetings" not in summary.answers
    assert "board_meetings" in summary.answers
    path = transcript_path(saved, saved.turns, found)
    # Answered by the one rule (no Executive, 0, is Not applicable: not an answer there).
    on = sum(1 for s in path.steps if is_answered(s.answer))
    assert progress_of(saved, catalogue).startswith(f"{on}/")


def test_looking_back_and_changing_nothing_keeps_everything(ahead: LoadedDialogue) -> None:
    session = started(ahead)
    run(session, "3", "y", "13", "Essex Police", ":back", ":back", ":back")
    assert session.current().question.id == "a2"
    assert [s.question for s in session.final_path.steps] == ["a1", "a2", "b1", "a3", "b2"]
    run(session, "")  # Enter keeps it
    assert set(session.answers) == {"a1", "a2", "b1", "a3"}


def test_a_changed_answer_on_the_same_branch_keeps_what_follows(ahead: LoadedDialogue) -> None:
    session = started(ahead)
    run(session, "3", "y", "13", "Essex Police", ":back", ":back", ":back", ":back", "4")
    assert session.current().question.id == "a2"
    assert set(session.answers) == {"a1", "a2", "b1", "a3"}


def test_a_changed_answer_closing_a_branch_two_steps_on(ahead: LoadedDialogue) -> None:
    session = started(ahead)
    run(session, "3", "y", "13", "Essex Police", ":back", ":back", ":back", "n")
    assert session.current().question.id == "b1"
    assert [s.question for s in session.final_path.steps] == ["a1", "a2", "b1", "b2"]
    assert set(session.answers) == {"a1", "a2", "b1"}
    run(session, ":back", "y", "")  # opened again: a3 is asked afresh, its answer history
    assert session.current().question.id == "a3"
    assert session.current().previous is None
    assert set(session.answers) == {"a1", "a2", "b1"}
    report = compile_transcript(transcript(ahead, list(session.turns)), ahead.framework, (), ahead)
    assert set(answered(report)) == set(session.answers)


def test_an_answer_ending_the_dialogue_early_closes_what_is_ahead(
    ahead: LoadedDialogue,
) -> None:
    session = started(ahead)
    run(session, "3", "y", "13", "Essex Police", ":back", ":back")
    assert session.current().question.id == "b1"
    run(session, "3")  # b1 < 5: after a3 the dialogue ends, b2 is not reached
    assert session.skip(NOW).accepted  # its follow-up
    assert session.current().question.id == "a3"
    assert [s.question for s in final_path(session.turns).steps][-1] == "b2"
    assert [s.question for s in session.final_path.steps] == ["a1", "a2", "b1", "a3"]
    assert "a3" in session.answers


def test_without_the_dialogue_the_turns_alone_are_the_rule(
    ahead: LoadedDialogue, tmp_path: Path
) -> None:
    session = started(ahead)
    run(session, "3", "y", "13", "Essex Police", ":back", ":back", ":back", "n")
    kept = transcript(ahead, list(session.turns))
    assert "a3" in answered(compile_transcript(kept, ahead.framework))
    saved = tmp_path / "t.toml"  # no dialogue's copy beside it
    missing = kept.model_copy(update={"dialogue": kept.dialogue.model_copy(update={"id": "gone"})})
    found, warnings = dialogue_for(missing, saved, Catalogue(), ahead.framework)
    assert found is None
    assert any("stays in the report" in w for w in warnings)


@pytest.fixture
def grouped(tmp_path: Path) -> Catalogue:
    """The mini framework with a risk register asked after b2, unless b1 is below 5."""
    from tests.test_repeated_groups import dialogue_text, framework_text

    folder = tmp_path / "fw"
    folder.mkdir()
    (folder / "mini.toml").write_text(framework_text(), encoding="utf-8")
    text = dialogue_text().replace(
        '[nodes.b2]\nask = "b2"\nnext = "risks"',
        '[nodes.b2]\nask = "b2"\nnext = "risks"\nbranches = [{ when = "b1 < 5", goto = "bye" }]',
    )
    (folder / "mini-chat.toml").write_text(text, encoding="utf-8")
    return Catalogue(framework_folders=[folder], dialogue_folders=[folder])


def test_a_register_ahead_is_walked_item_by_item(grouped: Catalogue) -> None:
    session = started(grouped.dialogue("mini-chat"))
    through(session, "3", "p", "13", "3", "Housing", "r", "Housing group", "y", "Transport")
    items = {"risk_name#1", "risk_rag#1", "risk_owner#1", "risks#1", "risk_name#2"}
    while session.current().question.id != "b1":
        run(session, ":back")
    assert items <= set(session.answers)  # gone back to look: every item still reached
    through(session, "14")  # the same branch: the register is still reached
    assert session.current().question.id == "b2"
    assert items <= set(session.answers)
    run(session, ":back")
    through(session, "3")  # b1 < 5: the dialogue ends after b2, the register is closed
    if session.current().kind == "probe":
        assert session.skip(NOW).accepted
    assert session.current().question.id == "b2"
    assert not items & set(session.answers)
    assert {"risk_name#1", "risk_name#2"} <= {s.question for s in final_path(session.turns).steps}
