"""The `partnership-bot` command."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot import __version__, exit_codes, start_gc
from bot.catalogue import Catalogue
from bot.cli_names import add_caller, named
from bot.cli_output import add_output
from bot.problems import BadInput, LoadError, display_name
from bot.statement_order import DEFAULT_ORDER, ORDERS

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.conversation import Conversation
    from bot.tui.first_look import FirstStart

DESCRIPTION = (
    "A conversational self-assessment bot for local partnerships.\n"
    "With no command, opens the terminal app.\n\nExit statuses:\n"
    + "\n".join(
        textwrap.fill(
            meaning.replace("`", ""),
            width=79,
            initial_indent=f"  {status:<4}",
            subsequent_indent=" " * 6,
        )
        for status, meaning in exit_codes.MEANINGS.items()
    )
)


def _iso_date(text: str) -> str:
    """An argument that must be a YYYY-MM-DD date (kept as written)."""
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; use YYYY-MM-DD, such as 2009-12-01"
        ) from None
    return text


FOLDER_HINT = "or the folder that holds it (--frameworks DIR)"
INSTALL_HINT = "or install it with partnership-bot add FILE..."
HINTS: dict[str | None, dict[str, str]] = (
    {
        command: {
            "framework": f"for a file of your own, give its path (-f PATH), {FOLDER_HINT}, {INSTALL_HINT}",
            "dialogue": f"for a file of your own, give its path (-d PATH), {FOLDER_HINT}, {INSTALL_HINT}",
        }
        for command in ("assess", "interview", "resume")
    }
    | {
        command: {
            "framework": f"give the folder that holds it (--frameworks DIR), {INSTALL_HINT}",
            "dialogue": f"give the folder that holds it (--frameworks DIR), {INSTALL_HINT}",
        }
        for command in ("replay", "report", "frameworks", "add", None)
    }
    | {
        "validate": {
            "framework": "give its file too (partnership-bot validate FRAMEWORK.toml DIALOGUE.toml) "
            "or the folder that holds it (--frameworks DIR)",
            "dialogue": "give its file, or the folder that holds it (--frameworks DIR)",
        }
    }
)
"""What to suggest when a framework or dialogue id is not found: each command names
only options it has."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with a subcommand each."""
    parser = argparse.ArgumentParser(
        prog="partnership-bot",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--transcripts",
        type=Path,
        metavar="DIR",
        help="folder for transcripts (default: $PARTNERSHIP_BOT_TRANSCRIPTS or ./transcripts)",
    )

    def folders(sub: argparse.ArgumentParser, dest: str = "frameworks") -> None:
        # Given before the command or after it: both count, those before it first.
        sub.add_argument(
            "--frameworks",
            dest=dest,
            type=Path,
            action="append",
            default=[],
            metavar="DIR",
            help="also look for frameworks and dialogues here, first (repeatable)",
        )

    folders(parser, "top_frameworks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def person(sub: argparse.ArgumentParser) -> None:
        # Each may be left out; one given blank (an empty variable in a script) is refused.
        sub.add_argument(
            "--respondent",
            "--name",
            dest="respondent",
            default=None,  # not "": argparse would check a text default as if it were typed
            type=named("the respondent's name", "to leave them unnamed"),
            metavar="NAME",
            help="the respondent's name",
        )
        for option, text, example in (
            ("--organisation", "their organisation", "their organisation"),
            ("--role", "their role, such as Councillor", "their role"),
            ("--sector", "public, voluntary, business, ...", "their sector"),
            ("--partnership", "the partnership assessed", "the partnership's name"),
        ):
            sub.add_argument(
                option, default=None, type=named(example, "if it is not known"), help=text
            )

    assess = commands.add_parser("assess", help="start a self-assessment")
    assess.add_argument(
        "-f", "--framework", default="working-better-together", help="framework id or .toml path"
    )
    assess.add_argument(
        "-d", "--dialogue", help="dialogue id or .toml path (default: the framework's own)"
    )
    assess.add_argument("--plain", action="store_true", help="plain line mode instead of the app")
    person(assess)
    folders(assess)

    interview = commands.add_parser("interview", help="start a telephone interview")
    interview.add_argument(
        "-f", "--framework", default="hertfordshire-review", help="framework id or .toml path"
    )
    interview.add_argument(
        "-d", "--dialogue", help="dialogue id or .toml path (default: its telephone dialogue)"
    )
    # Who is interviewing, by the caller rule of a round (bot/rounds/caller.py);
    # --interviewer is the name this option had first.
    add_caller(interview, "--interviewer")
    interview.add_argument(
        "--plain", action="store_true", help="plain line mode instead of the app"
    )
    person(interview)
    folders(interview)

    resume = commands.add_parser("resume", help="carry on with an unfinished transcript")
    resume.add_argument("transcript", type=Path)
    resume.add_argument(
        "-f",
        "--framework",
        help="the transcript's framework's .toml, if it is not installed (another framework "
        "is refused)",
    )
    resume.add_argument("-d", "--dialogue", help="the dialogue's .toml, if it is not installed")
    resume.add_argument("--plain", action="store_true", help="plain line mode instead of the app")
    add_caller(resume)  # a round's interview carried on is a call, logged with its caller
    folders(resume)

    replay = commands.add_parser("replay", help="step through a transcript")
    replay.add_argument("transcript", type=Path)
    replay.add_argument("--plain", action="store_true", help="print it as text instead of the app")
    folders(replay)

    report = commands.add_parser("report", help="compile transcripts into an assessment")
    report.add_argument(
        "transcripts", type=Path, nargs="+", metavar="TRANSCRIPT", help="files or folders"
    )
    report.add_argument("--format", choices=["md", "html", "json", "csv"], default="md")
    add_output(report)
    report.add_argument("--aggregate", action="store_true", help="one report over many transcripts")
    report.add_argument(
        "--compare",
        action="store_true",
        help="compare two rounds or folders of transcripts, the earlier first (md, html, json)",
    )
    report.add_argument("--anonymise", action="store_true", help="no names or organisations")
    report.add_argument(
        "--current",
        action="store_true",
        help="score against the installed framework even if it changed",
    )
    report.add_argument(
        "--include-unfinished", action="store_true", help="include in-progress transcripts"
    )
    report.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="a folder of templates overriding the built-in ones",
    )
    report.add_argument(
        "--framework",
        type=named("a framework id or .toml", "to take every framework"),
        help="aggregate: only this framework (an id, or a framework .toml)",
    )
    for option, what in (
        ("--partnership", "partnership"),
        ("--role", "role"),
        ("--sector", "sector"),
    ):
        report.add_argument(
            option,
            type=named(f"the {what} to keep", f"to take every {what}"),
            help=f"aggregate: only this {what}",
        )
    report.add_argument(
        "--order",
        choices=ORDERS,
        default=DEFAULT_ORDER,
        help="aggregate: statements by area (framework) or by their published numbers",
    )
    report.add_argument(
        "--since", type=_iso_date, help="aggregate: started on or after this date (YYYY-MM-DD)"
    )
    report.add_argument(
        "--until", type=_iso_date, help="aggregate: started on or before this date (YYYY-MM-DD)"
    )
    folders(report)

    validate = commands.add_parser("validate", help="check frameworks and dialogues")
    validate.add_argument(
        "paths",
        type=Path,
        nargs="*",
        metavar="PATH",
        help="files or folders to check, frameworks with their dialogues (default: all found)",
    )
    folders(validate)

    listing = commands.add_parser(
        "frameworks", help="list the frameworks and dialogues found, and where from"
    )
    folders(listing)

    add = commands.add_parser(
        "add", help="check a framework of your own with its dialogues and install it"
    )
    add.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="framework and dialogue files or folders",
    )
    add.add_argument(
        "--replace", action="store_true", help="replace ones of the same id in your folder"
    )
    folders(add)

    remove = commands.add_parser(
        "remove", help="take a framework (with its dialogues) or a dialogue out of your folder"
    )
    remove.add_argument("id", metavar="ID", help="the framework or dialogue id")

    from bot.rounds.cli import add_parser as add_round_parser

    add_round_parser(commands)

    schema = commands.add_parser("schema", help="write JSON Schemas of the file formats")
    schema.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("schemas"),
        metavar="DIR",
        help="the folder for the schema files (default: schemas), made if its own folder exists",
    )
    return parser


INTERRUPTED_WORDS = (
    "Interrupted. Everything answered is saved; words typed and not sent are not. "
    "Run partnership-bot again to carry on: it is listed in progress on the home screen."
)
"""What an interrupted command says (Ctrl+C), in the app and on the command line alike."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    # Text that cannot be encoded (undecodable bytes in a file name, say) is printed as
    # escapes rather than ending the run with an encoding error.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from bot.cli_options import parse
    from bot.rounds.caller import APP_WAY

    args = parse(build_parser(), argv, {"--caller": APP_WAY, "--interviewer": APP_WAY})
    try:
        return _dispatch(args)
    except LoadError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return exit_codes.USAGE if isinstance(error, BadInput) else exit_codes.LOAD_ERROR
    except KeyboardInterrupt:
        print(f"\n{INTERRUPTED_WORDS}", file=sys.stderr)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        return exit_codes.OK


def _dispatch(args: argparse.Namespace) -> int:
    from bot.transcript_folder import default_folder

    folder = args.transcripts or default_folder()
    command = args.command
    catalogue = Catalogue.searching([*args.top_frameworks, *getattr(args, "frameworks", [])])
    catalogue.hints.update(HINTS.get(command, {}))
    wants_app = command is None or (
        command in ("assess", "interview", "resume", "replay") and not args.plain
    )
    if wants_app and os.environ.get("TERM") == "dumb":
        # A terminal that cannot draw the app: say so, and use plain mode where there is one.
        if command is None:
            print(
                "error: this terminal (TERM=dumb) cannot draw the app; use plain mode: "
                "partnership-bot assess --plain, resume FILE --plain, replay FILE --plain",
                file=sys.stderr,
            )
            return exit_codes.USAGE
        print(
            "This terminal (TERM=dumb) cannot draw the app: using plain mode (--plain).",
            file=sys.stderr,
        )
        args.plain = True
        wants_app = False
    if wants_app and not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "error: the app needs a terminal; for pipes and scripts add --plain "
            "(partnership-bot assess --plain, resume FILE --plain, replay FILE --plain)",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    if not wants_app:
        # Nothing to draw: what the command needs first is loaded (bot.start_gc).
        start_gc.release()
    if command is None:
        return _app(catalogue, folder)
    if command == "frameworks":
        return _frameworks(catalogue)
    if command in ("add", "remove"):
        return _install(args, catalogue)
    if command == "validate":
        return _validate(args, catalogue)
    if command == "schema":
        return _schema(args.output)
    if command in ("assess", "interview", "resume"):
        return _converse(args, catalogue, folder)
    if command == "replay":
        return _replay(args, catalogue, folder)
    if command == "report":
        if args.compare:
            return _compare(args, catalogue)
        from bot import cli_report

        return cli_report.run(args, catalogue)
    if command == "round":
        from bot.rounds.cli import run as run_round

        return run_round(args, catalogue, folder)
    raise AssertionError(command)


def _compare(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from bot import cli_compare
    from bot.cli_report import aggregate_only

    unused = aggregate_only(args, comparing=True)
    if unused:
        print(f"error: {unused}", file=sys.stderr)
        return exit_codes.USAGE
    if args.aggregate:
        # A comparison already pools each folder's transcripts; --aggregate adds nothing.
        print(
            "error: --compare and --aggregate do not go together: a comparison already "
            "pools each folder; leave out --aggregate: partnership-bot report --compare OLD NEW",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    if len(args.transcripts) != 2:
        print(
            "error: --compare takes two folders, the earlier round first "
            f"({len(args.transcripts)} given): partnership-bot report --compare OLD NEW",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    old, new = args.transcripts
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


def _converse(args: argparse.Namespace, catalogue: Catalogue, folder: Path) -> int:
    _repair_person(args)
    first = _first_start(args, catalogue, folder)
    if first is not None and first.look is not None:
        # The first question drawn from a record while the engine loads: any error it
        # meets is said as below, once the app has closed.
        return _app(catalogue, folder, first=first, on_start_error=_start_refused(args, folder))
    caller = ""
    if args.command == "interview":
        caller = _interviewer(args.caller)
        if not caller:
            return exit_codes.USAGE
    try:
        session = _begin(args, catalogue, folder, caller)
    except (OSError, *_start_errors()) as error:
        return _start_refused(args, folder)(error)
    try:
        status = _resumed_call(args, session) if args.command == "resume" else exit_codes.OK
    except BaseException:
        session.close()
        raise
    if status != exit_codes.OK:
        session.close()
        return status
    torn = _torn_note(args, session) if session.dropped_bytes else ""
    try:
        if args.plain:
            from bot import conversation
            from bot.plain import PlainMode

            if torn:
                # Said once, on stderr as report and replay say it, not again as a note.
                print(torn, file=sys.stderr)
                with contextlib.suppress(ValueError):
                    session.warnings.remove(
                        conversation.interrupted_warning(session.dropped_bytes, session.kept_in)
                    )
            return PlainMode(session, sys.stdin, sys.stdout).run(resumed=args.command == "resume")
        status = _app(catalogue, folder, conversation=session, first=first)
        if torn:
            # Said after the app, whose screen would hide it; the app shows it too.
            print(torn, file=sys.stderr)
        return status
    finally:
        session.close()


def _torn_note(args: argparse.Namespace, session: Conversation) -> str:
    from bot import store

    return store.torn_note(args.transcript, session.dropped_bytes, session.kept_in)


def _first_start(args: argparse.Namespace, catalogue: Catalogue, folder: Path) -> FirstStart | None:
    """How a new self-assessment in the app starts (`bot.tui.first_look`): its first
    question drawn from a record kept by an earlier start, when there is one for this
    command and these files, the engine loaded once it is up; None for anything else."""
    if args.command != "assess" or args.plain:
        return None
    from bot.tui import first_look
    from bot.tui.app import PartnershipApp

    words = (
        args.framework,
        args.dialogue or "",
        *(getattr(args, name) or "" for name in PERSON_OPTIONS),
    )
    refs = (ref for ref in (args.framework, args.dialogue) if ref)
    entry = first_look.entry(
        words, [*catalogue.framework_folders, *catalogue.dialogue_folders], refs
    )
    look = first_look.recall(entry) if PartnershipApp._textual_can_start_on_a_screen() else None
    return first_look.FirstStart(entry, look, lambda: _begin(args, catalogue, folder))


PERSON_OPTIONS = ("respondent", "organisation", "role", "sector", "partnership")
"""The options that name who answers, as the transcript's header keeps them."""


def _start_errors() -> tuple[type[BaseException], ...]:
    """The errors a conversation's start says in words of its own (`_start_refused`)."""
    from bot import conversation, store

    return (store.TranscriptInUse, conversation.NotItsFramework)


def _begin(
    args: argparse.Namespace, catalogue: Catalogue, folder: Path, caller: str = ""
) -> Conversation:
    """Start or resume the conversation the command names (``caller``: the interviewer of
    a telephone interview, already asked for)."""
    from bot import conversation
    from bot.model import Person, Respondent

    if args.command == "resume":
        return conversation.resume(
            catalogue, args.transcript, framework_ref=args.framework, dialogue_ref=args.dialogue
        )
    respondent = Respondent(
        name=args.respondent or "",
        organisation=args.organisation or "",
        role=args.role or "",
        sector=args.sector or "",
        partnership=args.partnership or "",
    )
    interviewer = None
    if args.command == "interview":
        interviewer = Person(name=caller)
    return conversation.start(
        catalogue, args.framework, args.dialogue, respondent, folder, interviewer
    )


def _start_refused(args: argparse.Namespace, folder: Path) -> Callable[[BaseException], int]:
    """What the command says, and its exit status, for an error starting a conversation;
    any other error is raised again (a framework that cannot be loaded: `main`)."""

    def refused(error: BaseException) -> int:
        from bot import conversation, store

        if isinstance(error, store.TranscriptInUse):
            print(f"error: {error}. Close it there first.", file=sys.stderr)
            return exit_codes.IN_USE
        if isinstance(error, conversation.NotItsFramework):
            print(f"error: {error}", file=sys.stderr)
            return exit_codes.USAGE
        if not isinstance(error, OSError):
            raise error
        return _cannot_write(args, folder, error)

    return refused


def _cannot_write(args: argparse.Namespace, folder: Path, error: OSError) -> int:
    """Say why a conversation could not be started for want of writing; CANNOT_WRITE."""
    reason = error.strerror or str(error)
    if args.command == "resume" and _the_file_itself(error, args.transcript):
        # The folder may be writable: a read-only or immutable file is the file's doing.
        print(
            f"error: cannot write to {display_name(args.transcript)} ({reason}): the file "
            "itself cannot be written (read-only, or marked immutable); the transcript is "
            "unchanged: make the file writable (chmod u+w, or chattr -i), or copy it and "
            "resume the copy",
            file=sys.stderr,
        )
    elif args.command == "resume":
        where = display_name(args.transcript.parent)
        print(
            f"error: cannot write in {where} ({reason}), the folder of "
            f"{display_name(args.transcript)}; the transcript is unchanged: make the folder "
            "writable, or copy the transcript to one that is and resume it there",
            file=sys.stderr,
        )
    else:
        from bot.folder_words import cannot_write_transcripts

        print(f"error: {cannot_write_transcripts(folder, error)}", file=sys.stderr)
    return exit_codes.CANNOT_WRITE


def _the_file_itself(error: OSError, transcript: Path) -> bool:
    """Whether a write refused on resuming was refused by the transcript file itself (its
    own permissions or immutable mark), not by its folder (a side file that could not be
    made there) or its file system (mounted read-only)."""
    if not error.filename or error.errno == errno.EROFS:
        return False
    try:
        return os.path.samefile(error.filename, transcript)
    except OSError:
        return False


def _resumed_call(args: argparse.Namespace, talk: Conversation) -> int:
    """A round's telephone interview carried on here is a call like any other: logged in
    the round's call log (``interview_resumed``) by the caller rule. The exit status: not
    OK, said why, when no caller is named (no call is logged under a made-up name) or
    the log cannot be written."""
    from bot.rounds.cli import log_interview_or_say
    from bot.rounds.work import invitee_of

    # A finished call is only shown, never carried on: no call to log, no caller to ask.
    if talk.header.mode != "telephone" or talk.session.over:
        return exit_codes.OK
    found = invitee_of(args.transcript, talk.header.invitee)
    from bot.rounds.caller import carried_on_by

    if found is None:
        # Named on the call's resumption where known (never asked for outside a round).
        carried_on_by(talk, args.caller)
        return exit_codes.OK
    name = _interviewer(args.caller)
    if not name:
        return exit_codes.USAGE
    carried_on_by(talk, name)  # the report names everyone who interviewed
    folder, invitee = found
    return log_interview_or_say(
        folder, invitee, talk, name, "resume again; the transcript is unchanged"
    )


def _interviewer(given: str | None) -> str:
    """The interviewer's name by the caller rule (``bot.rounds.caller``): given, else
    $PARTNERSHIP_BOT_CALLER, else remembered, else asked at a terminal; "" when there is
    none (why is said), for no interview is taken by a made-up name."""
    from bot.rounds.caller import known_caller
    from bot.rounds.cli import ask_caller

    return known_caller(given) or ask_caller() or ""


def _repair_person(args: argparse.Namespace) -> None:
    """Names given with bytes that are not UTF-8 are kept with U+FFFD in their place,
    and the user is told, so that the transcript can always be written as UTF-8."""
    from bot.text import REPLACEMENT, needs_repair, repair

    for option in ("respondent", "organisation", "role", "sector", "partnership", "caller"):
        value = getattr(args, option, None)
        if isinstance(value, str) and needs_repair(value):
            setattr(args, option, repair(value))
            print(
                f"note: --{option} holds bytes that are not UTF-8 text; each is kept as {REPLACEMENT}",
                file=sys.stderr,
            )


def _replay(args: argparse.Namespace, catalogue: Catalogue, folder: Path) -> int:
    from bot import store

    loaded = store.load(args.transcript)
    torn = store.torn_note(args.transcript, loaded.dropped_bytes) if loaded.dropped_bytes else ""
    if args.plain:
        from bot.replay_text import print_replay

        if torn:
            print(torn, file=sys.stderr)
        for note in loaded.time_notes:
            print(f"note: {note}", file=sys.stderr)
        from bot.scoring.source import framework_and_refusal, standing_status

        transcript = loaded.transcript
        kept = store.find_snapshot(args.transcript.parent, transcript.framework.hash)
        refusal = None
        # A framework that cannot be found leaves the turns to show, unnumbered.
        with contextlib.suppress(LoadError):
            refusal = framework_and_refusal(transcript, args.transcript, catalogue)[2]
        status = standing_status(transcript, args.transcript)
        print_replay(transcript, catalogue, sys.stdout, kept, status, refusal)
        return exit_codes.OK
    status = _app(catalogue, folder, replay=args.transcript)
    if torn:
        # Said after the app, whose screen would hide it; the app shows it too.
        print(torn, file=sys.stderr)
    return status


def _app(
    catalogue: Catalogue,
    folder: Path,
    on_start_error: Callable[[BaseException], int] | None = None,
    **kwargs: object,
) -> int:
    """Run the app; ``on_start_error`` says an error met beginning the conversation of a
    first question drawn from a record (`bot.tui.first_look`), once the app has closed,
    and gives the exit status, as a start without the record does."""
    from bot.tui.app import PartnershipApp

    app = PartnershipApp(catalogue, folder, **kwargs)  # type: ignore[arg-type]
    try:
        app.run()
    finally:
        begun = app.begun_on_first_look
        if begun is not None:
            begun.close()
    if app.start_error is not None and on_start_error is not None:
        return on_start_error(app.start_error)
    if app.after_exit:  # a transcript found lost on leaving: said instead of "saved"
        app.say_after_exit()
        return exit_codes.CANNOT_WRITE
    if app.return_code == exit_codes.INTERRUPTED:
        print(INTERRUPTED_WORDS, file=sys.stderr)
    return app.return_code or 0


def _frameworks(catalogue: Catalogue) -> int:
    status = exit_codes.OK
    print("Looked for in this order (where an id is found twice, the first is used):")
    shown: set[Path] = set()
    for origin_folder in catalogue.framework_folders:
        if origin_folder not in shown:
            shown.add(origin_folder)
            print(f"  {catalogue.origins.get(origin_folder, 'given')}: {origin_folder}")
    dialogue_origin = {e.path: e.origin for e in catalogue.dialogue_entries()}
    for listed in catalogue.framework_listing():
        entry = listed.entry
        print()
        if listed.loaded is None:
            print(
                f"{entry.id}  [{entry.origin}] (fails to load: {listed.problem}; "
                f"run {listed.check})"
            )
            status = exit_codes.PROBLEMS
        else:
            framework = listed.loaded.framework
            print(
                f"{framework.id}  {framework.title} (version {framework.version}, {len(framework.questions())} questions in {len(framework.areas)} areas)  [{entry.origin}]"
            )
            if framework.id != entry.id:
                print(
                    f"    warning: {entry.path} says its id is {framework.id}; name it {framework.id}.toml"
                )
        # Said whether the file used loads or not: a broken copy shadowing a working one
        # is the likeliest reason a framework seems to have gone.
        for other in listed.shadowed:
            print(
                f"    warning: {entry.id} is defined twice: {entry.path} [{entry.origin}] is used, "
                f"{other.path} [{other.origin}] is not"
            )
        if listed.loaded is None:
            continue
        loaded = listed.loaded
        framework = loaded.framework
        paths = catalogue.dialogues_for(framework.id)
        for dialogue_path in paths:
            where = dialogue_origin.get(dialogue_path, "")
            try:
                dialogue = catalogue.dialogue(str(dialogue_path), loaded).dialogue
                print(f"    {dialogue.id}  [{dialogue.mode}] {dialogue.title}  [{where}]")
            except LoadError:
                print(
                    f"    {dialogue_path.stem}  (fails to load; run partnership-bot validate {dialogue_path})"
                )
                status = exit_codes.PROBLEMS
        if not paths:
            print(f"    {framework.id}-default  [self] every question in order (generated)")
    dialogues = catalogue.dialogue_entries()
    for entry in dialogues:
        used = next(e for e in dialogues if e.id == entry.id)
        if used is not entry:
            print(
                f"warning: dialogue {entry.id} is defined twice: {used.path} [{used.origin}] is used, "
                f"{entry.path} [{entry.origin}] is not"
            )
    return status


def _install(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from bot import install

    if args.command == "add":
        outcome = install.add(args.files, catalogue, replace=args.replace)
    else:
        outcome = install.remove(args.id, catalogue)
    for problem in outcome.problems:
        print(f"error: {problem}", file=sys.stderr)
    for warning in outcome.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for line in outcome.done:
        print(line)
    if args.command == "add" and outcome.problems:
        print(
            f"Nothing was added: {len(outcome.problems)} problem(s) to fix first.", file=sys.stderr
        )
    # Said once, however many commands can start what was added.
    if len(outcome.started) == 1:
        print(f"Start it with: {outcome.started[0]}")
    elif outcome.started:
        print("Start it with one of:")
        for command in outcome.started:
            print(f"  {command}")
    if outcome.names_nothing:
        return exit_codes.USAGE
    return exit_codes.PROBLEMS if outcome.problems else exit_codes.OK


def _validate(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from bot.validate import validate

    report = validate(args.paths, catalogue)
    for note in report.notes:
        print(note)
    for problem in report.problems:
        print(problem)
    for warning in report.warnings:
        print(f"warning: {warning}")
    checked = len(report.checked)
    warned = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    if report.problems:
        print(f"{len(report.problems)} problem(s){warned} in {checked} file(s) checked.")
        return exit_codes.PROBLEMS
    print(f"OK: {checked} file(s) checked, no problems{warned}.")
    return exit_codes.OK


def _schema(folder: Path) -> int:
    from bot.cli_output import STDOUT, make_folder
    from bot.files import write_atomically
    from bot.model import Dialogue, Framework, Transcript
    from bot.rounds.calls import CallEntry
    from bot.rounds.model import Round
    from bot.rounds.plan import Plan

    if str(folder) == STDOUT:
        print(
            f"error: -o {STDOUT} is standard output, but schema writes one file per format: "
            "name a folder for them, such as -o schemas",
            file=sys.stderr,
        )
        return exit_codes.USAGE
    from bot.kept_files import kept_file

    names = ("framework", "dialogue", "transcript", "round", "call", "plan")
    for name in names:
        what = kept_file(folder / f"{name}.schema.json")
        if what:
            print(
                f"error: {display_name(folder / f'{name}.schema.json')} is {what}: it is never "
                "written over; name another folder with -o",
                file=sys.stderr,
            )
            return exit_codes.USAGE
    if not make_folder(folder):
        return exit_codes.CANNOT_WRITE
    for name, model in (
        ("framework", Framework),
        ("dialogue", Dialogue),
        ("transcript", Transcript),
        ("round", Round),
        ("call", CallEntry),
        ("plan", Plan),
    ):
        path = folder / f"{name}.schema.json"
        schema = model.model_json_schema(by_alias=True)
        try:
            write_atomically(path, json.dumps(schema, indent=2) + "\n", make_folder=False)
        except OSError as error:
            print(
                f"error: cannot write {display_name(path)}: {error.strerror or error}",
                file=sys.stderr,
            )
            return exit_codes.CANNOT_WRITE
        print(display_name(path))
    return exit_codes.OK
