"""A follow-up reply written as the next question's answer with a comment ("1 - third":
its key, a mark, a comment) is never taken silently as the reply: the one rule
(`Conversation.key_for_next`, read by `bot.engine.typed.keyed_answer`) offers it for the
next question as it does a lone key; plain mode at a terminal asks, from a pipe takes it
as that question's answer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.engine.typed import keyed_answer
from bot.model import Respondent
from bot.plain import PlainMode
from tests.plain_driver import TerminalInput


def at_follow_up(catalogue: Catalogue, folder: Path) -> conversation.Conversation:
    """The Hertfordshire survey at S1's follow-up (S1 answered 1); S2 takes keys 1 to 5."""
    talk = conversation.start(
        catalogue, "hertfordshire-review", "hertfordshire-survey", Respondent(name="Cat"), folder
    )
    talk.begin()
    talk.answer("1")
    assert talk.current().kind == "probe"
    return talk


def said(path: Path) -> list[tuple[str, str, str]]:
    """The respondent's turns and the skips: (kind, question, text)."""
    return [
        (t.kind, t.question, t.text)
        for t in store.load(path).transcript.turns
        if t.kind in ("answer", "probe_answer", "skip")
    ]


@pytest.mark.parametrize("typed", ["1 - third", " 1: third ", "1; third", "1 (third)"])
def test_a_key_a_mark_and_a_comment_the_next_question_takes_is_offered_for_it(
    catalogue: Catalogue, tmp_path: Path, typed: str
) -> None:
    talk = at_follow_up(catalogue, tmp_path)
    try:
        assert talk.key_for_next(typed) == typed.strip()
    finally:
        talk.close()


@pytest.mark.parametrize(
    "typed",
    [
        "1 meeting a year",  # no mark: a count, the reply
        "because 1 - it",  # no key at its start
        "third - 1",
        "1, third",  # a comma does not end the answer
        "7 - third",  # no answer of S2
        "1 - 2",  # the reading refuses it (either answer)
        "Strongly agree - the minutes",  # words, not a key
    ],
)
def test_other_replies_are_the_reply(catalogue: Catalogue, tmp_path: Path, typed: str) -> None:
    talk = at_follow_up(catalogue, tmp_path)
    try:
        assert talk.key_for_next(typed) == ""
    finally:
        talk.close()


def test_the_lone_key_is_still_offered_as_the_key(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = at_follow_up(catalogue, tmp_path)
    try:
        assert talk.key_for_next(" 2 ") == "2"
    finally:
        talk.close()


def test_the_reading_is_the_questions_own(catalogue: Catalogue, tmp_path: Path) -> None:
    talk = at_follow_up(catalogue, tmp_path)
    try:
        after = talk.after_follow_up()
        assert after is not None
        reading = keyed_answer(after.options, "1 - third")
        assert reading is not None and reading.option.key == "1"
        assert reading.comment == "third"
    finally:
        talk.close()


def plain(catalogue: Catalogue, folder: Path, stdin: io.StringIO) -> tuple[str, Path]:
    """The survey in plain mode over the given input: its output and its transcript."""
    talk = conversation.start(
        catalogue, "hertfordshire-review", "hertfordshire-survey", Respondent(name="Cat"), folder
    )
    out = io.StringIO()
    try:
        PlainMode(talk, stdin, out).run()
    finally:
        talk.close()
    return out.getvalue(), talk.path


def test_at_a_terminal_it_asks_and_the_answer_to_the_next_question_is_taken(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    out, path = plain(catalogue, tmp_path, TerminalInput("1\n1 - third\na\n"))
    assert '"1 - third" reads as an answer to the next question. Did you mean it as:' in out
    assert "   [a] the answer to the next question (the follow-up is skipped)" in out
    assert said(path) == [("answer", "s1", "1"), ("skip", "s1", ""), ("answer", "s2", "1 - third")]


def test_at_a_terminal_it_can_be_the_reply(catalogue: Catalogue, tmp_path: Path) -> None:
    out, path = plain(catalogue, tmp_path, TerminalInput("1\n1 - third\nr\n"))
    assert "Saved as the reply." in out and "not quoted" not in out
    assert said(path) == [("answer", "s1", "1"), ("probe_answer", "s1", "1 - third")]


def test_piped_it_is_the_next_questions_answer(catalogue: Catalogue, tmp_path: Path) -> None:
    out, path = plain(catalogue, tmp_path, io.StringIO("1\n1 - third\n"))
    assert "Did you mean" not in out  # nobody at a pipe to ask
    assert '"1 - third" reads as an answer to the next question: taken as its answer' in " ".join(
        out.split()
    )
    assert said(path) == [
        ("answer", "s1", "1"),
        ("skip", "s1", ""),
        ("answer", "s2", "1 - third"),
    ]
