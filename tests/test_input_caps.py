"""Every typed field has a cap enforced where it is taken, and nothing the program accepts
can make a transcript it cannot read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import conversation, limits, store
from bot.catalogue import Catalogue
from bot.conversation import SaveError
from bot.model import Person, Respondent
from bot.problems import LoadError
from tests.conftest import DATA, Clock

OVER = "x" * (limits.MAX_TEXT_CHARS + 1)
WORST = '"\\😀' * (limits.MAX_TEXT_CHARS // 3)  # escaped quotes and 4-byte characters


@pytest.fixture
def test_catalogue() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def new(catalogue: Catalogue, folder: Path, **people: object) -> conversation.Conversation:
    talk = conversation.start(
        catalogue,
        "mini",
        "mini-chat",
        people.get("respondent", Respondent(name="Jane Smith")),  # type: ignore[arg-type]
        folder,
        interviewer=people.get("interviewer"),  # type: ignore[arg-type]
        clock=Clock(),
    )
    talk.begin()
    return talk


def test_a_huge_note_is_refused_and_nothing_is_written(
    test_catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = new(test_catalogue, tmp_path)
    before = talk.path.read_bytes()
    outcome = talk.note("n" * 6_000_000)
    assert outcome.error == (
        "That note is 6,000,000 characters long, over the limit of 20,000; please shorten it."
    )
    assert talk.path.read_bytes() == before
    assert not talk.note("n" * limits.MAX_TEXT_CHARS).error
    talk.close()


def test_a_huge_follow_up_reply_or_comment_is_refused(
    test_catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = new(test_catalogue, tmp_path)
    assert "over the limit" in (talk.answer(OVER).error or "")
    talk.answer("1")  # a low answer: a follow-up is asked
    assert talk.current().kind == "probe"
    error = talk.answer(OVER).error or ""
    assert error.startswith("That reply is 20,001 characters long")
    talk.close()
    talk = new(test_catalogue, tmp_path)
    scale = talk.session.framework.scale_of(talk.current().question)
    assert scale is not None
    error = talk.session.choose(scale.options[0], OVER, Clock()()).error or ""
    assert error.startswith("That comment is 20,001 characters long")
    talk.close()


@pytest.mark.parametrize(
    ("people", "named"),
    [
        ({"respondent": Respondent(name="n" * 201)}, "respondent's name"),
        ({"respondent": Respondent(organisation="o" * 6_000_000)}, "organisation"),
        ({"respondent": Respondent(partnership="p" * 201)}, "partnership"),
        ({"interviewer": Person(name="i" * 201)}, "interviewer's name"),
    ],
)
def test_names_over_their_cap_are_refused_before_anything_is_written(
    test_catalogue: Catalogue, tmp_path: Path, people: dict, named: str
) -> None:
    with pytest.raises(LoadError) as error:
        new(test_catalogue, tmp_path / "t", **people)
    assert str(error.value).startswith(f"{named}: ")
    assert "over the limit of 200; please shorten it" in str(error.value)
    assert not (tmp_path / "t").exists() or not list((tmp_path / "t").iterdir())


def test_names_at_their_cap_are_taken(test_catalogue: Catalogue, tmp_path: Path) -> None:
    talk = new(test_catalogue, tmp_path, respondent=Respondent(name="n" * 200))
    talk.close()
    assert store.load(talk.path).transcript.respondent.name == "n" * 200


def test_the_worst_save_accepted_input_can_make_is_far_below_the_file_limit(
    test_catalogue: Catalogue, tmp_path: Path
) -> None:
    """An answer at its cap in the costliest characters (a quote and a backslash, each
    escaped to two bytes, and a four-byte emoji) written as text, value and comment."""
    talk = new(test_catalogue, tmp_path)
    before = talk.path.stat().st_size
    talk.answer("3 " + WORST[: limits.MAX_TEXT_CHARS - 2])
    one_save = talk.path.stat().st_size - before
    assert one_save < limits.MAX_FILE_BYTES / 20
    talk.close()


def test_a_transcript_filled_to_the_limit_refuses_more_and_stays_readable(
    test_catalogue: Catalogue, tmp_path: Path
) -> None:
    talk = new(test_catalogue, tmp_path)
    note = "😀" * limits.MAX_TEXT_CHARS  # 80,000 bytes a note
    saved = 0
    with pytest.raises(SaveError, match="size limit of 5,000,000 bytes"):
        for _ in range(200):
            talk.note(note)
            saved += 1
    assert saved > 50
    size = talk.path.stat().st_size
    assert limits.MAX_FILE_BYTES - 100_000 < size <= limits.MAX_FILE_BYTES
    talk.close()
    loaded = store.load(talk.path)
    assert loaded.dropped_bytes == 0
    assert sum(t.kind == "note" for t in loaded.transcript.turns) == saved
    resumed = conversation.resume(test_catalogue, talk.path, Clock())
    resumed.close()
    store.load(talk.path)
