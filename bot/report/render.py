"""Rendering assessments and aggregates into Markdown, HTML, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from bot.figures import figure, percent, signed
from bot.model.framework import action_marker
from bot.report import escape
from bot.report.chart import Bar, bar_chart
from bot.report.data import action_ref, assessment_data
from bot.scoring.results import Assessment
from bot.text import escape_hidden_in_json, lines_shown_on_one
from bot.turn_words import call_length_words

FORMATS = ("md", "html", "json", "csv")


def _html_finalize(value: Any) -> Any:
    return escape.html(value)


@cache
def environment(kind: str, templates: Path | None = None) -> SandboxedEnvironment:
    """A template environment: HTML autoescaped; Markdown escaped by `finalize`; a folder of
    the user's own templates looked in first."""
    loaders = [FileSystemLoader(str(templates))] if templates else []
    loaders.append(PackageLoader("bot.report", "templates"))
    common: dict[str, Any] = {
        "loader": ChoiceLoader(loaders),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = SandboxedEnvironment(autoescape=True, finalize=_html_finalize, **common)
    else:
        env = SandboxedEnvironment(autoescape=False, finalize=escape.markdown, **common)
    env.filters["pct"] = percent
    env.filters["num"] = figure
    env.filters["signed"] = signed
    env.filters["call_length"] = call_length_words
    env.filters["marker"] = action_marker
    env.filters["action_ref"] = action_ref
    env.filters["one_line"] = lines_shown_on_one
    return env


def render_assessment(
    assessment: Assessment, fmt: str, anonymise: bool = False, templates: Path | None = None
) -> str:
    """One assessment in a format."""
    data = assessment_data(assessment, anonymise=anonymise)
    return render_data(data, fmt, "assessment", templates)


def render_aggregate(data: dict[str, Any], fmt: str, templates: Path | None = None) -> str:
    """An aggregate (already as data) in a format."""
    return render_data(data, fmt, "aggregate", templates)


def render_data(data: dict[str, Any], fmt: str, name: str, templates: Path | None = None) -> str:
    """Data rendered in a format."""
    if fmt == "json":
        return escape_hidden_in_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    if fmt == "csv":
        return actions_csv(data)
    env = environment(fmt, templates)
    chart = bar_chart(
        [
            Bar(
                a["title"],
                a["score"],
                (a["rag"] or {}).get("name", ""),
                (a["rag"] or {}).get("label", ""),
                data.get("hidden_label", "not shown") if a.get("hidden") else "no score",
            )
            for a in data["areas"]
        ]
    )
    return env.get_template(f"{name}.{fmt}.j2").render(r=data, chart=chart)


CSV_COLUMNS = (
    "area",
    "letter",
    "action",
    "source",
    "priority",
    "need",
    "trigger",
    "owner",
    "due",
    "smart",
    "quotes",
)
AGGREGATE_CSV_COLUMNS = (
    "rank",
    "area",
    "letter",
    "action",
    "source",
    "priority",
    "need",
    "respondents",
    "share",
    "owner",
    "owner_from",
    "ref",
    "due",
    "status",
    "smart",
    "quotes",
)
"""An aggregate has no single assessment date and no single respondent's answers, so it
has no `trigger`; it has how many respondents the action was suggested for. `owner_from`
says whether the owner is the framework's suggestion or the round's agreed plan; only an
agreed plan gives a `ref` (the plan's Ref, as the Markdown and HTML show it beside
"agreed plan"), a `due` and a `status`."""
STATEMENT_CSV_COLUMNS = (
    "number",
    "statement",
    "area",
    "n",
    "reverse_scored",
    "agree",
    "middle",
    "dont_know",
    "disagree",
    "pattern",
    "published_agree",
    "published_dont_know",
    "published_disagree",
    "agree_difference",
    "dont_know_difference",
    "disagree_difference",
    "published_source",
    "published_n",
)
"""An aggregate's CSV follows its action list with a blank row and this statement table."""
FACT_TALLY_CSV_COLUMNS = ("number", "fact", "area", "n", "answer", "respondents", "share")
"""An aggregate's CSV follows its statement table with a blank row and this tally of facts
(a row per answer given), when any fact was answered."""
FACT_CSV_COLUMNS = ("number", "fact", "area", "answer", "value", "said", "notes")
"""An assessment's CSV follows its action list with a blank row and this table of the facts
answered (questions never scored: gates, dates, unscored choices, a round's plan review
answers), when there are any; each with the respondent's words about it (the comment after
the answer, then follow-up replies) and any notes typed at it."""


TEXT_CSV_COLUMNS = ("number", "question", "area", "answer")
"""An aggregate's CSV follows its facts with a blank row and this table of the free-text
answers it quotes (a row per answer), when any was answered."""


JUDGED_CSV_COLUMNS = ("statements", "not_judged", "dont_know", "refused", "unanswered", "note")
"""An assessment's CSV follows its facts with a blank row and this one-row table where some
statements asked could not be judged (Don't know, Refused, no answer), or no action could
be suggested because too few were answered; ``note`` says it in words, as the Markdown
does (so an empty action list is never left without a word of why)."""


def actions_csv(data: dict[str, Any]) -> str:
    """The action list as CSV; no cell can start a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    aggregate = data.get("kind") == "aggregate"
    columns = AGGREGATE_CSV_COLUMNS if aggregate else CSV_COLUMNS
    writer.writerow(columns)
    for action in data["actions"]:
        cells = {
            **action,
            "area": action["area_title"],
            "action": action["text"],
            "trigger": "; ".join(action.get("triggers", [])),
            "quotes": " | ".join(action["quotes"]),
            "due": action.get("due") or "",
            "ref": action.get("ref") or "",
        }
        if action.get("hidden"):
            # Anonymised, suggested for too few to show its figures (the small-group rule).
            cells.update({k: data["hidden_label"] for k in ("need", "share", "priority")})
        writer.writerow([escape.csv_cell(cells.get(column)) for column in columns])
    facts = [] if aggregate else answered_facts(data)
    if facts:
        writer.writerow([])
        writer.writerow(FACT_CSV_COLUMNS)
        for fact in facts:
            writer.writerow([escape.csv_cell(fact.get(column)) for column in FACT_CSV_COLUMNS])
    judged = {} if aggregate else data.get("unjudged", {})
    if judged.get("not_judged") or data.get("actions_note"):
        writer.writerow([])
        writer.writerow(JUDGED_CSV_COLUMNS)
        note = " ".join(w for w in (judged.get("words", ""), data.get("actions_note", "")) if w)
        writer.writerow(
            [_number_or_cell(judged.get(c)) for c in JUDGED_CSV_COLUMNS[:-1]]
            + [escape.csv_cell(note)]
        )
    if aggregate:
        writer.writerow([])
        writer.writerow(STATEMENT_CSV_COLUMNS)
        for statement in data["statements"]:
            mark = statement["benchmark"] or {}
            cells = {
                **statement,
                "statement": statement["text"],
                "reverse_scored": "yes" if statement.get("reverse") else "no",
                **{f"published_{k}": mark.get(k) for k in ("agree", "dont_know", "disagree")},
                **{k: mark.get(k) for k in STATEMENT_CSV_COLUMNS if k.endswith("_difference")},
                "published_source": mark.get("source"),
                "published_n": mark.get("n"),
            }
            if statement.get("hidden"):
                # Anonymised, too few answered to show (the small-group rule).
                cells["agree"] = data["hidden_label"]
            writer.writerow([_number_or_cell(cells.get(c)) for c in STATEMENT_CSV_COLUMNS])
        if data.get("facts"):
            writer.writerow([])
            writer.writerow(FACT_TALLY_CSV_COLUMNS)
            for fact in data["facts"]:
                # Anonymised, a fact too few answered stands alone: its answers not shown.
                hidden = [{"label": data["hidden_label"], "count": None, "share": None}]
                for answer in hidden if fact.get("hidden") else fact["answers"]:
                    cells = {
                        **fact,
                        "number": fact["number"] or fact["id"],
                        "fact": fact["text"],
                        "answer": answer["label"],
                        "respondents": answer["count"],
                        "share": answer["share"],
                        **(
                            {"respondents": data["hidden_label"], "share": data["hidden_label"]}
                            if answer.get("hidden")
                            else {}
                        ),
                    }
                    writer.writerow([_number_or_cell(cells.get(c)) for c in FACT_TALLY_CSV_COLUMNS])
        if data.get("texts"):
            writer.writerow([])
            writer.writerow(TEXT_CSV_COLUMNS)
            for text in data["texts"]:
                for quote in text["quotes"]:
                    cells = {
                        "number": text["number"] or text["id"],
                        "question": text["text"],
                        "area": text["area"],
                        "answer": quote,
                    }
                    writer.writerow([escape.csv_cell(cells[c]) for c in TEXT_CSV_COLUMNS])
    # Each repeated group's register follows, after a blank row: its title, then a row
    # per item on the final path.
    for area in data.get("areas", []) if not aggregate else []:
        for register in area.get("registers", []):
            writer.writerow([])
            writer.writerow(
                [escape.csv_cell(c) for c in ("register", "item", *register["columns"])]
            )
            for row in register["items"]:
                writer.writerow(
                    [
                        escape.csv_cell(register["title"]),
                        str(row["item"]),
                        *(escape.csv_cell(register_cell(a)) for a in row["answers"]),
                    ]
                )
    return out.getvalue()


def answered_facts(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The facts an assessment's data holds an answer to, as rows of the facts table."""
    return [
        {
            "number": q["number"] or q["id"],
            "fact": q["text"],
            "area": area["title"],
            "answer": q["answer"],
            "value": q["value"],
            "said": " | ".join(q["words"]),
            "notes": " | ".join(q["notes"]),
        }
        for area in data["areas"]
        for q in area["questions"]
        if q.get("fact") and q["value"] is not None
    ]


def register_cell(answer: dict[str, Any]) -> str:
    """One answer in a register: the answer, and the comment typed after it, on one line
    (`bot.text.lines_shown_on_one`: a pasted line break as " / ", never a row broken)."""
    comment = answer.get("comment")
    return lines_shown_on_one(f"{answer['answer']} ({comment})" if comment else answer["answer"])


def _number_or_cell(value: object) -> str:
    # A number (a negative difference) is not a formula; text still goes through csv_cell.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return escape.csv_cell(value)
