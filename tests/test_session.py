"""The dialogue session: branching, invalid answers, amend, back, skip, notes, resume, default."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.default_dialogue import load_default_dialogue
from bot.engine import Session
from bot.loading import LoadedDialogue, LoadedFramework

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def started(dialogue: LoadedDialogue) -> Session:
    session = Session(dialogue)
    session.begin(NOW)
    return session


def run(session: Session, *answers: str) -> None:
    for text in answers:
        outcome = session.answer(text, NOW)
        assert outcome.accepted, (text, outcome.error)


def asked(session: Session) -> list[str]:
    return [t.question for t in session.turns if t.kind == "ask"]


def test_begin_says_then_asks(mini_chat: LoadedDialogue) -> None:
    session = Session(mini_chat)
    outcome = session.begin(NOW)
    assert [(t.kind, t.speaker) for t in outcome.turns] == [("say", "bot"), ("ask", "bot")]
    prompt = session.current()
    assert prompt.kind == "ask"
    assert prompt.text == "The partnership works well."
    assert prompt.chat == "First question."
    assert [o.key for o in prompt.options] == ["1", "2", "3", "4", "d", "r"]
    assert (prompt.progress.question_number, prompt.progress.question_count) == (1, 5)
    assert session.begin(NOW).turns == ()  # nothing more to begin


def test_branch_taken(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "yes", "Essex Police and the PCT, agreed in June 2009", "13", "3")
    assert asked(session) == ["a1", "a2", "a3", "b1", "b2"]
    assert session.complete
    assert session.current().kind == "end"


def test_branch_not_taken(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "partly", "13", "3")
    assert asked(session) == ["a1", "a2", "b1", "b2"]
    assert session.complete


def test_invalid_answer_is_refused_and_not_recorded(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    count = len(session.turns)
    outcome = session.answer("7", NOW)
    assert not outcome.accepted
    assert (
        outcome.error
        == 'Please answer with one of: 1, 2, 3, 4, d, r (or the words, such as "Disagree").'
    )
    assert len(session.turns) == count
    run(session, "3", "p")
    assert session.answer("lots", NOW).error == (
        "Please answer with a number of members, such as 12. A comment goes after the "
        'answer and a dash, such as "12 - about the same as last year".'
    )
    assert session.answer("-3", NOW).error == "Please give a number of at least 0."


def test_answers_by_label_and_with_comments(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "strongly agree, the June 2009 minutes show it")
    answer = session.answers["a1"]
    assert (answer.value, answer.label, answer.score) == ("strongly", "Strongly agree", 3.0)
    assert answer.comment == "the June 2009 minutes show it"
    run(session, "Don't know")
    assert session.answers["a2"].abstain == "dont_know"


def test_back_and_amend_keeps_the_original(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "p")
    original = session.answers["a2"]
    outcome = session.back(NOW)  # from b1 back to a2
    assert [t.kind for t in outcome.turns] == ["back", "ask"]
    prompt = session.current()
    assert prompt.question.id == "a2"
    assert prompt.previous is not None and prompt.previous.value == "partly"
    run(session, "n")
    amended = session.answers["a2"]
    assert amended.amends == original.seq
    assert original in session.turns  # nothing overwritten
    assert session.current().question.id == "b1"


def test_back_then_enter_keeps_the_answer(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "p")
    session.back(NOW)
    outcome = session.answer("", NOW)
    assert outcome.turns[0].kind == "keep"
    assert session.answers["a2"].value == "partly"
    assert session.current().question.id == "b1"


def test_back_at_first_question_is_refused(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    assert session.back(NOW).error == "This is the first question; there is nothing to go back to."


def test_amend_any_earlier_answer_without_moving(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3", "p")
    outcome = session.amend("a1", "1", NOW)
    assert outcome.accepted
    assert outcome.turns[0].amends is not None
    assert session.answers["a1"].value == "disagree"
    assert session.current().question.id == "b1"
    assert session.amend("b2", "1", NOW).error == "b2 has no answer to amend."
    assert not session.amend("a1", "9", NOW).accepted


def test_skip_leaves_the_question_unanswered(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    outcome = session.skip(NOW)
    assert [t.kind for t in outcome.turns] == ["skip", "ask"]
    assert "a1" not in session.answers


def test_notes_do_not_move_the_dialogue(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    outcome = session.note("called back at 3pm", NOW)
    assert outcome.turns[0].kind == "note"
    assert outcome.turns[0].question == "a1"
    assert session.current().question.id == "a1"
    assert session.note("   ", NOW).error


def test_abandon(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "3")
    session.abandon(NOW)
    assert session.over and not session.complete
    assert session.current().kind == "abandoned"
    assert session.answer("3", NOW).error == "The assessment was abandoned."


def test_replaying_turns_rebuilds_the_session_exactly(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    run(session, "1", "maybe")  # a low probe, then a vague one
    session.note("n", NOW)
    replayed = Session(mini_chat, session.turns)
    assert replayed.current() == session.current()
    assert replayed.current().kind == "probe"
    run(replayed, "the Hill Park Project showed it")
    assert replayed.current().question.id == "a2"


def test_resume_after_a_cut_off_step_finishes_it(mini_chat: LoadedDialogue) -> None:
    session = started(mini_chat)
    outcome = session.answer("3", NOW)
    # Only the answer reached the disk; the bot's next question did not.
    turns = session.turns[: outcome.turns[0].seq]
    replayed = Session(mini_chat, turns)
    assert replayed.needs_begin
    assert [t.kind for t in replayed.begin(NOW).turns] == ["ask"]
    assert replayed.current().question.id == "a2"


def test_default_dialogue_asks_everything_in_order(mini: LoadedFramework) -> None:
    dialogue = load_default_dialogue(mini)
    session = started(dialogue)
    run(session, "3", "y", "Essex Police", "the county council, since April 2009", "13", "3")
    assert asked(session) == ["a1", "a2", "a3", "b1", "b2"]
    assert session.complete
    triggers = {p.on for node in dialogue.dialogue.nodes.values() for p in node.probes}
    assert triggers == {
        "low",
        "dont_know",
        "unevidenced_high",
        "vague",
        "below_range",
        "above_range",
    }


def test_telephone_sessions_record_the_interviewer(mini_chat: LoadedDialogue) -> None:
    session = Session(mini_chat, telephone=True)
    session.begin(NOW)
    assert session.note("line was bad", NOW).turns[0].speaker == "interviewer"
