"""A round's agreed action plan (``plan.toml`` in the round's folder): the model, reading
and checking it, writing it durably under the round's lock, and the merge rules that keep
hand edits when the plan is compiled again.

The plan lists each action the round's aggregate suggested, written as *proposed*
(``agreed = false``) until the board agrees it, with its owner, due date, status, a short
progress note and the answers that triggered it. Only agreed actions are carried into the
next round's dialogues. Nothing in a plan is ever deleted: an action no longer suggested
stays, marked ``suggested = false``, and every change of status is kept in its history.

Pure: no Textual, no printing. The compile from a round's aggregate is in
`bot.rounds.plan_compile`; the exports in `bot.rounds.plan_export`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import Field, model_validator

from bot.files import write_atomically, writing
from bot.loading import parse_toml, read_text, validate_model
from bot.model.base import SLUG_PATTERN, Flag, Number, Strict, WholeNumber
from bot.problems import LoadError, Problem, display_name, dotted, find_line, suggest
from bot.rounds.folder import locked
from bot.text import clean_input, clean_line

PLAN_FILE = "plan.toml"
PLAN_SCHEMA_VERSION = 1
Status = Literal["not_started", "in_progress", "done", "dropped"]
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "done", "dropped")
"""Every status, from least to most advanced (dropped last: it ends an action)."""
STATUS_LABELS: dict[str, str] = {
    "not_started": "not started",
    "in_progress": "in progress",
    "done": "done",
    "dropped": "dropped",
}
HistorySource = Literal["compiled", "assessment", "edit"]
MAX_TEXT = 2000
"""The longest action text or note kept (the seeds' longest action is under 600)."""
MAX_SHORT = 200
"""Owner, titles and other one-line fields."""
MAX_ACTIONS = 500
MAX_HISTORY = 200
MAX_TRIGGERS = 2000
COUNT_ORDER: tuple[Status, ...] = ("done", "in_progress", "not_started", "dropped")
"""The order respondents' counts are written in."""


def majority(counts: dict[str, int]) -> Status | None:
    """The status more than half of those who gave a status gave, or None (Don't know is
    counted apart: it says nothing about how far an action got).

    The one rule by which respondents move an action's status: a plurality is not enough
    (9 done against 12 not done must not read as done); without a majority the status
    stays as it was and the action is flagged for the officer to decide."""
    given = {s: n for s, n in counts.items() if s in STATUSES and n > 0}
    total = sum(given.values())
    return next((s for s, n in given.items() if 2 * n > total), None)  # type: ignore[misc]


def share_percent(part: int, whole: int) -> str:
    """part of whole as a whole per cent, rounded once from the counts themselves (half
    up: 12 of 22 is 54.5...%, shown 55%), never from an already rounded share; "" when
    whole is 0."""
    if whole <= 0:
        return ""
    return f"{(200 * part + whole) // (2 * whole)}%"


def describe_counts(counts: dict[str, int]) -> str:
    """Such as "9 done, 7 in progress, 5 not started, 1 don't know"."""
    parts = [f"{counts[s]} {STATUS_LABELS[s]}" for s in COUNT_ORDER if counts.get(s)]
    if counts.get("dont_know"):
        parts.append(f"{counts['dont_know']} don't know")
    return ", ".join(parts)


class TriggeredBy(Strict):
    """The answers of one transcript that triggered an action."""

    transcript: str = Field(min_length=1, max_length=100)
    """The transcript's id (its top-level ``id``)."""
    invitee: str = Field(default="", max_length=40)
    """The invitee of the round it belongs to, if any."""
    questions: tuple[str, ...] = Field(default=(), max_length=200)
    """The triggering questions' own numbers (or ids where they have none)."""

    @property
    def words(self) -> str:
        """Who, and the questions in brackets ("i001 (1.5, 1.7)"); no empty brackets
        when the answers behind it name no question (an area's score as a whole). Where
        the round's invitees are at hand, `named` names them as people."""
        return self.named({})

    def named(self, people: Mapping[str, str]) -> str:
        """Who, named as the round report names them (``people``: invitee id -> "Ann
        Archer, Officer", `bot.rounds.plan_export.named_people`), and the questions in
        brackets ("Ann Archer, Officer (T1, T2)"); an invitee the round no longer lists,
        or a transcript of none, by its id."""
        who = people.get(self.invitee, "") or self.invitee or self.transcript
        return f"{who} ({', '.join(self.questions)})" if self.questions else who


class HistoryEntry(Strict):
    """One change of an action's status (or a progress report on it)."""

    date: date
    """When."""
    status: Status
    """The status from then on."""
    source: HistorySource = "edit"
    """compiled (first written), assessment (answers in a later round), or edit."""
    round: str = Field(default="", max_length=MAX_SHORT)
    """The round it was recorded in (its folder's name)."""
    note: str = Field(default="", max_length=MAX_TEXT)
    """What was said, such as "3 done, 1 in progress"."""
    counts: dict[Status, WholeNumber] = Field(default_factory=dict)
    """For an assessment: how many respondents gave each status."""


class PlanAction(Strict):
    """One suggested action, proposed or agreed, and how far it has got."""

    id: str = Field(pattern=SLUG_PATTERN, max_length=100)
    """The framework action's id: the key that merges and carries it."""
    ref: str = Field(min_length=1, max_length=40)
    """Short reference for the command line, the screen and the exports: the seed's own
    ("2a", "R2"), else the area's number and a number given when the action first entered
    a plan ("7.1"), kept for good; see `bot.rounds.plan_compile.with_refs`."""
    area: str = Field(default="", max_length=100)
    """The area's id."""
    area_title: str = Field(default="", max_length=MAX_SHORT)
    """The area's title."""
    letter: str = Field(default="", max_length=10)
    """The seed's letter within its area ("a") or its own label for the action ("R2"), or
    empty."""
    source: str = Field(default="", max_length=MAX_SHORT)
    """Where in the seed it comes from, such as "Appendix A, 1 a)"."""
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    """The action, in the seed's words (may be edited)."""
    owner: str = Field(default="", max_length=MAX_SHORT)
    """Who is responsible (the framework's suggested owner until changed)."""
    due: date | None = None
    """When it is due (three, six or twelve months after compiling, by priority, until changed)."""
    agreed: Flag = False
    """Whether the board agreed it; only agreed actions are asked about next round."""
    status: Status = "not_started"
    """not_started, in_progress, done or dropped."""
    note: str = Field(default="", max_length=MAX_TEXT)
    """A short progress note."""
    priority: Literal["low", "medium", "high", ""] = ""
    """The aggregate's priority when last compiled."""
    respondents: WholeNumber = Field(default=0, ge=0)
    """How many respondents' answers suggested it when last compiled."""
    share: Number | None = Field(default=None, ge=0, le=100)
    """Their share of respondents, per cent."""
    suggested: Flag = True
    """Whether the latest compile suggested it (false: kept, but no longer suggested)."""
    carried_from: str = Field(default="", max_length=MAX_SHORT)
    """The earlier round whose plan it was agreed in, for an action carried on."""
    triggered_by: tuple[TriggeredBy, ...] = Field(default=(), max_length=MAX_TRIGGERS)
    """The answers that triggered it, per transcript."""
    history: tuple[HistoryEntry, ...] = Field(default=(), max_length=MAX_HISTORY)
    """Every status it has had, oldest first."""

    @property
    def status_label(self) -> str:
        """The status in words."""
        return STATUS_LABELS[self.status]

    @property
    def said(self) -> HistoryEntry | None:
        """The latest report of respondents on it (a history entry from an assessment)."""
        return next((h for h in reversed(self.history) if h.source == "assessment"), None)

    @property
    def respondents_said(self) -> str:
        """What the latest round's respondents said about it, with the counts, and whether
        that moved its status; "" when no respondent was asked about it."""
        entry = self.said
        if entry is None or not entry.counts:
            return ""
        # The note has Don't know too (counts keep only statuses).
        counts = entry.note or describe_counts(entry.counts)
        where = f" in {entry.round}" if entry.round else ""
        if majority(entry.counts) is None:
            return (
                f"respondents disagree{where}: {counts}; no majority, so the status was "
                "left for the officer to decide"
            )
        return f"respondents{where}: {counts}"

    @property
    def disagreed(self) -> bool:
        """Whether the latest respondents asked about it gave no majority status."""
        entry = self.said
        return entry is not None and bool(entry.counts) and majority(entry.counts) is None


class Plan(Strict):
    """A round's action plan."""

    schema_version: WholeNumber = Field(default=PLAN_SCHEMA_VERSION, alias="schema")
    """The plan format version."""
    round: str = Field(default="", max_length=MAX_SHORT)
    """The round's folder name."""
    title: str = Field(default="", max_length=MAX_SHORT)
    """The round's title."""
    partnership: str = Field(default="", max_length=MAX_SHORT)
    """The partnership."""
    period: str = Field(default="", max_length=40)
    """The round's period, such as "2009/10"."""
    framework: str = Field(default="", max_length=100)
    """The framework id."""
    compiled: datetime | None = None
    """When the plan was last compiled from the round's answers."""
    respondents: WholeNumber = Field(default=0, ge=0)
    """How many respondents' transcripts the last compile read."""
    actions: tuple[PlanAction, ...] = Field(default=(), max_length=MAX_ACTIONS)
    """The actions, in the framework's order (carried ones first)."""

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _check(self) -> Plan:
        if self.schema_version != PLAN_SCHEMA_VERSION:
            raise ValueError(
                f"plan schema {self.schema_version} is not supported "
                f"(this version reads schema {PLAN_SCHEMA_VERSION})"
            )
        return self

    def find(self, ref: str) -> PlanAction | None:
        """The action with this ref or id (case ignored), if any; a ref may be given as the
        reports label it ("Action 1.1")."""
        key = ref.strip().casefold()
        key = key.removeprefix("action").strip() if key.startswith("action ") else key
        return next((a for a in self.actions if key in (a.ref.casefold(), a.id.casefold())), None)

    def agreed_actions(self) -> tuple[PlanAction, ...]:
        """The actions the board agreed."""
        return tuple(a for a in self.actions if a.agreed)


def plan_path(folder: Path) -> Path:
    """The plan.toml of a round folder."""
    return folder / PLAN_FILE


# ----- reading ---------------------------------------------------------------------------


def load_plan_text(text: str, name: str) -> Plan:
    """A plan from plan.toml's text, checked; every problem is listed at once."""
    plan = validate_model(Plan, parse_toml(text, name), name, text)
    problems = _duplicate_problems(plan, name, text)
    if problems:
        raise LoadError(problems)
    return plan


def read_plan(folder: Path) -> Plan | None:
    """The round's plan, checked, or None when it has none yet."""
    path = plan_path(folder)
    if not path.exists() and not path.is_symlink():
        return None
    _, text = read_text(path, "plan file")
    return load_plan_text(text, display_name(path))


def _duplicate_problems(plan: Plan, name: str, text: str) -> list[Problem]:
    problems = []
    for attribute in ("id", "ref"):
        seen: set[str] = set()
        for index, action in enumerate(plan.actions):
            key = getattr(action, attribute).casefold()
            if key in seen:
                loc: list[str | int] = ["actions", index, attribute]
                problems.append(
                    Problem(
                        name,
                        dotted(loc),
                        f'{attribute} "{getattr(action, attribute)}" is used twice; '
                        "each action needs its own",
                        find_line(text, loc),
                    )
                )
            seen.add(key)
    return problems


# ----- writing ---------------------------------------------------------------------------


def encode(plan: Plan) -> str:
    """A plan as TOML text (empty values left out, keys in the documented order)."""
    data = plan.model_dump(mode="python", by_alias=True, exclude_none=True)
    actions = data.pop("actions")
    text = tomli_w.dumps({k: v for k, v in data.items() if v != ""})
    for action in actions:
        keep = {
            k: v
            for k, v in action.items()
            if k in ("agreed", "status", "suggested") or v not in ("", (), [], None)
        }
        lists = {key: keep.pop(key) for key in ("triggered_by", "history") if key in keep}
        text += "\n" + tomli_w.dumps({"actions": [keep]})
        for key, items in lists.items():
            # One line per item, as inline tables: a plan is read and edited by hand.
            rows = "".join(f"    {_inline(item)},\n" for item in items)
            text += f"{key} = [\n{rows}]\n"
    return text


def _inline(value: object) -> str:
    """A value as inline TOML (strings, numbers, booleans, dates, lists, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # JSON's escapes are TOML's, with non-ASCII escaped too; DEL must be escaped.
        return json.dumps(value).replace("\x7f", "\\u007f")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        items = [f"{k} = {_inline(v)}" for k, v in value.items() if v not in ("", {}, None)]
        return "{ " + ", ".join(items) + " }"
    raise TypeError(f"cannot write {type(value).__name__} in a plan")


def save_plan(folder: Path, plan: Plan) -> None:
    """Replace plan.toml atomically and durably (the caller holds the round's lock); what
    is written is read back and checked before it replaces the old file."""
    path = plan_path(folder)

    def reads_back(temporary: Path) -> None:
        load_plan_text(temporary.read_text(encoding="utf-8"), display_name(path))

    with writing(path):
        write_atomically(path, encode(plan), check=reads_back)


def update_plan(folder: Path, change: Callable[[Plan | None], Plan]) -> Plan:
    """Read the plan, change it and write it back, all under the round's lock, so that
    two processes changing one plan never lose each other's changes."""
    with writing(plan_path(folder)), locked(folder):
        plan = change(read_plan(folder))
        save_plan(folder, plan)
    return plan


# ----- changing --------------------------------------------------------------------------


def parse_status(word: str) -> Status:
    """A status from what was typed ("done", "in progress", "in-progress", "not started")."""
    key = re.sub(r"[\s-]+", "_", word.strip().casefold())
    if key in STATUSES:
        return key  # type: ignore[return-value]
    labels = list(STATUS_LABELS.values())
    raise ValueError(
        f'"{word}" is not a status; use one of: {", ".join(labels)}' + suggest(word, labels)
    )


def edit_action(
    plan: Plan,
    ref: str,
    on: date,
    *,
    round_name: str = "",
    status: Status | None = None,
    owner: str | None = None,
    due: date | None = None,
    note: str | None = None,
    agreed: bool | None = None,
) -> Plan:
    """The plan with one action changed; a change of status is added to its history."""
    action = plan.find(ref)
    if action is None:
        raise KeyError(no_such_action(plan, ref))
    update: dict[str, object] = {}
    # Typed words stored as every front end stores them: an owner as a field of one line
    # (`clean_line`, as an invitee's name), a note as any note (`clean_input`).
    if owner is not None:
        update["owner"] = clean_line(owner)
    if due is not None:
        update["due"] = due
    if note is not None:
        update["note"] = clean_input(note)
    if agreed is not None:
        update["agreed"] = agreed
    if status is not None and status != action.status:
        update["status"] = status
        entry = HistoryEntry(date=on, status=status, source="edit", round=round_name)
        update["history"] = (*action.history, entry)
    changed = PlanAction.model_validate(action.model_dump() | update)
    return _replace_action(plan, changed)


def agree(plan: Plan, refs: Iterable[str], agreed: bool = True) -> Plan:
    """The plan with the named actions (refs or ids, or "all") agreed (or not)."""
    wanted = [r.strip() for r in refs if r.strip()]
    if any(r.casefold() == "all" for r in wanted):
        wanted = [a.ref for a in plan.actions if a.suggested or a.agreed]
    missing = [r for r in wanted if plan.find(r) is None]
    if missing:
        raise KeyError("; ".join(no_such_action(plan, r) for r in missing))
    for ref in wanted:
        action = plan.find(ref)
        assert action is not None
        plan = _replace_action(plan, action.model_copy(update={"agreed": agreed}))
    return plan


def no_such_action(plan: Plan, ref: str) -> str:
    """The message for a ref naming no action, with the refs there are (a misspelt id, still
    taken, is suggested too)."""
    refs = [a.ref for a in plan.actions]
    shown = ", ".join(refs[:30]) + (" ..." if len(refs) > 30 else "")
    likely = suggest(ref, [*refs, *(a.id for a in plan.actions)])
    return f'no action "{ref}" in the plan{likely} (the actions are: {shown or "none"})'


def _replace_action(plan: Plan, changed: PlanAction) -> Plan:
    actions = tuple(changed if a.id == changed.id else a for a in plan.actions)
    return plan.model_copy(update={"actions": actions})


def merge(old: Plan | None, new: Plan) -> Plan:
    """A freshly compiled plan merged into the one on disk, keeping every hand edit.

    Kept from the old plan for an action already in it: text, owner, due, agreed,
    status, note, carried_from and history (the board's decisions and the officers'
    words). Taken from the new compile: area, letter, source, priority, respondents,
    share, triggered_by and suggested. An action in the old plan that the compile no
    longer suggests stays, marked ``suggested = false``; nothing is ever removed.
    New actions are added with the compile's defaults. A status reported by a later
    round's answers (a history entry from an assessment the old plan lacks) is applied
    when a majority gave it. An action carried in from the previous round's plan for the
    first time replaces this plan's own proposal of it: it keeps the text, owner, due date,
    agreement and status agreed there (and this plan's history of it).
    """
    if old is None:
        return new
    before = {a.id: a for a in old.actions}
    actions: list[PlanAction] = []
    for fresh in new.actions:
        kept = before.pop(fresh.id, None)
        actions.append(fresh if kept is None else _merge_action(kept, fresh))
    if not new.respondents:
        # Nothing was compiled (no complete transcript could be read): what the plan
        # says stands, rather than every action turning "no longer suggested".
        return new.model_copy(
            update={"actions": (*actions, *before.values()), "respondents": old.respondents}
        )
    for left in before.values():  # no longer suggested: kept, marked
        actions.append(
            left.model_copy(
                update={"suggested": False, "respondents": 0, "share": None, "triggered_by": ()}
            )
        )
    return new.model_copy(update={"actions": tuple(actions)})


def _merge_action(kept: PlanAction, fresh: PlanAction) -> PlanAction:
    if fresh.carried_from and not kept.carried_from:
        # Carried in for the first time over this round's own suggestion of the same
        # action: one action, the one agreed earlier, with its text, owner, due date and
        # status as agreed; this round's suggestion shows as "suggested again".
        history = [*fresh.history, *(h for h in kept.history if h not in fresh.history)]
        return fresh.model_copy(update={"history": tuple(history), "note": fresh.note or kept.note})
    history = list(kept.history)
    status = kept.status
    for entry in fresh.history:
        if entry.source == "compiled" and history:
            continue  # first written long ago: its own entry is kept
        same = [h for h in history if h.source == entry.source and h.round == entry.round]
        if entry.source == "assessment" and same:
            if same[-1].counts == entry.counts:
                continue  # already applied; a hand edit since then stands
            history.remove(same[-1])
        if entry not in history:
            history.append(entry)
            if entry.source != "assessment" or majority(entry.counts) is not None:
                # Respondents without a majority leave the status as it stands.
                status = entry.status
    return kept.model_copy(
        update={
            "area": fresh.area,
            "area_title": fresh.area_title,
            "letter": fresh.letter,
            "source": fresh.source,
            "priority": fresh.priority or kept.priority,
            "respondents": fresh.respondents,
            "share": fresh.share,
            "triggered_by": fresh.triggered_by,
            "suggested": fresh.suggested,
            "carried_from": kept.carried_from or fresh.carried_from,
            "status": status,
            "history": tuple(history),
        }
    )
