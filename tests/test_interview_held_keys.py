"""At a follow-up on a call, a key pressed into the empty reply box is held back for the
next statement when that statement takes it, judged against the statement the dialogue
really goes to after the follow-up (its branches followed), not the statement followed
up: Ctrl+O then codes it there; any other key is the start of the reply."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.tui.widgets.reply_input import ReplyInput
from tests.conftest import DATA, Clock
from tests.tui_helpers import running

BRANCHING = """
id = "health-branching"
framework = "partnership-health"
title = "Health check, branching (telephone)"
mode = "telephone"
start = "t1"

[nodes.t1]
ask = "t1"
next = "r2"
probes = [{ on = "low", text = "Can you say why that is?" }]
branches = [{ when = 't1 == "never"', goto = "t2" }]

[nodes.t2]
ask = "t2"
next = "r2"

[nodes.r2]
ask = "r2"
next = "bye"

[nodes.bye]
end = "Thank you."
"""


def branching_call(folder: Path):  # type: ignore[no-untyped-def]
    """A new call where t1 (keys 1-4, d, r) coded Never is followed up, then goes on to t2
    (keys y, p, n, r) rather than to r2 (keys 1-4, d, r), as any other answer does."""
    own = folder / "own"
    own.mkdir()
    shutil.copy(DATA / "own" / "partnership-health.toml", own)
    (own / "health-branching.toml").write_text(BRANCHING, encoding="utf-8")
    catalogue = Catalogue(framework_folders=[own], dialogue_folders=[own])
    talk = conversation.start(
        catalogue,
        "partnership-health",
        "health-branching",
        Respondent(name="Ann"),
        folder,
        Person(name="Sam"),
        clock=Clock(),
    )
    return catalogue, talk


def _said(talk) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (t.kind, t.question or "", t.text)
        for t in talk.session.turns
        if t.kind in ("answer", "probe_answer", "skip")
    ]


def test_the_statement_after_a_follow_up_is_the_one_its_branches_lead_to(tmp_path: Path) -> None:
    _, talk = branching_call(tmp_path)
    talk.begin()
    assert talk.after_follow_up() is None  # no follow-up shown
    talk.answer("1")
    after = talk.after_follow_up()
    assert after is not None and after.question is not None and after.question.id == "t2"
    assert talk.next_takes("y") and not talk.next_takes("2")
    assert _said(talk) == [("answer", "t1", "1")]  # worked out without recording anything


async def test_a_key_the_next_statement_takes_is_held_and_ctrl_o_codes_it(tmp_path: Path) -> None:
    catalogue, talk = branching_call(tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("1")  # Never: a follow-up, then t2 (y/p/n/r)
        await pilot.pause()
        reply = app.screen.query_one("#reply", ReplyInput)
        await pilot.press("y")
        await pilot.pause()
        assert (reply.value, reply.held) == ("", "y")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert _said(talk) == [("answer", "t1", "1"), ("skip", "t1", ""), ("answer", "t2", "y")]


async def test_a_key_only_the_statement_followed_up_takes_starts_the_reply(
    tmp_path: Path,
) -> None:
    catalogue, talk = branching_call(tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("1")  # Never: a follow-up, then t2, which cannot take 2
        await pilot.pause()
        reply = app.screen.query_one("#reply", ReplyInput)
        await pilot.press("2")
        await pilot.pause()
        assert (reply.value, reply.held) == ("2", "")
