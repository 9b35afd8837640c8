"""Repeated groups: the same few questions for each item the respondent names, in the
session (back, amend, skip, resume), the final path, validation and every report format."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.conversation import Conversation
from bot.default_dialogue import load_default_dialogue
from bot.engine import Session
from bot.loading import load_dialogue, load_framework
from bot.model import Respondent
from bot.plain import PlainMode
from bot.problems import LoadError
from bot.report import render_assessment
from bot.report.aggregate import aggregate_data
from bot.report.render import render_aggregate
from bot.scoring import compile_transcript
from bot.scoring.aggregate import Filters, aggregate
from bot.tui.present import message_for
from tests.conftest import DATA, Clock

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

GROUP = """
[scales.rag]
weak_at_or_below = 0
options = [
  { value = "red", key = "r", label = "Red", score = 0 },
  { value = "amber", key = "a", label = "Amber", score = 1 },
  { value = "green", key = "g", label = "Green", score = 2 },
]
"""

AREA_GROUP = """
[[areas.groups]]
id = "risks"
title = "Top risks"
item = "risk"
max_items = 3
columns = ["Risk", "RAG", "Owner"]

[[areas.groups.questions]]
id = "risk_name"
kind = "text"
text = "Name one of the top risks for this theme."

[[areas.groups.questions]]
id = "risk_rag"
text = "Rate it red, amber or green."
scale = "rag"

[[areas.groups.questions]]
id = "risk_owner"
kind = "text"
text = "Who owns it?"
"""


def framework_text() -> str:
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    head, _, rest = text.partition("[bands]")
    return head + GROUP + "[bands]" + rest + AREA_GROUP


def dialogue_text() -> str:
    text = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    text = text.replace(
        '[nodes.b2]\nask = "b2"\nnext = "bye"', '[nodes.b2]\nask = "b2"\nnext = "risks"'
    )
    return text + '\n[nodes.risks]\ngroup = "risks"\nchat = "Now your top risks."\nnext = "bye"\n'


@pytest.fixture
def cat(tmp_path: Path) -> Catalogue:
    folder = tmp_path / "fw"
    folder.mkdir()
    (folder / "mini.toml").write_text(framework_text(), encoding="utf-8")
    (folder / "mini-chat.toml").write_text(dialogue_text(), encoding="utf-8")
    return Catalogue(framework_folders=[folder], dialogue_folders=[folder])


def started(cat: Catalogue, tmp_path: Path) -> Conversation:
    talk = conversation.start(
        cat, "mini", "mini-chat", Respondent(name="Test"), tmp_path / "t", clock=Clock()
    )
    talk.begin()
    return talk


def run(talk: Conversation, *answers: str) -> None:
    for text in answers:
        if talk.current().kind == "probe":
            assert talk.skip().accepted
        outcome = talk.answer(text)
        assert outcome.accepted, (text, outcome.error)


def to_group(talk: Conversation) -> None:
    run(talk, "3", "partly", "13", "3")


def at(talk: Conversation) -> tuple[str, int | None]:
    prompt = talk.current()
    return prompt.question.id, prompt.item


def register(talk: Conversation) -> list[list[str]]:
    """The register as the report has it: each item's answers, in order."""
    result = compile_transcript(talk.transcript, talk.session.loaded.framework)
    (group,) = result.areas[1].registers
    return [[a.shown_answer for a in row.answers] for row in group.items]


def test_each_item_gets_the_groups_questions_until_no_more(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    prompt = talk.current()
    assert (prompt.question.id, prompt.item) == ("risk_name", 1)
    assert prompt.chat == "Now your top risks. Risk 1 (at most 3)."
    run(talk, "Housing targets slip", "r", "Housing group")
    more = talk.current()
    assert more.question.id == "risks" and [o.key for o in more.options] == ["y", "n"]
    assert more.text == "Is there another risk to name?"
    run(talk, "y")
    assert talk.current().chat == "Risk 2 (at most 3)."
    run(talk, "Worklessness", "a", "Economy group", "n")
    assert talk.session.complete
    assert register(talk) == [
        ["Housing targets slip", "Red", "Housing group"],
        ["Worklessness", "Amber", "Economy group"],
    ]
    asks = [(t.question, t.item) for t in talk.transcript.turns if t.kind == "ask"][-8:]
    assert asks == [
        ("risk_name", 1),
        ("risk_rag", 1),
        ("risk_owner", 1),
        ("risks", 1),
        ("risk_name", 2),
        ("risk_rag", 2),
        ("risk_owner", 2),
        ("risks", 2),
    ]
    # The group's answers are listed, never scored: area two's score is b1 and b2 alone.
    result = compile_transcript(talk.transcript, talk.session.loaded.framework)
    assert result.areas[1].score == pytest.approx((100 + 2 / 3 * 100 * 2) / 3)


def test_no_more_is_asked_after_the_last_item_allowed(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Ash", "r", "Xu", "y", "Birch", "a", "Yew", "y", "Cedar", "g", "Zed")
    assert talk.session.complete  # max_items = 3: no "another?" after the third
    assert len(register(talk)) == 3


def test_an_item_backed_out_of_leaves_the_path_but_not_the_transcript(
    cat: Catalogue, tmp_path: Path
) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport", "g")
    # Back from item 2's owner to its rating, its name, then item 1's "another?": no.
    for _ in range(3):
        assert talk.back().accepted
    assert at(talk) == ("risks", 1)
    run(talk, "n")
    assert talk.session.complete
    assert register(talk) == [["Housing", "Red", "Housing group"]]
    assert any(t.value == "Transport" for t in talk.transcript.turns)  # nothing is deleted


def test_amending_an_item_binds_the_new_answer_to_that_item(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport", "g", "Roads team")
    outcome = talk.amend("risk_rag#1", "a")
    assert outcome.accepted, outcome.error
    assert at(talk) == ("risks", 2)  # the route does not turn: the cursor stays
    run(talk, "n")
    assert register(talk) == [
        ["Housing", "Amber", "Housing group"],
        ["Transport", "Green", "Roads team"],
    ]


def test_amending_another_to_no_drops_the_later_items(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport", "g", "Roads team")
    outcome = talk.amend("risks#1", "n")
    assert outcome.accepted, outcome.error
    # The route turns at item 1's "another?": it is asked again from there.
    assert at(talk) == ("risks", 1)
    run(talk, "")
    assert talk.session.complete
    assert register(talk) == [["Housing", "Red", "Housing group"]]


def test_going_back_into_an_item_and_keeping_walks_the_same_items(
    cat: Catalogue, tmp_path: Path
) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport")
    for _ in range(4):
        assert talk.back().accepted
    assert at(talk) == ("risk_rag", 1)
    assert talk.current().previous.value == "red"
    run(talk, "", "", "", "")  # Enter keeps each answer, on to item 2's rating
    assert at(talk) == ("risk_rag", 2)
    run(talk, "a", "Roads team", "n")
    assert register(talk) == [
        ["Housing", "Red", "Housing group"],
        ["Transport", "Amber", "Roads team"],
    ]


def test_skipping_an_items_question_or_the_more_question(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing")
    assert talk.skip().accepted  # the rating
    run(talk, "Housing group")
    assert talk.skip().accepted  # "another?" skipped: the group is left
    assert talk.session.complete
    assert register(talk) == [["Housing", "No answer", "Housing group"]]


def test_resuming_inside_a_group_carries_on_at_the_same_item(
    cat: Catalogue, tmp_path: Path
) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport")
    talk.close()
    again = Session(talk.session.loaded, talk.transcript.turns)
    assert again.current() == talk.current()
    assert (again.current().question.id, again.current().item) == ("risk_rag", 2)


def test_progress_counts_each_question_once(cat: Catalogue, tmp_path: Path) -> None:
    # Four questions before the group (a3 is not asked after "partly"), then the group's
    # three: each item counts them again from where the group starts, so the count moves
    # with every question rather than sticking, and never passes the total.
    talk = started(cat, tmp_path)
    to_group(talk)
    numbers = []
    for text in ("Housing", "r", "Housing group", "y", "Transport", "g", "Roads team"):
        numbers.append(talk.current().progress.question_number)
        run(talk, text)
    numbers.append(talk.current().progress.question_number)
    assert talk.current().progress.question_count == 5 + 3  # 5 ask nodes, the group's 3
    assert numbers == [5, 6, 7, 7, 5, 6, 7, 7]


def test_a_groups_questions_are_called_by_their_columns_not_their_ids(
    cat: Catalogue, tmp_path: Path
) -> None:
    framework = started(cat, tmp_path).session.framework
    assert [framework.label(q) for q in ("risk_name", "risk_rag", "risks", "b1")] == [
        "Risk",
        "RAG",
        "Top risks",
        "b1",  # a question outside a group, with no number: its id is all it has
    ]
    # Without columns, the group's title, as its "another?" question has.
    path = tmp_path / "mini.toml"
    path.write_text(framework_text().replace('columns = ["Risk", "RAG", "Owner"]\n', ""))
    bare = load_framework(path).framework
    assert {bare.label(q) for q in ("risk_name", "risk_rag", "risk_owner")} == {"Top risks"}


def test_plain_mode_names_and_counts_a_groups_questions(cat: Catalogue, tmp_path: Path) -> None:
    talk = conversation.start(
        cat, "mini", "mini-chat", Respondent(name="Test"), tmp_path / "t", clock=Clock()
    )
    lines = "3\np\n13\n3\nHousing\nr\nHousing group\ny\nTransport\ng\nRoads team\nn\n"
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO(lines), out).run()
    finally:
        talk.close()
    shown = out.getvalue()
    assert "risk_" not in shown
    asked = [line for line in shown.splitlines() if " of up to 8). " in line]
    assert [line.split(". ")[0] for line in asked[4:]] == [
        *(
            "Risk (5 of up to 8)",
            "RAG (6 of up to 8)",
            "Owner (7 of up to 8)",
            "Top risks (7 of up to 8)",
        ),
        *(
            "Risk (5 of up to 8)",
            "RAG (6 of up to 8)",
            "Owner (7 of up to 8)",
            "Top risks (7 of up to 8)",
        ),
    ]
    # The app's bubbles name them the same way.
    framework = talk.session.framework
    labels = [m.label for t in talk.transcript.turns if (m := message_for(t, framework))]
    assert {"Question Risk", "Question RAG", "Question Owner", "Question Top risks"} <= set(labels)
    assert not any("risk_" in label for label in labels)


def test_the_register_in_every_report_format(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing | targets", "r", "=Housing group", "y", "Transport", "g", "Roads team")
    for _ in range(4):
        assert talk.back().accepted
    assert at(talk) == ("risks", 1)
    run(talk, "n")  # item 2 backed out of: in no report
    result = compile_transcript(talk.transcript, talk.session.loaded.framework)
    md = render_assessment(result, "md")
    assert "### Top risks\n\n| # | Risk | RAG | Owner |\n| ---: | --- | --- | --- |\n" in md
    assert "| 1 | Housing \\| targets | Red | =Housing group |\n" in md
    assert "Transport" not in md
    html = render_assessment(result, "html")
    assert '<th scope="col">Risk</th>' in html
    assert '<td><span class="rag rag-red">Red</span></td>' in html
    assert "Transport" not in html
    data = json.loads(render_assessment(result, "json"))
    (group,) = data["areas"][1]["registers"]
    assert group["columns"] == ["Risk", "RAG", "Owner"]
    assert [[a["answer"] for a in row["answers"]] for row in group["items"]] == [
        ["Housing | targets", "Red", "=Housing group"]
    ]
    csv = render_assessment(result, "csv")
    assert (
        "register,item,Risk,RAG,Owner\r\nTop risks,1,Housing | targets,Red,'=Housing group\r\n"
        in csv
    )


def test_no_item_named_says_so(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    for _ in range(3):
        assert talk.skip().accepted
    run(talk, "n")
    result = compile_transcript(talk.transcript, talk.session.loaded.framework)
    md = render_assessment(result, "md")
    # An item with nothing answered is no item: none was named.
    assert "| 1 | No answer | No answer | No answer |" not in md
    assert "was named." in md


def test_the_aggregate_lists_every_register_item(cat: Catalogue, tmp_path: Path) -> None:
    # Three respondents: two name the same risk the same way, one names two others and a
    # comment; one names none. Each item is listed once, with how many named it so.
    for items in (
        ["Housing", "r", "Housing group", "n"],
        ["Housing", "r", "Housing group", "n"],
        ["Roads", "a - worse", "Highways", "y", "<b>Flood</b>", "g", "Council", "n"],
    ):
        talk = started(cat, tmp_path)
        to_group(talk)
        run(talk, *items)
        talk.close()
    talk = started(cat, tmp_path)
    to_group(talk)
    assert talk.skip().accepted and talk.skip().accepted and talk.skip().accepted
    run(talk, "n")
    talk.close()
    totals, run_ = aggregate(
        store.iter_transcript_files([tmp_path / "t"]), cat, Filters(), workers=1
    )
    data = aggregate_data("mini", totals["mini"], run_, cat, Filters(), False)
    (register,) = data["areas"][1]["registers"]
    assert register["respondents"] == 3  # the one who left every answer blank named none
    rows = [(r["respondents"], [a["answer"] for a in r["answers"]]) for r in register["items"]]
    assert rows[0] == (2, ["Housing", "Red", "Housing group"])
    assert (1, ["Roads", "Amber", "Highways"]) in rows
    assert (1, ["<b>Flood</b>", "Green", "Council"]) in rows
    md = render_aggregate(data, "md")
    assert "## Registers" in md and "| Named by | Risk | RAG | Owner |" in md
    assert "| 2 | Housing | Red | Housing group |" in md
    assert "Amber (worse)" in md
    html = render_aggregate(data, "html")
    assert '<h2 id="registers">Registers</h2>' in html
    assert '<span class="rag rag-red">Red</span>' in html  # the report's RAG badge
    assert "&lt;b&gt;Flood&lt;/b&gt;" in html and "<b>Flood" not in html
    assert json.loads(render_aggregate(data, "json"))["areas"][1]["registers"][0]["items"]


def test_the_register_shows_rag_as_a_badge_in_one_typeface(cat: Catalogue, tmp_path: Path) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "n")
    result = compile_transcript(talk.transcript, talk.session.loaded.framework)
    html = render_assessment(result, "html")
    assert '<td><span class="rag rag-red">Red</span></td>' in html
    assert "serif;" not in html.replace("sans-serif;", "")  # one typeface throughout
    assert "overflow-wrap: break-word" in html  # a long word wraps within its cell


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (('group = "risks"', 'group = "riskz"'), "nodes.risks.group", 'names group "riskz"'),
        (
            ('[nodes.b2]\nask = "b2"', '[nodes.b2]\nask = "risk_rag"'),
            "nodes.b2.ask",
            "ask the group",
        ),
        (
            ("""when = 'a2 == "yes"'""", """when = 'risk_rag == "red"'"""),
            "nodes.a2.branches[0].when",
            'names "risk_rag", which is not a question id; it is a question of the repeated '
            'group "risks": a group\'s answers are listed item by item in its register',
        ),
        (
            ("""when = 'a2 == "yes"'""", """when = 'answered("risks")'"""),
            "nodes.a2.branches[0].when",
            'names "risks", which is not a question id; it is a repeated group',
        ),
    ],
)
def test_dialogue_references_to_groups_are_checked(
    tmp_path: Path, change: tuple[str, str], where: str, message: str
) -> None:
    (tmp_path / "mini.toml").write_text(framework_text(), encoding="utf-8")
    (tmp_path / "chat.toml").write_text(dialogue_text().replace(*change), encoding="utf-8")
    framework = load_framework(tmp_path / "mini.toml")
    with pytest.raises(LoadError) as caught:
        load_dialogue(tmp_path / "chat.toml", framework)
    found = [p for p in caught.value.problems if p.path == where]
    assert found and message in found[0].message, caught.value.problems
    assert found[0].line is not None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('id = "risk_owner"', 'id = "b1"'), 'question id "b1" is used twice'),
        (
            ('columns = ["Risk", "RAG", "Owner"]', 'columns = ["Risk"]'),
            "one column heading per question",
        ),
        (("max_items = 3", "max_items = 0"), "greater than or equal to 1"),
        (('scale = "rag"', 'scale = "rga"'), 'unknown scale "rga"'),
    ],
)
def test_group_mistakes_are_refused_at_their_line(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = framework_text().replace(*change)
    (tmp_path / "mini.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_framework(tmp_path / "mini.toml")
    found = [p for p in caught.value.problems if message in p.message]
    assert found, caught.value.problems
    assert found[0].line is not None


def test_a_framework_action_naming_a_groups_question_says_it_is_one(tmp_path: Path) -> None:
    text = framework_text() + (
        '\n[[actions]]\nid = "risky"\ntext = "Review the risks."\n'
        """when = 'score("risk_rag") < 50'\n"""
    )
    (tmp_path / "mini.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_framework(tmp_path / "mini.toml")
    (problem,) = caught.value.problems
    assert problem.path == "actions[0].when" and problem.line is not None
    assert 'it is a question of the repeated group "risks"' in problem.message


def test_a_framework_without_a_dialogue_asks_its_groups(tmp_path: Path) -> None:
    (tmp_path / "mini.toml").write_text(framework_text(), encoding="utf-8")
    loaded = load_default_dialogue(load_framework(tmp_path / "mini.toml"))
    session = Session(loaded)
    session.begin(NOW)
    for text in ["3", "y", "text", "13", "3"]:
        while session.current().kind == "probe":
            session.skip(NOW)
        assert session.answer(text, NOW).accepted
    while session.current().kind == "probe":
        session.skip(NOW)
    prompt = session.current()
    assert (prompt.question.id, prompt.item) == ("risk_name", 1)


def test_an_items_later_questions_name_it_by_its_first_answer(
    cat: Catalogue, tmp_path: Path
) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing  targets\nslip")
    assert talk.current().chat == 'Risk 1: "Housing targets slip".'  # on one line
    run(talk, "r")
    assert talk.current().chat == 'Risk 1: "Housing targets slip".'
    run(talk, "Housing group")
    assert talk.current().chat == ""  # "another?" needs no lead-in
    assert talk.current().question.number == "Top risks"


def test_progress_on_the_home_list_counts_questions_not_items(
    cat: Catalogue, tmp_path: Path
) -> None:
    talk = started(cat, tmp_path)
    to_group(talk)
    run(talk, "Housing", "r", "Housing group", "y", "Transport", "g", "Roads team", "n")
    from bot.engine.path import answered_of, final_path

    more = talk.session.framework.more_questions
    # a1, a2, b1, b2, and the group's three questions once (as the progress counts them)
    assert answered_of(final_path(talk.transcript.turns), 8, False, more) == (7, 8)


def test_an_anonymised_aggregate_hides_register_items_named_by_fewer_than_three(
    cat: Catalogue, tmp_path: Path
) -> None:
    # Three name the same risk alike; one names a risk of their own, rated amber.
    for items in (
        *(["Housing", "r", "Housing group", "n"] for _ in range(3)),
        ["Roads", "a - worse", "Highways", "n"],
    ):
        talk = started(cat, tmp_path)
        to_group(talk)
        run(talk, *items)
        talk.close()
    totals, run_ = aggregate(
        store.iter_transcript_files([tmp_path / "t"]), cat, Filters(), workers=1
    )
    data = aggregate_data("mini", totals["mini"], run_, cat, Filters(), True, small_groups=True)
    (register,) = data["areas"][1]["registers"]
    rows = [(r["respondents"], [a["answer"] for a in r["answers"]]) for r in register["items"]]
    # The count and the rating of one person's item are not shown; the words typed are
    # kept, as quotes are.
    assert rows == [
        (3, ["Housing", "Red", "Housing group"]),
        (None, ["Roads", "not shown", "Highways"]),
    ]
    assert [r["hidden"] for r in register["items"]] == [False, True]
    assert all(a["value"] == "" for a in register["items"][1]["answers"])
    md = render_aggregate(data, "md")
    assert "| 3 | Housing | Red | Housing group |" in md
    # Nor the comment typed after the rating, which would give it away.
    assert "| not shown | Roads | not shown | Highways |" in md and "worse" not in md
    html = render_aggregate(data, "html")
    assert '<th scope="row" class="num">not shown</th><td>Roads</td><td>not shown</td>' in html
    assert "worse" not in html
    as_json = render_aggregate(data, "json")
    assert '"answer": "Amber"' not in as_json and "worse" not in as_json
    assert "worse" not in render_aggregate(data, "csv")
    # Without the rule every item is shown as it is.
    named = aggregate_data("mini", totals["mini"], run_, cat, Filters(), False)
    assert (1, ["Roads", "Amber", "Highways"]) in [
        (r["respondents"], [a["answer"] for a in r["answers"]])
        for r in named["areas"][1]["registers"][0]["items"]
    ]
