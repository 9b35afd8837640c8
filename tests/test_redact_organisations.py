"""An organisation's name goes where it is written as that name (whole in any case, or a
run of its words written with capitals) and its distinctive words wherever they stand;
the ordinary and partnership words it is made of ("police", "fire service", "NHS",
"advice", "housing") stay in people's words where they are not its name."""

from __future__ import annotations

import re

from bot.report import redact as rule
from bot.report.redact import ORGANISATION, redactor

ORGANISATIONS = [
    "Hertfordshire Constabulary",
    "Police and Fire Service",
    "Community Safety Partnership",
    "NHS Herts Valleys",
    "Citizens Advice Dacorum",
    "Red Kite Housing Association",
]
"""An aggregate's organisations: every respondent's, pooled."""

redact = redactor(["Ann Archer"], ORGANISATIONS)


def test_ordinary_words_of_organisations_names_stay_where_they_are_not_the_name() -> None:
    said = [
        "The police attend; fire service cover is patchy.",
        "community safety is a standing item.",
        "NHS partners rarely attend.",
        "We give advice on housing; red ratings are rare.",
        "Red - no plan yet.",
        "The Police came, and a Service plan followed.",
    ]
    for text in said:
        assert redact(text) == text


def test_an_organisations_name_goes_where_it_is_written_as_that_name() -> None:
    assert redact("As hertfordshire constabulary said") == f"As {ORGANISATION} said"
    assert redact("the POLICE AND FIRE SERVICE met") == f"the {ORGANISATION} met"
    assert redact("Red Kite said so; the Kite Housing team") == (
        f"{ORGANISATION} said so; the {ORGANISATION} team"
    )
    assert redact("see Citizens Advice Dacorum today") == f"see {ORGANISATION} today"
    assert redact("the Community Safety Partnership's plan") == f"the {ORGANISATION}'s plan"
    # Its distinctive words, wherever they stand and in any case.
    assert redact("herts valleys and DACORUM; Hertfordshire's") == (
        f"{ORGANISATION} valleys and {ORGANISATION}; {ORGANISATION}'s"
    )


def test_no_full_name_or_distinctive_part_survives() -> None:
    for organisation in ORGANISATIONS:
        words = organisation.split()
        runs = [
            " ".join(words[i:j])
            for i in range(len(words))
            for j in range(i + 2, len(words) + 1)
            if words[i][0].isupper() and words[j - 1][0].isupper()
            if any(map(rule.names_in_a_run, words[i:j]))
        ]
        for written in (organisation, organisation.lower(), organisation.upper(), *runs):
            shown = redact(f"we spoke to {written} last week")
            assert shown == f"we spoke to {ORGANISATION} last week", (written, shown)
        for word in filter(rule.distinctive, words):
            for text in (word, word.lower(), word.upper()):
                assert not re.search(rf"(?i)\b{word}\b", redact(f"in {text} too")), word
    assert {w for o in ORGANISATIONS for w in o.split() if rule.distinctive(w)} == {
        "Hertfordshire",
        "Herts",
        "Dacorum",
    }


def test_a_run_of_generic_and_partnership_words_alone_is_no_organisations_name() -> None:
    """ "Community Safety officers" keeps its words for the Community Safety Partnership:
    generic and partnership words alone name a kind of body, never generic words alone;
    the whole name and its acronym still go, and a run with an ordinary word ("Red Kite")
    or a distinctive one ("Herts Valleys") is still its name."""
    said = "CSP funding gap, raised by Community Safety officers and the csp team"
    assert redact(said) == (
        f"{ORGANISATION} funding gap, raised by Community Safety officers and the csp team"
    )
    for kept in ("Citizens Advice came", "the Police and Fire cover", "Housing Association"):
        assert redact(kept) == kept
    assert redact("Red Kite and Herts Valleys") == f"{ORGANISATION} and {ORGANISATION}"
