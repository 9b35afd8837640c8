"""The frameworks and dialogues that are installed, found by id or path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.default_dialogue import load_default_dialogue
from bot.loading import (
    DialogueHeading,
    LoadedDialogue,
    LoadedFramework,
    load_dialogue,
    load_framework,
    read_dialogue_heading,
)
from bot.problems import LoadError, Problem, suggest


def data_folder(kind: str) -> Path:
    """The installed folder of frameworks or dialogues (inside the wheel, or the checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "_data" / kind
    return installed if installed.is_dir() else package.parent / kind


@dataclass
class Catalogue:
    """Finds and loads frameworks and dialogues; each file is loaded once."""

    framework_folders: list[Path] = field(default_factory=lambda: [data_folder("frameworks")])
    """Where frameworks are looked for."""
    dialogue_folders: list[Path] = field(default_factory=lambda: [data_folder("dialogues")])
    """Where dialogues are looked for."""
    _frameworks: dict[Path, LoadedFramework] = field(default_factory=dict)
    _dialogues: dict[Path, LoadedDialogue] = field(default_factory=dict)

    def framework_files(self) -> dict[str, Path]:
        """Installed framework files by id (the file name without .toml)."""
        return {
            p.stem: p for folder in self.framework_folders for p in sorted(folder.glob("*.toml"))
        }

    def dialogue_files(self) -> dict[str, Path]:
        """Installed dialogue files by id."""
        return {
            p.stem: p for folder in self.dialogue_folders for p in sorted(folder.glob("*.toml"))
        }

    def framework(self, ref: str) -> LoadedFramework:
        """A framework by id or by path to a .toml file."""
        path = self._resolve(ref, self.framework_files(), "framework")
        if path not in self._frameworks:
            self._frameworks[path] = load_framework(path)
        return self._frameworks[path]

    def dialogues_for(self, framework_id: str, mode: str | None = None) -> list[Path]:
        """Installed dialogue files whose framework is this one (and of this mode, when
        given), read from their top-level keys only; unreadable ones are left out."""
        return [
            path for path, heading in self._headings(framework_id) if mode in (None, heading.mode)
        ]

    def _headings(self, framework_id: str) -> list[tuple[Path, DialogueHeading]]:
        found = []
        for path in self.dialogue_files().values():
            try:
                heading = read_dialogue_heading(path)
            except LoadError:
                continue
            if heading.framework == framework_id:
                found.append((path, heading))
        return found

    def dialogue(self, ref: str | None, framework: LoadedFramework | None = None) -> LoadedDialogue:
        """A dialogue by id or path; without one, the framework's first self-assessment
        dialogue, or its default dialogue when it has none."""
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
        if path not in self._dialogues:
            framework_id = read_dialogue_heading(path).framework
            if framework is None or framework_id != framework.id:
                framework = self.framework(framework_id)
            self._dialogues[path] = load_dialogue(path, framework)
        return self._dialogues[path]

    @staticmethod
    def _resolve(ref: str, installed: dict[str, Path], kind: str) -> Path:
        if ref in installed:
            return installed[ref].resolve()
        path = Path(ref)
        if path.suffix == ".toml" or path.exists():
            if not path.is_file():
                raise LoadError([Problem(ref, "", f"no such {kind} file")])
            return path.resolve()
        names = ", ".join(sorted(installed)) or "none"
        hint = (
            suggest(ref, installed) or f"; for a file of your own, give its path (-{kind[0]} PATH)"
        )
        message = f'no {kind} "{ref}"{hint} (installed: {names})'
        raise LoadError([Problem("(command line)", "", message)])
