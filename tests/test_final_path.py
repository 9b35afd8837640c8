"""The final path: reports, summaries, sessions and progress count only what is on it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import final_path
from bot.loading import LoadedDialogue, LoadedFramework
from bot.model import Transcript
from bot.model.transcript import Reference
from bot.report.render import render_assessment as render
from bot.scoring import compile_transcript
from bot.scoring.summary import summarise_text
from bot.tui.screens.home import progress_of

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def started(dialogue: LoadedDialogue) -> Session:
    session = Session(dialogue)
    session.begin(NOW)
    return session


def run(session: Session, *inputs: str) -> None:
    """Answer in order; `:back` goes back."""
    for text in inputs:
        outcome = session.back(NOW) if text == ":back" else session.answer(text, NOW)
        assert outcome.accepted, (text, outcome.error)


def through(session: Session, *inputs: str) -> None:
    """Like `run`, skipping any follow-up that comes before an input."""
    for text in inputs:
        while session.current().kind == "probe":
            assert session.skip(NOW).accepted
        run(session, text)


def transcript_of(session: Session) -> Transcript:
    framework = session.loaded.framework
    return Transcript(
        id="t1",
        framework=Reference(id=framework.id, version=framework.framework.version, hash="x"),
        dialogue=Reference(id=session.dialogue.id, version=session.dialogue.version, hash="y"),
        mode="self",
        started=NOW,
        turns=tuple(session.turns),
    )


def markdown(session: Session, framework: LoadedFramework) -> str:
    return render(compile_transcript(transcript_of(session), framework), "md")


def test_a_branch_backed_out_of_is_off_the_path(
    mini: LoadedFramework, mini_chat: LoadedDialogue
) -> None:
    session = started(mini_chat)
    # a2 yes opens a3; the respondent answers it, goes back twice and says no instead.
    run(session, "3", "y", "The Hill Park Project and Essex Police", ":back", ":back", "n")
    assert session.current().question.id == "b1"
    assert "a3" not in session.answers  # nor does it feed conditions
    path = final_path(session.turns)
    assert [s.question for s in path.steps] == ["a1", "a2", "b1"]
    assessment = compile_transcript(transcript_of(session), mini)
    a3 = assessment.areas[0].questions[2]
    assert (a3.asked, a3.answer, a3.words) == (False, None, ())
    assert "Hill Park" not in render(assessment, "md")
    assert "Hill Park" not in render(assessment, "csv")


def test_the_summary_counts_only_the_path(
    mini: LoadedFramework, mini_chat: LoadedDialogue, tmp_path: Path
) -> None:
    session = started(mini_chat)
    run(session, "3", "y", "The Hill Park Project and Essex Police", ":back", ":back", "n")
    run(session, "13", "3")
    file = tmp_path / "t.toml"
    transcript = transcript_of(session)
    text = store.encode_header(transcript.header()) + store.encode_turns(transcript.turns)
    file.write_text(text)
    catalogue = Catalogue(framework_folders=[mini.path.parent], dialogue_folders=[])
    summary = summarise_text(text, file, catalogue, current=True)
    assert "a3" not in summary.answers
    assert summary.answers["a2"][0] == "disagree"


def test_hallmarks_follow_on_backed_out_of_is_not_reported(catalogue: Catalogue) -> None:
    dialogue = catalogue.dialogue("hallmarks-self")
    session = started(dialogue)
    through(session, "y", "y", "y", "y", "y", "Cllr Jane Smith, portfolio holder")
    through(session, ":back", ":back")
    assert session.current().question.id == "h1_5"
    through(session, "n")
    assert session.current().question.id == "h1_6"
    report = markdown(session, dialogue.framework)
    assert "Jane Smith" not in report
    result = compile_transcript(transcript_of(session), dialogue.framework)
    follow_on = next(q for q in result.areas[0].questions if q.question.id == "h1_5b")
    assert not follow_on.asked and follow_on.answer is None


def test_a_reply_is_unbound_when_its_answer_is_amended(
    mini: LoadedFramework, mini_chat: LoadedDialogue
) -> None:
    session = started(mini_chat)
    run(session, "4")  # top score, no evidence: the follow-up asks for some
    assert session.current().trigger == "unevidenced_high"
    run(session, "Everyone agrees it is marvellous")
    run(session, ":back")  # from the next follow-up back to a1
    assert session.current().question.id == "a1"
    run(session, "1")  # now the lowest option
    run(session, ":skip", "n", "13", "1")
    assessment = compile_transcript(transcript_of(session), mini)
    a1 = assessment.areas[0].questions[0]
    assert a1.answer.label == "Disagree"
    assert "Everyone agrees it is marvellous" not in a1.words
    assert all("marvellous" not in q for a in assessment.actions for q in a.quotes)
    assert "marvellous" not in markdown(session, mini)


def test_skip_typed_at_a_follow_up_is_not_words(
    mini: LoadedFramework, mini_chat: LoadedDialogue
) -> None:
    session = started(mini_chat)
    run(session, "1")
    assert session.current().kind == "probe"
    refused = session.answer("", NOW)
    assert refused.error == "Please type a reply." and refused.skippable
    outcome = session.answer(":skip", NOW)
    assert outcome.turns[0].kind == "skip"
    run(session, "n", "13", "1")
    assessment = compile_transcript(transcript_of(session), mini)
    for fmt in ("md", "csv", "json", "html"):
        assert ":skip" not in render(assessment, fmt)


def test_skip_recorded_as_a_reply_in_an_old_transcript_is_not_words(
    mini: LoadedFramework, mini_chat: LoadedDialogue
) -> None:
    session = started(mini_chat)
    run(session, "1")
    # Transcripts written before `:skip` was understood at follow-ups recorded it as a reply.
    turns = list(session.turns)
    probe = turns[-1]
    turns.append(
        probe.model_copy(
            update={
                "seq": len(turns) + 1,
                "speaker": "respondent",
                "kind": "probe_answer",
                "text": ":skip",
            }
        )
    )
    step = final_path(turns).step("a1")
    assert step is not None and step.replies == ()


def test_answers_after_the_cursor_stay_until_the_route_changes(
    mini_chat: LoadedDialogue,
) -> None:
    session = started(mini_chat)
    run(session, "3", "p", "13", ":back", ":back")
    assert session.current().question.id == "a2"
    # Gone back to look: what follows is still on the path (the route has not changed).
    assert [s.question for s in final_path(session.turns).steps] == ["a1", "a2", "b1", "b2"]
    assert session.current().progress.question_number == 2
    run(session, "y")  # a different route: a3 now follows a2, b1 and b2 are off the path
    assert [s.question for s in final_path(session.turns).steps] == ["a1", "a2", "a3"]
    assert "b1" not in session.answers


def test_keeping_answers_walks_the_same_path(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "p", "13", ":back", ":back", "", "")
    assert session.current().question.id == "b2"
    assert session.answers["b1"].value == "13"


def test_skipping_a_question_leaves_it_unanswered(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    # Gone back to, an answered question keeps its answer (tests/test_skip_keeps_answer.py).
    assert session.skip(NOW).accepted
    assert "a1" not in session.answers
    assert final_path(session.turns).step("a1").answer is None


def test_an_amendment_that_changes_the_route_goes_back_to_where_it_turns(
    mini: LoadedFramework, mini_chat: LoadedDialogue
) -> None:
    session = started(mini_chat)
    run(session, "3", "y", "The Hill Park Project and Essex Police")
    assert session.current().question.id == "b1"
    outcome = session.amend("a2", "n", NOW)
    assert [t.kind for t in outcome.turns] == ["answer", "back", "ask"]
    assert session.current().question.id == "a2"
    run(session, "")  # Enter keeps the amended answer and takes the new route
    assert session.current().question.id == "b1"
    assert "a3" not in session.answers
    run(session, "13", "3")
    assert "Hill Park" not in markdown(session, mini)


def test_an_amendment_on_the_same_route_stays(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "p")
    outcome = session.amend("a1", "1", NOW)
    assert [t.kind for t in outcome.turns] == ["answer"]
    assert session.current().question.id == "b1"


def test_an_amendment_changing_the_route_after_the_end_is_refused(
    mini_chat: LoadedDialogue,
) -> None:
    session = started(mini_chat)
    run(session, "3", "p", "13", "3")
    assert session.complete
    assert "changes which questions follow" in session.amend("a2", "y", NOW).error
    assert session.amend("a1", "1", NOW).accepted


def test_home_progress_counts_answers_on_the_path(catalogue: Catalogue) -> None:
    dialogue = catalogue.dialogue("hallmarks-self")
    session = started(dialogue)
    through(session, "y", "y", "y", "y", "y", "Cllr Jane Smith", ":back", ":back", "n")
    transcript = transcript_of(session)
    assert progress_of(transcript, catalogue).startswith("5/")
    assert session.current().progress.question_number == 6


@pytest.mark.parametrize("reply", ["", "   ", ":skip", ":SKIP "])
def test_empty_and_skip_replies_are_not_words(reply: str, mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "1")
    turns = list(session.turns)
    turns.append(
        turns[-1].model_copy(
            update={
                "seq": len(turns) + 1,
                "speaker": "respondent",
                "kind": "probe_answer",
                "text": reply,
            }
        )
    )
    assert final_path(turns).step("a1").replies == ()


def test_a_report_and_the_aggregate_share_one_rule_for_actions(
    mini: LoadedFramework, mini_chat: LoadedDialogue, tmp_path: Path
) -> None:
    session = started(mini_chat)
    # a1 weak with a reply, a2 at half marks: the action on the area's score quotes a1 alone.
    run(session, "1", "Nobody reads the minutes", "p")
    through(session, "13", "1")
    transcript = transcript_of(session)
    report = compile_transcript(transcript, mini)
    file = tmp_path / "t.toml"
    text = store.encode_header(transcript.header()) + store.encode_turns(transcript.turns)
    file.write_text(text)
    catalogue = Catalogue(framework_folders=[mini.path.parent], dialogue_folders=[])
    summary = summarise_text(text, file, catalogue, current=True)
    assert {a.action.id for a in report.actions} == set(summary.actions)
    assert summary.actions["fix-one"].quotes == ("Nobody reads the minutes",)
    for action in report.actions:
        fired = summary.actions[action.action.id]
        assert fired.need == action.need
        assert fired.quotes == action.quotes[:3]
