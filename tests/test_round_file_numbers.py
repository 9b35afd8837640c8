"""Every number in a round's files is a number: `max_attempts = true` or a count given as
text ("3") is refused with its file, key, line and what was expected, as a framework's
numbers are (the strict `WholeNumber` and `Number` of bot/model/base.py), never taken as 1
or 3."""

from __future__ import annotations

import typing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from bot import cli, exit_codes
from bot.problems import LoadError
from bot.rounds.calls import CallEntry
from bot.rounds.folder import load_round_text
from bot.rounds.model import Invitee, Round
from bot.rounds.plan import HistoryEntry, Plan, PlanAction, TriggeredBy, load_plan_text
from bot.rounds.reminders import Reminder

AT = datetime(2009, 11, 20, 12, 0, tzinfo=UTC)
VALID: dict[type[BaseModel], dict[str, Any]] = {
    Round: {"title": "R", "framework": "hertfordshire-review"},
    Invitee: {"id": "i001", "name": "Ann"},
    Plan: {},
    PlanAction: {"id": "a1", "ref": "1.1", "text": "Do it"},
    HistoryEntry: {"date": "2009-11-20", "status": "done"},
    TriggeredBy: {"transcript": "t1"},
    CallEntry: {"at": AT, "invitee": "i001", "outcome": "no_answer"},
    Reminder: {"at": AT, "invitee": "i001"},
}
"""A valid instance of every model of a round's files (round.toml, plan.toml, the call
log and the reminders log)."""
SLIPS = (True, False, "3")
"""What lax reading would take as a number."""


def _numeric(annotation: object) -> bool:
    """Whether a field's type holds an int or a float (in a union, a list or a dict)."""
    if annotation in (int, float):
        return True
    return any(_numeric(a) for a in typing.get_args(annotation))


def numeric_fields() -> list[tuple[type[BaseModel], str, bool]]:
    """Every numeric field of every round file model: (model, field, a dict of numbers)."""
    found = []
    for model in VALID:
        for name, field in model.model_fields.items():
            if _numeric(field.annotation) or any(_numeric(m) for m in field.metadata):
                dict_of = typing.get_origin(field.annotation) is dict
                found.append((model, field.alias or name, dict_of))
    return found


def test_the_round_models_have_the_numbers_checked() -> None:
    named = {(model.__name__, key) for model, key, _ in numeric_fields()}
    assert {
        ("Round", "schema"),
        ("Round", "max_attempts"),
        ("Plan", "schema"),
        ("Plan", "respondents"),
        ("PlanAction", "respondents"),
        ("PlanAction", "share"),
        ("HistoryEntry", "counts"),
    } <= named


@pytest.mark.parametrize("slip", SLIPS)
@pytest.mark.parametrize(
    ("model", "key", "dict_of"),
    numeric_fields(),
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_no_numeric_field_takes_a_boolean_or_text(
    model: type[BaseModel], key: str, dict_of: bool, slip: object
) -> None:
    data = {**VALID[model], key: {"done": slip} if dict_of else slip}
    with pytest.raises(ValidationError):
        model.model_validate(data)


ROUND_TEXT = 'title = "R"\nframework = "hertfordshire-review"\nmax_attempts = {}\n'


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("true", "expected a whole number, got true: true and false are not numbers"),
        ('"3"', 'expected a whole number, found "3"'),
    ],
)
def test_max_attempts_true_is_refused_with_file_key_and_line(given: str, expected: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_round_text(ROUND_TEXT.format(given), "r/round.toml")
    assert f"r/round.toml:3: max_attempts: {expected}" in str(caught.value)


def test_a_round_with_max_attempts_true_is_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "transcripts" / "rounds" / "r"
    folder.mkdir(parents=True)
    (folder / "round.toml").write_text(ROUND_TEXT.format("true"), encoding="utf-8")
    assert cli.main(["round", "status"]) == exit_codes.LOAD_ERROR
    err = capsys.readouterr().err
    assert "round.toml:3: max_attempts: expected a whole number, got true" in err


def test_a_plan_count_given_as_text_is_refused_with_its_line() -> None:
    text = (
        'schema = 1\nrespondents = "12"\n\n[[actions]]\nid = "a1"\nref = "1.1"\n'
        'text = "Do it"\nshare = true\n'
    )
    with pytest.raises(LoadError) as caught:
        load_plan_text(text, "plan.toml")
    said = str(caught.value)
    assert 'plan.toml:2: respondents: expected a whole number, found "12"' in said
    assert "plan.toml:8: actions[0].share: expected a number, got true" in said
