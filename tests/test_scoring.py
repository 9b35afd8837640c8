"""Scoring on hand-computed examples: weights, abstentions, coverage, RAG, actions, lettering."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot import store
from bot.catalogue import Catalogue
from bot.scoring import compile_transcript
from bot.scoring.compile import band_for
from bot.scoring.source import framework_for
from tests.conftest import DATA, ROOT
from tests.scripted import make


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def assess(cat: Catalogue, tmp_path: Path, answers: list[str], reply: str = ":skip"):
    path, transcript = make(cat, tmp_path, "mini", "mini-chat", answers, probe_reply=reply)
    framework, warnings = framework_for(transcript, path, cat)
    return compile_transcript(transcript, framework, warnings)


def test_hand_computed_scores_with_an_abstention(cat: Catalogue, tmp_path: Path) -> None:
    # a1 Agree (2 of 0-3: 66.67), a2 Partly (1 of 0-2: 50), b1 20 (outside 12-15: 0), b2 Don't know.
    result = assess(cat, tmp_path, ["3", "p", "20", "d"])
    one, two = result.areas
    assert one.score == pytest.approx((200 / 3 + 50) / 2)
    assert one.coverage == 1.0
    assert two.score == 0.0  # the abstention is not a zero: only b1 is scored
    assert two.coverage == 0.5  # but it lowers coverage
    assert result.overall == pytest.approx(((200 / 3 + 50) / 2 + 0) / 2)
    assert (one.rag.name, two.rag.name) == ("amber", "red")
    assert [q.shown_answer for q in two.questions] == ["20", "Don't know"]


def test_weights(cat: Catalogue, tmp_path: Path) -> None:
    assert assess(cat, tmp_path, ["3", "p", "13", "1"]).areas[1].score == pytest.approx(
        (100 * 1 + 0 * 2) / 3
    )
    assert assess(cat, tmp_path, ["3", "p", "13", "4"]).areas[1].score == pytest.approx(100)


def test_actions_fire_and_do_not(cat: Catalogue, tmp_path: Path) -> None:
    weak = assess(cat, tmp_path, ["1", "n", "20", "3"], reply="We have no time for it")
    assert [a.action.id for a in weak.actions] == ["fix-one", "fix-two"]
    fix_one = weak.areas[0].actions[0]
    assert fix_one.letter == ""  # the framework letters none, and none is made up
    # Each reason with the score the need is computed from: 100 - mean(0, 0, 0) = 100.
    assert fix_one.triggers == (
        "a1 answered Disagree (score 0.0)",
        "a2 answered No (score 0.0)",
        "Area one area score 0.0",
    )
    assert fix_one.need == 100
    assert fix_one.quotes == ("We have no time for it",)
    assert fix_one.priority == "high"
    assert fix_one.due == date(2009, 9, 1)  # three calendar months after 1 June 2009
    strong = assess(cat, tmp_path, ["3", "y", "Essex Police", "13", "3"])
    assert strong.actions == ()


def test_text_answers_and_evidence(cat: Catalogue, tmp_path: Path) -> None:
    result = assess(
        cat,
        tmp_path,
        ["3 - see the minutes of June 2009", "y", "Essex Police and the PCT", "13", "3"],
    )
    one = result.areas[0]
    assert [q.words for q in one.questions] == [
        ("see the minutes of June 2009",),
        (),
        ("Essex Police and the PCT",),
    ]
    assert one.evidence == pytest.approx(2 / 3)


def test_bands() -> None:
    from bot.model import Band

    bands = (
        Band(name="red", label="Red", min=0),
        Band(name="amber", label="Amber", min=40),
        Band(name="green", label="Green", min=70),
    )
    assert [band_for(s, bands).name for s in (0, 39.99, 40, 69.9, 70, 100)] == [
        "red",
        "red",
        "amber",
        "amber",
        "green",
        "green",
    ]
    assert band_for(None, bands) is None


def test_fareham_sample_gives_the_seed_actions(catalogue: Catalogue) -> None:
    path = ROOT / "transcripts" / "examples" / "fareham-working-better-together.toml"
    transcript = store.load(path).transcript
    framework, warnings = framework_for(transcript, path, catalogue)
    result = compile_transcript(transcript, framework, warnings)
    fired = {a.action.id for a in result.actions}
    appendix_a = {
        "refresh-scs",
        "quality-of-life-picture",
        "coordinate-consultation",
        "performance-framework",
        "raise-awareness",
        "review-meeting-style",
        "review-laa-progress",
        "induction",
        "target-influencers",
        "publicise-achievements",
        "agree-performance-arrangements",
        "monitoring-framework",
        "data-quality",
        "risk-assessment",
        "identify-budgets",
    }
    assert appendix_a <= fired
    # Appendix A's own letters in every area, in its order; never re-lettered by need.
    for area in result.areas:
        lettered = [a for a in area.actions if a.action.source.startswith("Appendix A")]
        assert lettered, area.area.id
        for action in lettered:
            number = result.areas.index(area) + 1
            assert action.action.source.startswith(f"Appendix A, {number} {action.letter})")
        assert [a.letter for a in lettered] == sorted(a.letter for a in lettered)
    leadership = result.areas[1]
    assert [a.letter for a in leadership.actions] == ["a", "b", "c", "d", "e", ""]
    # An action from elsewhere says where it comes from.
    assert leadership.actions[-1].action.source.startswith("Appendix B")


def test_changed_framework_is_said_and_current_can_be_asked_for(
    cat: Catalogue, tmp_path: Path
) -> None:
    path, transcript = make(cat, tmp_path / "t", "mini", "mini-chat", ["3", "p", "13", "3"])
    # The exact version taken is kept beside the transcripts, so it is used when present.
    framework, warnings = framework_for(transcript, path, cat)
    assert warnings == [] and framework.hash == transcript.framework.hash
    store.snapshot_path(path.parent, transcript.framework.hash).unlink()
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "mini.toml").write_text(
        (DATA / "mini.toml").read_text().replace('version = "1"', 'version = "2"')
    )
    newer = Catalogue(framework_folders=[changed], dialogue_folders=[DATA])
    framework, warnings = framework_for(transcript, path, newer)
    assert framework.framework.version == "2"
    assert "has changed since this transcript was taken (version 1 then, 2 now)" in warnings[0]
    framework, warnings = framework_for(transcript, path, newer, current=True)
    assert "as asked" in warnings[0]


def test_due_dates_are_calendar_months_after_the_start() -> None:
    from bot.scoring.compile import DUE_MONTHS, months_after

    assert DUE_MONTHS == {"high": 3, "medium": 6, "low": 12}
    assert months_after(date(2009, 1, 31), 3) == date(2009, 4, 30)
    assert months_after(date(2009, 8, 31), 6) == date(2010, 2, 28)
    assert months_after(date(2008, 2, 29), 12) == date(2009, 2, 28)
    assert months_after(date(2009, 11, 15), 3) == date(2010, 2, 15)


def test_a_number_without_a_recommended_range_is_a_fact_not_missing_coverage(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "frameworks"
    folder.mkdir()
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    (folder / "mini.toml").write_text(text.replace("recommended = { min = 12, max = 15 }\n", ""))
    cat = Catalogue(framework_folders=[folder], dialogue_folders=[tmp_path / "none"])
    path, transcript = make(cat, tmp_path, "mini", None, ["3", "y", "Essex Police", "20", "3"])
    two = compile_transcript(transcript, framework_for(transcript, path, cat)[0]).areas[1]
    assert two.questions[0].score is None
    assert two.coverage == 1.0  # b2 answered; b1 is a fact, not a gap
