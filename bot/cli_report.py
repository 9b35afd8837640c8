"""`partnership-bot report` on the command line: arguments in, files or stdout out.

Reports are made by `bot.report.make`; this module only turns the parsed arguments into
its options, says what was skipped, writes where asked, and picks the exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot import exit_codes, store
from bot.catalogue import Catalogue
from bot.cli_output import (
    emit,
    kept_refusal,
    make_folder,
    output_refusal,
    template_files,
    write,
)
from bot.problems import Problem, display_name, suggest
from bot.report.make import (
    NothingToAggregate,
    ReportError,
    ReportOptions,
    SeveralFrameworks,
    aggregate_report,
    transcript_reports,
)
from bot.rounds.commands import round_command
from bot.scoring.aggregate import Filters, default_cache_folder
from bot.statement_order import DEFAULT_ORDER
from bot.text import printable

if TYPE_CHECKING:
    from bot.loading import LoadedFramework

DEFAULT_FOLDER = Path("reports")
"""Where several reports go when no -o is given."""

REPORT_SUFFIXES = frozenset({".md", ".html", ".json", ".csv"})
"""Endings that name a report's file: with several transcripts, -o naming one that does
not exist yet is taken as a mistake rather than made into a folder."""


AGGREGATE_ONLY = ("framework", "partnership", "role", "sector", "since", "until")
"""Options that choose an aggregate's transcripts, and mean nothing without it."""


def aggregate_only(args: argparse.Namespace, comparing: bool = False) -> str:
    """Why options given make no sense without --aggregate (or at all when comparing,
    which takes no filters), or "" when they do."""
    if args.aggregate and not comparing:
        return ""
    given = [f"--{name}" for name in AGGREGATE_ONLY if getattr(args, name, None) is not None]
    if not given:
        return ""
    it = "it" if len(given) == 1 else "them"
    if comparing:
        return f"--compare takes no filters: leave {', '.join(given)} out"
    return (
        f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} for an aggregate over "
        f"many transcripts: add --aggregate, or leave {it} out"
    )


def run(args: argparse.Namespace, catalogue: Catalogue) -> int:
    """Make the reports the arguments ask for; return the exit status."""
    unused = aggregate_only(args)
    if unused:
        return _error(unused, exit_codes.USAGE)
    options = ReportOptions(
        format=args.format,
        anonymise=args.anonymise,
        current=args.current,
        templates=args.templates,
        order=getattr(args, "order", DEFAULT_ORDER),
    )
    files, rounds = _transcripts(args.transcripts)
    if not files:
        names = ", ".join(display_name(p) for p in args.transcripts)
        hint = (
            f" (a round's own report: {round_command('report', folder=rounds[0])})"
            if rounds
            else ""
        )
        return _error(f"no transcripts found in {names}{hint}", exit_codes.LOAD_ERROR)
    output: Path | None = args.output
    several = len(files) > 1 and not args.aggregate
    if output is not None and several and output.exists() and not output.is_dir():
        return _error(
            f"-o {display_name(output)} is not a folder, but {len(files)} transcripts make "
            f"{len(files)} reports: name a folder for them (each is written there as "
            f"NAME.{options.format}), or add --aggregate for one report over them all",
            exit_codes.USAGE,
        )
    if (
        output is not None
        and several
        and not output.exists()
        and output.suffix.lower() in REPORT_SUFFIXES
    ):
        return _error(
            f"-o {display_name(output)} names a file, but {len(files)} transcripts make "
            f"{len(files)} reports: name a folder for them (such as -o reports; each is written "
            f"there as NAME.{options.format}), or add --aggregate for one report over them all",
            exit_codes.USAGE,
        )
    if several and getattr(args, "output_is_stdout", False):
        return _error(
            f"-o - is standard output, but {len(files)} transcripts make {len(files)} "
            "reports, which cannot go to one stream: name a folder for them (such as -o "
            f"reports; each is written there as NAME.{options.format}), or add --aggregate "
            "for one report over them all",
            exit_codes.USAGE,
        )
    inputs = [*files, *([Path(args.framework)] if _is_path(args.framework) else [])]
    inputs += template_files(args.templates)
    named = _report_files(files, options.format, args.anonymise, catalogue)
    if several:
        folder = output or DEFAULT_FOLDER
        targets = [folder / named[file] for file in files]
        refused = next(
            (r for r in (kept_refusal(t, f".{options.format}", inputs) for t in targets) if r),
            "",
        )
    else:
        refused = output_refusal(output, f"report.{options.format}", inputs)
    if refused:
        return _error(refused, exit_codes.USAGE)
    if args.aggregate:
        return _aggregate(args, catalogue, options, files)
    reports = transcript_reports(files, catalogue, options)
    _skipped(reports.skipped)
    for made in reports.made:
        if made.dropped_bytes:
            print(store.torn_note(made.source, made.dropped_bytes), file=sys.stderr)
        for note in made.time_notes:
            print(f"note: {note}", file=sys.stderr)
    if not reports.made:
        return exit_codes.LOAD_ERROR
    if several:
        folder = output or DEFAULT_FOLDER
        if not make_folder(folder):
            return exit_codes.CANNOT_WRITE
        for made in reports.made:
            target = folder / named[made.source]
            if not write(target, made.text):
                return exit_codes.CANNOT_WRITE
            print(display_name(target))
    elif not emit(reports.made[0].text, output):
        return exit_codes.CANNOT_WRITE
    return exit_codes.PROBLEMS if reports.skipped else exit_codes.OK


def _report_files(
    files: list[Path], fmt: str, anonymise: bool, catalogue: Catalogue
) -> dict[Path, str]:
    """The name each transcript's report is written under in a folder: its transcript's
    name; anonymised, without the respondent's part (`bot.report.redact.anonymised_file`,
    "respondent" in its place), a number added where two would be the same."""
    if not anonymise:
        return {file: f"{file.stem}.{fmt}" for file in files}
    from bot.report.redact import NAME, anonymised_file

    ids = list(catalogue.framework_files())
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for file in files:
        stem = Path(anonymised_file(file.name, lambda text: text, ids)).stem
        stem = stem.replace(NAME, "respondent")
        name, number = f"{stem}.{fmt}", 2
        while name.casefold() in taken:
            name, number = f"{stem}-{number}.{fmt}", number + 1
        taken.add(name.casefold())
        names[file] = name
    return names


def _transcripts(named: list[Path]) -> tuple[list[Path], list[Path]]:
    """The transcripts among the files and folders named, and the folders whose own
    files were named too: a round's own files (its round.toml, plan, call log:
    `ROUNDS/NAME/*` names them all) are left out, said once for each round's folder, and
    are not counted as transcripts."""
    left_out: dict[Path, list[str]] = {}
    rest: list[Path] = []
    # Checked as named, so that a round's framework copies (its .frameworks folder, which
    # `ROUND/*` names where the shell matches hidden names) are not walked into; inside
    # a folder, `store.gather` passes a round's own files over itself.
    for path in named:
        if store.round_own_file(path):
            left_out.setdefault(path.parent, []).append(path.name)
        else:
            rest.append(path)
    gathered = store.gather(rest)  # one walk of each folder: transcripts and rounds
    files = gathered.files
    for folder, names in left_out.items():
        what = "files, not transcripts" if len(names) > 1 else "file, not a transcript"
        print(
            f"left out: {', '.join(printable(n) for n in names)} in {display_name(folder)} "
            f"(the round's own {what})",
            file=sys.stderr,
        )
    inner = gathered.rounds_left_out
    if inner:
        print(f"note: {store.rounds_left_out_note(inner)}", file=sys.stderr)
    return files, list(left_out) + inner


def _aggregate(
    args: argparse.Namespace, catalogue: Catalogue, options: ReportOptions, files: list[Path]
) -> int:
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
    try:
        report = aggregate_report(
            files, catalogue, options, filters, default_cache_folder(), framework=chosen
        )
    except ReportError as error:
        _skipped(error.skipped)
        if isinstance(error, SeveralFrameworks):
            return _error(str(error), exit_codes.USAGE)
        assert isinstance(error, NothingToAggregate)
        unknown = _unknown_framework(args.framework, chosen, catalogue, error.framework_ids)
        if unknown:
            # An id that names nothing is the command line's fault, said first.
            return _error(f"{unknown}; {error}", exit_codes.USAGE)
        failed = exit_codes.LOAD_ERROR if error.only_failures else exit_codes.PROBLEMS
        return _error(str(error), failed)
    _skipped(report.skipped)
    for line in report.notes:
        print(line, file=sys.stderr)
    if not emit(report.text, args.output):
        return exit_codes.CANNOT_WRITE
    return exit_codes.PROBLEMS if report.skipped else exit_codes.OK


def _unknown_framework(
    ref: str | None, chosen: LoadedFramework | None, catalogue: Catalogue, taken: set[str]
) -> str:
    """When --framework names neither an installed framework nor the framework of any
    transcript there (``taken``), the likely one it meant; else "".

    Asked only once the aggregate found nothing: transcripts taken with a framework of
    their own (kept beside them) may match an id that is not installed."""
    installed = catalogue.framework_files()
    known = {*installed, *taken}
    if ref is None or chosen is not None or ref.casefold() in map(str.casefold, known):
        return ""
    names = ", ".join(sorted(installed)) or "none"
    return (
        f'--framework "{ref}" names no installed framework and no transcript\'s'
        f"{suggest(ref, installed)} (installed: {names})"
    )


def _is_path(ref: str | None) -> bool:
    return ref is not None and (ref.endswith(".toml") or Path(ref).is_file())


def _skipped(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)


def _error(message: str, status: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status
