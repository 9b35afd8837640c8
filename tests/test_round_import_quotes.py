"""A CSV of invitees with a quote left open is refused, naming the line: it never imports
a row that swallows the people after it."""

from __future__ import annotations

import pytest

from bot.problems import LoadError
from bot.rounds.folder import parse_invitees
from bot.rounds.model import Round

ROUND = Round(title="R", framework="hertfordshire-review")


def test_a_quote_never_closed_is_an_error_naming_its_line() -> None:
    text = 'name,organisation\nAnn,Org\n"Unclosed quote,Org\nBob,Org2\n'
    with pytest.raises(LoadError) as caught:
        parse_invitees(text, "in.csv", ROUND)
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert "a quote opened here is never closed" in problem.message


def test_a_cell_running_over_lines_is_refused_and_nothing_is_imported() -> None:
    # Closed at last, but two lines later: Bob would have become part of a name.
    text = 'name,organisation\n"Ann,Org\nBob",Org2\nCarol,Org3\n'
    with pytest.raises(LoadError) as caught:
        parse_invitees(text, "in.csv", ROUND)
    (problem,) = caught.value.problems
    assert problem.line == 2 and "runs on over several lines" in problem.message


def test_rows_after_a_good_quoted_cell_keep_their_line_numbers() -> None:
    text = 'name,organisation,mode\n"Reed, Ann",Org,self\nBob,Org2,fax\n'
    with pytest.raises(LoadError) as caught:
        parse_invitees(text, "in.csv", ROUND)
    (problem,) = caught.value.problems
    assert problem.line == 3 and '"fax" is not a way of taking part' in problem.message
    good = parse_invitees('name,organisation\n"Reed, Ann",Org\n', "in.csv", ROUND)
    assert [i.name for i in good.added] == ["Reed, Ann"]
