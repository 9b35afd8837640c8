"""Compile one transcript into an assessment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from statistics import fmean

from bot.engine.evidence import names_evidence
from bot.facts import AnswerFacts
from bot.loading import LoadedFramework
from bot.model import Band, Framework, Transcript, Turn
from bot.scoring.coverage import area_coverage, covered_score, overall_coverage
from bot.scoring.results import (
    AreaResult,
    Assessment,
    ProbeExchange,
    QuestionResult,
    SuggestedAction,
)

DUE_DAYS = {"high": 91, "medium": 182, "low": 365}


def band_for(score: float | None, bands: Sequence[Band]) -> Band | None:
    """The band a 0-100 score falls in."""
    if score is None or not bands:
        return None
    return max((b for b in bands if b.min <= score + 1e-9), key=lambda b: b.min, default=None)


def priority_for(need: float) -> str:
    """high (the triggering answers average a quarter of full marks or less), medium, or low."""
    return "high" if need >= 75 else "medium" if need >= 50 else "low"


def latest_answers(turns: Sequence[Turn]) -> dict[str, Turn]:
    """Each question's latest answer (amendments replace what they amend)."""
    answers: dict[str, Turn] = {}
    for turn in turns:
        if turn.kind == "answer" and turn.question:
            answers[turn.question] = turn
    return answers


def compile_transcript(
    transcript: Transcript, loaded: LoadedFramework, warnings: Sequence[str] = ()
) -> Assessment:
    """Scores, RAG, stage and suggested actions for one transcript."""
    framework = loaded.framework
    turns = transcript.turns
    answers = latest_answers(turns)
    facts = AnswerFacts(framework, answers)
    results = {
        q.id: _question_result(framework, q.id, turns, answers, facts)
        for q in framework.questions()
    }
    started = transcript.started.date()
    asked = {r.question.id for r in results.values() if r.asked}
    area_results = []
    coverages = []
    for area in framework.areas:
        questions = tuple(results[q.id] for q in area.questions)
        coverage = area_coverage(framework, area, asked, facts)
        coverages.append(coverage)
        # Below the framework's minimum coverage an area gets no score, RAG or stage.
        score = covered_score(framework, coverage, facts.area_score(area.id))
        answered = [r for r in questions if r.answer is not None and not r.abstained]
        evidence = (sum(1 for r in answered if r.evidence) / len(answered)) if answered else None
        actions = _actions(loaded, area.id, facts, results, started)
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
            )
        )
    total = overall_coverage(coverages)
    scored = [a.score for a in area_results if a.score is not None]
    overall = round(fmean(scored), 6) if scored and total.enough(framework) else None
    return Assessment(
        framework=framework,
        transcript_id=transcript.id,
        respondent=transcript.respondent,
        interviewer=transcript.interviewer.name if transcript.interviewer else "",
        mode=transcript.mode,
        status=transcript.status,
        started=transcript.started.isoformat(),
        updated=transcript.updated.isoformat(),
        areas=tuple(area_results),
        overall=overall,
        stage=band_for(overall, framework.bands.stages),
        overall_rag=band_for(overall, framework.bands.rag),
        coverage=total.share,
        warnings=tuple(warnings),
    )


def _question_result(
    framework: Framework,
    question_id: str,
    turns: Sequence[Turn],
    answers: dict[str, Turn],
    facts: AnswerFacts,
) -> QuestionResult:
    question = framework.question(question_id)
    mine = [t for t in turns if t.question == question_id]
    answer = answers.get(question_id)
    probes: list[ProbeExchange] = []
    pending: Turn | None = None
    for turn in mine:
        if turn.kind == "probe":
            if pending is not None:
                probes.append(ProbeExchange(pending.trigger, pending.text, ""))
            pending = turn
        elif turn.kind in ("probe_answer", "skip") and pending is not None:
            probes.append(
                ProbeExchange(
                    pending.trigger, pending.text, turn.text if turn.kind == "probe_answer" else ""
                )
            )
            pending = None
    if pending is not None:
        probes.append(ProbeExchange(pending.trigger, pending.text, ""))
    own = ""
    if answer is not None:
        own = answer.value if question.kind == "text" else answer.comment
    words = tuple(w for w in (own, *(p.reply for p in probes)) if w)
    return QuestionResult(
        question=question,
        asked=any(t.kind == "ask" for t in mine),
        answer=answer,
        score=facts.question_score(question_id),
        evidence=any(names_evidence(w) for w in words),
        words=words,
        probes=tuple(probes),
        amended=sum(1 for t in mine if t.kind == "answer" and t.amends is not None),
        notes=tuple(t.text for t in mine if t.kind == "note"),
    )


def _actions(
    loaded: LoadedFramework,
    area_id: str,
    facts: AnswerFacts,
    results: dict[str, QuestionResult],
    started: date,
) -> tuple[SuggestedAction, ...]:
    framework = loaded.framework
    area = framework.area(area_id)
    fired = []
    for order, action in enumerate(area.actions):
        condition = loaded.actions[action.id]
        if not condition.evaluate(facts):
            continue
        named = set(condition.names)
        via_areas = {q.id for a in condition.areas for q in framework.area(a).questions}
        weak = []
        for question in framework.questions():
            result = results[question.id]
            if result.answer is None or question.id not in named | via_areas:
                continue
            # An answer the condition names is weak at half marks or below; one that only
            # counts through its area's score, below half marks.
            limit = 50.0 if question.id in named else 49.999
            if result.abstained or (result.score is not None and result.score <= limit):
                weak.append(result)
        scores = [r.score for r in weak if r.score is not None]
        scores += [s for s in (facts.area_score(a) for a in condition.areas) if s is not None]
        need = round(100 - fmean(scores), 6) if scores else 50.0
        triggers = tuple(f"{r.question.number or r.question.id} {r.shown_answer}" for r in weak)
        quotes = tuple(dict.fromkeys(p.reply for r in weak for p in r.probes if p.reply))
        priority = priority_for(need)
        fired.append((need, order, action, triggers, quotes, priority))
    # Actions keep the seed's own letters and order; how much each is needed is its
    # `need` (a column to sort by), never a new letter.
    return tuple(
        SuggestedAction(
            action=action,
            area=area,
            letter=action.letter,
            need=need,
            priority=priority,
            triggers=triggers,
            quotes=quotes,
            due=started + timedelta(days=DUE_DAYS[priority]),
        )
        for need, _, action, triggers, quotes, priority in fired
    )
