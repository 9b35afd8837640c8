"""The New assessment form's fields take a paste by the rule of every one-line box: its
lines joined by spaces, or, over a field's cap, as much as fits, the form saying which
(a field kept only the first line of a paste of several)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static

from bot import limits, store
from bot.catalogue import Catalogue
from tests.test_start_form import open_form
from tests.tui_helpers import make_app

SIZE = (80, 24)


async def paste_into(pilot, box: Input, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste into a field, as the terminal's paste reaches it (the field with the focus)."""
    box.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def said(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#start-error", Static).render())


@pytest.mark.parametrize("field", ["name", "organisation", "role", "sector", "partnership"])
async def test_a_paste_of_several_lines_is_joined_by_spaces_and_said(
    tmp_path: Path, catalogue: Catalogue, field: str
) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "n")
        box = form.query_one(f"#{field}", Input)
        await paste_into(pilot, box, "Ann\r\nSmith\r\n\r\nJones\r\n")
        assert box.value == "Ann Smith Jones"
        assert said(app) == "Pasted as one line: its 3 lines were joined by spaces."


async def test_a_paste_over_a_fields_cap_keeps_what_fits_and_says_how_much_was_left_out(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "n")
        cap = limits.MAX_FIELD_CHARS
        await paste_into(pilot, form.query_one("#name", Input), "Ann Smith")
        organisation = form.query_one("#organisation", Input)
        await paste_into(pilot, organisation, "x" * (cap + 50))
        assert organisation.value == "x" * cap
        assert said(app) == (
            f"Only {cap} of the {cap + 50} characters pasted fit (a name or other field of "
            f"the form holds at most {cap}): the last 50 were left out."
        )
        await paste_into(pilot, organisation, "more")  # full: nothing more
        assert said(app) == (
            f"That is as long as a name or other field of the form can be ({cap} "
            "characters): nothing more was added."
        )
        await pilot.press("ctrl+s")  # what was kept starts the assessment
        await pilot.pause()
    (saved,) = tmp_path.glob("*.toml")
    respondent = store.load(saved).transcript.respondent
    assert (respondent.name, respondent.organisation) == ("Ann Smith", "x" * cap)


async def test_the_interviewers_name_takes_a_paste_by_the_same_rule(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    app = make_app(catalogue, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "t")
        box = form.query_one("#interviewer", Input)
        await paste_into(pilot, box, "Sam\nOfficer")
        assert box.value == "Sam Officer"
        assert said(app) == "Pasted as one line: its 2 lines were joined by spaces."
