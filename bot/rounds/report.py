"""A round's report: the aggregate of its invitees' transcripts, as ``report --aggregate``
makes it, with the response rate, non-response by role and sector, and who is outstanding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.catalogue import Catalogue
from bot.report.aggregate import OTHER_ROLES, OTHER_SECTORS, aggregate_data, aggregate_redactors
from bot.report.owners import with_agreed_plan
from bot.report.redact import redacted
from bot.rounds.labels import FAULT_STATES, STATE_LABELS
from bot.rounds.plan import read_plan
from bot.rounds.state import Group
from bot.rounds.work import Snapshot
from bot.scoring.aggregate import AggregateRun, Filters, aggregate
from bot.scoring.small_groups import pooled
from bot.scoring.versions import aggregate_framework


def round_data(shot: Snapshot, anonymise: bool) -> dict[str, Any]:
    """The round's response figures as JSON-able data (no names when anonymised)."""
    round_ = shot.loaded.round
    overall = shot.progress.overall

    def groups(found: dict[str, Group], other: str) -> list[dict[str, Any]]:
        if anonymise:
            # Roles or sectors of fewer than MIN_GROUP invitees are pooled (one rule), so
            # who of a group of one or two responded cannot be read off.
            found = _pooled_groups(found, other)
        return [
            {
                "name": name,
                "invited": g.invited,
                "responded": g.complete,
                "not_responded": g.outstanding,
                "rate": g.rate,
            }
            for name, g in found.items()
        ]

    outstanding = [
        {
            "id": s.invitee.id,
            "name": s.invitee.name,
            "organisation": s.invitee.organisation,
            "role": s.invitee.role,
            "sector": s.invitee.sector,
            "mode": s.invitee.mode,
            "state": STATE_LABELS[s.state],
            "attempts": s.attempts,
        }
        for s in shot.invitees
        if s.state != "complete"
    ]
    return {
        "title": round_.title,
        "partnership": round_.partnership,
        "period": round_.period,
        "invited": overall.invited,
        "responded": overall.complete,
        "rate": overall.rate,
        "headline": shot.progress.counted(),
        # As `round status` counts them: a fault (a transcript unreadable) only when met.
        "states": {
            STATE_LABELS[k]: v for k, v in overall.counts.items() if v or k not in FAULT_STATES
        },
        "by_role": groups(shot.progress.by_role, OTHER_ROLES),
        "by_sector": groups(shot.progress.by_sector, OTHER_SECTORS),
        "by_mode": groups(shot.progress.by_mode, "Other"),
        "outstanding": [] if anonymise else outstanding,
        "outstanding_count": len(outstanding),
    }


def _pooled_groups(found: dict[str, Group], other: str) -> dict[str, Group]:
    """The groups with those of fewer than MIN_GROUP invitees pooled as ``other``, last."""
    names = pooled({name: g.invited for name, g in found.items()}, other)
    merged: dict[str, Group] = {}
    for name, group in found.items():
        into = merged.setdefault(names[name], Group())
        into.invited += group.invited
        for state, count in group.counts.items():
            into.counts[state] += count
    return dict(sorted(merged.items(), key=lambda kv: (kv[0] == other, kv[0])))


def round_report(
    shot: Snapshot,
    catalogue: Catalogue,
    anonymise: bool = False,
    include_unfinished: bool = False,
    current: bool = False,
    cache_folder: Any = None,
) -> tuple[dict[str, Any] | None, AggregateRun, dict[str, Any]]:
    """The aggregate of the invitees' transcripts (None when no one has responded yet), what
    the aggregate left out, and the round's response figures.

    One transcript per invitee is compiled: their complete one (the newest if several),
    or with ``include_unfinished`` their newest unfinished one too.
    """
    files = compiled_files(shot, include_unfinished)
    filters = Filters(framework=shot.loaded.round.framework, include_unfinished=include_unfinished)
    response = round_data(shot, anonymise)
    totals, run = aggregate(files, catalogue, filters, current=current, cache_folder=cache_folder)
    framework_totals = totals.get(shot.loaded.round.framework)
    if framework_totals is None:
        return None, run, response
    # A reader holds the invitee list: their names and organisations are taken out of
    # the respondents' words too, not only those the transcripts' headers give.
    known = invitees_known(shot)
    # Laid out with the versions the transcripts were taken with (one rule).
    loaded, notes = aggregate_framework(
        shot.loaded.round.framework, framework_totals, files, catalogue
    )
    run.warnings.update(notes)
    data = aggregate_data(
        shot.loaded.round.framework,
        framework_totals,
        run,
        catalogue,
        filters,
        anonymise,
        loaded,
        small_groups=anonymise,
        known=known,
    )
    # The board's agreed owners, due dates and status, where it agreed them (one rule).
    data["actions"], data["owners_note"] = with_agreed_plan(
        data["actions"], read_plan(shot.loaded.folder)
    )
    if anonymise:
        # An agreed owner is the board's words: a person it names is taken out too.
        redact, board = aggregate_redactors(framework_totals, known)
        data["actions"] = redacted(data["actions"], redact, board=board)
    if not include_unfinished:
        data["left_out"] = left_out(shot, data["left_out"])
    data["round"] = response
    return data, run, response


def invitees_known(shot: Snapshot) -> tuple[list[str], list[str]]:
    """The names and organisations of a round's invitees, which every anonymised output of
    the round takes out (its report and a comparison with it)."""
    invitees = shot.loaded.round.invitees
    return [i.name for i in invitees], [i.organisation for i in invitees]


def compiled_files(shot: Snapshot, include_unfinished: bool = False) -> list[Path]:
    """The transcripts a round's report compiles: each invitee's complete one (with
    ``include_unfinished``, their newest unfinished one too)."""
    # Unreachable too: a wrong number found part way through an interview leaves their
    # unfinished transcript.
    unfinished = ("in_progress", "refused", "abandoned", "unreachable")
    wanted = ("complete", *unfinished) if include_unfinished else ("complete",)
    # A transcript that fails to load is given to the aggregate all the same, which lists
    # it among those that failed to load, as `round status` says "transcript unreadable".
    # So is one whose header names no invitee of the round: whose it is cannot be told.
    return [
        *(s.transcript for s in shot.invitees if s.transcript and s.state in wanted),
        *(s.unreadable for s in shot.invitees if s.state == "unreadable" and s.unreadable),
        *shot.unplaced,
    ]


def left_out(shot: Snapshot, compiled: dict[str, Any]) -> dict[str, Any]:
    """What the round's report leaves out, counted as ``round status`` counts it.

    Only complete transcripts are compiled, so the aggregate itself never sees an
    unfinished one; the figures come from the invitees' states instead: in progress (as
    status shows, whether or not a transcript was begun), abandoned (a transcript given up
    part way), refused part way (a refusal logged after a transcript was begun),
    unreachable part way (a wrong number found after one was begun), and
    transcripts in the folder that name no invitee of the round, which
    ``report --aggregate`` on the folder counts but the round does not.
    """
    in_progress = sum(1 for s in shot.invitees if s.state == "in_progress")
    abandoned = sum(1 for s in shot.invitees if s.state == "abandoned" and s.transcript)
    refused = sum(1 for s in shot.invitees if s.state == "refused" and s.transcript)
    unreachable = sum(1 for s in shot.invitees if s.state == "unreachable" and s.transcript)
    no_transcript = sum(
        1 for s in shot.invitees if s.state == "in_progress" and s.transcript is None
    )
    unlinked = len(shot.unlinked)
    parts = [f"{in_progress} in progress, as in round status"]
    if no_transcript:
        parts.append(f"of whom {no_transcript} with no transcript yet (interview started)")
    parts.append(f"{abandoned} abandoned")
    if refused:
        parts.append(f"{refused} refused part way")
    if unreachable:
        parts.append(f"{unreachable} unreachable part way (a wrong number)")
    if unlinked:
        parts.append(f"{unlinked} transcript(s) in the folder of no invitee of the round")
    return compiled | {
        "unfinished": in_progress + abandoned + refused + unreachable + unlinked,
        "in_progress": in_progress,
        "abandoned": abandoned,
        "refused_part_way": refused,
        "unreachable_part_way": unreachable,
        "unlinked": unlinked,
        "detail": "; ".join(parts),
    }
