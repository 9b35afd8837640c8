"""The interview's reply box says what it is for at each moment: a follow-up's reply (and
what a coding key held back from it will do), or a typed answer (and that Enter keeps a
revisited one's)."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue import Catalogue
from bot.tui.screens.interview import InterviewScreen
from bot.tui.widgets.reply_input import ReplyInput
from tests.tui_helpers import make_app, start_call, type_text

SIZE = (80, 24)


async def test_a_key_held_back_from_a_follow_up_is_named_in_the_box(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        reply = app.screen.query_one("#reply", ReplyInput)
        await pilot.press("4")  # Disagree: a follow-up opens
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        assert reply.placeholder.startswith("Type their reply to the follow-up")
        await pilot.press("2")  # the next statement's code, held back
        await pilot.pause()
        assert reply.value == ""
        assert reply.placeholder.startswith('"2" held: Ctrl+O skips the follow-up and codes it')
        await pilot.press("backspace")  # let go of it: the box is the reply's again
        await pilot.pause()
        assert reply.placeholder.startswith("Type their reply to the follow-up")


async def test_a_typed_answer_revisited_says_enter_keeps_it(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, "governance-structure", "governance-structure-review")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reply = app.screen.query_one("#reply", ReplyInput)
        assert reply.placeholder.startswith("Type a number (members)")
        assert "follow-up" not in reply.placeholder
        await type_text(pilot, "14")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert talk.session.current().previous is not None
        assert reply.placeholder.startswith("Enter keeps their answer")
        codes = str(app.screen.query_one("#codes").render())
        assert "then Enter. Currently: 14" in codes


async def test_a_reply_to_a_follow_up_is_the_respondents(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """On a call the reply typed to a follow-up is the respondent's words: the log labels
    it Respondent and the transcript records it under the respondent; a transcript that
    recorded it under the interviewer is read as the respondent's too."""

    from bot import store
    from bot.tui.present import message_for
    from bot.turn_words import speaker
    from tests.tui_helpers import log_text

    talk = start_call(catalogue, tmp_path, "hertfordshire-review", "hertfordshire-interview")
    app = make_app(catalogue, tmp_path, conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")  # Disagree: a follow-up opens
        await pilot.pause()
        await type_text(pilot, "No budget")
        await pilot.press("enter")
        await pilot.pause()
        lines = [line.strip() for line in log_text(app).splitlines()]
        assert lines[lines.index("No budget") - 1] == "Respondent"
        assert "Interviewer" not in lines
    reply = [t for t in store.load(talk.path).transcript.turns if t.kind == "probe_answer"]
    assert [t.speaker for t in reply] == ["respondent"]
    older = reply[0].model_copy(update={"speaker": "interviewer"})
    assert speaker(older) == "Respondent"
    shown = message_for(older, respondent="Respondent")
    assert shown is not None and shown.label == "Respondent"
