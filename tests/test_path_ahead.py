"""An unfinished transcript's report answers exactly what a walk on from where it was left
reaches (a property, over random answers, backs, skips and changed branch answers).

A respondent who went back and changed an answer closes the branches the new answer no
longer leads to, further on as well as just after it: the report of the saved transcript,
compiled as the `report` command compiles it (with the dialogue's copy kept beside it),
lists the questions a respondent carrying on and keeping each answer (Enter) would end
with, and the session reads the same path.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import conversation
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import FinalPath, final_path
from bot.engine.routes import reach_of
from bot.loading import LoadedDialogue
from bot.model import Respondent, Turn
from bot.model.framework import base_question, instance_key
from bot.report.make import assess
from bot.scoring.results import Assessment
from tests.conftest import DATA
from tests.test_path_property import REPLIES, answer_text

NOW = conversation.utc_now()
EXECUTIVE_SAYS = "the executive meets monthly in winter"
DIALOGUES = {
    "mini-ahead": "mini",  # its branches close a question two steps on (tests/data)
    "governance-structure-review": "governance-structure",  # "no Executive", a register
    "hallmarks-self": "hallmarks",
}


@cache
def catalogue(dialogue_id: str) -> Catalogue:
    if dialogue_id == "mini-ahead":
        return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    return Catalogue()


def move(draw: Callable, session: Session, loaded: LoadedDialogue) -> None:
    """One random move of a respondent: an answer of any kind (so a branch answer changes
    on a second visit), Enter on an answer, back, skip, a follow-up's reply or skip."""
    prompt = session.current()
    moves = ["answer", "answer", "skip"] if prompt.kind == "ask" else ["reply", "skip"]
    if prompt.can_go_back:
        moves += ["back", "back", "back"]
    if prompt.previous is not None:
        moves.append("keep")
    chosen = draw(st.sampled_from(moves))
    if chosen == "answer":
        assert prompt.question is not None
        outcome = session.answer(answer_text(draw, prompt.question, loaded), NOW)
    elif chosen == "reply":
        outcome = session.answer(draw(st.sampled_from(REPLIES)), NOW)
    elif chosen == "keep":
        outcome = session.answer("", NOW)
    elif chosen == "skip":
        outcome = session.skip(NOW)
    else:
        outcome = session.back(NOW)
    assert outcome.accepted, (chosen, outcome.error)


def on_path_now(session: Session) -> set[str]:
    """The questions on the session's path now (one item's, in a group)."""
    return {step.question for step in session.final_path.steps}


def roam(draw: Callable, loaded: LoadedDialogue, steps: int) -> tuple[Session, dict[str, int]]:
    """Random moves (``steps`` of them, or to the end), then, left part way, looks back
    some questions with a new answer there (a branch answer changed: a branch left, and
    with a later change entered again) and a few more random moves each time: a
    respondent who went back and changed their mind, maybe twice, then left. With the
    session, where each question was last seen leaving the path: question -> the number
    of turns by then."""
    session = Session(loaded)
    session.begin(NOW)
    left: dict[str, int] = {}
    seen = on_path_now(session)

    def watch() -> None:
        nonlocal seen
        now = on_path_now(session)
        left.update(dict.fromkeys(seen - now, len(session.turns)))
        seen = now

    for _ in range(steps):
        if session.over:
            return session, left
        move(draw, session, loaded)
        watch()
    for _ in range(draw(st.integers(min_value=1, max_value=3), label="changes of mind")):
        backs = draw(st.integers(min_value=0, max_value=max(session.tracker.cursor, 0)))
        for _ in range(backs):
            if session.over or not session.current().can_go_back:
                break
            assert session.back(NOW).accepted
            watch()
        prompt = session.current() if not session.over else None
        if prompt is not None and prompt.kind == "ask" and prompt.question is not None:
            assert session.answer(answer_text(draw, prompt.question, loaded), NOW).accepted
            watch()
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            if session.over:
                break
            move(draw, session, loaded)
            watch()
    return session, left


def given_since(turns: list[Turn], question: str, since: int) -> bool:
    """Whether the question was answered or kept in the turns after the first ``since``."""
    return any(
        turn.kind in ("answer", "keep") and instance_key(turn.question, turn.item) == question
        for turn in turns[since:]
    )


def seqs(path: FinalPath, loaded: LoadedDialogue) -> dict[str, int]:
    """A path's answers as a report lists them (a group's "another?" is not listed):
    question (one item's, in a group) -> the answer's turn number."""
    more = loaded.framework.framework.more_questions
    return {q: t.seq for q, t in path.answers.items() if base_question(q) not in more}


def fresh_walk(loaded: LoadedDialogue, turns: list[Turn]) -> dict[str, int]:
    """The answers of a respondent who carries on from where the turns left off, keeping
    each answer on the way (Enter; a question without one is skipped again, a follow-up
    skipped; a question the turns had not brought them to passed as a skip passes it):
    the path they end with, and its latest answers."""
    before = {s.question for s in final_path(turns, reach_of(loaded)).steps}
    session = Session(loaded, turns)
    session.begin(NOW)
    beyond: set[str] = set()
    for _ in range(500):
        if session.over:
            break
        prompt = session.current()
        if prompt.kind == "probe":
            assert session.skip(NOW).accepted
            continue
        assert prompt.question is not None
        key = instance_key(prompt.question.id, prompt.item)
        if key not in before:
            # A question the respondent had not been brought to: passed as a skip passes
            # it, the walk goes on to what was on the path after it.
            beyond.add(key)
            assert session.skip(NOW).accepted
            continue
        outcome = session.answer("", NOW) if prompt.previous else session.skip(NOW)
        assert outcome.accepted, outcome.error
    walked = seqs(final_path(session.turns), loaded)
    return {q: seq for q, seq in walked.items() if q not in beyond}


def answered(assessment: Assessment) -> dict[str, int]:
    """The report's answered questions (one item's under its own name) -> answer's turn."""
    found: dict[str, int] = {}
    for area in assessment.areas:
        for result in area.questions:
            if result.answer is not None:
                found[result.question.id] = result.answer.seq
        for register in area.registers:
            for item in register.items:
                for result in item.answers:
                    if result.answer is not None:
                        found[instance_key(result.question.id, item.item)] = result.answer.seq
    return found


def saved_report(dialogue_id: str, turns: list[Turn]) -> Assessment:
    """The report of the turns saved as a conversation saves them (with the copies of its
    framework and dialogue beside it), compiled as the `report` command compiles it."""
    found = catalogue(dialogue_id)
    with tempfile.TemporaryDirectory() as folder:
        talk = conversation.start(
            found, DIALOGUES[dialogue_id], dialogue_id, Respondent(name="P"), Path(folder)
        )
        talk.writer.append(turns)
        talk.close()
        return assess(talk.path, found)


@pytest.mark.parametrize("dialogue_id", sorted(DIALOGUES))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_an_unfinished_report_answers_what_a_walk_on_reaches(
    dialogue_id: str, data: st.DataObject
) -> None:
    loaded = catalogue(dialogue_id).dialogue(dialogue_id)
    asks = sum(1 for n in loaded.dialogue.nodes.values() if n.ask or n.group)
    steps = data.draw(st.integers(min_value=1, max_value=3 * asks + 20), label="steps")
    session, left = roam(data.draw, loaded, steps)
    # An answer given on a branch the respondent then left never comes back: on the path
    # again, a question counts only once answered or kept again.
    for question in session.final_path.answers:
        assert given_since(session.turns, question, left.get(question, 0)), question
    expected = fresh_walk(loaded, list(session.turns))
    if not session.over and data.draw(st.booleans(), label="abandon"):
        assert session.abandon(NOW).accepted  # left for good: read as it stood
    assert answered(saved_report(dialogue_id, list(session.turns))) == expected
    assert seqs(session.final_path, loaded) == expected  # the session reads the same path


@pytest.mark.e2e
def test_the_repro_in_plain_mode(tmp_path: Path) -> None:
    """The report of the governance review left after going back to the Executive and
    answering 0 has no answer to how often the Executive meets, nor its reply."""
    from tests.plain_driver import run as command

    lines = ["14", "8", "9", "y", "y", "y", "y", "3", "9", EXECUTIVE_SAYS, "4"]
    lines += [":back"] * 9 + ["0", ":quit"]  # 0 is Not applicable: no follow-up
    args = ("--transcripts", "g", "assess", "--plain", "-f", "governance-structure")
    done = command(*args, "--respondent", "P", stdin="\n".join(lines) + "\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (saved,) = (tmp_path / "g").glob("*.toml")
    report = command("report", str(saved), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    executive = report.stdout.partition("**3 (Executive)**")[2]
    # No Executive is Not applicable (the Horsham review allows it), never a score of 0.
    assert executive.split("\n")[1].strip() == "*Answer:* None (not applicable)"
    assert "How many times a year does the Executive meet?" not in report.stdout
    assert EXECUTIVE_SAYS not in report.stdout
