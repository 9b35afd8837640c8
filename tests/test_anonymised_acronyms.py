"""An organisation is also named by its acronym: anonymising "Community Safety
Partnership" takes "CSP" out of people's words where it is written in capitals as a
whole word, and never an option's label or value."""

from __future__ import annotations

import pytest

from bot.report.redact import redacted, redactor


@pytest.mark.parametrize(
    ("organisation", "acronym"),
    [
        ("Community Safety Partnership", "CSP"),
        ("Dacorum Borough Council", "DBC"),
        ("Hertfordshire Constabulary", "HC"),
        ("Office of the Police and Crime Commissioner", "OPCC"),
        ("NHS Herts", "NH"),
        ("Dacorum", ""),
        ("Youth Engagement Service", ""),
        ("the voluntary sector", ""),
        ("The Hill Park Project", "HPP"),
        ("An Open Door Trust", "ODT"),
        ("Dacorum borough council", "DBC"),
        ("dacorum borough council", "DBC"),
        ("council for voluntary service", "CVS"),
        ("youth engagement service", ""),
        ("voluntary sector", ""),
    ],
)
def test_an_organisations_initials_are_the_capitals_of_its_words(
    organisation: str, acronym: str
) -> None:
    from bot.report.redact import initials

    assert initials(organisation) == acronym


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The CSP agreed it.", "The [organisation] agreed it."),
        ("minutes of the CSP, March 2009", "minutes of the [organisation], March 2009"),
        ("both CSPs met", "both [organisation] met"),
        ("the CSP's plan", "the [organisation]'s plan"),
        ("(CSP)", "([organisation])"),
        ("the Community Safety Partnership met", "the [organisation] met"),
    ],
)
def test_an_organisations_acronym_in_capitals_is_taken_out(text: str, shown: str) -> None:
    assert redactor([], ["Community Safety Partnership"])(text) == shown


@pytest.mark.parametrize(
    "text",
    ["a csp lead", "the CSPX board", "XCSP", "community safety matters", "the DCSP board"],
)
def test_the_acronym_is_taken_only_in_capitals_and_whole(text: str) -> None:
    assert redactor([], ["Community Safety Partnership"])(text) == text


def test_an_initials_word_of_its_own_stays() -> None:
    redact = redactor([], ["Youth Engagement Service"])
    assert redact("YES, the Youth Engagement Service did") == "YES, the [organisation] did"


def test_an_organisation_given_with_an_acronym_loses_its_distinctive_words_not_the_acronym() -> (
    None
):
    redact = redactor([], ["NHS Herts"])
    assert redact("NHS Herts agreed; herts did; the NHS did") == (
        "[organisation] agreed; [organisation] did; the NHS did"
    )


def test_the_walk_leaves_option_labels_and_values_however_the_acronym_reads() -> None:
    redact = redactor(["Ann Archer"], ["Community Safety Partnership", "Red Amber Group"])
    coded = {"kind": "rating", "answer": "Red", "value": "RAG", "comment": "the CSP said RAG"}
    assert redacted(coded, redact) == coded | {"comment": "the [organisation] said [organisation]"}


@pytest.mark.parametrize(
    ("organisation", "text"),
    [
        ("Community Action Network", "WE CAN DO BETTER"),
        ("Alliance for North Dacorum", "YES AND NO"),
        ("Action Community Trust", "we must ACT"),
        ("Grove Primary", "the GP surgery"),
    ],
)
def test_initials_that_spell_a_common_word_keep_the_answer_words(
    organisation: str, text: str
) -> None:
    """An acronym that is a common word ("CAN") is never taken out of an answer typed in
    capitals: the quote keeps the respondent's words."""
    assert redactor([], [organisation])(text) == text


@pytest.mark.parametrize(
    ("organisation", "text", "shown"),
    [
        ("The Hill Park Project", "the HPP signed it", "the [organisation] signed it"),
        ("Dacorum borough council", "DBC signed it", "[organisation] signed it"),
        ("dacorum borough council", "the DBCs met", "the [organisation] met"),
        (
            "Community Safety Partnership",
            "the C.S.P. agreed it, then the C.S.P board",
            "the [organisation] agreed it, then the [organisation] board",
        ),
    ],
)
def test_an_acronym_past_a_the_of_a_lower_case_name_or_dotted_is_taken_out(
    organisation: str, text: str, shown: str
) -> None:
    assert redactor([], [organisation])(text) == shown


@pytest.mark.parametrize(
    ("organisation", "text"),
    [
        ("Dacorum borough council", "dbc signed it"),
        ("Community Safety Partnership", "c.s.p. and CS.P"),
        ("the voluntary sector", "the VS said"),
        ("youth engagement service", "YES WE DO"),
    ],
)
def test_such_acronyms_stay_where_not_written_as_one(organisation: str, text: str) -> None:
    assert redactor([], [organisation])(text) == text
