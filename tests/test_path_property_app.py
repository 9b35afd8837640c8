"""The final-path property through the real app: keys pressed in the chat, the transcript on
disk compiled, against the same final answers given straight through."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.engine.path import final_path
from bot.model import Respondent
from tests.conftest import Clock
from tests.test_path_property import (
    NOW,
    answer_key,
    dialogue,
    held_still,
    rendered,
    straight_through,
)
from tests.tui_helpers import make_app

DIALOGUE = "governance-structure-review"
"""Numbers, yes/no answers, a branch (no Executive skips its questions) and a repeated
group (the risk register: items added, gone back into and backed out of)."""
# Short words: every key is a real key press, about a tenth of a second each.
REPLIES = ("LAA", "dk", "no")
NOTES = ("ok",)


def typed_answer(draw: Callable, question_id: str) -> str:
    question = dialogue(DIALOGUE).framework.framework.question(question_id)
    if question_id == "rag_risk":
        return "y"  # into the risk register every time
    if question.kind == "text":
        return draw(st.sampled_from(("LAA", "Cllr Smith")))
    if question.kind == "number":
        return draw(st.sampled_from(("0", "3", "9", "14", "dk", "12 - LAA")))
    scale = dialogue(DIALOGUE).framework.framework.scale_of(question)
    assert scale is not None
    key = draw(st.sampled_from([o.key for o in scale.options]))
    return draw(st.sampled_from((key, key, f"{key} - LAA")))


async def wander_in_the_app(draw: Callable, folder: Path) -> Path:
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue,
        "governance-structure",
        DIALOGUE,
        Respondent(name="Jane Smith"),
        folder,
        clock=Clock(),
        transcript_id="0123456789abcdef",
    )
    app = make_app(catalogue, folder, conversation=talk)
    still = held_still(DIALOGUE)
    decided: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        budget = draw(st.integers(min_value=10, max_value=30))
        group_budget = draw(st.integers(min_value=5, max_value=20))
        steps = group_steps = 0
        while not talk.session.over:
            steps += 1
            assert steps < 260
            prompt = talk.session.current()
            group_steps += prompt.item is not None
            wandering = steps < budget or (prompt.item is not None and group_steps < group_budget)
            before = len(talk.session.turns)
            if prompt.kind == "probe":
                move = (
                    draw(st.sampled_from(("reply", "skip", "back", "note")))
                    if wandering
                    else "skip"
                )
            elif (
                prompt.question is not None
                and prompt.question.id in still
                and (answer_key(prompt) in decided)
            ):
                move = "keep" if prompt.previous is not None else "skip"
            else:
                moves = ["answer", "answer"]
                if wandering:
                    moves += ["skip", "note"] + (["back"] if prompt.can_go_back else [])
                    moves += ["keep"] if prompt.previous is not None else []
                move = draw(st.sampled_from(moves))
            if move in ("answer", "reply"):
                assert prompt.question is not None
                text = (
                    typed_answer(draw, prompt.question.id)
                    if move == "answer"
                    else draw(st.sampled_from(REPLIES))
                )
                await pilot.press(*text)
                # A text question's answer is typed in the multi-line box: Ctrl+S sends it.
                long = move == "answer" and prompt.question.kind == "text"
                await pilot.press("ctrl+s" if long else "enter")
            elif move == "keep":
                # A text question's box holds its answer again: Ctrl+S sends it unchanged.
                text_question = prompt.question is not None and prompt.question.kind == "text"
                await pilot.press("ctrl+s" if text_question else "enter")
            elif move == "skip":
                await pilot.press("ctrl+o")
            elif move == "back":
                await pilot.press("ctrl+b")
            else:
                await pilot.press("ctrl+n")
                await pilot.pause()
                await pilot.press(*draw(st.sampled_from(NOTES)))
                await pilot.press("enter")
            await pilot.pause()
            if prompt.kind == "ask" and prompt.question is not None and move in ("answer", "skip"):
                decided.add(answer_key(prompt))
            assert len(talk.session.turns) > before, (move, prompt.kind)
    return talk.path


@settings(
    max_examples=2,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking app runs takes too long
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_apps_report_is_a_function_of_the_final_path(
    tmp_path_factory, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("app")
    path = asyncio.run(wander_in_the_app(data.draw, folder))
    transcript = store.load(path).transcript
    assert transcript.status == "complete"
    loaded = dialogue(DIALOGUE)
    direct = straight_through(loaded, final_path(transcript.turns))
    # Times aside: the app's clock ticks, the straight-through conversation's does not.
    turns = [t.model_copy(update={"at": NOW}) for t in transcript.turns]
    assert rendered(loaded, direct.turns) == rendered(loaded, turns)
