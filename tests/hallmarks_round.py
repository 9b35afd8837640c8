"""Make Hallmarks transcripts and rounds for tests: each respondent answers some questions
by id and every other statement alike, through the real engine."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.rounds.folder import create, load_round
from bot.rounds.model import Invitee, Round
from bot.rounds.work import open_conversation, snapshot
from tests.conftest import Clock

START = datetime(2009, 11, 2, 9, 0, tzinfo=UTC)


def _answer_all(talk: conversation.Conversation, answers: Mapping[str, str], rest: str) -> None:
    talk.begin()
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        question = prompt.question
        typed = answers.get(question.id, rest if question.kind != "text" else "Words of my own")
        outcome = talk.answer(typed)
        assert outcome.accepted, (question.id, typed, outcome.error)
    talk.close()


def hallmarks_transcript(
    catalogue: Catalogue, folder: Path, name: str, answers: Mapping[str, str], rest: str = "y"
) -> Path:
    """One complete Hallmarks self-assessment: ``answers`` by question id, ``rest`` to the others."""
    clock = Clock(START, timedelta(seconds=5))
    who = Respondent(name=name, organisation=f"{name} Trust", role="Officer", sector="public")
    talk = conversation.start(catalogue, "hallmarks", "hallmarks-self", who, folder, clock=clock)
    _answer_all(talk, answers, rest)
    return talk.path


def hallmarks_round(
    folder: Path, catalogue: Catalogue, people: Sequence[Mapping[str, str]], rest: str = "y"
) -> Path:
    """A Hallmarks round of self-assessors, each answering ``people[i]`` by question id and
    ``rest`` to the others, every one complete."""
    invitees = tuple(
        Invitee(
            id=f"p{n:02d}",
            name=f"Person {n}",
            organisation=f"Org {n}",
            role="Officer",
            sector="public",
            mode="self",
            contact=f"01707 {n:06d}",
        )
        for n in range(1, len(people) + 1)
    )
    create(
        folder,
        Round(
            title="Hallmarks 2009/10",
            period="2009/10",
            framework="hallmarks",
            self_dialogue="hallmarks-self",
            invitees=invitees,
        ),
    )
    loaded = load_round(folder)
    clock = Clock(START, timedelta(seconds=20))
    for invitee, answers in zip(invitees, people, strict=True):
        found = snapshot(folder, clock()).find(invitee.id)
        talk = open_conversation(catalogue, loaded, found, "Sam", clock)
        _answer_all(talk, answers, rest)
    return folder
