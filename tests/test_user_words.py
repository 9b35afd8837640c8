"""Messages name things as their reader knows them: a question by the seed's number
(with its id beside it, to find the line), a file that is not a transcript as such, a
choice made on the command line in words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.engine.review import question_id
from tests.conftest import ROOT
from tests.test_replay_review import ITEMS, hallmarks_with_review


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["report", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def edit_answer(path: Path, question: str, value: str) -> int:
    """Give the first answer to a question another value; the line changed."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(
        n
        for n, line in enumerate(lines)
        if line.startswith("value = ")
        and f'question = "{question}"\n' in lines[n - 3 : n]
        and 'kind = "answer"\n' in lines[n - 6 : n]
    )
    lines[at] = f'value = "{value}"\n'
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def test_a_broken_answer_is_named_by_its_question_number_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hallmarks_with_review(tmp_path / "t")
    line = edit_answer(path, "h1_1", "maybe")
    status, _, err = report(capsys, str(path))
    assert status == 3
    assert f"{path.name}:{line}: question 1.1 (h1_1), turn " in err
    assert "turns[" not in err and "(seq" not in err
    assert "is not an answer to the question" in err


def test_a_broken_review_answer_is_named_as_it_was_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hallmarks_with_review(tmp_path / "t")
    review = question_id(ITEMS[0])
    line = edit_answer(path, review, "finished")
    status, _, err = report(capsys, str(path))
    assert status == 3
    assert f"{path.name}:{line}: question Agreed action 1.3 ({review}), turn " in err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_unfinished_assessments_included_are_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    hallmarks_with_review(tmp_path / "t")  # an assessment not finished
    status, out, _ = report(
        capsys, str(tmp_path / "t"), "--aggregate", "--include-unfinished", "--format", fmt
    )
    assert status == 0
    assert "Unfinished assessments are included" in out
    assert "include unfinished" not in out and "True" not in out


def test_round_compare_says_what_a_path_that_is_no_round_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rounds = tmp_path / "t" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROOT / "transcripts" / "rounds" / name, rounds / name)
    (tmp_path / "wbt").mkdir()
    monkeypatch.chdir(tmp_path)
    status = cli.main(["--transcripts", "t", "round", "compare", "hertfordshire-2009", "wbt"])
    err = capsys.readouterr().err
    assert status == 2
    assert "t/rounds/wbt does not exist" not in err
    assert "wbt is a folder, not a round" in err
    assert "hertfordshire-2009, hertfordshire-2010" in err
    assert "report --compare" in err


@pytest.mark.parametrize("aggregate", [False, True])
def test_a_file_that_is_not_a_transcript_is_said_to_be_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], aggregate: bool
) -> None:
    invitees = tmp_path / "invitees.csv"
    invitees.write_text("name,organisation\nAnn Archer,Dacorum\n", encoding="utf-8")
    data = tmp_path / "results.json"
    data.write_text('{"respondents": 3}\n', encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("id = \n", encoding="utf-8")
    more = ["--aggregate"] if aggregate else []
    status, _, err = report(capsys, str(invitees), str(data), str(broken), *more)
    assert status == 3
    assert "invitees.csv: is not a transcript (a .csv file)" in err
    assert "results.json: is not a transcript (a .json file)" in err
    assert ".toml files the app saves" in err and "round import" in err
    assert "broken.toml" in err and "is not valid TOML" in err
    assert err.count("is not valid TOML") == 1
