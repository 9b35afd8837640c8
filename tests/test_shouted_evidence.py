"""An answer typed all in capitals names no evidence by its words, only by a number or date,
for the follow-up and the report alike."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.catalogue import Catalogue
from bot.engine import Session
from bot.engine.evidence import is_shouted, names_evidence
from bot.engine.path import is_words
from bot.engine.probes import ProbeState, Said, fires
from bot.loading import LoadedDialogue
from bot.model import Probe
from bot.scoring import compile_transcript
from tests.test_final_path import started, transcript_of

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
UNEVIDENCED = Probe(on="unevidenced_high", text="What would you show an inspector?")

# Words that name evidence in ordinary case (documents, dates, numbers, bodies, examples),
# and words that name none.
WORDS = (
    "website", "updated", "minutes", "strategy", "signed", "in", "March", "2009", "12",
    "members", "by", "the", "CSP", "LAA", "Hill", "Park", "Project", "for", "example",
    "yes", "we", "do", "OK", "agreed", "under", "review", "plan", "to", "newsletter",
)  # fmt: skip
CASES = ("as typed", "upper", "lower")


@st.composite
def phrases(draw: st.DrawFn, fewest: int = 2) -> str:
    """A few words (two to five unless told), typed as they are, in capitals or in lower
    case."""
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=fewest, max_size=5)))
    case = draw(st.sampled_from(CASES))
    return text.upper() if case == "upper" else text.lower() if case == "lower" else text


def report_evidence(dialogue: LoadedDialogue, session: Session, question: str) -> bool:
    report = compile_transcript(transcript_of(session), dialogue.framework)
    return next(q for a in report.areas for q in a.questions if q.question.id == question).evidence


def to_question(session: Session, number: str) -> None:
    """Answer every question before the one numbered `number` ("3" for a choice, words for
    a text question), skipping the follow-ups."""
    while not (session.current().kind == "ask" and session.current().question.number == number):
        if session.current().kind == "probe":
            assert session.skip(NOW).accepted
        elif not session.answer("3", NOW).accepted:
            assert session.answer("Elected at the AGM in May 2008", NOW).accepted


def test_a_top_score_typed_in_capitals_is_followed_up_unless_it_names_a_number_or_date(
    catalogue: Catalogue,
) -> None:
    dialogue = catalogue.dialogue("working-better-together-self")
    for comment, evidence in (
        ("WEBSITE UPDATED", False),  # shouting: its words name no document
        ("YES WE DO", False),
        ("SIGNED IN 2009", True),  # a year, however it is typed
        ("MINUTES OF 3 MARCH 2009", True),
        ("website updated", True),  # a document named as the thing done
        ("Website updated in May", True),
    ):
        session = Session(dialogue)
        session.begin(NOW)
        to_question(session, "3.6")
        question = session.current().question.id
        outcome = session.answer(f"4 - {comment}", NOW)
        probed = [t.trigger for t in outcome.turns if t.kind == "probe"]
        assert probed == ([] if evidence else ["unevidenced_high"]), comment
        assert report_evidence(dialogue, session, question) is evidence


@given(phrases())
@example("WEBSITE UPDATED")
@example("MINUTES OF MARCH")
@example("SIGNED BY THE CSP")
@example("MINUTES OF 3 MARCH 2009")
@example("SIGNED IN 2009")
def test_words_typed_all_in_capitals_name_evidence_by_a_number_or_date_alone(text: str) -> None:
    # Shouting is two words or more with letters (a lone "LAA" is read as an acronym).
    shouted = text.upper()
    assert is_shouted(shouted) is (sum(any(c.isalpha() for c in w) for w in shouted.split()) > 1)
    if is_shouted(shouted):
        # Its words name no document, body or example; a number or date (a year, a day of
        # the month) names evidence however it is typed.
        figures = any(c.isdigit() for c in shouted)
        assert names_evidence(shouted) is figures
        assert names_evidence(f"{shouted}.") is figures
        assert names_evidence(f"{shouted} 12/03/2009") is True


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=phrases(), reply=st.one_of(st.none(), phrases(fewest=1)))
@example(first="WEBSITE UPDATED", reply=None)
@example(first="YES WE DO", reply="LAA minutes")
@example(first="YES WE DO", reply="LAA")  # each piece of words read on its own
@example(first="we have Hill", reply="Park")
def test_the_top_score_follow_up_and_the_report_read_evidence_alike(
    mini_chat: LoadedDialogue, first: str, reply: str | None
) -> None:
    session = started(mini_chat)
    outcome = session.answer(f"4 - {first}", NOW)
    # A comment the reading refuses (numbers alone, nothing but another answer's words) is
    # no answer: there is nothing for the follow-up and the report to read.
    assume(outcome.accepted)
    asked = [t.trigger for t in outcome.turns if t.kind == "probe"]
    # After the answer: followed up as unevidenced exactly when the report counts no evidence.
    assert ("unevidenced_high" in asked) is not report_evidence(mini_chat, session, "a1")
    said = [Said(first, "")]
    if reply is not None and session.current().kind == "probe":
        assert session.answer(reply, NOW).accepted
        if is_words(reply):
            said.append(Said(reply, ""))
    answer = next(t for t in reversed(session.turns) if t.kind == "answer")
    framework = mini_chat.framework.framework
    a1 = framework.question("a1")
    scale = framework.scale_of(a1)
    state = ProbeState(a1, scale, answer, said, [])
    # After a reply too: the policy would ask for evidence exactly when the report counts none.
    assert fires(UNEVIDENCED, state, lambda: True) is not report_evidence(mini_chat, session, "a1")
