"""A repeated group in the app: each item's questions asked in turn, back into an item,
and an item backed out of, through the keys a respondent presses."""

from __future__ import annotations

from pathlib import Path

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.scoring import compile_transcript
from tests.conftest import Clock
from tests.tui_helpers import log_text, make_app, type_text

SIZE = (80, 24)
BEFORE_RISK = {
    "board_size": "14",
    "executive_size": "9",
    "thematic_size": "9",
    "deputies": "y",
    "county_voice": "y",
    "portfolio_holders": "y",
    "umbrella_body": "y",
    "board_meetings": "3",
    "executive_meetings": "6",
    "thematic_meetings": "4",
    "conferences": "1",
    "conference_appeal": "y",
    "other_mechanisms": "y",
    "task_groups": "y",
    "joint_meetings": "y",
    "thematic_role": "y",
    "roles_distinguished": "y",
    "scrutiny": "y",
    "council_reports": "y",
    "action_orientated": "y",
    "county_plans": "y",
    "comms_strategy": "y",
    "website_current": "y",
    "rural_voice": "y",
    "rag_risk": "y",
}


async def answer(pilot, text: str, long: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Type an answer and send it (a text question's multi-line box sends with Ctrl+S)."""
    await type_text(pilot, text)
    await pilot.press("ctrl+s" if long else "enter")
    await pilot.pause()


async def test_a_risk_register_in_the_app(tmp_path: Path) -> None:
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue,
        "governance-structure",
        "governance-structure-review",
        Respondent(name="Jane Smith"),
        tmp_path,
        clock=Clock(),
    )
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while (prompt := talk.current()).item is None:
            assert prompt.question is not None
            if prompt.kind == "probe":
                await pilot.press("ctrl+o")
                await pilot.pause()
                continue
            await answer(pilot, BEFORE_RISK[prompt.question.id])
        assert "Risk 1 (at most 12)." in log_text(app)
        await answer(pilot, "Affordable housing", long=True)
        await answer(pilot, "r")
        await answer(pilot, "Housing group", long=True)
        assert "Is there another of the top risks to name?" in log_text(app)
        await answer(pilot, "y")
        assert "Risk 2 (at most 12)." in log_text(app)
        await answer(pilot, "Town centre", long=True)
        # Back into item 2's name, then item 1's "another?", and say no: item 2 goes.
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert (talk.current().question.id, talk.current().item) == ("top_risks", 1)
        await answer(pilot, "n")
        assert talk.session.complete
        await pilot.press("o")  # the report screen lists the register
        await pilot.pause()
        shown = str(app.screen.query_one("#actions").render())
        assert "Top risks (risk register) (Risk)" in shown
        assert "1. Affordable housing  ·  Red  ·  Housing group" in shown
        assert "Town centre" not in shown
    transcript = store.load(talk.path).transcript
    result = compile_transcript(transcript, talk.session.loaded.framework)
    (register,) = result.areas[-1].registers
    assert [[a.shown_answer for a in row.answers] for row in register.items] == [
        ["Affordable housing", "Red", "Housing group"]
    ]
    assert any(t.value == "Town centre" for t in transcript.turns)  # kept in the history
