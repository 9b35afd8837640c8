"""Choice questions (one or several, scored or not), date questions, and facts (questions
never scored): parsing what is typed, scoring, conditions and validation at the line at
fault."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answer_score import check_answers
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.answers import AnswerError, parse_answer, toggle_pick
from bot.loading import LoadedDialogue, load_dialogue, load_framework
from bot.model import Question
from bot.problems import LoadError
from bot.scoring import compile_transcript
from bot.validate import validate
from tests.conftest import DATA

OWN = DATA / "own"
FRAMEWORK_FILE = OWN / "board-check.toml"
DIALOGUE_FILE = OWN / "board-check-chat.toml"
FRAMEWORK = FRAMEWORK_FILE.read_text(encoding="utf-8")
DIALOGUE = DIALOGUE_FILE.read_text(encoding="utf-8")
NOW = datetime(2009, 6, 1, 9, 0, tzinfo=UTC)


def board() -> LoadedDialogue:
    return load_dialogue(DIALOGUE_FILE, load_framework(FRAMEWORK_FILE))


def question(question_id: str) -> Question:
    return board().framework.framework.question(question_id)


def refusal(question_id: str, text: str) -> str:
    with pytest.raises(AnswerError) as error:
        parse_answer(question(question_id), None, text)
    return str(error.value)


# ----- a choice of one ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2", "police", "The police", "2 - since May"])
def test_a_choice_of_one_takes_a_key_a_value_or_a_label(text: str) -> None:
    answer = parse_answer(question("b1"), None, text)
    assert (answer.value, answer.label, answer.score) == ("police", "The police", None)


def test_a_choice_of_one_keeps_the_comment() -> None:
    assert parse_answer(question("b1"), None, "2 - since May").comment == "since May"


def test_an_option_that_does_not_exist_is_refused_naming_those_that_do() -> None:
    message = refusal("b1", "7")
    assert message.startswith('"7" is not one of the options.')
    assert "1 The council; 2 The police; 3 Health; 4 The voluntary sector" in message


def test_dont_know_only_where_the_choice_allows_it() -> None:
    assert parse_answer(question("b4"), None, "d").abstain == "dont_know"
    assert parse_answer(question("b4"), None, "not sure").value == ""
    assert "is not one of the options" in refusal("b1", "d")


def test_a_scored_choice_of_one_is_placed_between_its_lowest_and_highest_option() -> None:
    scores = [parse_answer(question("b4"), None, key).score for key in ("1", "2", "3")]
    assert scores == [100.0, 50.0, 0.0]


# ----- a choice of several -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["1, 3", "1 3", "1,3", "3 1", "1 and 3", "1; 3.", "council health"]
)
def test_several_options_separated_by_commas_or_spaces(text: str) -> None:
    answer = parse_answer(question("b2"), None, text)
    assert answer.value == "council,health"
    assert answer.label == "The council; Health"


def test_a_comment_follows_the_picks() -> None:
    answer = parse_answer(question("b2"), None, "1, 3 - the police came twice")
    assert (answer.value, answer.comment) == ("council,health", "the police came twice")


@pytest.mark.parametrize("text", ["1, 9", "9", "1 3 7"])
def test_a_pick_that_is_not_an_option_is_refused_naming_the_options(text: str) -> None:
    message = refusal("b2", text)
    assert "is not one of the options" in message
    assert "1 The council; 2 The police; 3 Health; 4 Fire and rescue" in message


def test_dont_know_goes_alone() -> None:
    assert parse_answer(question("b2"), None, "d").abstain == "dont_know"
    assert refusal("b2", "d 1").startswith("Don't know goes alone.")


def test_too_few_or_too_many_picks_are_refused() -> None:
    limited = Question.model_validate(
        {
            **question("b2").model_dump(exclude_defaults=True),
            "min_picks": 2,
            "max_picks": 3,
        }
    )
    for text, word in (("1", "few"), ("1 2 3 4", "many")):
        with pytest.raises(AnswerError, match=f"That is too {word}"):
            parse_answer(limited, None, text)
    with pytest.raises(AnswerError, match=r"\(2 to 3\)"):
        parse_answer(limited, None, "1")


def test_a_scored_choice_of_several_scores_its_sum_between_the_reachable_sums() -> None:
    attend = question("b2")  # five options scoring 1, one to five picks
    assert attend.choice_score(("council",)) == 0.0
    assert attend.choice_score(("council", "police")) == 25.0
    assert attend.choice_score(("council", "police", "health", "fire", "voluntary")) == 100.0
    two = Question.model_validate({**attend.model_dump(exclude_defaults=True), "max_picks": 2})
    assert two.choice_score(("council", "police")) == 100.0


def test_a_click_adds_or_takes_out_a_key_keeping_the_comment() -> None:
    attend = question("b2")
    council, police, *_, dont_know = attend.choices
    assert toggle_pick(attend, "", police) == "2"
    assert toggle_pick(attend, "2 - mostly", council) == "1, 2 - mostly"
    assert toggle_pick(attend, "1, 2", council) == "2"
    assert toggle_pick(attend, "1, 2", dont_know) == "d"
    assert toggle_pick(attend, "d", council) == "1"


# ----- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2009-12-02",
        "2 Dec 2009",
        "2 December 2009",
        "2nd December, 2009",
        "December 2, 2009",
        "02/12/2009",
        "2/12/2009",
        "2.12.2009",
        "02/12/2009 - at the AGM",
    ],
)
def test_the_usual_date_forms_are_read_day_first_and_stored_as_iso(text: str) -> None:
    answer = parse_answer(question("b3"), None, text)
    assert (answer.value, answer.label) == ("2009-12-02", "2 December 2009")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("31/02/2009", "There is no 31 February 2009: that month has 28 days."),
        ("29 Feb 2009", "There is no 29 February 2009"),
        ("12/31/2009", "There is no month 31 (dates are read day first"),
        ("2 Decembre 2009", '"Decembre" is not a month.'),
        ("02/12/09", '"09" is not a year in full, such as 2009.'),
        ("last year", '"last year" is not a date I can read.'),
        (
            "2 Jan 2010",
            "2 January 2010 is outside the dates this question takes; please give "
            "a date, from 1 January 2000 to 31 December 2009.",
        ),
        ("1999-12-31", "31 December 1999 is outside the dates"),
    ],
)
def test_impossible_and_out_of_range_dates_are_refused_saying_why(text: str, said: str) -> None:
    assert said in refusal("b3", text)


def test_a_leap_day_is_a_date() -> None:
    assert parse_answer(question("r2"), None, "29/02/2008").value == "2008-02-29"


# ----- a session, scoring, coverage and facts --------------------------------------------


def answered(*texts: str) -> Session:
    session = Session(board())
    session.begin(NOW)
    for text in texts:
        outcome = session.answer(text, NOW)
        assert outcome.accepted, (text, outcome.error)
    return session


def transcript_of(session: Session):  # type: ignore[no-untyped-def]
    from tests.test_path_property import transcript

    return transcript(board(), list(session.turns))


def test_facts_are_never_scored_nor_counted_in_coverage() -> None:
    session = answered("2", "1 2 3", "2 Dec 2009", "1", "3", "n", "2")
    assert session.complete
    assessment = compile_transcript(transcript_of(session), board().framework)
    risk = next(a for a in assessment.areas if a.area.id == "risk")
    fact = next(q for q in risk.questions if q.question.id == "r1")
    assert fact.score is None and fact.answer is not None and fact.answer.value == "no"
    # r1 (a fact) and r2 (not asked) are not counted: only r3 is.
    assert risk.coverage == 1.0
    board_area = next(a for a in assessment.areas if a.area.id == "board")
    assert [q.score for q in board_area.questions] == [None, 50.0, None, 100.0, 66.666667]


def test_a_fact_in_a_condition_routes_and_triggers_an_action() -> None:
    session = answered("2", "1 2 3", "2 Dec 2009", "1", "3", "y", "12 May 2009", "4")
    assert [t.question for t in session.turns if t.kind == "answer"][-2:] == ["r2", "r3"]
    session = answered("2", "1 2 3", "2 Dec 2009", "1", "3", "n", "4")
    assessment = compile_transcript(transcript_of(session), board().framework)
    actions = {a.action.id: a for area in assessment.areas for a in area.actions}
    register = actions["start-register"]
    assert [str(t) for t in register.triggers] == ["6 answered No"]
    assert register.need == 50.0


def test_a_multiple_choice_and_a_date_in_conditions() -> None:
    session = answered("2", "1 3", "5 May 2007", "1", "3", "y", "12 May 2009", "4")
    assessment = compile_transcript(transcript_of(session), board().framework)
    fired = {a.action.id for area in assessment.areas for a in area.actions}
    assert {"invite-police", "review-terms"} <= fired
    session = answered("2", "1 2", "5 May 2009", "1", "3", "y", "12 May 2009", "4")
    assessment = compile_transcript(transcript_of(session), board().framework)
    fired = {a.action.id for area in assessment.areas for a in area.actions}
    assert not {"invite-police", "review-terms"} & fired


def test_a_stored_answer_the_choice_does_not_offer_is_refused(tmp_path: Path) -> None:
    session = answered("2", "1 3")
    turns = list(session.turns)
    index = next(i for i, t in enumerate(turns) if t.kind == "answer" and t.question == "b2")
    turns[index] = turns[index].model_copy(update={"value": "council,navy"})
    transcript = transcript_of(session).model_copy(update={"turns": tuple(turns)})
    with pytest.raises(
        LoadError, match=r"question \S+ \(b2\), turn \d+: value .* is not an answer"
    ):
        check_answers(board().framework.framework, transcript, tmp_path / "t.toml")


# ----- validation, each at the line at fault ---------------------------------------------


def found(tmp_path: Path, framework: str = FRAMEWORK, dialogue: str = DIALOGUE) -> list[str]:
    (tmp_path / "board-check.toml").write_text(framework, encoding="utf-8")
    (tmp_path / "board-check-chat.toml").write_text(dialogue, encoding="utf-8")
    paths = [tmp_path / "board-check.toml", tmp_path / "board-check-chat.toml"]
    report = validate(paths, Catalogue())
    return [str(p).replace(f"{tmp_path}/", "") for p in report.problems]


def framework_found(tmp_path: Path, framework: str) -> list[str]:
    """The problems in the framework file alone (its dialogue then goes unchecked)."""
    return [p for p in found(tmp_path, framework) if p.startswith("board-check.toml")]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_test_frameworks_are_clean(tmp_path: Path) -> None:
    assert found(tmp_path) == []


def test_a_choice_compared_with_a_value_it_does_not_offer(tmp_path: Path) -> None:
    text = DIALOGUE.replace("""when = 'b1 == "voluntary"'""", """when = 'b1 == "fire"'""")
    assert found(tmp_path, dialogue=text) == [
        f"board-check-chat.toml:{line_of(text, 'b1 == ')}: nodes.b1.branches[0].when: "
        'condition compares b1 with "fire", which is not one of its values '
        "(council, health, police, voluntary)"
    ]


def test_a_choice_of_several_compared_as_one_value(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("""when = '"police" not in b2'""", """when = 'b2 == "police"'""")
    assert framework_found(tmp_path, text) == [
        f"board-check.toml:{line_of(text, 'b2 == ')}: areas[0].actions[0].when: condition "
        "compares b2, a choice of several options, as one value; ask whether an option was "
        'picked: "council" in b2 (or not in)'
    ]


@pytest.mark.parametrize(
    ("condition", "shown"),
    [
        ("b3 < 2008", "2008"),
        ("""b3 < "last year\"""", '"last year"'),
        ("""b3 < "2008-02-30\"""", '"2008-02-30"'),
    ],
)
def test_a_date_compared_with_what_is_not_a_date(
    tmp_path: Path, condition: str, shown: str
) -> None:
    text = FRAMEWORK.replace("""when = 'b3 < "2008-01-01"'""", f"when = '{condition}'")
    assert framework_found(tmp_path, text) == [
        f"board-check.toml:{line_of(text, 'b3 < ')}: areas[0].actions[1].when: condition "
        f"compares b3, a date question, with {shown}, which is not a date; write dates as "
        '"2009-12-02", such as b3 < "2010-04-01"'
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            (
                '{ value = "none", label = "Not recorded", score = 0 }',
                '{ value = "none", label = "Not recorded" }',
            ),
            "give every option a score (a scored choice) or none (an unscored one)",
        ),
        (
            ("multiple = true\n", "min_picks = 6\nmultiple = true\n"),
            "`min_picks` = 6 and `max_picks` = 5 do not fit 5 options",
        ),
        (
            ("latest = 2009-12-31", "latest = 1999-12-31"),
            "`latest` (1999-12-31) is before `earliest` (2000-01-01)",
        ),
        (
            (
                '{ value = "council", label = "The council" }',
                '{ value = "council", label = "The council", key = "2" }',
            ),
            "two options share the key '2'",
        ),
    ],
)
def test_a_choice_or_date_question_written_wrong(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    assert change[0] in FRAMEWORK
    text = FRAMEWORK.replace(*change, 1)
    problems = framework_found(tmp_path, text)
    assert len(problems) == 1, problems
    assert message in problems[0]
    assert problems[0].startswith("board-check.toml:")


def test_keys_of_other_kinds_are_refused_by_name(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        'text = "Partners send someone who can decide for them."',
        'text = "Partners send someone who can decide for them."\nmultiple = true',
    )
    problems = framework_found(tmp_path, text)
    assert len(problems) == 1 and "only choice questions take `multiple`" in problems[0]


def test_a_comma_in_an_option_value_is_refused(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('{ value = "fire", label', '{ value = "fire,rescue", label')
    problems = framework_found(tmp_path, text)
    assert len(problems) == 1 and "value" in problems[0], problems
    assert problems[0].startswith(f"board-check.toml:{line_of(text, 'fire,rescue')}:")


# ----- reports -------------------------------------------------------------------------------


def test_the_facts_table_of_the_csv_guards_its_cells(tmp_path: Path) -> None:
    from bot.report.render import render_assessment
    from tests.test_path_property import transcript

    text = FRAMEWORK.replace('label = "The police" }', 'label = "=HYPERLINK(1)" }', 1)
    (tmp_path / "board-check.toml").write_text(text, encoding="utf-8")
    loaded = load_dialogue(DIALOGUE_FILE, load_framework(tmp_path / "board-check.toml"))
    session = Session(loaded)
    session.begin(NOW)
    assert session.answer("2", NOW).accepted
    assessment = compile_transcript(transcript(loaded, list(session.turns)), loaded.framework)
    rows = render_assessment(assessment, "csv").splitlines()
    assert rows[rows.index("number,fact,area,answer,value,said,notes") + 1] == (
        "1,Which partner chairs the board?,The board,'=HYPERLINK(1),police,,"
    )
    html = render_assessment(assessment, "html")
    assert "Fact (not scored): =HYPERLINK(1)" in html


def test_the_generated_dialogue_asks_who_would_know_after_dont_know() -> None:
    from bot.default_dialogue import DONT_KNOW, default_dialogue

    framework = board().framework.framework
    nodes = default_dialogue(framework).nodes
    assert [p.text for p in nodes["q-b2"].probes] == [DONT_KNOW]
    assert [p.text for p in nodes["q-b3"].probes] == [DONT_KNOW]
    assert nodes["q-b1"].probes == ()  # an unscored choice with no Don't know
