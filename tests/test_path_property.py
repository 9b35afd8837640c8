"""The compiled assessment is a function of the final path (a property, over every dialogue).

Random conversations that go back, amend, skip, add notes, reply to follow-ups and back out
of branches compile to the same assessment, in all four formats, as a conversation that
gives the same final answers straight through. In a repeated group (the governance
framework's risk register) they add items, go back into them, amend them and back out of
them: each item's answers are named by the item ("risk_rag#2").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.path import FinalPath, final_path
from bot.engine.prompts import Prompt
from bot.loading import LoadedDialogue
from bot.model import Question, Transcript, Turn
from bot.model.framework import base_question, instance_key
from bot.model.transcript import Reference
from bot.report.render import render_assessment
from bot.scoring import compile_transcript
from tests.conftest import DATA

NOW = datetime(2009, 6, 1, 9, 0, tzinfo=UTC)
FORMATS = ("md", "html", "json", "csv")
EXAMPLES_PER_DIALOGUE = 35

COMMENTS = (
    "",
    "",
    "the minutes of the March 2009 board show it",
    "probably, as far as I know",
    "Jane Smith would know",
    "for example the LAA refresh",
)
REPLIES = (
    "Jane Smith",
    "The Community Safety Partnership protocol, agreed in 2008",
    "probably",
    "not sure",
    "we meet quarterly with the county",
)
TEXTS = (
    "Essex Police and the PCT signed in June 2009",
    "probably others",
    "Cllr Jane Smith",
    "n/a",
    "not much",
)
NOTES = ("rang back later", "check with the LSP manager")


OWN_DIALOGUES = ("board-check-chat",)
"""Dialogues of the frameworks of the tests' own making (tests/data/own), which use every
question kind: choices of one and of several, dates and facts."""


@cache
def dialogue(dialogue_id: str) -> LoadedDialogue:
    if dialogue_id in OWN_DIALOGUES:
        own = DATA / "own"
        return Catalogue(framework_folders=[own], dialogue_folders=[own]).dialogue(dialogue_id)
    return Catalogue().dialogue(dialogue_id)


@cache
def held_still(dialogue_id: str) -> frozenset[str]:
    """Questions other nodes' consistency checks read. A follow-up is asked when an answer is
    given, so changing one of these after the question that checks it was answered would
    differ from straight through by a follow-up not asked: the conversations leave them be."""
    loaded = dialogue(dialogue_id)
    names: set[str] = set()
    for (node_id, _), check in loaded.checks.items():
        own = loaded.dialogue.nodes[node_id].ask
        names |= {n for n in check.names if n != own}
    return frozenset(names)


def answer_key(prompt: Prompt) -> str:
    """The name the prompt's answer is kept under (one item's, in a repeated group)."""
    assert prompt.question is not None
    return instance_key(prompt.question.id, prompt.item)


def answer_text(
    draw: Callable, question: Question, loaded: LoadedDialogue, yes: bool = False
) -> str:
    """A valid answer, as a respondent might type it (``yes``: a yes where it is one of
    the answers, so that gates open and repeated groups gain items)."""
    if question.kind == "text":
        return draw(st.sampled_from(TEXTS))
    if question.kind == "number":
        numbers = [0, 1, 3, 8, 12, 14, 20]
        texts = [str(n) for n in numbers if question.maximum is None or n <= question.maximum]
        if question.allow_dont_know:
            texts.append("not sure")
        text = draw(st.sampled_from(texts))
    elif question.kind == "date":
        text = date_text(draw, question)
    elif question.multiple:
        text = picks_text(draw, question)
    else:
        options = loaded.framework.framework.options_of(question)
        yeses = [o for o in options if o.value == "yes"]
        option = yeses[0] if yes and yeses else draw(st.sampled_from(options))
        text = draw(st.sampled_from((option.key, option.label)))
    comment = draw(st.sampled_from(COMMENTS))
    return f"{text} - {comment}" if comment else text


DATE_FORMS = ("{:%Y-%m-%d}", "{:%d/%m/%Y}", "{d.day} {:%b %Y}", "{d.day} {:%B %Y}")


def date_text(draw: Callable, question: Question) -> str:
    """A date in the question's range, typed in one of the usual forms (or Don't know)."""
    if question.allow_dont_know and draw(st.booleans()):
        return draw(st.sampled_from(("d", "not sure")))
    day = draw(
        st.dates(question.earliest or date(2000, 1, 1), question.latest or date(2010, 12, 31))
    )
    return draw(st.sampled_from(DATE_FORMS)).format(day, d=day)


def picks_text(draw: Callable, question: Question) -> str:
    """Some options of a multiple choice, by key or value, separated as people do."""
    if question.allow_dont_know and draw(st.integers(0, 4)) == 0:
        return "d"
    low, high = question.picks()
    picked = draw(
        st.lists(st.sampled_from(question.options), min_size=low, max_size=high, unique=True)
    )
    keys = [o.key or str(question.options.index(o) + 1) for o in picked]
    words = [draw(st.sampled_from((k, o.value))) for k, o in zip(keys, picked, strict=True)]
    return draw(st.sampled_from((", ", " ", ",", " and "))).join(words)


def transcript(loaded: LoadedDialogue, turns: list[Turn]) -> Transcript:
    framework = loaded.framework
    return Transcript(
        id="0123456789abcdef",
        framework=Reference(id=framework.id, version=framework.framework.version, hash="x"),
        dialogue=Reference(id=loaded.dialogue.id, version=loaded.dialogue.version, hash="y"),
        mode=loaded.dialogue.mode,
        started=NOW,
        turns=tuple(turns),
    )


def rendered(loaded: LoadedDialogue, turns: list[Turn]) -> dict[str, str]:
    assessment = compile_transcript(transcript(loaded, turns), loaded.framework)
    return {fmt: render_assessment(assessment, fmt) for fmt in FORMATS}


def wander(draw: Callable, loaded: LoadedDialogue, stop_at: int | None = None) -> Session:
    """A random conversation to the end: back, amend, skip, notes, replies, branches
    (``stop_at``: left after that many steps, unfinished, unless it ended before)."""
    session = Session(loaded)
    session.begin(NOW)
    still = held_still(loaded.dialogue.id)
    decided: dict[str, str | None] = {}  # for questions held still: the first answer or skip
    asks = sum(1 for n in loaded.dialogue.nodes.values() if n.ask)
    budget = draw(st.integers(min_value=asks, max_value=asks * 2))
    questions = loaded.framework.framework
    # Half the conversations say yes wherever they can: into the risk register, for more items.
    yes = draw(st.booleans())
    # Repeated groups come late: wander in them on a budget of their own (back out of
    # items, amend them, add items then go back).
    group_budget = draw(st.integers(min_value=0, max_value=40))
    group_steps = 0
    steps = 0
    while not session.over:
        if stop_at is not None and steps >= stop_at:
            return session
        steps += 1
        assert steps < budget + group_budget + asks * 4 + 60, "the conversation does not end"
        prompt = session.current()
        if prompt.item is not None:
            group_steps += 1
        wandering = steps < budget or (prompt.item is not None and group_steps < group_budget)
        if prompt.kind == "probe":
            choice = draw(st.sampled_from(("reply", "reply", "skip", "back", "note")))
            if not wandering:
                choice = "skip"
            if choice == "reply":
                outcome = session.answer(draw(st.sampled_from(REPLIES)), NOW)
            elif choice == "skip":
                outcome = session.skip(NOW)
            elif choice == "back":
                outcome = session.back(NOW)
            else:
                outcome = session.note(draw(st.sampled_from(NOTES)), NOW)
            assert outcome.accepted, outcome.error
            continue
        question = prompt.question
        assert question is not None
        key = answer_key(prompt)
        if key in still and key in decided:
            first = decided[key]
            moves = ["same"] + (["back"] if prompt.can_go_back and wandering else [])
            if draw(st.sampled_from(moves)) == "back":
                outcome = session.back(NOW)
            else:
                outcome = session.answer("", NOW) if first is not None else session.skip(NOW)
            assert outcome.accepted, outcome.error
            continue
        moves = ["answer", "answer", "answer"]
        if wandering:
            moves += ["skip", "note"]
            if prompt.can_go_back:
                moves += ["back", "back"] * (2 if prompt.item is not None else 1)
            if prompt.previous is not None:
                moves += ["keep"]
            amendable = [q for q in session.answers if q != key and q not in still]
            if amendable:
                moves += ["amend"]
        elif prompt.previous is not None:
            moves += ["keep"]
        move = draw(st.sampled_from(moves))
        if move == "answer":
            # Inside a group, answer "another?" either way, to back out of items.
            text = answer_text(draw, question, loaded, yes and prompt.item is None)
            outcome = session.answer(text, NOW)
            decided.setdefault(key, text)
        elif move == "keep":
            outcome = session.answer("", NOW)
        elif move == "skip":
            outcome = session.skip(NOW)
            decided.setdefault(key, None)
        elif move == "back":
            outcome = session.back(NOW)
        elif move == "note":
            outcome = session.note(draw(st.sampled_from(NOTES)), NOW)
        else:
            target = draw(st.sampled_from(sorted(amendable)))
            text = answer_text(draw, questions.question(base_question(target)), loaded)
            outcome = session.amend(target, text, NOW)
        assert outcome.accepted, (move, outcome.error)
    assert session.complete
    return session


def straight_through(loaded: LoadedDialogue, path: FinalPath) -> Session:
    """The same final answers, notes and follow-up replies, given in one pass."""
    session = Session(loaded)
    session.begin(NOW)
    replies: dict[str, list[str]] = {}
    while not session.over:
        prompt = session.current()
        key = answer_key(prompt)
        step = path.step(key)
        assert step is not None, f"{key} is asked straight through but not on the path"
        if prompt.kind == "probe":
            queue = replies[key]
            reply = queue.pop(0) if queue else ""
            outcome = session.answer(reply, NOW) if reply else session.skip(NOW)
        else:
            for note in step.notes:
                assert session.note(note, NOW).accepted
            replies[key] = [f.reply for f in step.follow_ups]
            answer = step.answer
            outcome = session.answer(answer.text, NOW) if answer else session.skip(NOW)
        assert outcome.accepted, outcome.error
    return session


@pytest.mark.parametrize(
    "dialogue_id",
    [
        "governance-structure-review",
        "hallmarks-self",
        "hertfordshire-interview",
        "hertfordshire-survey",
        "ptp-self-assessment",
        "working-better-together-self",
        *OWN_DIALOGUES,
    ],
)
@settings(
    max_examples=EXAMPLES_PER_DIALOGUE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_the_report_is_a_function_of_the_final_path(dialogue_id: str, data: st.DataObject) -> None:
    loaded = dialogue(dialogue_id)
    wandered = wander(data.draw, loaded)
    path = final_path(wandered.turns)
    direct = straight_through(loaded, path)
    assert [s.question for s in final_path(direct.turns).steps] == [s.question for s in path.steps]
    assert rendered(loaded, direct.turns) == rendered(loaded, wandered.turns)


def test_every_shipped_dialogue_is_covered() -> None:
    shipped = set(Catalogue().dialogue_files())
    covered = set(
        test_the_report_is_a_function_of_the_final_path.pytestmark[0].args[1]  # type: ignore[attr-defined]
    )
    assert shipped == covered - set(OWN_DIALOGUES)
