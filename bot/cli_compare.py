"""Comparing two rounds on the command line: `round compare OLD NEW` and
`report --compare OLD NEW` both come here.

The comparison is made by `bot.report.compare`; this module says what was skipped,
writes where asked (as `report` does: stdout, or -o FILE, its name said on stderr),
and picks the exit status.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot import exit_codes
from bot.catalogue import Catalogue
from bot.cli_output import emit, output_refusal, template_files
from bot.cli_report import _error, _skipped
from bot.report.compare import NothingToCompare, check_format, comparison
from bot.scoring.aggregate import default_cache_folder
from bot.scoring.compare import CompareError


def run(
    old: Path,
    new: Path,
    catalogue: Catalogue,
    fmt: str,
    output: Path | None,
    current: bool = False,
    include_unfinished: bool = False,
    templates: Path | None = None,
    anonymise: bool = False,
) -> int:
    """Compare two folders (the earlier first) and write the report; return the exit status.
    Every way of comparing on the command line comes here, so the format is checked here,
    before anything is read. ``anonymise``: no figure rests on fewer than 3 respondents."""
    try:
        check_format(fmt)
    except CompareError as error:
        return _error(str(error), exit_codes.USAGE)
    refused = output_refusal(output, f"comparison.{fmt}", template_files(templates))
    if refused:
        return _error(refused, exit_codes.USAGE)
    try:
        made = comparison(
            old,
            new,
            catalogue,
            fmt,
            current=current,
            include_unfinished=include_unfinished,
            cache_folder=default_cache_folder(),
            templates=templates,
            anonymise=anonymise,
        )
    except NothingToCompare as error:
        _skipped(error.skipped)  # each file and why, before the count in the error
        return _error(str(error), exit_codes.PROBLEMS)
    except CompareError as error:
        return _error(str(error), exit_codes.USAGE)
    for note in made.notes:
        print(f"note: {note}", file=sys.stderr)
    _skipped(made.skipped)
    if not emit(made.text, output):
        return exit_codes.CANNOT_WRITE
    return exit_codes.PROBLEMS if made.skipped else exit_codes.OK
