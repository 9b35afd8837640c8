"""Progress on a dialogue whose branch passes a question by: the count says "up to", and
at the end, and in the home list, a finished transcript is counted by the path it took."""

from __future__ import annotations

from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.dialogue_graph import some_route_passes_a_question_by
from bot.tui.screens.home import progress_of
from bot.tui.widgets.progress_header import ProgressHeader
from tests.conftest import Clock
from tests.scripted import review_answered
from tests.tui_helpers import make_app, mini_catalogue, start


def answer_past_the_branch(folder: Path):  # type: ignore[no-untyped-def]
    """The mini chat with a2 "no", so that a3 is never asked (4 of its 5 questions)."""
    talk = start(mini_catalogue(), folder)
    talk.begin()
    counts = []
    for text in ("3", "n", "12", "3"):
        counts.append(talk.current().progress.count_words)
        assert talk.answer(text).accepted
        while talk.current().kind == "probe":
            assert talk.skip().accepted
    assert talk.session.complete
    return talk, counts


def test_the_count_while_asking_says_up_to_and_counts_what_was_reached(tmp_path: Path) -> None:
    _, counts = answer_past_the_branch(tmp_path)
    assert counts == [f"{n} of up to 5 questions" for n in (1, 2, 3, 4)]


def test_at_the_end_the_count_is_the_questions_the_path_took(tmp_path: Path) -> None:
    talk, _ = answer_past_the_branch(tmp_path)
    assert talk.current().progress.question_number == 4


def test_the_home_list_counts_a_finished_transcript_by_its_path(tmp_path: Path) -> None:
    talk, _ = answer_past_the_branch(tmp_path)
    talk.close()
    transcript = store.load(talk.path).transcript
    assert progress_of(transcript, mini_catalogue(), tmp_path) == "4/4"


async def test_the_end_of_the_chat_says_how_many_questions_were_on_the_path(
    tmp_path: Path,
) -> None:
    talk, _ = answer_past_the_branch(tmp_path)
    app = make_app(mini_catalogue(), tmp_path, conversation=talk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(ProgressHeader)
        assert header.where == "Complete: 4 questions"
    talk.close()


def test_a_route_that_only_says_something_passes_no_question_by() -> None:
    catalogue = mini_catalogue()
    mini = catalogue.dialogue("mini-chat", catalogue.framework("mini")).dialogue
    assert some_route_passes_a_question_by(mini.nodes, mini.start)
    shipped = Catalogue()
    seed = shipped.dialogue(
        "working-better-together-self", shipped.framework("working-better-together")
    ).dialogue
    # Its one branch only says something, then rejoins the route.
    assert any(node.branches for node in seed.nodes.values())
    assert not some_route_passes_a_question_by(seed.nodes, seed.start)


def test_the_route_facts_are_worked_out_once_per_loaded_dialogue(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every session on one loaded dialogue (begun, resumed, rebuilt after going back)
    shares the facts its progress is told against: the graph is walked once."""
    from dataclasses import replace
    from datetime import datetime

    from bot.engine import routes
    from bot.engine.session import Session

    catalogue = mini_catalogue()
    loaded = replace(catalogue.dialogue("mini-chat", catalogue.framework("mini")))
    walks = []
    walk = routes.some_route_passes_a_question_by
    monkeypatch.setattr(
        routes, "some_route_passes_a_question_by", lambda *a: walks.append(a) or walk(*a)
    )
    first, second = Session(loaded), Session(loaded)
    assert len(walks) == 1
    first.begin(datetime(2009, 6, 1))
    second.begin(datetime(2009, 6, 1))
    assert first.current().progress == second.current().progress
    assert first.current().progress.branches  # the mini chat's branch passes a3 by


def test_the_home_list_counts_an_unfinished_transcript_against_its_progress(
    tmp_path: Path,
) -> None:
    """The home list's "answered/total" and the conversation's "n of up to total" are
    told against one count (the loaded dialogue's route facts), on a branching dialogue."""
    talk = start(mini_catalogue(), tmp_path)
    talk.begin()
    for text in ("3", "n"):  # a2 "no": the branch passes a3 by
        assert talk.answer(text).accepted
        while talk.current().kind == "probe":
            assert talk.skip().accepted
    progress = talk.current().progress
    assert progress.branches and progress.count_words == "3 of up to 5 questions"
    talk.close()
    transcript = store.load(talk.path).transcript
    assert progress_of(transcript, mini_catalogue(), tmp_path) == f"2/{progress.question_count}"


def test_the_home_list_counts_a_review_transcript_against_its_progress(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """With last round's actions asked about first, both counts take them in."""
    from tests.test_review import ITEMS

    path = review_answered(catalogue, tmp_path, ITEMS[0])
    again = conversation.resume(catalogue, path, Clock())
    total = again.current().progress.question_count
    again.close()
    assert progress_of(store.load(path).transcript, catalogue, tmp_path) == f"1/{total}"
