"""In the interview, "?" shows the help while coding, as "?" or "help" alone does in the
chat (one rule: `bot.engine.path.asks_for_help`), and records nothing; where "?" is one of
the statement's option keys, it codes that option instead (an option's key always wins).
Alone in the reply box, "?" or "help" then Enter shows the help too."""

from __future__ import annotations

from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.tui.screens.dialogs import HelpScreen
from bot.tui.screens.interview import InterviewScreen
from tests.test_conversation_endings import CALL
from tests.tui_helpers import region_lines, running, start_call, type_text


def coded(talk) -> list[str]:  # type: ignore[no-untyped-def]
    """What the transcript has the respondent saying."""
    return [t.text for t in store.load(talk.path).transcript.turns if t.speaker == "respondent"]


async def test_a_question_mark_while_coding_shows_the_help(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        await pilot.press("?")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any(
            row.startswith("?") and "this help" in row for row in region_lines(app, "#help-keys")
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        hint = str(app.screen.query_one("#hint").render())
        assert "codes nothing" not in hint
        assert talk.session.current().question.id == first and coded(talk) == []
        await pilot.press("2")  # coding goes on as before
        await pilot.pause()
        assert talk.session.current().question.id != first


async def test_a_question_mark_that_is_an_options_key_codes_it(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    frameworks, dialogues = tmp_path / "frameworks", tmp_path / "dialogues"
    frameworks.mkdir()
    dialogues.mkdir()
    source_framework = catalogue.framework(CALL[0])
    text = source_framework.path.read_text(encoding="utf-8")
    assert 'key = "r"' in text
    (frameworks / source_framework.path.name).write_text(text.replace('key = "r"', 'key = "?"'))
    dialogue_path = catalogue.dialogues_for(CALL[0], "telephone")[0]
    (dialogues / dialogue_path.name).write_text(dialogue_path.read_text(encoding="utf-8"))
    own = Catalogue(framework_folders=[frameworks], dialogue_folders=[dialogues])
    talk = start_call(own, tmp_path, *CALL)
    async with running(own, tmp_path, talk) as (app, pilot):
        first = talk.session.current().question.id
        assert "?" in [o.key for o in talk.session.current().options]
        await pilot.press("?")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert talk.session.current().question.id != first  # coded: Refused
    assert len(coded(talk)) == 1


async def test_help_alone_in_the_reply_box_shows_the_help(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    talk = start_call(catalogue, tmp_path, *CALL)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await pilot.press("4")  # Disagree: a follow-up, the reply box has the focus
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        await type_text(pilot, "help")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert talk.session.current().kind == "probe"
        assert app.screen.query_one("#reply").value == ""
    assert len(coded(talk)) == 1  # the code alone: "help" was not taken as the reply
