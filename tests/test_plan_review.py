"""A round's answers about the previous round's agreed actions: the latest answer on
each final path counts, the status given most often wins (a tie to the less advanced),
and the previous round is named clearly when it cannot be found."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot import conversation
from bot.catalogue import Catalogue
from bot.engine.review import question_id
from bot.model import Respondent
from bot.model.transcript import ReviewItem
from bot.problems import LoadError
from bot.rounds.folder import create
from bot.rounds.model import Round
from bot.rounds.plan_review import Review, review_items, reviews_in
from tests.conftest import Clock

ITEM = ReviewItem(action="right-partners", area="membership", text="Review the partners.")


def test_the_latest_answer_on_the_final_path_counts(tmp_path: Path, catalogue: Catalogue) -> None:
    talk = conversation.start(
        catalogue,
        "hertfordshire-review",
        "hertfordshire-interview",
        Respondent(name="Ann"),
        tmp_path,
        clock=Clock(),
        review=(ITEM,),
    )
    talk.begin()
    assert talk.current().question.id == question_id(ITEM)
    talk.answer("3 - nothing yet")  # not started: followed up
    talk.skip()
    talk.answer("2 - agree")  # T1
    talk.back()
    talk.back()  # back to the review question
    assert talk.current().question.id == question_id(ITEM)
    talk.answer("1 - the Board agreed new members on 10 March 2010")
    path = talk.path
    talk.close()
    found = reviews_in([path])
    assert found["right-partners"].counts == Counter({"done": 1})
    assert "the Board agreed new members on 10 March 2010" in found["right-partners"].comments


def test_most_given_status_wins_and_a_tie_goes_to_the_less_advanced() -> None:
    assert Review(Counter({"done": 3, "in_progress": 2})).status == "done"
    assert Review(Counter({"done": 2, "not_started": 2})).status == "not_started"
    assert Review(Counter({"done": 2, "dropped": 2})).status == "dropped"
    assert Review(Counter({"dont_know": 4})).status is None
    assert Review(Counter({"done": 1, "dont_know": 2})).describe() == "1 done, 2 don't know"


def test_a_previous_round_that_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    made = create(
        tmp_path / "r2010",
        Round(title="R", framework="hertfordshire-review", previous="../r2009"),
    )
    with pytest.raises(LoadError, match=r'previous: names "\.\./r2009", which is not a round'):
        review_items(made)
    create(tmp_path / "r2009", Round(title="R", framework="hertfordshire-review"))
    with pytest.raises(LoadError, match=r"has no plan\.toml yet; make it with"):
        review_items(made)


def test_no_previous_round_asks_nothing(tmp_path: Path) -> None:
    made = create(tmp_path / "r", Round(title="R", framework="hertfordshire-review"))
    assert review_items(made) == ()


def test_validate_names_a_broken_plan_and_a_missing_previous_round(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from bot.rounds.check import check_round

    made = create(
        tmp_path / "r2010",
        Round(title="R", framework="hertfordshire-review", previous="../r2009"),
    )
    (made.folder / "plan.toml").write_text(
        'schema = 1\n[[actions]]\nid = "a"\nstatus = "finished"\n'
    )
    shown = "\n".join(str(p) for p in check_round(made.folder, catalogue))
    assert "plan.toml:" in shown and "actions[0].status" in shown
    assert 'previous: names "../r2009", which is not a round' in shown
