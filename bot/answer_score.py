"""An answer's score, from the framework alone: the one definition of what an answer scores.

A transcript stores each answer's value and, for the record, the score it was given; the
score is never read back. It is worked out again from the framework kept with the
transcript (the option's score on the question's scale, a number's recommended range),
and a transcript whose stored value is not an answer to the question, or whose stored
score disagrees with the framework's, is refused: a report must not show a figure the
framework does not give.
"""

from __future__ import annotations

from pathlib import Path

from bot.iso_date import stored_date
from bot.model import Framework, Question, Transcript, Turn
from bot.problems import LoadError, Problem, display_name, find_line
from bot.turn_words import question_number

NOT_APPLICABLE = "not_applicable"
"""The abstention of a question the respondent said does not apply."""


class AnswerMismatch(ValueError):
    """A stored answer the framework does not give (its message says what was expected)."""


def raw_score(framework: Framework, question: Question, turn: Turn) -> float | None:
    """An answer's score on its question's scale (numbers: 100 inside the recommended
    range, 0 outside), from the framework; None for text, abstentions and unscored numbers.
    Raises AnswerMismatch when the stored value is not an answer to the question."""
    if turn.abstain == NOT_APPLICABLE and (
        question.allow_not_applicable or none_answer(question, turn)
    ):
        return None
    if question.kind == "text":
        return None
    if question.kind in ("number", "choice", "date") and turn.abstain:
        if turn.abstain == "dont_know" and question.allow_dont_know:
            return None
        raise AnswerMismatch(f"abstain {turn.abstain!r} is not allowed for this question")
    if question.kind == "choice":
        return _choice_score(question, turn)
    if question.kind == "date":
        if stored_date(turn.value) is None:
            raise AnswerMismatch(
                f"value {turn.value!r} is not a date (the question takes a date, "
                "stored as 2009-12-02)"
            )
        return None
    if question.kind == "number":
        try:
            number = float(turn.value)
        except ValueError:
            raise AnswerMismatch(
                f"value {turn.value!r} is not a number (the question takes a number)"
            ) from None
        return number_score(question, number)
    scale = framework.scale_of(question)
    options = scale.options if scale is not None else ()
    option = next((o for o in options if o.value == turn.value), None)
    if option is None:
        values = ", ".join(f'"{o.value}"' for o in options)
        raise AnswerMismatch(
            f"value {turn.value!r} is not an answer to the question (expected one of {values})"
        )
    if (option.abstain or "") != turn.abstain:
        raise AnswerMismatch(
            f"abstain {turn.abstain!r} does not match the question's option {option.value!r}"
        )
    return option.score if question.scored else None


NONE_LABEL = "None (not applicable)"
"""How a number answer of 0 is shown where the question takes 0 as "there is none"
(`Question.none_not_applicable`)."""


def none_answer(question: Question, turn: Turn) -> bool:
    """Whether an answer is the 0 of a number question that takes 0 as "there is none"
    (`Question.none_not_applicable`): recorded as Not applicable, never scored."""
    if question.kind != "number" or not question.none_not_applicable:
        return False
    try:
        return float(turn.value) == 0
    except ValueError:
        return False


def number_score(question: Question, number: float) -> float | None:
    """A number answer's score: 100 inside the recommended range, 0 outside; None when the
    question is not scored (no range, or `scored = false`: a fact)."""
    if not question.scoreable or question.recommended is None:
        return None
    return 100.0 if question.recommended.contains(number) else 0.0


def _choice_score(question: Question, turn: Turn) -> float | None:
    """A choice answer's 0-100 score (None when unscored), checking the values stored."""
    values = tuple(turn.value.split(",")) if turn.value else ()
    known = {o.value for o in question.options}
    low, high = question.picks()
    wrong = [v for v in values if v not in known]
    if wrong or len(set(values)) != len(values) or not low <= len(values) <= high:
        listed = ", ".join(f'"{v}"' for v in sorted(known))
        raise AnswerMismatch(
            f"value {turn.value!r} is not an answer to the question (expected "
            + (
                f"{low} to {high} of {listed}, joined by commas"
                if question.multiple
                else f"one of {listed}"
            )
            + ")"
        )
    return question.choice_score(values)


def framework_label(framework: Framework, question: Question, turn: Turn) -> str | None:
    """The label the framework gives a stored answer, which a report prints as the answer:
    a scale option's label, or a choice's options' labels joined as the engine joins them
    ("; "); None where the label is not the framework's (numbers, dates, text, an
    abstention) or the value is not an answer (`raw_score` says so)."""
    if turn.abstain or question.kind in ("text", "number", "date"):
        return None
    if question.kind == "choice":
        labels = {o.value: o.label for o in question.options}
        values = turn.value.split(",") if turn.value else []
        if not values or any(v not in labels for v in values):
            return None
        return "; ".join(labels[v] for v in values)
    scale = framework.scale_of(question)
    options = scale.options if scale is not None else ()
    option = next((o for o in options if o.value == turn.value), None)
    return None if option is None else option.label


def check_answers(
    framework: Framework,
    transcript: Transcript,
    path: Path,
    scores: bool = True,
    unknown_left_out: bool | None = None,
) -> None:
    """Refuse (LoadError) a transcript with an answer the framework does not give: a value
    that is not an answer to its question, or (with ``scores``: the framework is the version
    the transcript was taken with) an answer to no question of it, or a stored score or
    label other than the framework's (the label is what a report prints as the answer; an
    empty one is left for the value). Against another version, an answer to a question
    that version does not have is no fault: it is left out of the scores
    (``unknown_left_out``, by default without ``scores``; a resume, which cannot carry
    such an answer on, refuses it)."""
    if unknown_left_out is None:
        unknown_left_out = not scores
    problems: list[tuple[Turn, str, str]] = []  # the turn, its key at fault, what is wrong
    if transcript.review:
        # The plan review questions it was asked are checked as it was asked them.
        from bot.engine.review import reviewed_framework

        framework = reviewed_framework(framework, transcript.review)
    for turn in transcript.turns:
        if turn.kind != "answer" or not turn.question:
            continue
        try:
            question = framework.question(turn.question)
        except KeyError:
            # Against another version than its own, an answer to a question that version
            # does not have is left out, and the report says so (`left_out_answers`).
            if not unknown_left_out:
                problems.append((turn, "question", "no such question in the framework"))
            continue
        try:
            expected = raw_score(framework, question, turn)
        except AnswerMismatch as error:
            problems.append((turn, "value", str(error)))
            continue
        if (
            scores
            and turn.score != expected
            and not (
                turn.score is not None
                and expected is not None
                and abs(turn.score - expected) < 1e-9
            )
        ):
            want = "no score" if expected is None else f"score = {expected:g}"
            problems.append(
                (
                    turn,
                    "score",
                    f"score = {turn.score!r} disagrees with the framework "
                    f"({framework.id} {framework.version}), which gives {want} "
                    f"for value {turn.value!r}",
                )
            )
            continue
        label = framework_label(framework, question, turn) if scores and turn.label else None
        if label is not None and turn.label != label:
            problems.append(
                (
                    turn,
                    "label",
                    f"label = {turn.label!r} disagrees with the framework "
                    f"({framework.id} {framework.version}), which gives label = {label!r} "
                    f"for value {turn.value!r}",
                )
            )
    if problems:
        raise LoadError(_placed(framework, path, problems))


def answer_place(framework: Framework, turn: Turn) -> str:
    """Where an answer is, in the words its reader knows: the question's number as the
    seed gives it ("question 1.1", "question Agreed action 1.3"), its id beside it where
    that differs (the file says `question = "h1_1"`), and the turn's number (`seq`)."""
    number = question_number(turn.question, framework)
    same = number.casefold() == turn.question.casefold()
    named = number if same else f"{number} ({turn.question})"
    return f"question {named}, turn {turn.seq}"


def _placed(
    framework: Framework, path: Path, problems: list[tuple[Turn, str, str]]
) -> list[Problem]:
    """The problems, each at its answer's line in the file (read again only now that
    something is wrong, as the transcript was parsed without positions)."""
    from bot.loading import file_text

    text = file_text(path, lenient=True)
    return [
        Problem(
            display_name(path),
            answer_place(framework, turn),
            message,
            find_line(text, ["turns", turn.seq - 1, key]) if text else None,
        )
        for turn, key, message in problems
    ]
