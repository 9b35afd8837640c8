"""Carrying a round's agreed actions into the next round: the review items its
conversations ask about, and the status its answers report for each, added to the new
round's plan with the history kept.

A round names its previous round in round.toml (``previous``). Each conversation
started in it records, in its transcript's header, the actions agreed in the previous
round's plan; the dialogue asks about each at the start of its area
(`bot.engine.review`). When the new round's plan is compiled, every agreed action of the
previous plan is carried in, and the answers on each respondent's final path (each
question's latest answer) are counted: the status moves only when more than half of
those who gave a status gave the same one (`bot.rounds.plan.majority`); otherwise it
stays as it was, with the counts in its history, flagged for the officer to decide.
Don't know and skipped answers are counted apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot import store
from bot.engine.path import final_path
from bot.engine.review import question_id
from bot.model.transcript import ReviewItem
from bot.problems import LoadError, Problem, display_name
from bot.rounds.commands import round_command
from bot.rounds.folder import LoadedRound, round_path
from bot.rounds.plan import (
    STATUSES,
    HistoryEntry,
    Plan,
    PlanAction,
    describe_counts,
    majority,
    read_plan,
)


def previous_folder(loaded: LoadedRound) -> Path | None:
    """The previous round's folder, as round.toml's ``previous`` names it: a path (relative
    to this round's folder), else a round beside this one; None when none is named."""
    name = loaded.round.previous.strip()
    if not name:
        return None
    given = Path(name)
    candidates = (
        [given] if given.is_absolute() else [loaded.folder / given, loaded.folder.parent / given]
    )
    for candidate in candidates:
        if round_path(candidate).exists():
            return candidate
    raise LoadError(
        [
            Problem(
                display_name(loaded.path),
                "previous",
                f'names "{name}", which is not a round folder (no round.toml there or beside '
                f"{display_name(loaded.folder)}); name the earlier round's folder, or leave "
                "`previous` out",
            )
        ]
    )


def previous_plan(loaded: LoadedRound) -> tuple[str, Plan] | None:
    """The previous round's name and plan, or None when the round names no previous one."""
    folder = previous_folder(loaded)
    if folder is None:
        return None
    plan = read_plan(folder)
    name = folder.resolve().name
    if plan is None:
        raise LoadError(
            [
                Problem(
                    display_name(loaded.path),
                    "previous",
                    f"the previous round {name} has no plan.toml yet; make it with: "
                    + round_command("plan", "--agree", "REFS", folder=folder),
                )
            ]
        )
    return name, plan


def earlier_refs(loaded: LoadedRound) -> dict[str, str]:
    """Action id -> the reference the previous round's plan gives it (every action there,
    agreed or not, and so every earlier round's through it); {} when the round names no
    previous round. A plan keeps these, so one action has one reference year after year."""
    found = previous_plan(loaded)
    return {} if found is None else {a.id: a.ref for a in found[1].actions}


FINISHED = frozenset({"done", "dropped"})
"""The statuses that end an action: it is not asked about again."""


def review_items(loaded: LoadedRound) -> tuple[ReviewItem, ...]:
    """What a new conversation in the round asks about: the previous plan's agreed actions
    still open (none when the round names no previous round). An action the plan already
    records as done or dropped is not asked about again: an action carried on keeps its
    agreement, and asking next year how far a finished action has got would mislead."""
    found = previous_plan(loaded)
    if found is None:
        return ()
    name, plan = found
    return tuple(
        ReviewItem(
            action=a.id,
            # The plan's Ref numbers the question ("Agreed action 7.1", see review_number).
            ref=a.ref,
            area=a.area,
            text=a.text,
            owner=a.owner,
            due=a.due,
            round=a.carried_from or name,
        )
        for a in plan.agreed_actions()
        if a.status not in FINISHED
    )


@dataclass
class Review:
    """What a round's respondents said about one agreed action."""

    counts: Counter[str] = field(default_factory=Counter)
    """Status -> how many said it (and "dont_know")."""
    comments: list[str] = field(default_factory=list)
    """Their comments and follow-up replies, in order."""

    @property
    def status(self) -> str | None:
        """The status more than half of those who gave one gave, or None."""
        return majority(self.counts)

    @property
    def given(self) -> dict[str, int]:
        """Status -> how many gave it (Don't know left out)."""
        return {s: n for s, n in self.counts.items() if s in STATUSES and n}

    def describe(self) -> str:
        """Such as "9 done, 7 in progress, 5 not started, 1 don't know"."""
        return describe_counts(self.counts)


def reviews_in(files: list[Path]) -> dict[str, Review]:
    """action id -> what the transcripts' final paths say about it (latest answers)."""
    found: dict[str, Review] = {}
    for path in files:
        try:
            transcript = store.load(path).transcript
        except LoadError:
            continue
        # By the turns alone: the round's plan reads complete transcripts only
        # (`compiled_files`), whose paths have nothing ahead for a dialogue to judge.
        steps = final_path(transcript.turns)
        for item in transcript.review:
            step = steps.step(question_id(item))
            if step is None or step.answer is None:
                continue
            review = found.setdefault(item.action, Review())
            review.counts[step.answer.abstain or step.answer.value] += 1
            words = [step.answer.comment, *step.replies]
            review.comments.extend(w for w in words if w)
    return found


def carried_actions(loaded: LoadedRound, files: list[Path], on: date) -> list[PlanAction]:
    """The previous plan's agreed actions, each with the status this round's answers give
    it and a history entry saying so; [] when the round names no previous round."""
    found = previous_plan(loaded)
    if found is None:
        return []
    name, plan = found
    this_round = loaded.folder.resolve().name
    reviews = reviews_in(files)
    carried = []
    for action in plan.agreed_actions():
        update: dict[str, object] = {
            "carried_from": action.carried_from or name,
            "suggested": False,
            "respondents": 0,
            "share": None,
            "triggered_by": (),
            "priority": action.priority,
        }
        review = reviews.get(action.id)
        if review is not None and review.given:
            status = review.status
            if status is None:
                # No majority: the status stands; the counts are recorded for the officer.
                status = action.status
            entry = HistoryEntry(
                date=on,
                status=status,  # type: ignore[arg-type]
                source="assessment",
                round=this_round,
                note=review.describe(),
                counts=review.given,  # type: ignore[arg-type]
            )
            update["status"] = status
            update["history"] = (*action.history, entry)
        carried.append(action.model_copy(update=update))
    return carried


def carrying_pending(loaded: LoadedRound, files: list[Path]) -> bool:
    """Whether `round plan` has something to carry into this round's plan: an action
    agreed in the previous round's plan that this plan does not have yet, or answers about
    one that it has not taken in (the counts differ from those it last recorded for this
    round). False when the round names no previous round."""
    found = previous_plan(loaded)
    if found is None:
        return False
    agreed = found[1].agreed_actions()
    if not agreed:
        return False
    plan = read_plan(loaded.folder)
    if plan is None:
        return True
    here = {a.id: a for a in plan.actions if a.carried_from}
    if any(a.id not in here for a in agreed):
        return True
    this_round = loaded.folder.resolve().name
    reviews = reviews_in(files)
    for action in agreed:
        review = reviews.get(action.id)
        if review is None or not review.given:
            continue
        recorded = [
            h.counts
            for h in here[action.id].history
            if h.source == "assessment" and h.round == this_round
        ]
        if not recorded or recorded[-1] != review.given:
            return True
    return False
