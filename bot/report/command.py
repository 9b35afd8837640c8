"""`partnership-bot report`: one transcript, several, or an aggregate, in a format."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from bot import exit_codes, store
from bot.catalogue import Catalogue
from bot.problems import LoadError, display_name
from bot.report.render import render_aggregate, render_assessment
from bot.scoring import compile_transcript
from bot.scoring.aggregate import Filters, aggregate, aggregate_data, default_cache_folder
from bot.scoring.source import framework_for, kept_framework


def run_report(args: argparse.Namespace, catalogue: Catalogue) -> int:
    """Compile and write reports; list (never hide) transcripts that failed to load."""
    for name in ("since", "until"):
        value = getattr(args, name)
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                print(
                    f"error: --{name} {value!r} is not a date; use YYYY-MM-DD, such as 2009-12-01",
                    file=sys.stderr,
                )
                return exit_codes.USAGE
    files = list(store.iter_transcript_files(args.transcripts))
    if not files:
        print(
            "error: no transcripts found in " + ", ".join(str(p) for p in args.transcripts),
            file=sys.stderr,
        )
        return exit_codes.LOAD_ERROR
    if args.aggregate:
        return _aggregate(args, catalogue, files)
    return _each(args, catalogue, files)


def _each(args: argparse.Namespace, catalogue: Catalogue, files: list[Path]) -> int:
    status = exit_codes.OK
    outputs: list[tuple[Path, str]] = []
    for path in files:
        try:
            loaded = store.load(path)
            framework, warnings = framework_for(loaded.transcript, path, catalogue, args.current)
            if loaded.dropped_bytes:
                warnings.append(
                    "The transcript's last save was interrupted; the unfinished part was left out."
                )
            assessment = compile_transcript(loaded.transcript, framework, warnings)
        except LoadError as error:
            for problem in error.problems:
                print(f"skipped: {problem}", file=sys.stderr)
            status = exit_codes.PROBLEMS
            continue
        text = render_assessment(
            assessment, args.format, anonymise=args.anonymise, templates=args.templates
        )
        outputs.append((path, text))
    if len(files) == 1 and outputs:
        _emit(outputs[0][1], args.output)
    elif outputs:
        folder = args.output or Path("reports")
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in outputs:
            target = folder / f"{path.stem}.{args.format}"
            write_atomically(target, text)
            print(display_name(target))
    return status


def _aggregate(args: argparse.Namespace, catalogue: Catalogue, files: list[Path]) -> int:
    # --framework takes an id or a framework file (whose id then selects the transcripts).
    chosen = catalogue.framework(args.framework) if _is_path(args.framework) else None
    filters = Filters(
        framework=chosen.id if chosen else args.framework,
        partnership=args.partnership,
        role=args.role,
        sector=args.sector,
        since=args.since,
        until=args.until,
        include_unfinished=args.include_unfinished,
    )
    totals, run = aggregate(
        files, catalogue, filters, current=args.current, cache_folder=default_cache_folder()
    )
    for name, reason in run.failed:
        print(f"skipped: {name}: {reason}", file=sys.stderr)
    if len(totals) > 1:
        counts = ", ".join(f"{k} ({v.respondents})" for k, v in sorted(totals.items()))
        print(
            f"error: the transcripts are of several frameworks: {counts}; choose one with --framework",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    if not totals:
        left = f"{run.unfinished} unfinished (add --include-unfinished)" if run.unfinished else ""
        left += (
            f"{', ' if left else ''}{run.filtered} left out by the filters" if run.filtered else ""
        )
        print(f"error: no transcripts to aggregate{': ' + left if left else ''}", file=sys.stderr)
        return exit_codes.PROBLEMS
    ((framework_id, framework_totals),) = totals.items()
    loaded = chosen or (
        None
        if framework_id in catalogue.framework_files()
        else kept_framework(framework_id, framework_totals.version, files)
    )
    data = aggregate_data(
        framework_id, framework_totals, run, catalogue, filters, args.anonymise, loaded
    )
    _emit(render_aggregate(data, args.format, templates=args.templates), args.output)
    return exit_codes.PROBLEMS if run.failed else exit_codes.OK


def _is_path(ref: str | None) -> bool:
    return ref is not None and (ref.endswith(".toml") or Path(ref).is_file())


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
    print(display_name(output), file=sys.stderr)


def write_atomically(path: Path, text: str) -> None:
    """Write a report so that a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
