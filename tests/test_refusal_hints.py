"""A refusal says where a comment goes in one wording, "after the answer and a dash";
an option's own value that names nothing ("neither" of "Neither agree nor disagree") gets
"did you mean" that option; a number's refusal shows a comment that fits whatever the
number counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, parse_answer
from bot.engine.typed import option_names
from bot.model import Option, Question, Scale
from tests.conftest import DATA

SHIPPED = Catalogue()
OWN = Catalogue(framework_folders=[DATA / "own"], dialogue_folders=[DATA / "own"])


def _refusal(question: Question, scale: Scale | None, text: str) -> str:
    with pytest.raises(AnswerError) as refused:
        parse_answer(question, scale, text)
    return str(refused.value)


def _questions(catalogue: Catalogue) -> list[tuple[Question, Scale | None]]:
    """Every question of every framework a catalogue has, with its scale."""
    found = []
    for framework_id in sorted(catalogue.framework_files()):
        framework = catalogue.framework(framework_id).framework
        found += [(q, framework.scale_of(q)) for q in framework.questions()]
    return found


QUESTIONS = _questions(SHIPPED) + _questions(OWN)


@pytest.mark.parametrize("typed", ["{key}.5", "{key}x", "{key}/4", "{key} {other}", "very poorly"])
def test_every_refusal_says_a_comment_goes_after_the_answer_and_a_dash(typed: str) -> None:
    said = []
    for question, scale in QUESTIONS:
        keys = [o.key for o in scale.options] if scale else ["12"]
        text = typed.format(key=keys[0], other=keys[-1])
        try:
            parse_answer(question, scale, text)
        except AnswerError as refused:
            said.append(str(refused))
    assert said
    for message in said:
        assert "and a space" not in message and "after a space" not in message, message
        if "comment goes" in message:
            assert "A comment goes after the answer and a dash, such as" in message, message


def test_a_key_run_into_more_is_refused_as_every_refusal_says_where_a_comment_goes() -> None:
    framework = SHIPPED.framework("working-better-together").framework
    question = framework.questions()[0]
    said = _refusal(question, framework.scale_of(question), "3.5")
    assert said.startswith('"3.5" is not one of the answers.')
    assert said.endswith('A comment goes after the answer and a dash, such as "3 - because ...".')


def _agree_question() -> tuple[Question, Scale | None]:
    framework = OWN.framework("neighbourhood-audit").framework
    question = framework.question("l1")
    return question, framework.scale_of(question)


@pytest.mark.parametrize("text", ["neither", "Neither", "neither - we are unsure", "NEITHER."])
def test_an_options_own_value_that_names_nothing_gets_did_you_mean(text: str) -> None:
    said = _refusal(*_agree_question(), text)
    assert "did you mean Neither agree nor disagree (3)?" in said


def _values_named_by_nothing() -> list[tuple[Question, Scale, Option]]:
    """Each option, on every scale, whose own value in words is not one of its names."""
    found = []
    for question, scale in QUESTIONS:
        if scale is None:
            continue
        for option in scale.options:
            value = option.value.replace("_", " ")
            if value.casefold() not in [n.casefold() for n in option_names(option, scale.options)]:
                found.append((question, scale, option))
    return found


def test_every_options_own_value_is_taken_or_refused_naming_it() -> None:
    """No option's own value is refused with the bare list of answers: it is refused
    saying which options it could mean, or "did you mean" its option."""
    tried = _values_named_by_nothing()
    assert any(option.value == "neither" for _, _, option in tried)
    for question, scale, option in tried:
        said = _refusal(question, scale, option.value.replace("_", " "))
        assert f"{option.label} ({option.key})" in said, said


@pytest.mark.parametrize("question_id", ["l3", "d2", "d4"])
def test_a_numbers_refusal_shows_a_comment_that_fits_what_it_counts(question_id: str) -> None:
    framework = OWN.framework("neighbourhood-audit").framework
    question = framework.question(question_id)
    for text in ("12.5", "lots", "12, 3", "1 4"):
        try:
            parse_answer(question, None, text)
        except AnswerError as refused:
            said = str(refused)
            assert "seats" not in said, said
            assert "about the same as last year" in said, said


def test_the_number_hint_is_shown_in_plain_mode(tmp_path: Path) -> None:
    """What the respondent reads in plain mode when a number is refused."""
    import io

    from bot.plain import PlainMode
    from tests.tui_helpers import mini_catalogue, start

    out = io.StringIO()
    talk = start(mini_catalogue(), tmp_path)
    try:
        PlainMode(talk, io.StringIO("3\ny\nthe county council\nlots\n:quit\n"), out).run()
    finally:
        talk.close()
    assert "seats" not in out.getvalue()
    assert "about the same as last year" in out.getvalue()
