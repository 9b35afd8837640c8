"""Where a command's `-o` writes: one definition for every command that writes a report,
a comparison or a plan.

`-o FILE` writes the file whole (its name said on stderr), into a folder that must
already exist; `-o -`, or no `-o`, writes to standard output.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.files import NoFolder, make_private_folder, write_atomically
from bot.kept_files import kept_file
from bot.problems import display_name
from bot.text import printable

STDOUT = "-"
"""The name `-o` takes for standard output, as most commands do."""

OUTPUT_HELP = "write here instead of stdout (- for stdout); its folder must exist"
"""What --help says of `-o FILE`."""


def output_path(text: str) -> Path | None:
    """-o's value: a path, or None for "-" (standard output)."""
    return None if text == STDOUT else Path(text)


class _Output(argparse.Action):
    """Stores -o's value, and whether it named standard output ("-") rather than being
    left out: a command that would write several files can then refuse "-"."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.output_is_stdout = values is None


def add_output(parser: argparse.ArgumentParser) -> None:
    """Give a command `-o/--output FILE`, read as every other command reads it."""
    parser.add_argument(
        "-o", "--output", type=output_path, action=_Output, metavar="FILE", help=OUTPUT_HELP
    )
    parser.set_defaults(output_is_stdout=False)


def folder_refusal(output: Path | None, example: str) -> str:
    """What to say when `-o` names a folder where a command writes one file ("" when it
    does not); ``example`` is a file name to suggest ("comparison.md"). Every such command
    refuses it alike, before it reads or writes anything, with exit status 2."""
    if output is None or not output.is_dir():
        return ""
    return (
        f"-o {folder_words(output)} is a folder: name the report's file, such as "
        f"{display_name(output / example)}"
    )


def output_refusal(output: Path | None, example: str, inputs: Sequence[Path] = ()) -> str:
    """What to say when `-o` names a file the command must not write (`folder_refusal`'s
    folder, or a file `bot.kept_files.kept_file` keeps: one of ``inputs``, a transcript, a
    round's own file, a framework or a dialogue), "" when it may write there. Every
    command that writes one file the user named asks this before it reads or writes
    anything, and refuses with exit status 2."""
    refused = folder_refusal(output, example)
    if refused or output is None:
        return refused
    return kept_refusal(output, Path(example).suffix, inputs)


def template_files(templates: Path | None) -> list[Path]:
    """The files of a `--templates DIR` folder: inputs of the command that renders with
    them, never to be written over by its `-o`."""
    if templates is None or not templates.is_dir():
        return []
    return [path for path in templates.rglob("*") if path.is_file()]


def kept_refusal(target: Path, suffix: str, inputs: Sequence[Path] = ()) -> str:
    """What to say when writing ``target`` would replace a kept file ("" when it would
    not), suggesting a name for the report beside it (with ``suffix``, such as ".md")."""
    what = kept_file(target, inputs)
    if not what:
        return ""
    named = printable(str(target))
    if target.is_symlink():
        named = f"{named} (a link to {display_name(target)})"
        target = target.resolve()
    beside = target.with_suffix(suffix)
    if beside == target or kept_file(beside, inputs):
        beside = target.with_name(f"{target.stem}-report{suffix}")
    return (
        f"-o {named} is {what}: it is never written over; "
        f"name another file, such as {display_name(beside)}"
    )


def folder_words(folder: Path) -> str:
    """A folder `-o` names, as typed, and where that gives no name of its own ("." or
    "..", or a path through "..") with the folder it is: ". (the folder /home/ann/papers)"."""
    shown = printable(str(folder))
    if ".." not in folder.parts and folder.name not in ("", "."):
        return shown
    try:
        where = folder.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (3.11, 3.12)
        return shown
    return f"{shown} (the folder {printable(str(where))})"


def emit(text: str, output: Path | None) -> bool:
    """The text to stdout, or to a file (its name said on stderr); False if it failed."""
    if output is None:
        sys.stdout.write(text)
        return True
    if not write(output, text):
        return False
    print(display_name(output), file=sys.stderr)
    return True


def write(target: Path, text: str) -> bool:
    """Write one file the user named, whole; on failure say which file and why, and
    return False. A missing folder is not made: a mistyped one would scatter folders and
    hide where the file went. A file that must be kept (`kept_refusal`) is never
    written over, whatever checked the name before."""
    refused = kept_refusal(target, target.suffix)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return False
    try:
        write_atomically(target, text, make_folder=False)
    except NoFolder as error:
        print(f"error: {no_folder(error.folder, Path(target.name))}", file=sys.stderr)
        return False
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, FileExistsError | NotADirectoryError) and error.filename:
            reason = f"{display_name(Path(error.filename))} is not a folder"
        print(
            f"error: cannot write {display_name(target)}: {reason}; nothing was written "
            "there: choose a folder you can write with -o",
            file=sys.stderr,
        )
        return False
    return True


def make_folder(folder: Path) -> bool:
    """Make the folder `-o DIR` names for several files (owner-only), if it is new; its
    own folder must exist, for the same reason as in `write`. On failure say why, and
    return False."""
    if not os.path.lexists(folder.parent):
        print(f"error: {no_folder(folder.parent, Path(folder.name))}", file=sys.stderr)
        return False
    try:
        make_private_folder(folder)
    except OSError as error:
        print(
            f"error: cannot make the folder {display_name(folder)}: "
            f"{error.strerror or error}; choose a folder you can write with -o",
            file=sys.stderr,
        )
        return False
    return True


def no_folder(folder: Path, name: Path) -> str:
    """What to say when the folder something was to be written in does not exist."""
    return (
        f"there is no folder {display_name(folder)} to write {display_name(name)} in; "
        "create it first, or give another -o"
    )
