"""Keys typed ahead on a call, however fast, are handled one after another with the
state each was meant for: a number typed with the Enter that saves it is saved whole,
and the codes after it code the statements after it."""

from __future__ import annotations

from pathlib import Path

from textual import events

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from tests.conftest import DATA, Clock
from tests.test_interview_burst import burst
from tests.tui_helpers import make_app

OWN = DATA / "own"
SIZE = (80, 24)


def health_call(folder: Path):  # type: ignore[no-untyped-def]
    """A new call on the partnership health check: t1 (keys 1-4, d, r), t2 (y, p, n, r),
    r1 (a number of partners, typed), r2 (keys 1-4, d, r)."""
    catalogue = Catalogue(framework_folders=[OWN], dialogue_folders=[OWN])
    talk = conversation.start(
        catalogue,
        "partnership-health",
        "partnership-health-phone",
        Respondent(name="Ann"),
        folder,
        Person(name="Sam"),
        clock=Clock(),
    )
    return catalogue, talk


def _said(talk) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(t.question or "", t.text) for t in talk.session.turns if t.kind == "answer"]


async def test_a_number_typed_ahead_with_its_enter_is_saved_whole_and_codes_follow(
    tmp_path: Path,
) -> None:
    catalogue, talk = health_call(tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "3", "y", "8", "enter", "2")
        await pilot.pause()
        assert _said(talk) == [("t1", "3"), ("t2", "y"), ("r1", "8"), ("r2", "2")]


async def test_a_paste_typed_ahead_lands_in_the_follow_up_it_was_meant_for(
    tmp_path: Path,
) -> None:
    catalogue, talk = health_call(tmp_path)
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        driver = app._driver
        opening = events.Key("1", "1")  # Never: a follow-up opens
        pasted = events.Paste("no one asks for it")
        for event in (opening, pasted):
            event.set_sender(app)
            driver.send_message(event)
        await burst(pilot, "enter", "y")
        assert [(t.kind, t.question, t.text) for t in talk.session.turns if t.speaker != "bot"][
            -3:
        ] == [
            ("answer", "t1", "1"),
            ("probe_answer", "t1", "no one asks for it"),
            ("answer", "t2", "y"),
        ]
