"""Random and mutated TOML never makes a loader raise anything but a LoadError."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import store
from bot.loading import load_dialogue, load_framework
from bot.problems import LoadError
from tests.conftest import DATA

FRAMEWORK = (DATA / "mini.toml").read_text()
DIALOGUE = (DATA / "mini-chat.toml").read_text()
MINI = load_framework(DATA / "mini.toml")

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()
)
toml_values = st.recursive(
    scalars.filter(lambda v: v is not None),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def transcript_text() -> str:
    return (
        'schema = 1\nid = "abc"\nmode = "self"\nstarted = 2026-01-05T09:00:00Z\n'
        '[framework]\nid = "mini"\nversion = "1"\nhash = "x"\n'
        '[dialogue]\nid = "mini-chat"\nversion = "1"\nhash = "y"\n'
        '[respondent]\nname = "A"\n\n[[turns]]\nseq = 1\nat = 2026-01-05T09:00:01Z\n'
        'speaker = "bot"\nkind = "ask"\nnode = "a1"\nquestion = "a1"\ntext = "Q"\ncheck = "edited"\n'
    )


def load_all(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for loader in (load_framework, lambda p: load_dialogue(p, MINI), store.load):
            with contextlib.suppress(LoadError):
                loader(path)


@SETTINGS
@given(st.dictionaries(st.text(min_size=1, max_size=12), toml_values, max_size=6))
def test_random_documents(document: dict) -> None:
    load_all(tomli_w.dumps(document))


def mutate(base: str, data: st.DataObject) -> str:
    lines = base.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "garble", "retype", "swap"]))
        if action == "drop":
            lines.pop(index)
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "garble":
            line = lines[index]
            at = data.draw(st.integers(0, max(len(line) - 1, 0)))
            lines[index] = line[:at] + data.draw(st.text(max_size=5)) + line[at + 1 :]
        elif action == "retype" and "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            value = data.draw(
                st.sampled_from(
                    ['""', "0", "-1", "1e9", "[]", "{}", "true", '"x"', "[[1]]", '"a1"']
                )
            )
            lines[index] = f"{key}= {value}"
        elif action == "swap" and len(lines) > 1:
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@SETTINGS
@given(st.data())
def test_mutated_framework(data: st.DataObject) -> None:
    load_all(mutate(FRAMEWORK, data))


@SETTINGS
@given(st.data())
def test_mutated_dialogue(data: st.DataObject) -> None:
    load_all(mutate(DIALOGUE, data))


@SETTINGS
@given(st.data())
def test_mutated_transcript(data: st.DataObject) -> None:
    load_all(mutate(transcript_text(), data))


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.toml"
        path.write_bytes(content)
        for loader in (load_framework, lambda p: load_dialogue(p, MINI), store.load):
            with contextlib.suppress(LoadError):
                loader(path)
