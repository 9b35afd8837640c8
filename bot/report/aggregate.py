"""An aggregate as plain data: what every aggregate format is rendered from.

The figures (means, spreads, percentages, patterns, priorities) are computed by
`bot.scoring.aggregate`; this module only lays them out, rounded for people, in the
framework's order or the published one. The JSON output is exactly this data; its
schema is documented in docs/reports.md.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from bot.catalogue import Catalogue
from bot.coverage import overall_enough
from bot.facts import weighted_mean
from bot.figures import seconds, share_percent
from bot.loading import LoadedFramework
from bot.model import Framework, Group
from bot.report.data import (
    ACTION_REF_LEGEND,
    band,
    framework_data,
    quoted_all,
    rounded,
    stages_data,
    wording_note,
)
from bot.report.owners import SUGGESTED_NOTE, suggested
from bot.report.redact import anonymised_file, redacted, redactor
from bot.scoring.aggregate import (
    AGGREGATE_PRIORITY_RULE,
    MIN_FOR_PATTERN,
    PATTERN_RULE,
    AggregateRun,
    Filters,
    Spread,
    Totals,
    aggregate_priority,
    answer_words,
    percentage,
    statement_headings,
    statement_legend,
    statement_pattern,
)
from bot.scoring.basis import aggregate_basis, too_few_words
from bot.scoring.compile import band_for
from bot.scoring.results import WHOLE_TITLE
from bot.scoring.small_groups import (
    HIDDEN,
    MIN_FOR_RANGE,
    MIN_FOR_SD,
    MIN_GROUP,
    SMALL_GROUP_RULE,
    hidden_cells,
    pooled,
)
from bot.scoring.summary import TEXTS_PER_QUESTION
from bot.statement_order import DEFAULT_ORDER, check_order, published_key

AGGREGATE_SCHEMA = 1
"""The version of the aggregate's data (the single report's is `data.REPORT_SCHEMA`)."""
OTHER_ROLES = "Other roles"
OTHER_SECTORS = "Other sectors"
BY_GROUP_NOTE = (
    "Each column is headed by how many respondents it has. A mean is of those of them whose "
    "own report gives the area a score (enough of its questions answered); where that is "
    'fewer, how many is given beside it, as "(2 of 3)".'
)
"""What the tables of mean score by role and by sector say above them."""
"""The names of the pooled small groups in an anonymised report."""


def aggregate_data(
    framework_id: str,
    totals: Totals,
    run: AggregateRun,
    catalogue: Catalogue,
    filters: Filters,
    anonymise: bool,
    loaded: LoadedFramework | None = None,
    order: str = DEFAULT_ORDER,
    small_groups: bool = False,
    known: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> dict[str, Any]:
    """An aggregate as JSON-able data for the templates (names never appear in it); the
    framework is ``loaded`` when given, else found by id. Statements are listed by area
    in the framework's order, or in the published order (by their own numbers) when
    ``order`` is "published". With ``small_groups`` (an anonymised report for readers)
    no figure rests on fewer than `MIN_GROUP` people (`bot.scoring.small_groups`), and
    respondents' words lose their names and organisations, and those ``known`` (names,
    organisations: a round's invitees) too; a comparison, which tests the figures
    themselves, takes them whole."""
    check_order(order)
    framework = (loaded or catalogue.framework(framework_id)).framework
    pooled_groups: dict[str, list[str]] = {"roles": [], "sectors": []}
    if small_groups:
        # No figure resting on fewer than MIN_GROUP people (one rule: small_groups).
        totals, pooled_groups = _pooled(totals)
    areas = _areas(framework, totals, small_groups)
    shown = {a["id"] for a in areas if not a["hidden"]}
    changed = loaded.changed if loaded is not None else frozenset()
    statements, notes = _statements(framework, totals, small_groups, changed)
    if order == "published":
        statements.sort(key=lambda s: published_key(s["number"]))
    headings = statement_headings([s["words"] for s in statements])
    # The mean of the area means, weighted by the areas' weights, as in a single report:
    # from the unrounded means (the rounded ones printed would drift a tenth off it).
    mean = weighted_mean(
        (totals.areas.get(area.id, Spread()).mean, area.weight)
        for area in framework.areas
        if area.id in shown
    )
    # The single report's minimum coverage over all areas together, of every respondent's
    # answers pooled (one rule, `overall_enough`): respondents whose own reports have too
    # few answers for an overall score never make one together.
    enough = overall_enough(framework, totals.coverage)
    overall = mean if enough else None
    basis = aggregate_basis(zip(framework.areas, areas, strict=True))
    roles = _ordered(totals.roles, OTHER_ROLES)
    sectors = _ordered(totals.sectors, OTHER_SECTORS)
    actions = _actions(framework, totals, small_groups)
    texts = _texts(framework, totals)
    data: dict[str, Any] = {
        "report_schema": AGGREGATE_SCHEMA,
        "kind": "aggregate",
        "anonymised": anonymise,
        "small_group_rule": SMALL_GROUP_RULE if small_groups else "",
        "hidden_label": HIDDEN,
        "pooled": pooled_groups,
        "small_group_min": MIN_GROUP,
        "spread_min": {"sd": MIN_FOR_SD, "range": MIN_FOR_RANGE},
        # How many versions of it the transcripts were taken with (`versions` names them).
        "framework": framework_data(framework) | {"versions": max(1, len(totals.versions))},
        "respondents": totals.respondents,
        "filters": filters.describe(),
        "left_out": {"unfinished": run.unfinished, "filtered": run.filtered},
        "failed": [{"file": f, "reason": r} for f, r in run.failed],
        "duplicates": [
            {"file": d.file, "same_as": d.same_as, "differs_at": d.differs_at, "note": d.note}
            for d in run.duplicates
        ],
        "warnings": sorted(run.warnings),
        "min_coverage": framework.min_coverage,
        "roles": {r: totals.roles[r] for r in roles},
        "sectors": {s: totals.sectors[s] for s in sectors},
        "overall": {
            "score": rounded(overall),
            "rag": band(band_for(overall, framework.bands.rag)),
            "stage": band(band_for(overall, framework.bands.stages)),
            "stages": stages_data(framework),
            # Over all areas together, every respondent's answers pooled (per cent), and
            # whether that reaches the minimum coverage; where not, why there is no score.
            "coverage": share_percent(totals.coverage.share),
            "enough": enough,
            "too_few_words": ""
            if enough or not totals.respondents
            else too_few_words(
                framework, totals.coverage.share, filters.include_unfinished, totals.respondents
            ),
            # Every area with answers is hidden: there is no overall score to show.
            "none_shown": enough and mean is None and any(a["hidden"] for a in areas),
            "some_hidden": any(a["hidden"] for a in areas),
            # Over which areas it stands where any is left out (`bot.scoring.basis`).
            "basis": basis.data(),
            "basis_words": basis.words() if overall is not None else "",
        },
        "calls": _calls(totals.calls),
        "areas": areas,
        "order": order,
        "statements": statements,
        "statement_headings": headings,
        "statement_legend": statement_legend([s["words"] for s in statements], headings),
        "pattern_rule": PATTERN_RULE,
        "pattern_min": MIN_FOR_PATTERN,
        "benchmark_notes": notes,
        "facts": _facts(framework, totals, small_groups),
        "texts": texts,
        "texts_note": TEXTS_NOTE if texts else "",
        "actions": actions,
        "ref_legend": ACTION_REF_LEGEND,
        "by_group_note": BY_GROUP_NOTE,
        "priority_rule": AGGREGATE_PRIORITY_RULE,
        "owners_note": SUGGESTED_NOTE,
        "wording_note": wording_note(framework),
    }
    if not small_groups:
        return data
    # The words quoted (and the files named) keep no name or organisation of the
    # respondents', of anyone who interviewed them, nor of anyone a reader knows was asked.
    redact, board = aggregate_redactors(totals, known)
    out = redacted(data, redact, board=board)
    # A file that failed to load gave no name to take out: its respondent's part of the
    # file name is taken out whoever they are (one rule, `anonymised_file`).
    out["failed"] = [
        shown | {"file": anonymised_file(failed["file"], redact, [framework_id])}
        for shown, failed in zip(out["failed"], data["failed"], strict=True)
    ]
    return out


@dataclass(frozen=True)
class StderrNames:
    """How a report's lines on stderr name files and quote words."""

    words: Callable[[str], str]
    """Names and organisations taken out of a line (or it as it is)."""
    file: Callable[[str, list[str]], str]
    """A transcript's file (with the framework ids there) as the report shows it."""


def stderr_redactor(
    totals: Iterable[Totals],
    anonymise: bool,
    known: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> StderrNames:
    """What an anonymised aggregate or comparison takes out of what it says on stderr:
    the same as its report (`aggregate_redactors` over every respondent, and those a
    reader knows were asked, ``known``; `anonymised_file`); nothing when not anonymised."""
    if not anonymise:
        return StderrNames(lambda text: text, lambda file, _ids: file)
    every = Totals()
    for framework_totals in totals:
        every.names.update(framework_totals.names)
        every.organisations.update(framework_totals.organisations)
    words, _ = aggregate_redactors(every, known)
    return StderrNames(words, lambda file, ids: anonymised_file(file, words, ids))


def aggregate_redactors(
    totals: Totals, known: tuple[Iterable[str], Iterable[str]] = ((), ())
) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """What an anonymised aggregate takes out (`bot.report.redact`): of people's words,
    the names and organisations of its respondents and of everyone who interviewed them
    (``totals``) and of those a reader knows were asked (``known``: a round's invitees);
    of the board's words, the names of those people alone."""
    names = [*totals.names, *known[0]]
    return redactor(names, [*totals.organisations, *known[1]]), redactor(names, [])


def _ordered(sizes: dict[str, int], other: str) -> list[str]:
    """Groups alphabetically, the pooled small ones last."""
    return sorted(sizes, key=lambda name: (name == other, name))


def _merged(spreads: list[Spread]) -> Spread:
    merged = Spread()
    for spread in spreads:
        merged.count += spread.count
        merged.total += spread.total
        merged.squares += spread.squares
        merged.low = min(merged.low, spread.low)
        merged.high = max(merged.high, spread.high)
    return merged


def _pooled_spreads(
    spreads: dict[tuple[str, str], Spread], names: dict[str, str]
) -> dict[tuple[str, str], Spread]:
    grouped: dict[tuple[str, str], list[Spread]] = {}
    for (area, group), spread in spreads.items():
        grouped.setdefault((area, names.get(group, group)), []).append(spread)
    return {key: _merged(parts) for key, parts in grouped.items()}


def _pooled_counts(sizes: dict[str, int], names: dict[str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, size in sizes.items():
        counts[names[name]] = counts.get(names[name], 0) + size
    return counts


def _pooled(totals: Totals) -> tuple[Totals, dict[str, list[str]]]:
    """The totals with roles and sectors of fewer than MIN_GROUP respondents pooled, and
    which roles and sectors were pooled."""
    roles = pooled(totals.roles, OTHER_ROLES)
    sectors = pooled(totals.sectors, OTHER_SECTORS)
    names = {
        "roles": sorted(name for name, to in roles.items() if to == OTHER_ROLES),
        "sectors": sorted(name for name, to in sectors.items() if to == OTHER_SECTORS),
    }
    return replace(
        totals,
        roles=_pooled_counts(totals.roles, roles),
        sectors=_pooled_counts(totals.sectors, sectors),
        by_role=_pooled_spreads(totals.by_role, roles),
        by_sector=_pooled_spreads(totals.by_sector, sectors),
    ), names


def _by_group(
    spreads: dict[tuple[str, str], Spread], area: str, groups: list[str], small_groups: bool
) -> tuple[dict[str, float | None], list[str], dict[str, int]]:
    """An area's mean by group, (small groups hidden) the groups whose mean is not shown,
    and how many of each group's respondents each mean rests on (those whose own report
    gives the area a score: it can be fewer than the group)."""
    found = {g: spreads.get((area, g), Spread()) for g in groups}
    hidden = hidden_cells({g: s.count for g, s in found.items()}) if small_groups else set()
    means = {g: None if g in hidden else rounded(s.mean) for g, s in found.items()}
    return means, [g for g in groups if g in hidden], {g: s.count for g, s in found.items()}


def _areas(
    framework: Framework, totals: Totals, small_groups: bool = False
) -> list[dict[str, Any]]:
    roles = _ordered(totals.roles, OTHER_ROLES)
    sectors = _ordered(totals.sectors, OTHER_SECTORS)
    areas = []
    for area in framework.areas:
        spread = totals.areas.get(area.id, Spread())
        # An area's own figures resting on fewer than MIN_GROUP respondents are not shown.
        hidden = small_groups and 0 < spread.count < MIN_GROUP
        mean = None if hidden else spread.mean
        # Anonymised, the spread only where it cannot give individuals' scores away.
        no_sd = hidden or (small_groups and spread.count < MIN_FOR_SD)
        no_range = hidden or not spread.count or (small_groups and spread.count < MIN_FOR_RANGE)
        by_role, hidden_roles, role_n = _by_group(totals.by_role, area.id, roles, small_groups)
        by_sector, hidden_sectors, sector_n = _by_group(
            totals.by_sector, area.id, sectors, small_groups
        )
        areas.append(
            {
                "id": area.id,
                "title": area.title,
                "n": spread.count,
                "hidden": hidden,
                "score": rounded(mean),
                "sd": None if no_sd else rounded(spread.sd),
                "min": None if no_range else rounded(spread.low),
                "max": None if no_range else rounded(spread.high),
                "sd_hidden": no_sd and spread.count > 0 and small_groups,
                "range_hidden": no_range and spread.count > 0 and small_groups,
                "rag": band(band_for(mean, framework.bands.rag)),
                "by_role": by_role,
                "hidden_by_role": hidden_roles,
                "by_role_n": role_n,
                "by_sector": by_sector,
                "hidden_by_sector": hidden_sectors,
                "by_sector_n": sector_n,
                "registers": [_register(group, totals, small_groups) for group in area.groups],
            }
        )
    return areas


def _register(group: Group, totals: Totals, small_groups: bool = False) -> dict[str, Any]:
    """A repeated group's items as every respondent named them (no names): each distinct
    item once, with how many named it so, the most named first, then alphabetically. With
    ``small_groups``, an item named so by fewer than `MIN_GROUP` shows neither its count
    nor its coded answers (a rating), only the words typed (as a quote is shown), and how
    many named any item is not shown where fewer than `MIN_GROUP` did."""
    named = totals.registers.get(group.id, {})
    naming = totals.register_respondents.get(group.id, 0)
    rows = sorted(
        named.items(), key=lambda kv: (-kv[1], [tuple(x.casefold() for x in a) for a in kv[0]])
    )
    return {
        "id": group.id,
        "title": group.title,
        "item": group.item,
        "columns": list(group.headings()),
        # How many named any item, "not shown" where one or two did: it would give away
        # each hidden item's count.
        "respondents": None if small_groups and 0 < naming < MIN_GROUP else naming,
        "items": [
            _item(group, row, count, small_groups and count < MIN_GROUP) for row, count in rows
        ],
    }


def _item(
    group: Group, row: tuple[tuple[str, str, str], ...], count: int, hidden: bool
) -> dict[str, Any]:
    """One register item: how many named it so and its answers; ``hidden``, its count and
    coded answers (an option picked, such as a rating, not the words typed) are "not
    shown", and so is the comment typed after a coded answer ("r - red since 2009"),
    which would give the answer away."""
    kinds = [q.kind for q in group.questions]
    answers = []
    for index, (answer, comment, value) in enumerate(row):
        kind = kinds[index] if index < len(kinds) else ""
        withheld = hidden and kind != "text" and bool(value)
        answers.append(
            {
                "kind": kind,
                "answer": HIDDEN if withheld else answer,
                "comment": "" if withheld else comment,
                "value": "" if hidden else value,
            }
        )
    return {"respondents": None if hidden else count, "hidden": hidden, "answers": answers}


_ABSTENTION_LABELS = {"dont_know": "Don't know", "not_applicable": "Not applicable"}
_OTHER_ANSWERS = {
    "value": "",
    "label": "Other answers",
    "count": None,
    "share": None,
    "hidden": True,
}
"""An anonymised fact's answers given by fewer than MIN_GROUP, pooled and not shown."""


TEXTS_NOTE = (
    f"Answers to the questions that ask for the respondents' own words, up to "
    f"{TEXTS_PER_QUESTION} each: each respondent's answer on their final path, in its "
    "latest version. The transcripts keep every one."
)
"""What an aggregate says above the free-text answers it quotes (JSON `texts_note`)."""


def _texts(framework: Framework, totals: Totals) -> list[dict[str, Any]]:
    """The free-text questions answered, in the framework's order, each with how many
    answered it and the first `TEXTS_PER_QUESTION` answers quoted (`quoted`); ``more``
    is how many more there are."""
    texts: list[dict[str, Any]] = []
    for area in framework.areas:
        for question in area.questions:
            n = totals.text_answers.get(question.id, 0)
            if not n:
                continue
            quotes = quoted_all(totals.texts.get(question.id, []))
            texts.append(
                {
                    "id": question.id,
                    "number": question.number,
                    "text": question.text,
                    "area": area.title,
                    "n": n,
                    "quotes": quotes,
                    "more": n - len(quotes),
                }
            )
    return texts


def _facts(
    framework: Framework, totals: Totals, small_groups: bool = False
) -> list[dict[str, Any]]:
    """The tally of facts (questions never scored, dates aside) in the framework's order:
    how many respondents named each answer (Don't know, Refused and Not applicable rows of
    their own), and their share of n: everyone who gave the fact an answer, a Don't know,
    a refusal or a Not applicable (`Totals.fact_answers`; a choice of several can name more
    than one)."""
    facts: list[dict[str, Any]] = []
    for area in framework.areas:
        for question in area.questions:
            tally = totals.facts.get(question.id)
            n = totals.fact_answers.get(question.id, 0)
            if not tally or not n:
                continue
            scale = framework.scale_of(question)
            options = question.choices or (scale.options if scale is not None else ())
            labels = {o.value: o.label for o in options}
            order = [o.value for o in options if o.value in tally]
            # Values not among the options (numbers) follow, smallest first.
            rest = sorted((v for v in tally if v not in labels), key=_number_first)
            # Anonymised, what fewer than MIN_GROUP people answered is not shown; nor is
            # an answer fewer than MIN_GROUP gave (with the next smallest where the rest
            # would give it away): those are pooled as one row, their answers unnamed.
            hidden = small_groups and n < MIN_GROUP
            few = hidden_cells({v: tally[v] for v in order + rest}) if small_groups else set()
            facts.append(
                {
                    "id": question.id,
                    "number": question.number,
                    "text": question.text,
                    "area": area.title,
                    "n": n,
                    "hidden": hidden,
                    "answers": []
                    if hidden
                    else [
                        {
                            "value": value,
                            "label": labels.get(value) or _ABSTENTION_LABELS.get(value, value),
                            "count": tally[value],
                            "share": percentage(tally[value], n),
                            "hidden": False,
                        }
                        for value in order + rest
                        if value not in few
                    ]
                    + ([dict(_OTHER_ANSWERS)] if few else []),
                }
            )
    return facts


def _number_first(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)
    except ValueError:
        return (1, 0.0, value)


def _statements(
    framework: Framework,
    totals: Totals,
    small_groups: bool = False,
    changed: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The statements table in the framework's order, and the notes on published figures;
    never a question ``changed`` between the versions laid out together (its answers to
    different words or scales are not one statement's: the versions note names it)."""
    statements: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for area in framework.areas:
        for question in area.questions:
            counts = totals.answers.get(question.id)
            if not counts or question.kind == "text" or question.fact or question.id in changed:
                continue
            # Not applicable is an abstention that is not counted among those asked.
            n = sum(v for k, v in counts.items() if k != "not_applicable")
            if not n:
                continue
            # The answers of fewer than MIN_GROUP people are not shown (anonymised).
            hidden = small_groups and n < MIN_GROUP
            shown = {} if hidden else counts
            row = {
                "id": question.id,
                "number": question.number,
                "text": question.text,
                "area": area.title,
                "n": n,
                "hidden": hidden,
                # What people answered, as the statement is worded (a reverse-scored
                # statement's "Yes" is counted as agreeing), in the question's own words.
                "reverse": question.reverse,
                "words": answer_words(framework, question),
                "agree": None if hidden else percentage(counts.get("agree", 0), n),
                "middle": None if hidden else percentage(counts.get("neutral", 0), n),
                "dont_know": None if hidden else percentage(counts.get("dont_know", 0), n),
                "disagree": None if hidden else percentage(counts.get("disagree", 0), n),
                "counts": dict(sorted(shown.items())),
                "pattern": "" if hidden else statement_pattern(counts, n),
                "benchmark": None,
            }
            if question.benchmark is not None:
                mark = question.benchmark
                row["benchmark"] = {
                    "source": mark.source,
                    "n": mark.n,
                    "agree": mark.agree,
                    "dont_know": mark.dont_know,
                    "disagree": mark.disagree,
                    "agree_difference": _difference(row["agree"], mark.agree),
                    "dont_know_difference": _difference(row["dont_know"], mark.dont_know),
                    "disagree_difference": _difference(row["disagree"], mark.disagree),
                    "note": _note_for(notes, mark.source, mark.n),
                }
            statements.append(row)
    return statements, notes


def _actions(
    framework: Framework, totals: Totals, small_groups: bool = False
) -> list[dict[str, Any]]:
    """The actions suggested to anyone, most often suggested first. With ``small_groups``,
    an action suggested for fewer than `MIN_GROUP` respondents shows neither its need, its
    priority nor its share (its need would be one or two people's scores)."""
    # The reference the round's plan gives an action where the seed letters it ("2a": the
    # area's number and the seed's letter); a round's report puts its plan's own in.
    from bot.rounds.plan_compile import seed_refs

    refs = seed_refs(framework)
    actions = []
    # Each area's actions, then the framework's own (for the partnership as a whole).
    listed = [(area.id, area.title, area.actions) for area in framework.areas]
    listed.append(("", WHOLE_TITLE, framework.actions))
    for area_id, area_title, area_actions in listed:
        for action in area_actions:
            count = totals.actions.get(action.id, 0)
            if not count:
                continue
            share = count / totals.respondents if totals.respondents else 0
            need = totals.needs[action.id].mean if action.id in totals.needs else None
            hidden = small_groups and count < MIN_GROUP
            actions.append(
                {
                    "id": action.id,
                    "area": area_id,
                    "area_title": area_title,
                    "letter": action.letter,
                    "ref": refs.get(action.id, ""),
                    "source": action.source,
                    "text": action.text,
                    "respondents": count,
                    "hidden": hidden,
                    "share": None if hidden else rounded(share * 100),
                    "need": None if hidden else rounded(need),
                    "priority": HIDDEN if hidden else aggregate_priority(need, share * 100),
                    **suggested(action.owner),
                    "smart": action.smart,
                    "quotes": quoted_all(totals.quotes.get(action.id, [])),
                }
            )
    actions.sort(key=lambda a: -a["respondents"])
    # The rank (by how many respondents' answers called for it) is a column of its own,
    # never set where a seed's number or letter stands.
    return [action | {"rank": rank} for rank, action in enumerate(actions, 1)]


def _calls(lengths: list[float]) -> dict[str, Any] | None:
    """The timed telephone calls: how many, their total and median length in whole
    seconds (pauses excluded); None when no call was timed."""
    if not lengths:
        return None
    return {
        "timed": len(lengths),
        "total_seconds": seconds(sum(lengths)),
        "median_seconds": seconds(statistics.median(lengths)),
    }


def _note_for(notes: list[dict[str, Any]], source: str, n: int | None) -> int:
    # One note per published source and n, numbered in the order they first appear.
    for note in notes:
        if note["source"] == source and note["n"] == n:
            return int(note["number"])
    notes.append({"number": len(notes) + 1, "source": source, "n": n})
    return len(notes)


def _difference(ours: float | None, theirs: float | None) -> float | None:
    """Our percentage less the published one, in points."""
    return None if ours is None or theirs is None else rounded(ours - theirs)
