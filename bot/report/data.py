"""Assessments as plain data: the one view model every format is rendered from.

The JSON output is exactly this data; its schema is documented in docs/reports.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.engine.ranges import range_side
from bot.figures import rounded, seconds, share_against, share_percent, whole_percent
from bot.limits import QUOTE_CHARS
from bot.model import Band, Framework, Question
from bot.report.owners import SUGGESTED_NOTE, suggested
from bot.report.redact import redacted, redactor
from bot.scoring.basis import too_few_words
from bot.scoring.compile import PRIORITY_RULE
from bot.scoring.results import (
    WHOLE_TITLE,
    AreaResult,
    Assessment,
    QuestionResult,
    Register,
    SuggestedAction,
    Unjudged,
)

REPORT_SCHEMA = 2
"""2: an area's `response` is a list, one entry per question, no longer one joined string."""


def quoted(text: str) -> str:
    """Someone's words as every report format quotes them: whole up to `QUOTE_CHARS`
    characters; longer, the first part (ending at a space where one is near) and how long
    the whole is, which the transcript keeps."""
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text[:QUOTE_CHARS]
    space = cut.rfind(" ", QUOTE_CHARS - 100)
    if space > 0:
        cut = cut[:space]
    return f"{cut.rstrip()}… ({len(text):,} characters in full in the transcript)"


def quoted_all(texts: Iterable[str]) -> list[str]:
    """Each of several quotes, as `quoted` gives it."""
    return [quoted(t) for t in texts]


def percent(value: float | None) -> float | None:
    """A 0-1 share as a percentage."""
    return share_percent(value)


def band(value: Band | None) -> dict[str, Any] | None:
    """A band as data."""
    return (
        None
        if value is None
        else {"name": value.name, "label": value.label, "description": value.description}
    )


def framework_data(framework: Framework) -> dict[str, Any]:
    """Which framework a report is against, as data."""
    return {
        "id": framework.id,
        "title": framework.title,
        "version": framework.version,
        "source": framework.source.document,
    }


def wording_note(framework: Framework) -> str:
    """Where the suggested actions' words come from, said once in every report: the
    frameworks keep the seed's own wording (which may name the partnership or place the
    seed was written for, such as Fareham), so a report for another partnership says
    whose words they are rather than rewording them."""
    source = framework.source
    origin = ", ".join(
        part for part in (source.document, source.publisher, str(source.year or "")) if part
    )
    return (
        f"The suggested actions are worded as in the framework's source ({origin}). Where "
        "one names a partnership, council or place, that is the source's own, not "
        "necessarily the partnership assessed here."
    )


def stages_data(framework: Framework) -> list[dict[str, Any] | None]:
    """The framework's stages as data, lowest first."""
    return [band(s) for s in sorted(framework.bands.stages, key=lambda s: s.min)]


def recommended_data(question: Question) -> dict[str, Any] | None:
    """A number question's recommended range as data: the range in words and why."""
    recommended = question.recommended
    if recommended is None:
        return None
    return {
        "min": recommended.min,
        "max": recommended.max,
        "range": recommended.describe(),
        "note": recommended.note,
    }


def question_data(result: QuestionResult) -> dict[str, Any]:
    """One question's outcome as data."""
    answer = result.answer
    question = result.question
    side = range_side(question, answer) if answer is not None else ""
    return {
        "id": question.id,
        "number": question.number,
        "text": question.text,
        "kind": question.kind,
        "fact": question.fact,
        "reverse": question.reverse,
        "recommended": recommended_data(question),
        "range_side": side,
        "asked": result.asked,
        "answer": quoted(result.shown_answer),
        "value": _quoted_value(answer.value) if answer else None,
        "abstained": result.abstained or None,
        "score": rounded(result.score),
        "evidence": result.evidence,
        "words": quoted_all(result.words),
        "probes": [
            {"trigger": p.trigger, "text": p.text, "reply": quoted(p.reply)} for p in result.probes
        ],
        "notes": quoted_all(result.notes),
    }


def action_data(action: SuggestedAction) -> dict[str, Any]:
    """One suggested action as data."""
    return {
        "id": action.action.id,
        # An action of the framework as a whole belongs to no area.
        "area": action.area.id if action.area else "",
        "area_title": action.area.title if action.area else WHOLE_TITLE,
        "letter": action.letter,
        "source": action.action.source,
        "text": action.action.text,
        "priority": action.priority,
        "need": rounded(action.need),
        "triggers": quoted_all(action.triggers),
        "quotes": quoted_all(action.quotes),
        **suggested(action.action.owner),
        "smart": action.action.smart,
        "due": action.due.isoformat() if action.due else None,
    }


def register_data(register: Register) -> dict[str, Any]:
    """A repeated group's items (a register) as data: a row per item on the final path."""
    group = register.group
    return {
        "id": group.id,
        "title": group.title,
        "item": group.item,
        "columns": list(group.headings()),
        "questions": [q.id for q in group.questions],
        "items": [
            {
                "item": row.item,
                "answers": [
                    {
                        "question": a.question.id,
                        "kind": a.question.kind,
                        "answer": quoted(a.shown_answer),
                        "comment": quoted(a.answer.comment) if a.answer else "",
                        "value": _quoted_value(a.answer.value) if a.answer else None,
                        "abstained": a.abstained or None,
                        "words": quoted_all(a.words),
                        "notes": quoted_all(a.notes),
                    }
                    for a in row.answers
                ],
            }
            for row in register.items
        ],
        # Where no item is listed, why: not reached, not asked, or none named.
        "note": register.empty_words,
    }


ACTION_REF_LEGEND = (
    'Action and its Ref ("Action R2", "Action 2a", "Action 7.1") name an action as '
    "the round's plan does, never a question's number: the seed's own reference where it "
    'gives one ("R2"), else the area\'s number and the seed\'s letter ("2a"), else the '
    "area's number and the plan's own count in that area (\"7.1\"); the command "
    '"round plan --agree" takes the Ref alone'
)
"""What an aggregate or round report says of its actions' Refs, where some action shows one
(JSON `ref_legend`; the Markdown and HTML show it above the actions where some action has a
Ref)."""


def action_ref(ref: str) -> str:
    """A plan action's Ref as every report and plan export shows it, labelled: "Action
    1.1", "Action R2", so that the plan's own number ("1.1") is never read as a question's
    ("1.1" of the seed); "" without one. The JSON and CSV keep the Ref alone (`ref`), as
    `round plan --agree` takes it."""
    return f"Action {ref}" if ref else ""


def response_data(result: AreaResult) -> list[dict[str, Any]]:
    """An area's response in the respondent's own words: each question's words, those of
    the area's statements and text questions asked. A fact's words (a plan review
    answer's comment, "Agreed action 1.3") are quoted beside its answer ("Said:"), so
    they are not quoted here again: every report says each of them once."""
    return [
        {"question": q.question.number or q.question.id, "words": quoted_all(q.words)}
        for q in result.questions
        if q.words and not q.question.fact
    ]


def area_data(result: AreaResult) -> dict[str, Any]:
    """One area's outcome as data."""
    return {
        "id": result.area.id,
        "title": result.area.title,
        "weight": result.area.weight,
        "score": rounded(result.score),
        "coverage": percent(result.coverage),
        # As printed: whole per cents rounded once from the share (never from the tenth),
        # and never as the minimum where it is below it.
        "coverage_shown": share_against(
            result.coverage, result.min_coverage / 100, below=not result.enough
        ),
        "enough": result.enough,
        "not_asked": result.not_asked,
        "evidence": percent(result.evidence),
        "evidence_shown": whole_percent(result.evidence),
        "rag": band(result.rag),
        # Kept apart, each bound to its question: joined, a comment ran into the reply after it.
        "response": response_data(result),
        # Only the questions on the final path are results; the rest are counted once.
        "questions": [question_data(q) for q in result.questions if q.asked],
        "registers": [register_data(r) for r in result.registers],
        "actions": [action_data(a) for a in result.actions],
        # "too few answers" in place of a bare 0 where too few statements were answered.
        "actions_shown": result.actions_shown,
        "actions_note": result.actions_words,
    }


def unjudged_data(judged: Unjudged) -> dict[str, Any]:
    """The statements asked and those that could not be judged, by why, as figures and in
    words (the one rule, `bot.scoring.results.unjudged`)."""
    return {
        "statements": judged.statements,
        "not_judged": judged.total,
        "dont_know": judged.dont_know,
        "refused": judged.refused,
        "unanswered": judged.unanswered,
        "words": judged.words(),
    }


def tally_data(assessment: Assessment) -> dict[str, Any]:
    """The questions asked, by what each got, as figures and in words (the one rule,
    `bot.scoring.results.answer_tally`, that the end of a conversation says too)."""
    tally = assessment.tally
    return {
        "answered": tally.answered,
        "dont_know": tally.dont_know,
        "refused": tally.refused,
        "not_applicable": tally.not_applicable,
        "unanswered": tally.unanswered,
        "words": tally.words(),
    }


def assessment_data(assessment: Assessment, anonymise: bool = False) -> dict[str, Any]:
    """The full compiled assessment as JSON-able data; ``anonymise``, with no name or
    organisation: the header's left blank, and those of the respondent and of everyone
    who interviewed taken out of every quote, note, reply, answer and register entry, by
    the rule every anonymised report follows (`bot.report.redact`)."""
    data = _assessment_data(assessment, anonymise)
    if not anonymise:
        return data
    who = assessment.respondent
    names = [who.name, *assessment.interviewers]
    return redacted(data, redactor(names, [who.organisation]), board=redactor(names, []))


def _assessment_data(assessment: Assessment, anonymise: bool) -> dict[str, Any]:
    who = assessment.respondent
    framework = assessment.framework
    not_asked = sum(1 for a in assessment.areas for q in a.questions if not q.asked)
    # Of those, the questions an unfinished transcript may still ask.
    to_come = len(assessment.to_come)
    return {
        "report_schema": REPORT_SCHEMA,
        "kind": "assessment",
        "framework": framework_data(framework),
        "transcript": assessment.transcript_id,
        "respondent": {
            "name": "" if anonymise else who.name,
            "organisation": "" if anonymise else who.organisation,
            "role": who.role,
            "sector": who.sector,
            "partnership": who.partnership,
        },
        "interviewer": "" if anonymise else assessment.interviewer,
        "interviewers": [] if anonymise else list(assessment.interviewers),
        "mode": assessment.mode,
        "call_seconds": None
        if assessment.call_seconds is None
        else seconds(assessment.call_seconds),
        "status": assessment.status,
        "status_words": assessment.status_words,
        "started": assessment.started,
        "updated": assessment.updated,
        "min_coverage": framework.min_coverage,
        "overall": {
            "score": rounded(assessment.overall),
            "coverage": percent(assessment.coverage),
            "rag": band(assessment.overall_rag),
            "stage": band(assessment.stage),
            "stages": stages_data(framework),
            # Over which areas it stands where any is left out (`bot.scoring.basis`).
            "basis": assessment.overall_basis.data(),
            "basis_words": assessment.overall_basis_words,
            # Where there is none, why: the coverage over all areas and the minimum.
            "too_few_words": ""
            if assessment.overall is not None
            else too_few_words(framework, assessment.coverage, bool(to_come)),
        },
        "answers": tally_data(assessment),
        "unjudged": unjudged_data(assessment.unjudged),
        "actions_note": assessment.actions_words,
        "areas": [area_data(a) for a in assessment.areas],
        "overall_actions": [action_data(a) for a in assessment.overall_actions],
        "actions": [action_data(a) for a in assessment.actions],
        "priority_rule": PRIORITY_RULE,
        "owners_note": SUGGESTED_NOTE,
        "wording_note": wording_note(framework),
        "not_asked": not_asked,
        "not_reached": to_come,
        "not_asked_words": not_asked_words(not_asked, assessment.status, assessment.mode, to_come),
        "warnings": list(assessment.warnings),
    }


def not_asked_words(count: int, status: str, mode: str, to_come: int = 0) -> str:
    """Why a report lists fewer questions than its framework has ("" when it lists all):
    off the respondent's path, or, in a transcript left part way (unfinished, refused
    or abandoned), ``to_come`` of them not reached (those its dialogue may still ask:
    `bot.facts.still_to_come`)."""
    if not count:
        return ""
    what = "interview" if mode == "telephone" else "assessment"
    said = []
    if to_come:
        several = to_come != 1
        if status == "abandoned":
            reached = f"{'were' if several else 'was'} not reached before the {what} was abandoned"
        elif status == "refused":
            reached = (
                f"{'were' if several else 'was'} not reached before the respondent refused "
                f"the {what} part way"
            )
        else:
            reached = (
                f"{'have' if several else 'has'} not been reached yet (the {what} is unfinished)"
            )
        said.append(f"{_questions(to_come)} {reached} and {'are' if several else 'is'} not listed.")
    off = count - to_come
    if off:
        several = off != 1
        said.append(
            f"{_questions(off)} {'were' if several else 'was'} not part of this {what} "
            f"(not on the respondent's path) and {'are' if several else 'is'} not listed."
        )
    return " ".join(said)


def _questions(count: int) -> str:
    return f"{count} question{'s' if count != 1 else ''}"


def _quoted_value(value: Any) -> Any:
    # A text answer's value is its text: quoted by the same rule; other values are short.
    return quoted(value) if isinstance(value, str) else value
