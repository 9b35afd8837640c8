"""The counts a later round's dialogues give ("24 statements, plus 2 on last year's agreed
actions") read as plain English wherever they stand: in a title's brackets, before a
comma, or mid-sentence."""

from __future__ import annotations

import pytest

from bot.catalogue import Catalogue
from bot.engine.review import with_review
from bot.model.transcript import ReviewItem

ITEMS = [ReviewItem(action=f"a{i}", ref=f"a{i}", area="membership", text="X") for i in range(2)]


def _texts(dialogue_id: str) -> list[str]:
    dialogue = with_review(Catalogue().dialogue(dialogue_id), ITEMS).dialogue
    says = [n.say for n in dialogue.nodes.values() if n.say]
    return [dialogue.title, dialogue.description, *says]


@pytest.mark.parametrize(
    ("dialogue_id", "title"),
    [
        (
            "hertfordshire-interview",
            "Hertfordshire partnership review: telephone interview "
            "(24 statements, plus 2 on last year's agreed actions)",
        ),
        (
            "hertfordshire-survey",
            "Hertfordshire partnership survey (18 statements, plus 2 on last year's agreed actions)",
        ),
    ],
)
def test_titles_have_no_stray_comma(dialogue_id: str, title: str) -> None:
    texts = _texts(dialogue_id)
    assert texts[0] == title
    for text in texts:
        assert ",)" not in text and ",," not in text and ",." not in text, text


def test_the_aside_is_closed_where_the_sentence_runs_on() -> None:
    said = " ".join(_texts("hertfordshire-interview"))
    assert "24 statements, plus 2 on last year's agreed actions, in nine themes" in said
    survey = _texts("hertfordshire-survey")
    assert survey[1] == (
        "The online diagnostic survey: 18 statements, plus 2 on last year's agreed actions, "
        "about 11 minutes."
    )
