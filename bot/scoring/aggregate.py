"""Many transcripts of one framework compiled into one aggregate.

Transcripts are summarised (parsed and scored) in worker processes, one file at a
time, and only running totals are kept, so memory does not grow with the number
of transcripts. A cache keyed by each file's content (and the installed
frameworks) lets a repeated aggregate over unchanged files skip parsing.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import pickle
import re
import sqlite3
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from bot.catalogue import Catalogue
from bot.facts import weighted_mean
from bot.loading import LoadedFramework, file_hash
from bot.problems import display_name
from bot.remembered import default_cache_folder as default_cache_folder
from bot.scoring.compile import band_for, priority_for
from bot.scoring.results import WHOLE_TITLE
from bot.scoring.summary import (
    SUMMARY_VERSION,
    Result,
    Summary,
    cache_file,
    init_worker,
    summarise_path,
)

PARALLEL_FROM = 64
"""Fewer files than this are summarised in this process (starting workers costs more)."""
CONFLICT_SHARE = 30.0
CONSENSUS_SHARE = 80.0
MIN_FOR_PATTERN = 5
PRIORITIES = ("low", "medium", "high")
WIDE_SHARE = 50.0
"""An aggregate action called for by at least this share of respondents (%) is one step higher."""
NARROW_SHARE = 25.0
"""An aggregate action called for by less than this share of respondents (%) is one step lower."""
ORDERS = ("framework", "published")
"""How aggregate statements can be listed: by area as the framework has them, or by number."""


def percentage(count: int, total: int) -> float | None:
    """count/total as a percentage rounded half up to one decimal place, as published tables are."""
    if total == 0:
        return None
    return float(
        (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    )


@dataclass
class Filters:
    """Which transcripts to include."""

    framework: str | None = None
    partnership: str | None = None
    role: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    include_unfinished: bool = False

    def admits(self, summary: Summary) -> bool:
        """Whether a transcript passes the filters."""
        checks = (
            (self.framework, summary.framework_id),
            (self.partnership, summary.partnership),
            (self.role, summary.role),
            (self.sector, summary.sector),
        )
        if any(
            wanted is not None and wanted.casefold() != actual.casefold()
            for wanted, actual in checks
        ):
            return False
        if self.since and summary.started < self.since:
            return False
        return not (self.until and summary.started > self.until)

    def describe(self) -> dict[str, str]:
        """The filters that are set."""
        return {k: str(v) for k, v in vars(self).items() if v not in (None, False)}


@dataclass
class _Spread:
    count: int = 0
    total: float = 0.0
    squares: float = 0.0
    low: float = math.inf
    high: float = -math.inf

    def add(self, value: float) -> None:
        self.count += 1
        self.total += value
        self.squares += value * value
        self.low = min(self.low, value)
        self.high = max(self.high, value)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    @property
    def sd(self) -> float | None:
        if self.count < 2:
            return None
        variance = (self.squares - self.total * self.total / self.count) / (self.count - 1)
        return math.sqrt(max(variance, 0.0))


@dataclass
class _Totals:
    """Running totals for one framework."""

    title: str = ""
    version: str = ""
    respondents: int = 0
    answers: dict[str, dict[str, int]] = field(default_factory=dict)
    areas: dict[str, _Spread] = field(default_factory=dict)
    by_role: dict[tuple[str, str], _Spread] = field(default_factory=dict)
    by_sector: dict[tuple[str, str], _Spread] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    needs: dict[str, _Spread] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    triggered_by: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    """action id -> (transcript id, triggering question ids) per respondent, for a plan."""
    roles: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)
    calls: list[float] = field(default_factory=list)
    """The length of each timed telephone call, for the total and the median."""

    def add(self, summary: Summary) -> None:
        self.title, self.version = summary.framework_title, summary.framework_version
        self.respondents += 1
        if summary.call_seconds is not None:
            self.calls.append(summary.call_seconds)
        role = summary.role or "(not given)"
        sector = summary.sector or "(not given)"
        self.roles[role] = self.roles.get(role, 0) + 1
        self.sectors[sector] = self.sectors.get(sector, 0) + 1
        for question, (kind, _) in summary.answers.items():
            counts = self.answers.setdefault(question, {})
            counts[kind] = counts.get(kind, 0) + 1
        for area, score in summary.areas.items():
            if score is None:
                continue
            self.areas.setdefault(area, _Spread()).add(score)
            self.by_role.setdefault((area, role), _Spread()).add(score)
            self.by_sector.setdefault((area, sector), _Spread()).add(score)
        for action, fired in summary.actions.items():
            self.actions[action] = self.actions.get(action, 0) + 1
            self.needs.setdefault(action, _Spread()).add(fired.need)
            kept = self.quotes.setdefault(action, [])
            kept.extend(fired.quotes[: max(0, 3 - len(kept))])
            self.triggered_by.setdefault(action, []).append((summary.transcript_id, fired.triggers))


@dataclass
class AggregateRun:
    """What an aggregate run found, besides the totals."""

    failed: list[tuple[str, str]] = field(default_factory=list)
    """Files that did not load, with the reason."""
    unfinished: int = 0
    """In-progress or abandoned transcripts left out."""
    filtered: int = 0
    """Transcripts the filters left out."""
    warnings: set[str] = field(default_factory=set)
    """Warnings from scoring, each once."""
    cached: int = 0
    """Summaries taken from the cache."""


class CacheWriter:
    """The parent's side of the summary cache: it alone writes."""

    def __init__(self, folder: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if folder is None:
            return
        path = cache_file(folder, create=True)
        if path is None:
            return
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("pragma journal_mode=wal")
            self.db.execute("create table if not exists summary (key text primary key, value blob)")
            self.db.commit()
        except (OSError, sqlite3.Error):
            self.db = None

    def put(self, key: str, summary: Summary) -> None:
        """Remember a summary."""
        if self.db is not None:
            try:
                self.db.execute(
                    "insert or replace into summary values (?, ?)", (key, pickle.dumps(summary))
                )
            except sqlite3.Error:
                self.db = None

    def close(self) -> None:
        """Save what was remembered."""
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.commit()
                self.db.close()


def aggregate(
    paths: Iterable[Path],
    catalogue: Catalogue,
    filters: Filters,
    current: bool = False,
    cache_folder: Path | None = None,
    workers: int | None = None,
) -> tuple[dict[str, _Totals], AggregateRun]:
    """Totals per framework over the transcripts, and what was left out and why."""
    context = f"{SUMMARY_VERSION}|{current}|" + ",".join(sorted(_installed_hashes(catalogue)))
    writer = CacheWriter(cache_folder)
    totals: dict[str, _Totals] = {}
    run = AggregateRun()
    try:
        folders = (
            catalogue.framework_folders,
            catalogue.dialogue_folders,
            catalogue.origins,
            catalogue.hints,
        )
        # In a fixed order, and summaries taken in that order (not as workers finish):
        # which quotes are kept, and the float sums, depend on the order.
        files = sorted({str(p) for p in paths})
        # One summary per transcript id: a copied file is the same respondent, counted once.
        kept: dict[str, tuple[str, Summary]] = {}
        for result in _results(files, current, context, cache_folder, workers, folders):
            if result.summary is None:
                run.failed.append((display_name(Path(result.path)), result.error))
                continue
            if result.cached:
                run.cached += 1
            else:
                writer.put(result.key, result.summary)
            left_out = _keep_once(kept, result.path, result.summary)
            if left_out is not None:
                run.failed.append(left_out)
        for _, summary in sorted(kept.values(), key=lambda item: item[0]):
            if not filters.admits(summary):
                run.filtered += 1
            elif summary.status != "complete" and not filters.include_unfinished:
                run.unfinished += 1
            else:
                run.warnings.update(summary.warnings)
                totals.setdefault(summary.framework_id, _Totals()).add(summary)
    finally:
        writer.close()
    return totals, run


def _advance(summary: Summary) -> tuple[bool, int, str]:
    """How far a transcript went: complete first, then more turns, then the latest updated."""
    return (summary.status == "complete", summary.turns, summary.updated)


def _age(path: str) -> tuple[float, str]:
    """The file's modification time, then its name."""
    try:
        return os.stat(path).st_mtime, path
    except OSError:
        return math.inf, path


def _keep_once(
    kept: dict[str, tuple[str, Summary]], path: str, summary: Summary
) -> tuple[str, str] | None:
    """Keep one summary per transcript id, the most advanced (on a tie, the older file, the
    original rather than a copy, then the first by name, so the choice does not depend on
    the order files were read); return the file left out with the reason, or None."""
    key = summary.transcript_id or f"file:{path}"  # a summary without an id stands alone
    other = kept.get(key)
    if other is None:
        kept[key] = (path, summary)
        return None
    mine, theirs = _advance(summary), _advance(other[1])
    if mine > theirs or (mine == theirs and _age(path) < _age(other[0])):
        kept[key] = (path, summary)
        other, path = (path, summary), other[0]
    name = display_name(Path(path))
    return (
        name,
        f"same transcript as {display_name(Path(other[0]))} (id {summary.transcript_id}), counted once",
    )


def _results(
    paths: list[str],
    current: bool,
    context: str,
    cache: Path | None,
    workers: int | None,
    folders: tuple[list[Path], list[Path], dict[Path, str], dict[str, str]] | None = None,
) -> Iterator[Result]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if len(paths) < PARALLEL_FROM or count < 2:
        init_worker(current, context, cache, folders)
        yield from map(summarise_path, paths)
        return
    # spawn, not fork: the app may call this with threads running.
    setup = (current, context, cache, folders)
    pool = multiprocessing.get_context("spawn").Pool(count, init_worker, setup)
    try:
        yield from pool.imap(summarise_path, paths, chunksize=32)
    finally:
        pool.terminate()
        pool.join()


def _installed_hashes(catalogue: Catalogue) -> list[str]:
    # The files' hashes are enough to tell when the installed frameworks change: there is
    # no need to load (and check) each one.
    hashes = []
    for path in catalogue.framework_files().values():
        with contextlib.suppress(OSError):
            hashes.append(file_hash(path.read_bytes()))
    return hashes


def aggregate_data(
    framework_id: str,
    totals: _Totals,
    run: AggregateRun,
    catalogue: Catalogue,
    filters: Filters,
    anonymise: bool,
    loaded: LoadedFramework | None = None,
    order: str = "framework",
) -> dict[str, Any]:
    """An aggregate as JSON-able data for the templates (names never appear in it); the
    framework is ``loaded`` when given, else found by id. Statements are listed by area
    in the framework's order, or in the published order (by their own numbers) when
    ``order`` is "published"."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    loaded = loaded or catalogue.framework(framework_id)
    framework = loaded.framework
    areas = []
    roles = sorted(totals.roles)
    sectors = sorted(totals.sectors)
    for area in framework.areas:
        spread = totals.areas.get(area.id, _Spread())
        mean = spread.mean
        areas.append(
            {
                "id": area.id,
                "title": area.title,
                "n": spread.count,
                "score": _r(mean),
                "sd": _r(spread.sd),
                "min": _r(spread.low if spread.count else None),
                "max": _r(spread.high if spread.count else None),
                "rag": _band(band_for(mean, framework.bands.rag)),
                "by_role": {r: _r(totals.by_role.get((area.id, r), _Spread()).mean) for r in roles},
                "by_sector": {
                    s: _r(totals.by_sector.get((area.id, s), _Spread()).mean) for s in sectors
                },
            }
        )
    statements: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for area in framework.areas:
        for question in area.questions:
            counts = totals.answers.get(question.id)
            if not counts or question.kind == "text" or question.fact:
                continue
            # Not applicable is an abstention that is not counted among those asked.
            n = sum(v for k, v in counts.items() if k != "not_applicable")
            if not n:
                continue
            row = {
                "id": question.id,
                "number": question.number,
                "text": question.text,
                "area": area.title,
                "n": n,
                "agree": percentage(counts.get("agree", 0), n),
                "dont_know": percentage(counts.get("dont_know", 0), n),
                "disagree": percentage(counts.get("disagree", 0), n),
                "counts": dict(sorted(counts.items())),
                "pattern": _pattern(counts, n),
                "benchmark": None,
            }
            if question.benchmark is not None:
                mark = question.benchmark
                row["benchmark"] = {
                    "source": mark.source,
                    "n": mark.n,
                    "agree": mark.agree,
                    "dont_know": mark.dont_know,
                    "disagree": mark.disagree,
                    "agree_difference": _diff(row["agree"], mark.agree),
                    "dont_know_difference": _diff(row["dont_know"], mark.dont_know),
                    "disagree_difference": _diff(row["disagree"], mark.disagree),
                    "note": _note_for(notes, mark.source, mark.n),
                }
            statements.append(row)
    if order == "published":
        statements.sort(key=lambda s: published_key(s["number"]))
    actions = []
    # Each area's actions, then the framework's own (for the partnership as a whole).
    listed = [(area.id, area.title, area.actions) for area in framework.areas]
    listed.append(("", WHOLE_TITLE, framework.actions))
    for area_id, area_title, area_actions in listed:
        for action in area_actions:
            count = totals.actions.get(action.id, 0)
            if not count:
                continue
            share = count / totals.respondents if totals.respondents else 0
            need = totals.needs[action.id].mean if action.id in totals.needs else None
            actions.append(
                {
                    "id": action.id,
                    "area": area_id,
                    "area_title": area_title,
                    "letter": action.letter,
                    "source": action.source,
                    "text": action.text,
                    "respondents": count,
                    "share": _r(share * 100),
                    "need": _r(need),
                    "priority": aggregate_priority(need, share * 100),
                    "owner": action.owner,
                    "smart": action.smart,
                    "quotes": totals.quotes.get(action.id, []),
                }
            )
    actions.sort(key=lambda a: -a["respondents"])
    # The mean of the area means, weighted by the areas' weights, as in a single report.
    weights = {area.id: area.weight for area in framework.areas}
    overall = weighted_mean((a["score"], weights[a["id"]]) for a in areas)
    return {
        "report_schema": 1,
        "kind": "aggregate",
        "anonymised": anonymise,
        "framework": {
            "id": framework.id,
            "title": framework.title,
            "version": framework.version,
            "source": framework.source.document,
        },
        "respondents": totals.respondents,
        "filters": filters.describe(),
        "left_out": {"unfinished": run.unfinished, "filtered": run.filtered},
        "failed": [{"file": f, "reason": r} for f, r in run.failed],
        "warnings": sorted(run.warnings),
        "roles": {r: totals.roles[r] for r in roles},
        "sectors": {s: totals.sectors[s] for s in sectors},
        "overall": {
            "score": _r(overall),
            "rag": _band(band_for(overall, framework.bands.rag)),
            "stage": _band(band_for(overall, framework.bands.stages)),
            "stages": [_band(s) for s in sorted(framework.bands.stages, key=lambda s: s.min)],
        },
        "calls": _calls(totals.calls),
        "areas": areas,
        "order": order,
        "statements": statements,
        "benchmark_notes": notes,
        "actions": actions,
    }


def aggregate_priority(need: float | None, share: float) -> str:
    """An aggregate action's priority: the single report's priority for the mean need of
    the respondents it was suggested for, one step higher when half or more of all
    respondents' answers called for it, one step lower when fewer than a quarter did."""
    steps = PRIORITIES.index(priority_for(need or 0.0))
    if share >= WIDE_SHARE:
        steps += 1
    elif share < NARROW_SHARE:
        steps -= 1
    return PRIORITIES[max(0, min(steps, len(PRIORITIES) - 1))]


def published_key(number: str) -> tuple[Any, ...]:
    """Sorts question numbers as the seeds publish them: by their letters, then their
    numbers as numbers ("S2" before "S10", every "S" before "T"); unnumbered last."""
    if not number:
        return ((1,),)
    parts = re.findall(r"\d+|\D+", number)
    return (
        (0,),
        *((0, int(p), "") if p.isdigit() else (1, 0, p.strip().casefold()) for p in parts),
    )


def _note_for(notes: list[dict[str, Any]], source: str, n: int | None) -> int:
    # One note per published source and n, numbered in the order they first appear.
    for note in notes:
        if note["source"] == source and note["n"] == n:
            return int(note["number"])
    notes.append({"number": len(notes) + 1, "source": source, "n": n})
    return len(notes)


def _pattern(counts: dict[str, int], n: int) -> str:
    if n < MIN_FOR_PATTERN:
        return ""
    agree = percentage(counts.get("agree", 0), n) or 0.0
    disagree = percentage(counts.get("disagree", 0), n) or 0.0
    if agree >= CONFLICT_SHARE and disagree >= CONFLICT_SHARE:
        return "conflict"
    if agree >= CONSENSUS_SHARE or disagree >= CONSENSUS_SHARE:
        return "consensus"
    return ""


def _calls(lengths: list[float]) -> dict[str, Any] | None:
    """The timed telephone calls: how many, their total and median length in whole
    seconds (pauses excluded); None when no call was timed."""
    if not lengths:
        return None
    return {
        "timed": len(lengths),
        "total_seconds": round(sum(lengths)),
        "median_seconds": round(statistics.median(lengths)),
    }


def _diff(ours: float | None, theirs: float | None) -> float | None:
    return None if ours is None or theirs is None else round(ours - theirs, 1)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _band(band: Any) -> dict[str, Any] | None:
    return (
        None
        if band is None
        else {"name": band.name, "label": band.label, "description": band.description}
    )
