"""Loading errors: every problem at once, with file, key path, line and a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import store
from bot.loading import load_dialogue, load_framework
from bot.problems import LoadError
from tests.conftest import DATA

FRAMEWORK = (DATA / "mini.toml").read_text()
DIALOGUE = (DATA / "mini-chat.toml").read_text()


def framework_errors(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(text)
    with pytest.raises(LoadError) as error:
        load_framework(path)
    return [str(p) for p in error.value.problems]


def dialogue_errors(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "broken-dialogue.toml"
    path.write_text(text)
    with pytest.raises(LoadError) as error:
        load_dialogue(path, load_framework(DATA / "mini.toml"))
    return [str(p) for p in error.value.problems]


def test_misspelt_keys_are_all_reported_with_suggestions(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("weak_at_or_below = 1", "weak_at_or_belw = 1").replace(
        'id = "a2"\ntext', 'id = "a2"\ntxt'
    )
    assert framework_errors(text, tmp_path) == [
        'broken.toml:9: scales.agree.weak_at_or_belw: unknown key "weak_at_or_belw"; did you mean "weak_at_or_below"?',
        'broken.toml:44: areas[0].questions[1]: missing required key "text"',
        'broken.toml:46: areas[0].questions[1].txt: unknown key "txt"; did you mean "text"?',
    ]


def test_unknown_scale(tmp_path: Path) -> None:
    assert framework_errors(FRAMEWORK.replace('scale = "ypn"', 'scale = "ypm"'), tmp_path) == [
        'broken.toml:48: areas[0].questions[1].scale: unknown scale "ypm"; the scales are: agree, ypn; did you mean "ypn"?'
    ]


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('title = "Area one"', 'title = "Area one')
    assert framework_errors(text, tmp_path) == [
        "broken.toml:37: is not valid TOML: Illegal character '\\n' (column 18); is a closing quote missing?"
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("title = ", "a value was expected after =: text in quotes"),
        ("title = Area one", "a value was expected after =: text in quotes"),
        ('title = "Area" one', "one key = value to a line: is something left after the value"),
        ('area title = "Area one"', "a key is followed by = and its value"),
        ('= "Area one"', "each line is key = value, a [table] or [[table]] heading"),
        ('title = { text = "Area one"', "is a closing } missing, or a comma between its entries?"),
    ],
)
def test_a_toml_mistake_says_what_was_expected(tmp_path: Path, written: str, hint: str) -> None:
    # Before, these said only what the reader met ("Invalid value (column 9)").
    (problem,) = framework_errors(FRAMEWORK.replace('title = "Area one"', written), tmp_path)
    assert problem.startswith("broken.toml:37: is not valid TOML: ")
    assert hint in problem


def test_a_mistake_at_the_end_of_the_file_names_its_last_line(tmp_path: Path) -> None:
    text = FRAMEWORK.rstrip("\n") + "\nextra = [1, 2\n"
    (problem,) = framework_errors(text, tmp_path)
    last = text.count("\n")
    assert problem == (
        f"broken.toml:{last}: is not valid TOML: Unclosed array (at the end of the file); "
        "is a closing ] missing, or a comma between its items?"
    )


def test_bad_conditions(tmp_path: Path) -> None:
    text = FRAMEWORK.replace(
        """when = 'score("one") < 50'""", """when = 'score("onw") < 50'"""
    ).replace('when = "b1 > 15 or b1 < 12"', 'when = "b1 >"')
    assert framework_errors(text, tmp_path) == [
        'broken.toml:58: areas[0].actions[0].when: condition score("onw") names no question or area; did you mean "one"?',
        'broken.toml:81: areas[1].actions[0].when: condition "b1 >" cannot be parsed: '
        "expected a value after '>', at the end",
    ]


def test_wrong_types(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("weight = 2", 'weight = "heavy"').replace(
        'version = "1"', "version = 1"
    )
    assert framework_errors(text, tmp_path) == [
        'broken.toml:3: version: expected text in quotes, found 1; put it in quotes: version = "1"',
        'broken.toml:76: areas[1].questions[1].weight: expected a number, found "heavy"',
    ]


def test_duplicate_question_id(tmp_path: Path) -> None:
    assert framework_errors(FRAMEWORK.replace('id = "b2"', 'id = "a1"'), tmp_path) == [
        'broken.toml:73: areas[1].questions[1].id: question id "a1" is used twice '
        "(first at line 40)"
    ]


def test_dialogue_schema_and_reference_problems_together(tmp_path: Path) -> None:
    text = (
        DIALOGUE.replace('next = "a2"', 'next = "a22"')
        .replace('ask = "a3"', 'ask = "a4"')
        .replace('goto = "a3"', 'goto = "a33"')
        .replace('{ on = "low"', '{ on = "lo"')
    )
    assert dialogue_errors(text, tmp_path) == [
        "broken-dialogue.toml:16: nodes.a1.probes[0].on: expected 'low', 'dont_know', 'vague', "
        "'unevidenced_high', 'out_of_range', 'below_range', 'above_range' or 'inconsistent', found \"lo\"; did you mean \"low\"?",
        'broken-dialogue.toml:14: nodes.a1.next: names node "a22", which does not exist; did you mean "a2"?',
        'broken-dialogue.toml:25: nodes.a2.branches[0].goto: names node "a33", which does not exist; did you mean "a3"?',
        'broken-dialogue.toml:31: nodes.a3.ask: asks "a4", which is not a question in mini; '
        "they are: a1, a2, a3, b1, b2",
    ]


def test_dialogue_node_kinds_and_probe_fit(tmp_path: Path) -> None:
    text = DIALOGUE.replace('{ on = "out_of_range"', '{ on = "low"').replace(
        'start = "hello"', 'start = "helo"'
    )
    assert dialogue_errors(text, tmp_path) == [
        'broken-dialogue.toml:4: start: names node "helo", which does not exist; did you mean "hello"?',
        "broken-dialogue.toml:43: nodes.b1.probes[0].on: a low probe needs a rating or yesno question; b1 is number; "
        "the triggers that fit it: vague, out_of_range, below_range, above_range, inconsistent",
    ]
    text = DIALOGUE.replace(
        '[nodes.hello]\nsay = "Hello."', '[nodes.hello]\nsay = "Hello."\nask = "a1"'
    )
    assert dialogue_errors(text, tmp_path) == [
        "broken-dialogue.toml:7: nodes.hello: a node needs exactly one of say, ask, group or end (found: say, ask)"
    ]


def test_inconsistent_probe_check_with_impossible_value(tmp_path: Path) -> None:
    text = DIALOGUE.replace(
        """check = 'not (a2 == "no" and score("a1") >= 67)'""", """check = 'a2 == "nope"'"""
    )
    assert dialogue_errors(text, tmp_path) == [
        'broken-dialogue.toml:27: nodes.a2.probes[0].check: condition compares a2 with "nope", which is not '
        'one of its values (dont_know, no, partly, yes); did you mean "no"?'
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not \xe9 utf-8", "broken.toml:1: is not UTF-8 text: save it as UTF-8"),
        (
            "id = 1\n".encode("utf-16"),
            'broken.toml:1: is UTF-16 text (Notepad\'s "Unicode"): save it as UTF-8',
        ),
        (b"", 'broken.toml: missing required key "id"'),
        (b"[[[", "broken.toml:1: is not valid TOML"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(content)
    with pytest.raises(LoadError) as error:
        load_framework(path)
    assert str(error.value.problems[0]).startswith(message)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_framework(tmp_path / "nope.toml")
    with pytest.raises(LoadError, match="is a folder"):
        load_framework(tmp_path)


def test_broken_transcript_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('schema = 1\nid = "x"\nmode = "sideways"\n')
    with pytest.raises(LoadError) as error:
        store.load(path)
    messages = [str(p) for p in error.value.problems]
    assert "t.toml:3: mode: expected 'self' or 'telephone', found \"sideways\"" in messages
    assert (
        't.toml: missing required key "framework": add a [framework] table with id = ..., '
        "version = ... and hash = ..."
    ) in messages


def test_schema_and_scale_problems_together(tmp_path: Path) -> None:
    text = FRAMEWORK.replace('scale = "ypn"', 'scale = "ypm"').replace(
        'version = "1"', "version = 1"
    )
    assert framework_errors(text, tmp_path) == [
        'broken.toml:3: version: expected text in quotes, found 1; put it in quotes: version = "1"',
        'broken.toml:48: areas[0].questions[1].scale: unknown scale "ypm"; the scales are: agree, ypn; did you mean "ypn"?',
    ]
