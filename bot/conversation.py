"""A session bound to its transcript file: every change is saved before it is shown.

Both front ends (plain mode and the TUI) drive a Conversation, so the rule "save
after every turn" lives in one place.
"""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot import limits, store
from bot.catalogue import Catalogue
from bot.engine import Outcome, Prompt, Session
from bot.engine.asking import answers_when
from bot.engine.path import bare_key
from bot.engine.review import with_review
from bot.engine.typed import keyed_answer
from bot.loading import LoadedDialogue, LoadedFramework
from bot.model import Option, Person, Respondent, Transcript, TranscriptHeader
from bot.model.dialogue import conversation_command
from bot.model.transcript import Reference, ReviewItem, call_opening, call_running
from bot.problems import LoadError, Problem, display_name
from bot.text import clean_line, folded, printable

if TYPE_CHECKING:
    from bot.scoring.results import Assessment

Clock = Callable[[], datetime]
PersonT = TypeVar("PersonT", bound=Person)


class SaveError(Exception):
    """A turn could not be written; the session was put back as it was on disk."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Could not save ({reason}). Nothing already saved is lost; try again.")
        self.reason = f"Could not save ({reason})."
        """What went wrong, without advice (each front end says what to do next)."""


class TranscriptLost(SaveError):
    """The transcript was replaced or removed while open (`store.TranscriptGone`): the
    turn was not saved to it, and nothing more will be; everything was written out
    elsewhere (or back), as the message says, with how to carry on."""

    def __init__(self, gone: store.TranscriptGone) -> None:
        Exception.__init__(self, f"Not saved: {gone.words()}.")
        self.reason = str(self)
        self.gone = gone

    @property
    def resume_from(self) -> Path | None:
        """The file to resume to carry on (None when nothing could be written, or the
        transcript was moved where this program cannot know)."""
        return self.gone.kept_in

    def leaving_words(self) -> str:
        """What leaving says of a loss it found: what happened and where every answer is
        (nothing was being saved, so nothing is "not saved")."""
        return f"{self.gone.words()}."


def same_id_warning(path: Path, other: Path) -> str:
    """What resuming a transcript says of another file beside it holding its id."""
    return (
        f"{display_name(other)} holds this transcript too (the same id, a copy made by a "
        f"sync client or a backup?): what is answered here goes into "
        f"{display_name(path)} alone, and an aggregate counts only one of the two files; "
        "keep one of them and move the other out of the folder"
    )


def utc_now() -> datetime:
    """The current time, timezone-aware, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Conversation:
    """A dialogue being taken, saved after every turn."""

    session: Session
    """The engine state."""
    writer: store.TranscriptWriter
    """Appends to the transcript file (holding its lock)."""
    header: TranscriptHeader
    """Who, what and when."""
    clock: Clock = utc_now
    """Where times come from (tests pass a fixed clock)."""
    warnings: list[str] = field(default_factory=list)
    """Things the user should know, such as a framework changed since the start."""
    dropped_bytes: int = 0
    """How many bytes of an interrupted last save were cut off when it was resumed."""
    kept_in: Path | None = None
    """The side file those bytes were kept in before they were cut off."""
    interviewer: str = ""
    """In a telephone interview resumed, the officer taking the call now, where known:
    named on the call's resumption in the transcript when it is not the officer who
    began it, so that its report names everyone who interviewed."""
    _notices: list[str] = field(default_factory=list, init=False, repr=False)
    """What the last saves found, not yet said (`take_notices`)."""

    @property
    def path(self) -> Path:
        """The transcript file."""
        return self.writer.path

    @property
    def transcript(self) -> Transcript:
        """The transcript as it stands."""
        return Transcript.model_validate(
            {**self.header.model_dump(by_alias=True), "turns": self.session.turns}
        )

    def current(self) -> Prompt:
        """What to show now."""
        return self.session.current()

    def begin(self) -> Outcome:
        """Start, or finish a step that was cut off; saved."""
        return self._save(self.session.begin(self.clock()))

    def answer(self, text: str) -> Outcome:
        """Answer the question or probe shown; saved."""
        return self._save(self.session.answer(text, self.clock()))

    def key_at_follow_up(self, typed: str) -> str:
        """The key, when what is typed at a follow-up is only an answer's key or a lone
        number (`bare_key`); else "". Such a reply is most likely meant for the next
        question, so neither front end takes it silently as the respondent's words. A
        year alone to a follow-up asking when ("2009") is the reply (`answers_when`)."""
        prompt = self.current()
        if prompt.kind != "probe" or prompt.question is None or answers_when(typed, prompt.text):
            return ""
        options = self.session.framework.options_of(prompt.question)
        return typed.strip() if bare_key(typed, (o.key for o in options)) else ""

    def key_for_next(self, typed: str) -> str:
        """What is typed at a follow-up, when it may have been meant as the answer to the
        next question; else "". Either only an answer's key or a lone number
        (`key_at_follow_up`) that the question after the follow-up takes as typed, or a
        text written as that question's answer with a comment: its key, a mark and the
        comment ("1 - third", `bot.engine.typed.keyed_answer`), the whole text stripped.

        The one rule both front ends follow: only such a text is offered as the next
        question's answer (the app and plain mode at a terminal ask which was meant);
        anything else typed at a follow-up is the reply, so nothing typed is lost to a
        question that would not take it."""
        key = self.key_at_follow_up(typed)
        if key:
            return key if self.next_takes(key) else ""
        after = self.after_follow_up()
        if after is None or after.kind != "ask" or keyed_answer(after.options, typed) is None:
            return ""
        return typed.strip()

    def answer_next(self, key: str) -> tuple[Outcome, Outcome | None]:
        """Skip the follow-up and answer the next question with `key` (typed at the
        follow-up, see `key_for_next`), each step saved: the skip's outcome, and the
        answer's, or None when that question does not take it (it is not used, and the
        front end says so)."""
        skipped = self.skip()
        if skipped.error:
            return skipped, None
        if self.session.over or not _takes(self.current(), key):
            return skipped, None
        return skipped, self.answer(key)

    def next_takes(self, key: str) -> bool:
        """Whether the question after the follow-up shown would take `key` (typed at the
        follow-up, see `key_for_next`) as its answer (`after_follow_up`)."""
        after = self.after_follow_up()
        return after is not None and _takes(after, key)

    def after_follow_up(self) -> Prompt | None:
        """What is asked after the follow-up shown were it skipped: worked out on a copy of
        the session, skipping the follow-up there, so that nothing is recorded and the
        question is the one the dialogue's branches really lead to; None where there is
        no follow-up shown or skipping it ends the conversation."""
        turns = self.session.turns
        if self.session.over or not turns or self.current().kind != "probe":
            return None
        trial = Session(self.session.loaded, turns, self.session.telephone)
        if trial.skip(turns[-1].at).error or trial.over:
            return None
        return trial.current()

    def choose(self, option: Option, comment: str = "") -> Outcome:
        """Answer with one of the options shown (a click or a coded key), and save it."""
        return self._save(self.session.choose(option, comment, self.clock()))

    def amend(self, question_id: str, text: str) -> Outcome:
        """Correct an earlier answer; saved."""
        return self._save(self.session.amend(question_id, text, self.clock()))

    def skip(self) -> Outcome:
        """Skip the question or follow-up; saved."""
        return self._save(self.session.skip(self.clock()))

    def back(self) -> Outcome:
        """Go back to the previous question; saved."""
        return self._save(self.session.back(self.clock()))

    def note(self, text: str) -> Outcome:
        """Add a note; saved."""
        return self._save(self.session.note(text, self.clock()))

    def call(self, event: str) -> Outcome:
        """Record the call's start, a pause or a resumption (with who takes it on, when it
        is not the officer who began it); saved."""
        began = self.header.interviewer.name if self.header.interviewer else ""
        other = _folded(self.interviewer) != _folded(began)
        return self._save(self.session.call(event, self.clock(), self.interviewer if other else ""))

    def open_call(self) -> Outcome:
        """A telephone interview opened: record the call's start, or its resumption, so
        that its length survives leaving and resuming; nothing for a self-assessment or a
        conversation that is over. Saved."""
        if not self.session.telephone or self.session.over:
            return Outcome()
        return self.call(call_opening(self.session.turns))

    def pause_call(self) -> Outcome:
        """Pause the telephone call if it is on (Ctrl+T, :pause, or leaving the
        interview), so that time away is not counted; saved."""
        if not self.session.telephone or not call_running(self.session.turns):
            return Outcome()
        return self.call("call_pause")

    def abandon(self) -> Outcome:
        """Abandon; saved."""
        return self._save(self.session.abandon(self.clock()))

    def close(self) -> None:
        """Release the transcript's lock, unchecked: for a start that could not be
        completed; a conversation is left by `leave`."""
        self.writer.close()

    @property
    def stopped(self) -> bool:
        """Whether nothing more is saved: the transcript was replaced, removed or moved
        while open (said once, by the save or the leaving that found it)."""
        return self.writer.lost is not None

    def leave(self) -> TranscriptLost | None:
        """Every way of leaving a conversation: pause the call if it is on, check that the
        transcript is still the file written (a file replaced or removed after the last
        save is rescued, as a save does: `store.TranscriptWriter.check`), and let go of
        it. The loss found (to be said: where the answers are), or None; a loss already
        said by a save is not found again, and leaving twice does nothing more."""
        if self.writer.closed or self.stopped:
            self.writer.close()
            return None
        try:
            self.pause_call()
        except TranscriptLost as lost:
            return lost
        except SaveError:
            pass  # not paused; everything answered is saved, and checked below
        if self.writer.lost is not None:  # moved: the pause is in the moved file
            self._notices.clear()
            return TranscriptLost(self.writer.lost)
        try:
            self.writer.close_checked()
        except store.TranscriptGone as gone:
            return TranscriptLost(gone)
        return None

    def assessment(self) -> Assessment:
        """The scores, actions and tally of the transcript as it stands: what the end of an
        assessment shows, in the app and in plain mode alike."""
        # Scoring is loaded when a conversation ends, not before its first question.
        from bot.scoring import compile_transcript

        loaded = self.session.loaded
        return compile_transcript(self.transcript, loaded.framework, self.warnings, loaded)

    def check_saved(self) -> None:
        """Make sure the transcript is still the file being written, before saying it is
        saved (`store.TranscriptWriter.check`); TranscriptLost when it is not."""
        try:
            self.writer.check()
        except store.TranscriptGone as gone:
            raise TranscriptLost(gone) from gone

    def _save(self, outcome: Outcome) -> Outcome:
        if outcome.turns:
            try:
                self.writer.append(outcome.turns)
            except store.TranscriptGone as gone:
                if gone.moved and not gone.again:
                    # Saved, in the file under its new name: said, and nothing more saved.
                    self._notices.append(f"{gone.words()}.")
                    return outcome
                # Written out elsewhere (or back): nothing more is saved by this session.
                kept = self.session.turns[: len(self.session.turns) - len(outcome.turns)]
                self.session = Session(self.session.loaded, kept, telephone=self.session.telephone)
                raise TranscriptLost(gone) from gone
            except OSError as error:
                # Put the session back to what is on disk, so screen and file agree.
                kept = self.session.turns[: len(self.session.turns) - len(outcome.turns)]
                self.session = Session(self.session.loaded, kept, telephone=self.session.telephone)
                raise SaveError(str(error.strerror or error)) from error
            why = self.writer.take_unchecked()
            if why:
                self._notices.append(
                    f"Saved, but it could not be checked that {display_name(self.path)} is "
                    f"still the file being written ({why})."
                )
        return outcome

    def take_notices(self) -> list[str]:
        """What the last saves found that the user should be told, once (bytes another
        program wrote at the transcript's end, moved to a side file): each front end shows
        them after each step."""
        said = [
            store.appended_note(self.path, count, side) for count, side in self.writer.set_aside
        ]
        self.writer.set_aside.clear()
        said += self._notices
        self._notices.clear()
        return said


def start(
    catalogue: Catalogue,
    framework_ref: str,
    dialogue_ref: str | None,
    respondent: Respondent,
    folder: Path,
    interviewer: Person | None = None,
    clock: Clock = utc_now,
    transcript_id: str | None = None,
    invitee: str = "",
    review: tuple[ReviewItem, ...] = (),
    opened_by: str = "",
) -> Conversation:
    """Create a new transcript and its session (not yet begun); ``invitee`` links it to
    an invitee of the round whose folder it is in; ``review`` are the actions agreed in
    the round before, asked about at the start of their areas (kept in the header);
    ``opened_by``: the officer opening it, named in its lock note while it is open."""
    respondent = _cleaned(respondent)
    interviewer = _cleaned(interviewer) if interviewer is not None else None
    check_fields(respondent, interviewer)
    framework = catalogue.framework(framework_ref)
    if dialogue_ref is None and interviewer is not None:
        dialogue = _telephone_dialogue(catalogue, framework) or catalogue.dialogue(None, framework)
    else:
        dialogue = catalogue.dialogue(dialogue_ref, framework)
    mode = (
        "telephone" if interviewer is not None or dialogue.dialogue.mode == "telephone" else "self"
    )
    header = TranscriptHeader(
        id=transcript_id or store.new_id(),
        framework=Reference(
            id=framework.id, version=framework.framework.version, hash=framework.hash
        ),
        dialogue=Reference(id=dialogue.id, version=dialogue.dialogue.version, hash=dialogue.hash),
        mode=mode,
        respondent=respondent,
        interviewer=interviewer,
        started=clock(),
        invitee=invitee,
        review=review,
    )
    writer = store.create(folder, header, opened_by)
    # Copies kept beside the transcripts, to re-score exactly and to resume a framework
    # used from a file of its own; a convenience, so failing to write one is not fatal.
    with contextlib.suppress(OSError):
        store.save_snapshot(folder, framework.hash, framework.path)
        if dialogue.path is not None:
            store.save_snapshot(folder, dialogue.hash, dialogue.path)
    session = Session(with_review(dialogue, review), telephone=mode == "telephone")
    return Conversation(session, writer, header, clock)


def _cleaned(person: PersonT) -> PersonT:
    """A person's fields as they are stored, however they were given (the command line,
    the app's form, a round's invitee list): each cleaned as a field of one line is
    (`bot.text.clean_line`), as the respondent's other words are."""
    fields = {
        name: clean_line(value)
        for name, value in person.model_dump().items()
        if isinstance(value, str)
    }
    return person.model_copy(update=fields)


def check_fields(respondent: Respondent, interviewer: Person | None) -> None:
    """Refuse a name or other field over its cap (bot/limits.py), naming each one."""
    fields = [
        ("respondent's name", respondent.name),
        ("organisation", respondent.organisation),
        ("role", respondent.role),
        ("sector", respondent.sector),
        ("partnership", respondent.partnership),
        ("interviewer's name", interviewer.name if interviewer else ""),
    ]
    problems = [
        Problem(what, "", message)
        for what, value in fields
        if (message := limits.field_too_long(value))
    ]
    if problems:
        raise LoadError(problems)


def _telephone_dialogue(catalogue: Catalogue, framework: LoadedFramework) -> LoadedDialogue | None:
    paths = catalogue.dialogues_for(framework.id, "telephone")
    return catalogue.dialogue(str(paths[0]), framework) if paths else None


def resume(
    catalogue: Catalogue,
    path: Path,
    clock: Clock = utc_now,
    framework_ref: str | None = None,
    dialogue_ref: str | None = None,
    opened_by: str = "",
) -> Conversation:
    """Open an existing transcript for writing and rebuild its session from its turns
    (``opened_by``: the officer opening it, named in its lock note while it is open).

    The framework and dialogue are found by the ids the transcript records (when an id
    is not found, the copy kept beside the transcripts is used), unless files of the
    user's own are named.
    """
    loaded, writer = store.open_for_writing(path, opened_by)
    try:
        transcript = loaded.transcript
        framework = _own_framework(catalogue, transcript, path, framework_ref)
        dialogue = catalogue.dialogue_for_transcript(
            dialogue_ref or transcript.dialogue.id,
            framework,
            None if dialogue_ref else store.find_snapshot(path.parent, transcript.dialogue.hash),
        )
        warnings = changed_since(transcript, framework.hash, dialogue.hash)
        if loaded.dropped_bytes:
            warnings.append(interrupted_warning(loaded.dropped_bytes, loaded.kept_in))
        warnings += loaded.time_notes
        warnings += [
            same_id_warning(path, other) for other in store.same_id_beside(path, transcript.id)
        ]
        session = replay(dialogue, transcript, display_name(path))
    except BaseException:
        writer.close()
        raise
    return Conversation(
        session,
        writer,
        transcript.header(),
        clock,
        warnings,
        loaded.dropped_bytes,
        loaded.kept_in,
    )


def interrupted_warning(dropped_bytes: int, kept_in: Path | None) -> str:
    """The note a resumed transcript whose last save was interrupted starts with."""
    kept = f" and kept in {display_name(kept_in)}" if kept_in else ""
    return (
        "The last save before this was interrupted; the unfinished part "
        f"({dropped_bytes} bytes) was cut from the transcript{kept}."
    )


class NotItsFramework(Exception):
    """A framework named to resume a transcript with (``-f``) is not the one the
    transcript was taken with: a transcript is always carried on with its own framework
    (``-f`` gives that framework's file where it is not installed), so nothing is opened."""


def _own_framework(
    catalogue: Catalogue, transcript: Transcript, path: Path, ref: str | None
) -> LoadedFramework:
    """The framework a transcript is carried on with: the one a report scores it against
    (`bot.scoring.source.framework_for`: the very version it was taken with, kept beside
    it in ``.frameworks/``, before any installed file of its id), or the file ``ref``
    names (``-f``), which must be that version (`_refuse_another_framework`). Raises
    LoadError for a transcript a report refuses: answers appended to it would never be
    read."""
    # Imported here: scoring is otherwise loaded only when a conversation ends.
    from bot.answer_score import check_answers
    from bot.scoring.source import framework_for

    if not ref:
        loaded = framework_for(transcript, path, catalogue)[0]
        if loaded.hash != transcript.framework.hash:
            # An answer to a question this version lacks, which a report leaves out,
            # cannot be carried on: refused as before.
            check_answers(loaded.framework, transcript, path, scores=False, unknown_left_out=False)
        return loaded
    framework = catalogue.framework(ref)
    _refuse_another_framework(framework, ref, transcript, path)
    check_answers(framework.framework, transcript, path, scores=True)
    return framework


def _refuse_another_framework(
    framework: LoadedFramework, ref: str, transcript: Transcript, path: Path
) -> None:
    """NotItsFramework when ``framework`` (named by ``ref``) is not the one the transcript
    was taken with: another id, or the same id with other content (an edited copy, or
    another version), told by the hash its header records."""
    taken = transcript.framework
    shown = shlex.quote(printable(ref))
    if framework.framework.id != taken.id:
        raise NotItsFramework(
            f"-f {printable(ref)}: {display_name(path)} was taken with the framework "
            f"{printable(taken.id)}, not {printable(framework.framework.id)}; a "
            "transcript is always carried on with its own framework (-f gives its file where "
            "it is not installed): leave -f out, or start a new "
            + ("interview" if transcript.mode == "telephone" else "assessment")
            + f" with: partnership-bot {conversation_command(transcript.mode)} -f {shown}"
        )
    if framework.hash == taken.hash:
        return
    kept = store.find_snapshot(path.parent, taken.hash)
    where = (
        f"leave -f out (the copy of it kept in {display_name(kept)} is used)"
        if kept is not None
        else "give -f that version's own file"
    )
    raise NotItsFramework(
        f"-f {printable(ref)}: {display_name(path)} was taken with the framework "
        f"{printable(taken.id)} version {printable(taken.version)} ({taken.hash}), and "
        f"{printable(ref)} is not that framework (its content differs, {framework.hash}); "
        f"a transcript is always carried on with its own framework, never another; {where}"
    )


def replay(dialogue: LoadedDialogue, transcript: Transcript, name: str) -> Session:
    """Rebuild a session from a transcript, or explain why the dialogue no longer fits it.
    The plan review questions its header records are asked again as they were."""
    dialogue = with_review(dialogue, transcript.review)
    nodes = dialogue.dialogue.nodes
    framework = dialogue.framework.framework
    for turn in transcript.turns:
        if (turn.node and turn.node not in nodes) or (
            turn.question and not framework.has_question(turn.question)
        ):
            missing = (
                f'node "{turn.node}"' if turn.node not in nodes else f'question "{turn.question}"'
            )
            raise LoadError(
                [
                    Problem(
                        name,
                        f"turn {turn.seq}",  # its number in a replay, `seq` in the file
                        f"refers to {missing}, which {dialogue.id} no longer has; the dialogue has changed since this transcript was taken",
                    )
                ]
            )
    return Session(dialogue, transcript.turns, telephone=transcript.mode == "telephone")


def changed_since(transcript: Transcript, framework_hash: str, dialogue_hash: str) -> list[str]:
    """Warnings when the installed framework or dialogue differs from the one a transcript used."""
    warnings = []
    if transcript.framework.hash != framework_hash:
        warnings.append(
            f"The framework {transcript.framework.id} has changed since this transcript was started (it was version {transcript.framework.version})."
        )
    if transcript.dialogue.hash != dialogue_hash:
        warnings.append(
            f"The dialogue {transcript.dialogue.id} has changed since this transcript was started."
        )
    return warnings


def _takes(prompt: Prompt, key: str) -> bool:
    """Whether a question shown takes a key typed as its answer: one of its options' keys,
    alone or written as an answer with a comment ("1 - third", `keyed_answer`)."""
    if prompt.kind != "ask":
        return False
    keys = {o.key.casefold() for o in prompt.options}
    return key.strip().casefold() in keys or keyed_answer(prompt.options, key) is not None


def _folded(name: str) -> str:
    """A name as names are told apart: case and spacing ignored."""
    return folded(name)
