"""Slips a new author makes in their own framework and dialogue, each found by `validate`
at the file and line at fault, in words that say what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli, exit_codes
from bot.catalogue import Catalogue
from bot.problems import LoadError
from bot.validate import validate
from tests.test_author_checks import DIALOGUE, FRAMEWORK, found, framework_found, line_of


@pytest.mark.parametrize(
    ("before", "after", "key"),
    [
        (
            'label = "Strongly agree", score = 3',
            'label = "Strongly agree", score = true',
            "scales.agree.options[3].score",
        ),
        ("weak_at_or_below = 1", "weak_at_or_below = true", "scales.agree.weak_at_or_below"),
        ("weight = 2", "weight = true", "areas[1].questions[1].weight"),
        ("minimum = 0", "minimum = false", "areas[1].questions[0].minimum"),
        (
            "{ min = 12, max = 15 }",
            "{ min = true, max = 15 }",
            "areas[1].questions[0].recommended.min",
        ),
        (
            '{ name = "amber", label = "Amber", min = 40 }',
            '{ name = "amber", label = "Amber", min = true }',
            "bands.rag[1].min",
        ),
        ('version = "1"', 'version = "1"\nmin_coverage = true', "min_coverage"),
    ],
)
def test_a_boolean_is_no_number_in_a_framework(
    tmp_path: Path, before: str, after: str, key: str
) -> None:
    assert before in FRAMEWORK
    text = FRAMEWORK.replace(before, after)
    value = "true" if "true" in after else "false"
    problems = [p for p in found(tmp_path, text) if p.startswith("mini.toml")]
    assert problems == [
        f"mini.toml:{line_of(text, after.splitlines()[-1])}: {key}: expected a number, "
        f"got {value}: true and false are not numbers"
    ]


def test_a_boolean_is_no_whole_number_in_a_dialogue(tmp_path: Path) -> None:
    text = DIALOGUE.replace("max_probes = 2", "max_probes = true")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'max_probes')}: max_probes: expected a whole number, "
        "got true: true and false are not numbers"
    ]


def test_text_is_no_number_either(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("weight = 2", 'weight = "2"')
    assert found(tmp_path, text)[0] == (
        f"mini.toml:{line_of(text, 'weight =')}: areas[1].questions[1].weight: "
        'expected a number, found "2"; write the number without quotes: weight = 2'
    )


def test_an_action_that_reads_an_answer_only_asked_on_another_route(tmp_path: Path) -> None:
    # a3 is asked only after the branch a2 == "yes": where a3 is answered, a2 is "yes".
    when = """when = 'score("one") < 50'"""
    text = FRAMEWORK.replace(when, """when = 'a2 == "no" and answered("a3")'""")
    assert found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'answered(')}: areas[0].actions[0].when: can never fire: "
        "every route through mini-chat that asks a2 and a3 contradicts it "
        '(no answer to a2 meets a2 == "no" and a2 == "yes")'
    ]
    possible = FRAMEWORK.replace(when, """when = 'a2 == "yes" and answered("a3")'""")
    assert found(tmp_path, possible) == []


def test_an_action_whose_answers_no_single_route_asks(tmp_path: Path) -> None:
    when = """when = 'score("one") < 50'"""
    text = FRAMEWORK.replace(when, """when = 'answered("a3") and answered("b1")'""")
    # a3's route (a2 == "yes") now ends straight after it, before area two's b1.
    dialogue = DIALOGUE.replace('ask = "a3"\nnext = "two"', 'ask = "a3"\nnext = "bye"')
    assert found(tmp_path, text, dialogue) == [
        f"mini.toml:{line_of(text, 'answered(')}: areas[0].actions[0].when: can never fire: "
        "no route through mini-chat asks both a3 and b1"
    ]


def test_a_node_copied_and_left_asking_the_same_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Node b2 copied from b1 and its ask left as it was: b2 is never asked.
    text = DIALOGUE.replace('[nodes.b2]\nask = "b2"', '[nodes.b2]\nask = "b1"')
    (tmp_path / "mini.toml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "mini-chat.toml").write_text(text, encoding="utf-8")
    report = validate([tmp_path / "mini.toml", tmp_path / "mini-chat.toml"], Catalogue())
    assert report.problems == []
    warned = [str(w).replace(f"{tmp_path}/", "") for w in report.warnings]
    first = text.splitlines().index('ask = "b1"') + 1
    second = text.splitlines().index('ask = "b1"', first) + 1
    b2_line = line_of(FRAMEWORK, 'id = "b2"')
    assert warned == [
        f'mini-chat.toml:{second}: nodes.b2.ask: asks b1, which node "b1" (line {first}) asks '
        "too; was the node copied and its ask left as it was? No node asks b2; "
        'did you mean ask = "b2"?',
        f"mini.toml:{b2_line}: areas[1].questions[1]: statement b2 is "
        'asked by no node of mini-chat, so it is never answered: ask it in a node (ask = "b2")',
    ]
    # The command shows them as warnings and still passes.
    status = cli.main(["validate", str(tmp_path / "mini.toml"), str(tmp_path / "mini-chat.toml")])
    out = capsys.readouterr().out
    assert status == exit_codes.OK
    assert out.count("\nwarning: ") + out.startswith("warning: ") == 2
    assert out.endswith("OK: 2 file(s) checked, no problems, 2 warning(s).\n")


def test_add_says_how_to_start_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mini.toml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "mini-chat.toml").write_text(DIALOGUE, encoding="utf-8")
    status = cli.main(["add", str(tmp_path / "mini.toml"), str(tmp_path / "mini-chat.toml")])
    out = capsys.readouterr().out
    assert status == exit_codes.OK
    assert out.count("Start it with") == 1
    assert "  partnership-bot assess -f mini -d mini-chat\n" in out


def test_remove_of_an_id_that_names_nothing_is_a_command_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # README's table: 2 for an id that names nothing, with the nearest that does.
    assert cli.main(["remove", "hallmark"]) == exit_codes.USAGE
    assert 'did you mean "hallmarks"?' in capsys.readouterr().err


BOM = "\ufeff"
"""What Windows Notepad writes at the start of a file saved as UTF-8."""


@pytest.mark.parametrize(
    ("framework_bom", "dialogue_bom"), [(True, False), (False, True), (True, True)]
)
def test_a_byte_order_mark_at_the_start_is_accepted(
    tmp_path: Path, framework_bom: bool, dialogue_bom: bool
) -> None:
    framework = (BOM if framework_bom else "") + FRAMEWORK
    dialogue = (BOM if dialogue_bom else "") + DIALOGUE
    assert found(tmp_path, framework, dialogue) == []


def test_a_framework_with_a_byte_order_mark_and_a_fault_is_named_by_its_own_id(
    tmp_path: Path,
) -> None:
    # Its dialogue is not checked because of it, rather than told to give the framework's
    # file, which was given.
    framework = BOM + FRAMEWORK.replace('document = "Test fixture"', 'documnt = "Test fixture"')
    assert found(tmp_path, framework)[-1:] == [
        f"mini-chat.toml:{line_of(DIALOGUE, 'framework =')}: framework: not checked: its "
        'framework "mini" (mini.toml) has problems'
    ]


def test_a_transcript_saved_with_a_byte_order_mark_loads_whole(tmp_path: Path) -> None:
    from bot import store
    from tests.test_torn_tail import FAREHAM

    path = tmp_path / "edited.toml"
    path.write_bytes(BOM.encode() + FAREHAM.read_bytes())
    loaded = store.load(path)
    assert loaded.dropped_bytes == 0
    assert loaded.transcript == store.load(FAREHAM).transcript
    # Opened to carry on, nothing of it is cut off as an interrupted save.
    _, writer = store.open_for_writing(path)
    writer.close()
    assert path.read_bytes() == BOM.encode() + FAREHAM.read_bytes()


def test_a_dialogue_naming_a_framework_that_is_not_found_is_told_at_its_own_line(
    tmp_path: Path,
) -> None:
    text = DIALOGUE.replace('framework = "mini"', 'framework = "minni"')
    assert found(tmp_path, dialogue=text) == [
        f'mini-chat.toml:{line_of(text, "framework =")}: framework: no framework "minni"; '
        'did you mean "mini"?'
    ]


def test_a_top_level_key_written_inside_a_table(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        'document = "Test fixture"', 'document = "Test fixture"\nmin_coverage = 60'
    )
    assert found(tmp_path, text)[0] == (
        f"mini.toml:{line_of(text, 'min_coverage')}: source.min_coverage: min_coverage is a "
        "top-level key: move it above the first [table] (every key after a [table] heading "
        "belongs to that table)"
    )


def test_a_key_already_set_at_the_top_is_not_told_to_move_up(tmp_path: Path) -> None:
    # min_coverage set at the top and again in [source]: moving it up would set it twice.
    text = FRAMEWORK.replace(
        'document = "Test fixture"', 'document = "Test fixture"\nmin_coverage = 60'
    )
    text = text.replace("title = ", "min_coverage = 50\ntitle = ", 1)
    message = found(tmp_path, text)[0]
    assert "move it above" not in message
    assert 'source.min_coverage: unknown key "min_coverage"' in message


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (
            "a2 == yes",
            'condition names yes without quotes: an answer goes in quotes, "yes" (a2 == "yes")',
        ),
        ('a2 is "yes"', "condition uses is: use == (is is not allowed)"),
        ('a2 is not "yes"', "condition uses is not: use != (is not is not allowed)"),
        (
            'a2 == "yes" AND a1 == "agree"',
            "condition 'a2 == \"yes\" AND a1 == \"agree\"' cannot be parsed: 'AND' at column 13: "
            "write and in lower case",
        ),
        (
            'a2 == "yes" OR a2 == "no"',
            "condition 'a2 == \"yes\" OR a2 == \"no\"' cannot be parsed: 'OR' at column 13: "
            "write or in lower case",
        ),
        (
            'NOT a2 == "no"',
            "condition 'NOT a2 == \"no\"' cannot be parsed: 'NOT' at column 1: write not in lower case",
        ),
        (
            "a2 == “yes”",
            'condition "a2 == “yes”" cannot be parsed: smart quotes (“ ” ‘ ’) are not quotes in a '
            'condition: use straight quotes ("yes")',
        ),
    ],
)
def test_condition_slips_are_said_in_plain_words(tmp_path: Path, when: str, message: str) -> None:
    text = DIALOGUE.replace("""when = 'a2 == "yes"'""", f"when = '{when}'")
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, when)}: nodes.a2.branches[0].when: {message}"
    ]


def test_a_node_named_in_capitals_is_told_once_with_the_one_meant(tmp_path: Path) -> None:
    text = DIALOGUE.replace('goto = "a3"', 'goto = "A3"')
    assert found(tmp_path, dialogue=text) == [
        f'mini-chat.toml:{line_of(text, "A3")}: nodes.a2.branches[0].goto: names node "A3", '
        'which does not exist; did you mean "a3"?'
    ]


def test_a_question_id_used_twice_names_the_first(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('id = "b2"', 'id = "b1"')
    first = line_of(text, 'id = "b1"')
    second = text.splitlines().index('id = "b1"', first) + 1
    assert framework_found(tmp_path, text) == [
        f'mini.toml:{second}: areas[1].questions[1].id: question id "b1" is used twice '
        f"(first at line {first})"
    ]


def test_a_misspelt_table_heading_has_its_line(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('[[areas.questions]]\nid = "b2"', '[[area.questions]]\nid = "b2"')
    assert framework_found(tmp_path, text) == [
        f'mini.toml:{line_of(text, "[[area.questions]]")}: area: unknown key "area"; '
        'did you mean "areas"?'
    ]


def test_smart_quotes_in_a_value(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('text = "Make it work better."', "text = “Make it work better.”")
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, '“')}: is not valid TOML: Invalid value (column 8); smart "
        'quotes (“ ” ‘ ’) are not quotes in TOML: use straight quotes ("...")'
    ]


def test_an_action_under_one_area_that_reads_only_another(tmp_path: Path) -> None:
    # Written after the last area, the action belongs to it, though it reads area one.
    text = FRAMEWORK.replace('when = "b1 > 15 or b1 < 12"', """when = 'a1 == "disagree"'""")
    (tmp_path / "mini.toml").write_text(text, encoding="utf-8")
    (tmp_path / "mini-chat.toml").write_text(DIALOGUE, encoding="utf-8")
    report = validate([tmp_path / "mini.toml", tmp_path / "mini-chat.toml"], Catalogue())
    assert report.problems == []
    fix_two = line_of(text, 'id = "fix-two"')
    assert [str(w).replace(f"{tmp_path}/", "") for w in report.warnings] == [
        f"mini.toml:{fix_two}: areas[1].actions[0]: action fix-two is "
        "listed under Area two but its condition reads only one: did you mean to put it under "
        "Area one? (an [[areas.actions]] belongs to the [[areas]] above it)"
    ]


def test_an_area_or_action_id_used_twice_names_the_first(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('id = "two"', 'id = "one"').replace('id = "fix-two"', 'id = "fix-one"')
    problems = framework_found(tmp_path, text)
    lines = text.splitlines()
    first_area, first_action = line_of(text, 'id = "one"'), line_of(text, 'id = "fix-one"')
    area = lines.index('id = "one"', first_area) + 1
    action = lines.index('id = "fix-one"', first_action) + 1
    assert problems == [
        f'mini.toml:{area}: areas[1].id: area id "one" is used twice (first at line {first_area})',
        f'mini.toml:{action}: areas[1].actions[0].id: action id "fix-one" is used twice '
        f"(first at line {first_action})",
    ]


def test_a_dialogue_started_from_its_file_names_itself_for_an_unknown_framework(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mini-chat.toml"
    path.write_text(DIALOGUE.replace('framework = "mini"', 'framework = "halmarks"'), "utf-8")
    with pytest.raises(LoadError) as caught:
        Catalogue().dialogue(str(path))
    assert [str(p).replace(f"{tmp_path}/", "") for p in caught.value.problems] == [
        'mini-chat.toml:2: framework: no framework "halmarks"; did you mean "hallmarks"?'
    ]


def test_an_apostrophe_in_text_between_single_quotes(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        'text = "Make it work better."', "text = 'Make the board's work better.'"
    )
    assert framework_found(tmp_path, text) == [
        f"mini.toml:{line_of(text, 'board')}: is not valid TOML: Expected newline or end of "
        "document after a statement (column 24); an apostrophe (') ends text in single quotes: "
        'put text that holds one in double quotes ("Partners\' budgets")'
    ]


def test_a_dialogue_with_a_loop_through_a_branch_is_judged_and_ends(tmp_path: Path) -> None:
    # a2 -> hint (a branch on a1) -> a tip -> a2 again, left only when a2 == "yes": each
    # time round the same branch says the same of a1, so the walk ends.
    loop = (
        '\n[nodes.hint]\nsay = "Let us look at that again."\nnext = "tip2"\n'
        'branches = [{ when = \'a1 == "agree"\', goto = "tip1" }]\n\n'
        '[nodes.tip1]\nsay = "You agreed."\nnext = "a2"\n\n'
        '[nodes.tip2]\nsay = "You did not agree."\nnext = "a2"\n'
    )
    dialogue = DIALOGUE.replace('ask = "a2"\nnext = "two"\n', 'ask = "a2"\nnext = "hint"\n') + loop
    assert "[nodes.tip1]" in dialogue
    when = """when = 'score("one") < 50'"""
    text = FRAMEWORK.replace(when, """when = 'a1 == "disagree" and answered("b1")'""")
    assert found(tmp_path, text, dialogue) == []
