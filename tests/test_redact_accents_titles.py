"""A name is taken out with or without its accents ("Siobhan" for Siobhán), and a title
typed in the name field ("Cllr", "Dr") is no part of the name: it stays in people's words."""

from __future__ import annotations

from bot.report.redact import redactor


def test_a_name_typed_without_its_accent_goes() -> None:
    redact = redactor(["Siobhán O'Neill"], ["Société Générale"])
    assert redact("Siobhan O'Neill said") == "[name] said"
    assert redact("siobhan agreed; SIOBHÁN too; O’Neill's view") == (
        "[name] agreed; [name] too; [name]'s view"
    )
    assert redact("as S. O'Neill and O'Neill, Siobhan said") == "as [name] and [name] said"
    assert redact("Societe Generale and societe") == "[organisation] and [organisation]"


def test_a_name_typed_without_an_accent_goes_where_written_with_one() -> None:
    redact = redactor(["Rene Zielinski"], [])
    assert redact("René Zieliński and RENÉ said") == "[name] and [name] said"


def test_a_title_is_no_part_of_the_name() -> None:
    redact = redactor(["Cllr Mary Smith", "Dr. Sam Okafor", "Prof Ann Ng"], [])
    assert redact("the Cllr said; the Dr and Mr Jones; a Prof too") == (
        "the Cllr said; the Dr and Mr Jones; a Prof too"
    )
    assert redact("Cllr Mary Smith and Mary Smith; M. Smith; Smith, Mary") == (
        "[name] and [name]; [name]; [name]"
    )
    assert redact("Dr. Sam Okafor, Dr Okafor and S. Okafor") == "[name], Dr [name] and [name]"
    assert redact("Ann said") == "[name] said"


def test_an_ordinary_word_of_a_name_stays_where_it_is_not_the_name() -> None:
    redact = redactor(["Dr Sam Head"], [])
    assert redact("the head of service agreed") == "the head of service agreed"
    assert redact("as Head said") == "as [name] said"
