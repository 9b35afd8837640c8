"""A compact, picklable summary of one transcript: all that aggregation needs."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.coverage import covered_score, overall_coverage
from bot.engine.answers import own_words
from bot.engine.path import FinalPath
from bot.engine.routes import transcript_path
from bot.facts import AnswerFacts
from bot.files import make_private_folder
from bot.loading import read_bytes
from bot.model import Framework, Question
from bot.model.transcript import Turn, interviewers
from bot.problems import LoadError, display_name
from bot.scoring.actions import fired_actions
from bot.scoring.compile import register_for, to_come_of
from bot.scoring.source import dialogue_for, framework_for

SUMMARY_VERSION = 16
QUOTES_PER_ACTION = 3
TEXTS_PER_QUESTION = 5
"""How many answers to each free-text question an aggregate quotes (the rest are counted)."""
CACHE_FILE = "summaries.sqlite3"


def cache_file(folder: Path, create: bool = False) -> Path | None:
    """The summary cache database in a folder, or None when it cannot be used safely.

    The database and its -wal and -shm companions hold respondents' names and quotes:
    they are kept owner-only (0600, the folder 0700, whatever the umask), and a cache
    whose files are symbolic links, or not plain files of the user's own, is not used
    (it is only a shortcut).
    """
    path = folder / CACHE_FILE
    try:
        if create:
            make_private_folder(folder)
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
            os.close(os.open(path, flags, 0o600))
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            try:
                info = os.lstat(part)
            except FileNotFoundError:
                if not suffix:
                    return None
                continue
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                return None
            if stat.S_IMODE(info.st_mode) & 0o077:
                os.chmod(part, 0o600)
    except OSError:
        return None
    return path


@dataclass(frozen=True)
class FiredSummary:
    """A suggested action one transcript fired, as the aggregate counts it."""

    need: float
    """0-100, as in the transcript's own report."""
    triggers: tuple[str, ...]
    """The question ids whose answers triggered it."""
    quotes: tuple[str, ...]
    """The first few follow-up replies behind it."""


@dataclass(frozen=True)
class Summary:
    """One transcript, reduced to what aggregation counts."""

    framework_id: str
    framework_title: str
    framework_version: str
    status: str
    started: str
    name: str
    organisation: str
    role: str
    sector: str
    partnership: str
    answers: dict[str, tuple[str, float | None]] = field(default_factory=dict)
    """question id -> (category, 0-100 score); categories (of the answer as the question is
    worded, see `category`): agree, disagree, neutral, dont_know, refused, no_reply (asked,
    unanswered), text."""
    areas: dict[str, float | None] = field(default_factory=dict)
    """area id -> 0-100 score."""
    coverage: tuple[int, int] = (0, 0)
    """Its coverage over all areas together, as its own report counts it (scored answers,
    asked and scoreable questions, those not reached counting): an aggregate pools these
    for the minimum coverage of its overall score."""
    facts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """fact question id -> what the answer on the path names: its value (each option of a
    choice of several), or its abstention ("dont_know"); dates are not tallied."""
    actions: dict[str, FiredSummary] = field(default_factory=dict)
    """action id -> its need, triggering questions and a few quotes, by the same rule as
    a single transcript's report."""
    warnings: tuple[str, ...] = ()
    transcript_id: str = ""
    """The transcript's id: a copy of a file has the same one, and is counted once."""
    turns: int = 0
    """How many turns it has (how far it went)."""
    marks: tuple[str, ...] = ()
    """Each turn's kind and a short hash of all it holds (``turn_marks``): two files of one
    transcript id tell by them whether one is a copy of the other as it was, or the two
    went separate ways (resumed apart) and from which turn."""
    updated: str = ""
    """When its last turn was taken (ISO 8601)."""
    call_seconds: float | None = None
    """How long its telephone call lasted, pauses excluded; None when no call was timed."""
    registers: dict[str, tuple[tuple[tuple[str, str, str], ...], ...]] = field(default_factory=dict)
    """repeated group id -> each item named on the final path -> each of the group's
    questions' (shown answer, comment, value), as its own report lists them."""
    dropped_bytes: int = 0
    """How many bytes of an interrupted last save were left out (a torn tail)."""
    texts: dict[str, str] = field(default_factory=dict)
    """free-text question id (not a repeated group's: a register lists those) -> the
    respondent's answer on the final path, in its latest version (`text_answers`)."""
    framework_hash: str = ""
    """The hash of the framework version it was scored against (`framework_for`: the one
    it was taken with where that is found), which an aggregate lays its figures out with."""
    framework_file: str = ""
    """Where that version was read from (the copy kept beside it, or the installed file)."""
    interviewers: tuple[str, ...] = ()
    """Everyone who interviewed (`bot.model.transcript.interviewers`), whose names an
    anonymised report takes out of the words it quotes as it does the respondents'."""


def category(score: float | None, abstain: str, kind: str) -> str:
    """Which column of an agree/middle/don't know/disagree table an answer falls in, from
    its score as the question is worded (`worded_score`): above half marks agree, at half
    marks the middle ("neutral"), below them disagree."""
    if abstain:
        return abstain
    if kind == "text":
        return "text"
    if score is None:
        return "no_reply"
    return "agree" if score > 50 else "disagree" if score < 50 else "neutral"


def worded_score(framework: Framework, question: Question, score: float | None) -> float | None:
    """A question's 0-100 score as its wording reads: a reverse-scored question's score
    turned back, so that its top option ("Yes" to "Do you need any additional protocols
    ...?") reads as agreeing, as the respondent answered, though it scores 0."""
    if score is None or not question.reverse or framework.scale_of(question) is None:
        return score
    return round(100.0 - score, 6)


def text_answers(framework: Framework, path: FinalPath) -> dict[str, str]:
    """The answers to the framework's free-text questions (`kind = "text"`, outside a
    repeated group) on the final path, each in its latest version: what an aggregate
    quotes under "What respondents wrote". An abstention, a skipped question or an empty
    answer has none."""
    answers = path.answers
    texts: dict[str, str] = {}
    for area in framework.areas:
        for question in area.questions:
            answer = answers.get(question.id)
            if question.kind != "text" or answer is None or not path.on_path(question.id):
                continue
            words = own_words(question, answer)
            if isinstance(words, str) and words.strip() and not answer.abstain:
                texts[question.id] = words.strip()
    return texts


def turn_marks(turns: Sequence[Turn]) -> tuple[str, ...]:
    """Each turn as its kind and a short hash of everything it holds, "answer:1a2b3c4d5e6f":
    equal marks, equal turns (as far as a sync client's copy can tell them)."""
    return tuple(
        f"{turn.kind}:{hashlib.blake2b(turn.model_dump_json().encode(), digest_size=6).hexdigest()}"
        for turn in turns
    )


def summarise_text(text: str, path: Path, catalogue: Catalogue, current: bool) -> Summary:
    """Summarise a transcript's text (already read), or raise LoadError."""
    transcript = store.parse_transcript(text, path)
    loaded, warnings = framework_for(transcript, path, catalogue, current)
    dialogue, unread = dialogue_for(transcript, path, catalogue, loaded)
    warnings += unread
    warnings += store.time_notes(transcript, text, display_name(path))
    framework = loaded.framework
    path = transcript_path(transcript, transcript.turns, dialogue)
    answers = path.answers
    facts = AnswerFacts.on_path(framework, path, to_come_of(transcript, framework, path, dialogue))
    summary_answers: dict[str, tuple[str, float | None]] = {}
    for question in framework.questions():
        if not path.on_path(question.id):
            continue
        answer = answers.get(question.id)
        score = facts.question_score(question.id)
        abstain = answer.abstain if answer else ""
        summary_answers[question.id] = (
            category(worded_score(framework, question, score), abstain, question.kind)
            if answer
            else "no_reply",
            score,
        )
    actions = {
        fired.action.id: FiredSummary(
            fired.need,
            tuple(t.question for t in fired.triggers),
            fired.quotes[:QUOTES_PER_ACTION],
        )
        for fired in fired_actions(loaded, path, facts)
    }
    who = transcript.respondent
    return Summary(
        framework_id=framework.id,
        framework_title=framework.title,
        framework_version=framework.version,
        framework_hash=loaded.hash,
        framework_file=str(loaded.path),
        status=transcript.status,
        started=transcript.started.date().isoformat(),
        name=who.name,
        organisation=who.organisation,
        role=who.role,
        sector=who.sector,
        partnership=who.partnership,
        answers=summary_answers,
        # As in its own report: an area below the minimum coverage has no score.
        areas={
            a.id: covered_score(framework, facts.area_coverage(a.id), facts.area_score(a.id))
            for a in framework.areas
        },
        coverage=_overall_coverage(framework, facts),
        facts=_fact_values(framework, path),
        texts=text_answers(framework, path),
        interviewers=interviewers(transcript),
        actions=actions,
        warnings=tuple(warnings),
        transcript_id=transcript.id,
        turns=len(transcript.turns),
        marks=turn_marks(transcript.turns),
        updated=transcript.updated.isoformat(),
        dropped_bytes=len(text.encode()) - len(store.split_valid(text).encode()),
        call_seconds=transcript.call_seconds,
        registers={
            group.id: tuple(
                tuple(
                    (
                        a.shown_answer,
                        *((a.answer.comment, a.answer.value) if a.answer else ("", "")),
                    )
                    for a in row.answers
                )
                for row in register_for(framework, group, path, facts).items
            )
            for area in framework.areas
            for group in area.groups
        },
    )


@dataclass
class _Worker:
    """Per-process state of a summarising worker."""

    catalogue: Catalogue
    current: bool
    context: str
    cache: Path | None
    db: sqlite3.Connection | None = None


_WORKER: _Worker | None = None


def init_worker(
    current: bool,
    context: str,
    cache: Path | None,
    folders: tuple[list[Path], list[Path], dict[Path, str], dict[str, str]] | None = None,
) -> None:
    """Set up a worker process (or this one): its own catalogue (searching ``folders``, the
    parent's framework and dialogue folders and hints, when given) and a read-only cache view."""
    global _WORKER
    if folders is None:
        catalogue = Catalogue()
    else:
        frameworks, dialogues, origins, hints = folders
        catalogue = Catalogue(frameworks, dialogues, origins, hints=hints)
    _WORKER = _Worker(catalogue, current, context, cache)
    path = cache_file(cache) if cache is not None else None
    if path is not None:
        try:
            _WORKER.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error:
            _WORKER.db = None


@dataclass(frozen=True)
class Result:
    """One file's outcome."""

    path: str
    key: str = ""
    summary: Summary | None = None
    error: str = ""
    cached: bool = False


def summarise_path(path: str) -> Result:
    """Read one file once; take its summary from the cache, or parse and score it."""
    worker = _WORKER
    assert worker is not None, "init_worker first"
    try:
        data = read_bytes(Path(path), "transcript")
    except LoadError as error:
        return Result(path, error=_reasons(error))
    key = hashlib.sha256(data + worker.context.encode()).hexdigest()
    if worker.db is not None:
        try:
            row = worker.db.execute("select value from summary where key = ?", (key,)).fetchone()
            if row is not None:
                return Result(path, key, pickle.loads(row[0]), cached=True)
        except Exception:  # a damaged or foreign cache is only a missed shortcut
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        toml = path.casefold().endswith(".toml")
        return Result(
            path, key, error="is not UTF-8 text" if toml else store.not_a_transcript(path)
        )
    try:
        return Result(path, key, summarise_text(text, Path(path), worker.catalogue, worker.current))
    except LoadError as error:
        return Result(path, key, error=_reasons(error))
    except (ArithmeticError, RecursionError, ValueError) as error:
        # Bounds at load keep these out; should one slip through, one file must not stop
        # the whole aggregate: it is listed as skipped with the reason.
        return Result(path, key, error=f"could not be scored ({type(error).__name__}: {error})")


def _overall_coverage(framework: Framework, facts: AnswerFacts) -> tuple[int, int]:
    """Scored answers and asked, scoreable questions over all areas, as its report counts."""
    total = overall_coverage(facts.area_coverage(a.id) for a in framework.areas)
    return total.scored, total.scoreable


def _reasons(error: LoadError) -> str:
    return "; ".join(str(p).split(": ", 1)[-1] for p in error.problems[:3])


def _fact_values(framework: Framework, path: FinalPath) -> dict[str, tuple[str, ...]]:
    """What each fact answered on the path names, for the aggregate's tally of facts."""
    named: dict[str, tuple[str, ...]] = {}
    for question in framework.questions():
        answer = path.answers.get(question.id)
        if not question.fact or question.kind == "date" or answer is None:
            continue
        if not path.on_path(question.id):
            continue
        if answer.abstain:
            named[question.id] = (answer.abstain,)
        elif question.kind == "choice" and question.multiple:
            named[question.id] = tuple(v for v in answer.value.split(",") if v)
        else:
            named[question.id] = (answer.value,)
    return named
