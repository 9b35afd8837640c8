"""A register holds what was named: an item none of whose questions was answered is no
item (in the single report and the aggregate), and the aggregate counts the same item
typed in another case or spacing as one, shown in its first spelling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot import store
from bot.catalogue import Catalogue
from bot.model.framework import base_question
from bot.report import render_assessment
from bot.report.aggregate import aggregate_data
from bot.report.render import render_aggregate
from bot.scoring.aggregate import Filters, aggregate
from tests.test_register_not_asked import ANSWERS, STRUCTURE
from tests.tui_helpers import begun

SKIPPED = None
"""An item whose every question is skipped."""


def taken(folder: Path, items: list[tuple[str, str, str] | None]) -> Any:
    """A structure review answered throughout, naming ``items`` (risk, rating, owner) in
    the register, each question of a ``SKIPPED`` one skipped (none: WS4 answered No)."""
    talk = begun(Catalogue(), folder, *STRUCTURE)
    queue, item = list(items), None
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
            continue
        question = base_question(prompt.question.id)
        if question == "rag_risk" and not items:
            assert talk.answer("n").accepted  # no register: none named
            continue
        if question == "top_risks":
            assert talk.answer("y" if queue else "n").accepted
            continue
        if question == "risk_objective":
            item = queue.pop(0)
        if question in ("risk_objective", "risk_rag", "risk_owner"):
            if item is SKIPPED:
                talk.skip()
                continue
            said = item[("risk_objective", "risk_rag", "risk_owner").index(question)]
            assert talk.answer(said).accepted
            continue
        assert any(talk.answer(text).accepted for text in ANSWERS)
    assert not queue
    return talk


def _aggregated(
    folder: Path, people: list[list[tuple[str, str, str] | None]], anonymise: bool = False
) -> dict:
    for index, items in enumerate(people):
        taken(folder / f"p{index}", items)
    catalogue = Catalogue()
    totals, run_info = aggregate(
        store.iter_transcript_files(list(folder.rglob("*.toml"))),
        catalogue,
        Filters(),
        cache_folder=folder / "cache",
    )
    return aggregate_data(
        "governance-structure",
        totals["governance-structure"],
        run_info,
        catalogue,
        Filters(),
        anonymise=anonymise,
        small_groups=anonymise,
    )


def _register(data: dict) -> dict:
    return next(r for area in data["areas"] for r in area["registers"])


def _rows(data: dict) -> list[tuple[int | None, list[str]]]:
    return [
        (item["respondents"], [a["answer"] for a in item["answers"]])
        for item in _register(data)["items"]
    ]


def test_an_item_with_every_question_skipped_is_no_risk_named(tmp_path: Path) -> None:
    talk = taken(tmp_path / "t", [SKIPPED])
    register = next(r for area in talk.assessment().areas for r in area.registers)
    assert register.items == ()
    assert register.empty_words == "No risk was named."
    text = render_assessment(talk.assessment(), "md")
    assert "No risk was named." in text
    assert "| 1 | No answer | No answer | No answer |" not in text


def test_an_item_with_every_question_skipped_is_not_counted_by_the_aggregate(
    tmp_path: Path,
) -> None:
    risk = ("Affordable housing supply", "a", "Strategic housing group")
    data = _aggregated(tmp_path / "t", [[risk], [risk], [SKIPPED]])
    assert _register(data)["respondents"] == 2
    assert _rows(data) == [(2, ["Affordable housing supply", "Amber", "Strategic housing group"])]
    assert "Named by 2 of 3 respondents." in render_aggregate(data, "md")


def test_the_aggregate_register_ignores_case_and_spacing(tmp_path: Path) -> None:
    first = ("Affordable housing supply", "a", "Strategic housing group")
    lower = ("affordable  housing supply", "a", "STRATEGIC HOUSING GROUP")
    other = ("Transport links", "r", "Cabinet member")
    data = _aggregated(tmp_path / "t", [[first], [lower, other], [lower, lower]])
    assert _rows(data) == [
        (3, ["Affordable housing supply", "Amber", "Strategic housing group"]),
        (1, ["Transport links", "Red", "Cabinet member"]),
    ]


def test_an_anonymised_register_named_by_fewer_than_three_hides_how_many(
    tmp_path: Path,
) -> None:
    risk = ("Affordable housing supply", "a", "Strategic housing group")
    data = _aggregated(tmp_path / "t", [[risk], [], []], anonymise=True)
    assert _register(data)["respondents"] is None
    for form in ("md", "html"):
        text = render_aggregate(data, form)
        assert "Named by 1 of" not in text
        assert "Named by not shown of 3 respondents." in text


def test_an_unfinished_items_next_question_is_not_reached_not_not_asked(tmp_path: Path) -> None:
    talk = begun(Catalogue(), tmp_path / "t", *STRUCTURE)
    while base_question(talk.current().question.id) != "risk_rag":
        prompt = talk.current()
        if prompt.kind == "probe":
            talk.skip()
        elif base_question(prompt.question.id) == "risk_objective":
            assert talk.answer("Affordable housing supply").accepted
        else:
            assert any(talk.answer(text).accepted for text in ANSWERS)
    assert not talk.session.over
    register = next(r for area in talk.assessment().areas for r in area.registers)
    ((name, rating, owner),) = [[a.shown_answer for a in i.answers] for i in register.items]
    assert (name, owner) == ("Affordable housing supply", "Not reached")
    assert rating in ("No answer", "Not reached")
    assert "| 1 | Affordable housing supply |" in render_assessment(talk.assessment(), "md")
