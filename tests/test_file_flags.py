"""Every true or false in a file is a TOML boolean: `whole = "true"` (or "yes", 1, 0) is
refused with its file, line, key and what was expected (the strict `Flag` of
bot/model/base.py), never read as a boolean by pydantic's lax mode."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel
from pydantic import Strict as PydanticStrict

from bot.model import Dialogue, Framework
from bot.problems import LoadError
from bot.rounds.model import Round
from bot.rounds.plan import Plan, load_plan_text
from tests.test_author_checks import DIALOGUE, FRAMEWORK, found, line_of

FILE_MODELS: tuple[type[BaseModel], ...] = (Framework, Dialogue, Round, Plan)
"""The top models of the files people write or edit: frameworks, dialogues, round.toml
and plan.toml."""


def _models(annotation: object) -> list[type[BaseModel]]:
    """The models a field's type holds (in a union, a tuple, a list or a dict)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _models(a)]


def _holds_bool(annotation: object) -> bool:
    return annotation is bool or any(_holds_bool(a) for a in typing.get_args(annotation))


def boolean_fields() -> list[tuple[str, str, bool]]:
    """Every boolean field of every file model, nested models too: (model, field, strict)."""
    seen: set[type[BaseModel]] = set()
    todo = list(FILE_MODELS)
    fields = []
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            todo += _models(field.annotation)
            if _holds_bool(field.annotation):
                strict = any(isinstance(m, PydanticStrict) and m.strict for m in field.metadata)
                fields.append((model.__name__, name, strict))
    return sorted(fields)


def test_every_boolean_field_of_a_file_is_strict() -> None:
    fields = boolean_fields()
    assert {("Question", "whole"), ("Question", "reverse"), ("PlanAction", "agreed")} <= {
        (model, name) for model, name, _ in fields
    }
    assert [(model, name) for model, name, strict in fields if not strict] == []


QUESTION_FLAGS = (
    "whole",
    "allow_dont_know",
    "multiple",
    "scored",
    "allow_not_applicable",
    "reverse",
)
"""The boolean keys of a framework's question (the only booleans of a framework)."""


@pytest.mark.parametrize("key", QUESTION_FLAGS)
@pytest.mark.parametrize(
    ("given", "said"),
    [
        ('"true"', 'found "true"; write it without quotes: {key} = true'),
        ('"false"', 'found "false"; write it without quotes: {key} = false'),
        ('"yes"', 'found "yes"'),
        ("1", "found 1"),
        ("0", "found 0"),
    ],
)
def test_a_framework_boolean_given_as_text_or_a_number_is_refused_at_its_line(
    tmp_path: Path, key: str, given: str, said: str
) -> None:
    text = FRAMEWORK.replace('unit = "members"', f'unit = "members"\n{key} = {given}')
    problems = [p for p in found(tmp_path, text) if p.startswith("mini.toml")]
    assert problems == [
        f"mini.toml:{line_of(text, f'{key} = {given}')}: areas[1].questions[0].{key}: "
        f"expected true or false, {said.format(key=key)}"
    ]


@pytest.mark.parametrize(
    ("before", "after", "key", "said"),
    [
        (
            "{ min = 12, max = 15 }",
            '{ min = 12, max = "15" }',
            "areas[1].questions[0].recommended.max",
            'expected a number, found "15"; write the number without quotes: max = 15',
        ),
        (
            "minimum = 0",
            'minimum = "0"',
            "areas[1].questions[0].minimum",
            'expected a number, found "0"; write the number without quotes: minimum = 0',
        ),
    ],
)
def test_a_framework_number_given_as_text_is_refused_at_its_line(
    tmp_path: Path, before: str, after: str, key: str, said: str
) -> None:
    text = FRAMEWORK.replace(before, after)
    problems = [p for p in found(tmp_path, text) if p.startswith("mini.toml")]
    assert problems == [f"mini.toml:{line_of(text, after)}: {key}: {said}"]


def test_a_dialogue_whole_number_given_as_text_is_refused_at_its_line(tmp_path: Path) -> None:
    text = DIALOGUE.replace("max_probes = 2", 'max_probes = "2"')
    assert found(tmp_path, dialogue=text) == [
        f"mini-chat.toml:{line_of(text, 'max_probes')}: max_probes: expected a whole number, "
        'found "2"; write the number without quotes: max_probes = 2'
    ]


def test_a_plan_action_agreed_given_as_text_is_refused_at_its_line() -> None:
    text = 'schema = 1\n\n[[actions]]\nid = "a1"\nref = "1.1"\ntext = "Do it"\nagreed = "true"\n'
    with pytest.raises(LoadError) as caught:
        load_plan_text(text, "plan.toml")
    assert (
        'plan.toml:7: actions[0].agreed: expected true or false, found "true"; write it '
        "without quotes: agreed = true"
    ) in str(caught.value)
