"""In plain mode a follow-up reply that is only an answer's key (or a lone number) is
never taken silently as the respondent's words: at a terminal it is asked about, from a
pipe it is taken as the next question's answer; and no report quotes a bare key."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from bot import conversation, exit_codes, store
from bot.catalogue import Catalogue
from bot.engine import path as rules
from bot.engine.path import final_path, is_words
from bot.model import Respondent
from bot.plain import PlainMode
from bot.report.make import ReportOptions, transcript_reports
from tests.plain_driver import command, run


class Terminal(io.StringIO):
    """Typed lines, as from a terminal (someone is there to be asked)."""

    def isatty(self) -> bool:
        return True


def plain(catalogue: Catalogue, folder: Path, stdin: io.StringIO) -> tuple[int, str, Path]:
    """The Hertfordshire survey in plain mode over the given input: its exit status, its
    output and its transcript. S1 answered 1 (Strongly agree) asks for an example."""
    talk = conversation.start(
        catalogue, "hertfordshire-review", "hertfordshire-survey", Respondent(name="Cat"), folder
    )
    out = io.StringIO()
    try:
        status = PlainMode(talk, stdin, out).run()
    finally:
        talk.close()
    return status, out.getvalue(), talk.path


def said(path: Path) -> list[tuple[str, str, str]]:
    """The respondent's turns and the skips: (kind, question, text)."""
    return [
        (t.kind, t.question, t.text)
        for t in store.load(path).transcript.turns
        if t.kind in ("answer", "probe_answer", "skip")
    ]


def report(catalogue: Catalogue, path: Path) -> str:
    return transcript_reports([path], catalogue, ReportOptions(format="md")).made[0].text


def test_a_bare_key_is_not_words() -> None:
    bare_key = rules.bare_key
    for key in ("2", "12", "3.5", "-1", "y", "D", " 4 "):
        assert bare_key(key) and not is_words(key), key
    assert bare_key("sa", ["SA", "a"]) and not bare_key("sa")
    for words in ("2 meetings a year", "no", "the LAA", "", "y - the minutes"):
        assert not bare_key(words), words
    assert is_words("no") and is_words("2 meetings a year")


def test_piped_a_key_at_a_follow_up_answers_the_next_question(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    status, out, path = plain(catalogue, tmp_path, io.StringIO("1\n2\n"))
    assert status == exit_codes.INPUT_ENDED
    assert said(path) == [("answer", "s1", "1"), ("skip", "s1", ""), ("answer", "s2", "2")]
    assert '"2" is an answer\'s key, not words: taken as the answer to the next question' in out
    assert "Did you mean" not in out  # nobody at a pipe to ask
    assert '**S1:** "2"' not in report(catalogue, path)


def test_piped_the_log_shows_each_question_once_in_the_order_answered(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # The key is shown under the question it answered (S2), then S3 is asked once; the
    # log once showed S3 with the key under it and S3 again, never S2.
    _, out, _ = plain(catalogue, tmp_path, io.StringIO("1\n2\n"))
    s2, s3 = out.find("\nS2 (2 of 18)."), out.find("\nS3 (3 of 18).")
    assert 0 < s2 < out.find("\n> 2\n") < s3
    assert out.count("\nS2 (2 of 18).") == out.count("\nS3 (3 of 18).") == 1


def test_piped_a_key_the_next_question_does_not_take_is_kept_as_the_reply(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # "7" is no answer of S2, so it cannot have been meant for it: it is the reply, as in
    # the app (one rule, `Conversation.key_for_next`), never dropped.
    status, out, path = plain(catalogue, tmp_path, io.StringIO("1\n7\n"))
    assert status == exit_codes.INPUT_ENDED
    assert said(path) == [("answer", "s1", "1"), ("probe_answer", "s1", "7")]
    assert '"7" is kept as your reply to the follow-up.' in " ".join(out.split())
    assert "not used" not in out


def test_piped_a_number_with_words_is_the_reply(catalogue: Catalogue, tmp_path: Path) -> None:
    _, _, path = plain(catalogue, tmp_path, io.StringIO("1\n2 joint projects this year\n"))
    assert said(path) == [
        ("answer", "s1", "1"),
        ("probe_answer", "s1", "2 joint projects this year"),
    ]


def test_at_a_terminal_it_asks_and_the_answer_to_the_next_question_is_taken(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    _, out, path = plain(catalogue, tmp_path, Terminal("1\n2\na\n"))
    assert '"2" is an answer\'s key, not words. Did you mean it as:' in out
    assert "   [a] the answer to the next question (the follow-up is skipped)" in out
    assert "   [r] the reply to this follow-up" in out
    assert said(path) == [("answer", "s1", "1"), ("skip", "s1", ""), ("answer", "s2", "2")]


def test_at_a_terminal_a_key_the_next_question_does_not_take_is_the_reply(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # "7" is no answer of S2: nothing to ask, it is kept as the reply.
    _, out, path = plain(catalogue, tmp_path, Terminal("1\n7\n"))
    assert "Did you mean it as:" not in out
    assert '"7" is kept as your reply to the follow-up.' in " ".join(out.split())
    assert said(path) == [("answer", "s1", "1"), ("probe_answer", "s1", "7")]


def test_at_a_terminal_the_reply_is_kept_but_never_quoted(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    _, out, path = plain(catalogue, tmp_path, Terminal("1\n2\nr\n"))
    assert said(path) == [("answer", "s1", "1"), ("probe_answer", "s1", "2")]
    assert "Saved as the reply." in out
    step = final_path(store.load(path).transcript.turns).step("s1")
    assert step is not None and step.replies == ()
    assert '"2"' not in report(catalogue, path)


def test_at_a_terminal_neither_saves_nothing_and_the_follow_up_stays(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    _, out, path = plain(catalogue, tmp_path, Terminal("1\n2\n\nwe ran the LAA together\n"))
    assert "Neither: nothing is saved." in out
    assert said(path) == [("answer", "s1", "1"), ("probe_answer", "s1", "we ran the LAA together")]


@pytest.mark.e2e
def test_a_round_self_assessment_piped_never_quotes_the_key(tmp_path: Path) -> None:
    made = run("round", "new", "r", "--title", "T", "-f", "hertfordshire-review", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "i.csv").write_text(
        "name,organisation,role,sector,mode,contact\nCat C,Vol,Lead,voluntary,self,cat@x\n"
    )
    assert run("round", "import", "i.csv", cwd=tmp_path).returncode == 0
    taken = subprocess.run(
        [command(), "round", "assess", "i001", "--plain"],
        input="1\n2\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert taken.returncode == exit_codes.INPUT_ENDED, taken.stderr
    assert "taken as the answer to the next question" in taken.stdout
    transcript = re.search(r"^Transcript: (.+)$", taken.stdout, re.M)
    assert transcript is not None, taken.stdout
    reported = run("report", transcript.group(1), cwd=tmp_path)
    assert reported.returncode == 0, reported.stderr
    assert '**S1:** "2"' not in reported.stdout
    assert "S2" in reported.stdout
