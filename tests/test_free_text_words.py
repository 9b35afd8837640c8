"""A free-text question takes words: a bare key or a lone number typed there is refused
(the rule that keeps such a reply out of reports), never taken, counted or quoted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer
from tests.conftest import DATA
from tests.plain_driver import run
from tests.scripted import new_conversation
from tests.tui_helpers import mini_catalogue, running, screen_lines, start, type_text


def _parse(framework: str, question_id: str, text: str):
    loaded = Catalogue().framework(framework).framework
    question = loaded.question(question_id)
    return parse_answer(question, loaded.scale_of(question), text)


@pytest.mark.parametrize(
    ("framework", "question", "text"),
    [
        ("working-better-together", "q3_2", "3"),
        ("working-better-together", "q4_1", "3"),
        ("working-better-together", "q4_1", " 12 "),
        ("hallmarks", "h1_5b", "y"),
    ],
)
def test_a_bare_key_at_a_free_text_question_is_refused(
    framework: str, question: str, text: str
) -> None:
    with pytest.raises(AnswerError, match="This question asks for words") as refused:
        _parse(framework, question, text)
    assert refused.value.skippable


def test_words_at_a_free_text_question_are_taken_whole() -> None:
    parsed = _parse("working-better-together", "q3_2", "elected at the AGM in 2008")
    assert parsed.value == "elected at the AGM in 2008"


def test_the_chat_keeps_no_answer_for_a_bare_key(tmp_path: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = new_conversation(cat, tmp_path, "mini", "mini-chat", "Ann")
    talk.begin()
    for typed in ("3", "y"):
        while talk.current().kind == "probe":
            talk.skip()
        assert talk.answer(typed).accepted
    while talk.current().kind == "probe":
        talk.skip()
    assert talk.current().question.id == "a3"
    outcome = talk.answer("3")
    assert not outcome.accepted and "This question asks for words" in (outcome.error or "")
    assert talk.current().question.id == "a3"
    assert talk.answer("the county council").accepted
    talk.close()


def test_plain_mode_refuses_a_key_and_says_words_were_saved(tmp_path: Path) -> None:
    args = ["-f", str(DATA / "mini.toml"), "-d", str(DATA / "mini-chat.toml")]
    result = run(
        "assess",
        "--plain",
        *args,
        "--name",
        "Bo",
        stdin="3\ny\n3\nthe county\n",
        cwd=tmp_path,
        at_terminal=True,  # the key refused is then corrected
    )
    assert 'This question asks for words: "3" is only a key or a number' in result.stdout
    assert "   Saved as your words." in result.stdout


async def test_the_chat_refuses_a_key_and_keeps_it_in_the_box(tmp_path: Path) -> None:
    cat = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    talk = new_conversation(cat, tmp_path, "mini", "mini-chat", "Ann")
    talk.begin()
    for typed in ("3", "y"):
        while talk.current().kind == "probe":
            talk.skip()
        talk.answer(typed)
    while talk.current().kind == "probe":
        talk.skip()
    async with running(cat, tmp_path, talk) as (app, pilot):
        await type_text(pilot, "3")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert "This question asks for words" in " ".join(screen_lines(app)), screen_lines(app)
        box = app.focused
        assert (
            box is not None and str(getattr(box, "value", getattr(box, "text", ""))).strip() == "3"
        )
    assert "a3" not in talk.session.answers


def test_an_interview_refuses_a_key_at_a_free_text_question(tmp_path: Path) -> None:
    talk = start(mini_catalogue(), tmp_path, interviewer="Sam")
    talk.begin()
    for typed in ("3", "y"):
        while talk.current().kind == "probe":
            talk.skip()
        talk.answer(typed)
    while talk.current().kind == "probe":
        talk.skip()
    assert talk.transcript.interviewer is not None
    outcome = talk.answer("3")
    assert not outcome.accepted and "This question asks for words" in (outcome.error or "")


def test_plain_mode_says_a_follow_up_reply_was_saved_as_words(tmp_path: Path) -> None:
    typed = "4 - strong SCS\n1 - weak here\nmy reply words about it\n:quit\n"
    result = run(
        "assess",
        "--plain",
        "-f",
        "working-better-together",
        "--name",
        "Bo",
        stdin=typed,
        cwd=tmp_path,
    )
    after = result.stdout.split("Follow-up: Where do the SCS and the LAA part company?", 1)[1]
    # The reply's line comes right after it is read, before the next question.
    assert after.index("   Saved as your words.") < after.index("1.3 (3 of 37)")
