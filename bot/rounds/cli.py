"""`partnership-bot round ...`: make a round, import its invitees, see where it stands, log
calls, start or resume an invitee's conversation, and compile its report."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot import exit_codes
from bot.cli_output import add_output
from bot.rounds.commands import file_command, round_command
from bot.rounds.labels import (
    FAULT_STATES,
    GIVEN_OUTCOME_WORDS,
    GIVEN_OUTCOMES,
    OUTCOME_LABELS,
    STATE_LABELS,
    STATES,
    outcome_word,
)
from bot.rounds.when import WHEN_HELP, parse_when
from bot.text import clean_line, clip, printable

if TYPE_CHECKING:
    from bot.catalogue import Catalogue
    from bot.conversation import Conversation
    from bot.rounds.model import Invitee
    from bot.rounds.reminders import Reminder
    from bot.rounds.state import Group, InviteeState
    from bot.rounds.work import Snapshot

OUTCOME_WORDS = {OUTCOME_LABELS[key].replace(" ", "-"): key for key in GIVEN_OUTCOMES}
OUTCOME_WORDS |= {outcome_word(key): key for key in GIVEN_OUTCOMES}
OUTCOME_WORDS |= {"appointment": "call_back"}
"""What `round call` takes as an outcome, as typed (lower case, "-" between words)."""
LOGGED_BY_THE_PRODUCT = {
    "calling": "round next --claim logs that you are calling someone",
    "being-called": "round next --claim logs that you are calling someone",
    "interview-started": "round interview ID logs that their interview started",
    "started": "round interview ID logs that their interview started",
    "interview-resumed": "round interview ID (or resume FILE) logs that their interview "
    "was carried on",
    "resumed": "round interview ID (or resume FILE) logs that their interview was carried on",
}
"""Outcomes in the call log that a caller does not give: what logs each."""
ALL_LISTED = "*"
"""`round chase --sent` with no ids: everyone it lists."""


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `round` and its subcommands."""
    parser = commands.add_parser("round", help="run an assessment round: invitees, calls, report")
    subs = parser.add_subparsers(dest="round_command", metavar="ACTION", required=True)

    def which(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "-r",
            "--round",
            metavar="ROUND",
            help="the round's folder, or its name under <transcripts>/rounds "
            "(default: this folder if it is a round, else the only round)",
        )

    from bot.cli_names import add_caller as caller
    from bot.cli_names import named

    new = subs.add_parser("new", help="make a round")
    new.add_argument(
        "name",
        metavar="NAME",
        type=named("the round's name"),
        help="a name (kept under <transcripts>/rounds) or a folder",
    )
    new.add_argument(
        "--title",
        required=True,
        type=named("its title"),
        help='such as "Partnership review 2009/10"',
    )
    new.add_argument("-f", "--framework", required=True, help="the framework id")
    new.add_argument(
        "--partnership",
        default=None,
        type=named("the partnership's name", "if it is not known"),
        help="the partnership assessed",
    )
    new.add_argument(
        "--period",
        default=None,
        type=named("the period", "if it is not known"),
        help="such as 2009/10",
    )
    new.add_argument("--self-dialogue", default="", help="dialogue id for self-assessment")
    new.add_argument("--telephone-dialogue", default="", help="dialogue id for telephone calls")
    new.add_argument("--max-attempts", type=int, default=5, help="calls before giving up (5)")
    new.add_argument(
        "--previous",
        default="",
        metavar="ROUND",
        help="the previous round (a name under <transcripts>/rounds, or a folder): its "
        "agreed actions are asked about",
    )

    imp = subs.add_parser("import", help="add invitees from a CSV file (all rows or none)")
    imp.add_argument("csv", type=Path, metavar="CSV")
    which(imp)

    status = subs.add_parser("status", help="who has answered, who is outstanding")
    status.add_argument("--state", choices=STATES, action="append", help="list only these")
    which(status)
    caller(status)

    nxt = subs.add_parser("next", help="the next people to ring")
    nxt.add_argument("-n", "--count", type=int, default=1, help="how many to list (1)")
    nxt.add_argument(
        "--claim", action="store_true", help="log that you are calling the first one now"
    )
    which(nxt)
    caller(nxt)

    call = subs.add_parser("call", help="log a call's outcome")
    call.add_argument("invitee", metavar="ID")
    call.add_argument(
        "outcome",
        metavar="OUTCOME",
        help=f"one of: {GIVEN_OUTCOME_WORDS} (call-back with --at)",
    )
    call.add_argument("--at", metavar="TIME", help=f"call back at: {WHEN_HELP}")
    call.add_argument("--note", default="", help="a note for the next caller")
    call.add_argument(
        "--force",
        action="store_true",
        help="accept a call-back time that has already passed, or an outcome for someone who "
        "has finished or whom another officer is calling (their claim, or their transcript open)",
    )
    which(call)
    caller(call)

    chase = subs.add_parser(
        "chase",
        help="self-assessors not started or unfinished, with their contact and when last "
        "reminded; --sent records that reminders went out",
    )
    chase.add_argument(
        "--sent",
        nargs="?",
        const=ALL_LISTED,
        metavar="IDS",
        help="record that a reminder was sent now to everyone listed, or to these "
        "(comma-separated ids)",
    )
    which(chase)
    caller(chase)

    report = subs.add_parser(
        "report",
        help="the round's aggregate report with its response rate",
        description="The round's aggregate report. It reads the round and changes nothing: "
        "only `round plan` writes the action plan (plan.toml).",
    )
    report.add_argument("--format", choices=["md", "html", "json", "csv"], default="md")
    add_output(report)
    report.add_argument("--anonymise", action="store_true", help="no names or organisations")
    report.add_argument("--include-unfinished", action="store_true")
    report.add_argument(
        "--current", action="store_true", help="score against the installed framework"
    )
    report.add_argument("--templates", type=Path, metavar="DIR")
    which(report)

    plan = subs.add_parser(
        "plan",
        help="compile the round's action plan (plan.toml), agree, edit and export it",
        description="Compiles plan.toml from the round's answers (keeping every hand edit; "
        "in a round naming a previous one, carrying in the actions agreed there with the "
        "status its respondents gave), applies --agree and --set, and prints the plan (or "
        "writes it with -o). The only command that writes plan.toml.",
    )
    plan.add_argument(
        "--agree",
        metavar="REFS",
        help='actions the board agreed: refs or ids, comma-separated, or "all"',
    )
    plan.add_argument("--unagree", metavar="REFS", help="actions to mark as proposed again")
    plan.add_argument(
        "--set", metavar="REF", help="the action --status, --owner, --due, --note change"
    )
    plan.add_argument("--status", help="not started, in progress, done or dropped")
    plan.add_argument("--owner", help="who owns it")
    plan.add_argument("--due", metavar="YYYY-MM-DD", help="when it is due")
    plan.add_argument("--note", help="a short progress note")
    plan.add_argument(
        "--no-compile",
        action="store_true",
        help="change or export the plan as it is, without reading the answers again",
    )
    plan.add_argument("--format", choices=["md", "html", "csv"], default="md")
    add_output(plan)
    plan.add_argument(
        "--current", action="store_true", help="score against the installed framework"
    )
    which(plan)

    compare = subs.add_parser(
        "compare", help="this round beside an earlier one: scores, changes, the plan's progress"
    )
    compare.add_argument(
        "rounds",
        nargs="+",
        metavar="ROUND",
        help="OLD NEW: the earlier round, then the later one (a folder or its name); "
        "NEW alone: compared with the round its round.toml names as previous",
    )
    compare.add_argument(
        "--format", default="md", metavar="FORMAT", help="md (the default), html or json"
    )
    add_output(compare)
    compare.add_argument("--include-unfinished", action="store_true")
    compare.add_argument(
        "--anonymise",
        action="store_true",
        help="for readers: no figure resting on fewer than 3 respondents",
    )
    compare.add_argument(
        "--current", action="store_true", help="score against the installed framework"
    )
    compare.add_argument("--templates", type=Path, metavar="DIR")

    for name, text, alias in (
        ("assess", "an invitee's self-assessment", "self"),
        ("interview", "an invitee's telephone interview", "phone"),
    ):
        sub = subs.add_parser(name, aliases=[alias], help=f"start or resume {text}, linked to them")
        sub.add_argument("invitee", metavar="ID")
        sub.add_argument("--plain", action="store_true", help="plain line mode instead of the app")
        sub.add_argument(
            "--again",
            action="store_true",
            help="start a second conversation with someone who has finished",
        )
        sub.add_argument(
            "--force",
            action="store_true",
            help="start or resume someone whose refusal stands (it names who logged it)",
        )
        if name == "interview":
            caller(sub)
        which(sub)


def run(args: argparse.Namespace, catalogue: Catalogue, transcripts: Path) -> int:
    """Run a `round` subcommand (LoadErrors are reported by the caller). A round's file
    that cannot be written (the call log, round.toml, plan.toml: every writer leaves it as
    it was) is said here, naming the file, why and what to do, with exit status 6."""
    from bot.files import CannotWrite

    try:
        return _run(args, catalogue, transcripts)
    except CannotWrite as error:
        print(f"error: {error}, and run the command again (nothing was changed)", file=sys.stderr)
        return exit_codes.CANNOT_WRITE


def _run(args: argparse.Namespace, catalogue: Catalogue, transcripts: Path) -> int:
    from bot.rounds import folder as round_folder

    command = {"self": "assess", "phone": "interview"}.get(args.round_command, args.round_command)
    args.round_command = command
    if command == "new":
        return _new(args, catalogue, transcripts)
    if command == "compare":
        return _compare(args, catalogue, transcripts)
    try:
        folder = (
            round_folder.resolve(args.round, transcripts)
            if args.round
            else round_folder.default_round(transcripts)
        )
    except round_folder.RoundNotChosen as several:
        # A choice missing from the command line: a usage error, with the command as
        # typed, as it would run for the first of them.
        from bot.cli_options import typed
        from bot.rounds.commands import again_with_round

        example = again_with_round(typed(args), several.rounds[0], transcripts)
        print(
            f"error: {printable(several.problems[0].message)}, such as: {example}",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    named_file = folder.name == round_folder.ROUND_FILE and folder.is_file()
    why = (
        ""
        if not args.round or named_file
        else round_folder.not_a_round(args.round, folder, transcripts)
    )
    if why:
        # A round named on the command line that is not there: a usage error, with the
        # nearest round that is.
        print(f"error: -r {_show(args.round, 200)}: {why}", file=sys.stderr)
        return exit_codes.USAGE
    if command == "import":
        loaded, imported = round_folder.import_csv(folder, args.csv)
        print(
            f"{imported.describe().capitalize()}: {_show(loaded.round.title, 70)} "
            f"has {len(loaded.round.invitees)} invitees."
        )
        for change in imported.changes():
            print(f"  {change}")
        return exit_codes.OK
    if hasattr(args, "caller"):
        # Known now, if it is; asked for only when a call or an interview is recorded.
        from bot.rounds.caller import known_caller

        args.caller = known_caller(args.caller)
    now = datetime.now(UTC).replace(microsecond=0)
    from bot.rounds.work import UnknownInvitee, snapshot

    shot = snapshot(folder, now, getattr(args, "caller", ""))
    for reason in shot.failed:
        print(f"skipped: {reason}", file=sys.stderr)
    try:
        return _on_snapshot(command, args, shot, catalogue, transcripts, now)
    except UnknownInvitee as error:
        # The id was typed: a command-line mistake, with the ids that are near.
        print(f"error: {error}", file=sys.stderr)
        return exit_codes.USAGE


def _on_snapshot(
    command: str,
    args: argparse.Namespace,
    shot: Snapshot,
    catalogue: Catalogue,
    transcripts: Path,
    now: datetime,
) -> int:
    """Run a subcommand that works on the round as it stands."""
    if command == "status":
        return _status(args, shot, now)
    if command == "next":
        return _next(args, shot, now)
    if command == "call":
        return _call(args, shot, now)
    if command == "report":
        return _report(args, shot, catalogue)
    if command == "plan":
        return _plan(args, shot, catalogue, now)
    if command == "chase":
        return _chase(args, shot, now)
    if command in ("assess", "interview"):
        return _converse(args, shot, catalogue, transcripts)
    raise AssertionError(command)


def _named(args: argparse.Namespace, shot: Snapshot, now: datetime) -> Snapshot | None:
    """The round as this caller sees it, once the caller is named to record a call or an
    interview: by the one rule (bot/rounds/caller.py), else asked for at a terminal and
    remembered; None if not (why is said on stderr, and nothing is recorded)."""
    if args.caller:
        return shot
    args.caller = ask_caller() or ""
    if not args.caller:
        return None
    # Worked out before the name was known, the officer's own claims looked like someone
    # else's: the states are worked out again as theirs, from the same reading.
    return shot.seen_by(args.caller, now)


def ask_caller() -> str | None:
    """The caller's name asked for at a terminal and remembered, or None (said why)."""
    from bot.problems import display_name
    from bot.rounds.caller import VARIABLE, check_name, remember

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            f"error: who is calling? Give --caller NAME or set ${VARIABLE} (at a terminal "
            "you are asked, once: the name is remembered). It goes into the call log and, "
            "for an interview, the report.",
            file=sys.stderr,
        )
        return None
    print("Who is calling? Your name goes into the call log and, for an interview, the report.")
    while True:
        try:
            typed = input("Your name: ")
        except EOFError:
            print("\nerror: no name given; nothing was logged.", file=sys.stderr)
            return None
        why = check_name(typed)
        if not why:
            break
        print(why)
    try:
        where = remember(typed)
        print(f"Remembered in {display_name(where)} (--caller or ${VARIABLE} give another name).")
    except OSError as error:
        from bot.rounds.caller import not_remembered

        print(f"note: {not_remembered(error)}", file=sys.stderr)
    return typed.strip()


def _new(args: argparse.Namespace, catalogue: Catalogue, transcripts: Path) -> int:
    from bot.problems import display_name
    from bot.rounds import folder as round_folder
    from bot.rounds.model import Round

    framework = catalogue.framework(args.framework)
    for ref in (args.self_dialogue, args.telephone_dialogue):
        if ref:
            catalogue.dialogue(ref, framework)
    folder = round_folder.resolve(args.name, transcripts)
    previous = ""
    if args.previous:
        earlier = round_folder.resolve(args.previous, transcripts)
        # From the new round's folder, as round.toml's `previous` is read too (that folder
        # is not made yet, so "../x" is worked out by name).
        beside_new = Path(os.path.normpath(folder / args.previous))
        if (
            not round_folder.round_path(earlier).exists()
            and round_folder.round_path(beside_new).exists()
        ):
            earlier = beside_new
        why = round_folder.not_a_round(args.previous, earlier, transcripts)
        if not why and earlier.resolve() == folder.resolve():
            why = f"{display_name(earlier)} is the round being made"
        if why:
            print(f"error: --previous: {why}", file=sys.stderr)
            return exit_codes.USAGE
        # Written as round.toml's `previous` is read (plan_review.previous_folder): a round
        # beside the new one by its name, any other by its full path, so that it names
        # the same folder wherever the command is later run from.
        beside = earlier.resolve().parent == folder.resolve().parent
        previous = earlier.name if beside else str(earlier.resolve())
    made = round_folder.create(
        folder,
        Round(
            title=args.title,
            partnership=args.partnership or "",
            period=args.period or "",
            framework=framework.id,
            self_dialogue=args.self_dialogue,
            telephone_dialogue=args.telephone_dialogue,
            max_attempts=args.max_attempts,
            previous=previous,
        ),
    )
    print(
        f"Made {display_name(made.path)}. Add invitees with: "
        + round_command("import", "FILE.csv", folder=folder)
    )
    return exit_codes.OK


def _show(text: str, width: int) -> str:
    return clip(printable(text), width)


def _when(moment: datetime | None) -> str:
    from bot.rounds.status_rows import when

    return when(moment)


def _groups(title: str, groups: dict[str, Group], width: int = 100) -> None:
    # The names' column gives way to the figures on a narrow terminal.
    names = max(min(30, width - 35), 10)
    print(f"\n{title:<{names + 2}} invited  complete  not yet  rate")
    for name, g in groups.items():
        rate = f"{g.rate}%" if g.rate is not None else "n/a"
        print(
            f"  {_show(name, names):<{names}} {g.invited:>7}  {g.complete:>8}  "
            f"{g.outstanding:>7}  {rate:>4}"
        )


def _status(args: argparse.Namespace, shot: Snapshot, now: datetime) -> int:
    from bot.rounds.status_rows import invitee_rows, output_width, wrapped

    width = output_width()
    round_ = shot.loaded.round
    where = ", ".join(x for x in (round_.partnership, round_.period) if x)
    print(clip(f"{_show(round_.title, 70)}{f' ({_show(where, 60)})' if where else ''}", width))
    modes = shot.progress.by_mode
    invited = f"Framework {round_.framework}; {shot.progress.overall.invited} invited"
    if modes:
        invited += ": " + ", ".join(f"{g.invited} {m}" for m, g in modes.items())
    print(clip(invited, width))
    if not round_.invitees:
        print(f"No one is invited yet; {_what_next(shot)}")
        return exit_codes.OK
    counts = shot.progress.overall.counts
    print("\n" + wrapped(f"Response: {shot.progress.counted()}", width, commas_only=False).strip())
    print(
        wrapped(
            ", ".join(
                f"{STATE_LABELS[s]} {counts[s]}"
                for s in STATES
                if counts[s] or s not in FAULT_STATES
            ),
            width,
        )
    )
    print(wrapped(_call_backs_line(shot, now), width, commas_only=False))
    _groups("By role", shot.progress.by_role, width)
    _groups("By sector", shot.progress.by_sector, width)
    wanted = set(args.state or STATES)
    listed = [s for s in shot.invitees if s.state in wanted]
    print(f"\nInvitees ({len(listed)})")
    from bot.rounds import reminders

    chased = reminders.last_sent(reminders.read(shot.loaded.folder))
    for line in invitee_rows(listed, now, width, chased):
        print(line)
    for s in listed:
        if s.state == "unreadable" and s.unreadable is not None:
            from bot.rounds.state import unreadable_words

            print(wrapped(unreadable_words(s), width, commas_only=False))
    if shot.unplaced:
        from bot.problems import display_name

        named = ", ".join(display_name(p) for p in shot.unplaced)
        print(
            "\n"
            + wrapped(
                f"{len(shot.unplaced)} transcript(s) unreadable, naming no invitee of the round "
                f"(whose answers they hold cannot be told): {named}",
                width,
                commas_only=False,
            ).strip()
        )
    if shot.unlinked:
        print(f"\n{len(shot.unlinked)} transcript(s) in the folder name no invitee of the round.")
    if shot.dropped_call_bytes:
        from bot.rounds import calls

        print(f"Note: {calls.read(shot.loaded.folder).torn}.")
    for note in shot.call_notes:
        print(wrapped(f"note: {note}", width, commas_only=False))
    return exit_codes.OK


def _call_backs_line(shot: Snapshot, now: datetime) -> str:
    """Such as "call-backs: 2 due now (round next offers them first), 1 booked later
    (the first 03 Dec 10:00)": counted by the rule `round next` follows."""
    from bot.rounds.state import call_backs

    found = call_backs(shot.invitees, now)
    due = f"{len(found.due)} due now" + (" (round next offers them first)" if found.due else "")
    later = f"{len(found.later)} booked later" + (
        f" (the first {_when(found.later[0].appointment)})" if found.later else ""
    )
    return f"call-backs: {due}, {later}"


def _what_next(shot: Snapshot) -> str:
    """What to do for a round with nothing to compile yet: invite people, or see who is
    outstanding."""
    folder = shot.loaded.folder
    if not shot.loaded.round.invitees:
        return "add invitees with: " + round_command("import", "FILE.csv", folder=folder)
    return "see who is outstanding with: " + round_command("status", folder=folder)


def _due_in(moment: datetime, now: datetime) -> str:
    """Such as "now (the time has passed)" or "in 2 days 3 hours"."""
    if moment <= now:
        return "now (the time has passed): round next offers them first"
    minutes = int((moment - now).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        f"{n} {word}{'s' if n != 1 else ''}"
        for n, word in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if n
    ]
    return "in " + " ".join(parts[:2] or ["less than a minute"])


def _chase(args: argparse.Namespace, shot: Snapshot, now: datetime) -> int:
    """Self-assessors who have not finished, with their contact and when they were last
    reminded, for an officer to remind (``round next`` offers only telephone invitees);
    ``--sent`` records that reminders went out, in the reminders log."""
    from bot.rounds import reminders
    from bot.rounds.chase_rows import chase_rows
    from bot.rounds.status_rows import INDENT, output_width

    width = output_width()

    def say(text: str) -> None:
        # A sentence wider than the terminal goes on under an indent, never cut.
        print(textwrap.fill(text, max(width, 20), subsequent_indent=INDENT))

    chase = [
        s
        for s in shot.invitees
        if s.invitee.mode == "self" and s.state in ("not_started", "in_progress")
    ]
    selves = sum(1 for s in shot.invitees if s.invitee.mode == "self")
    folder = shot.loaded.folder
    if args.sent is not None:
        sent = _reminded(args, shot, chase, now)
        if sent is None:
            return exit_codes.USAGE
        if not sent:
            say(f"No self-assessor to remind ({selves} self-assessing); nothing recorded.")
            return exit_codes.OK
        # Not written, it is said as every round's file is (`run`): which, why, what to do.
        torn = reminders.append(folder, sent)
        if torn:
            print(f"note: {torn}", file=sys.stderr)
        ids = ", ".join(r.invitee for r in sent)
        say(f"Recorded: reminded {len(sent)} on {_when(now)} ({_show(ids, 200)}).")
    if not chase:
        say(f"No self-assessor to remind ({selves} self-assessing).")
        return exit_codes.OK
    last = reminders.last_reminders(reminders.read(folder))
    started = sum(1 for s in chase if s.state == "in_progress")
    say(
        f"To remind: {len(chase)} of {selves} self-assessors "
        f"({len(chase) - started} not started, {started} unfinished)"
    )
    answered = {
        s.invitee.id: _modified(s.transcript)
        for s in chase
        if s.state == "in_progress" and s.transcript is not None
    }
    for line in chase_rows(chase, answered, last, width):
        print(line)
    if args.sent is None:
        # The command on a line of its own: never broken, and easy to copy.
        print("Once reminders have gone out, record it with:")
        print(INDENT + round_command("chase", "--sent", folder=folder))
    return exit_codes.OK


def _reminded(
    args: argparse.Namespace, shot: Snapshot, chase: list[InviteeState], now: datetime
) -> list[Reminder] | None:
    """The reminders ``--sent`` records: one for everyone listed, or for each id given
    (each must be listed: None, said why, when one is not)."""
    from bot.rounds.caller import known_caller
    from bot.rounds.reminders import Reminder

    chosen = chase
    if args.sent != ALL_LISTED:
        listed = {s.invitee.id for s in chase}
        chosen = []
        for typed in (word.strip() for word in args.sent.split(",")):
            if not typed:
                continue
            found = shot.find(typed)  # an id that names no invitee: UnknownInvitee
            if found.invitee.id not in listed:
                why = (
                    "is interviewed by telephone (round next and round call are for them)"
                    if found.invitee.mode == "telephone"
                    else f"is {STATE_LABELS[found.state]}, not someone to remind"
                )
                print(
                    f"error: --sent: {found.invitee.id} ({_show(found.invitee.name, 40)}) {why}; "
                    "nothing was recorded. Those to remind are listed by: "
                    + round_command("chase", folder=shot.loaded.folder),
                    file=sys.stderr,
                )
                return None
            if found not in chosen:
                chosen.append(found)
        if not chosen:
            print(
                "error: --sent: no id given (leave them out for everyone listed)", file=sys.stderr
            )
            return None
    by = known_caller(args.caller)
    return [Reminder(at=now, invitee=s.invitee.id, by=by) for s in chosen]


def _modified(path: Path) -> datetime | None:
    from bot import store
    from bot.problems import LoadError

    try:
        return store.load(path).transcript.updated
    except LoadError:
        return None


def _next(args: argparse.Namespace, shot: Snapshot, now: datetime) -> int:
    from bot.rounds.state import call_backs, next_calls

    if args.claim:
        fresh = _named(args, shot, now)
        if fresh is None:
            return exit_codes.USAGE
        shot = fresh
    queue = next_calls(shot.invitees, now)
    if not queue:
        print("No one to call now.")
        waiting = call_backs(shot.invitees, now).later
        if waiting:
            first = waiting[0]
            print(
                f"Next appointment: {_show(first.invitee.name, 40)} at {_when(first.appointment)}."
            )
        return exit_codes.OK
    claimed = None
    if args.claim:
        from bot.rounds.work import claim_next

        # Checked and claimed under the call log's lock: if another officer claimed the
        # first at this instant, this officer is given the next one, listed first.
        claimed = claim_next(shot.loaded.folder, queue, args.caller, now)
        if claimed is None:
            print(
                "error: everyone to call now was claimed by another officer just now; "
                f"see {round_command('status', folder=shot.loaded.folder)}",
                file=sys.stderr,
            )
            return exit_codes.IN_USE
        queue = [claimed, *(s for s in queue if s is not claimed)]
    for s in queue[: max(args.count, 1)]:
        why = (
            f"appointment {_when(s.appointment)}"
            + (", interview unfinished" if s.state == "in_progress" else "")
            if s.appointment is not None
            else "interview unfinished"
            if s.state == "in_progress"
            else f"{s.attempts} call(s) so far"
        )
        print(
            f"{_show(s.invitee.id, 10)}  {_who(s.invitee)}\n"
            f"    ring {_show(s.invitee.contact, 40) or '(no contact given)'}; {why}"
        )
        if s.note:
            print(f"    note: {_show(s.note, 200)}")
    if claimed is not None:
        print(f"Logged: {_show(args.caller, 40)} calling {claimed.invitee.id} now.")
    return exit_codes.OK


def _who(invitee: Invitee) -> str:
    """The invitee as "name, role (organisation)", with only what the round has of them: no stray comma
    or empty brackets for a role or organisation not given."""
    text = _show(invitee.name, 40)
    if invitee.role.strip():
        text += f", {_show(invitee.role, 30)}"
    if invitee.organisation.strip():
        text += f" ({_show(invitee.organisation, 40)})"
    return text


def _call(args: argparse.Namespace, shot: Snapshot, now: datetime) -> int:
    from bot.problems import suggest
    from bot.rounds.state import outcome_refusal, self_refusal, start_refusal
    from bot.rounds.work import StartRefused, log_outcome

    found = shot.find(args.invitee)
    chase = round_command("chase", folder=shot.loaded.folder)
    refuse = round_command("call", found.invitee.id, "refused", folder=shot.loaded.folder)
    typed = args.outcome.casefold().replace("_", "-").replace(" ", "-")
    outcome = OUTCOME_WORDS.get(typed)
    wrong_mode = self_refusal(found, chase, outcome or "", refuse)
    if wrong_mode:
        # As `round chase --sent` refuses a telephone invitee: the wrong command for how
        # they take part (a self-assessor's refusal aside), whatever --force says.
        print(f"error: {wrong_mode}; nothing was logged", file=sys.stderr)
        return exit_codes.USAGE
    if outcome is None:
        shown = _show(args.outcome, 40)
        why = (
            f"is not an outcome you give: {LOGGED_BY_THE_PRODUCT[typed]}"
            if typed in LOGGED_BY_THE_PRODUCT
            else "is not an outcome"
        )
        print(
            f'error: "{shown}" {why}; use one of: {GIVEN_OUTCOME_WORDS}'
            + ("" if typed in LOGGED_BY_THE_PRODUCT else suggest(args.outcome, OUTCOME_WORDS)),
            file=sys.stderr,
        )
        return exit_codes.USAGE
    appointment = None
    if outcome == "call_back":
        if not args.at:
            print(f"error: a call back needs --at TIME: {WHEN_HELP}", file=sys.stderr)
            return exit_codes.USAGE
        try:
            appointment = parse_when(args.at, now.astimezone())
        except ValueError as error:
            print(f"error: --at {error}", file=sys.stderr)
            return exit_codes.USAGE
        if appointment <= now and not args.force:
            # A call back is for later: a time that is now has passed by the time it is read.
            passed = "has already passed" if appointment < now else "is not later than now"
            print(
                f"error: --at {_show(args.at, 40)} is {_when(appointment)}, which {passed} "
                f"(it is now {_when(now)}); give a later time, such as "
                '"tomorrow 10:00" or +2h, or add --force to log it as due now',
                file=sys.stderr,
            )
            return exit_codes.USAGE
    elif args.at:
        print("error: --at is only for call-back", file=sys.stderr)
        return exit_codes.USAGE
    from bot.rounds.calls import NOTE_LIMIT

    # Counted as it is kept (`call_entry` keeps it cleaned, as one line).
    if len(clean_line(args.note)) > NOTE_LIMIT:
        print(
            f"error: --note has {len(clean_line(args.note))} characters; a call's note keeps at most "
            f"{NOTE_LIMIT}: shorten it (nothing was logged)",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    fresh = _named(args, shot, now)
    if fresh is None:
        return exit_codes.USAGE
    refused: list[int] = []  # the exit status of a refusal, when there is one

    def refusal(now_found: InviteeState) -> str:
        # Decided on the invitee as they are under the call log's lock (`log_outcome`).
        finished = outcome_refusal(now_found, outcome)
        if finished and not args.force:
            refused.append(exit_codes.USAGE)
            return f"{finished} (add --force to log it all the same)"
        held = start_refusal(now_found)
        if held and not args.force:
            # As the round screen asks first: an outcome logged now would end a colleague's
            # claim, or land in the middle of the interview they have open.
            refused.append(exit_codes.IN_USE)
            return f"{held}; nothing was logged (add --force to log it all the same)"
        if held:
            print(f"note: {found.invitee.id} is being called by {_show(now_found.held_by, 60)}")
        return ""

    said: list[str] = []
    try:
        entry = log_outcome(
            fresh,
            found.invitee.id,
            outcome,
            now,
            args.caller,
            appointment,
            args.note,
            refusal,
            said,
        )
    except StartRefused as error:
        print(f"error: {error}", file=sys.stderr)
        return refused[-1]
    for words in said:
        print(f"note: {words}", file=sys.stderr)
    when = f" at {_when(entry.appointment)}" if entry.appointment else ""
    print(f"Logged: {found.invitee.id} {OUTCOME_LABELS[outcome]}{when}.")
    if entry.appointment is not None:
        print(f"Due {_due_in(entry.appointment, now)}.")
    from bot.rounds import calls

    folder = shot.loaded.folder
    for note in calls.order_notes(calls.read(folder), calls.calls_path(folder)):
        print(f"note: {note}")
    return exit_codes.OK


def _report(args: argparse.Namespace, shot: Snapshot, catalogue: Catalogue) -> int:
    from bot import store
    from bot.cli_output import emit, output_refusal, template_files

    refused = output_refusal(
        args.output, f"round-report.{args.format}", template_files(args.templates)
    )
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return exit_codes.USAGE
    from bot.report.render import render_aggregate
    from bot.rounds.refs import round_framework
    from bot.rounds.report import round_report

    round_framework(catalogue, shot.loaded)  # one round.toml names that is not there: exit 3
    from bot.scoring.aggregate import default_cache_folder

    data, run, response = round_report(
        shot,
        catalogue,
        anonymise=args.anonymise,
        include_unfinished=args.include_unfinished,
        current=args.current,
        cache_folder=default_cache_folder(),
    )
    from bot.problems import display_name

    said = {display_name(path) for path in shot.failed_paths}  # said once read (`skipped:`)
    for name, reason in run.failed:
        if name not in said:
            print(f"skipped: {name}: {reason}", file=sys.stderr)
    for duplicate in run.duplicates:
        print(duplicate.said, file=sys.stderr)
    for path, dropped in run.torn:
        print(store.torn_note(path, dropped), file=sys.stderr)
    if data is not None and _carrying_pending(shot):
        # Only `round plan` writes the plan: a report never changes a file of the round.
        print(
            f"note: this report does not change plan.toml; to carry the actions agreed in "
            f"{_show(shot.loaded.round.previous, 200)} into this round's plan, with the status its "
            f"respondents gave: {round_command('plan', folder=shot.loaded.folder)}",
            file=sys.stderr,
        )
    if data is None:
        # Whole or nothing: the error alone, on standard output as with -o (round status
        # shows the response so far).
        print(
            f"error: no responses to compile yet ({response['headline']}); " + _what_next(shot),
            file=sys.stderr,
        )
        return exit_codes.PROBLEMS
    text = render_aggregate(data, args.format, templates=args.templates)
    if not emit(text, args.output):
        return exit_codes.CANNOT_WRITE
    return exit_codes.PROBLEMS if run.failed or shot.failed else exit_codes.OK


class BadArgument(Exception):
    """A value on the command line that names nothing there is, or cannot be read: a usage
    error (exit status 2), not a file that could not be loaded."""

    def __init__(self, problem: object) -> None:
        super().__init__(str(problem))


def _plan(args: argparse.Namespace, shot: Snapshot, catalogue: Catalogue, now: datetime) -> int:
    try:
        return _plan_checked(args, shot, catalogue, now)
    except BadArgument as error:
        print(f"error: {error}", file=sys.stderr)
        return exit_codes.USAGE


def _plan_checked(
    args: argparse.Namespace, shot: Snapshot, catalogue: Catalogue, now: datetime
) -> int:
    from bot.cli_output import emit, output_refusal
    from bot.problems import LoadError, Problem, display_name
    from bot.rounds.plan import agree, edit_action, parse_status, read_plan, update_plan
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.plan_export import named_people, render_plan
    from bot.scoring.aggregate import default_cache_folder

    folder = shot.loaded.folder
    name = display_name(folder / "plan.toml")
    refused = output_refusal(args.output, f"plan.{args.format}")
    if refused:
        # Refused before the plan is compiled or changed: nothing is written.
        raise BadArgument(refused)
    edits = any(v is not None for v in (args.status, args.owner, args.due, args.note))
    if edits and not args.set:
        raise BadArgument(
            Problem("round plan", "", "--status, --owner, --due and --note need --set REF")
        )
    status = due = None
    try:
        status = parse_status(args.status) if args.status is not None else None
        due = date.fromisoformat(args.due) if args.due is not None else None
    except ValueError as error:
        message = (
            str(error)
            if args.status and status is None
            else f'"{args.due}" is not a date; use YYYY-MM-DD'
        )
        raise BadArgument(
            Problem(
                "round plan", "--status" if status is None and args.status else "--due", message
            )
        ) from None
    from bot.bounds import out_of_years

    if due is not None and out_of_years(due):
        # Said of the option it was typed in, before the plan is read or changed.
        raise BadArgument(Problem("round plan", "--due", out_of_years(due)))
    if not args.no_compile:
        compiled = compile_plan(
            shot, catalogue, now, current=args.current, cache_folder=default_cache_folder()
        )
        for file, reason in compiled.run.failed:
            print(f"skipped: {file}: {reason}", file=sys.stderr)
        if not compiled.plan.actions and not compiled.plan.respondents:
            print(
                f"note: no responses to compile yet ({shot.progress.headline()})", file=sys.stderr
            )
        print(f"{name}: {compiled.summary()}", file=sys.stderr)
    elif read_plan(folder) is None:
        raise LoadError(
            [
                Problem(
                    name,
                    "",
                    "does not exist yet; make it with: " + round_command("plan", folder=folder),
                )
            ]
        )

    def change(plan):  # type: ignore[no-untyped-def]
        if plan is None:
            raise LoadError([Problem(name, "", "does not exist yet")])
        try:
            if args.agree:
                plan = agree(plan, args.agree.split(","))
            if args.unagree:
                plan = agree(plan, args.unagree.split(","), agreed=False)
            if args.set:
                plan = edit_action(
                    plan,
                    args.set,
                    now.date(),
                    round_name=folder.resolve().name,
                    status=status,
                    owner=args.owner,
                    due=due,
                    note=args.note,
                )
        except KeyError as error:
            # A ref that names no action is a bad argument: nothing is changed.
            raise BadArgument(Problem(name, "actions", str(error.args[0]))) from None
        return plan

    if args.agree or args.unagree or args.set:
        plan = update_plan(folder, change)
        print(f"{name}: saved ({len(plan.agreed_actions())} agreed)", file=sys.stderr)
    plan = read_plan(folder)
    assert plan is not None
    people = named_people(shot.loaded.round.invitees)
    if not emit(render_plan(plan, args.format, people), args.output):
        return exit_codes.CANNOT_WRITE
    return exit_codes.OK


def _compare(args: argparse.Namespace, catalogue: Catalogue, transcripts: Path) -> int:
    from bot import cli_compare
    from bot.rounds import folder as round_folder

    if len(args.rounds) > 2:
        print(
            f"error: round compare takes two rounds, the earlier first ({len(args.rounds)} "
            "given): partnership-bot round compare OLD NEW",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    refs = list(args.rounds)
    if len(refs) == 1:
        earlier = _previous(round_folder.resolve(refs[0], transcripts))
        if earlier is None:
            print(
                f"error: {refs[0]} names no previous round: give the earlier one too "
                f"(partnership-bot round compare OLD {refs[0]}), or set previous in its round.toml",
                file=sys.stderr,
            )
            return exit_codes.USAGE
        refs.insert(0, str(earlier))
    old = round_folder.resolve(refs[0], transcripts)
    new = round_folder.resolve(refs[1], transcripts)
    for ref, folder in ((refs[0], old), (refs[1], new)):
        why = round_folder.not_a_round(ref, folder, transcripts)
        if why:
            print(
                f"error: {why}; to compare folders of transcripts use: "
                "partnership-bot report --compare OLD NEW",
                file=sys.stderr,
            )
            return exit_codes.USAGE
    return cli_compare.run(
        old,
        new,
        catalogue,
        args.format,
        args.output,
        current=args.current,
        include_unfinished=args.include_unfinished,
        templates=args.templates,
        anonymise=args.anonymise,
    )


def _carrying_pending(shot: Snapshot) -> bool:
    """Whether `round plan` would carry something into the round's plan that it does not
    have yet (an action agreed in the previous round, or answers about one); a previous
    round that cannot be read is said by `round plan` itself, not by the report."""
    from bot.problems import LoadError
    from bot.rounds.plan_review import carrying_pending
    from bot.rounds.report import compiled_files

    if not shot.loaded.round.previous:
        return False
    try:
        return carrying_pending(shot.loaded, compiled_files(shot))
    except LoadError:
        return False


def _previous(folder: Path) -> Path | None:
    """The round a round's round.toml names as previous (None when it names none, or is
    not a round: the caller then says what is missing)."""
    from bot.rounds import folder as round_folder
    from bot.rounds.plan_review import previous_folder

    if not round_folder.round_path(folder).exists():
        return None
    return previous_folder(round_folder.load_round(folder))


def log_interview_or_say(
    folder: Path, invitee: Invitee, talk: Conversation, caller: str, then: str
) -> int:
    """Log an interview taken or carried on in the round's call log (durable when this
    returns): OK; IN_USE, said why, while another officer's claim on the invitee holds;
    or, when the log cannot be written, say so, with what to do ``then``, and return
    CANNOT_WRITE."""
    from bot.problems import display_name
    from bot.rounds.calls import calls_path
    from bot.rounds.work import StartRefused, log_interview, log_remedy

    try:
        log_interview(folder, invitee, talk, datetime.now(UTC).replace(microsecond=0), caller)
    except StartRefused as refused:
        print(f"error: {refused}.", file=sys.stderr)
        return exit_codes.IN_USE
    except OSError as error:
        print(
            f"error: cannot log the call in {display_name(calls_path(folder))} "
            f"({error.strerror or error}): {log_remedy(error)} and {then}",
            file=sys.stderr,
        )
        return exit_codes.CANNOT_WRITE
    return exit_codes.OK


def _over_refusal(refused: str) -> str:
    """The error for starting someone whose refusal stands without ``--force``."""
    return (
        f"error: {refused}; nothing was started (add --force to start or resume their "
        "conversation all the same)"
    )


def _converse(args: argparse.Namespace, shot, catalogue: Catalogue, transcripts: Path) -> int:  # type: ignore[no-untyped-def]
    from bot import store
    from bot.model.dialogue import conversation_command
    from bot.rounds.work import CannotLog, StartRefused, start_conversation

    found = shot.find(args.invitee)
    telephone = args.round_command == "interview"
    if telephone != (found.invitee.mode == "telephone"):
        from bot import store

        # The wrong command for how they take part: a command-line mistake, with the right one.
        other = conversation_command(found.invitee.mode)
        ways = ("by self-assessment", "by telephone interview")
        how, wrong = ways[::-1] if found.invitee.mode == "telephone" else ways
        print(
            f"error: {found.invitee.id} ({_show(found.invitee.name, 40)}) takes part {how}, "
            f"not {wrong}; use: "
            + round_command(other, found.invitee.id, folder=shot.loaded.folder),
            file=sys.stderr,
        )
        return exit_codes.USAGE
    if found.state == "complete" and not args.again:
        from bot.problems import display_name

        where = display_name(found.transcript) if found.transcript else ""
        print(
            f"{found.invitee.id} ({_show(found.invitee.name, 40)}) has finished"
            + (f": {where}" if where else "")
            + ".\nSee their answers with: "
            + (
                file_command("replay", found.transcript)
                if found.transcript
                else "partnership-bot replay FILE"
            )
            + "\nor the round's report with: "
            + round_command("report", folder=shot.loaded.folder)
            + "\nTo start a second conversation with them: "
            + round_command(
                args.round_command, found.invitee.id, "--again", folder=shot.loaded.folder
            ),
            file=sys.stderr,
        )
        # Nothing is wrong with the command line or the round: there is nothing to do.
        return exit_codes.OK
    from bot.rounds.state import refused_words

    if refused_words(found) and not args.force:
        print(_over_refusal(refused_words(found)), file=sys.stderr)
        return exit_codes.USAGE
    if found.state in ("complete", "refused"):
        print(f"note: {found.invitee.id} is already {STATE_LABELS[found.state]}.", file=sys.stderr)
    elif found.state == "abandoned":
        print(
            f"note: {found.invitee.id} abandoned an earlier conversation part way.", file=sys.stderr
        )
    if not args.plain and not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("error: the app needs a terminal; add --plain", file=sys.stderr)
        return exit_codes.USAGE
    if telephone:
        named = _named(args, shot, datetime.now(UTC).replace(microsecond=0))
        if named is None:
            return exit_codes.USAGE
        shot, found = named, named.find(found.invitee.id)
    try:
        # Checked and claimed as one step under the call log's lock: the round read above
        # may be out of date by now (another officer starting them at this instant).
        talk = start_conversation(
            catalogue,
            shot,
            found,
            getattr(args, "caller", ""),
            datetime.now(UTC).replace(microsecond=0),
            over_refusal=args.force,
        )
    except StartRefused as refused:
        if refused.state.state == "refused":
            print(_over_refusal(str(refused)), file=sys.stderr)
            return exit_codes.USAGE
        print(f"error: {refused}.", file=sys.stderr)
        if refused.state.state == "unreadable":
            return exit_codes.LOAD_ERROR
        return exit_codes.IN_USE
    except store.TranscriptInUse as error:
        print(f"error: {error}. Close it there first.", file=sys.stderr)
        return exit_codes.IN_USE
    except CannotLog as error:
        print(f"error: {error}: {error.remedy} and start again", file=sys.stderr)
        return exit_codes.CANNOT_WRITE
    except OSError as error:
        # The conversation's own files: its transcript could not be made or resumed.
        from bot.files import remedy
        from bot.problems import display_name

        where = display_name(shot.loaded.folder)
        print(
            f"error: cannot write the transcript in {where} "
            f"({error.strerror or error}): {remedy(error)} and start again",
            file=sys.stderr,
        )
        return exit_codes.CANNOT_WRITE
    try:
        if args.plain:
            from bot.plain import PlainMode

            return PlainMode(talk, sys.stdin, sys.stdout).run(resumed=bool(talk.session.turns))
        from bot.tui.app import PartnershipApp

        app = PartnershipApp(catalogue, transcripts, conversation=talk)
        app.run()
        app.say_after_exit()
        return app.return_code or 0
    finally:
        talk.close()
