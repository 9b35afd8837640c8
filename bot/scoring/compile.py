"""Compile one transcript into an assessment."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.coverage import overall_coverage
from bot.engine.answers import own_words
from bot.engine.evidence import said_names_evidence
from bot.engine.path import FinalPath, is_answered
from bot.engine.review import reviewed_framework
from bot.engine.routes import transcript_path
from bot.facts import AnswerFacts, left_part_way, still_to_come
from bot.figures import half_up
from bot.loading import LoadedDialogue, LoadedFramework
from bot.model import Band, Framework, Group, Transcript
from bot.model.framework import base_question, instance_key
from bot.model.transcript import interviewers
from bot.scoring.actions import NEED_RULE, FiredAction, fired_actions
from bot.scoring.register_reach import register_asked, register_not_reached, why_not_asked
from bot.scoring.results import (
    AreaResult,
    Assessment,
    QuestionResult,
    Register,
    RegisterItem,
    SuggestedAction,
)

DUE_MONTHS = {"high": 3, "medium": 6, "low": 12}
"""An action is due this many calendar months after the assessment started, by priority."""


def band_for(score: float | None, bands: Sequence[Band]) -> Band | None:
    """The band a 0-100 score falls in."""
    if score is None or not bands:
        return None
    return max((b for b in bands if b.min <= score + 1e-9), key=lambda b: b.min, default=None)


def months_after(day: date, months: int) -> date:
    """The same day of the month, ``months`` calendar months later; the last day of that
    month when it is shorter (31 January + 3 months is 30 April)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


HIGH_NEED = 75.0
"""An action with at least this need is high priority (its triggering answers average a
quarter of full marks or less)."""
MEDIUM_NEED = 50.0
"""An action with at least this need (and less than HIGH_NEED) is medium priority."""
PRIORITY_RULE = (
    f"{NEED_RULE} Priority comes from the need as printed (one decimal place): high at {HIGH_NEED:g} "
    f"or more, medium at {MEDIUM_NEED:g} or more, otherwise low; an action is due "
    f"{DUE_MONTHS['high']}, {DUE_MONTHS['medium']} or {DUE_MONTHS['low']} months after "
    "the assessment by priority."
)
"""The single report's priority rule, as each report states it beside its actions."""


def priority_for(need: float) -> str:
    """high (the triggering answers average a quarter of full marks or less), medium, or
    low; from the need rounded as reports print it, so a reader can check it."""
    shown = half_up(need)
    return "high" if shown >= HIGH_NEED else "medium" if shown >= MEDIUM_NEED else "low"


def compile_transcript(
    transcript: Transcript,
    loaded: LoadedFramework,
    warnings: Sequence[str] = (),
    dialogue: LoadedDialogue | None = None,
    refused: bool = False,
) -> Assessment:
    """Scores, RAG, stage and suggested actions for one transcript; ``dialogue``, the one
    it was taken with, tells an unfinished transcript's questions still to come (without
    it, every question of the framework not on its path: see `still_to_come`) and which
    of its questions ahead of the cursor are still reached
    (`bot.engine.routes.transcript_path`).

    ``refused``: the round's call log says the respondent refused it part way
    (`bot.scoring.source.round_refusal`); an unfinished transcript's status is then
    "refused". It is scored as it stands, its questions not reached counted as an
    unfinished one's are: the respondent may yet carry on."""
    # As the transcript was asked: a round's plan review questions ("Agreed action 1.3")
    # are listed as facts in every report, whoever compiles it (the command line reads
    # the framework the transcript names; a conversation has them already). Weight 0:
    # they never count in a score, and `fired_actions` leaves them out.
    framework = reviewed_framework(loaded.framework, transcript.review)
    if framework is not loaded.framework:
        loaded = replace(loaded, framework=framework)
    path = transcript_path(transcript, transcript.turns, dialogue)
    to_come = to_come_of(transcript, framework, path, dialogue)
    facts = AnswerFacts.on_path(framework, path, to_come)
    results = {q.id: _question_result(framework, q.id, path, facts) for q in framework.questions()}
    fired = fired_actions(loaded, path, facts)
    started = transcript.started.date()
    area_results = []
    coverages = []
    for area in framework.areas:
        questions = tuple(results[q.id] for q in area.questions)
        coverage = facts.area_coverage(area.id)
        coverages.append(coverage)
        # Below the framework's minimum coverage an area gets no score, RAG or stage.
        score = facts.covered_area_score(area.id)
        answered = [r for r in questions if is_answered(r.answer)]
        evidence = (sum(1 for r in answered if r.evidence) / len(answered)) if answered else None
        actions = _in_seed_order(
            [f for f in fired if f.area is not None and f.area.id == area.id], started
        )
        area_results.append(
            AreaResult(
                area,
                score,
                coverage.share,
                evidence,
                band_for(score, framework.bands.rag),
                questions,
                actions,
                enough=coverage.enough(framework),
                covered=coverage,
                min_coverage=framework.min_coverage,
                registers=tuple(
                    register_for(framework, g, path, facts, dialogue, transcript.status)
                    for g in area.groups
                ),
            )
        )
    total = overall_coverage(coverages)
    # The one rule, as conditions read it (score("overall")).
    overall = facts.overall_score()
    return Assessment(
        framework=framework,
        transcript_id=transcript.id,
        respondent=transcript.respondent,
        interviewers=interviewers(transcript),
        mode=transcript.mode,
        status="refused" if refused and transcript.status == "in_progress" else transcript.status,
        started=transcript.started.isoformat(),
        updated=transcript.updated.isoformat(),
        areas=tuple(area_results),
        overall=overall,
        stage=band_for(overall, framework.bands.stages),
        overall_rag=band_for(overall, framework.bands.rag),
        coverage=total.share,
        covered=total,
        warnings=tuple(warnings),
        call_seconds=transcript.call_seconds,
        overall_actions=_in_seed_order([f for f in fired if f.area is None], started),
        to_come=to_come,
    )


def to_come_of(
    transcript: Transcript,
    framework: Framework,
    path: FinalPath,
    dialogue: LoadedDialogue | None,
) -> frozenset[str]:
    """The questions not reached of a transcript left part way, in progress or abandoned
    (none once it is complete): `still_to_come`, as a report, an aggregate and the replay
    count them."""
    if not left_part_way(transcript.status):
        return frozenset()
    return still_to_come(framework, path, dialogue.dialogue if dialogue else None)


def register_for(
    framework: Framework,
    group: Group,
    path: FinalPath,
    facts: AnswerFacts,
    dialogue: LoadedDialogue | None = None,
    status: str = "complete",
) -> Register:
    """A repeated group's items on the final path, each with its answers; where it was
    not asked, whether it is not reached yet (a transcript of ``status`` left part way,
    its ``dialogue`` still able to come to it) or why it was not. An item none of whose
    questions is answered (`is_answered`: each skipped, say) names nothing and is no item."""
    ids = {q.id for q in group.questions}
    items: list[int] = []
    for step in path.steps:
        item = step.question.partition("#")[2]
        if item and base_question(step.question) in ids and int(item) not in items:
            items.append(int(item))
    shape = dialogue.dialogue if dialogue else None
    not_reached = not register_asked(group, path) and register_not_reached(
        group, path, shape, left_part_way(status)
    )
    not_asked = (
        ""
        if not_reached or register_asked(group, path)
        else why_not_asked(framework, group, path, shape)
    )
    named = (
        RegisterItem(
            item,
            tuple(
                _question_result(framework, instance_key(q.id, item), path, facts)
                for q in group.questions
            ),
        )
        for item in items
    )
    kept = [i for i in named if any(is_answered(r.answer) for r in i.answers)]
    if kept and register_not_reached(group, path, shape, left_part_way(status)):
        # The last item of a transcript left inside the register (its node still ahead,
        # the rule of a register not reached): its questions not asked yet may still be.
        last = kept[-1]
        kept[-1] = replace(
            last, answers=tuple(r if r.asked else replace(r, to_come=True) for r in last.answers)
        )
    return Register(
        group,
        tuple(kept),
        not_reached=not_reached,
        not_asked=not_asked,
    )


def _question_result(
    framework: Framework, question_id: str, path: FinalPath, facts: AnswerFacts
) -> QuestionResult:
    # question_id may be one item's answer to a repeated group's question ("risk_name#2").
    question = framework.question(base_question(question_id))
    step = path.step(question_id)
    if step is None:
        return QuestionResult(question, False, None, None, False, (), ())
    answer = step.answer
    own = own_words(question, answer) if answer is not None else ""
    # Only follow-ups that got a reply are reported: a skipped one says nothing.
    probes = tuple(f for f in step.follow_ups if f.reply)
    words = tuple(w for w in (own, *(p.reply for p in probes)) if w)
    return QuestionResult(
        question=question,
        asked=True,
        answer=answer,
        score=facts.question_score(question_id),
        evidence=said_names_evidence(words),
        words=words,
        probes=probes,
        notes=step.notes,
    )


def _in_seed_order(fired: list[FiredAction], started: date) -> tuple[SuggestedAction, ...]:
    """An area's fired actions in the framework's (the seed's) order, each with the seed's
    own letter; how much each is needed is its `need` (a column to sort by), never a new
    letter."""
    return tuple(
        SuggestedAction(
            action=f.action,
            area=f.area,
            letter=f.action.letter,
            need=f.need,
            priority=(priority := priority_for(f.need)),
            triggers=(*(str(t) for t in f.triggers), *(str(r) for r in f.read)),
            quotes=f.quotes,
            due=months_after(started, DUE_MONTHS[priority]),
        )
        for f in sorted(fired, key=lambda f: f.order)
    )
