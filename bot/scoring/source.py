"""Which framework a transcript is scored against."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

from bot import store
from bot.answer_score import check_answers
from bot.catalogue import Catalogue
from bot.facts import left_part_way
from bot.loading import LoadedDialogue, LoadedFramework, load_dialogue, load_framework, read_toml
from bot.model import Transcript
from bot.problems import LoadError, display_name


def framework_for(
    transcript: Transcript, path: Path, catalogue: Catalogue, current: bool = False
) -> tuple[LoadedFramework, list[str]]:
    """The framework version the transcript was taken with where it can be found, else the
    installed one with a warning; with ``current``, the installed one as asked.

    Raises LoadError when an answer is not one the framework gives (see `check_answers`);
    stored scores are compared only against the version the transcript was taken with."""
    loaded, warnings, refusal = framework_and_refusal(transcript, path, catalogue, current)
    if refusal is not None:
        raise refusal
    return loaded, warnings


def framework_and_refusal(
    transcript: Transcript, path: Path, catalogue: Catalogue, current: bool = False
) -> tuple[LoadedFramework, list[str], LoadError | None]:
    """As `framework_for`, with the reason a report refuses the transcript (an answer the
    framework does not give) handed back rather than raised: a replay shows the
    transcript and says why, a resume refuses it. Raises LoadError when no framework is
    found."""
    loaded, warnings = _framework_for(transcript, path, catalogue, current)
    same = loaded.hash == transcript.framework.hash
    if not same:
        warnings += left_out_answers(transcript, path, loaded)
    try:
        check_answers(loaded.framework, transcript, path, scores=same)
    except LoadError as error:
        return loaded, warnings, error
    return loaded, warnings, None


def left_out_answers(transcript: Transcript, path: Path, scored: LoadedFramework) -> list[str]:
    """A note for a transcript scored against another version than its own (``scored``)
    where it answered questions that version does not have: their answers are left out
    of its scores, the questions named by number and words as its own version gives them
    (the copy kept beside it; else the words it was asked in), never by internal id."""
    framework = scored.framework
    missing = list(
        dict.fromkeys(
            t.question
            for t in transcript.turns
            if t.kind == "answer" and t.question and not framework.has_question(t.question)
        )
    )
    if not missing:
        return []
    own = None
    kept = store.find_snapshot(path.parent, transcript.framework.hash)
    with contextlib.suppress(LoadError):
        own = load_framework(kept).framework if kept is not None else None
    asked = {t.question: t.text for t in transcript.turns if t.kind == "ask" and t.question}
    named = []
    for question_id in missing:
        if own is not None and own.has_question(question_id):
            named.append(f'{own.label(question_id)} "{own.question(question_id).text}"')
        else:
            named.append(f'"{asked.get(question_id) or question_id}"')
    return [
        f"{display_name(path)}, taken with {transcript.framework.id} version "
        f"{transcript.framework.version}: its answer{'s' if len(named) > 1 else ''} to "
        f"{', '.join(named)} {'are' if len(named) > 1 else 'is'} left out of the scores, "
        f"as version {framework.version}, which it is scored against, does not ask "
        f"{'them' if len(named) > 1 else 'it'}."
    ]


def kept_refusal(
    transcript: Transcript, path: Path, memo: dict[str, LoadedFramework | None]
) -> LoadError | None:
    """Why a report refuses a transcript for an answer its framework does not give
    (``check_answers``: a value edited by hand to one that is no answer, with its line),
    judged against the version kept beside it (``.frameworks/``, which a round keeps for
    each transcript begun in it), or None. Cheap enough for a round's status: no framework
    is read but those kept, each once (``memo``, by hash). None too when no copy is kept,
    as a report then judges it against the installed version."""
    digest = transcript.framework.hash
    if digest not in memo:
        kept = store.find_snapshot(path.parent, digest)
        try:
            memo[digest] = load_framework(kept) if kept is not None else None
        except LoadError:
            memo[digest] = None
    loaded = memo[digest]
    if loaded is None:
        return None
    try:
        check_answers(loaded.framework, transcript, path, scores=True)
    except LoadError as error:
        return error
    return None


def dialogue_for(
    transcript: Transcript, path: Path, catalogue: Catalogue, framework: LoadedFramework
) -> tuple[LoadedDialogue | None, list[str]]:
    """The dialogue a transcript left part way was taken with, which tells the questions
    not reached (`bot.facts.still_to_come`) and which questions ahead of where the
    respondent went back it still reaches (`bot.engine.routes.still_reached`): the copy
    kept beside it (the very version
    it was taken with), else the installed one of its id. None, with a warning saying
    so, when neither can be read; None without one for a complete transcript, which
    needs none."""
    if not left_part_way(transcript.status):
        return None, []
    reference = transcript.dialogue
    # The exact version kept beside it first; a kept copy that cannot be read (damaged by
    # hand) leaves the installed one to try.
    with contextlib.suppress(LoadError):
        kept = store.find_snapshot(path.parent, reference.hash)
        if kept is not None:
            return load_dialogue(kept, framework), []
    try:
        return catalogue.dialogue_for_transcript(reference.id, framework), []
    except LoadError:
        return None, [
            f"The dialogue {reference.id} this transcript was taken with cannot be read: "
            "every question of the framework it has not reached yet counts as still to come, "
            "and every question answered ahead of where the respondent went back stays in "
            "the report, whether or not the latest answers still lead to it."
        ]


def round_refusal(transcript: Transcript, path: Path) -> datetime | None:
    """When the respondent refused a round's interview or assessment part way, where that
    refusal stands (`bot.rounds.state.standing_refusal`, the round's own rule), or None.

    A refusal is recorded in the round's call log (`round call ID refused`, or `r` on the
    round's screen), not in the transcript, which stays unfinished: so a transcript of a
    round's invitee (it names them, and lies in the round's folder) that is in progress
    is read with the invitee's calls. A call log that cannot be read leaves the
    transcript as it says (the round's own commands name the damaged line)."""
    folder = path.parent
    if (
        transcript.status != "in_progress"
        or not transcript.invitee
        or not (folder / store.ROUND_DESCRIPTION).is_file()
    ):
        return None
    # Imported here: only a transcript kept in a round reads the call log.
    from bot.rounds import calls
    from bot.rounds.state import standing_refusal

    try:
        entries = calls.read(folder).entries
    except (LoadError, ValueError):
        return None
    # Invitee ids are one whatever their case, as everywhere in a round.
    own = [e for e in entries if e.invitee.casefold() == transcript.invitee.casefold()]
    return standing_refusal(own, transcript.answered)


def standing_status(transcript: Transcript, path: Path) -> str:
    """A transcript's status as the reports give it (`Assessment.status`): "refused" for a
    round's transcript whose respondent refused part way (`round_refusal`), else the
    transcript's own. Lists and titles say it in words with `status_words`."""
    return "refused" if round_refusal(transcript, path) is not None else transcript.status


def _framework_for(
    transcript: Transcript, path: Path, catalogue: Catalogue, current: bool
) -> tuple[LoadedFramework, list[str]]:
    reference = transcript.framework
    if not current:
        snapshot = store.find_snapshot(path.parent, reference.hash)
        if snapshot is not None:
            try:
                return load_framework(snapshot), []
            except LoadError:
                pass
    installed = catalogue.framework(reference.id)
    if installed.hash == reference.hash:
        return installed, []
    version = installed.framework.version
    if current:
        return installed, [
            f"Scored against the current {reference.id} (version {version}), as asked; "
            f"the transcript was taken with version {reference.version}."
        ]
    return installed, [
        f"The framework {reference.id} has changed since this transcript was taken "
        f"(version {reference.version} then, {version} now) and the original is not available: "
        "scored against the current version."
    ]


def kept_framework(
    framework_id: str, version: str, transcript_files: Iterable[Path]
) -> LoadedFramework | None:
    """The copy of a framework kept beside these transcripts (``.frameworks/``), for when its
    id is not installed: of the copies with this id, one of this version, the newest first."""
    found: list[tuple[bool, float, Path]] = []
    for folder in {path.parent / store.SNAPSHOTS for path in transcript_files}:
        for copy in folder.glob("*.toml") if folder.is_dir() else []:
            try:
                data, _, _ = read_toml(copy)
            except LoadError:
                continue
            if data.get("id") == framework_id:
                found.append((data.get("version") == version, copy.stat().st_mtime, copy))
    for _, _, copy in sorted(found, reverse=True):
        try:
            return load_framework(copy)
        except LoadError:
            continue
    return None


def scored_frameworks(
    framework_id: str,
    used: Mapping[str, tuple[str, str]],
    transcript_files: Iterable[Path],
    catalogue: Catalogue,
    named: LoadedFramework | None = None,
) -> dict[str, LoadedFramework]:
    """Each framework version transcripts were scored against (`framework_for`), by its
    hash: ``used`` maps each hash to the version and the file it was read from when they
    were scored. Each is looked for as it was (the installed file, a file the user
    ``named``, the file recorded, the copies kept beside the transcripts); one no longer
    found is the copy kept of its version, else the installed one. Raises LoadError when
    the framework is found nowhere."""
    files = list(transcript_files)
    installed: LoadedFramework | None = None
    with contextlib.suppress(LoadError):
        installed = catalogue.framework(framework_id)
    found: dict[str, LoadedFramework] = {}
    for digest, (version, file) in used.items():
        exact = _found_by_hash(digest, file, files, (installed, named))
        if exact is None:
            exact = kept_framework(framework_id, version, files) or named or installed
        if exact is None:
            catalogue.framework(framework_id)  # raises, saying why it is not found
            continue
        found[digest] = exact
    return found


def _found_by_hash(
    digest: str,
    file: str,
    transcript_files: list[Path],
    loaded: Iterable[LoadedFramework | None],
) -> LoadedFramework | None:
    """The framework file with this hash: one already loaded, the file it was read from,
    or a copy kept beside the transcripts."""
    for candidate in loaded:
        if candidate is not None and candidate.hash == digest:
            return candidate
    places = [Path(file)] if file else []
    places += [
        kept
        for folder in dict.fromkeys(path.parent for path in transcript_files)
        if (kept := store.find_snapshot(folder, digest)) is not None
    ]
    for place in places:
        with contextlib.suppress(LoadError, OSError):
            candidate = load_framework(place)
            if candidate.hash == digest:
                return candidate
    return None
