"""Scores come from the framework, never from a number stored in a transcript; a copied
transcript is counted once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot import cli
from tests.conftest import ROOT

SURVEY = ROOT / "transcripts" / "examples" / "hertfordshire-survey"


def survey(tmp_path: Path) -> Path:
    folder = tmp_path / "agg"
    shutil.copytree(SURVEY, folder)
    return folder


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = cli.main(["report", *args])
    return status, capsys.readouterr().err


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def overall(path: Path) -> str:
    match = re.search(r"\*\*Overall:\*\* ([-\d.]+)", path.read_text(encoding="utf-8"))
    assert match
    return match.group(1)


def respondents(path: Path) -> int:
    match = re.search(r"results across (\d+) respondents", path.read_text(encoding="utf-8"))
    assert match
    return int(match.group(1))


def test_a_stored_score_the_framework_does_not_give_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = survey(tmp_path)
    clean = tmp_path / "clean.md"
    report(capsys, str(folder), "--aggregate", "-o", str(clean))
    edit(folder / "hertfordshire-survey-06.toml", "score = 2.0", "score = 999.0")
    out = tmp_path / "one.md"
    status, err = report(capsys, str(folder / "hertfordshire-survey-06.toml"), "-o", str(out))
    assert status != 0 and not out.exists()
    assert "hertfordshire-survey-06.toml:51: question S1, turn 3:" in err
    assert "score = 999.0 disagrees with the framework" in err and "score = 2" in err
    aggregated = tmp_path / "agg.md"
    status, err = report(capsys, str(folder), "--aggregate", "-o", str(aggregated))
    assert "skipped: " in err and "hertfordshire-survey-06.toml" in err
    assert respondents(aggregated) == respondents(clean) - 1
    assert "33300" not in aggregated.read_text(encoding="utf-8")
    assert 0 <= float(overall(aggregated)) <= 100


def test_negative_stored_scores_do_not_reach_the_aggregate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = survey(tmp_path)
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"score = [\d.]+", "score = -50.0", text), encoding="utf-8")
    out = tmp_path / "agg.md"
    status, err = report(capsys, str(folder), "--aggregate", "-o", str(out))
    assert status != 0 and not out.exists()
    assert "-197" not in err and "disagrees with the framework" in err


def test_a_stored_value_that_is_not_an_option_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = survey(tmp_path)
    edit(folder / "hertfordshire-survey-07.toml", 'value = "agree"', 'value = "maybe"')
    out = tmp_path / "one.md"
    status, err = report(capsys, str(folder / "hertfordshire-survey-07.toml"), "-o", str(out))
    assert status != 0 and not out.exists()
    assert "hertfordshire-survey-07.toml" in err and "'maybe' is not an answer to" in err
    assert '"strongly_agree"' in err


def test_the_score_is_read_from_the_framework_not_the_turn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import store
    from bot.catalogue import Catalogue
    from bot.facts import AnswerFacts
    from bot.scoring.source import framework_for

    path = survey(tmp_path) / "hertfordshire-survey-06.toml"
    transcript = store.load(path).transcript
    loaded, _ = framework_for(transcript, path, Catalogue())
    answer = next(t for t in transcript.turns if t.kind == "answer" and t.score == 2.0)
    forged = answer.model_copy(update={"score": 999.0})
    facts = AnswerFacts(loaded.framework, {answer.question: forged})
    honest = AnswerFacts(loaded.framework, {answer.question: answer})
    assert facts.question_score(answer.question) == honest.question_score(answer.question)


def test_a_copied_transcript_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = survey(tmp_path)
    clean = tmp_path / "clean.md"
    report(capsys, str(folder), "--aggregate", "-o", str(clean))
    shutil.copy(folder / "hertfordshire-survey-06.toml", folder / "copy-of-06.toml")
    out = tmp_path / "agg.md"
    _, err = report(capsys, str(folder), "--aggregate", "-o", str(out))
    assert respondents(out) == respondents(clean)
    assert overall(out) == overall(clean)
    assert "copy-of-06.toml is a duplicate of" in err and "counted once" in err
    assert "hertfordshire-survey-06.toml" in err


def test_a_stored_label_the_framework_does_not_give_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The label is what a report prints as the answer: a hand edit saying another answer
    # than the value stored is refused, as a score is, with the file and line.
    folder = survey(tmp_path)
    path = folder / "hertfordshire-survey-06.toml"
    edit(path, 'label = "Agree"', 'label = "Strongly disagree"')
    out = tmp_path / "one.md"
    status, err = report(capsys, str(path), "-o", str(out))
    assert status != 0 and not out.exists()
    assert "hertfordshire-survey-06.toml:50: question S1, turn 3:" in err
    assert (
        "label = 'Strongly disagree' disagrees with the framework (hertfordshire-review "
    ) in err
    assert "which gives label = 'Agree' for value 'agree'" in err


def test_a_label_left_empty_is_no_contradiction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = survey(tmp_path)
    path = folder / "hertfordshire-survey-06.toml"
    edit(path, 'label = "Agree"\n', "")
    out = tmp_path / "one.md"
    status, err = report(capsys, str(path), "-o", str(out))
    assert status == 0, err
