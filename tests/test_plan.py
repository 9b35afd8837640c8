"""The action plan (plan.toml): reading, writing, merging a new compile into hand edits,
clear errors, and compiling it from a round's aggregate."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.catalogue import Catalogue
from bot.problems import LoadError
from bot.rounds.plan import (
    HistoryEntry,
    Plan,
    PlanAction,
    agree,
    edit_action,
    encode,
    load_plan_text,
    merge,
    parse_status,
    plan_path,
    read_plan,
    save_plan,
    update_plan,
)

ROOT = Path(__file__).parent.parent
SAMPLE_2009 = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
ON = date(2010, 1, 15)


def action(id_: str = "a-one", **fields: object) -> PlanAction:
    values: dict[str, object] = {"id": id_, "ref": id_, "text": f"Do {id_}.", "area": "x"}
    values.update(fields)
    return PlanAction.model_validate(values)


def plan(*actions: PlanAction) -> Plan:
    return Plan(round="r", title="Review", framework="f", actions=actions)


def test_plan_round_trips_through_its_text_with_awkward_words() -> None:
    words = 'said "no" \\ then\nnew line \x7f \u202e é =SUM(A1)'
    original = plan(
        action(
            "a-one",
            note=words,
            owner="Chair",
            due=ON,
            agreed=True,
            status="in_progress",
            history=(HistoryEntry(date=ON, status="in_progress", counts={"done": 2}),),
            triggered_by=({"transcript": "t-1", "invitee": "h01", "questions": ["S3", "T1"]},),
        ),
        action("b-two"),
    )
    text = encode(original)
    assert load_plan_text(text, "plan.toml") == original


def test_plan_errors_name_file_key_line_and_suggest(tmp_path: Path) -> None:
    text = encode(plan(action("a-one"))).replace('status = "not_started"', 'status = "finished"')
    text = text.replace("agreed = false", "agred = false")
    with pytest.raises(LoadError) as caught:
        load_plan_text(text, "plan.toml")
    shown = str(caught.value)
    assert "plan.toml:" in shown
    assert "actions[0].status" in shown and "not_started" in shown
    assert 'unknown key "agred"' in shown and 'did you mean "agreed"' in shown


def test_an_id_used_twice_is_an_error_with_its_line() -> None:
    text = encode(plan(action("a-one"), action("a-two", ref="a-one")))
    with pytest.raises(LoadError, match=r'ref "a-one" is used twice'):
        load_plan_text(text, "plan.toml")


def test_a_plan_too_large_or_out_of_bounds_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text(
        encode(plan(action())).replace("respondents = 0", "respondents = 99999999999999999")
    )
    with pytest.raises(LoadError, match="out of range"):
        read_plan(tmp_path)
    (tmp_path / "plan.toml").write_text("x = 1\n" * 2_000_000)
    with pytest.raises(LoadError, match="over the limit"):
        read_plan(tmp_path)


def test_no_plan_reads_as_none(tmp_path: Path) -> None:
    assert read_plan(tmp_path) is None


def test_save_is_atomic_private_and_read_back(tmp_path: Path) -> None:
    save_plan(tmp_path, plan(action()))
    assert plan_path(tmp_path).stat().st_mode & 0o777 == 0o600
    assert read_plan(tmp_path) == plan(action())
    assert not list(tmp_path.glob(".plan.toml.*"))


def test_merge_keeps_hand_edits_and_never_drops_an_action() -> None:
    old = plan(
        action("a-one", owner="Ann", due=date(2011, 1, 1), agreed=True, status="done", note="n"),
        action("gone", agreed=True),
    )
    fresh = plan(
        action("a-one", owner="Chair", due=ON, respondents=4, share=40.0),
        action("new-one", respondents=2),
    )
    fresh = fresh.model_copy(update={"respondents": 10})
    merged = merge(old, fresh)
    one = merged.find("a-one")
    assert one is not None
    assert (one.owner, one.due, one.agreed, one.status, one.note) == (
        "Ann",
        date(2011, 1, 1),
        True,
        "done",
        "n",
    )
    assert one.respondents == 4 and one.share == 40.0
    gone = merged.find("gone")
    assert gone is not None and gone.suggested is False and gone.agreed is True
    assert merged.find("new-one") is not None


def test_merge_applies_a_later_rounds_report_once() -> None:
    reviewed = HistoryEntry(
        date=ON, status="in_progress", source="assessment", round="r2010", counts={"in_progress": 2}
    )
    old = plan(action("a-one", agreed=True))
    fresh = plan(action("a-one", history=(reviewed,), status="in_progress"))
    fresh = fresh.model_copy(update={"respondents": 10})
    merged = merge(old, fresh)
    one = merged.find("a-one")
    assert one is not None and one.status == "in_progress"
    # The officer then marks it done by hand; compiling again does not undo that.
    edited = edit_action(merged, "a-one", ON, status="done")
    again = merge(edited, fresh)
    one = again.find("a-one")
    assert one is not None and one.status == "done"
    assert [h.status for h in one.history] == ["in_progress", "done"]


def test_edit_records_status_history_and_refuses_unknown_refs() -> None:
    edited = edit_action(plan(action()), "A-ONE", ON, status="done", owner=" Bob ", note="ok")
    one = edited.find("a-one")
    assert one is not None and (one.status, one.owner, one.note) == ("done", "Bob", "ok")
    assert one.history[-1].status == "done" and one.history[-1].source == "edit"
    with pytest.raises(KeyError, match=r'no action "a-onr".*did you mean "a-one"'):
        edit_action(edited, "a-onr", ON, status="done")


def test_agree_by_ref_or_all() -> None:
    two = plan(action("a-one"), action("b-two"))
    assert [a.agreed for a in agree(two, ["b-two"]).actions] == [False, True]
    assert all(a.agreed for a in agree(two, ["all"]).actions)
    with pytest.raises(KeyError):
        agree(two, ["c"])
    # A ref as the reports and plan exports label it ("Action 1.1") is the same action.
    numbered = plan(action("a-one", ref="1.1"), action("b-two", ref="R2"))
    assert [a.agreed for a in agree(numbered, ["Action 1.1", "action r2"]).actions] == [True, True]


def test_status_words() -> None:
    assert parse_status("In progress") == "in_progress"
    assert parse_status("not-started") == "not_started"
    with pytest.raises(ValueError, match="not a status"):
        parse_status("finished")


def test_update_plan_under_lock(tmp_path: Path) -> None:
    save_plan(tmp_path, plan(action()))
    update_plan(tmp_path, lambda p: agree(p, ["a-one"]) if p else plan())
    loaded = read_plan(tmp_path)
    assert loaded is not None and loaded.actions[0].agreed


def test_compile_from_the_sample_round_triggers_and_due_dates(tmp_path: Path) -> None:
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.work import snapshot

    folder = tmp_path / "herts"
    shutil.copytree(SAMPLE_2009, folder)
    plan_path(folder).unlink(missing_ok=True)
    now = datetime(2010, 1, 15, 10, 0, tzinfo=UTC)
    shot = snapshot(folder, now)
    compiled = compile_plan(shot, Catalogue(), now)
    first = compiled.plan
    assert first.actions and all(not a.agreed for a in first.actions)
    assert compiled.added == [a.ref for a in first.actions]
    one = first.actions[0]
    assert one.triggered_by and all(t.questions for t in one.triggered_by)
    assert one.respondents == len(one.triggered_by)
    assert one.due == date(2010, 4, 15) if one.priority == "high" else one.due is not None
    # Hand edit, compile again: kept.
    text = plan_path(folder).read_text()
    text = text.replace(f'owner = "{one.owner}"', 'owner = "Jo Bloggs"', 1)
    plan_path(folder).write_text(text)
    again = compile_plan(snapshot(folder, now), Catalogue(), now)
    kept = again.plan.find(one.ref)
    assert kept is not None and kept.owner == "Jo Bloggs"
    assert again.added == []


def test_a_compile_that_read_nothing_leaves_the_plan_as_it_was() -> None:
    old = plan(action("a-one", agreed=True, respondents=3))
    old = old.model_copy(update={"respondents": 5})
    merged = merge(old, plan())
    one = merged.find("a-one")
    assert one is not None and one.suggested and one.respondents == 3
    assert merged.respondents == 5


def test_a_plan_takes_the_frameworks_own_actions_too(tmp_path: Path) -> None:
    # An action for the partnership as a whole (top-level [[actions]]) reaches the plan,
    # after the areas' actions, under the title reports give it.
    from bot.rounds.plan_compile import fresh_plan
    from bot.rounds.work import snapshot
    from bot.scoring.results import WHOLE_TITLE

    folder = tmp_path / "herts"
    shutil.copytree(SAMPLE_2009, folder)
    frameworks = tmp_path / "fw"
    frameworks.mkdir()
    text = (ROOT / "frameworks" / "hertfordshire-review.toml").read_text(encoding="utf-8")
    text += (
        '\n[[actions]]\nid = "whole-review"\nletter = "a"\n'
        'text = "Review the partnership as a whole."\nwhen = \'score("overall") < 101\'\n'
    )
    (frameworks / "hertfordshire-review.toml").write_text(text, encoding="utf-8")
    catalogue = Catalogue(framework_folders=[frameworks])
    now = datetime(2010, 1, 15, 10, 0, tzinfo=UTC)
    fresh, _ = fresh_plan(snapshot(folder, now), catalogue, now.date(), current=True)
    last = fresh.actions[-1]
    assert (last.id, last.area, last.area_title) == ("whole-review", "", WHOLE_TITLE)
    assert last.respondents > 0 and last.ref == "Pa"
    assert sum(1 for a in fresh.actions if a.area == "") == 1


def test_the_plan_page_is_wide_enough_for_its_table() -> None:
    # Ten columns do not fit the reports' text column: the plan's page is wider, its table
    # smaller, so the table stays within the page's text column.
    from bot.rounds.plan_export import render_plan

    page = render_plan(plan(action()), "html")
    assert '<body class="wide">' in page
    assert "body.wide { max-width: 72rem; }" in page


SAMPLE_2010 = ROOT / "transcripts" / "rounds" / "hertfordshire-2010"


def inserted_framework(folder: Path) -> Catalogue:
    """The Hertfordshire framework, a later version with one action inserted ahead of
    r4-performance in its area (suggested whenever the area is scored)."""
    folder.mkdir()
    text = (ROOT / "frameworks" / "hertfordshire-review.toml").read_text(encoding="utf-8")
    text = text.replace('version = "1.0"', 'version = "1.1"', 1)
    inserted = (
        '[[areas.actions]]\nid = "inserted-first"\n'
        'text = "A new first action."\nwhen = \'score("performance") < 101\'\n\n'
    )
    at = text.index('[[areas.actions]]\nid = "r4-performance"')
    (folder / "hertfordshire-review.toml").write_text(text[:at] + inserted + text[at:])
    return Catalogue(framework_folders=[folder])


def test_a_ref_stays_when_the_framework_inserts_an_action(tmp_path: Path) -> None:
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.work import snapshot

    folder = tmp_path / "herts"
    shutil.copytree(SAMPLE_2009, folder)
    before = read_plan(folder)
    assert before is not None
    catalogue = inserted_framework(tmp_path / "fw")
    now = datetime(2010, 1, 20, 10, 0, tzinfo=UTC)
    after = compile_plan(snapshot(folder, now), catalogue, now, current=True).plan
    # Every action keeps the Ref it had; the new one takes the next Ref unused in its area.
    assert {a.id: a.ref for a in after.actions if a.id != "inserted-first"} == {
        a.id: a.ref for a in before.actions
    }
    numbers = [int(a.ref[2:]) for a in before.actions if a.ref.startswith("7.")]
    new = after.find("inserted-first")
    assert new is not None and new.ref not in {a.ref for a in before.actions}
    assert numbers and new.ref == f"7.{max(numbers) + 1}"
    # --set with a Ref the board agreed still names the same action; the id works too.
    old_ref = next(a.ref for a in before.actions if a.id == "smart-targets")
    edited = edit_action(after, old_ref, ON, note="kept")
    assert edited.find("smart-targets").note == "kept"  # type: ignore[union-attr]
    assert edited.find("inserted-first").note == ""  # type: ignore[union-attr]
    again = compile_plan(snapshot(folder, now), catalogue, now, current=True).plan
    assert [a.ref for a in again.actions] == [a.ref for a in after.actions]


def test_the_next_years_plan_keeps_the_refs_of_the_last(tmp_path: Path) -> None:
    # Carried forward through `previous`, and suggested again without being agreed: the
    # 2010 plan gives each action the Ref the 2009 plan gave it, though the framework
    # changed between the two.
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.work import snapshot

    shutil.copytree(SAMPLE_2009, tmp_path / "hertfordshire-2009")
    later = tmp_path / "hertfordshire-2010"
    shutil.copytree(SAMPLE_2010, later)
    plan_path(later).unlink()
    first = read_plan(tmp_path / "hertfordshire-2009")
    assert first is not None
    catalogue = inserted_framework(tmp_path / "fw")
    now = datetime(2011, 1, 20, 10, 0, tzinfo=UTC)
    second = compile_plan(snapshot(later, now), catalogue, now, current=True).plan
    refs = {a.id: a.ref for a in first.actions}
    assert any(a.carried_from for a in second.actions)
    assert all(a.ref == refs[a.id] for a in second.actions if a.id in refs)
    new = second.find("inserted-first")
    assert new is not None and new.ref not in refs.values()


def test_refs_are_the_seeds_own_else_a_number_kept_for_good(tmp_path: Path) -> None:
    from bot.rounds.plan_compile import seed_refs, with_refs

    # Fareham's lettered actions keep the seed's letter after the area's number.
    fareham = seed_refs(Catalogue().framework("working-better-together").framework)
    assert "2a" in fareham.values() and "1a" in fareham.values()
    framework = Catalogue().framework("hertfordshire-review").framework
    # Numbers in the order actions enter the plan, the next unused in the area; a plan
    # written when refs were ids is numbered; an action the framework no longer has keeps
    # its own.
    old = plan(
        action("targeted-information", ref="3.4", area="relationships"),
        action("right-partners", ref="right-partners", area="membership"),
        action("gone", ref="9.9", area="gone-area"),
        action(
            "county-district-relationship", ref="county-district-relationship", area="relationships"
        ),
    )
    held = {a.id: a.ref for a in old.actions}
    refs = [a.ref for a in with_refs(old, framework, held).actions]
    assert refs[0] == "3.4" and refs[1] == "1.1" and refs[2] == "9.9" and refs[3] == "3.5"
    # A number once held in an earlier round's plan is never given to another action.
    new = plan(action("county-district-relationship", ref="x", area="relationships"))
    given = with_refs(new, framework, {}, {"targeted-information": "3.1"}).actions[0].ref
    assert given == "3.2"
    # The seed's own label wins over a number a plan gave before the framework carried it;
    # that number is not given to another action.
    old = plan(
        action("r2-accountability", ref="4.1", area="representation"),
        action("inserted", ref="inserted", area="representation"),
    )
    held = {a.id: a.ref for a in old.actions}
    assert [a.ref for a in with_refs(old, framework, held).actions] == ["R2", "4.2"]
