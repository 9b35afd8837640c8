"""Plain mode takes any bytes and any length without a traceback, and says what it did."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.plain import PlainMode
from tests.conftest import DATA


@pytest.fixture
def test_catalogue() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def run_plain(catalogue: Catalogue, folder: Path, stdin: bytes, errors: str = "strict"):
    """Plain mode over a byte stream decoded as a terminal's would be (strict, as in a
    UTF-8 locale, or surrogateescape, as in the C locale)."""
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="Ann"), folder)
    out = io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors=errors)
    try:
        status = PlainMode(talk, source, out).run()
    finally:
        talk.close()
    return status, out.getvalue(), talk.path


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])
def test_invalid_utf8_on_stdin_is_replaced_visibly_and_kept(
    test_catalogue: Catalogue, tmp_path: Path, errors: str
) -> None:
    status, out, path = run_plain(
        test_catalogue, tmp_path, b"3 - first\nn - bad \xff byte\n:quit\n", errors
    )
    assert status == exit_codes.OK
    assert "Note: that line holds bytes that are not UTF-8 text; each is kept as \ufffd." in out
    # "n - bad ..." reads as the next question's answer: from a pipe the follow-up is
    # skipped (a turn without words) and it is taken there, its bytes kept as typed.
    turns = store.load(path).transcript.turns
    said = [t.text for t in turns if t.speaker == "respondent" and t.text]
    assert said == ["3 - first", "n - bad \ufffd byte"]


def test_a_failed_save_says_what_is_kept_and_how_to_resume(
    test_catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: store.TranscriptWriter, turns: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    talk = conversation.start(test_catalogue, "mini", "mini-chat", Respondent(), tmp_path)
    talk.begin()
    talk.answer("3")
    monkeypatch.setattr(store.TranscriptWriter, "append", disk_full)
    out = io.StringIO()
    status = PlainMode(talk, io.StringIO("y - we have one\n"), out).run(resumed=True)
    talk.close()
    assert status == exit_codes.CANNOT_WRITE
    text = out.getvalue()
    assert "Could not save (No space left on device)." in text
    said = " ".join(text.replace(str(tmp_path) + "/", "").split())  # wrapped at 80 columns
    assert f"Everything answered before this is saved in {talk.path.name}" in said
    assert "Resume with: partnership-bot resume " in text
    assert [t.kind for t in store.load(talk.path).transcript.turns].count("answer") == 1


LINES = st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
    st.sampled_from([b"3", b"y", b":note ", b":skip", b":back", b"::", b"\xff\xfe", b"\xed\xa0"]),
    st.integers(19_000, 60_000).map(lambda n: b"3 - " + b"\xe2\x82\xac" * n),
    st.integers(19_000, 60_000).map(lambda n: b":note " + b"x\xff" * n),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(LINES, max_size=8), errors=st.sampled_from(["strict", "surrogateescape"]))
def test_fuzz_any_bytes_and_sizes_through_plain_mode(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], errors: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    catalogue = Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])
    stdin = b"".join(line + b"\n" for line in lines)
    status, out, path = run_plain(catalogue, folder, stdin, errors)
    assert status in (exit_codes.OK, exit_codes.INPUT_ENDED)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    transcript = store.load(path).transcript
    for turn in transcript.turns:
        for text in (turn.text, turn.comment or ""):
            assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
