"""An anonymised report, of one transcript or of many, in every format, names no one: the
respondent's name as written (whole, in any case, with a possessive, with initials), the
organisation's, and the name of everyone who interviewed are taken out of every quote,
note, reply, free-text answer and register entry, by the one rule (`bot.report.redact`).
A property over generated names, with ordinary-word parts, hyphens and apostrophes."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.model import Person, Respondent
from bot.report.make import ReportOptions, aggregate_report, transcript_reports
from bot.report.redact import ORDINARY_WORDS, redactor
from bot.scoring.aggregate import Filters
from tests.conftest import Clock
from tests.test_repeated_groups import dialogue_text, framework_text

ORDINARY = ["Will", "Strong", "May", "Hope", "Grace", "Green", "Mark", "Rose", "King"]
"""Name parts that are also ordinary words (`ORDINARY_WORDS`)."""
OTHER = ["Okafor", "Zielinski", "Nguyen", "O'Shea", "D’Arcy", "Achterberg", "Ng", "Jaswal"]
"""Name parts that are no ordinary word, none of them in the framework's words."""
PLACES = ["Dacorum", "Maplewood", "Fenwick", "Hartsmere"]
FORMATS = ("md", "html", "json", "csv")

part = st.sampled_from(ORDINARY + OTHER)
token = st.one_of(part, st.builds(lambda a, b: f"{a}-{b}", part, part))
initial = st.sampled_from(["J.", "A", "M.-J."])
names = st.tuples(
    st.lists(st.one_of(token, initial), max_size=1), st.lists(token, min_size=1, max_size=2), token
).map(lambda t: " ".join([*t[0], *t[1], t[2]]))
"""Names of two to four words: the first may be an initial, a word may be hyphenated."""
organisations = st.tuples(
    st.sampled_from(PLACES), st.sampled_from(["Borough Council", "Trust", "Partnership"])
).map(" ".join)


def words_of(name: str) -> list[str]:
    """A name's words, a hyphenated one apart."""
    return [w for w in re.split(r"[\s\-]+", name) if w]


def mentions(name: str, organisation: str) -> str:
    """Words naming someone in each way a name is written."""
    words = words_of(name)
    first, last = words[0], words[-1]
    initials = " ".join(f"{w[0]}." for w in words[:-1])
    return (
        f"{name}'s plan; I asked {first}, and as {last} said ... {name.upper()}, "
        f"{initials} {last}. {last}'s view: told {first.upper()} so; {name.lower()} "
        f"at {organisation} ({organisation.upper()})"
    )


def named_forms(name: str) -> list[re.Pattern[str]]:
    """What must not stand in an anonymised report: the whole name in any case and
    spacing, with initials, as used as a name; a part no ordinary word, anywhere."""
    words = words_of(name)
    first, last = words[0], words[-1]
    initials = r"\s*".join(re.escape(f"{w[0]}.") for w in words[:-1])
    forms = [
        r"[\s\-]+".join(re.escape(w) for w in words),
        rf"{initials}\s*{re.escape(last)}",
        rf"as {re.escape(last)} said",
        re.escape(last) + r"['’]s",
    ]
    flags = [re.I, 0, re.I, 0]
    if len(first.strip(".")) > 1:
        # An initial standing alone names no one, and is left.
        forms += [rf"asked {re.escape(first)}", rf"told {re.escape(first.upper())}"]
        flags += [re.I, 0]
    parts = [w for w in words if len(w.strip(".")) > 1 and w.casefold() not in ORDINARY_WORDS]
    forms += [re.escape(w) for w in parts]
    flags += [re.I] * len(parts)
    return [re.compile(rf"(?<!\w){f}(?!\w)", flag) for f, flag in zip(forms, flags, strict=True)]


def organisation_forms(organisation: str) -> list[re.Pattern[str]]:
    """An organisation's whole name and its place word, in any case."""
    return [
        re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I)
        for w in (organisation, organisation.split()[0])
    ]


def readable(text: str, fmt: str) -> str:
    """A report's text as a reader reads it: HTML unescaped, JSON's strings as written,
    Markdown without its backslash escapes."""
    if fmt == "html":
        return html.unescape(text)
    if fmt == "json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    if fmt == "md":
        return text.replace("\\", "")
    return text


@pytest.fixture
def cat(tmp_path: Path) -> Catalogue:
    folder = tmp_path / "fw"
    folder.mkdir()
    (folder / "mini.toml").write_text(framework_text(), encoding="utf-8")
    (folder / "mini-chat.toml").write_text(dialogue_text(), encoding="utf-8")
    return Catalogue(framework_folders=[folder], dialogue_folders=[folder])


def interview(cat: Catalogue, folder: Path, who: Respondent, interviewers: tuple[str, str]) -> Path:
    """A whole conversation whose every comment, reply, note, text answer and register
    entry names the respondent, their organisation and both interviewers, begun by the
    first interviewer and taken on by the second."""
    said = " / ".join(
        [
            mentions(who.name, who.organisation),
            *(mentions(i, who.organisation) for i in interviewers),
        ]
    )
    talk = conversation.start(
        cat,
        "mini",
        "mini-chat",
        who,
        folder,
        interviewer=Person(name=interviewers[0]),
        clock=Clock(),
    )
    talk.begin()
    talk.interviewer = interviewers[1]
    assert talk.call("call_start").accepted
    assert talk.note(said).accepted
    answers = {"a1": f"1 - {said}", "a2": f"y - {said}", "b1": "13", "b2": f"1 - {said}"}
    answers |= {"risk_rag": f"r - {said}", "risks": "n"}
    while not talk.session.over:
        prompt = talk.current()
        typed = said if prompt.kind == "probe" else answers.get(prompt.question.id, said)
        outcome = talk.answer(typed)
        assert outcome.accepted, (prompt.question.id, outcome.error)
    talk.close()
    return talk.path


def assert_names_no_one(text: str, fmt: str, people: list[str], organisation: str) -> None:
    shown = readable(text, fmt)
    for person in people:
        for form in named_forms(person):
            found = form.search(shown)
            assert found is None, (
                fmt,
                person,
                form.pattern,
                shown[max(0, found.start() - 80) : found.end() + 80],
            )
    for form in organisation_forms(organisation):
        assert form.search(shown) is None, (fmt, organisation, form.pattern)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    respondent=names,
    interviewers=st.tuples(names, names),
    organisation=organisations,
)
def test_no_anonymised_report_names_anyone(
    cat: Catalogue,
    tmp_path_factory: pytest.TempPathFactory,
    respondent: str,
    interviewers: tuple[str, str],
    organisation: str,
) -> None:
    folder = tmp_path_factory.mktemp("t")
    who = Respondent(name=respondent, organisation=organisation, role="Councillor")
    path = interview(cat, folder, who, interviewers)
    people = [respondent, *interviewers]
    for fmt in FORMATS:
        options = ReportOptions(format=fmt, anonymise=True)
        (made,) = transcript_reports([path], cat, options).made
        assert_names_no_one(made.text, fmt, people, organisation)
        paths = list(store.iter_transcript_files([folder]))
        merged = aggregate_report(paths, cat, options, Filters(), cache_folder=None)
        assert_names_no_one(merged.text, fmt, people, organisation)


def test_a_single_report_quotes_without_the_name(cat: Catalogue, tmp_path: Path) -> None:
    who = Respondent(name="Will Strong", organisation="Maple Grove Trust")
    path = interview(cat, tmp_path, who, ("Ann Archer", "Li Ng"))
    named = transcript_reports([path], cat, ReportOptions(format="json")).made[0].text
    assert "I asked Will, and as Strong said" in named
    for fmt in FORMATS:
        text = transcript_reports([path], cat, ReportOptions(format=fmt, anonymise=True))
        shown = readable(text.made[0].text, fmt)
        assert "I asked [name], and as [name] said ... [name], [name]." in shown, fmt
        for gone in ("Strong", "WILL", "Maple", "Grove", "Archer", "Ng"):
            assert gone not in shown, (fmt, gone)


def test_initials_capitals_and_possessives_are_names() -> None:
    redact = redactor(["Will Strong", "Mary-Jane O'Brien"], ["Maple Grove Trust"])
    assert redact("as W. Strong said, and W.Strong, W Strong, Will S.") == (
        "as [name] said, and [name], [name], [name]"
    )
    assert redact("Strong, Will agreed. Will's view. WILL said") == (
        "[name] agreed. [name]'s view. [name] said"
    )
    assert redact("J. Strong and Cllr. Strong") == "J. [name] and Cllr. [name]"
    assert redact("M.-J. O’Brien; Mary Jane O'Brien") == "[name]; [name]"
    assert redact("Strong leadership matters. We will work.") == (
        "Strong leadership matters. We will work."
    )
    assert redact("the file will-strong-2633.toml") == "the file [name]-2633.toml"


def test_an_anonymised_aggregate_takes_out_interviewers_and_initials(
    cat: Catalogue, tmp_path: Path
) -> None:
    who = Respondent(name="Will Strong", organisation="Maple Grove Trust")
    path = interview(cat, tmp_path, who, ("Ann Archer", "Li Ng"))
    # A copy is left out as a duplicate, by its file name, which holds the name.
    (tmp_path / f"copy-{path.name}").write_bytes(path.read_bytes())
    assert "will-strong" in path.name
    paths = list(store.iter_transcript_files([tmp_path]))
    for fmt in FORMATS:
        options = ReportOptions(format=fmt, anonymise=True)
        shown = readable(aggregate_report(paths, cat, options, Filters()).text, fmt)
        assert "[name]" in shown
        for gone in ("W. Strong", "Strong's", "Archer", "Ng", "will-strong"):
            assert gone not in shown, (fmt, gone)


def test_a_persons_name_wins_over_an_organisations_word_in_any_case() -> None:
    redact = redactor(["Ann Archer"], ["ANN Holdings", "Archer Trust"])
    assert redact("ann said; Archer too; ANN Holdings") == "[name] said; [name] too; [organisation]"
