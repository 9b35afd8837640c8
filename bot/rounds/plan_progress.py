"""What became of the actions agreed in an earlier round: the one definition the plan and
the comparison of two rounds both use.

The actions agreed in the earlier round are the agreed actions of the earlier round's own
plan (``plan.toml``), as it stands. Each is followed into the later round's plan, where
``round plan`` carried it in (``carried_from``) with the status a majority of the later
round's respondents gave it: that plan's status, owner and due date are where it stands
now. Until the later plan has carried it in (no later plan yet, or the action was agreed
after the later plan was last compiled), the earlier plan's own record says where it
stands, and ``carried`` is false so a report can say so. Without the earlier plan, the
later plan's actions carried in from that round (``carried_from`` naming it) stand for it. ``asked`` says whether the later
round's respondents were asked about it at all (an action agreed after its conversations
began was not), and ``said`` has their counts.

Progress counts only what was known at the later round (`known_at_later_round`): where its
conversations asked about the earlier plan (each transcript keeps in its header the agreed
actions it asked about), the actions they asked about, and those the earlier plan had
already recorded as done or dropped before its first conversation began (finished, so not
asked). An action agreed after the later round's conversations began, asked about by none
of them, is not counted (the comparison says how many were left out). Where the later
round asked about none of the earlier plan (folders not linked as rounds), nothing dates
an agreement: the earlier plan's agreed actions are counted, each with the status it had
by the later round's last conversation.

Pure reading: nothing here writes a plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from bot import store
from bot.model.transcript import Transcript
from bot.problems import LoadError
from bot.rounds.folder import round_path
from bot.rounds.plan import Plan, PlanAction, Status, read_plan
from bot.rounds.work import transcript_files

FINISHED_STATUSES = frozenset({"done", "dropped"})
"""The statuses that end an action: a later round does not ask about it."""


@dataclass(frozen=True)
class AgreedOutcome:
    """One action agreed in the earlier round, and what became of it."""

    id: str
    """The framework action's id."""
    ref: str
    """Its short reference in the earlier plan."""
    area: str
    """The area id ("" for the partnership as a whole)."""
    area_title: str
    """The area's title."""
    text: str
    """The action as agreed."""
    owner: str
    """Who owns it now (as agreed, unless changed in the later plan)."""
    due: date | None
    """When it is due now."""
    status: Status
    """Where it stands now."""
    carried: bool
    """Whether the later round's plan carried it in (else the earlier plan says)."""
    asked: bool = False
    """Whether the later round's respondents were asked about it."""
    said: dict[str, int] = field(default_factory=dict)
    """How many of them gave each status (empty when not asked)."""
    disagreed: bool = False
    """Whether they gave no majority status (the status was left for the officer)."""
    respondents_said: str = ""
    """Their counts in words, flagged when they disagree ("" when not asked)."""


def agreed_in(earlier: Plan, later: Plan | None) -> list[AgreedOutcome]:
    """The earlier plan's agreed actions, each as the later plan (if it carried it) has it."""
    carried = {a.id: a for a in later.actions if a.carried_from} if later is not None else {}
    found = []
    for agreed in earlier.agreed_actions():
        found_later = carried.get(agreed.id)
        now: PlanAction = found_later or agreed
        entry = now.said if found_later is not None else None
        asked = entry is not None and entry.round == (later.round if later else "")
        found.append(
            AgreedOutcome(
                id=agreed.id,
                ref=agreed.ref,
                area=agreed.area,
                area_title=agreed.area_title,
                text=now.text,
                owner=now.owner,
                due=now.due,
                status=now.status,
                carried=found_later is not None,
                asked=asked,
                said=dict(entry.counts) if asked and entry is not None else {},
                disagreed=asked and now.disagreed,
                respondents_said=now.respondents_said if asked else "",
            )
        )
    return found


@dataclass(frozen=True)
class LaterRound:
    """What the later round's conversations knew of the earlier plan."""

    asked: frozenset[str] = frozenset()
    """The action ids its conversations asked about (from their headers)."""
    began: date | None = None
    """When its first conversation began (None without conversations)."""
    ended: date | None = None
    """When its last conversation was last written to."""


def later_round(transcripts: Iterable[Transcript]) -> LaterRound:
    """What the later round's conversations knew: the actions they asked about and when
    they ran."""
    asked: set[str] = set()
    began: date | None = None
    ended: date | None = None
    for transcript in transcripts:
        asked.update(item.action for item in transcript.review)
        start, last = transcript.started.date(), transcript.updated.date()
        began = start if began is None else min(began, start)
        ended = last if ended is None else max(ended, last)
    return LaterRound(frozenset(asked), began, ended)


def status_on(action: PlanAction, day: date | None) -> Status:
    """The status the plan recorded for an action by the end of a day: its latest history
    entry dated then or before (not started before any); its status as it stands where it
    has no history or no day is given."""
    if day is None or not action.history:
        return action.status
    before = [h for h in action.history if h.date <= day]
    return before[-1].status if before else "not_started"


def known_at_later_round(
    outcomes: list[AgreedOutcome], earlier: Plan, later: LaterRound
) -> tuple[list[AgreedOutcome], list[AgreedOutcome]]:
    """The outcomes progress counts, and those it leaves out (agreed after the later
    round's conversations began): see the module's rule. An outcome the later plan did
    not carry in is counted with the earlier plan's status by the later round's end."""
    records = {a.id: a for a in earlier.actions}

    def as_then(outcome: AgreedOutcome) -> AgreedOutcome:
        record = records.get(outcome.id)
        if outcome.carried or record is None:
            return outcome
        return replace(outcome, status=status_on(record, later.ended))

    if not later.asked:
        return [as_then(o) for o in outcomes], []
    counted, left_out = [], []
    for outcome in outcomes:
        record = records.get(outcome.id)
        finished_before = (
            record is not None
            and later.began is not None
            and status_on(record, later.began) in FINISHED_STATUSES
        )
        if outcome.id in later.asked or finished_before:
            counted.append(as_then(outcome))
        else:
            left_out.append(outcome)
    return counted, left_out


@dataclass(frozen=True)
class Progress:
    """The actions agreed in an earlier round, as far as the later round knew them."""

    counted: list[AgreedOutcome]
    """What became of the actions the later round knew of."""
    left_out: list[AgreedOutcome] = field(default_factory=list)
    """Actions agreed after the later round's conversations began: not counted."""
    asked_later: frozenset[str] = frozenset()
    """The ids of the actions the later round's conversations asked about."""

    def not_updated(self, outcome: AgreedOutcome) -> bool:
        """Whether an action's status is still the earlier plan's record although the
        later round's conversations asked about it (the later plan has not carried in
        what they said: `round plan` for the later round does)."""
        return outcome.id in self.asked_later and not outcome.carried


def conversations(folder: Path) -> list[Transcript]:
    """The transcripts of a round (those directly in its folder) or of a folder of
    transcripts; those that fail to load are passed over (the comparison lists them)."""
    if round_path(folder).exists():
        files = transcript_files(folder)
    else:
        files = list(store.iter_transcript_files([folder]))
    found = []
    for path in files:
        try:
            found.append(store.load(path).transcript)
        except LoadError:
            continue
    return found


def progress_known(
    old: Path, new: Path, later_transcripts: Iterable[Transcript] | None = None
) -> Progress | None:
    """What became of the actions agreed in the round in folder ``old``, counting only
    what was known at the round in folder ``new`` (see the module's rule); None when
    ``old`` has no plan. ``later_transcripts`` are ``new``'s conversations where they
    have been read already (else they are read here)."""
    found = _earlier_and_later(old, new)
    if found is None:
        return None
    earlier, later = found
    if later_transcripts is None and new.is_dir():
        later_transcripts = conversations(new)
    ran = later_round(later_transcripts) if later_transcripts is not None else LaterRound()
    counted, left_out = known_at_later_round(agreed_in(earlier, later), earlier, ran)
    return Progress(counted, left_out, ran.asked)


def _earlier_and_later(old: Path, new: Path | None) -> tuple[Plan, Plan | None] | None:
    earlier = read_plan(old) if old.is_dir() else None
    later = read_plan(new) if new is not None and new.is_dir() else None
    if earlier is None:
        if later is None:
            return None
        # The earlier plan is not there: the later plan's record of what it carried in
        # from that round (and only from it) stands for it.
        name = old.resolve().name
        carried = tuple(a for a in later.actions if a.carried_from == name)
        if not carried:
            return None
        earlier = Plan(round=name, actions=carried)
    return earlier, later
