"""The final path: which of a transcript's turns an assessment is made of.

A transcript keeps everything that happened (nothing is deleted), but an assessment is a
function of the path the respondent ended on: the questions on it, each with its latest
answer, and the follow-up replies given to that answer. Everything else (answers on
branches backed out of, answers since superseded, replies to follow-ups of a superseded
answer) stays in the history and is never scored, quoted or counted.

The path is computed from the turns, and for questions ahead of the cursor from the
dialogue's walk where the dialogue is known (without it, from the turns alone):

- Each `ask` turn moves the cursor. Asking a question already on the path, at or
  before the cursor, goes back to it (`back`, or a follow-up backed out of). Asking the
  question just after the cursor moves on along the path; asking one further along
  drops the questions in between. Asking a question not on the path (a different
  route) adds it after the cursor; by the turns alone, everything that followed is
  dropped.
- Questions after the cursor (an unfinished transcript whose respondent went back, or
  took a different route that rejoins the old one) stay on the path only while the
  dialogue, walked on from the cursor with the latest answers (as the session walks
  forward when each answer is kept: Enter keeps it; a question not asked yet is passed
  as a skip passes it), still reaches them; those it no longer reaches (a branch the
  latest answers have closed) leave the path, judged after every turn (`advance`).
  That walk needs the dialogue: `bot.engine.routes.still_reached` is the `Reach`
  the session, the reports, the aggregate, the replay and the home list pass
  (`final_path`, `path_of`; `bot.engine.routes.transcript_path`). Without it, or
  where the walk cannot judge (a step the dialogue no longer has), the turns alone are
  the rule: questions after the cursor stay until a different route is taken. An `end`
  turn drops them: the dialogue ended at the cursor.
- A question's latest word counts: an `answer` (amendments included), kept by `keep`;
  a `skip` of the question leaves it unanswered.
- A question that leaves the path takes its word, and the follow-up replies bound to
  it, into history (`AnswerLedger.retire`): entered again it has no answer (the old
  one is only `AnswerLedger.earlier`, a hint) until answered again, or kept (a `keep`
  of a question without a current answer restores the earlier one: a transcript read
  by its turns alone keeps what the session, with the dialogue, showed as current).
  A question gone back to on the same path never left it.
- A follow-up reply is bound to the answer it followed; a new answer to the question
  unbinds the earlier replies. A skipped follow-up, an empty reply, `:skip` typed as
  a reply and a reply that is only an answer's key or a lone number are not words; a
  year or a date in figures alone in reply to a follow-up asking when is
  (`is_reply_words`: "2009" to "When was it agreed?").
- In a repeated group each item's questions are steps of their own, named by the item
  (`step_key`), and each item's answers are kept under their own names
  (`instance_key`: "risk_name#2"), so an item's answers are bound to the item, and an
  item backed out of (its "another?" answered no instead) leaves the path like any
  question passed by; items ahead of the cursor are steps of the dialogue's walk like
  any other, and leave the path when it no longer reaches them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from bot.engine.asking import answers_when
from bot.model import Framework, Turn
from bot.model.framework import base_question, instance_key

SKIP_COMMAND = ":skip"
"""Typed as a reply, this means skip: it is never the respondent's words."""
HELP_WORDS = frozenset({"?", "help"})
"""Typed alone as an answer or a reply (any case, spaces around ignored), these ask for
the help, as the help command or key does: never recorded as the respondent's words."""


def asks_for_help(text: str, keys: Iterable[str] = ()) -> bool:
    """Whether what was typed is a request for the help (`HELP_WORDS`), not an answer.
    An option's key wins: where a framework gives an option the key "?", typing it
    chooses that option (`keys` are the keys the question on screen accepts)."""
    typed = text.strip().casefold()
    return typed in HELP_WORDS and typed not in {key.casefold() for key in keys}


LONE_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
"""A number alone ("2", "12", "3.5"): as a reply, a key typed for the next question."""


def bare_key(text: str, keys: Iterable[str] = ()) -> bool:
    """Whether a reply is only an answer's key, not words: one of `keys` (an option's
    key, case ignored), a lone number, or a single letter or digit (the length of every
    shipped option's key), typed as a reply when it was meant for the next question."""
    stripped = text.strip()
    if LONE_NUMBER.fullmatch(stripped):
        return True
    if len(stripped) == 1 and stripped.isascii() and stripped.isalnum():
        return True
    return bool(stripped) and stripped.casefold() in {k.casefold() for k in keys}


def is_words(text: str) -> bool:
    """Whether a reply says something: not empty, not the skip command, and not only an
    answer's key (`bare_key`), which is never quoted as the respondent's words."""
    stripped = text.strip()
    return bool(stripped) and stripped.casefold() != SKIP_COMMAND and not bare_key(stripped)


def is_reply_words(reply: str, prompt: str) -> bool:
    """Whether a reply to a follow-up (`prompt`, its words) is the respondent's words:
    any that say something (`is_words`), and a date alone to a follow-up asking when
    (`bot.engine.asking.answers_when`: "2009" to "When was it agreed?")."""
    return is_words(reply) or answers_when(reply, prompt)


def step_key(node: str, question: str, item: int | None) -> str:
    """A step's name on the path: its node, or in a repeated group the node, item and
    question ("risks#2.risk_owner"; node ids hold no "#" and question ids no ".")."""
    return node if item is None else f"{node}#{item}.{question}"


def turn_step(turn: Turn) -> str:
    """The path step a turn belongs to."""
    return step_key(turn.node, turn.question, turn.item)


def turn_key(turn: Turn) -> str:
    """The name a turn's answer is kept under: its question, or one item's (see
    `instance_key`)."""
    return instance_key(turn.question, turn.item)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up asked about an answer, and the reply to it."""

    trigger: str
    """What fired it."""
    text: str
    """The follow-up as asked."""
    reply: str
    """The respondent's words, or "" (skipped, backed out of, or nothing said)."""


@dataclass(frozen=True)
class Step:
    """One question on the final path."""

    node: str
    """The dialogue node that asked it (its step: see `step_key`)."""
    question: str
    """The framework question (in a repeated group, one item's: see `instance_key`)."""
    answer: Turn | None
    """Its latest answer, or None (skipped, or not answered yet)."""
    follow_ups: tuple[FollowUp, ...] = ()
    """Follow-ups asked about that answer, in order."""
    notes: tuple[str, ...] = ()
    """Notes made at the question."""

    @property
    def replies(self) -> tuple[str, ...]:
        """The words of the follow-up replies bound to the answer."""
        return tuple(f.reply for f in self.follow_ups if f.reply)


@dataclass(frozen=True)
class FinalPath:
    """The path a transcript ended on, and what is on it."""

    steps: tuple[Step, ...]
    """The questions on the path, in the order asked."""
    cursor: int
    """Index in `steps` of the question being asked (or last asked); -1 before the first."""
    _by_question: dict[str, Step] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_question.update((s.question, s) for s in self.steps)

    @property
    def answers(self) -> dict[str, Turn]:
        """Each question on the path that has an answer: question id -> its latest answer."""
        return {s.question: s.answer for s in self.steps if s.answer is not None}

    def on_path(self, question_id: str) -> bool:
        """Whether the question is on the path."""
        return question_id in self._by_question

    def step(self, question_id: str) -> Step | None:
        """The question's step, if it is on the path."""
        return self._by_question.get(question_id)


class PathTracker:
    """The path as turns arrive: the nodes asked, in order, and the cursor among them."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        """Ask nodes on the path, in order."""
        self.questions: dict[str, str] = {}
        """node -> the question it asks."""
        self.cursor = -1
        """Index in `nodes` of the node being asked."""

    @property
    def current(self) -> str | None:
        """The node being asked, if any."""
        return self.nodes[self.cursor] if self.cursor >= 0 else None

    def behind(self) -> list[str]:
        """The nodes up to and including the cursor: the route taken to reach it."""
        return self.nodes[: self.cursor + 1]

    def apply(self, turn: Turn, keep_ahead: bool = False) -> None:
        """Move along the path for one turn (only `ask` and `end` turns move it);
        ``keep_ahead``: see `ask`."""
        if turn.kind == "ask":
            self.ask(turn_step(turn), turn_key(turn), keep_ahead)
        elif turn.kind == "end":
            del self.nodes[self.cursor + 1 :]

    def ask(self, node: str, question: str, keep_ahead: bool = False) -> None:
        """A node is asked. One not on the path (a different route) drops what followed
        the cursor, or with ``keep_ahead`` (the dialogue's walk judges what is ahead:
        `advance`) is put after the cursor with what followed still ahead of it."""
        self.questions[node] = question
        if node in self.nodes[: self.cursor + 1]:
            self.cursor = self.nodes.index(node)  # back to it
            return
        ahead = self.nodes[self.cursor + 1 :]
        if node in ahead:
            # On along the path, dropping what the route now passes by.
            del self.nodes[self.cursor + 1 : self.cursor + 1 + ahead.index(node)]
        else:
            if not keep_ahead:
                del self.nodes[self.cursor + 1 :]  # a different route: what followed is off it
            self.nodes.insert(self.cursor + 1, node)
        self.cursor += 1


@dataclass
class _Record:
    """One question's latest word and the follow-ups bound to it."""

    answer: Turn | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)
    pending: Turn | None = None
    notes: list[str] = field(default_factory=list)

    def close_pending(self, reply: str = "") -> None:
        if self.pending is not None:
            words = reply.strip() if is_reply_words(reply, self.pending.text) else ""
            self.follow_ups.append(FollowUp(self.pending.trigger, self.pending.text, words))
            self.pending = None


class AnswerLedger:
    """Each question's latest answer, with the follow-up replies bound to it, as turns arrive."""

    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.left: dict[str, _Record] = {}
        """question id -> its word when it last left the path (history, never current)."""

    def apply(self, turn: Turn) -> None:
        """Take one turn into account."""
        if not turn.question:
            return
        record = self.records.setdefault(turn_key(turn), _Record())
        kind = turn.kind
        if kind == "answer":
            record.close_pending()
            # A new answer supersedes the old one; its follow-ups go with it.
            record.answer, record.follow_ups = turn, []
        elif kind == "probe":
            record.close_pending()
            record.pending = turn
        elif kind == "probe_answer":
            record.close_pending(turn.text)
        elif kind == "skip":
            record.close_pending()
            if not turn.trigger:  # the question itself was skipped: it is left unanswered
                record.answer, record.follow_ups = None, []
        elif kind == "note":
            record.notes.append(turn.text)
        elif kind == "keep":
            record.close_pending()
            earlier = self.left.pop(turn_key(turn), None)
            if record.answer is None and earlier is not None:
                # Kept where it was shown as current (a transcript read by its turns alone).
                earlier.notes.extend(record.notes)
                self.records[turn_key(turn)] = earlier
        elif kind in ("ask", "back"):
            record.close_pending()

    def retire(self, question_id: str) -> None:
        """The question left the path: its word, with the follow-up replies bound to it,
        becomes history; asked again, it is asked afresh (`earlier` has the old word)."""
        record = self.records.pop(question_id, None)
        if record is not None and record.answer is not None:
            record.close_pending()
            self.left[question_id] = record

    def earlier(self, question_id: str) -> Turn | None:
        """The answer the question had when it last left the path, if it has none now."""
        record = self.left.get(question_id)
        return record.answer if record and self.latest(question_id) is None else None

    def with_answer(self, turn: Turn) -> AnswerLedger:
        """A copy in which the turn is its question's latest answer (this ledger unchanged)."""
        copy = AnswerLedger()
        copy.records = dict(self.records)
        copy.records[turn_key(turn)] = _Record(answer=turn)
        return copy

    def latest(self, question_id: str) -> Turn | None:
        """The question's latest answer, on the path or not."""
        record = self.records.get(question_id)
        return record.answer if record else None

    def step(self, node: str, question_id: str) -> Step:
        """The question's step on a path."""
        record = self.records.get(question_id)
        if record is None:
            return Step(node, question_id, None)
        follow_ups = list(record.follow_ups)
        if record.pending is not None:
            follow_ups.append(FollowUp(record.pending.trigger, record.pending.text, ""))
        return Step(node, question_id, record.answer, tuple(follow_ups), tuple(record.notes))


Reach = Callable[["PathTracker", "AnswerLedger"], Sequence[str] | None]
"""A dialogue's walk on from the cursor (`bot.engine.routes.still_reached`): the steps
after the cursor it still reaches, in order, or None where it cannot judge."""


def on_path(tracker: PathTracker, ledger: AnswerLedger, reach: Reach | None = None) -> list[str]:
    """The steps on the path: the route taken to the cursor, then the steps ahead of it
    that the dialogue's walk (``reach``) still reaches; without one, or where it cannot
    judge, every step ahead (the turns-only rule)."""
    ahead = tracker.nodes[tracker.cursor + 1 :]
    if ahead and reach is not None:
        reached = reach(tracker, ledger)
        if reached is not None:
            ahead = list(reached)
    return tracker.behind() + ahead


def advance(
    tracker: PathTracker, ledger: AnswerLedger, turn: Turn, reach: Reach | None = None
) -> None:
    """Take one turn into the path and the answers: the one rule by which the session and
    every reader of a transcript (`final_path`) follow its turns. Asking a step moved on
    to, with the dialogue's walk (``reach``), keeps the steps ahead it still reaches (a
    step not on the path is put after the cursor, what followed staying while reached;
    where the walk cannot judge, the turns-only rule drops what followed). A question
    that leaves the path takes its answer with it into history (`AnswerLedger.retire`):
    entered again, it is asked afresh and counts once answered or kept again."""
    before = list(tracker.nodes)
    tracker.apply(turn, keep_ahead=reach is not None)
    ledger.apply(turn)
    if reach is not None and tracker.nodes[tracker.cursor + 1 :]:
        reached = reach(tracker, ledger)
        if reached is not None:
            tracker.nodes[tracker.cursor + 1 :] = list(reached)
        elif turn.kind == "ask" and turn_step(turn) not in before:
            del tracker.nodes[tracker.cursor + 1 :]  # a different route, by the turns alone
    left = set(before).difference(tracker.nodes)
    if left:
        still = {tracker.questions[node] for node in tracker.nodes}
        for node in left:
            if tracker.questions[node] not in still:
                ledger.retire(tracker.questions[node])


def final_path(turns: Iterable[Turn], reach: Reach | None = None) -> FinalPath:
    """The path a transcript's turns end on, with each question's latest answer and the
    follow-up replies bound to it; ``reach``, the dialogue's walk, judges the questions
    ahead of the cursor (see `advance` and `on_path`)."""
    tracker = PathTracker()
    ledger = AnswerLedger()
    for turn in turns:
        advance(tracker, ledger, turn, reach)
    return path_of(tracker, ledger, reach)


def is_answered(answer: Turn | None) -> bool:
    """Whether a question's latest answer makes it answered: an answer of the question's
    own, scored or not. Don't know, Refused and Not applicable abstain, so are never
    counted as answered, nor is a question without an answer (skipped, or not answered
    yet). The one rule by which every count of questions answered counts: the answers'
    tally (`bot.scoring.results.answer_tally`), the end of a conversation, the home list
    and the report's evidence share."""
    return answer is not None and not answer.abstain


def answered_of(
    path: FinalPath, total: int, complete: bool, uncounted: Collection[str] = ()
) -> tuple[int, int]:
    """How far a conversation got, as the home list and the conversation's end both say
    it, counted as the dialogue's count is (`RouteFacts.question_total`, the progress shown
    while answering): each question once, a repeated group's questions once however many
    items were named, and a group's "another?" questions (``uncounted``, their ids) not
    at all. The questions answered (`is_answered`: a Don't know is not) on the final
    path, out of ``total`` (that count), or, once complete, out of the questions the path
    took (a branch may have passed some by). An abandoned conversation is not complete.
    ``path``: the conversation's final path (`final_path`, with its dialogue's walk where
    the dialogue is known)."""
    asked: set[str] = set()
    answered: set[str] = set()
    for step in path.steps:
        question = base_question(step.question)
        if question in uncounted:
            continue
        asked.add(question)
        if is_answered(step.answer):
            answered.add(question)
    return len(answered), len(asked) if complete else total


def register_questions(path: FinalPath, framework: Framework) -> frozenset[str]:
    """The repeated groups' questions on the final path, each once however many items were
    named, their "another?" questions left out: those `answered_of` counts (the home list,
    the end of a conversation) that the answers' tally (`bot.scoring.results.answer_tally`,
    a report's "22 answered, 3 don't know") leaves out, so each says how many."""
    questions = {base_question(step.question) for step in path.steps}
    return (
        frozenset(q for q in questions if framework.group_of(q) is not None)
        - framework.more_questions
    )


def path_of(tracker: PathTracker, ledger: AnswerLedger, reach: Reach | None = None) -> FinalPath:
    """The path a tracker and ledger describe (``reach``: see `on_path`)."""
    steps: list[Step] = []
    seen: set[str] = set()
    for node in on_path(tracker, ledger, reach):
        question = tracker.questions[node]
        if question in seen:  # two nodes asking one question: it is one question
            continue
        seen.add(question)
        steps.append(ledger.step(node, question))
    return FinalPath(tuple(steps), tracker.cursor)


def answers_on(nodes: Sequence[str], tracker: PathTracker, ledger: AnswerLedger) -> dict[str, Turn]:
    """The latest answers to the questions the given nodes ask."""
    answers: dict[str, Turn] = {}
    for node in nodes:
        question = tracker.questions[node]
        answer = ledger.latest(question)
        if answer is not None:
            answers[question] = answer
    return answers
