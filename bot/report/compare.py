"""Making a comparison of two rounds: two folders in, the report's text out.

Each folder is a round (its round.toml names the framework and its invitees; their
complete transcripts are compiled, as `round report` does) or a folder of transcripts
(all of one framework, as `report --aggregate` takes them). Each is aggregated on its
own, scored against the framework version its transcripts were taken with (the copies
kept in `.frameworks/`), and `bot.scoring.compare` sets the two side by side. Nothing
here prints, reads arguments or exits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot import store
from bot.catalogue import Catalogue
from bot.model import Transcript
from bot.problems import LoadError, Problem, display_name
from bot.report.aggregate import aggregate_data, stderr_redactor
from bot.report.compare_chart import paired_chart
from bot.report.render import environment
from bot.rounds.commands import round_command
from bot.rounds.folder import round_path
from bot.scoring.aggregate import Filters, aggregate
from bot.scoring.compare import CompareError, PlanAction, Side, compare
from bot.scoring.versions import aggregate_framework
from bot.text import escape_hidden_in_json, printable

COMPARE_FORMATS = ("md", "html", "json")
"""The formats a comparison is written in (it has no action list to give as CSV)."""


def check_format(fmt: str) -> None:
    """CompareError unless a comparison can be written in the format."""
    if fmt not in COMPARE_FORMATS:
        *first, last = COMPARE_FORMATS
        raise CompareError(
            f"a comparison is written as {', '.join(first)} or {last}, not {printable(fmt)}"
        )


class NothingToCompare(CompareError):
    """A round or folder with no transcripts left to compare."""

    def __init__(self, message: str, skipped: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.skipped = list(skipped or [])
        """The files that failed to load on the way, each with why."""


@dataclass
class Comparison:
    """A comparison made: its text, its data, and the transcripts left out on the way."""

    text: str
    """The report."""
    data: dict[str, Any]
    """The comparison as data (what JSON gives)."""
    skipped: list[Problem] = field(default_factory=list)
    """Transcripts that failed to load, in either round."""
    notes: list[str] = field(default_factory=list)
    """What the person comparing should know: which round a folder was read as, and how
    the rounds were taken, such as their order (this in the report too, where the rounds
    are named as the rest of the report names them, never by their folders)."""


@dataclass(frozen=True)
class Loaded:
    """One side, ready to compare, and what went wrong on the way."""

    side: Side
    folder: Path
    skipped: list[Problem]
    period: str = ""
    """The round's period ("2009/10"), or "" for a folder of transcripts."""
    title: str = ""
    """The round's title, or "" for a folder of transcripts."""
    partnership: str = ""
    """The partnership the round assessed, or "" for a folder of transcripts."""
    note: str = ""
    """How the folder named was read, where it was not as given (one round inside it)."""
    conversations: tuple[Transcript, ...] | None = None
    """A round's transcripts, as read to compare it (None for a folder of transcripts)."""


def load_side(
    folder: Path,
    catalogue: Catalogue,
    current: bool = False,
    include_unfinished: bool = False,
    cache_folder: Path | None = None,
    anonymise: bool = False,
) -> Loaded:
    """A round's folder or a folder of transcripts, aggregated for comparing (names never
    appear; ``anonymise``, for readers: no figure rests on fewer than 3 respondents).

    Raises CompareError (or LoadError for a broken round.toml) with what to do."""
    name = display_name(folder)
    if not folder.exists():
        raise CompareError(
            f"{name} does not exist: name a round's folder (with round.toml) or a folder "
            "of transcripts"
        )
    given, folder = folder, rounds_inside(folder)
    note = "" if folder == given else f"{name} holds one round: compared {display_name(folder)}"
    if folder == given and not round_path(folder).exists():
        inner = store.rounds_left_out([folder])
        note = store.rounds_left_out_note(inner) if inner else ""
    name = display_name(folder)
    framework_id: str | None = None
    period = title = partnership = ""
    conversations: tuple[Transcript, ...] | None = None
    known: tuple[list[str], list[str]] = ([], [])
    label = folder.resolve().name or name
    if folder.is_dir() and round_path(folder).exists():
        from bot.rounds.report import compiled_files, invitees_known
        from bot.rounds.work import snapshot

        shot = snapshot(folder, datetime.now(UTC))
        round_ = shot.loaded.round
        framework_id = round_.framework
        label = round_.period or round_.title
        period, title, partnership = round_.period, round_.title, round_.partnership
        conversations = shot.transcripts
        known = invitees_known(shot)
        files = compiled_files(shot, include_unfinished)
        if not files:
            raise NothingToCompare(
                f"the round {name} has no complete transcripts yet "
                f"({shot.progress.headline()}): there is nothing to compare"
                + (
                    ""
                    if include_unfinished
                    else "; add --include-unfinished to count unfinished ones"
                )
            )
    else:
        files = list(store.iter_transcript_files([folder]))
        if not files:
            raise NothingToCompare(
                f"{name} holds no transcripts: name a round's folder (with round.toml) or a "
                "folder of transcripts"
            )
    filters = Filters(framework=framework_id, include_unfinished=include_unfinished)
    totals, run = aggregate(files, catalogue, filters, current=current, cache_folder=cache_folder)
    # Said on stderr as an anonymised report says them: names taken out alike.
    redact = stderr_redactor(totals.values(), anonymise, known)
    ids = [framework_id or "", *totals]
    skipped = [Problem(redact.file(f, ids), "", redact.words(reason)) for f, reason in run.failed]
    left_out = skipped + [
        Problem(redact.words(d.file), "", redact.words(d.note)) for d in run.duplicates
    ]
    if len(totals) > 1:
        found = ", ".join(f"{k} ({v.respondents})" for k, v in sorted(totals.items()))
        raise CompareError(
            f"{name} holds transcripts of several frameworks: {found}; compare folders that "
            "each hold one framework's transcripts"
        )
    if not totals:
        left = [f"{len(skipped)} failed to load"] if skipped else []
        if run.unfinished:
            left.append(f"{run.unfinished} unfinished (add --include-unfinished)")
        if run.filtered:
            left.append(f"{run.filtered} of another framework than the round's")
        raise NothingToCompare(
            f"{name} has no transcripts to compare" + (": " + ", ".join(left) if left else ""),
            skipped,
        )
    ((found_id, found_totals),) = totals.items()
    # Laid out with the versions the transcripts were taken with (one rule).
    try:
        loaded, notes = aggregate_framework(found_id, found_totals, files, catalogue)
    except LoadError:
        raise CompareError(
            f"the framework {found_id} (version {found_totals.version}) is neither installed "
            "nor kept beside the transcripts in .frameworks/"
        ) from None
    run.warnings.update(notes)
    data = aggregate_data(
        found_id,
        found_totals,
        run,
        catalogue,
        filters,
        True,
        loaded,
        small_groups=anonymise,
        known=known,
    )
    side = Side(printable(label), data, loaded.framework, dict(found_totals.areas))
    return Loaded(side, folder, left_out, period, title, partnership, note, conversations)


def rounds_inside(folder: Path) -> Path:
    """The folder to compare for one named: the folder itself, or the one round in a folder
    that holds a round and nothing else to compare (a copy of a round, kept in a folder of
    its own). A folder of several rounds and no transcripts of its own is refused with
    their names, as mixing rounds would compare neither."""
    from bot.rounds.folder import find_rounds

    if not folder.is_dir() or round_path(folder).exists():
        return folder
    rounds = find_rounds(folder)
    if not rounds:
        return folder
    # A folder's transcripts never include the rounds inside it (store.iter_transcript_files).
    loose = next(iter(store.iter_transcript_files([folder])), None)
    if loose is not None:
        return folder  # transcripts of its own: a folder of transcripts, as before
    if len(rounds) == 1:
        return rounds[0]
    shown = ", ".join(display_name(r) for r in rounds[:8]) + (" ..." if len(rounds) > 8 else "")
    raise CompareError(
        f"{display_name(folder)} holds {len(rounds)} rounds, not one: name the round to "
        f"compare by its folder ({shown}), or compare two of them by name with "
        "partnership-bot round compare OLD NEW"
    )


def plan_progress_known(
    old: Path, new: Path, later_transcripts: Iterable[Transcript] | None = None
) -> tuple[list[PlanAction], list[PlanAction]] | None:
    """The actions agreed in the earlier round that the later round knew of, and those
    agreed after its conversations began (left out of the counts); None when the earlier
    round has no plan. ``later_transcripts``: the later round's, where already read."""
    from bot.rounds.plan_progress import progress_known

    # Only the earlier round's own agreed actions, each followed into the later plan.
    found = progress_known(old, new, later_transcripts)
    if found is None:
        return None
    return (
        [
            PlanAction(a.area, a.text, a.status, a.owner, not_updated=found.not_updated(a))
            for a in found.counted
        ],
        [PlanAction(a.area, a.text, a.status, a.owner) for a in found.left_out],
    )


def comparison(
    old: Path,
    new: Path,
    catalogue: Catalogue,
    fmt: str = "md",
    current: bool = False,
    include_unfinished: bool = False,
    cache_folder: Path | None = None,
    templates: Path | None = None,
    anonymise: bool = False,
) -> Comparison:
    """Compare two folders (the earlier first) in a format; CompareError when they cannot be.
    ``anonymise``: as the other anonymised reports, no figure (nor change) rests on fewer
    than 3 respondents."""
    check_format(fmt)
    if old.resolve() == new.resolve():
        raise CompareError(
            f"{display_name(old)} is named twice: give the earlier round, then the later one"
        )
    then = load_side(old, catalogue, current, include_unfinished, cache_folder, anonymise)
    now = load_side(new, catalogue, current, include_unfinished, cache_folder, anonymise)
    if then.folder.resolve() == now.folder.resolve():
        raise CompareError(
            f"{display_name(then.folder)} is named twice: give the earlier round, then the "
            "later one"
        )
    # A folder holding one round is that round, for its plan too.
    old, new = then.folder, now.folder
    # Which folder was read is for the person running it, not for the board paper.
    said = [side.note for side in (then, now) if side.note]
    notes: list[str] = []
    swapped = later_period(then.period, now.period)
    if swapped:
        # Given the later round first: compare them the right way round, and say so.
        said.append(
            f"{display_name(old)} ({then.period}) is later than {display_name(new)} ({now.period})"
        )
        then, now, old, new = now, then, new, old
    then_label, now_label = told_apart(then, now)
    if swapped:
        # The report names the rounds as the rest of it does; where they are kept is said
        # only to the person running the comparison (above), never in the board paper.
        notes.append(
            f"{now_label} was given before {then_label}, the earlier round: "
            f"compared {then_label} (then) with {now_label} (now)"
        )
    then_side = replace(then.side, label=then_label)
    now_side = replace(now.side, label=now_label)
    # The later round's transcripts, read once to compare it, tell what it asked about.
    progress = plan_progress_known(old, new, now.conversations)
    plan, left_out = progress if progress is not None else (None, [])
    data = compare(then_side, now_side, plan, left_out) | {"notes": notes}
    if data["plan"] is not None and data["plan"]["not_updated"]:
        said.append(
            f"{data['plan']['not_updated']} agreed action status(es) are still {then_label}'s "
            f"plan's: `{round_command('plan', folder=new)}` carries in what "
            f"{now_label}'s respondents said"
        )
    return Comparison(
        render_comparison(data, fmt, templates), data, then.skipped + now.skipped, said + notes
    )


def told_apart(then: Loaded, now: Loaded) -> tuple[str, str]:
    """How a board paper names the two sides: each by its usual label (the round's period,
    else its title, else the folder's name). Two rounds of the same period are told apart
    by what a reader knows them by: their titles where these differ, else their
    partnerships, else as then and now; never by where their files are kept."""
    labels = (then.side.label, now.side.label)
    if labels[0] != labels[1]:
        return labels
    label = labels[0]
    if then.title != now.title and then.title and now.title:
        return printable(then.title), printable(now.title)
    if then.partnership != now.partnership and then.partnership and now.partnership:
        return (
            f"{label}, {printable(then.partnership)}",
            f"{label}, {printable(now.partnership)}",
        )
    return f"{label} (then)", f"{label} (now)"


def period_start(period: str) -> int | None:
    """The year a period starts ("2009/10" -> 2009), or None when it names no year."""
    found = re.search(r"(?<!\d)\d{4}(?!\d)", period)
    return int(found.group()) if found else None


def later_period(first: str, second: str) -> bool:
    """Whether the first period starts in a later year than the second (both known)."""
    a, b = period_start(first), period_start(second)
    return a is not None and b is not None and a > b


def render_comparison(data: dict[str, Any], fmt: str, templates: Path | None = None) -> str:
    """A comparison (as data) in Markdown, HTML or JSON."""
    if fmt == "json":
        return escape_hidden_in_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    then, now = data["then"]["label"], data["now"]["label"]
    chart = paired_chart(data["areas"], then, now, f"Score by area (0-100), {then} and {now}")
    return environment(fmt, templates).get_template(f"compare.{fmt}.j2").render(r=data, chart=chart)
