"""A report lists only the questions on the respondent's final path; those off it are
counted once, never listed as "Not asked"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plain_driver import run

INTERVIEW = ROOT / "transcripts" / "rounds" / "hertfordshire-2009" / "h21-ann-evans.toml"


@pytest.mark.e2e
def test_questions_off_the_path_are_counted_once_not_listed(tmp_path: Path) -> None:
    data = json.loads(run("report", str(INTERVIEW), "--format", "json", cwd=tmp_path).stdout)
    listed = [q for a in data["areas"] for q in a["questions"]]
    assert listed and all(q["answer"] != "Not asked" for q in listed)
    assert not any(q["number"].startswith("S") for q in listed)
    # Independently: the survey's statements S1-S18 are all off a telephone interview's path.
    assert data["mode"] == "telephone" and data["not_asked"] == 18
    for fmt in ("md", "html"):
        text = run("report", str(INTERVIEW), "--format", fmt, cwd=tmp_path).stdout
        assert "Not asked" not in text
        assert text.count("18 questions were not part of this interview") == 1


def three_answers_then_stopped(folder: Path):  # type: ignore[no-untyped-def]
    """A working-better-together self-assessment left after five questions, each
    answered with a score: the first area's three, and two of the second's six."""
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        Catalogue(),
        "working-better-together",
        None,
        Respondent(name="Tom Reed"),
        folder,
        clock=Clock(),
    )
    talk.begin()
    for text in ("4", "3", "1", "4", "4"):
        assert talk.answer(text).accepted
        while talk.current().kind == "probe":
            assert talk.skip().accepted
    talk.close()
    return talk


def test_an_unfinished_assessment_has_no_score_from_a_few_answers(tmp_path: Path) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.report.data import assessment_data
    from bot.scoring import compile_transcript

    talk = three_answers_then_stopped(tmp_path)
    transcript = store.load(talk.path).transcript
    assert transcript.status == "in_progress"
    loaded = Catalogue().framework("working-better-together")
    assessment = compile_transcript(transcript, loaded)
    # Five answers of 37 questions: not enough for the overall score, nor for the second
    # area (2 of its 6 questions; those not reached yet count as unanswered). The first
    # area, answered whole, keeps its score.
    assert assessment.overall is None and assessment.overall_rag is None
    assert assessment.areas[0].score is not None
    assert assessment.areas[1].score is None
    data = assessment_data(assessment)
    assert data["not_asked_words"] == (
        f"{data['not_asked']} questions have not been reached yet (the assessment is "
        "unfinished) and are not listed."
    )


def test_an_abandoned_assessment_has_no_score_from_a_few_answers(tmp_path: Path) -> None:
    from bot import conversation, store
    from bot.catalogue import Catalogue
    from bot.report.data import assessment_data
    from bot.scoring import compile_transcript

    talk = three_answers_then_stopped(tmp_path)
    # Come back, then give up: the questions never reached still count as unanswered.
    again = conversation.resume(Catalogue(), talk.path)
    assert again.abandon().accepted
    again.close()
    transcript = store.load(talk.path).transcript
    assert transcript.status == "abandoned"
    assessment = compile_transcript(transcript, Catalogue().framework("working-better-together"))
    assert assessment.overall is None and assessment.overall_rag is None
    assert assessment.areas[0].score is not None
    assert assessment.areas[1].score is None
    data = assessment_data(assessment)
    # 37 questions: five answered and the sixth asked when it was abandoned are on the path.
    assert data["not_reached"] == data["not_asked"] == 31
    assert data["not_asked_words"] == (
        "31 questions were not reached before the assessment was abandoned and are not listed."
    )


def test_an_unfinished_path_counts_the_questions_not_reached_yet(tmp_path: Path) -> None:
    from bot.engine.path import final_path
    from bot.facts import AnswerFacts, still_to_come

    talk = three_answers_then_stopped(tmp_path)
    framework = talk.session.framework
    path = final_path(talk.session.turns)
    area = framework.areas[1].id
    # Read as finished, the second area's coverage is among its questions asked; read as
    # unfinished, its questions not reached yet count too.
    assert AnswerFacts.on_path(framework, path).area_coverage(area).enough(framework)
    to_come = still_to_come(framework, path, talk.session.loaded.dialogue)
    unfinished = AnswerFacts.on_path(framework, path, to_come)
    assert unfinished.area_coverage(area).share == pytest.approx(2 / 6)


def interview_stopped_at(folder: Path, statement: str):  # type: ignore[no-untyped-def]
    """A Hertfordshire telephone interview that agreed with every statement up to one, then
    stopped with that statement asked (the call to go on later)."""
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Person, Respondent
    from tests.conftest import Clock

    talk = conversation.start(
        Catalogue(),
        "hertfordshire-review",
        None,
        Respondent(name="Sam Lee"),
        folder,
        interviewer=Person(name="Ian Call"),
        clock=Clock(),
    )
    talk.begin()
    while talk.current().question.number != statement:
        assert talk.answer("2").accepted
        while talk.current().kind == "probe":
            assert talk.skip().accepted
    talk.close()
    return talk


def test_an_unfinished_interview_counts_only_its_own_questions_still_to_come(
    tmp_path: Path,
) -> None:
    from bot.engine.path import final_path
    from bot.facts import AnswerFacts, still_to_come

    talk = interview_stopped_at(tmp_path, "T3")
    framework = talk.session.framework
    path = final_path(talk.session.turns)
    to_come = still_to_come(framework, path, talk.session.loaded.dialogue)
    numbers = {framework.question(q).number for q in to_come}
    # The interview's statements after T2, T3 (being asked) on the path; never the
    # survey's S statements, which the interview does not ask.
    assert numbers == {f"T{n}" for n in range(4, 25)}
    facts = AnswerFacts.on_path(framework, path, to_come)
    # Membership (S3, T1, T2): both of the interview's answered, so its score stands.
    assert facts.area_coverage("membership").share == 1.0
    assert facts.covered_area_score("membership") is not None
    # Without the dialogue, every question of the framework is counted (the safe side).
    assert still_to_come(framework, path, None) == {
        q.id for q in framework.questions() if not path.on_path(q.id)
    }


@pytest.mark.e2e
def test_an_unfinished_interview_report_says_how_many_of_its_own_are_to_come(
    tmp_path: Path,
) -> None:
    # As a user does it: two statements coded (the follow-up to the first passed by), then
    # the call stopped at the third.
    taken = run(
        "interview",
        "-f",
        "hertfordshire-review",
        "--plain",
        "--caller",
        "Ian Call",
        "--respondent",
        "Sam Lee",
        stdin="1\n2\n",
        cwd=tmp_path,
    )
    assert "Resume with" in taken.stdout, taken.stdout + taken.stderr
    (transcript,) = (tmp_path / "transcripts").glob("*.toml")
    data = json.loads(run("report", str(transcript), "--format", "json", cwd=tmp_path).stdout)
    assert data["status"] == "in_progress" and data["mode"] == "telephone"
    # On the path: T1, T2, T3 (being asked); to come: T4-T24; the survey's 18 statements
    # are not part of an interview at all.
    assert (data["not_asked"], data["not_reached"]) == (39, 21)
    assert data["not_asked_words"] == (
        "21 questions have not been reached yet (the interview is unfinished) and are not "
        "listed. 18 questions were not part of this interview (not on the respondent's "
        "path) and are not listed."
    )
    membership = next(a for a in data["areas"] if a["id"] == "membership")
    assert membership["coverage"] == 100.0 and membership["score"] is not None
    text = run("report", str(transcript), cwd=tmp_path).stdout
    assert "21 questions have not been reached yet" in text


def test_the_replay_and_the_aggregate_count_the_questions_to_come_as_the_report_does(
    tmp_path: Path,
) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.report.make import assess
    from bot.scoring.aggregate import Filters, aggregate
    from bot.scoring.so_far import scores_so_far

    # Stopped at T24: Ambition (S15, S17, T23) has its one interview statement answered.
    talk = interview_stopped_at(tmp_path, "T24")
    report = assess(talk.path, Catalogue())
    ambition = next(a for a in report.areas if a.area.id == "ambition")
    assert ambition.score is not None and ambition.coverage == 1.0
    transcript = store.load(talk.path).transcript
    framework = report.framework
    rows = scores_so_far(framework, transcript.turns, transcript, talk.session.loaded)
    assert [r.score for r in rows] == [a.score for a in report.areas]
    totals, _ = aggregate([talk.path], Catalogue(), Filters(include_unfinished=True))
    (total,) = totals.values()
    assert total.areas["ambition"].count == 1


def test_a_damaged_kept_dialogue_leaves_the_installed_one_to_count_what_is_to_come(
    tmp_path: Path,
) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.report.make import assess

    talk = interview_stopped_at(tmp_path, "T24")
    before = assess(talk.path, Catalogue())
    transcript = store.load(talk.path).transcript
    kept = store.find_snapshot(talk.path.parent, transcript.dialogue.hash)
    assert kept is not None
    kept.write_text("this is [not a dialogue", encoding="utf-8")
    after = assess(talk.path, Catalogue())
    assert not any("cannot be read" in w for w in after.warnings), after.warnings
    assert after.to_come == before.to_come
