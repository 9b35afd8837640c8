"""The final path: reports, summaries, sessions and progress count only what is on it."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import final_path
from bot.engine.routes import reach_of, transcript_path
from bot.loading import LoadedDialogue, LoadedFramework
from bot.model import Transcript
from bot.model.transcript import Reference
from bot.report.render import render_assessment as render
from bot.scoring import compile_transcript
from bot.scoring.summary import summarise_text
from bot.tui.screens.home import progress_of
from tests.conftest import DATA

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


def test_answers_after_the_cursor_stay_while_the_walk_reaches_them(
    mini_chat: LoadedDialogue,
) -> None:
    session = started(mini_chat)
    run(session, "3", "p", "13", ":back", ":back")
    assert session.current().question.id == "a2"
    # Gone back to look: what follows is still on the path (the route has not changed).
    assert [s.question for s in final_path(session.turns).steps] == ["a1", "a2", "b1", "b2"]
    assert session.current().progress.question_number == 2
    run(session, "y")  # a different route: a3 now follows a2, and it rejoins at b1
    # With the dialogue, b1 and b2 stay (the walk from a3 still reaches them), as the
    # session shows them; by the turns alone, what followed a2 is off the path.
    walked = final_path(session.turns, reach_of(mini_chat))
    assert [s.question for s in walked.steps] == ["a1", "a2", "a3", "b1", "b2"]
    assert session.path == ["a1", "a2", "a3", "b1", "b2"]
    assert session.answers["b1"].value == "13"
    assert [s.question for s in final_path(session.turns).steps] == ["a1", "a2", "a3"]


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


def test_a_follow_on_left_and_entered_again_is_asked_afresh(catalogue: Catalogue) -> None:
    """Hallmarks 1.5 part 2 answered with a reply, left (1.5 changed to no), 1.6-1.8
    answered, then on resuming 1.4 answered and 1.5 changed back to yes: part 2 is asked
    afresh (its old answer and reply are history), and 1.6-1.8 stay answered, as the
    session, the report and the home list all say."""
    dialogue = catalogue.dialogue("hallmarks-self")
    session = started(dialogue)
    through(session, "y", "y", "y", "y", "Yes - we need a county councillor", "a county councillor")
    while session.current().kind == "probe":
        run(session, "Cllr Brown from Hampshire County Council")
    through(session, ":back")
    while session.current().question.id != "h1_5":
        run(session, ":back")
    through(session, "no, not really needed", "y", "y", "y")
    assert session.abandon(NOW).accepted
    before = progress_of(transcript_of(session), catalogue)
    session = Session(dialogue, session.turns[:-1])  # resumed
    session.begin(NOW)
    while session.current().question.id != "h1_4":
        run(session, ":back")
    through(session, "y", "y - we do need one after all")
    while session.current().kind == "probe":
        assert session.skip(NOW).accepted
    prompt = session.current()
    assert prompt.question.id == "h1_5b" and prompt.previous is None
    assert prompt.earlier is not None and prompt.earlier.value == "a county councillor"  # a hint
    assert session.answer("", NOW).error  # Enter on an empty box keeps nothing
    assert session.abandon(NOW).accepted
    answered = set(session.answers)
    assert "h1_5b" not in answered and {"h1_6", "h1_7", "h1_8"} <= answered
    transcript = transcript_of(session)
    path = transcript_path(transcript, session.turns, dialogue)
    assert set(path.answers) == answered
    assert path.step("h1_5b") is not None and path.step("h1_5b").replies == ()
    report = render(compile_transcript(transcript, dialogue.framework, (), dialogue), "md")
    assert "Cllr Brown" not in report
    after = progress_of(transcript, catalogue)
    assert after == before  # 1.4 answered again, nothing dropped
    assert after.split("/")[0] == str(len([a for a in path.answers.values() if not a.abstain]))


def test_a_question_left_and_entered_again_is_not_kept_unless_kept() -> None:
    """Governance in plain mode: the Executive 9, how often it meets answered, the
    Executive changed to 0 (that question leaves the path) and back to 9, then left
    there: the report has no answer to how often it meets, nor its words."""
    from tests.plain_driver import run as command

    with tempfile.TemporaryDirectory() as folder:
        lines = ["14", "9", "9", "y", "y", "y", "y", "3", "6 - we meet bimonthly since 2008", "4"]
        lines += [":back"] * 9 + ["0", ":back", "9"] + [""] * 6 + [":quit"]
        args = ("--transcripts", "g", "assess", "--plain", "-f", "governance-structure")
        done = command(*args, "--respondent", "P", stdin="\n".join(lines) + "\n", cwd=folder)
        assert done.returncode == 0, done.stderr
        asked = done.stdout.rpartition("How many times a year does the Executive meet?")[2]
        assert "Current answer" not in asked.partition(">")[0]  # asked afresh
        hint = " ".join(asked.partition(">")[0].split())
        assert "Earlier, on this branch: 6 - we meet bimonthly since 2008 (type an" in hint
        (saved,) = (Path(folder) / "g").glob("*.toml")
        report = command("report", str(saved), cwd=folder)
    assert report.returncode == 0, report.stderr
    assert "bimonthly since 2008" not in report.stdout
    meets = report.stdout.partition("How many times a year does the Executive meet?")[2]
    assert "*Answer:* No answer" in meets.partition("**")[0]


def test_a_complete_transcript_counts_the_path_without_the_left_branch(
    mini_chat: LoadedDialogue,
) -> None:
    """The home list (and the plan review) read a complete transcript by its turns alone:
    it ended, so nothing is ahead of its cursor for the dialogue to judge, and the branch
    left (a3, answered, then a2 changed) is off the path as the dialogue reads it."""
    from bot.engine.path import answered_of

    session = started(mini_chat)
    run(session, "3", "y", "The Hill Park Project and Essex Police", ":back", ":back", "n")
    run(session, "13", "3")
    while not session.over:
        assert session.skip(NOW).accepted
    transcript = transcript_of(session)
    assert transcript.status == "complete"
    by_turns = final_path(transcript.turns)
    by_dialogue = transcript_path(transcript, transcript.turns, mini_chat)
    assert set(by_turns.answers) == set(by_dialogue.answers) == {"a1", "a2", "b1", "b2"}
    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    counted = "{}/{}".format(*answered_of(by_dialogue, 0, complete=True))
    assert progress_of(transcript, catalogue) == counted == "4/4"
