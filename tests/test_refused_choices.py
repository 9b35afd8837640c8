"""Every refused choice in a framework, dialogue, round or plan names what exists: the one
meant ("did you mean"), by one rule, or the values allowed; and slips an author makes
writing their own files are told at their line with the fix."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from bot.model.dialogue import Trigger
from bot.model.framework import Abstention, Expects, QuestionKind
from bot.problems import MEANT, LoadError, closest
from bot.rounds.plan import Plan, PlanAction, Status, encode, load_plan_text
from tests.test_author_checks import DIALOGUE, FRAMEWORK, found, framework_found, line_of

MISSING_QUOTE = "is a closing quote missing?"
SMART = "smart quotes (“ ” ‘ ’) are not quotes in TOML"


# ----- curly quotes: the hint only where they are at fault ------------------------------


@pytest.mark.parametrize(
    ("after", "detail", "hint"),
    [
        # The closing quote is missing on the line whose text holds curly quotes.
        (
            'text = "Make the “partnership” work better.',
            "Illegal character '\\n' (column 44)",
            MISSING_QUOTE,
        ),
        (
            'text = "Make it work, “better”.',
            "Illegal character '\\n' (column 32)",
            MISSING_QUOTE,
        ),
        # Something is left after the text, which holds curly quotes of its own.
        (
            'text = "Make the “partnership” work." better',
            "Expected newline or end of document after a statement (column 39)",
            "one key = value to a line",
        ),
    ],
)
def test_curly_quotes_inside_text_leave_the_proper_hint(
    tmp_path: Path, after: str, detail: str, hint: str
) -> None:
    text = FRAMEWORK.replace('text = "Make it work better."', after)
    (problem,) = framework_found(tmp_path, text)
    assert problem.startswith(f"mini.toml:{line_of(text, '“')}: is not valid TOML: {detail}; ")
    assert hint in problem and SMART not in problem


def test_curly_quotes_elsewhere_leave_the_hint_of_the_line_at_fault(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        'text = "The partnership works well."', 'text = "The “partnership” works well."'
    ).replace('text = "Make it work better."', 'text = "Make it work better.')
    (problem,) = framework_found(tmp_path, text)
    assert problem.startswith(f"mini.toml:{line_of(text, 'Make it')}: is not valid TOML")
    assert MISSING_QUOTE in problem and SMART not in problem


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('label = "Disagree"', "label = “Disagree”"),  # in a table in braces
        ('text = "Make it work better."', 'text = "Make it" “work better.”'),  # after text
        ('text = "Make it work better."', "text = ‘Make it work better.’"),
    ],
)
def test_curly_quotes_where_straight_ones_belong_get_the_smart_quotes_hint(
    tmp_path: Path, before: str, after: str
) -> None:
    text = FRAMEWORK.replace(before, after, 1)
    (problem,) = framework_found(tmp_path, text)
    assert problem.startswith(f"mini.toml:{line_of(text, after)}: is not valid TOML")
    assert problem.endswith(f'{SMART}: use straight quotes ("...")')


# ----- a refused choice names a value that exists ------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("weak", "low"),
        ("poor", "low"),
        ("dont know", "dont_know"),
        ("unknown", "dont_know"),
        ("contradiction", "inconsistent"),
        ("too_many", "above_range"),
        ("range", "out_of_range"),
        ("high", "unevidenced_high"),
    ],
)
def test_a_probe_on_an_unknown_trigger_is_told_the_one_meant(
    tmp_path: Path, written: str, meant: str
) -> None:
    text = DIALOGUE.replace('{ on = "low"', f'{{ on = "{written}"')
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, written)}: nodes.a1.probes[0].on: expected 'low', "
        "'dont_know', 'vague', 'unevidenced_high', 'out_of_range', 'below_range', "
        f"'above_range' or 'inconsistent', found \"{written}\"; did you mean \"{meant}\"?"
    ]


@pytest.mark.parametrize(
    ("before", "after", "key", "meant"),
    [
        ('kind = "yesno"', 'kind = "boolean"', "areas[0].questions[1].kind", "yesno"),
        ('kind = "text"', 'kind = "string"', "areas[0].questions[2].kind", "text"),
        ('kind = "number"', 'kind = "integer"', "areas[1].questions[0].kind", "number"),
        (
            'abstain = "dont_know" }',
            'abstain = "unsure" }',
            "scales.agree.options[4].abstain",
            "dont_know",
        ),
        (
            'abstain = "refused"',
            'abstain = "declined"',
            "scales.agree.options[5].abstain",
            "refused",
        ),
        (
            'kind = "text"',
            'kind = "text"\nexpects = "person"',
            "areas[0].questions[2].expects",
            "name",
        ),
    ],
)
def test_a_framework_choice_is_told_the_one_meant(
    tmp_path: Path, before: str, after: str, key: str, meant: str
) -> None:
    text = FRAMEWORK.replace(before, after, 1)
    (problem,) = framework_found(tmp_path, text)
    assert f": {key}: expected " in problem
    assert problem.endswith(f'; did you mean "{meant}"?')


def test_a_dialogue_mode_is_told_the_one_meant(tmp_path: Path) -> None:
    text = DIALOGUE.replace('title = "Mini chat"', 'title = "Mini chat"\nmode = "interview"')
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'mode')}: mode: expected 'self' or 'telephone', found "
        '"interview"; did you mean "telephone"?'
    ]


def test_a_plan_status_and_priority_are_told_the_ones_meant() -> None:
    plan = Plan(
        round="r",
        title="Review",
        framework="f",
        actions=(PlanAction(id="a-one", ref="1", text="Do it.", area="x", priority="low"),),
    )
    text = (
        encode(plan)
        .replace('status = "not_started"', 'status = "completed"')
        .replace('priority = "low"', 'priority = "urgent"')
    )
    with pytest.raises(LoadError) as caught:
        load_plan_text(text, "plan.toml")
    shown = str(caught.value)
    assert 'found "completed"; did you mean "done"?' in shown
    assert 'found "urgent"; did you mean "high"?' in shown


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (
            'ask = "a3"',
            'ask = "c9"',
            'nodes.a3.ask: asks "c9", which is not a question in mini; '
            "they are: a1, a2, a3, b1, b2",
        ),
        (
            'next = "bye"',
            'next = "end"',
            'nodes.b2.next: names node "end", which does not exist; '
            "they are: a1, a2, a3, b1, b2, bye, hello, two",
        ),
        (
            'goto = "a3"',
            'goto = "zz"',
            'nodes.a2.branches[0].goto: names node "zz", which does not exist; '
            "they are: a1, a2, a3, b1, b2, bye, hello, two",
        ),
        (
            'area = "two"',
            'area = "second"',
            'nodes.two.area: names area "second", which the framework does not have; '
            "they are: one, two",
        ),
    ],
)
def test_a_name_with_no_likely_spelling_is_told_the_names_that_exist(
    tmp_path: Path, before: str, after: str, said: str
) -> None:
    text = DIALOGUE.replace(before, after)
    assert found(tmp_path, dialogue=text) == [f"mini-chat.toml:{line_of(text, after)}: {said}"]


@pytest.mark.parametrize(
    "allowed",
    [
        typing.get_args(Trigger),
        typing.get_args(QuestionKind),
        typing.get_args(Abstention),
        typing.get_args(Expects),
        typing.get_args(Status),
        ("self", "telephone"),
        ("low", "medium", "high", ""),
    ],
)
def test_a_suggestion_always_names_an_allowed_value(allowed: tuple[str, ...]) -> None:
    for words in MEANT.values():
        for word in words:
            meant = closest(word, allowed)
            assert meant is None or meant in allowed


# ----- slips in an author's own files ------------------------------------------------


def test_a_key_given_twice_in_a_table_names_it_and_the_first(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('id = "a2"\n', 'id = "a2"\ntext = "Is there a protocol?"\n')
    (problem,) = framework_found(tmp_path, text)
    assert problem == (
        f"mini.toml:{line_of(text, 'Do you have')}: is not valid TOML: Cannot overwrite a value "
        f"(column 33); text is already set at line {line_of(text, 'Is there')}, in the same "
        "table: give each key once in a table (a new [[...]] heading starts the next of a list)"
    )


def test_a_table_given_twice_names_the_first(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("[bands]", "[scales.agree]\nweak_at_or_below = 1\n\n[bands]")
    (problem,) = framework_found(tmp_path, text)
    second = text.splitlines().index("[scales.agree]", line_of(text, "[scales.agree]")) + 1
    assert problem == (
        f"mini.toml:{second}: is not valid TOML: Cannot declare ('scales', 'agree') twice "
        f"(column 14); [scales.agree] is already a table, at line {line_of(text, '[scales.agree]')}: "
        "give each table once (for one of a list, [[...]] with two brackets)"
    )


def test_one_of_a_list_of_tables_headed_with_one_bracket(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('[[areas.questions]]\nid = "a3"', '[areas.questions]\nid = "a3"')
    (problem,) = framework_found(tmp_path, text)
    assert problem == (
        f"mini.toml:{text.splitlines().index('[areas.questions]') + 1}: is not valid TOML: Cannot declare "
        "('areas', 'questions') twice (column 17); areas.questions is a list of tables "
        f"([[areas.questions]] at line {line_of(text, '[[areas.questions]]')}): write "
        "[[areas.questions]], with two brackets, for each of them"
    )


def test_a_comma_after_the_last_entry_of_a_table_in_braces(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('label = "Disagree", score = 0 }', 'label = "Disagree", score = 0, }')
    (problem,) = framework_found(tmp_path, text)
    assert problem.startswith(f"mini.toml:{line_of(text, 'score = 0, }')}: is not valid TOML: ")
    assert "a key was expected here: is there a comma with nothing after it" in problem


def test_an_action_letter_given_twice_is_told_a_free_one(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        """when = 'score("one") < 50'""",
        """when = 'score("one") < 50'\nletter = "a"\n\n[[areas.actions]]\nid = "fix-more"\n"""
        """text = "Fix more."\nwhen = 'score("one") < 20'\nletter = "a\"""",
    )
    (problem,) = framework_found(tmp_path, text)
    assert problem == (
        f'mini.toml:{line_of(text, "Fix more") + 2}: areas[0].actions[1].letter: letter "a" is '
        "already fix-one's in this area; give it the source's own letter for it, such as \"b\" "
        "(one not used)"
    )


def test_an_action_label_given_twice_is_told_the_next(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        """when = 'score("one") < 50'""", """when = 'score("one") < 50'\nletter = "R1\""""
    ).replace('text = "Resize the board."', 'text = "Resize the board."\nletter = "R1"')
    (problem,) = framework_found(tmp_path, text)
    assert problem.endswith(
        'areas[1].actions[0].letter: label "R1" is already fix-one\'s; a label names one action '
        'in the whole framework; give it the source\'s own label for it, such as "R2" (one not used)'
    )


def test_two_options_with_one_key_are_named_with_a_free_key(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        'key = "2", label = "Partly agree"', 'key = "1", label = "Partly agree"'
    )
    (problem,) = framework_found(tmp_path, text)
    assert problem == (
        f"mini.toml:{line_of(text, '[scales.agree]')}: scales.agree: two options share the key "
        '\'1\' ("Disagree" and "Partly agree"): give each its own, such as key = "2"'
    )


def test_no_source_table_says_what_to_add(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('[source]\ndocument = "Test fixture"\n', "")
    assert framework_found(tmp_path, text) == [
        'mini.toml: missing required key "source": add a [source] table with document = ...'
    ]


def test_a_missing_list_of_tables_is_told_the_heading_the_format_needs(tmp_path: Path) -> None:
    # Areas are an array of tables: [[areas]], each with its [[areas.questions]].
    text = FRAMEWORK[: FRAMEWORK.index("[[areas]]")]
    assert framework_found(tmp_path, text) == [
        'mini.toml: missing required key "areas": add [[areas]] tables, each with id = ..., '
        "title = ... and [[areas.questions]] tables"
    ]
    # A table holding a list: [bands] with its [[bands.rag]] tables, written as the hint says.
    bands = FRAMEWORK[FRAMEWORK.index("[bands]") : FRAMEWORK.index("[[areas]]")]
    assert framework_found(tmp_path, FRAMEWORK.replace(bands, "")) == [
        'mini.toml: missing required key "bands": add a [bands] table with [[bands.rag]] tables'
    ]
    written = '[bands]\n[[bands.rag]]\nname = "red"\nlabel = "Red"\nmin = 0\n\n'
    assert framework_found(tmp_path, FRAMEWORK.replace(bands, written)) == []


def test_an_area_with_no_questions_is_told_the_heading_they_go_under(tmp_path: Path) -> None:
    start = FRAMEWORK.index('[[areas.questions]]\nid = "b1"')
    text = FRAMEWORK[:start] + FRAMEWORK[FRAMEWORK.index('[[areas.actions]]\nid = "fix-two"') :]
    heading = line_of(text, 'id = "two"') - 1
    assert (
        f"mini.toml:{heading}: areas[1]: missing required key "
        '"questions": add [[areas.questions]] tables, each with id = ... and text = ...'
    ) in framework_found(tmp_path, text)


def test_a_key_of_a_table_written_above_its_heading(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("[source]\n", 'publisher = "Audit Commission"\n\n[source]\n')
    assert framework_found(tmp_path, text) == [
        f'mini.toml:{line_of(text, "publisher")}: publisher: unknown key "publisher"; '
        "publisher is a key of [source]: put it under that heading"
    ]


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (
            'say = "Now area two."',
            'text = "Now area two."',
            'nodes.two.text: unknown key "text"; did you mean "say"?',
        ),
        (
            'ask = "b2"',
            'question = "b2"',
            'nodes.b2.question: unknown key "question"; did you mean "ask"?',
        ),
    ],
)
def test_a_node_key_written_by_another_name(
    tmp_path: Path, before: str, after: str, said: str
) -> None:
    text = DIALOGUE.replace(before, after)
    problems = found(tmp_path, dialogue=text)
    assert f"mini-chat.toml:{line_of(text, after)}: {said}" in problems


def test_a_probe_on_a_trigger_its_question_cannot_fire_is_told_those_that_can(
    tmp_path: Path,
) -> None:
    text = DIALOGUE.replace('probes = [{ on = "out_of_range"', 'probes = [{ on = "low"')
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'Why this many')}: nodes.b1.probes[0].on: a low probe "
        "needs a rating or yesno question; b1 is number; the triggers that fit it: vague, "
        "out_of_range, below_range, above_range, inconsistent"
    ]


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (
            '{ name = "amber", label = "Amber", min = 40 }',
            '{ name = "amber", label = "Amber", min = "40%" }',
            'bands.rag[1].min: expected a number, found "40%"; write the number without '
            "quotes: min = 40",
        ),
        (
            "recommended = { min = 12, max = 15 }",
            'recommended = "12-15"',
            'areas[1].questions[0].recommended: expected a table, found "12-15"; a table is '
            "written in braces: recommended = { min = ..., max = ... }",
        ),
        (
            'title = "Mini framework for tests"',
            "title = 2009",
            'title: expected text in quotes, found 2009; put it in quotes: title = "2009"',
        ),
        (
            '[source]\ndocument = "Test fixture"',
            'source = "Test fixture"\n[source2]',
            'source: expected a table, found "Test fixture"; a table is written in braces: '
            "source = { document = ... }",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_shown_written_right(
    tmp_path: Path, before: str, after: str, said: str
) -> None:
    text = FRAMEWORK.replace(before, after)
    line = after.splitlines()[0]
    assert f"mini.toml:{line_of(text, line)}: {said}" in framework_found(tmp_path, text)


GROUP = """[[areas.groups]]
id = "risks"
title = "Top risks"
columns = COLUMNS

[[areas.groups.questions]]
id = "r1"
text = "Name a risk."
kind = "text"

[[areas.groups.questions]]
id = "r2"
text = "Who owns it?"
kind = "text"

"""


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # Quoted as the file writes it: "1.1" would renumber question 1.10.
        (
            'id = "a1"\nnumber = 1.10',
            'number: expected text in quotes, found 1.10; put it in quotes: number = "1.10"',
        ),
        (
            'id = "a1"\nnumber = 2.50  # the second half',
            'number: expected text in quotes, found 2.50; put it in quotes: number = "2.50"',
        ),
        # A list's item is named as the item, never as the whole list.
        (
            GROUP.replace("COLUMNS", '["Risk", 2]'),
            'columns[1]: expected text in quotes, found 2; put the item in quotes: "2"',
        ),
        (
            GROUP.replace("COLUMNS", '[\n  "Risk",  # named\n  1.50,\n]'),
            'columns[1]: expected text in quotes, found 1.50; put the item in quotes: "1.50"',
        ),
    ],
)
def test_a_number_for_text_is_quoted_as_the_file_writes_it(
    tmp_path: Path, written: str, said: str
) -> None:
    if written.startswith("[[areas.groups]]"):
        at = '[[areas.actions]]\nid = "fix-one"'
        text, where = FRAMEWORK.replace(at, written + at), "areas[0].groups[0]."
        line = line_of(text, "columns =")
    else:
        text, where = FRAMEWORK.replace('id = "a1"', written), "areas[0].questions[0]."
        line = line_of(text, "number =")
    assert framework_found(tmp_path, text) == [f"mini.toml:{line}: {where}{said}"]


def test_probes_written_as_one_table_are_told_to_make_it_a_list(tmp_path: Path) -> None:
    text = DIALOGUE.replace(
        'probes = [{ on = "vague", text = "Which organisations, by name?" }]',
        'probes = { on = "vague", text = "Which organisations, by name?" }',
    )
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'probes = {')}: nodes.a3.probes: expected a list (an "
        "array, or [[...]] tables), found a table; put it in brackets, as a list of one: "
        "probes = [{ ... }]"
    ]


def test_a_dialogue_without_start_is_told_its_first_node(tmp_path: Path) -> None:
    text = DIALOGUE.replace('start = "hello"\n', "")
    assert found(tmp_path, dialogue=text) == [
        'mini-chat.toml: missing required key "start": the node it begins at, such as '
        'start = "hello" (above the first [nodes...] heading)'
    ]


def test_an_id_without_its_quotes_in_a_score_is_shown_with_them(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("""when = 'score("one") < 50'""", "when = 'score(a1) < 50'")
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'score(a1)')}: areas[0].actions[0].when: condition score() "
        'takes one quoted id, such as score("a1")'
    ]


def test_a_question_without_its_id_is_named_where_a_condition_reads_it(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('id = "a1"\n', "").replace(
        """when = 'score("one") < 50'""", """when = 'a1 == "disagree"'"""
    )
    heading = line_of(text, "The partnership works well") - 1
    assert framework_found(tmp_path, text) == [
        f'mini.toml:{heading}: areas[0].questions[0]: missing required key "id"',
        f'mini.toml:{line_of(text, "a1 ==")}: areas[0].actions[0].when: condition names "a1", '
        "which is not a question id; they are: a2, a3, b1, b2; the question at line "
        f"{heading} has no id: is it that one?",
    ]


@pytest.mark.parametrize(
    ("when", "said"),
    [
        # The form the shipped frameworks use: score("...") and answered("...").
        ("""score("a1") < 50""", 'score("a1") names no question or area'),
        ("""answered("a1")""", 'names "a1", which is not a question id'),
        ("""count("disagree", a1) > 0""", 'names "a1", which is not a question id'),
    ],
)
def test_a_question_without_its_id_is_named_in_every_form_a_condition_reads_it(
    tmp_path: Path, when: str, said: str
) -> None:
    text = FRAMEWORK.replace('id = "a1"\n', "").replace(
        """when = 'score("one") < 50'""", f"when = '{when}'"
    )
    heading = line_of(text, "The partnership works well") - 1
    problems = framework_found(tmp_path, text)
    assert problems[0] == f'mini.toml:{heading}: areas[0].questions[0]: missing required key "id"'
    (read,) = problems[1:]
    assert read.startswith(
        f"mini.toml:{line_of(text, when)}: areas[0].actions[0].when: condition {said}"
    )
    assert read.endswith(f"; the question at line {heading} has no id: is it that one?")


@pytest.mark.parametrize("when", ["""score("r1") < 50""", """answered("r1")"""])
def test_a_repeated_groups_question_is_not_taken_for_one_without_its_id(
    tmp_path: Path, when: str
) -> None:
    at = '[[areas.actions]]\nid = "fix-one"'
    group = GROUP.replace("COLUMNS", '["Risk", "Owner"]')
    text = FRAMEWORK.replace(at, group + at).replace('id = "a1"\n', "")
    text = text.replace("""when = 'score("one") < 50'""", f"when = '{when}'")
    problems = framework_found(tmp_path, text)
    assert len(problems) == 2 and "repeated group" in problems[1], problems
    assert "has no id" not in problems[1]
