"""A round's answers about the previous round's agreed actions: the latest answer on
each final path counts, the status moves only with a majority of those who gave one
(otherwise it stays, flagged with the counts), and the previous round is named clearly
when it cannot be found."""

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


def test_only_a_majority_of_those_who_gave_a_status_moves_it() -> None:
    assert Review(Counter({"done": 3, "in_progress": 2})).status == "done"
    assert Review(Counter({"done": 2, "not_started": 2})).status is None
    # A plurality is not enough: 9 done against 12 not done is no "done".
    assert Review(Counter({"done": 9, "in_progress": 7, "not_started": 5})).status is None
    assert Review(Counter({"done": 3, "dont_know": 4})).status == "done"
    assert Review(Counter({"dont_know": 4})).status is None
    assert Review(Counter({"done": 1, "dont_know": 2})).describe() == "1 done, 2 don't know"


def test_a_split_answer_leaves_the_status_and_shows_the_counts(tmp_path: Path) -> None:
    import html
    import shutil
    from datetime import UTC, datetime

    from bot.rounds.plan import plan_path
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.plan_export import render_plan
    from bot.rounds.work import snapshot

    rounds = Path(__file__).parent.parent / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(rounds / name, tmp_path / name)
    later = tmp_path / "hertfordshire-2010"
    plan_path(later).unlink()
    now = datetime(2011, 1, 17, 10, 0, tzinfo=UTC)
    plan = compile_plan(snapshot(later, now), Catalogue(), now).plan
    terms = plan.find("terms-of-reference")
    assert terms is not None
    # 9 of 22 said done, 12 not: the status the officer recorded in 2010 stands.
    assert terms.status == "in_progress" and terms.disagreed
    said = "9 done, 8 in progress, 4 not started, 1 don't know"
    assert terms.said is not None and terms.said.counts["done"] == 9
    assert f"respondents disagree in hertfordshire-2010: {said}" in terms.respondents_said
    for fmt in ("md", "html", "csv"):
        shown = html.unescape(render_plan(plan, fmt))
        assert f"respondents disagree in hertfordshire-2010: {said}" in shown
    # Compiling again neither moves it nor repeats the entry.
    again = compile_plan(snapshot(later, now), Catalogue(), now).plan.find("terms-of-reference")
    assert again is not None and again.status == "in_progress"
    assert again.history == terms.history


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


def test_an_action_already_done_or_dropped_is_not_asked_about_again(tmp_path: Path) -> None:
    import shutil
    from datetime import UTC, datetime

    from bot.rounds.plan import plan_path
    from bot.rounds.work import snapshot

    rounds = Path(__file__).parent.parent / "transcripts" / "rounds"
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(rounds / name, tmp_path / name)
    later = snapshot(tmp_path / "hertfordshire-2010", datetime(2011, 1, 17, tzinfo=UTC)).loaded
    asked = {item.action for item in review_items(later)}
    assert {"right-partners", "targeted-information"} <= asked
    earlier = plan_path(tmp_path / "hertfordshire-2009")
    text = earlier.read_text(encoding="utf-8")
    for action, status in (("right-partners", "done"), ("targeted-information", "dropped")):
        head, tail = text.split(f'id = "{action}"', 1)
        tail = tail.replace('status = "not_started"', f'status = "{status}"', 1)
        text = f'{head}id = "{action}"{tail}'
    earlier.write_text(text, encoding="utf-8")
    still = {item.action for item in review_items(later)}
    assert still == asked - {"right-partners", "targeted-information"}
