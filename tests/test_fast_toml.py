"""The fast transcript reader either declines or gives exactly what tomllib gives."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import fast_toml, store
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


def agrees(text: str) -> None:
    fast = fast_toml.parse(text)
    if fast is None:
        return
    assert fast == tomllib.loads(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(turns, min_size=1, max_size=5))
def test_written_transcripts_read_the_same(written: list[Turn]) -> None:
    text = HEADER + store.encode_turns(written)
    fast = fast_toml.parse(text)
    assert fast is not None, "what this program writes takes the fast path"
    assert fast == tomllib.loads(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(turns, min_size=1, max_size=3), st.data())
def test_edited_transcripts_never_read_differently(
    written: list[Turn], data: st.DataObject
) -> None:
    lines = (HEADER + store.encode_turns(written)).split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        insert = data.draw(
            st.sampled_from(
                [
                    'text = "a" # note',
                    "x = 1_000",
                    "y = 01",
                    'k = "\\U0001F600"',
                    'k = "\\ud800"',
                    "d = 2026-01-01",
                    "t = 1e5",
                    "z = inf",
                    "k = 'lit'",
                    "[turns.sub]",
                    "a.b = 1",
                    "  s = 1",
                    "v = [1, 2]",
                    "w = {a = 1}",
                    "n = -0",
                    "f = -0.0",
                    'q = "tab\there"',
                    "dup = 1",
                    "dup = 2",
                    "r = 2026-01-01T00:00:00.1234567Z",
                    "",
                    "[[turns]]",
                ]
            )
        )
        lines.insert(index, insert)
    text = "\n".join(lines)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast_toml.parse(text) is None
        return
    fast = fast_toml.parse(text)
    assert fast is None or fast == expected


@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast_toml.parse(text) is None
        return
    agrees(text)


def test_the_samples_take_the_fast_path() -> None:
    for path in (ROOT / "transcripts" / "examples").rglob("*.toml"):
        if ".frameworks" in path.parts:
            continue
        text = store.split_valid(path.read_text(encoding="utf-8"))
        assert fast_toml.parse(text) == tomllib.loads(text), path.name
