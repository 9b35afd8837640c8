"""The TOML reader gives exactly what tomllib gives: the same data, or tomllib's error."""

from __future__ import annotations

import pickle
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import store, toml_reader
from bot.model import Turn
from tests.conftest import ROOT

HEADER = 'schema = 1\nid = "x"\nmode = "self"\nstarted = 2026-01-05 09:00:00+00:00\n\n[respondent]\nname = "A"\n'

texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
turns = st.builds(
    Turn,
    seq=st.integers(1, 10**6),
    at=st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))]),
    ),
    speaker=st.sampled_from(["bot", "respondent", "interviewer"]),
    kind=st.sampled_from(["ask", "answer", "probe", "note"]),
    node=texts,
    question=texts,
    text=texts,
    value=texts,
    label=texts,
    score=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
    comment=texts,
    probe=st.none() | st.integers(0, 10),
    amends=st.none() | st.integers(1, 10**6),
)


def exact(value: Any) -> Any:
    """A value with every type and time zone spelt out, so that equal means identical
    (1 == 1.0 == True, a date-time equals the same moment in another zone, nan != nan)."""
    if isinstance(value, dict):
        return {key: exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [exact(item) for item in value]
    if isinstance(value, datetime | time):
        return (type(value).__name__, value.isoformat(), type(value.tzinfo).__name__)
    if isinstance(value, float | int | str | bool | date):
        return (type(value).__name__, repr(value))
    raise AssertionError(f"unexpected type {type(value)}")


def same_as_tomllib(text: str) -> None:
    """The reader's answer is tomllib's: identical data, or an error with the same message."""
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        with pytest.raises(tomllib.TOMLDecodeError) as raised:
            toml_reader.loads(text)
        assert str(raised.value) == str(error)
        return
    except RecursionError:
        with pytest.raises(RecursionError):
            toml_reader.loads(text)
        return
    assert exact(toml_reader.loads(text)) == exact(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(turns, min_size=1, max_size=5))
def test_written_transcripts_read_the_same(written: list[Turn]) -> None:
    same_as_tomllib(HEADER + store.encode_turns(written))


EDITS = [
    'text = "a" # note',
    "x = 1_000",
    "y = 01",
    'k = "\\U0001F600"',
    'k = "\\ud800"',
    'k = "\\e"',
    'k = "\\x41"',
    "d = 2026-01-01",
    "t = 1e5",
    "t = 1e400",
    "z = inf",
    "z = nan",
    "k = 'lit'",
    "k = '''multi\r\nline'''",
    '"" = 1',
    "[turns.sub]",
    "a.b = 1",
    "  s = 1",
    "v = [1, 2]",
    "v = [1, 2,]",
    "w = {a = 1}",
    "w = {a = 1,}",
    "w = {\na = 1\n}",
    "at = 07:32",
    "at = 07:32:00",
    "at = 2026-01-01T07:32Z",
    "at = 2026-01-01T07:32:00-07:30",
    "at = 2026-01-01 07:32:00",
    "n = -0",
    "n = 99999999999999999999",
    "f = -0.0",
    'q = "tab\there"',
    "dup = 1",
    "dup = 2",
    "r = 2026-01-01T00:00:00.1234567Z",
    "é = 1",
    "\ufeff",
    "a = " + "[" * 100 + "]" * 100,
    "",
    "[[turns]]",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(turns, min_size=1, max_size=3), st.data())
def test_hand_edited_transcripts_read_the_same(written: list[Turn], data: st.DataObject) -> None:
    lines = (HEADER + store.encode_turns(written)).split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        lines.insert(index, data.draw(st.sampled_from(EDITS)))
    same_as_tomllib("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_reads_the_same(text: str) -> None:
    same_as_tomllib(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*EDITS, "[t]", "[[a]]", "[a.b]", 'k = """x\\\n  y"""']), max_size=8)
)
def test_edits_alone_read_the_same(lines: list[str]) -> None:
    same_as_tomllib("\n".join(lines))


def test_every_shipped_file_reads_the_same() -> None:
    files = [
        *(ROOT / "frameworks").glob("*.toml"),
        *(ROOT / "dialogues").glob("*.toml"),
        *(ROOT / "tests" / "data").glob("*.toml"),
        *(ROOT / "transcripts" / "examples").rglob("*.toml"),
    ]
    assert len(files) > 10
    for path in files:
        same_as_tomllib(store.split_valid(path.read_text(encoding="utf-8")))


def test_what_the_program_writes_is_read_by_rtoml(monkeypatch: pytest.MonkeyPatch) -> None:
    # The quick path is the normal one: written transcripts hold nothing TOML 1.0 lacks.
    samples = [
        store.split_valid(path.read_text(encoding="utf-8"))
        for path in (ROOT / "transcripts" / "examples").rglob("*.toml")
        if ".frameworks" not in path.parts
    ]
    expected = [tomllib.loads(text) for text in samples]

    def refuse(text: str) -> dict[str, Any]:
        raise AssertionError("read by tomllib")

    monkeypatch.setattr(toml_reader.tomllib, "loads", refuse)
    assert [exact(toml_reader.loads(text)) for text in samples] == [exact(e) for e in expected]


def test_date_times_carry_plain_time_zones_and_pickle() -> None:
    data = toml_reader.loads("a = 2026-01-05T09:00:00Z\nb = 2026-01-05T09:00:00+05:30\n")
    assert data["a"].tzinfo is UTC
    assert data["b"].tzinfo == timezone(timedelta(hours=5, minutes=30))
    assert pickle.loads(pickle.dumps(data)) == data


def test_errors_are_tomllib_s_own() -> None:
    with pytest.raises(tomllib.TOMLDecodeError, match=r"\(at line 2, column 18\)"):
        toml_reader.loads('a = 1\nb = "unterminated\n')
