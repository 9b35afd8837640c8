"""A node's `read_aloud` is read with the statement, never in place of it: the script
shows the `read_aloud` line, then the statement, unless the `read_aloud` already says
the statement (as the Hertfordshire interview's reworded statements do)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from textual.widgets import Static

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.turn_words import read_out
from tests.conftest import DATA, Clock
from tests.plain_driver import run
from tests.tui_helpers import running

LEAD_IN = "I will read a statement. Do you agree or disagree?"
STATEMENT = "Partners share information with each other before it is asked for."
LEADING = f"""
id = "health-lead-in"
framework = "partnership-health"
title = "Health check, led in (telephone)"
mode = "telephone"
start = "t1"

[nodes.t1]
ask = "t1"
read_aloud = "{LEAD_IN}"
next = "bye"

[nodes.bye]
end = "Thank you."
"""


def own_folder(folder: Path) -> Path:
    """The partnership health framework and a telephone dialogue whose first statement
    has a `read_aloud` that only leads in."""
    own = folder / "own"
    own.mkdir()
    shutil.copy(DATA / "own" / "partnership-health.toml", own)
    (own / "health-lead-in.toml").write_text(LEADING, encoding="utf-8")
    return own


def test_a_lead_in_is_read_with_the_statement() -> None:
    assert read_out(LEAD_IN, STATEMENT) == (LEAD_IN, STATEMENT)
    assert read_out("", STATEMENT) == (STATEMENT,)


def test_a_read_aloud_that_says_the_statement_is_read_alone() -> None:
    reworded = "You know whether the partnership has terms of reference. Do you agree?"
    statement = "The respondent knows whether the partnership has terms of reference"
    assert read_out(reworded, statement) == (reworded,)


async def test_the_script_panel_shows_the_lead_in_then_the_statement(tmp_path: Path) -> None:
    own = own_folder(tmp_path)
    catalogue = Catalogue(framework_folders=[own], dialogue_folders=[own])
    talk = conversation.start(
        catalogue,
        "partnership-health",
        "health-lead-in",
        Respondent(name="Ann"),
        tmp_path,
        Person(name="Sam"),
        clock=Clock(),
    )
    async with running(catalogue, tmp_path, talk) as (app, _pilot):
        shown = str(app.screen.query_one("#read-aloud", Static).render())
        assert shown.splitlines() == [LEAD_IN, STATEMENT]


def test_plain_mode_reads_the_lead_in_then_the_statement(tmp_path: Path) -> None:
    own = own_folder(tmp_path)
    env = {**os.environ, "PARTNERSHIP_BOT_FRAMEWORKS": str(own)}
    done = run(
        "interview",
        *("-f", "partnership-health", "-d", "health-lead-in", "--plain"),
        *("--caller", "Sam", "--respondent", "Ann"),
        stdin="3\n",
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert f". Read aloud: {LEAD_IN}\n   {STATEMENT}\n" in done.stdout
