"""Carrying agreed actions into the next round's plan: one definition of what was agreed
and what became of it (shared with the comparison), the agreed owner and due date kept,
framework-level actions compiled, shares rounded once, review questions numbered and
introduced for people, and only `round plan` writing the plan."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.rounds.plan import Plan, PlanAction, agree, edit_action, plan_path, read_plan, save_plan
from bot.rounds.plan_export import render_plan

ROUNDS = Path(__file__).parent.parent / "transcripts" / "rounds"
NOW = datetime(2011, 1, 17, 10, 0, tzinfo=UTC)


@pytest.fixture
def rounds(tmp_path: Path) -> Path:
    for name in ("hertfordshire-2009", "hertfordshire-2010"):
        shutil.copytree(ROUNDS / name, tmp_path / name)
    return tmp_path


def test_plan_and_comparison_agree_on_what_was_agreed_and_where_it_stands(rounds: Path) -> None:
    from bot.report.compare import plan_progress_known
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.plan_progress import _earlier_and_later, agreed_in
    from bot.rounds.work import snapshot

    earlier, later = rounds / "hertfordshire-2009", rounds / "hertfordshire-2010"
    # Agreed (and one marked done) in the earlier plan after the later round began.
    old = read_plan(earlier)
    assert old is not None
    old = agree(old, ["smart-targets", "capacity"])
    old = edit_action(old, "smart-targets", date(2011, 1, 20), status="done")
    save_plan(earlier, old)
    agreed_then = old.find("smart-targets")
    assert agreed_then is not None
    plan = compile_plan(snapshot(later, NOW), Catalogue(), NOW).plan
    pair = _earlier_and_later(earlier, later)
    assert pair is not None
    outcomes = agreed_in(*pair)
    assert {o.id for o in outcomes} == {a.id for a in old.agreed_actions()}
    assert len(plan.agreed_actions()) == len(outcomes) == 6
    carried = {a.id: a for a in plan.actions if a.carried_from}
    assert set(carried) == {o.id for o in outcomes}
    assert sorted(o.status for o in outcomes) == sorted(a.status for a in carried.values())
    found = plan_progress_known(earlier, later)
    assert found is not None
    compared = found[0]
    # The comparison counts only what the later round knew: the two agreed after its
    # conversations began are carried in the plan but not counted as its progress.
    asked = [o for o in outcomes if o.id not in ("smart-targets", "capacity")]
    assert sorted(a.status for a in compared) == sorted(o.status for o in asked)
    # The carried action is the one agreed: its owner and due date, not this round's proposal.
    smart = plan.find("smart-targets")
    assert smart is not None and smart.agreed and smart.carried_from == "hertfordshire-2009"
    assert (smart.owner, smart.due) == (agreed_then.owner, agreed_then.due)
    md = render_plan(plan, "md")
    assert "carried from hertfordshire-2009, and suggested again by this round's answers" in md
    # Not asked in the later round: said so, and where its status comes from.
    outcome = next(o for o in outcomes if o.id == "smart-targets")
    assert outcome.carried and not outcome.asked and outcome.status == "done"
    assert "not asked in hertfordshire-2010" in md
    terms = next(o for o in outcomes if o.id == "terms-of-reference")
    assert terms.asked and terms.disagreed and terms.said["done"] == 9


def test_comparison_counts_only_what_was_known_at_the_later_round(rounds: Path) -> None:
    from bot.report.compare import comparison

    earlier, later = rounds / "hertfordshire-2009", rounds / "hertfordshire-2010"
    cat = Catalogue()
    before = comparison(earlier, later, cat, "json").data["plan"]
    assert before["total"] == 4 and not before.get("not_counted")
    # After the later round ran: one more action agreed (and marked done) in the earlier
    # plan, and an action the later round asked about as not started marked done there.
    old = read_plan(earlier)
    assert old is not None
    old = agree(old, ["smart-targets"])
    old = edit_action(old, "smart-targets", date(2011, 3, 1), status="done")
    old = edit_action(old, "right-partners", date(2011, 3, 1), status="done")
    save_plan(earlier, old)
    after = comparison(earlier, later, cat, "json").data["plan"]
    assert after["total"] == 4 and after["counts"] == before["counts"]
    assert [a["text"] for a in after["not_counted"]] == [old.find("smart-targets").text]  # type: ignore[union-attr]
    md = comparison(earlier, later, cat, "md").text
    assert "Not counted: 1 action agreed after 2010/11's conversations began" in md
    # Before the later plan is compiled, the earlier plan's record counts as it stood at
    # the later round's last conversation: not as marked done months later.
    plan_path(later).unlink()
    unplanned = comparison(earlier, later, cat, "json").data["plan"]
    assert unplanned["total"] == 4 and len(unplanned["not_counted"]) == 1
    assert unplanned["counts"]["done"] == 0


def test_framework_level_actions_are_compiled_into_the_plan(tmp_path: Path) -> None:
    from bot import store
    from bot.report.aggregate import aggregate_data
    from bot.rounds.plan_compile import plan_actions, with_refs
    from bot.scoring.aggregate import Filters, aggregate
    from bot.scoring.results import WHOLE_TITLE
    from tests.scripted import make
    from tests.test_area_weights import catalogue_for, mini_text

    cat = catalogue_for(tmp_path / "fw", mini_text())
    folder = tmp_path / "t"
    make(cat, folder, "mini", "mini-chat", ["1", "n", "20", "1"])
    totals, run = aggregate(store.iter_transcript_files([folder]), cat, Filters(), workers=1)
    data = aggregate_data("mini", totals["mini"], run, cat, Filters(), False)
    framework = cat.framework("mini").framework
    actions = plan_actions(framework, data["actions"], {}, date(2010, 1, 1), "r")
    plan = with_refs(Plan(actions=tuple(actions)), framework)
    whole = [a for a in plan.actions if a.area == ""]
    assert [a.id for a in whole] == ["whole-review", "both-areas"]
    assert whole[0].area_title == WHOLE_TITLE
    # The seed's letter after "P", else "P" and the next number unused there.
    assert [a.ref for a in whole] == ["Pa", "P.1"]
    assert whole[0].history[0].status == "not_started"


def test_share_is_rounded_once_from_the_counts() -> None:
    action = PlanAction(id="a", ref="a", text="Do a.", priority="high", respondents=12, share=54.5)
    plan = Plan(round="r", respondents=22, actions=(action,))
    assert "suggested by 12 respondents (55%)" in render_plan(plan, "md")


def test_review_questions_are_numbered_for_people_not_by_id() -> None:
    from bot.engine.review import reviewed_framework
    from bot.model.transcript import ReviewItem

    framework = Catalogue().framework("hertfordshire-review").framework
    items = [
        ReviewItem(action="right-partners", ref="right-partners", area="membership", text="X"),
        ReviewItem(action="r4-performance", ref="r4-performance", area="performance", text="Y"),
        ReviewItem(action="a-two", ref="2a", area="performance", text="Z"),
    ]
    numbers = [q.number for q in reviewed_framework(framework, items).questions() if q.weight == 0]
    assert numbers == ["Agreed action 1", "Agreed action 2", "Agreed action 2a"]


def test_review_questions_name_each_action_by_its_ref_in_the_plan(tmp_path: Path) -> None:
    # Whatever kind of Ref the plan gives (a number it gave, the seed's letter after "P",
    # the seed's own label), the next round's question names the action by it, as the
    # board agreed it; never by the id, nor by a place that changes with what is asked.
    from bot.engine.review import reviewed_framework
    from bot.rounds.folder import create
    from bot.rounds.model import Round
    from bot.rounds.plan_review import review_items

    earlier = create(tmp_path / "r2009", Round(title="R", framework="hertfordshire-review"))
    later = create(
        tmp_path / "r2010",
        Round(title="R", framework="hertfordshire-review", previous="../r2009"),
    )
    agreed = (
        PlanAction(id="smart-targets", ref="7.2", area="performance", text="S", agreed=True),
        PlanAction(id="whole-review", ref="Pa", letter="a", text="W", agreed=True),
        PlanAction(
            id="r2-accountability",
            ref="R2",
            letter="R2",
            area="representation",
            text="R",
            agreed=True,
        ),
    )
    save_plan(earlier.folder, Plan(round="r2009", actions=agreed))
    items = review_items(later)
    assert [i.ref for i in items] == ["7.2", "Pa", "R2"]
    framework = Catalogue().framework("hertfordshire-review").framework
    numbers = {q.number for q in reviewed_framework(framework, items).questions() if q.weight == 0}
    assert numbers == {"Agreed action 7.2", "Agreed action Pa", "Agreed action R2"}


def test_intros_count_the_review_questions_too() -> None:
    from bot.engine.review import with_review
    from bot.model.transcript import ReviewItem

    items = [ReviewItem(action=f"a{i}", ref=f"a{i}", area="membership", text="X") for i in range(6)]
    survey = with_review(Catalogue().dialogue("hertfordshire-survey"), items).dialogue
    welcome = survey.nodes[survey.start].say or ""
    assert "18 statements, plus 6 on last year's agreed actions," in welcome
    assert "about 13 minutes" in welcome and "about 10 minutes" not in welcome
    assert "about 13 minutes" in survey.description
    phone = with_review(Catalogue().dialogue("hertfordshire-interview"), items).dialogue
    said = " ".join(n.say or "" for n in phone.nodes.values())
    assert "24 statements, plus 6 on last year's agreed actions," in said
    assert "about 25 minutes" in said and "about 20 minutes" not in said


def test_round_report_never_writes_the_plan(rounds: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main

    monkeypatch.chdir(rounds)
    later = rounds / "hertfordshire-2010"
    before = plan_path(later).read_bytes()
    main(["round", "report", "-r", "hertfordshire-2010", "-o", str(rounds / "r.md")])
    assert plan_path(later).read_bytes() == before
    plan_path(later).unlink()
    main(["round", "report", "-r", "hertfordshire-2010", "-o", str(rounds / "r.md")])
    assert not plan_path(later).exists()
    err = capsys.readouterr().err
    assert "does not change plan.toml" in err and "round plan -r" in err


def test_round_report_advises_round_plan_only_with_something_to_carry(
    rounds: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import store
    from bot.cli import main

    monkeypatch.chdir(rounds)
    later = rounds / "hertfordshire-2010"
    report = ["round", "report", "-r", "hertfordshire-2010", "-o", str(rounds / "r.md")]

    def advised() -> bool:
        assert main(report) == 0
        return "round plan -r" in capsys.readouterr().err

    plan_path(later).unlink()
    assert advised()  # nothing carried yet
    assert main(["round", "plan", "-r", "hertfordshire-2010", "-o", str(rounds / "p.md")]) == 0
    capsys.readouterr()
    assert not advised()  # all carried, every answer taken in
    assert not advised()
    # Answers the plan has not taken in: a respondent's answers about the actions go.
    asked = next(
        p
        for p in later.glob("*.toml")
        if p.name not in ("round.toml", "plan.toml") and store.load(p).transcript.review
    )
    asked.unlink()
    assert advised()


def test_a_comparison_says_when_statuses_are_not_yet_updated_from_the_later_round(
    rounds: Path,
) -> None:
    from bot.report.compare import comparison

    earlier, later = rounds / "hertfordshire-2009", rounds / "hertfordshire-2010"
    cat = Catalogue()
    planned = comparison(earlier, later, cat, "md")
    assert planned.data["plan"]["not_updated"] == 0
    assert "action plan is compiled" not in planned.text
    # No later plan yet: the statuses are the earlier plan's, though the later round's
    # respondents were asked about them. The board paper says so; the person comparing
    # is told the command that brings their answers in.
    plan_path(later).unlink()
    unplanned = comparison(earlier, later, cat, "md")
    count = unplanned.data["plan"]["not_updated"]
    assert count == unplanned.data["plan"]["total"] == 4
    assert (
        "4 of these statuses are as 2009/10's plan recorded them: what 2010/11's respondents "
        "said about them is not in them until 2010/11's action plan is compiled."
    ) in unplanned.text
    assert any("round plan -r" in note for note in unplanned.notes)
    html = comparison(earlier, later, cat, "html").text
    assert (
        "2010/11&#39;s action plan is compiled" in html
        or "2010/11's action plan is compiled" in html
    )
