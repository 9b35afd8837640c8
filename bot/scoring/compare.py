"""Comparing two rounds of one framework: then and now, per area and per statement.

The comparison takes two aggregates (as `aggregate_data` makes them, each scored against
the framework version its own transcripts were taken with) and never scores anything
itself. For each area it sets the mean score then and now side by side, and for each
statement the % agree, with the change, the number of answers each rests on, and
whether the change could be chance alone for those numbers (see `compare_chance`).
Questions and areas the framework added or dropped between the rounds are listed as
such. When the earlier round's action plan is given, its progress is counted, with the
areas whose score fell although actions there were done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.facts import weighted_mean
from bot.figures import figure, rounded, signed
from bot.model import Framework
from bot.rounds.plan import STATUSES
from bot.scoring.aggregate import (
    COLUMNS,
    GENERIC_HEADINGS,
    Spread,
    listed,
    percentage,
    statement_headings,
)
from bot.scoring.basis import NOT_ENOUGH
from bot.scoring.compare_chance import LEVEL, MIN_EXPECTED, Test, agree_test, mean_test
from bot.scoring.results import WHOLE_TITLE
from bot.scoring.small_groups import HIDDEN, MIN_GROUP, SMALL_GROUP_RULE
from bot.scoring.versions import same_meaning

COMPARISON_SCHEMA = 1

WORDS = {
    "up": "up: more than chance alone would give",
    "down": "down: more than chance alone would give",
    "chance": "could be chance: too few answers to tell",
    "too_few": "could be chance: too few answers to tell",
    "same": "no change",
    "no_answers": "no answers to compare",
    "new": "new question: not asked then",
    "dropped": "dropped: not asked now",
    "reworded": "not compared: worded or scaled differently then",
    "hidden": f"{HIDDEN}: fewer than {MIN_GROUP} respondents",
}
"""The plain words for each flag, as a board paper would put them."""

RULE = {
    "level": LEVEL,
    "agree": (
        "% agree: Fisher's exact test where any cell of the table (agreed or not, then or "
        f"now) would be expected to hold fewer than {MIN_EXPECTED:.0f} answers, otherwise "
        "the two-proportion z-test; two-sided, at 5%."
    ),
    "score": (
        "Mean score: Welch's t-test from each round's mean, standard deviation and number "
        "of respondents; two-sided, at 5%. It needs at least two respondents in each round "
        "and some spread in at least one of them; otherwise the change is left untested."
    ),
    "figures": (
        "Changes and tests are worked out from the unrounded figures (counts, means and "
        "standard deviations); only what is shown is rounded, so a change can differ by "
        "0.1 from the difference of the two rounded figures."
    ),
    "words": (
        '"Could be chance" means a change this size would turn up more often than one time '
        "in twenty from chance alone with this many answers, even if nothing had really "
        'changed: there are too few answers to tell. "More than chance alone would give" '
        "means it would turn up less often than that."
    ),
}
"""The chance rule, stated for the report, where the statements' columns are headed "%
agree" (`_agree_words` words it by the columns' own heading, such as "% Yes")."""


AGREE_NOTE = (
    "% agree counts everyone asked who did not agree as not agreeing, whatever the "
    "reason: % don't know and % no answer (skipped or refused) are shown beside it, so a "
    "fall in agreement that is only more don't knows or fewer answers can be told from "
    "more disagreement."
)
"""What the statements table says beside % agree, in every format (where its columns are
headed "% agree" and no statement's scale has a middle answer; `_agree_words` words it by
the columns' own headings, and names the middle column too where one has)."""


class CompareError(ValueError):
    """Two rounds that cannot be compared; the message says why and what to do."""


@dataclass(frozen=True)
class Side:
    """One round to compare: its aggregate and the framework version it was scored with."""

    label: str
    """How the report names it, such as "2009/10" or the folder's name."""
    data: dict[str, Any]
    """The aggregate, as `aggregate_data` makes it."""
    framework: Framework
    """The framework version the round's transcripts were scored against."""
    spreads: Mapping[str, Spread] = field(default_factory=dict)
    """Each area's unrounded scores (by area id), as the aggregate counted them: changes
    and tests are worked out from these, never from the rounded figures shown. An area
    missing here falls back to the rounded figures in ``data``; an anonymised side has
    none for an area it hides (`hidden`)."""

    @property
    def anonymised(self) -> bool:
        """Whether its aggregate hides figures resting on fewer than `MIN_GROUP` people."""
        return bool(self.data.get("small_group_rule"))


@dataclass(frozen=True)
class PlanAction:
    """One action of the earlier round's agreed plan, as far as the comparison needs it."""

    area: str
    """The area id it belongs to."""
    text: str
    """The action."""
    status: str
    """done, in_progress, not_started or dropped."""
    owner: str = ""
    """Who owns it."""
    not_updated: bool = False
    """Whether its status is still the earlier plan's record although the later round's
    respondents were asked about it: their answers are carried in only when the later
    round's plan is compiled (`round plan`)."""


def compare(
    old: Side,
    new: Side,
    plan: Sequence[PlanAction] | None = None,
    plan_left_out: Sequence[PlanAction] = (),
) -> dict[str, Any]:
    """The comparison of two rounds as JSON-able data (see docs/reports.md); ``plan`` are
    the earlier round's agreed actions the later round knew of, ``plan_left_out`` those
    agreed after its conversations began (named, never counted).

    Raises CompareError when the rounds are of different frameworks."""
    if old.framework.id != new.framework.id:
        raise CompareError(
            f"{old.label} is of the framework {old.framework.id} and {new.label} of "
            f"{new.framework.id}: only rounds of one framework can be compared "
            "(its version may differ)"
        )
    areas = _areas(old, new)
    statements = _statements(old, new)
    changes = _framework_changes(old.framework, new.framework)
    then_overall = old.data["overall"]["score"]
    now_overall = new.data["overall"]["score"]
    # The change is over the areas with a figure on both sides: an overall score of six
    # areas set against one of eight would count an area scored only once as a change.
    then_scored, now_scored = _scored(old), _scored(new)
    both = then_scored & now_scored
    # A side with no overall score (too few answers, or every area hidden) has no change
    # either: its areas' means alone would make the overall score its own report withholds.
    scored_both = then_overall is not None and now_overall is not None
    exact_then, exact_now = (
        (_overall(old, both), _overall(new, both)) if scored_both else (None,) * 2
    )
    titles = {a.id: a.title for a in (*old.framework.areas, *new.framework.areas)}
    compared = (
        None
        if then_scored == now_scored or not scored_both
        else _compared(old, new, exact_then, exact_now, both, titles, then_scored, now_scored)
    )
    some_hidden = any(a["then"]["hidden"] or a["now"]["hidden"] for a in areas)
    change = _change(exact_then, exact_now)
    return {
        "report_schema": COMPARISON_SCHEMA,
        "kind": "comparison",
        "framework": {"id": new.framework.id, "title": new.framework.title},
        "then": _side(old),
        "now": _side(new),
        "words": WORDS,
        # Anonymised: no figure, and so no change, rests on fewer than MIN_GROUP people.
        "small_group_rule": SMALL_GROUP_RULE if old.anonymised or new.anonymised else "",
        "hidden_label": HIDDEN,
        "overall": {
            "then": then_overall,
            "now": now_overall,
            "change": change,
            # Where the areas scored differ, what the change is over, and what only one
            # side scored (None where both scored the same areas).
            "compared": compared,
            # Anonymised: an area hidden on either side is left out of that side's overall.
            "some_hidden": some_hidden,
            # Anonymised, every area with answers hidden: no overall score to show.
            "then_hidden": bool(old.data["overall"].get("none_shown")),
            "now_hidden": bool(new.data["overall"].get("none_shown")),
            # Too few answers over all areas for an overall score, as in a single report.
            "then_too_few": old.data["overall"].get("too_few_words", ""),
            "now_too_few": new.data["overall"].get("too_few_words", ""),
            # The overall scores, the change and why any is missing, said once.
            "words": _overall_words(old, new, change, compared, some_hidden),
        },
        "areas": areas,
        "statements": statements,
        **_agree_words(old, new),
        "framework_changed": old.framework.version != new.framework.version
        or any(changes.values()),
        **changes,
        "plan": None
        if plan is None
        else plan_progress(plan, areas, old.framework, plan_left_out, (old.label, new.label)),
    }


def _agree_words(old: Side, new: Side) -> dict[str, Any]:
    """The heading of the % agree columns and the sentence saying what they count (beside
    `AGREE_NOTE`, on what they do not): what
    people answered, as each statement is worded, in the questions' own words where the
    two rounds' aggregates share them (as `round report` heads its columns)."""
    # The aggregate's own reading of the answers (`answer_words`, `statement_headings`):
    # the same columns, headed alike where both rounds' aggregates head them alike.
    words = [s["words"] for side in (old, new) for s in side.data["statements"]]
    headings = statement_headings(words)
    heading = headings["agree"]
    counted = "answered " + heading[2:] if heading != GENERIC_HEADINGS["agree"] else "agreed"
    middle = headings["middle"] if headings["middle_shown"] else ""
    beside = [middle] if middle else []
    beside += ["% don't know", "% no answer (skipped or refused)"]
    note = AGREE_NOTE
    if heading != GENERIC_HEADINGS["agree"]:
        # Said by the columns' own headings ("% Yes counts everyone asked who did not
        # answer Yes ..."), never by a "% agree" the table does not show.
        answer, against = heading[2:], headings["disagree"]
        note = (
            note.replace("% agree", heading, 1)
            .replace("did not agree as not agreeing", f"did not answer {answer} as not doing so")
            .replace("a fall in agreement", f"a fall in {heading}")
            .replace("more disagreement", f"more answering {against[2:]}")
        )
    if middle:
        note = note.replace("% don't know and % no answer (skipped or refused)", _and(beside))
    labels = {
        column: list(dict.fromkeys(label for w in words for label in w[column]))
        for column in COLUMNS
    }
    shown = [("agree", heading)] + ([("middle", middle)] if middle else [])
    legend = "; ".join(f"{h} counts {listed(labels[c])}" for c, h in shown)
    return {
        "rule": RULE
        | {
            "agree": RULE["agree"]
            .replace("% agree", heading, 1)
            .replace("agreed or not", f"{counted} or not", 1)
        },
        "agree_heading": heading,
        "middle_heading": middle,
        "middle_shown": bool(middle),
        "disagree_heading": headings["disagree"],
        "agree_counts": (
            f"The share of those asked who {counted}, as each statement is worded, then and "
            "now; the change is in percentage points. A statement marked (reverse-scored) "
            f"asks about a gap or a problem: there a rise in {heading} is a change for the "
            "worse."
        ),
        "agree_note": note,
        "statement_legend": (
            f"Percentages of those asked (n; Not applicable left out), each answer read as "
            f"the rounds' aggregates read it: {legend}; % don't know counts Don't know; % no "
            "answer counts those who skipped or refused. With "
            f"{headings['disagree']} ({listed(labels['disagree'])}, not shown) they add up "
            "to 100."
        ),
    }


def _overall_words(
    old: Side, new: Side, change: float | None, compared: dict[str, Any] | None, some_hidden: bool
) -> str:
    """The overall scores then and now and their change, in words, once: "64.9 then, 77.8
    now (+12.9)"; where a round has none, why, and that no change is shown ("64.9 then;
    not shown now: every area rests on fewer than 3 respondents; so no change is shown")."""
    shown = [side.data["overall"]["score"] for side in (old, new)]
    if None not in shown:
        then, now = (figure(s) for s in shown)
        said = f"{then} then, {now} now "
        said += f"(each round's own); {compared['words']}" if compared else f"({signed(change)})"
        return said + (" (each the mean of the areas shown)" if some_hidden else "")
    parts = []
    for side, when in ((old, "then"), (new, "now")):
        overall = side.data["overall"]
        if overall["score"] is not None:
            parts.append(f"{figure(overall['score'])} {when}")
        elif too_few := overall.get("too_few_words", ""):
            reason = too_few.removeprefix(f"{NOT_ENOUGH}: ")
            parts.append(f"{NOT_ENOUGH} {when} ({reason})")
        elif overall.get("none_shown"):
            parts.append(
                f"{HIDDEN} {when} (every area with answers rests on fewer than {MIN_GROUP} "
                "respondents)"
            )
        else:
            parts.append(f"no score {when} (no area has a score from any respondent)")
    return "; ".join(parts) + "; so no change is shown"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _side(side: Side) -> dict[str, Any]:
    data = side.data
    return {
        "label": side.label,
        "framework_version": side.framework.version,
        "respondents": data["respondents"],
        "overall": data["overall"]["score"],
        "warnings": list(data.get("warnings", [])),
        "failed": list(data.get("failed", [])),
    }


def _change(then: float | None, now: float | None) -> float | None:
    """Now minus then, from unrounded figures, rounded once to one decimal place to show."""
    return None if then is None or now is None else rounded(now - then)


def _figures(side: Side, row: dict[str, Any]) -> tuple[float | None, float | None, int]:
    """An area's unrounded mean, SD and count; the rounded ones when not known; none for an
    area an anonymised side hides (so the overall score, too, is of the areas shown)."""
    if row.get("hidden"):
        return None, None, row.get("n", 0)
    spread = side.spreads.get(row.get("id", ""))
    if spread is None:
        return row.get("score"), row.get("sd"), row.get("n", 0)
    return spread.mean, spread.sd, spread.count


def _compared(
    old: Side,
    new: Side,
    then: float | None,
    now: float | None,
    both: set[str],
    titles: Mapping[str, str],
    then_scored: set[str],
    now_scored: set[str],
) -> dict[str, Any]:
    """What the overall change is over where the two sides scored different areas: the
    areas scored in both, their overall then and now, and those only one side scored."""
    only_then = [titles[a] for a in titles if a in then_scored - both]
    only_now = [titles[a] for a in titles if a in now_scored - both]
    count = len(both)
    said = [
        f"over the {count} area{'s' if count != 1 else ''} scored in both, "
        f"{figure(rounded(then))} then and {figure(rounded(now))} now "
        f"({signed(_change(then, now))})"
    ]
    if only_now:
        said.append(f"{_and(only_now)} scored only in {new.label}")
    if only_then:
        said.append(f"{_and(only_then)} scored only in {old.label}")
    return {
        "areas": count,
        "then": rounded(then),
        "now": rounded(now),
        "only_then": only_then,
        "only_now": only_now,
        "words": "; ".join(said),
    }


def _scored(side: Side) -> set[str]:
    """The areas a side has a figure for (shown, and with answers enough for a mean)."""
    rows = _by_id(side.data["areas"])
    return {
        a.id
        for a in side.framework.areas
        if _figures(side, rows.get(a.id, {"id": a.id}))[0] is not None
    }


def _overall(side: Side, areas: set[str]) -> float | None:
    """The overall score of some of its areas, from their unrounded means (weighted, as
    the aggregate does)."""
    rows = _by_id(side.data["areas"])
    return weighted_mean(
        (_figures(side, rows.get(a.id, {"id": a.id}))[0], a.weight)
        for a in side.framework.areas
        if a.id in areas
    )


def _flag(then_n: int, now_n: int, change: float | None, test: Test) -> str:
    if not then_n or not now_n or change is None:
        return "no_answers"
    if change == 0:
        return "same"
    if test.beyond_chance is None:
        return "too_few"
    if not test.beyond_chance:
        return "chance"
    return "up" if change > 0 else "down"


def _verdict(then_n: int, now_n: int, change: float | None, test: Test) -> dict[str, Any]:
    flag = _flag(then_n, now_n, change, test)
    return {
        "change": change,
        "test": test.method,
        "p": None if test.p is None else round(test.p, 4),
        "flag": flag,
        "words": WORDS[flag],
    }


def _by_id(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows}


def _areas(old: Side, new: Side) -> list[dict[str, Any]]:
    then_rows, now_rows = _by_id(old.data["areas"]), _by_id(new.data["areas"])
    old_ids = {a.id for a in old.framework.areas}
    new_ids = {a.id for a in new.framework.areas}
    order = [a.id for a in new.framework.areas] + [
        a.id for a in old.framework.areas if a.id not in new_ids
    ]
    titles = {a.id: a.title for a in old.framework.areas} | {
        a.id: a.title for a in new.framework.areas
    }
    rows = []
    for area_id in order:
        then = then_rows.get(area_id, {}) if area_id in old_ids else {}
        now = now_rows.get(area_id, {}) if area_id in new_ids else {}
        then_n, now_n = then.get("n", 0), now.get("n", 0)
        status = "both" if area_id in old_ids and area_id in new_ids else "new"
        if area_id not in new_ids:
            status = "dropped"
        hidden = (bool(then.get("hidden")), bool(now.get("hidden")))
        row = {
            "id": area_id,
            "title": titles[area_id],
            "status": status,
            "then": {"score": then.get("score"), "sd": then.get("sd"), "n": then_n},
            "now": {"score": now.get("score"), "sd": now.get("sd"), "n": now_n},
        }
        row["then"]["hidden"], row["now"]["hidden"] = hidden
        if any(hidden):
            # A change from a figure not shown would give it away (the other side's score
            # plus the change): neither is shown, nor tested.
            row |= _not_shown()
        elif status == "both":
            mean_then, sd_then, _ = _figures(old, {"id": area_id, **then})
            mean_now, sd_now, _ = _figures(new, {"id": area_id, **now})
            test = mean_test(mean_then, sd_then, then_n, mean_now, sd_now, now_n)
            row |= _verdict(then_n, now_n, _change(mean_then, mean_now), test)
        else:
            row |= {"change": None, "test": "", "p": None, "flag": status, "words": WORDS[status]}
        rows.append(row)
    return rows


def _statements(old: Side, new: Side) -> list[dict[str, Any]]:
    then_rows, now_rows = _by_id(old.data["statements"]), _by_id(new.data["statements"])
    old_questions = {q.id: (a, q) for a in old.framework.areas for q in a.questions}
    new_questions = {q.id: (a, q) for a in new.framework.areas for q in a.questions}
    # In the new framework's order; then what only the earlier round asked.
    order = [q for q in new_questions if q in then_rows or q in now_rows]
    order += [q for q in old_questions if q not in new_questions and q in then_rows]
    rows = []
    for question_id in order:
        area, question = new_questions.get(question_id) or old_questions[question_id]
        then = then_rows.get(question_id) if question_id in old_questions else None
        now = now_rows.get(question_id) if question_id in new_questions else None
        status = (
            "both"
            if question_id in old_questions and question_id in new_questions
            else "new"
            if question_id in new_questions
            else "dropped"
        )
        earlier = old_questions.get(question_id)
        # One rule with the aggregate's: answers to another wording or scale are no
        # answers to this statement, so the two are shown side by side, never compared.
        reworded = not same_meaning(old.framework, new.framework, question_id)
        row = {
            "id": question_id,
            "number": question.number,
            "text": question.text,
            "area": area.id,
            "area_title": area.title,
            "status": status,
            "reworded": reworded,
            "text_then": earlier[1].text if earlier is not None else "",
            "reverse": question.reverse,
            "then": _agree(then),
            "now": _agree(now),
        }
        if row["then"]["hidden"] or row["now"]["hidden"]:
            row |= _not_shown()
        elif reworded:
            row |= {"change": None, "test": "", "p": None, "flag": "reworded"}
            row["words"] = WORDS["reworded"]
        elif status == "both":
            test = agree_test(
                row["then"]["agreed"], row["then"]["n"], row["now"]["agreed"], row["now"]["n"]
            )
            change = _change(_share(row["then"]), _share(row["now"]))
            row |= _verdict(row["then"]["n"], row["now"]["n"], change, test)
        else:
            row |= {"change": None, "test": "", "p": None, "flag": status, "words": WORDS[status]}
        rows.append(row)
    return rows


def _not_shown() -> dict[str, Any]:
    """A row's change where either side is not shown (anonymised, too few respondents)."""
    return {"change": None, "test": "", "p": None, "flag": "hidden", "words": WORDS["hidden"]}


def _share(side: dict[str, Any]) -> float | None:
    """% agree unrounded, from the counts."""
    return 100 * side["agreed"] / side["n"] if side["n"] else None


NO_ANSWER = ("no_reply", "refused")
"""The answers counted as "no answer" beside % agree: skipped (or never given) and Refused."""


def _agree(row: dict[str, Any] | None) -> dict[str, Any]:
    """One side of a statement: % agree with its count and n, and beside it the shares
    that % agree counts as not agreeing without saying why: don't know and no answer
    (skipped or refused), so a fall in agreement that is only more of these shows."""
    if row is None or row.get("hidden"):
        # Not asked, or (anonymised) asked of too few: no figure but how many were asked.
        hidden = row is not None
        return {
            "agree": None,
            "agreed": None if hidden else 0,
            "middle": None,
            "middles": None if hidden else 0,
            "disagree": None,
            "disagrees": None if hidden else 0,
            "dont_know": None,
            "dont_knows": None if hidden else 0,
            "no_answer": None,
            "no_answers": None if hidden else 0,
            "n": row["n"] if hidden else 0,
            "hidden": hidden,
        }
    counts, n = row["counts"], row["n"]
    dont_knows = counts.get("dont_know", 0)
    no_answers = sum(counts.get(k, 0) for k in NO_ANSWER)
    return {
        "agree": row["agree"],
        "agreed": counts.get("agree", 0),
        # The aggregate's middle and disagree columns, read by its rule (`answer_words`).
        "middle": row["middle"],
        "middles": counts.get("neutral", 0),  # the aggregate counts it as "neutral"
        "disagree": row["disagree"],
        "disagrees": counts.get("disagree", 0),
        "dont_know": row["dont_know"],
        "dont_knows": dont_knows,
        "no_answer": percentage(no_answers, n),
        "no_answers": no_answers,
        "n": n,
        "hidden": False,
    }


def _framework_changes(old: Framework, new: Framework) -> dict[str, list[dict[str, str]]]:
    """What the framework added and dropped between the rounds (by id), and questions
    worded or scaled differently (`same_meaning`, the aggregate's rule)."""
    old_areas = {a.id: a for a in old.areas}
    new_areas = {a.id: a for a in new.areas}
    old_questions = {q.id: (a, q) for a in old.areas for q in a.questions}
    new_questions = {q.id: (a, q) for a in new.areas for q in a.questions}

    def question(area: Any, q: Any) -> dict[str, str]:
        return {"id": q.id, "number": q.number, "text": q.text, "area": area.title}

    return {
        "new_areas": [{"id": a.id, "title": a.title} for a in new.areas if a.id not in old_areas],
        "dropped_areas": [
            {"id": a.id, "title": a.title} for a in old.areas if a.id not in new_areas
        ],
        "new_questions": [
            question(*new_questions[q]) for q in new_questions if q not in old_questions
        ],
        "dropped_questions": [
            question(*old_questions[q]) for q in old_questions if q not in new_questions
        ],
        "reworded_questions": [
            question(*new_questions[q]) | {"text_then": old_questions[q][1].text}
            for q in new_questions
            if not same_meaning(old, new, q)
        ],
    }


def not_updated_words(count: int, then: str, now: str) -> str:
    """What a report says of statuses still as the earlier plan recorded them although the
    later round's respondents were asked about them ("" when there are none)."""
    if not count:
        return ""
    these, them = (
        ("1 of these statuses is", "it")
        if count == 1
        else (
            f"{count} of these statuses are",
            "them",
        )
    )
    return (
        f"{these} as {then}'s plan recorded {them}: what {now}'s respondents said about "
        f"{them} is not in {them} until {now}'s action plan is compiled."
    )


def plan_progress(
    plan: Sequence[PlanAction],
    areas: Sequence[dict[str, Any]],
    framework: Framework,
    left_out: Sequence[PlanAction] = (),
    labels: tuple[str, str] = ("the earlier round", "the later round"),
) -> dict[str, Any]:
    """How far the agreed actions got, and the areas whose score fell although actions
    there were done (with whether the fall could be chance); ``left_out`` (agreed after
    the later round's conversations began) are listed, never counted."""
    not_updated = sum(1 for a in plan if a.not_updated)
    counts = {status: 0 for status in STATUSES}
    for action in plan:
        counts[action.status] = counts.get(action.status, 0) + 1
    titles = {a.id: a.title for a in framework.areas}
    fell = []
    for area in areas:
        done = [a for a in plan if a.area == area["id"] and a.status == "done"]
        if done and area["change"] is not None and area["change"] < 0:
            fell.append(
                {
                    "id": area["id"],
                    "title": area["title"],
                    "change": area["change"],
                    "flag": area["flag"],
                    "words": area["words"],
                    "done": [a.text for a in done],
                }
            )
    return {
        "total": len(plan),
        "counts": counts,
        "by_area": [
            {
                "id": area_id,
                "title": titles.get(area_id, area_id) if area_id else WHOLE_TITLE,
                "counts": {
                    s: sum(1 for a in plan if a.area == area_id and a.status == s) for s in STATUSES
                },
            }
            for area_id in dict.fromkeys(a.area for a in plan)
        ],
        "fell_despite_done": fell,
        "not_updated": not_updated,
        "not_updated_words": not_updated_words(not_updated, *labels),
        "not_counted": [
            {
                "area": a.area,
                "title": titles.get(a.area, a.area) if a.area else WHOLE_TITLE,
                "text": a.text,
            }
            for a in left_out
        ],
    }
