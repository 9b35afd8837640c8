"""Words typed as an answer choose an option only when they say it whole: a part of a
label, words run on to it, another option's words, a negation or a word of degree after
it, and a key followed by a number are refused, saying which options the words could
mean, never guessed as a score. One reading for every front end."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.engine.answers import AnswerError, ParsedAnswer, parse_answer
from bot.engine.typed import (
    COMMON_WORDS,
    DONT_KNOW_PHRASES,
    JOINING_WORDS,
    NEGATIONS,
    option_names,
    tokens,
    typed_option,
)
from bot.model import Option, Question, Scale

CATALOGUE = Catalogue()
FRAMEWORKS = sorted(p.stem for p in (Path(__file__).parent.parent / "frameworks").glob("*.toml"))
"""The shipped frameworks (frameworks/*.toml; each file is named by its id)."""


def parse(framework_id: str, question_id: str, text: str) -> ParsedAnswer:
    """The answer typed at a question, or at a question on a scale named in its place."""
    framework = CATALOGUE.framework(framework_id).framework
    if question_id in framework.scales:
        question = Question(id="q", text="Q?", kind="rating", scale=question_id)
        return parse_answer(question, framework.scales[question_id], text)
    question = framework.question(question_id)
    return parse_answer(question, framework.scale_of(question), text)


def refusal(framework_id: str, question_id: str, text: str) -> str:
    with pytest.raises(AnswerError) as refused:
        parse(framework_id, question_id, text)
    return str(refused.value)


WBT, HALLMARKS, HERTS, GOVERNANCE = (
    "working-better-together",
    "hallmarks",
    "hertfordshire-review",
    "governance-structure",
)


@pytest.mark.parametrize(
    ("framework", "question", "text", "could_mean"),
    [
        (WBT, "q1_1", "very poorly", ["Not very well (2)", "Very well (4)"]),
        (WBT, "q1_1", "very badly", ["Not very well (2)", "Very well (4)"]),
        (WBT, "q1_1", "very not well", ["Not very well (2)"]),
        (WBT, "q1_1", "fairly badly", ["Fairly well (3)"]),
        (WBT, "q1_1", "fairly poorly", ["Fairly well (3)"]),
        (WBT, "q1_1", "very", ["Not very well (2)", "Very well (4)"]),
        (WBT, "q1_1", "fairly", ["Fairly well (3)"]),
        (WBT, "q1_1", "not very well at all", ["Not at all well (1)", "Not very well (2)"]),
        (WBT, "q1_1", "Not very well, not at all", ["Not at all well (1)", "Not very well (2)"]),
        (WBT, "q1_1", "4 not very well", ["Not very well (2)", "Very well (4)"]),
        (WBT, "q1_1", "2 3", ["Not very well (2)", "Fairly well (3)"]),
        (HALLMARKS, "h1_1", "yes partly", ["Yes (y)", "Partly (p)"]),
        (HALLMARKS, "h1_1", "yes and no", ["Yes (y)", "No (n)"]),
        (HALLMARKS, "h1_1", "yes but only partly", ["Yes (y)", "Partly (p)"]),
        (HALLMARKS, "h1_1", "no yes", ["Yes (y)", "No (n)"]),
        (HALLMARKS, "h1_1", "Yes, partly", ["Yes (y)", "Partly (p)"]),
        (HALLMARKS, "h1_1", "y partly", ["Yes (y)", "Partly (p)"]),
        (GOVERNANCE, "rag", "r a", ["Red (r)", "Amber (a)"]),
        (GOVERNANCE, "rag", "a late", ["Amber (a)"]),
        (HERTS, "s3", "disagree strongly", ["Disagree (4)", "Strongly disagree (5)"]),
        (HERTS, "s3", "agree, strongly", ["Strongly agree (1)", "Agree (2)"]),
    ],
)
def test_words_that_do_not_say_one_option_whole_are_refused_naming_what_they_could_mean(
    framework: str, question: str, text: str, could_mean: list[str]
) -> None:
    said = refusal(framework, question, text)
    assert said.startswith(f'"{text}" is not one of the answers as it stands: it could mean ')
    assert f"could mean {' or '.join(could_mean)}." in said
    assert "A comment goes after the answer and a dash" in said


@pytest.mark.parametrize(
    ("text", "meant"),
    [("1 4", "14"), ("1 000", "1000"), ("12 3 vacant", "123")],
)
def test_a_number_run_on_after_a_space_is_unclear(text: str, meant: str) -> None:
    assert f"is unclear: did you mean {meant}?" in refusal(GOVERNANCE, "board_size", text)


def test_a_comment_of_numbers_alone_after_a_number_is_refused_reports_quote_words() -> None:
    assert "needs words" in refusal(GOVERNANCE, "board_size", "12, 3")


@pytest.mark.parametrize(
    ("framework", "question", "text"),
    [(WBT, "q1_1", "3, 2008"), (WBT, "q1_1", "3 2008"), (WBT, "q1_1", "3 - 3")],
)
def test_numbers_alone_without_a_dash_or_repeating_the_key_are_refused(
    framework: str, question: str, text: str
) -> None:
    said = refusal(framework, question, text)
    assert (
        "A number alone is a comment only when it is one whole number after a dash and no key"
        in (said)
    )


@pytest.mark.parametrize(
    ("framework", "question", "text", "label", "comment"),
    [
        (GOVERNANCE, "yes_no", "Yes - 2009", "Yes", "2009"),
        (GOVERNANCE, "yes_no", "No - 2010", "No", "2010"),
        (GOVERNANCE, "yes_no", "y: 2009", "Yes", "2009"),
        (WBT, "q1_1", "3 - 2008", "Fairly well", "2008"),
        (WBT, "q1_1", "Fairly well (2008)", "Fairly well", "2008"),
        (WBT, "q1_1", "2 - 7", "Not very well", "7"),
        (HALLMARKS, "h1_1", "p - 2008, 2009", "Partly", "2008, 2009"),
    ],
)
def test_a_year_or_a_number_after_a_mark_is_the_comment(
    framework: str, question: str, text: str, label: str, comment: str
) -> None:
    parsed = parse(framework, question, text)
    assert (parsed.label, parsed.comment) == (label, comment)


@pytest.mark.parametrize(
    ("text", "could_mean", "other_key"),
    [
        ("3 - 4", ["Fairly well (3)", "Very well (4)"], "4"),
        ("Fairly well - 4", ["Fairly well (3)", "Very well (4)"], "4"),
        ("1 - 2.5", ["Not at all well (1)", "Not very well (2)"], "2"),
    ],
)
def test_a_number_after_a_mark_that_is_another_options_key_names_both(
    text: str, could_mean: list[str], other_key: str
) -> None:
    said = refusal(WBT, "q1_1", text)
    assert f"could mean {' or '.join(could_mean)}." in said
    assert f'type "{other_key}"' in said


@pytest.mark.parametrize(
    ("framework", "question", "text", "label", "comment"),
    [
        (WBT, "q1_1", "fairly well", "Fairly well", ""),
        (WBT, "q1_1", "  FAIRLY   well! ", "Fairly well", ""),
        (WBT, "q1_1", "not at all well!", "Not at all well", ""),
        (WBT, "q1_1", "not sure", "Don't know", ""),
        (
            WBT,
            "q1_1",
            "3 - the SCS was refreshed in 2008",
            "Fairly well",
            "the SCS was refreshed in 2008",
        ),
        (
            WBT,
            "q1_1",
            "Very well - poorly attended, though",
            "Very well",
            "poorly attended, though",
        ),
        (WBT, "q1_1", "Fairly well (see the minutes)", "Fairly well", "see the minutes"),
        (WBT, "q1_1", "3 - not all partners agree", "Fairly well", "not all partners agree"),
        (WBT, "q1_1", "1 - not at all", "Not at all well", "not at all"),
        (
            HALLMARKS,
            "h1_1",
            "Yes because the board signed it",
            "Yes",
            "because the board signed it",
        ),
        (HALLMARKS, "h1_1", "no, never", "No", "never"),
        (HERTS, "s3", "Disagree: the board never met", "Disagree", "the board never met"),
        (GOVERNANCE, "board_size", "14 - two are vacant", "", "two are vacant"),
        (GOVERNANCE, "rag", "a - late", "Amber", "late"),
        (GOVERNANCE, "rag", "g - a few partners disagree", "Green", "a few partners disagree"),
    ],
)
def test_an_option_said_whole_is_chosen_with_the_comment_written_after_it(
    framework: str, question: str, text: str, label: str, comment: str
) -> None:
    parsed = parse(framework, question, text)
    assert (parsed.label, parsed.comment) == (label, comment)


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("n/a", ""),
        ("this does not apply: we are a unitary authority", "we are a unitary authority"),
        (
            "Not applicable here, though we joined the county board in 2008",
            "Not applicable here, though we joined the county board in 2008",
        ),
    ],
)
def test_not_applicable_keeps_the_reason_as_it_was_written(text: str, comment: str) -> None:
    parsed = parse(WBT, "q3_5", text)
    assert (parsed.abstain, parsed.comment) == ("not_applicable", comment)


# ----- every shipped scale, every option, every phrasing --------------------------------------


def shipped_option_sets() -> list[tuple[str, str, tuple[Option, ...]]]:
    """Each shipped framework's scales and single choices: (framework, name, options)."""
    found = []
    for framework_id in FRAMEWORKS:
        framework = CATALOGUE.framework(framework_id).framework
        for name, scale in framework.scales.items():
            found.append((framework_id, name, tuple(scale.options)))
        for area in framework.areas:
            for question in area.questions:
                if question.kind == "choice" and not question.multiple:
                    found.append((framework_id, question.id, tuple(question.choices)))
    return found


OPTION_SETS = shipped_option_sets()
IDS = [f"{framework}:{name}" for framework, name, _ in OPTION_SETS]


def read(options: tuple[Option, ...], text: str) -> ParsedAnswer | None:
    """The answer the text gives on a scale of these options, or None when refused."""
    question = Question(id="q", text="Q?", kind="rating", scale="s")
    try:
        return parse_answer(question, Scale(options=options), text)
    except AnswerError:
        return None


def whole(text: str) -> str:
    return " ".join(tokens(text))


@pytest.mark.parametrize("options", [o for _, _, o in OPTION_SETS], ids=IDS)
def test_every_shipped_option_is_chosen_by_its_key_label_and_word_forms_alone(
    options: tuple[Option, ...],
) -> None:
    wrong = []
    for option in options:
        names = [option.key, *option_names(option, options)]
        for name in names:
            for typed in (name, name.upper(), f"  {name}  ", f"{name}.", f"{name}!"):
                parsed = read(options, typed)
                if parsed is None or parsed.label != option.label or parsed.comment:
                    wrong.append((typed, parsed))
    assert wrong == []


MODIFIERS = ("not", "no", "very", "strongly", "partly", "not very", "at all", "and no")
"""Negations and words of degree, which change what an option's words say (after a comma;
after a mark they are the comment, unless they are nothing but another option's words)."""


@pytest.mark.parametrize("options", [o for _, _, o in OPTION_SETS], ids=IDS)
def test_no_phrasing_that_adds_to_an_option_is_ever_read_as_an_option_it_does_not_say(
    options: tuple[Option, ...],
) -> None:
    """Every option's label and word forms, joined in either order with every other
    option's label words and with negations and words of degree: either refused, or the
    whole of what was typed is one option's name (`not` + `Very well` is "Not very well")."""
    wrong = []
    for option in options:
        own = set(tokens(option.label))
        others = {w for o in options if o != option for w in tokens(o.label)} - own - COMMON_WORDS
        added = sorted(others | {m for m in MODIFIERS if not set(m.split()) <= own})
        for name, word in itertools.product(option_names(option, options), added):
            for typed in (f"{name} {word}", f"{word} {name}"):
                parsed = read(options, typed)
                if parsed is None:
                    continue
                chosen = next(o for o in options if o.label == parsed.label)
                names = {whole(n) for n in option_names(chosen, options)}
                if whole(typed) not in names or parsed.comment:
                    wrong.append((typed, parsed.label, parsed.comment))
            said = set(tokens(word)) - JOINING_WORDS - NEGATIONS
            parsed = read(options, f"{name} - {word}")
            if parsed is not None and (
                (parsed.label, parsed.comment) != (option.label, word) or (said and said <= others)
            ):
                wrong.append((f"{name} - {word}", parsed.label, parsed.comment))
            for typed in (f"{name}, {word}", f"{word}, {name}"):
                parsed = read(options, typed)
                kept = [w for w in word.split() if w not in JOINING_WORDS]
                negation_after_a_negative = (
                    kept[0] in NEGATIONS and not set(kept) & others and bool(own & NEGATIONS)
                )
                if parsed is not None and not (
                    negation_after_a_negative
                    and parsed.label == option.label
                    and parsed.comment == word
                ):
                    wrong.append((typed, parsed.label, parsed.comment))
        for key in (o.key for o in options if o != option):
            for typed in (f"{option.key} {key}", f"{option.key} - {key}"):
                if (parsed := read(options, typed)) is not None:
                    wrong.append((typed, parsed.label, parsed.comment))
        for word in sorted(others):
            if (parsed := read(options, f"{option.key} {word}")) is not None:
                wrong.append((f"{option.key} {word}", parsed.label, parsed.comment))
    assert wrong == []


@pytest.mark.parametrize("options", [o for _, _, o in OPTION_SETS], ids=IDS)
def test_a_comment_is_never_a_piece_of_the_options_own_words(
    options: tuple[Option, ...],
) -> None:
    for option in options:
        for name in option_names(option, options):
            for mark in ("!", ".", "?", "!!", " !"):
                parsed = read(options, f"{name}{mark}")
                assert parsed is not None and parsed.label == option.label
                assert parsed.comment == ""


def test_dont_know_phrases_are_read_whole_beside_an_option_called_no() -> None:
    options = tuple(CATALOGUE.framework(HALLMARKS).framework.scales["yes_partly_no"].options)
    for phrase in DONT_KNOW_PHRASES:
        parsed = read(options, phrase)
        assert parsed is not None and parsed.abstain == "dont_know", phrase


def test_the_typed_option_mark_is_the_same_reading() -> None:
    options = tuple(CATALOGUE.framework(WBT).framework.scales["how_well"].options)
    assert typed_option(options, "very") is None
    assert typed_option(options, "very poorly") is None
    assert typed_option(options, "2 3") is None
    assert typed_option(options, "Very well") == options[3]
    assert typed_option(options, "very well - poorly attended") == options[3]


# ----- the same reading in every front end ----------------------------------------------------


def test_an_amendment_reads_words_as_an_answer_does(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from bot.engine import Session

    now = datetime(2009, 12, 1, 9, 0, tzinfo=UTC)
    session = Session(CATALOGUE.dialogue("working-better-together-self"))
    session.begin(now)
    assert session.answer("3 - the SCS was refreshed in 2008", now).accepted
    while session.current().question.id == "q1_1":
        session.skip(now)
    amended = session.amend("q1_1", "very poorly", now)
    assert amended.error is not None and "could mean Not very well (2) or Very well (4)" in (
        amended.error
    )
    assert session.answers["q1_1"].value == "fairly"


def test_plain_mode_refuses_run_on_words_and_says_what_it_took(tmp_path: Path) -> None:
    import io

    from bot import conversation, store
    from bot.model import Respondent
    from bot.plain import PlainMode
    from tests.plain_driver import TerminalInput

    talk = conversation.start(
        CATALOGUE, WBT, "working-better-together-self", Respondent(name="Vee P"), tmp_path
    )
    lines = "very poorly\nfairly badly\nnot very well at all\n2 - poorly\n:quit\n"
    out = io.StringIO()
    try:
        PlainMode(talk, TerminalInput(lines), out).run()  # each refused line retyped
    finally:
        talk.close()
    text = out.getvalue()
    for typed in ("very poorly", "fairly badly", "not very well at all"):
        assert f'"{typed}" is not one of the answers as it stands' in text
    assert re.search(r"^(> )*   Taken as: Not very well - poorly$", text, re.M)
    answers = [t for t in store.load(talk.path).transcript.turns if t.kind == "answer"]
    assert [(t.value, t.comment) for t in answers] == [("not_very", "poorly")]


def test_plain_mode_says_a_long_answer_in_one_line(tmp_path: Path) -> None:
    import io

    from bot import conversation
    from bot.model import Respondent
    from bot.plain import PlainMode

    talk = conversation.start(
        CATALOGUE, WBT, "working-better-together-self", Respondent(name="Ann"), tmp_path
    )
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO("3 - " + "the minutes show it " * 20 + "\n:quit\n"), out).run()
    finally:
        talk.close()
    # From a pipe the line follows the prompt "> " that nothing typed ended.
    taken = [line.removeprefix("> ") for line in out.getvalue().splitlines() if "Taken as:" in line]
    assert len(taken) == 1 and len(taken[0]) <= 80 and taken[0].endswith("…")
    assert "Taken as: Fairly well - the minutes show it" in taken[0]


async def test_the_chat_refuses_run_on_words_keeping_them_in_the_box(tmp_path: Path) -> None:
    from bot.tui.widgets.chat_input import ChatInput
    from tests.tui_helpers import log_text, mini_catalogue, running, send, start

    catalogue = mini_catalogue()
    talk = start(catalogue, tmp_path)
    async with running(catalogue, tmp_path, talk) as (app, pilot):
        await send(pilot, "agree strongly")
        box = app.screen.query_one(ChatInput)
        assert box.value == "agree strongly" and box.has_class("-invalid")
        assert box.picked == ()
        assert talk.session.answers == {}
        box.value = ""
        await send(pilot, "Strongly agree - see the minutes")
        assert talk.session.answers["a1"].value == "strongly"
        assert "Strongly agree - see the minutes" in log_text(app)


# ----- a mark ends the answer; a number key and a space is not a key --------------------------


EXTENT, MEETS = ("working-better-together", "extent"), ("ptp-success-criteria", "meets")
HOW_WELL, AGREEMENT = (WBT, "how_well"), (HERTS, "agreement")
YES_NO, RAG, PARTLY = (GOVERNANCE, "yes_no"), (GOVERNANCE, "rag"), (HALLMARKS, "yes_partly_no")


@pytest.mark.parametrize(
    ("scale", "text", "label", "comment"),
    [
        (RAG, "Green - no issues", "Green", "no issues"),
        (RAG, "Red - no plan", "Red", "no plan"),
        (RAG, "Amber - not yet agreed", "Amber", "not yet agreed"),
        (YES_NO, "Yes - no formal minutes", "Yes", "no formal minutes"),
        (YES_NO, "Yes - most partners", "Yes", "most partners"),
        (YES_NO, "No - not yet", "No", "not yet"),
        (YES_NO, "y - not yet", "Yes", "not yet"),
        (YES_NO, "y - I know", "Yes", "I know"),
        (YES_NO, "no - can't say more", "No", "can't say more"),
        (PARTLY, "Yes: partly agreed", "Yes", "partly agreed"),
        (PARTLY, "Yes (more than half)", "Yes", "more than half"),
        (HOW_WELL, "Very well - no problems", "Very well", "no problems"),
        (HOW_WELL, "Fairly well - not all partners agree", "Fairly well", "not all partners agree"),
        (HOW_WELL, "Fairly well - very good minutes", "Fairly well", "very good minutes"),
        (HOW_WELL, "Fairly well; not always", "Fairly well", "not always"),
        (AGREEMENT, "Disagree - no evidence", "Disagree", "no evidence"),
        (AGREEMENT, "Agree - not always", "Agree", "not always"),
        (EXTENT, "Fully - all partners signed up", "Fully", "all partners signed up"),
        (EXTENT, "To a large extent - most partners", "To a large extent", "most partners"),
        (EXTENT, "Fully - not yet", "Fully", "not yet"),
        (MEETS, "Fully met - all of them", "Fully met", "all of them"),
    ],
)
def test_a_mark_ends_the_answer_and_the_comment_after_it_is_kept_whatever_it_starts_with(
    scale: tuple[str, str], text: str, label: str, comment: str
) -> None:
    parsed = parse(*scale, text)
    assert (parsed.label, parsed.comment) == (label, comment)


@pytest.mark.parametrize(
    ("scale", "text", "could_mean", "other_key", "own_key"),
    [
        (PARTLY, "Yes - partly", ["Yes (y)", "Partly (p)"], "p", "y"),
        (PARTLY, "y - and no", ["Yes (y)", "No (n)"], "n", "y"),
        (PARTLY, "Yes (partly)", ["Yes (y)", "Partly (p)"], "p", "y"),
        (YES_NO, "no - not sure", ["No (n)", "Don't know (d)"], "d", "n"),
        (AGREEMENT, "3 - strongly agree", ["Strongly agree (1)", "Don't know (3)"], "1", "3"),
        (AGREEMENT, "Strongly agree - agree", ["Strongly agree (1)", "Agree (2)"], "2", "1"),
        (EXTENT, "Fully - not at all", ["Not at all (1)", "Fully (4)"], "1", "4"),
        (EXTENT, "Fully - to a large extent", ["To a large extent (3)", "Fully (4)"], "3", "4"),
        (HOW_WELL, "4 - not very well", ["Not very well (2)", "Very well (4)"], "2", "4"),
    ],
)
def test_a_comment_after_a_mark_that_is_only_another_answer_names_both_and_how_to_write_either(
    scale: tuple[str, str], text: str, could_mean: list[str], other_key: str, own_key: str
) -> None:
    said = refusal(*scale, text)
    assert f"could mean {' or '.join(could_mean)}." in said
    assert f'type "{other_key}"' in said and f'"{own_key} - because ..."' in said


@pytest.mark.parametrize(
    ("scale", "text", "comment"),
    [
        (YES_NO, "No, not yet", "not yet"),
        (YES_NO, "no, not really", "not really"),
        (YES_NO, "No, never", "never"),
        (PARTLY, "No. Not yet.", "Not yet."),
    ],
)
def test_a_negation_after_a_negative_answer_and_a_comma_is_its_comment(
    scale: tuple[str, str], text: str, comment: str
) -> None:
    parsed = parse(*scale, text)
    assert (parsed.label, parsed.comment) == ("No", comment)


@pytest.mark.parametrize(
    ("scale", "text"),
    [(YES_NO, "Don't know, no"), (RAG, "r don't"), (HOW_WELL, "d not"), (EXTENT, "Fully, all")],
)
def test_without_a_mark_another_options_word_is_still_refused(
    scale: tuple[str, str], text: str
) -> None:
    assert "could mean" in refusal(*scale, text)


@pytest.mark.parametrize(
    ("scale", "text", "key"),
    [
        (AGREEMENT, "4 out of 5 partners", "4"),
        (AGREEMENT, "3 of 5 partners agree", "3"),
        (AGREEMENT, "1 in 5 attend", "1"),
        (HOW_WELL, "4 times a year", "4"),
        (HOW_WELL, "2 of our 6 partners attend", "2"),
        (HOW_WELL, "2 a year", "2"),
        (HOW_WELL, "3 per cent", "3"),
        (("ptp-success-criteria", "describes"), "3 years ago", "3"),
        (HOW_WELL, "3 we meet monthly", "3"),
    ],
)
def test_a_number_key_then_a_space_and_words_is_never_taken_as_the_key(
    scale: tuple[str, str], text: str, key: str
) -> None:
    said = refusal(*scale, text)
    assert f"so {key} was not taken as an answer" in said
    assert f'put a mark after the key: "{key} - {text[2:]}"' in said
    parsed = parse(*scale, f"{key} - {text[2:]}")
    assert parsed.comment == text[2:]


@pytest.mark.parametrize(
    ("scale", "text"),
    [(MEETS, "not applicable"), (HOW_WELL, "Not applicable"), (MEETS, "n/a - we are new")],
)
def test_not_applicable_where_it_is_not_an_answer_says_so_and_suggests_no_score(
    scale: tuple[str, str], text: str
) -> None:
    with pytest.raises(AnswerError) as refused:
        parse(*scale, text)
    said = str(refused.value)
    assert said.startswith("This question does not take Not applicable.")
    assert "could mean" not in said and refused.value.skippable
    options = CATALOGUE.framework(scale[0]).framework.scales[scale[1]].options
    assert all(f"{o.key} {o.label}" in said for o in options)


@pytest.mark.parametrize(
    "text", ["not  applicable", "does  not apply", "N/A", "this  does not apply"]
)
def test_not_applicable_is_read_with_runs_of_spaces_as_an_option_is(text: str) -> None:
    assert parse(WBT, "q3_5", text).abstain == "not_applicable"


# ----- the property: a comment after a mark --------------------------------------------------

OWN_WORDS = ("partners", "minutes", "board", "evidence", "plan", "signed", "formal", "issues")
"""Words of a comment of the respondent's own, in no shipped option's name."""

VOCABULARY = sorted(
    {w for _, _, options in OPTION_SETS for o in options for w in tokens(o.label)}
    | NEGATIONS
    | (JOINING_WORDS - {"&", "+"})
    | {"very", "strongly", "partly", "really", "most", "yet", "sure", "2008", "5"}
)
ENDING = (" - ", ": ", "; ", " (", " – ")
UNIQUE_SETS = list(
    {tuple(o.key for o in options): options for _, _, options in OPTION_SETS}.values()
)


@given(
    options=st.sampled_from(UNIQUE_SETS),
    pick=st.integers(min_value=0),
    by_key=st.booleans(),
    mark=st.sampled_from(ENDING),
    before=st.lists(st.sampled_from(VOCABULARY), max_size=4),
    own=st.sampled_from(OWN_WORDS),
    after=st.lists(st.sampled_from(VOCABULARY), max_size=3),
)
@settings(max_examples=400, deadline=None)
def test_a_comment_after_a_mark_with_a_word_of_its_own_is_always_kept_with_the_answer_named(
    options: tuple[Option, ...],
    pick: int,
    by_key: bool,
    mark: str,
    before: list[str],
    own: str,
    after: list[str],
) -> None:
    """Whatever words a comment after a mark starts with, one word of the respondent's own
    makes it a comment: the answer is the option named, the comment is kept whole."""
    option = options[pick % len(options)]
    comment = " ".join([*before, own, *after])
    typed = f"{option.key if by_key else option.label}{mark}{comment}" + (
        ")" if "(" in mark else ""
    )
    parsed = read(options, typed)
    assert parsed is not None, typed
    assert (parsed.label, parsed.comment) == (option.label, comment), typed


@given(
    options=st.sampled_from(UNIQUE_SETS),
    pick=st.integers(min_value=0),
    other=st.integers(min_value=0),
    mark=st.sampled_from(ENDING),
    joining=st.lists(st.sampled_from(sorted(JOINING_WORDS - {"&", "+"})), max_size=2),
    words=st.lists(st.sampled_from(VOCABULARY), max_size=4),
)
@settings(max_examples=400, deadline=None)
def test_no_comment_after_a_mark_or_a_space_ever_gives_another_answer_than_the_one_named(
    options: tuple[Option, ...],
    pick: int,
    other: int,
    mark: str,
    joining: list[str],
    words: list[str],
) -> None:
    """Any comment is either kept with the option named, or refused; a comment that is
    another option's label alone (past joining words) is refused; and a number key followed
    by a space and words is never taken."""
    option, another = options[pick % len(options)], options[other % len(options)]
    for name in (option.key, option.label):
        for comment in (" ".join(words), " ".join([*joining, another.label])):
            if not comment:
                continue
            parsed = read(options, f"{name}{mark}{comment}")
            if comment.endswith(another.label) and another != option:
                assert parsed is None, f"{name}{mark}{comment}"
            if parsed is not None:
                assert (parsed.label, parsed.comment) == (option.label, comment)
    if option.key.isdigit() and words:
        assert read(options, f"{option.key} {' '.join(words)}") is None


NUMBERS = st.one_of(st.integers(min_value=1900, max_value=2099), st.integers(0, 999))
"""Years and counts a respondent may put after an answer."""


@given(
    options=st.sampled_from(UNIQUE_SETS),
    pick=st.integers(min_value=0),
    by_key=st.booleans(),
    mark=st.sampled_from(ENDING),
    numbers=st.lists(NUMBERS, min_size=1, max_size=2),
)
@settings(max_examples=300, deadline=None)
def test_numbers_alone_after_a_mark_are_the_comment_unless_one_is_a_key(
    options: tuple[Option, ...], pick: int, by_key: bool, mark: str, numbers: list[int]
) -> None:
    """A year or a number after a mark is the comment ("Yes - 2009"); one that is any
    option's key ("3 - 4", "3 - 3") or follows Don't know ("d - 12") is refused, as is the same comment after a comma or a
    space ("3, 2008", "3 2008")."""
    option = options[pick % len(options)]
    comment = ", ".join(str(n) for n in numbers)
    name = option.key if by_key else option.label
    parsed = read(options, f"{name}{mark}{comment}" + (")" if "(" in mark else ""))
    keyed = {o.key for o in options} & {str(n) for n in numbers}
    if keyed or option.abstain:
        # A figure with Don't know is a second answer, not a comment on it.
        assert parsed is None, (name, mark, comment)
    else:
        assert parsed is not None and (parsed.label, parsed.comment) == (option.label, comment)
    for loose in (", ", " "):
        assert read(options, f"{name}{loose}{comment}") is None, (name, loose, comment)


@pytest.mark.parametrize(
    ("framework", "question", "text"),
    [
        (HALLMARKS, "h1_1", "Yes - 50/50"),
        (HALLMARKS, "h1_1", "y - 1/2"),
        (HALLMARKS, "h1_1", "Yes - 50-50"),
        (HALLMARKS, "h1_1", "Yes - 50%"),
        (WBT, "q1_1", "3 - 7/10"),
        (WBT, "q1_1", "3 - 2.5"),
        (WBT, "q1_1", "3 - \uff14"),
        (GOVERNANCE, "yes_no", "Yes - -3"),
    ],
)
def test_a_fraction_share_or_sign_after_an_answer_qualifies_it_and_is_refused(
    framework: str, question: str, text: str
) -> None:
    """A fraction, range, percentage or signed number after an answer says how far the
    answer holds ("Yes - 50/50" is partly), so it is never a top answer's plain comment."""
    assert refusal(framework, question, text)


@pytest.mark.parametrize("text", ["d - 12", "Don't know (12)", "not sure - 10"])
def test_a_figure_after_dont_know_is_refused_not_kept_as_its_comment(text: str) -> None:
    """A figure given with Don't know is either the answer or a second answer: refused,
    without offering "d - 2008" as an example."""
    said = refusal(GOVERNANCE, "board_size", text)
    assert said and "d - 2008" not in said
