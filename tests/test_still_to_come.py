"""An unfinished transcript's questions still to come are its own dialogue's (a property,
over every dialogue): whatever a respondent left part way goes on to be asked was either
on the path already or counted as still to come, and nothing the dialogue never asks is
counted (a telephone interview never counts the survey's statements)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Session
from bot.engine.path import final_path
from bot.engine.routes import reach_of
from bot.facts import AnswerFacts, still_to_come
from bot.loading import LoadedDialogue
from bot.report.data import assessment_data
from bot.scoring import compile_transcript
from tests.test_path_property import (
    NOW,
    OWN_DIALOGUES,
    answer_key,
    answer_text,
    dialogue,
    transcript,
    wander,
)

DIALOGUES = (
    "governance-structure-review",
    "hallmarks-self",
    "hertfordshire-interview",
    "hertfordshire-survey",
    "ptp-self-assessment",
    "working-better-together-self",
    *OWN_DIALOGUES,
)


def go_on(draw: Callable, session: Session, loaded: LoadedDialogue) -> set[str]:
    """Carry on to the end, answering forward only (no going back, no amendments): the
    questions asked on the way."""
    framework = loaded.framework.framework
    asked: set[str] = set()
    in_groups = 0
    while not session.over:
        prompt = session.current()
        if prompt.kind == "probe":
            assert session.skip(NOW).accepted
            continue
        question = prompt.question
        assert question is not None
        asked.add(answer_key(prompt))
        options = framework.options_of(question)
        if prompt.item is not None:
            in_groups += 1
        if in_groups > 12 and any(o.value == "no" for o in options):
            text = next(o.key for o in options if o.value == "no")  # out of a repeated group
        else:
            text = answer_text(draw, question, loaded)
        outcome = session.answer(text, NOW)
        assert outcome.accepted, outcome.error
    return asked


@pytest.mark.parametrize("dialogue_id", DIALOGUES)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_what_is_asked_after_a_stop_was_on_the_path_or_still_to_come(
    dialogue_id: str, data: st.DataObject
) -> None:
    loaded = dialogue(dialogue_id)
    nodes = loaded.dialogue.nodes.values()
    own = {node.ask for node in nodes if node.ask}
    stop = data.draw(st.integers(min_value=0, max_value=2 * len(own)), label="stop")
    session = wander(data.draw, loaded, stop_at=stop)
    if session.over:
        return
    framework = loaded.framework.framework
    scored = {q.id for q in framework.questions()}
    turns = list(session.turns)
    path = final_path(turns, reach_of(loaded))  # as the report reads it
    to_come = still_to_come(framework, path, loaded.dialogue)
    # Only the dialogue's own questions, none already on the path.
    assert to_come <= own
    assert not any(path.on_path(q) for q in to_come)
    # The report counts them as not reached, the rest as not part of it, whether the
    # respondent means to come back or has abandoned the assessment: leaving part way
    # never makes what was not reached "not asked", nor a few answers a whole score.
    left = Session(loaded, turns)
    assert left.abandon(NOW).accepted
    for ended in (turns, list(left.turns)):
        stopped = transcript(loaded, ended)
        assert stopped.status == ("in_progress" if ended is turns else "abandoned")
        assessment = compile_transcript(stopped, loaded.framework, (), loaded)
        report = assessment_data(assessment)
        assert report["not_reached"] == len(to_come)
        assert report["not_asked"] == sum(1 for q in scored if not path.on_path(q))
        facts = AnswerFacts.on_path(framework, path, to_come)
        assert assessment.overall == facts.overall_score()
    # Going on from where it stopped asks nothing that was not counted.
    later = go_on(data.draw, session, loaded) & scored
    assert later <= to_come | {step.question for step in path.steps}
