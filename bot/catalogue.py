"""Where frameworks and dialogues are found, and loading them by id or path.

They are looked for, in this order, the first file with an id winning:

1. each ``--frameworks DIR`` given on the command line, in the order given;
2. each folder in ``$PARTNERSHIP_BOT_FRAMEWORKS`` (a path list, ``:``-separated);
3. the user folder, where ``partnership-bot add`` installs them (the platform's user
   data folder, or ``$PARTNERSHIP_BOT_DATA``);
4. the frameworks and dialogues installed with the product.

A folder may hold ``frameworks/`` and ``dialogues/`` subfolders, or keep both kinds
side by side, told apart by their contents (a dialogue names its ``framework``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot import toml_reader
from bot.problems import LoadError, Problem, display_name, find_line, suggest

if TYPE_CHECKING:
    from bot.loading import DialogueHeading, LoadedDialogue, LoadedFramework

# Loading (and pydantic under it) is imported where a file is first read, so that the
# command line and the app's first screen can be set up before it loads.

FOLDERS_VARIABLE = "PARTNERSHIP_BOT_FRAMEWORKS"
"""A path list of extra folders of frameworks and dialogues."""
USER_VARIABLE = "PARTNERSHIP_BOT_DATA"
"""Moves the user folder (tests point it at a temporary folder)."""
INSTALLED = "installed"
USER = "user folder"
FROM_COMMAND_LINE = "--frameworks"
FROM_ENVIRONMENT = "$" + FOLDERS_VARIABLE
GENERIC_HINT = "install a file of your own with: partnership-bot add FILE..."
FRAMEWORK_KEY = re.compile(r"^[ \t]*framework[ \t]*=", re.MULTILINE)


def data_folder(kind: str) -> Path:
    """The installed folder of frameworks or dialogues (inside the wheel, or the checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "_data" / kind
    return installed if installed.is_dir() else package.parent / kind


def user_folder() -> Path:
    """Where `partnership-bot add` installs frameworks: ``$PARTNERSHIP_BOT_DATA``, else the
    platform's user data folder (such as ``~/.local/share/partnership-bot``)."""
    explicit = os.environ.get(USER_VARIABLE)
    if explicit:
        return Path(explicit)
    # platformdirs knows each platform's convention (XDG, macOS, Windows); Textual
    # already depends on it, so it costs nothing to install.
    import platformdirs

    return platformdirs.user_data_path("partnership-bot", appauthor=False)


@dataclass(frozen=True)
class Layout:
    """The folders searched, in order, and where each came from."""

    framework_folders: list[Path]
    dialogue_folders: list[Path]
    origins: dict[Path, str]


def search_layout(extra: Sequence[Path] = ()) -> Layout:
    """The folders searched for frameworks and dialogues, in the documented order."""
    frameworks: list[Path] = []
    dialogues: list[Path] = []
    origins: dict[Path, str] = {}

    def add(folder: Path, origin: str) -> None:
        subfolders = (folder / "frameworks", folder / "dialogues")
        if origin == USER or any(s.is_dir() for s in subfolders):
            pairs = [(frameworks, subfolders[0]), (dialogues, subfolders[1])]
        else:  # both kinds side by side
            pairs = [(frameworks, folder), (dialogues, folder)]
        for folders, path in pairs:
            if path not in folders:
                folders.append(path)
                origins.setdefault(path, origin)

    for folder in extra:
        add(Path(folder), FROM_COMMAND_LINE)
    for entry in os.environ.get(FOLDERS_VARIABLE, "").split(os.pathsep):
        if entry.strip():
            add(Path(entry.strip()).expanduser(), FROM_ENVIRONMENT)
    add(user_folder(), USER)
    frameworks.append(data_folder("frameworks"))
    dialogues.append(data_folder("dialogues"))
    origins[data_folder("frameworks")] = INSTALLED
    origins[data_folder("dialogues")] = INSTALLED
    return Layout(frameworks, dialogues, origins)


@dataclass(frozen=True)
class Entry:
    """One framework or dialogue file found in a searched folder."""

    id: str
    """Its id (the file name without .toml)."""
    path: Path
    """The file."""
    origin: str
    """Where it was found: installed, user folder, --frameworks or the variable."""


@dataclass(frozen=True)
class Listed:
    """A framework id as the lists show it (`partnership-bot frameworks`, the app's New
    assessment form): the file used, what loading it gave, and the files it shadows."""

    entry: Entry
    """The file used for the id (the first found)."""
    loaded: LoadedFramework | None
    """The framework; None where the file fails to load."""
    problem: str
    """Why it fails to load (the first problem); "" where it loads."""
    shadowed: tuple[Entry, ...] = ()
    """Other files of the same id, found later and so not used, broken or not."""

    @property
    def check(self) -> str:
        """The command that names every problem of a file that fails to load."""
        return f"partnership-bot validate {self.entry.path}"


def is_dialogue_file(path: Path) -> bool:
    """Whether a file is a dialogue (it names its framework in a top-level key)."""
    from bot.loading import TABLE_HEADER, file_text

    text = file_text(path)
    if not text:
        return False
    header = TABLE_HEADER.search(text)
    try:
        data = toml_reader.loads(text[: header.start()] if header else text)
    except toml_reader.TOMLDecodeError:
        # Broken TOML: go by the key a dialogue must have, so that loading it names its faults.
        return FRAMEWORK_KEY.search(text) is not None
    return isinstance(data.get("framework"), str)


@dataclass
class Catalogue:
    """Finds and loads frameworks and dialogues (each content is checked once: see
    `bot.remembered`)."""

    framework_folders: list[Path] = field(default_factory=lambda: search_layout().framework_folders)
    """Where frameworks are looked for, first first."""
    dialogue_folders: list[Path] = field(default_factory=lambda: search_layout().dialogue_folders)
    """Where dialogues are looked for, first first."""
    origins: dict[Path, str] = field(default_factory=lambda: search_layout().origins)
    """Where each folder comes from, for `partnership-bot frameworks`."""
    hints: dict[str, str] = field(default_factory=dict)
    """What to suggest when an id is not found, by kind ("framework", "dialogue"): each
    command names its own options."""
    _kinds: dict[tuple[Path, int], bool] = field(default_factory=dict)

    @classmethod
    def searching(cls, extra: Sequence[Path] = ()) -> Catalogue:
        """The catalogue of the documented search order, with these folders first."""
        layout = search_layout(extra)
        return cls(layout.framework_folders, layout.dialogue_folders, layout.origins)

    def framework_entries(self) -> list[Entry]:
        """Every framework file found, in search order, shadowed ones included."""
        return list(self._entries(self.framework_folders, self.dialogue_folders, False))

    def dialogue_entries(self) -> list[Entry]:
        """Every dialogue file found, in search order, shadowed ones included."""
        return list(self._entries(self.dialogue_folders, self.framework_folders, True))

    def framework_listing(self) -> list[Listed]:
        """Each framework id found, in search order: the file used, loaded or why not, and
        the files of the same id it shadows. A file that fails to load still takes its
        id: the one rule both lists and loading by id follow (`framework_files`)."""
        entries = self.framework_entries()
        listing = []
        for entry in entries:
            if any(listed.entry.id == entry.id for listed in listing):
                continue
            shadowed = tuple(e for e in entries if e.id == entry.id and e is not entry)
            try:
                loaded, problem = self.framework(str(entry.path)), ""
            except LoadError as error:
                loaded, problem = None, error.problems[0].message
            listing.append(Listed(entry, loaded, problem, shadowed))
        return listing

    def framework_files(self) -> dict[str, Path]:
        """Framework files by id (the file name without .toml); the first found wins."""
        found: dict[str, Path] = {}
        for entry in self.framework_entries():
            found.setdefault(entry.id, entry.path)
        return found

    def dialogue_files(self) -> dict[str, Path]:
        """Dialogue files by id; the first found wins."""
        found: dict[str, Path] = {}
        for entry in self.dialogue_entries():
            found.setdefault(entry.id, entry.path)
        return found

    def _entries(self, folders: list[Path], others: list[Path], dialogues: bool) -> Iterator[Entry]:
        seen: set[Path] = set()
        for folder in folders:
            shared = folder in others
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                if path.resolve() in seen:
                    continue
                if shared and self._is_dialogue(path) != dialogues:
                    continue
                seen.add(path.resolve())
                yield Entry(path.stem, path, self.origins.get(folder, str(folder)))

    def _is_dialogue(self, path: Path) -> bool:
        try:
            key = (path, path.stat().st_mtime_ns)
        except OSError:
            return False
        if key not in self._kinds:
            self._kinds[key] = is_dialogue_file(path)
        return self._kinds[key]

    def framework(self, ref: str) -> LoadedFramework:
        """A framework by id or by path to a .toml file."""
        from bot.loading import load_framework

        return load_framework(self._resolve(ref, self.framework_files(), "framework"))

    def dialogues_for(self, framework_id: str, mode: str | None = None) -> list[Path]:
        """Installed dialogue files whose framework is this one (and of this mode, when
        given), read from their top-level keys only; unreadable ones are left out."""
        return [
            path for path, heading in self._headings(framework_id) if mode in (None, heading.mode)
        ]

    def _headings(self, framework_id: str) -> list[tuple[Path, DialogueHeading]]:
        from bot.loading import read_dialogue_heading

        found = []
        for path in self.dialogue_files().values():
            try:
                heading = read_dialogue_heading(path)
            except LoadError:
                continue
            if heading.framework == framework_id:
                found.append((path, heading))
        return found

    def first_mode(self, framework_id: str) -> str:
        """The mode of the dialogue a framework's conversation takes when none is named
        (`dialogue`): "self" when it has a self-assessment dialogue or none at all (its
        default dialogue), else that of its first dialogue ("telephone")."""
        modes = [h.mode for _, h in self._headings(framework_id)]
        return "self" if "self" in modes or not modes else modes[0]

    def dialogue(self, ref: str | None, framework: LoadedFramework | None = None) -> LoadedDialogue:
        """A dialogue by id or path; without one, the framework's first self-assessment
        dialogue, or its default dialogue when it has none."""
        from bot.default_dialogue import load_default_dialogue
        from bot.loading import load_dialogue, read_dialogue_heading

        if ref is None:
            if framework is None:
                raise LoadError([Problem("(command line)", "", "name a framework or a dialogue")])
            headings = self._headings(framework.id)
            paths = [p for p, h in headings if h.mode == "self"] or [p for p, _ in headings]
            return (
                self.dialogue(str(paths[0]), framework)
                if paths
                else load_default_dialogue(framework)
            )
        if framework is not None and ref == f"{framework.id}-default":
            return load_default_dialogue(framework)
        path = self._resolve(ref, self.dialogue_files(), "dialogue")
        framework_id = read_dialogue_heading(path).framework
        if framework is None or framework_id != framework.id:
            if framework_id not in self.framework_files() and not _is_file(framework_id):
                raise LoadError([self.unknown_framework(path, framework_id)])
            framework = self.framework(framework_id)
        return load_dialogue(path, framework)

    def unknown_framework(
        self, path: Path, framework_id: str, known: Sequence[str] = ()
    ) -> Problem:
        """The problem of a dialogue naming a framework that is not found (``known``: ids
        found besides the catalogue's, such as the files given to validate): said at the
        dialogue's `framework` key, the slip being there as likely as anywhere."""
        ids = list(dict.fromkeys([*known, *self.framework_files()]))
        hint = suggest(framework_id, ids)
        if not hint:
            hint = f"; {self.hints.get('framework', GENERIC_HINT)} (found: {', '.join(sorted(ids)) or 'none'})"
        text = _text_of(path)
        return Problem(
            display_name(path),
            "framework",
            f'no framework "{framework_id}"{hint}',
            find_line(text, ["framework"]),
        )

    def dialogue_for_transcript(
        self, dialogue_id: str, framework: LoadedFramework, kept: Path | None = None
    ) -> LoadedDialogue:
        """The dialogue a transcript was taken with (a generated default one included); when
        its id is not found, the copy kept beside the transcripts (``kept`` is that copy)."""
        from bot.default_dialogue import load_default_dialogue

        if dialogue_id == f"{framework.id}-default":
            return load_default_dialogue(framework)
        if dialogue_id not in self.dialogue_files() and kept is not None and kept.is_file():
            return self.dialogue(str(kept), framework)
        return self.dialogue(dialogue_id, framework)

    def framework_for_transcript(self, framework_id: str, kept: Path | None) -> LoadedFramework:
        """A transcript's framework by id; when the id is not found, the copy kept beside the
        transcripts (``kept``), so a framework used from a file of its own still resumes."""
        if framework_id not in self.framework_files() and kept is not None and kept.is_file():
            return self.framework(str(kept))
        return self.framework(framework_id)

    def _resolve(self, ref: str, installed: dict[str, Path], kind: str) -> Path:
        if ref in installed:
            return installed[ref].resolve()
        path = Path(ref)
        if _is_file(ref):
            if not path.exists():
                raise LoadError([Problem(ref, "", f"no such {kind} file")])
            # A folder, a FIFO or a device is refused by reading it (`read_bytes`), unopened.
            return path.resolve()
        names = ", ".join(sorted(installed)) or "none"
        hint = suggest(ref, installed) or "; " + self.hints.get(kind, GENERIC_HINT)
        message = f'no {kind} "{ref}"{hint} (found: {names})'
        raise LoadError([Problem("(command line)", "", message)])


def _is_file(ref: str) -> bool:
    """Whether a framework reference is a path to a file rather than an id."""
    path = Path(ref)
    return path.suffix == ".toml" or path.exists()


def _text_of(path: Path) -> str:
    """A file's text, for finding a key's line ("" when it cannot be read)."""
    from bot.loading import file_text

    return file_text(path, lenient=True)
