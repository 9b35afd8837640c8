"""Making reports: transcripts in, report texts and what was skipped out.

The typed entry point for every front end. The command line turns its arguments into
`ReportOptions` and `Filters`, calls these functions, and decides what to print and
where to write; the app calls them the same way. Scoring computes, rendering presents,
and nothing here prints, reads arguments or exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.loading import LoadedFramework
from bot.problems import LoadError, Problem
from bot.report.aggregate import aggregate_data, stderr_redactor
from bot.report.render import render_aggregate, render_assessment
from bot.scoring import compile_transcript
from bot.scoring.aggregate import AggregateRun, Filters, aggregate
from bot.scoring.results import Assessment
from bot.scoring.source import dialogue_for, framework_for, round_refusal
from bot.scoring.versions import aggregate_framework
from bot.statement_order import DEFAULT_ORDER

INTERRUPTED_SAVE = "The transcript's last save was interrupted; the unfinished part was left out."


@dataclass(frozen=True)
class ReportOptions:
    """How reports are made."""

    format: str = "md"
    """md, html, json or csv."""
    anonymise: bool = False
    """Leave out names and organisations."""
    current: bool = False
    """Score against the installed framework even when the transcript used another version."""
    templates: Path | None = None
    """A folder of templates overriding the built-in ones."""
    order: str = DEFAULT_ORDER
    """Aggregate statements by area as the framework has them, or "published" (by number)."""


@dataclass(frozen=True)
class Made:
    """One report made from one transcript."""

    source: Path
    """The transcript."""
    text: str
    """The report."""
    dropped_bytes: int = 0
    """How many bytes of the transcript's interrupted last save were left out."""
    time_notes: tuple[str, ...] = ()
    """Turns timed before the turn above them (`store.time_notes`)."""


@dataclass
class Reports:
    """Reports made one per transcript, and the transcripts skipped."""

    made: list[Made] = field(default_factory=list)
    """In the order the transcripts were given."""
    skipped: list[Problem] = field(default_factory=list)
    """Why each skipped transcript failed to load (every problem)."""


@dataclass
class AggregateReport:
    """A report over many transcripts."""

    text: str
    """The report."""
    skipped: list[Problem] = field(default_factory=list)
    """Transcripts that failed to load and were left out (anonymised as the report is)."""
    notes: list[str] = field(default_factory=list)
    """The lines said on stderr of files whose interrupted last save was left out and of
    files left out as duplicates (`said_beside`: anonymised as the report is)."""


class ReportError(Exception):
    """No report could be made; the message says why and what to do."""

    def __init__(self, message: str, skipped: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.skipped = list(skipped)
        """Transcripts that failed to load on the way."""


class SeveralFrameworks(ReportError):
    """An aggregate over transcripts of more than one framework: one must be chosen."""


class NothingToAggregate(ReportError):
    """Every transcript was left out (failed to load, unfinished, or filtered)."""

    def __init__(
        self,
        message: str,
        skipped: Sequence[Problem],
        counted: int,
        framework_ids: Iterable[str] = (),
    ) -> None:
        super().__init__(message, skipped)
        self.only_failures = counted == 0
        """Whether every transcript failed to load (none was even filtered)."""
        self.framework_ids = set(framework_ids)
        """The framework id of every transcript that loaded."""


def assess(path: Path, catalogue: Catalogue, current: bool = False) -> Assessment:
    """One transcript scored against the framework it was taken with (LoadError if it or
    its framework cannot be loaded)."""
    return _assess(store.load(path), catalogue, current)


def _assess(loaded: store.LoadedTranscript, catalogue: Catalogue, current: bool) -> Assessment:
    framework, warnings = framework_for(loaded.transcript, loaded.path, catalogue, current)
    dialogue, unread = dialogue_for(loaded.transcript, loaded.path, catalogue, framework)
    warnings += unread
    if loaded.dropped_bytes:
        warnings.append(INTERRUPTED_SAVE)
    warnings += loaded.time_notes
    refused = round_refusal(loaded.transcript, loaded.path) is not None
    return compile_transcript(loaded.transcript, framework, warnings, dialogue, refused)


def transcript_reports(
    paths: Sequence[Path], catalogue: Catalogue, options: ReportOptions
) -> Reports:
    """A report for each transcript; those that fail to load are skipped, with the reason."""
    reports = Reports()
    for path in paths:
        try:
            loaded = store.load(path)
            assessment = _assess(loaded, catalogue, options.current)
        except LoadError as error:
            reports.skipped.extend(error.problems)
            continue
        text = render_assessment(
            assessment, options.format, anonymise=options.anonymise, templates=options.templates
        )
        reports.made.append(Made(path, text, loaded.dropped_bytes, loaded.time_notes))
    return reports


def aggregate_report(
    paths: Sequence[Path],
    catalogue: Catalogue,
    options: ReportOptions,
    filters: Filters,
    cache_folder: Path | None = None,
    framework: LoadedFramework | None = None,
) -> AggregateReport:
    """One report over many transcripts of one framework.

    The framework's questions and actions come from the versions the transcripts were
    taken with (`aggregate_framework`; ``framework``, a file the user named, is one place
    they are looked for). Raises SeveralFrameworks when the transcripts admitted are of more than one framework,
    and NothingToAggregate when none is left to count.
    """
    totals, run = aggregate(
        paths, catalogue, filters, current=options.current, cache_folder=cache_folder
    )
    # Said on stderr as the report says them: anonymised, names taken out alike.
    redact = stderr_redactor(totals.values(), options.anonymise)
    skipped = [
        Problem(redact.file(name, list(totals)), "", redact.words(reason))
        for name, reason in run.failed
    ]
    if len(totals) > 1:
        counts = ", ".join(f"{k} ({v.respondents})" for k, v in sorted(totals.items()))
        raise SeveralFrameworks(
            f"the transcripts are of several frameworks: {counts}; choose one with --framework",
            skipped,
        )
    if not totals:
        left = [f"{len(skipped)} failed to load"] if skipped else []
        if run.unfinished:
            left.append(f"{run.unfinished} unfinished (add --include-unfinished)")
        if run.filtered:
            left.append(f"{run.filtered} left out by the filters")
        raise NothingToAggregate(
            "no transcripts to aggregate" + (": " + ", ".join(left) if left else ""),
            skipped,
            run.unfinished + run.filtered,
            run.framework_ids,
        )
    ((framework_id, framework_totals),) = totals.items()
    # Laid out with the versions the transcripts were taken with (one rule).
    loaded, notes = aggregate_framework(framework_id, framework_totals, paths, catalogue, framework)
    run.warnings.update(notes)
    data = aggregate_data(
        framework_id,
        framework_totals,
        run,
        catalogue,
        filters,
        options.anonymise,
        loaded,
        order=options.order,
        small_groups=options.anonymise,
    )
    text = render_aggregate(data, options.format, options.templates)
    return AggregateReport(text, skipped, said_beside(run, redact.words))


def said_beside(run: AggregateRun, redact: Callable[[str], str]) -> list[str]:
    """The lines an aggregate says on stderr beside its report, each through ``redact``:
    a file whose interrupted last save was left out (`store.torn_note`), and a file left
    out as a duplicate (`Duplicate.said`)."""
    lines = [store.torn_note(path, dropped) for path, dropped in run.torn]
    lines += [duplicate.said for duplicate in run.duplicates]
    return [redact(line) for line in lines]
