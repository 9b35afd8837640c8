"""The dialogue session: a dialogue, its framework and the turns so far.

A session is plain state derived from its turns: replaying a transcript's turns
rebuilds exactly the session that wrote them, which is how resume works. Every
public method that changes anything returns the new turns, which the caller saves
together; the session itself does no I/O and takes the time as an argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.engine.answers import AnswerError, ParsedAnswer, option_answer, own_words, parse_answer
from bot.engine.groups import (
    StepRef,
    after_in_group,
    first_step,
    group_at,
    is_more,
    item_words,
    step_ref,
)
from bot.engine.path import (
    SKIP_COMMAND,
    AnswerLedger,
    FinalPath,
    PathTracker,
    advance,
    answers_on,
    is_reply_words,
    on_path,
    path_of,
    turn_step,
)
from bot.engine.probes import ProbeState, Said, asks_for, expected_of, next_probe, probe_text
from bot.engine.prompts import Outcome, Progress, Prompt
from bot.engine.routes import next_node, reach_of, route_facts, turning_point
from bot.facts import AnswerFacts
from bot.limits import text_too_long
from bot.loading import LoadedDialogue
from bot.model import Option, Question, Turn
from bot.model.framework import base_question, instance_key
from bot.model.transcript import CALL_KINDS
from bot.text import clean_input

DEAD_END_WORDS = "That is the end of the questions. Thank you."


class SessionError(RuntimeError):
    """The session cannot go on (a dialogue fault that validation would have reported)."""


@dataclass
class _Visit:
    """The question being asked now."""

    node: str
    """Its step on the path: its node, or a repeated group's item question (`step_key`)."""
    probes_fired: list[int] = field(default_factory=list)
    probe: int | None = None
    said: list[Said] = field(default_factory=list)


class Session:
    """A dialogue being taken: ask, probe, branch, go back, amend, skip, note, abandon."""

    def __init__(
        self, dialogue: LoadedDialogue, turns: Sequence[Turn] = (), telephone: bool = False
    ):
        self.loaded = dialogue
        self.dialogue = dialogue.dialogue
        self.framework = dialogue.framework.framework
        self.telephone = telephone or self.dialogue.mode == "telephone"
        self.turns: list[Turn] = []
        self.tracker = PathTracker()
        self.ledger = AnswerLedger()
        self.visit: _Visit | None = None
        self.finished: str = ""  # "", "end" or "abandon"
        self._route = route_facts(dialogue)  # worked out once per loaded dialogue
        self._reach = reach_of(dialogue)
        self._on_path: tuple[int, list[str]] = (-1, [])
        for turn in turns:
            self._apply(turn)

    # ----- reading ---------------------------------------------------------------------------

    @property
    def path(self) -> list[str]:
        """The steps on the path, in order (those after the cursor are still ahead: those
        the dialogue still reaches, `bot.engine.path.on_path`)."""
        # Worked out once per turn: the turns only ever grow, and each one may move it.
        if self._on_path[0] != len(self.turns):
            self._on_path = (len(self.turns), on_path(self.tracker, self.ledger, self._reach))
        return list(self._on_path[1])

    @property
    def final_path(self) -> FinalPath:
        """The path as it stands, with each question's latest answer and bound replies."""
        return path_of(self.tracker, self.ledger, self._reach)

    @property
    def answers(self) -> dict[str, Turn]:
        """The latest answer to each question on the path (off it, answers do not count)."""
        return answers_on(self.path, self.tracker, self.ledger)

    @property
    def facts(self) -> AnswerFacts:
        """The answers on the route taken to the question being asked, for conditions:
        what a respondent answering straight through would have given by now."""
        behind = self.tracker.behind()
        answers = answers_on(behind, self.tracker, self.ledger)
        # Questions passed by were asked (a skipped one lowers coverage); the one being
        # asked only once it has an answer.
        passed = {self.tracker.questions[node] for node in behind[:-1]}
        return AnswerFacts(self.framework, answers, asked=passed | answers.keys())

    @property
    def complete(self) -> bool:
        """Whether the dialogue reached its end."""
        return self.finished == "end"

    @property
    def over(self) -> bool:
        """Whether nothing more can be asked (complete or abandoned)."""
        return bool(self.finished)

    def being_asked(self, question_id: str) -> bool:
        """Whether ``question_id``'s answer (by the answer's own name) is the one to the
        question being asked now: that one is answered in place (a revisited question's
        answer is kept with Enter or replaced by a new one), never amended."""
        previous = self.answers.get(question_id)
        return (
            previous is not None
            and self.visit is not None
            and turn_step(previous) == self.visit.node
        )

    def amendable(self) -> dict[str, Turn]:
        """The answers that may be amended: every answer on the path but the one to the
        question being asked now (it is answered in place)."""
        return {key: turn for key, turn in self.answers.items() if not self.being_asked(key)}

    def skip_target(self, outcome: Outcome, asked: str = "question") -> str | None:
        """What skipping would pass over, where a refused input can be skipped: "the
        follow-up", or "this question" (`asked` names the question as the front end
        does); None where it cannot. Each front end says how to skip in its own way."""
        if not outcome.skippable or self.over:
            return None
        return "the follow-up" if self.current().kind == "probe" else f"this {asked}"

    @property
    def needs_begin(self) -> bool:
        """Whether `begin` has bot turns to add (a new session, or one cut off mid-step)."""
        return not self.finished and (not self.turns or self.turns[-1].speaker != "bot")

    def current(self) -> Prompt:
        """What to show now."""
        if self.finished:
            last = self.turns[-1]
            kind = "end" if self.finished == "end" else "abandoned"
            return Prompt(kind=kind, node=last.node, text=last.text, progress=self._progress(None))
        if self.visit is None:
            raise SessionError("the session has not begun; call begin() first")
        ref = self._ref(self.visit.node)
        node = self.dialogue.nodes[ref.node]
        question = self.framework.question(ref.question)
        progress = self._progress(question)
        back = self.tracker.cursor > 0 or self.visit.probe is not None
        if self.visit.probe is not None:
            probe = node.probes[self.visit.probe]
            followed = self.ledger.latest(question.id)
            return Prompt(
                kind="probe",
                node=self.visit.node,
                text=probe_text(probe, question, followed),
                progress=progress,
                question=question,
                trigger=probe.on,
                followed=followed,
                guidance=node.guidance,  # the guidance of the question it follows up
                can_go_back=back,
            )
        return Prompt(
            kind="ask",
            node=self.visit.node,
            text=question.text,
            progress=progress,
            question=question,
            options=self.framework.options_of(question),
            chat=self._chat(ref),
            read_aloud=node.read_aloud,
            guidance=node.guidance,
            previous=self.ledger.latest(ref.answer_key),
            earlier=self.ledger.earlier(ref.answer_key),
            can_go_back=back,
            item=ref.item,
        )

    # ----- acting ----------------------------------------------------------------------------

    def begin(self, at: datetime) -> Outcome:
        """Start the dialogue, or finish a step a previous run was cut off in."""
        if not self.needs_begin:
            return Outcome()
        return Outcome(tuple(self._continue(at)))

    def answer(self, text: str, at: datetime) -> Outcome:
        """Take an answer to the question or probe shown now (`:skip` typed skips it)."""
        if refusal := self._refuse_if_over():
            return refusal
        assert self.visit is not None
        text = clean_input(text)
        if text.strip().casefold() == SKIP_COMMAND:
            return self.skip(at)
        what = "That reply" if self.visit.probe is not None else "That answer"
        if too_long := text_too_long(text, what):
            return Outcome(error=too_long)
        ref = self._ref(self.visit.node)
        node = self.dialogue.nodes[ref.node]
        question = self.framework.question(ref.question)
        if self.visit.probe is not None:
            if not text.strip():
                return Outcome(error="Please type a reply.", skippable=True)
            probe = node.probes[self.visit.probe]
            # The reply is the respondent's words, whoever typed them (on a call, the
            # interviewer acts for the respondent only in moving through the script).
            turn = self._turn(
                at,
                "respondent",
                "probe_answer",
                node=ref.node,
                question=question.id,
                text=text,
                trigger=probe.on,
            )
            return self._record(turn, at)
        previous = self.ledger.latest(ref.answer_key)
        if not text and previous is not None:
            turn = self._turn(
                at, self._respondent, "keep", node=ref.node, question=question.id, item=ref.item
            )
            return self._record(turn, at)
        try:
            parsed = parse_answer(question, self.framework.scale_of(question), text)
        except AnswerError as error:
            return Outcome(error=str(error), skippable=error.skippable)
        turn = self._answer_turn(at, question, text, parsed, previous, item=ref.item)
        return self._record(turn, at)

    def choose(self, option: Option, comment: str, at: datetime) -> Outcome:
        """Answer the question shown now with one of its options (a click or a coded key),
        with an optional comment; nothing is parsed from text."""
        if refusal := self._refuse_if_over():
            return refusal
        assert self.visit is not None
        if self.visit.probe is not None:
            return Outcome(error="This is a follow-up: please type a reply.", skippable=True)
        ref = self._ref(self.visit.node)
        question = self.framework.question(ref.question)
        if option not in self.framework.options_of(question):
            return Outcome(error=f"{option.label!r} is not one of the answers to {question.id}.")
        comment = clean_input(comment).strip()
        if too_long := text_too_long(comment, "That comment"):
            return Outcome(error=too_long)
        if question.multiple and not option.abstain:
            # One option of several: taken as typed keys, so the number of picks is checked.
            return self.answer(f"{option.key} {comment}" if comment else option.key, at)
        parsed = option_answer(question, option, comment)
        text = f"{option.key} {comment}" if comment else option.key
        previous = self.ledger.latest(ref.answer_key)
        turn = self._answer_turn(at, question, text, parsed, previous, item=ref.item)
        return self._record(turn, at)

    def amend(self, question_id: str, text: str, at: datetime) -> Outcome:
        """Correct an earlier answer without moving on; the original is kept in the history.

        When the new answer changes which questions follow, the session goes back to the
        question where the route now turns, so that the route is taken again from there
        (Enter keeps its answer); the questions off the new route no longer count.
        """
        previous = self.answers.get(question_id)
        if previous is None:
            return Outcome(error=f"{question_id} has no answer to amend.")
        if self.being_asked(question_id):
            return Outcome(error="That is the question being asked now: answer it, or go back.")
        question = self.framework.question(base_question(question_id))
        try:
            parsed = parse_answer(question, self.framework.scale_of(question), clean_input(text))
        except AnswerError as error:
            return Outcome(error=str(error))
        turn = self._answer_turn(
            at,
            question,
            clean_input(text),
            parsed,
            previous,
            node=previous.node,
            item=previous.item,
        )
        turning = turning_point(
            self.loaded, self.tracker, self.ledger, turn_step(previous), turn, bool(self.finished)
        )
        if turning is not None and self.finished:
            return Outcome(
                error="That answer changes which questions follow, and the assessment is over: "
                "it cannot be changed now."
            )
        self._apply(turn)
        if turning is None:
            return Outcome((turn,))
        back = self._step_turn(at, "back", self._ref(turning))
        self._apply(back)
        return Outcome((turn, back, *self._emit_step(turning, at)))

    def skip(self, at: datetime) -> Outcome:
        """Skip the question (it stays unanswered) or the follow-up. A question gone back
        to that has an answer keeps it, as Enter does: skipping moves on, and never
        replaces an answer given with none."""
        if refusal := self._refuse_if_over():
            return refusal
        assert self.visit is not None
        ref = self._ref(self.visit.node)
        if self.visit.probe is None and self.ledger.latest(ref.answer_key) is not None:
            return self.answer("", at)
        node = self.dialogue.nodes[ref.node]
        trigger = node.probes[self.visit.probe].on if self.visit.probe is not None else ""
        turn = self._step_turn(at, "skip", ref, trigger=trigger)
        return self._record(turn, at)

    def back(self, at: datetime) -> Outcome:
        """Go back to the previous question; the next answer amends it."""
        if refusal := self._refuse_if_over():
            return refusal
        assert self.visit is not None
        if self.visit.probe is not None:
            target = self.visit.node
        elif self.tracker.cursor > 0:
            target = self.tracker.nodes[self.tracker.cursor - 1]
        else:
            return Outcome(error="This is the first question; there is nothing to go back to.")
        turn = self._step_turn(at, "back", self._ref(target))
        return self._record(turn, at)

    def note(self, text: str, at: datetime) -> Outcome:
        """Add a note to the current question (an interviewer's, in telephone mode)."""
        text = clean_input(text)
        if too_long := text_too_long(text, "That note"):
            return Outcome(error=too_long)
        if not text:
            return Outcome(error="A note needs some text, such as :note rang back later.")
        ref = self._ref(self.visit.node) if self.visit else StepRef("", "")
        speaker = "interviewer" if self.telephone else "respondent"
        turn = self._turn(
            at, speaker, "note", node=ref.node, question=ref.question, item=ref.item, text=text
        )
        self._apply(turn)
        return Outcome((turn,))

    def abandon(self, at: datetime) -> Outcome:
        """Abandon the assessment; what was answered is kept."""
        if refusal := self._refuse_if_over():
            return refusal
        turn = self._turn(
            at,
            self._respondent,
            "abandon",
            node=self._ref(self.visit.node).node if self.visit else "",
        )
        self._apply(turn)
        return Outcome((turn,))

    def call(self, event: str, at: datetime, by: str = "") -> Outcome:
        """Record that the telephone call started, paused or resumed (`call_start`,
        `call_pause`, `call_resume`), so that its length survives leaving and resuming;
        ``by``: on a start or resumption, the interviewer taking the call on, where known."""
        if event not in CALL_KINDS:
            raise ValueError(f"not a call event: {event}")
        if self.finished:
            return Outcome(error="The interview is over.")
        node = self._ref(self.visit.node).node if self.visit else ""
        named = {"by": by.strip()} if by.strip() and event != "call_pause" else {}
        turn = self._turn(at, "interviewer", event, node=node, **named)
        self._apply(turn)
        return Outcome((turn,))

    # ----- internals -------------------------------------------------------------------------

    @property
    def _respondent(self) -> str:
        return "interviewer" if self.telephone else "respondent"

    def _ref(self, key: str) -> StepRef:
        """What a path step asks (its node, question and item)."""
        return step_ref(self.loaded, key)

    def _chat(self, ref: StepRef) -> str:
        """What is said before a step's question: the node's lead-in, and in a repeated
        group which item it is about ("Risk 2."), with the group node's lead-in before the
        first item."""
        node = self.dialogue.nodes[ref.node]
        if ref.item is None:
            return node.chat
        if is_more(self.loaded, ref):
            return ""
        group = group_at(self.loaded, ref.node)
        first = ref.question == group.questions[0].id
        if first:
            words = item_words(group, ref.item, True)
            return f"{node.chat} {words}" if ref.item == 1 and node.chat else words
        # The item's first answer names it: "Risk 2: "Town centre"." ("it" in what follows).
        named = self.ledger.latest(instance_key(group.questions[0].id, ref.item))
        return item_words(group, ref.item, False, (named.label or named.value) if named else "")

    def _step_turn(self, at: datetime, kind: str, ref: StepRef, **fields: Any) -> Turn:
        """A respondent's turn about a step (back, skip)."""
        return self._turn(
            at,
            self._respondent,
            kind,
            node=ref.node,
            question=ref.question,
            item=ref.item,
            **fields,
        )

    def _refuse_if_over(self) -> Outcome | None:
        if self.finished == "end":
            return Outcome(error="The assessment is complete.")
        if self.finished:
            return Outcome(error="The assessment was abandoned.")
        if self.visit is None:
            return Outcome(error="The session has not begun.")
        return None

    def _answer_turn(
        self,
        at: datetime,
        question: Question,
        text: str,
        parsed: ParsedAnswer,
        previous: Turn | None,
        node: str | None = None,
        item: int | None = None,
    ) -> Turn:
        return self._turn(
            at,
            "respondent",
            "answer",
            node=node or (self._ref(self.visit.node).node if self.visit else ""),
            question=question.id,
            item=item,
            text=text,
            value=parsed.value,
            label=parsed.label,
            score=parsed.score,
            comment=parsed.comment,
            abstain=parsed.abstain,
            amends=previous.seq if previous else None,
        )

    def _turn(self, at: datetime, speaker: str, kind: str, **fields: Any) -> Turn:
        return Turn(seq=len(self.turns) + 1, at=at, speaker=speaker, kind=kind, **fields)  # type: ignore[arg-type]

    def _record(self, turn: Turn, at: datetime) -> Outcome:
        self._apply(turn)
        return Outcome((turn, *self._continue(at)))

    def _apply(self, turn: Turn) -> None:
        """Update the state for one turn; replaying every turn rebuilds the session."""
        self.turns.append(turn)
        advance(self.tracker, self.ledger, turn, self._reach)
        kind = turn.kind
        if kind == "ask":
            self.visit = _Visit(turn_step(turn))
        elif kind == "probe" and self.visit is not None:
            self.visit.probe = turn.probe
            if turn.probe is not None:
                self.visit.probes_fired.append(turn.probe)
        elif kind == "answer":
            if self.visit is not None and turn_step(turn) == self.visit.node:
                question = self.framework.question(turn.question)
                words = own_words(question, turn)
                self.visit.said = [Said(words, expected_of(question))] if words else []
        elif kind == "probe_answer" and self.visit is not None:
            if self.visit.probe is not None:
                probe = self.dialogue.nodes[turn.node].probes[self.visit.probe]
                if is_reply_words(turn.text, probe.text):
                    self.visit.said.append(Said(turn.text, asks_for(probe.text)))
            self.visit.probe = None
        elif kind == "skip" and self.visit is not None:
            self.visit.probe = None
        elif kind in ("end", "abandon"):
            self.finished = kind
            self.visit = None

    def _continue(self, at: datetime) -> list[Turn]:
        """The bot's turns that follow the last turn."""
        if self.finished:
            return []
        last = self.turns[-1] if self.turns else None
        if last is None:
            return self._emit_from(self.dialogue.start, at)
        assert self.visit is not None
        node_id = self.visit.node
        if last.kind == "back":
            return self._emit_step(turn_step(last), at)
        if last.kind == "answer" and turn_step(last) != node_id:
            return []  # an amendment of an earlier question: the cursor stays
        if last.kind in ("answer", "probe_answer"):
            probe = self._next_probe(node_id)
            if probe is not None:
                return [self._emit_probe(node_id, probe, at)]
        if last.kind in ("answer", "probe_answer", "skip", "keep"):
            ref = self._ref(node_id)
            if ref.item is not None:
                after = after_in_group(self.loaded, ref, self.facts.answers)
                if after is not None:
                    return [self._emit_ask(after, at)]
            following = next_node(self.loaded, ref.node, self.facts)
            return self._emit_from(following, at) if following else self._dead_end(ref.node, at)
        return []

    def _emit_step(self, key: str, at: datetime) -> list[Turn]:
        """Ask a step of the path again (after going back to it)."""
        ref = self._ref(key)
        return self._emit_from(ref.node, at) if ref.item is None else [self._emit_ask(ref, at)]

    def _emit_ask(self, ref: StepRef, at: datetime) -> Turn:
        question = self.framework.question(ref.question)
        return self._emit(
            self._turn(
                at,
                "bot",
                "ask",
                node=ref.node,
                question=question.id,
                item=ref.item,
                text=question.text,
                chat=self._chat(ref),  # all that was shown, so replay needs no dialogue
            )
        )

    def _emit_probe(self, node_id: str, index: int, at: datetime) -> Turn:
        node = self.dialogue.nodes[node_id]
        question = self.framework.question(node.ask or "")
        probe = node.probes[index]
        text = probe_text(probe, question, self.ledger.latest(question.id))
        return self._emit(
            self._turn(
                at,
                "bot",
                "probe",
                node=node_id,
                question=question.id,
                text=text,
                trigger=probe.on,
                probe=index,
            )
        )

    def _emit(self, turn: Turn) -> Turn:
        self._apply(turn)
        return turn

    def _emit_from(self, node_id: str, at: datetime) -> list[Turn]:
        turns: list[Turn] = []
        for _ in range(len(self.dialogue.nodes) + 1):
            node = self.dialogue.nodes[node_id]
            if node.kind == "ask":
                turns.append(self._emit_ask(StepRef(node_id, node.ask or ""), at))
                return turns
            if node.kind == "group":
                turns.append(self._emit_ask(first_step(self.loaded, node_id), at))
                return turns
            if node.kind == "end":
                turns.append(
                    self._emit(self._turn(at, "bot", "end", node=node_id, text=node.end or ""))
                )
                return turns
            turns.append(
                self._emit(self._turn(at, "bot", "say", node=node_id, text=node.say or ""))
            )
            following = next_node(self.loaded, node_id, self.facts)
            if following is None:
                return turns + self._dead_end(node_id, at)
            node_id = following
        raise SessionError(
            f"the dialogue loops through say nodes without asking anything ({node_id})"
        )

    def _dead_end(self, node_id: str, at: datetime) -> list[Turn]:
        # Validation reports dead ends; a respondent who meets one is still let out cleanly.
        return [self._emit(self._turn(at, "bot", "end", node=node_id, text=DEAD_END_WORDS))]

    def _next_probe(self, node_id: str) -> int | None:
        assert self.visit is not None
        if self._ref(node_id).item is not None:
            return None  # a repeated group's questions are not followed up
        node = self.dialogue.nodes[node_id]
        question = self.framework.question(node.ask or "")
        answer = self.ledger.latest(question.id)
        if answer is None:
            return None
        state = ProbeState(
            question,
            self.framework.scale_of(question),
            answer,
            self.visit.said,
            self.visit.probes_fired,
        )
        facts = self.facts
        return next_probe(
            node.probes,
            state,
            self.dialogue.max_probes,
            lambda index: self.loaded.checks[(node_id, index)].evaluate(facts),
        )

    def _progress(self, question: Question | None) -> Progress:
        areas = self.framework.areas
        area = areas[-1] if question is None else self.framework.area_of(question.id)
        refs = [self._ref(node) for node in self.tracker.behind()]
        here = refs[-1] if refs else None
        # Each question reached counts once, whichever item of a group it was asked for; in
        # a group the count is where the question stands in it, so it moves on with every
        # question of every item ("another?" stands with the item's last question).
        reached = {
            (ref.node, ref.question)
            for ref in refs
            if not is_more(self.loaded, ref) and (here is None or ref.node != here.node)
        }
        count = len(reached)
        if here is not None and here.item is not None:
            ids = [q.id for q in group_at(self.loaded, here.node).questions]
            count += ids.index(here.question) + 1 if here.question in ids else len(ids)
        elif here is not None:
            count += 1
        total = self._route.question_total
        return Progress(
            area_id=area.id,
            area_title=area.title,
            area_number=areas.index(area) + 1,
            area_count=len(areas),
            # At the end, the questions the path took (a branch may have passed some by).
            question_number=min(max(count, 1), total) if question else min(count, total),
            question_count=total,
            branches=self._route.branches,
            areas_in_order=self._route.areas_in_order,
        )
