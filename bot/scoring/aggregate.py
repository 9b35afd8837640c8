"""Many transcripts of one framework compiled into one aggregate.

Transcripts are summarised (parsed and scored) in worker processes, one file at a
time, and only running totals are kept, so memory does not grow with the number
of transcripts. A cache keyed by each file's content (and the installed
frameworks) lets a repeated aggregate over unchanged files skip parsing.

This module computes the figures (totals, spreads, percentages, patterns, priorities);
`bot.report.aggregate` lays them out as a report's data.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.catalogue import Catalogue
from bot.coverage import Coverage
from bot.figures import half_up
from bot.loading import file_hash, read_bytes
from bot.model import Framework, Question
from bot.problems import LoadError, display_name
from bot.remembered import default_cache_folder as default_cache_folder
from bot.scoring.compile import HIGH_NEED, MEDIUM_NEED, priority_for
from bot.scoring.summary import (
    SUMMARY_VERSION,
    TEXTS_PER_QUESTION,
    Result,
    Summary,
    cache_file,
    category,
    init_worker,
    summarise_path,
)
from bot.text import folded

PARALLEL_FROM = 64
"""Fewer files than this are summarised in this process (starting workers costs more)."""
CONFLICT_SHARE = 30.0
"""A statement is a conflict when at least this share (%) agree and as many disagree."""
CONSENSUS_SHARE = 80.0
"""A statement is a consensus when at least this share (%) agree, or as many disagree."""
MIN_FOR_PATTERN = 5
"""Below this many answers no pattern is marked: two people who differ are not a conflict."""
TOO_FEW_FOR_PATTERN = "too few to tell"
"""A statement's pattern where it has fewer than MIN_FOR_PATTERN answers."""
PATTERN_RULE = (
    f"A statement is marked conflict where at least {CONFLICT_SHARE:g}% agree and at least "
    f"{CONFLICT_SHARE:g}% disagree, and consensus where {CONSENSUS_SHARE:g}% or more agree or "
    f"{CONSENSUS_SHARE:g}% or more disagree; neither is marked on fewer than "
    f"{MIN_FOR_PATTERN} answers (shown as {TOO_FEW_FOR_PATTERN})."
)
"""The statement pattern rule in words, as every aggregate and round report states it."""
PRIORITIES = ("low", "medium", "high")
WIDE_SHARE = 50.0
"""An aggregate action called for by at least this share of respondents (%) is one step higher."""
NARROW_SHARE = 25.0
"""An aggregate action called for by less than this share of respondents (%) is one step lower."""


def percentage(count: int, total: int) -> float | None:
    """count/total as a percentage rounded half up to one decimal place, as published tables are."""
    if total == 0:
        return None
    return half_up(count / total, 1, 100)


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
class Spread:
    """Running count, sum, sum of squares, lowest and highest of some scores."""

    count: int = 0
    total: float = 0.0
    squares: float = 0.0
    low: float = math.inf
    high: float = -math.inf

    def add(self, value: float) -> None:
        """Count one more score."""
        self.count += 1
        self.total += value
        self.squares += value * value
        self.low = min(self.low, value)
        self.high = max(self.high, value)

    @property
    def mean(self) -> float | None:
        """The mean, or None with no scores."""
        return self.total / self.count if self.count else None

    @property
    def sd(self) -> float | None:
        """The sample standard deviation, or None with fewer than two scores."""
        if self.count < 2:
            return None
        variance = (self.squares - self.total * self.total / self.count) / (self.count - 1)
        return math.sqrt(max(variance, 0.0))


VERSION_FILES_NAMED = 5
"""How many transcripts' files a note on the framework versions names for each version."""


@dataclass
class VersionUse:
    """The transcripts scored against one framework version (one content hash)."""

    version: str
    """The version the framework file gives."""
    file: str
    """Where that version was read from (a copy kept in ``.frameworks/``, or the installed file)."""
    count: int = 0
    """How many transcripts were scored against it."""
    files: list[str] = field(default_factory=list)
    """The first `VERSION_FILES_NAMED` of their files, as they are named to people."""
    latest: str = ""
    """When the latest of them was last answered (ISO 8601)."""


@dataclass
class Totals:
    """Running totals for one framework."""

    title: str = ""
    version: str = ""
    respondents: int = 0
    answers: dict[str, dict[str, int]] = field(default_factory=dict)
    areas: dict[str, Spread] = field(default_factory=dict)
    coverage: Coverage = field(default_factory=lambda: Coverage(0, 0))
    """Every respondent's coverage over all areas, pooled: the scored answers and the
    asked, scoreable questions of them all (each counted as its own report counts it)."""
    by_role: dict[tuple[str, str], Spread] = field(default_factory=dict)
    by_sector: dict[tuple[str, str], Spread] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    needs: dict[str, Spread] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    triggered_by: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    """action id -> (transcript id, triggering question ids) per respondent, for a plan."""
    roles: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)
    calls: list[float] = field(default_factory=list)
    """The length of each timed telephone call, for the total and the median."""
    registers: dict[str, dict[tuple[tuple[str, str, str], ...], int]] = field(default_factory=dict)
    """repeated group id -> an item's answers -> how many respondents named it so (the
    aggregate's register: every item named, no names)."""
    register_spellings: dict[
        str, dict[tuple[tuple[str, ...], ...], tuple[tuple[str, str, str], ...]]
    ] = field(default_factory=dict)
    """repeated group id -> an item's answers with case and spacing ignored (`folded`) ->
    its first spelling, the one counted and shown: the same words are the same item."""
    register_respondents: dict[str, int] = field(default_factory=dict)
    """repeated group id -> how many respondents named at least one item."""
    facts: dict[str, dict[str, int]] = field(default_factory=dict)
    """fact question id -> value (an option, a number, "dont_know") -> how many named it."""
    fact_answers: dict[str, int] = field(default_factory=dict)
    """fact question id -> how many respondents gave it an answer, a Don't know, a refusal
    or a Not applicable (the tally's n: every abstention is a row of the tally, unlike a
    statement's n, which leaves Not applicable out)."""
    texts: dict[str, list[str]] = field(default_factory=dict)
    """free-text question id -> the first `TEXTS_PER_QUESTION` answers (in the fixed order
    transcripts are counted in), quoted by the aggregate."""
    text_answers: dict[str, int] = field(default_factory=dict)
    """free-text question id -> how many respondents answered it."""
    names: set[str] = field(default_factory=set)
    """The respondents' names and those of everyone who interviewed them, which an
    anonymised report takes out of the words it quotes."""
    organisations: set[str] = field(default_factory=set)
    """The respondents' organisations, likewise."""
    versions: dict[str, VersionUse] = field(default_factory=dict)
    """framework hash -> the transcripts scored against that version: an aggregate lays
    its figures out with the versions its transcripts were taken with, never the installed
    one alone (`bot.scoring.source.scored_frameworks`)."""

    def add(self, summary: Summary, file: str = "") -> None:
        """Count one more transcript (``file``: its file, as named to people)."""
        self.title, self.version = summary.framework_title, summary.framework_version
        use = self.versions.setdefault(
            summary.framework_hash,
            VersionUse(summary.framework_version, summary.framework_file),
        )
        use.count += 1
        use.latest = max(use.latest, summary.updated)
        if file and len(use.files) < VERSION_FILES_NAMED:
            use.files.append(file)
        self.respondents += 1
        self.coverage += Coverage(*summary.coverage)
        if summary.call_seconds is not None:
            self.calls.append(summary.call_seconds)
        role = summary.role or "(not given)"
        sector = summary.sector or "(not given)"
        self.roles[role] = self.roles.get(role, 0) + 1
        self.names.update(n for n in (summary.name.strip(), *summary.interviewers) if n)
        self.organisations.update(o for o in (summary.organisation.strip(),) if o)
        self.sectors[sector] = self.sectors.get(sector, 0) + 1
        for question, (kind, _) in summary.answers.items():
            counts = self.answers.setdefault(question, {})
            counts[kind] = counts.get(kind, 0) + 1
        for question, values in summary.facts.items():
            self.fact_answers[question] = self.fact_answers.get(question, 0) + 1
            tally = self.facts.setdefault(question, {})
            for value in values:
                tally[value] = tally.get(value, 0) + 1
        for question, words in summary.texts.items():
            self.text_answers[question] = self.text_answers.get(question, 0) + 1
            kept_texts = self.texts.setdefault(question, [])
            if len(kept_texts) < TEXTS_PER_QUESTION:
                kept_texts.append(words)
        for area, score in summary.areas.items():
            if score is None:
                continue
            self.areas.setdefault(area, Spread()).add(score)
            self.by_role.setdefault((area, role), Spread()).add(score)
            self.by_sector.setdefault((area, sector), Spread()).add(score)
        for action, fired in summary.actions.items():
            self.actions[action] = self.actions.get(action, 0) + 1
            self.needs.setdefault(action, Spread()).add(fired.need)
            kept = self.quotes.setdefault(action, [])
            kept.extend(fired.quotes[: max(0, 3 - len(kept))])
            self.triggered_by.setdefault(action, []).append((summary.transcript_id, fired.triggers))
        for group, items in summary.registers.items():
            if items:
                self.register_respondents[group] = self.register_respondents.get(group, 0) + 1
            named = self.registers.setdefault(group, {})
            spelt = self.register_spellings.setdefault(group, {})
            mine: dict[tuple[tuple[str, ...], ...], tuple[tuple[str, str, str], ...]] = {}
            for row in items:  # one respondent naming an item twice: once
                mine.setdefault(_item_words(row), row)
            for key, row in mine.items():
                first = spelt.setdefault(key, row)
                named[first] = named.get(first, 0) + 1


def _item_words(row: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, ...], ...]:
    """A register item's answers as items are told apart: case and spacing ignored."""
    return tuple(tuple(folded(x) for x in answer) for answer in row)


@dataclass
class AggregateRun:
    """What an aggregate run found, besides the totals."""

    failed: list[tuple[str, str]] = field(default_factory=list)
    """Files that did not load, with the reason."""
    unfinished: int = 0
    """In-progress or abandoned transcripts left out."""
    filtered: int = 0
    """Transcripts the filters left out."""
    framework_ids: set[str] = field(default_factory=set)
    """The framework id of every transcript that loaded, counted or left out."""
    warnings: set[str] = field(default_factory=set)
    """Warnings from scoring, each once."""
    cached: int = 0
    """Summaries taken from the cache."""
    torn: list[tuple[Path, int]] = field(default_factory=list)
    """Files whose interrupted last save was left out, with the bytes dropped."""
    duplicates: list[Duplicate] = field(default_factory=list)
    """Files left out as copies of a transcript counted once, each with the file counted
    (the same transcript id); a copy whose turns went another way than the counted
    file's (``Duplicate.differs_at``) is said as such."""


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

    def commit(self) -> None:
        """Make what was remembered so far visible to readers."""
        if self.db is not None:
            try:
                self.db.commit()
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
) -> tuple[dict[str, Totals], AggregateRun]:
    """Totals per framework over the transcripts, and what was left out and why.

    Each transcript id is counted once (a copied file is the same respondent). Summaries
    are counted as they arrive and then dropped, so memory does not grow with the number
    of files: only each id's file and how far it went are kept. Should a later file of
    an id already counted win (it went further), the totals are counted again over the
    files that won, in the same order, so the figures are exactly those of counting the
    winners alone.
    """
    context = f"{SUMMARY_VERSION}|{current}|" + ",".join(sorted(_installed_hashes(catalogue)))
    writer = CacheWriter(cache_folder)
    totals: dict[str, Totals] = {}
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
        kept: dict[str, _Kept] = {}
        recount = False
        for result in _results(files, current, context, cache_folder, workers, folders):
            if result.summary is None:
                run.failed.append((display_name(Path(result.path)), result.error))
                continue
            if result.summary.dropped_bytes:
                run.torn.append((Path(result.path), result.summary.dropped_bytes))
            if result.cached:
                run.cached += 1
            else:
                writer.put(result.key, result.summary)
            verdict = _keep_once(kept, result.path, result.summary)
            if verdict is None:
                _count(result, filters, totals, run)
                continue
            run.duplicates.append(verdict.left_out)
            recount = recount or verdict.replaced
        if recount:
            writer.commit()  # so that the second pass finds the summaries in the cache
            winners = sorted(k.path for k in kept.values())
            totals, recounted = {}, AggregateRun()
            for result in _results(winners, current, context, cache_folder, workers, folders):
                if result.summary is None:  # changed or gone since the first pass
                    run.failed.append((display_name(Path(result.path)), result.error))
                else:
                    _count(result, filters, totals, recounted)
            run.filtered, run.unfinished = recounted.filtered, recounted.unfinished
            run.warnings = recounted.warnings
    finally:
        writer.close()
    return totals, run


def _count(result: Result, filters: Filters, totals: dict[str, Totals], run: AggregateRun) -> None:
    """Add one transcript to its framework's totals, or count it as left out."""
    summary = result.summary
    assert summary is not None, "a file that failed to load is not counted"
    run.framework_ids.add(summary.framework_id)
    if not filters.admits(summary):
        run.filtered += 1
    elif summary.status != "complete" and not filters.include_unfinished:
        run.unfinished += 1
    else:
        run.warnings.update(summary.warnings)
        file = display_name(Path(result.path))
        totals.setdefault(summary.framework_id, Totals()).add(summary, file)


@dataclass(frozen=True)
class Duplicate:
    """A file left out as holding a transcript id another file counted holds."""

    file: str
    """The file left out (as shown)."""
    same_as: str
    """The file counted in its place (as shown)."""
    differs_at: int | None = None
    """Where the two went separate ways (resumed apart, as copies made by a sync client
    or a backup are): the first turn (its place, from 1) that is not the same in both;
    None when one is the other as it was at some point (a plain copy)."""
    not_counted: int = 0
    """How many of the left-out file's answers and replies from that turn on are in no
    figure."""

    @property
    def note(self) -> str:
        """What is said of it (``duplicate_note``)."""
        return duplicate_note(self)

    @property
    def said(self) -> str:
        """The line said on stderr: a warning for copies that went separate ways (answers
        are in no figure), else a note."""
        return f"{'note' if self.differs_at is None else 'warning'}: {self.note}"


@dataclass(frozen=True)
class _Kept:
    """The file counted for a transcript id so far, how far it went and its turns."""

    path: str
    advance: tuple[bool, int, str]
    marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Verdict:
    """A file of an id already seen: which file is left out and the one counted, and
    whether the one left out is the one counted before (so the totals must be counted
    again)."""

    left_out: Duplicate
    replaced: bool


def duplicate_note(duplicate: Duplicate) -> str:
    """What is said of a file left out as a duplicate of the one counted: for copies that
    went separate ways, both files, the first turn where they differ, what of the left-out
    file is not counted and what to do."""
    file, counted = duplicate.file, duplicate.same_as
    if duplicate.differs_at is None:
        return f"{file} is a duplicate of {counted} (the same transcript id): counted once"
    answers = duplicate.not_counted
    held = (
        "1 answer or reply it holds from there is"
        if answers == 1
        else f"{answers} answers and replies it holds from there are"
    )
    return (
        f"{file} and {counted} hold the same transcript id but differ from turn "
        f"{duplicate.differs_at} on (copies resumed separately): only {counted} is counted "
        f"(the further on); {file} is not, and the {held} in no figure: keep one of the "
        "two files (resume it to give what the other holds) and move the other out of the "
        "folder"
    )


def _differs_at(one: tuple[str, ...], other: tuple[str, ...]) -> int | None:
    """The first turn (from 1) two files of one transcript id do not share, or None when
    one's turns are the other's first turns (a copy made before the other went on)."""
    for place, (mine, theirs) in enumerate(zip(one, other, strict=False), start=1):
        if mine != theirs:
            return place
    return None


def _answers_from(marks: tuple[str, ...], place: int) -> int:
    """How many answers and replies a file holds from turn ``place`` on."""
    return sum(1 for mark in marks[place - 1 :] if mark.split(":")[0] in ANSWER_KINDS)


ANSWER_KINDS = ("answer", "probe_answer")
"""The turns holding a respondent's words that an aggregate counts or quotes."""


def _advance(summary: Summary) -> tuple[bool, int, str]:
    """How far a transcript went: complete first, then more turns, then the latest updated."""
    return (summary.status == "complete", summary.turns, summary.updated)


def _age(path: str) -> tuple[float, str]:
    """The file's modification time, then its name."""
    try:
        return os.stat(path).st_mtime, path
    except OSError:
        return math.inf, path


def _keep_once(kept: dict[str, _Kept], path: str, summary: Summary) -> _Verdict | None:
    """Keep one file per transcript id, the most advanced (on a tie, the older file, the
    original rather than a copy, then the first by name, so the choice does not depend on
    the order files were read); None for the first file of an id, else the verdict."""
    key = summary.transcript_id or f"file:{path}"  # a summary without an id stands alone
    mine = _Kept(path, _advance(summary), summary.marks)
    other = kept.get(key)
    if other is None:
        kept[key] = mine
        return None
    replaced = mine.advance > other.advance or (
        mine.advance == other.advance and _age(path) < _age(other.path)
    )
    winner, loser = (mine, other) if replaced else (other, mine)
    kept[key] = winner
    place = _differs_at(loser.marks, winner.marks)
    duplicate = Duplicate(
        display_name(Path(loser.path)),
        display_name(Path(winner.path)),
        place,
        _answers_from(loser.marks, place) if place is not None else 0,
    )
    return _Verdict(duplicate, replaced)


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
    # no need to load (and check) each one. The dialogues too: an unfinished transcript's
    # questions still to come are read from its dialogue.
    hashes = []
    for path in (*catalogue.framework_files().values(), *catalogue.dialogue_files().values()):
        with contextlib.suppress(LoadError):
            # A FIFO or device named like a framework is refused unopened (`read_bytes`).
            hashes.append(file_hash(read_bytes(path)))
    return hashes


AGGREGATE_PRIORITY_RULE = (
    f"Priority starts from the single report's rule for the mean need (high at {HIGH_NEED:g} "
    f"or more, medium at {MEDIUM_NEED:g} or more, otherwise low), then takes account of how "
    f"widely the action was called for: one step higher when {WIDE_SHARE:g}% or more of "
    f"the respondents' answers called for it, one step lower when under {NARROW_SHARE:g}% did "
    "(never above high nor below low); need and share as printed (one decimal place). So "
    "an action's priority here can differ from one respondent's report with the same need."
)
"""The aggregate's priority rule, as each aggregate and round report states it."""


def aggregate_priority(need: float | None, share: float) -> str:
    """An aggregate action's priority: the single report's priority for the mean need of
    the respondents it was suggested for, one step higher when half or more of all
    respondents' answers called for it, one step lower when fewer than a quarter did.
    Need and share are taken as reports print them, so a reader can check it."""
    steps = PRIORITIES.index(priority_for(need or 0.0))
    shown = half_up(share)
    if shown >= WIDE_SHARE:
        steps += 1
    elif shown < NARROW_SHARE:
        steps -= 1
    return PRIORITIES[max(0, min(steps, len(PRIORITIES) - 1))]


def statement_pattern(counts: dict[str, int], n: int) -> str:
    """A statement's pattern: "conflict" when many both agree and disagree, "consensus"
    when most give one answer, else ""; below a few answers, "too few to tell" (reports
    print it as it is, in every format)."""
    if n < MIN_FOR_PATTERN:
        return TOO_FEW_FOR_PATTERN
    agree = percentage(counts.get("agree", 0), n) or 0.0
    disagree = percentage(counts.get("disagree", 0), n) or 0.0
    if agree >= CONFLICT_SHARE and disagree >= CONFLICT_SHARE:
        return "conflict"
    if agree >= CONSENSUS_SHARE or disagree >= CONSENSUS_SHARE:
        return "consensus"
    return ""


COLUMNS = ("agree", "middle", "disagree")
"""The statements table's answer columns, besides don't know: the answers above half marks
of the question's scale as it is worded, at half marks, and below them."""
GENERIC_HEADINGS = {"agree": "% agree", "middle": "% middle", "disagree": "% disagree"}
"""The columns' headings where the statements do not share one scale of single words."""


def answer_words(framework: Framework, question: Question) -> dict[str, list[str]]:
    """The answers each column of the statements table counts for a question, in its own
    words and as it is worded, whatever the scoring direction (the `category` of each
    option's score as worded): a reverse-scored question's "Yes" is counted as agreeing,
    as the respondent said it, though it scores 0."""
    words: dict[str, list[str]] = {column: [] for column in COLUMNS}
    if question.kind == "number":
        return words | {"agree": ["in the recommended range"], "disagree": ["outside it"]}
    if question.kind == "choice":
        if question.multiple:
            return words | {
                "agree": ["picks above half marks"],
                "middle": ["picks at half marks"],
                "disagree": ["picks below half marks"],
            }
        scored = [(o.label, question.choice_score((o.value,))) for o in question.options]
    else:
        scale = framework.scale_of(question)
        scored = [
            (o.label, scale.normalise(o.score))
            for o in (scale.scored if scale is not None else ())
            if o.score is not None
        ]
    for label, score in scored:
        column = category(score, "", question.kind)
        words["middle" if column == "neutral" else column].append(label)
    return words


def statement_headings(words: list[dict[str, list[str]]]) -> dict[str, Any]:
    """The statements table's headings: each column named by the one answer it counts
    where every statement has the same answers, one to a column ("% Yes", "% Partly",
    "% No"), else "% agree", "% middle", "% disagree"; ``middle`` whether any statement's
    scale has a middle answer (else the column is left out)."""
    distinct = {tuple(tuple(w[c]) for c in COLUMNS) for w in words}
    headings: dict[str, Any] = dict(GENERIC_HEADINGS)
    if len(distinct) == 1:
        (shared,) = distinct
        if all(len(labels) == 1 for labels in (shared[0], shared[2])) and len(shared[1]) <= 1:
            headings |= {
                c: f"% {labels[0]}" for c, labels in zip(COLUMNS, shared, strict=True) if labels
            }
    headings["middle_shown"] = any(w["middle"] for w in words)
    return headings


def statement_legend(words: list[dict[str, list[str]]], headings: dict[str, Any]) -> str:
    """The statements table's legend in words: what each column counts (the answers, as
    the questions are worded), what is not shown, and what "(reverse-scored)" means."""
    shown = [c for c in COLUMNS if c != "middle" or headings["middle_shown"]]
    parts = []
    for column in shown:
        labels = list(dict.fromkeys(label for w in words for label in w[column]))
        parts.append(f"{headings[column]} counts {listed(labels)}")
    return (
        "Percentages of those asked (n; Not applicable left out), counting what each "
        f"respondent answered to the statement as it is worded: {'; '.join(parts)}; "
        "% don't know counts Don't know. With those who refused or gave no reply (not "
        "shown) they add up to 100. A statement marked (reverse-scored) asks about a gap "
        f"or a problem: there {headings['agree']} counts those who said there is one, the "
        "weak answer, which scores low."
    )


def listed(labels: list[str]) -> str:
    """Answers' labels quoted and listed ("Yes" and "Partly"); "nothing" for none."""
    quoted = [f'"{label}"' for label in labels]
    if len(quoted) < 2:
        return "".join(quoted) or "nothing"
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
