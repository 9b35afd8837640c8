"""The governance structure review copied as a framework of one's own, "gov-local", as
version 1 and as version 2, where N2 is reworded and WS2 (question, action and dialogue
node) is taken out: transcripts of both, as a user makes them with `add --replace`."""

from __future__ import annotations

from pathlib import Path

from bot import cli, conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from tests.conftest import ROOT

N2_V1 = (
    "Is the appropriate portfolio holder of the Council's Cabinet involved with the "
    "relevant thematic group?"
)
N2_V2 = "Is a Cabinet portfolio holder involved with every thematic group (revised wording)?"
WS2 = (
    "Does the partnership hold occasional joint meetings on matters of shared concern with "
    "the equivalent body in neighbouring districts and with county partnerships?"
)
SIZES = {"board_size": "12", "thematic_size": "9", "executive_size": "9"}


def _cut(text: str, start: str, end: str) -> str:
    """``text`` without the part from ``start`` up to (not including) ``end``."""
    first = text.index(start)
    return text[:first] + text[text.index(end, first + len(start)) :]


def versions(folder: Path) -> dict[int, tuple[Path, Path]]:
    """gov-local version 1 and version 2 (N2 reworded, WS2 taken out): the framework and
    dialogue files of each."""
    framework = (ROOT / "frameworks" / "governance-structure.toml").read_text(encoding="utf-8")
    dialogue = (ROOT / "dialogues" / "governance-structure-review.toml").read_text(encoding="utf-8")
    framework = framework.replace('id = "governance-structure"', 'id = "gov-local"', 1)
    framework = framework.replace('version = "1.4"', 'version = "1"', 1)
    dialogue = dialogue.replace('id = "governance-structure-review"', 'id = "gov-local-review"', 1)
    dialogue = dialogue.replace('framework = "governance-structure"', 'framework = "gov-local"', 1)
    second = framework.replace('version = "1"', 'version = "2"', 1).replace(N2_V1, N2_V2)
    second = _cut(second, '[[areas.questions]]\nid = "joint_meetings"', "[[areas.actions]]")
    second = _cut(second, '[[areas.actions]]\nid = "joint-meetings"', "# ----")
    second_chat = _cut(dialogue, "[nodes.joint-meetings]", "[nodes.").replace(
        'next = "joint-meetings"', 'next = "intro-roles"'
    )
    found = {}
    for number, (fw, chat) in {1: (framework, dialogue), 2: (second, second_chat)}.items():
        (folder / f"v{number}").mkdir(parents=True, exist_ok=True)
        files = folder / f"v{number}" / "gov-local.toml", folder / f"v{number}" / "review.toml"
        files[0].write_text(fw, encoding="utf-8")
        files[1].write_text(chat, encoding="utf-8")
        found[number] = files
    return found


def install(files: tuple[Path, Path]) -> None:
    """``add --replace`` the framework and its dialogue, as a user installs a revision."""
    assert cli.main(["add", "--replace", str(files[0]), str(files[1])]) == 0


def take(folder: Path, name: str, yes: bool) -> Path:
    """A whole gov-local review by ``name``, inside every range, Yes (``yes``) or No to the
    rest, follow-ups and the register skipped: its file."""
    talk = conversation.start(
        Catalogue(), "gov-local", "gov-local-review", Respondent(name=name), folder
    )
    talk.begin()
    while not talk.session.over:
        prompt = talk.current()
        question = prompt.question
        if prompt.kind == "probe" or question.id.startswith(("risk_", "top_risks")):
            talk.skip()
            continue
        if question.kind == "number":
            text = SIZES.get(question.id) or ("3" if question.id == "board_meetings" else "6")
        else:
            text = "y" if yes else "n"
        if not talk.answer(text).accepted:
            assert talk.answer("4").accepted, question.id
    talk.close()
    return talk.path
