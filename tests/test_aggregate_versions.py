"""An aggregate is laid out with the framework versions its transcripts were taken with,
never with whichever version is installed now: a round taken with version 1 and reported
after version 2 replaced it lists version 1's statements and says version 1; transcripts
of several versions list every version's statements, with a note naming which transcripts
were taken with which version."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import cli, store
from bot.catalogue import Catalogue
from bot.engine.routes import transcript_path
from bot.loading import load_framework
from bot.scoring.source import dialogue_for, framework_for
from bot.scoring.versions import combined
from tests.conftest import DATA

ANSWER_KEYS = ("1", "2", "3", "4", "d")
"""Keys of the agree scale, which the last question of area two takes."""


def versions(folder: Path) -> dict[int, tuple[Path, Path]]:
    """The mini framework and its dialogue as version 1, and as version 2, where question
    b2 ("Members are well informed.") is replaced by a new question b3."""
    framework = (DATA / "mini.toml").read_text(encoding="utf-8")
    dialogue = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    second = framework.replace('version = "1"', 'version = "2"', 1).replace(
        'id = "b2"\ntext = "Members are well informed."',
        'id = "b3"\ntext = "Members attend every meeting."',
    )
    assert second.count('"b3"') == 1
    second_chat = dialogue.replace('next = "b2"', 'next = "b3"').replace(
        '[nodes.b2]\nask = "b2"', '[nodes.b3]\nask = "b3"'
    )
    found = {}
    for number, (fw, chat) in {1: (framework, dialogue), 2: (second, second_chat)}.items():
        (folder / f"v{number}").mkdir(parents=True, exist_ok=True)
        files = folder / f"v{number}" / "fw.toml", folder / f"v{number}" / "chat.toml"
        files[0].write_text(fw, encoding="utf-8")
        files[1].write_text(chat, encoding="utf-8")
        found[number] = files
    return found


def install(files: tuple[Path, Path]) -> None:
    """``add --replace`` the framework and its dialogue, as a user installs a revision."""
    assert cli.main(["add", "--replace", str(files[0]), str(files[1])]) == 0


def answers(last: str, protocol: str = "n") -> str:
    """Plain mode's input for a whole mini assessment, ``last`` the key for the last question."""
    middle = "y - signed in 2008\nthe county council\n" if protocol == "y" else "n - none\n"
    return f"3 - it works since 2008\n{middle}13\n{last} - as said\n:quit\n"


def take(monkeypatch: pytest.MonkeyPatch, name: str, typed: str, *command: str) -> None:
    """Take a whole assessment in plain mode."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    argv = list(command) or ["assess", "-f", "mini", "-d", "mini-chat", "--respondent", name]
    assert cli.main([*argv, "--plain"]) == 0


def aggregate_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    capsys.readouterr()
    assert cli.main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def statements_on_paths(files: Sequence[Path]) -> set[str]:
    """The statements answered on the transcripts' final paths, each read with the very
    framework version it was taken with."""
    found: set[str] = set()
    catalogue = Catalogue()
    for file in files:
        transcript = store.load(file).transcript
        loaded, _ = framework_for(transcript, file, catalogue)
        dialogue, _ = dialogue_for(transcript, file, catalogue, loaded)
        path = transcript_path(transcript, transcript.turns, dialogue)
        found |= {
            q.id
            for q in loaded.framework.questions()
            if path.on_path(q.id) and q.kind != "text" and not q.fact and q.id in path.answers
        }
    return found


def test_a_round_of_version_one_reported_after_version_two_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = versions(tmp_path)
    install(files[1])
    assert cli.main(["round", "new", "r", "--title", "R", "-f", "mini"]) == 0
    (tmp_path / "in.csv").write_text("name,mode\nAnn,self\nBob,self\n")
    assert cli.main(["round", "import", "in.csv"]) == 0
    for invitee in ("i001", "i002"):
        take(monkeypatch, "", answers("1"), "round", "assess", invitee)
    install(files[2])
    for argv in (
        ["round", "report"],
        ["report", str(tmp_path / "transcripts" / "rounds" / "r"), "--aggregate"],
    ):
        data = aggregate_json(capsys, *argv)
        assert data["framework"]["version"] == "1"
        assert [s["id"] for s in data["statements"]] == ["a1", "a2", "b1", "b2"]
        b2 = next(s for s in data["statements"] if s["id"] == "b2")
        assert (b2["n"], b2["disagree"]) == (2, 100.0)
        assert data["warnings"] == []
    capsys.readouterr()
    assert cli.main(["round", "report"]) == 0
    assert "Mini framework for tests, version 1 (" in capsys.readouterr().out


def test_transcripts_of_two_versions_list_both_and_say_which_is_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = versions(tmp_path)
    install(files[1])
    take(monkeypatch, "Ann", answers("1"))
    install(files[2])
    take(monkeypatch, "Bob", answers("4"))
    data = aggregate_json(capsys, "report", "transcripts", "--aggregate")
    assert data["framework"]["version"] == "1 and 2"
    assert data["framework"]["versions"] == 2
    rows = {s["id"]: (s["n"], s["agree"], s["disagree"]) for s in data["statements"]}
    assert rows["b2"] == (1, 0.0, 100.0)
    assert rows["b3"] == (1, 100.0, 0.0)
    (note,) = data["warnings"]
    ann = next(p.name for p in (tmp_path / "transcripts").glob("*-ann-*.toml"))
    bob = next(p.name for p in (tmp_path / "transcripts").glob("*-bob-*.toml"))
    assert f"version 1 (1 transcript: transcripts/{ann})" in note
    assert f"version 2 (1 transcript: transcripts/{bob})" in note
    assert (
        'Not in every version: b2 "Members are well informed." (in version 1 only), '
        'b3 "Members attend every meeting." (in version 2 only).'
    ) in note
    capsys.readouterr()
    assert cli.main(["report", "transcripts", "--aggregate"]) == 0
    out = capsys.readouterr().out
    assert "Mini framework for tests, versions 1 and 2 (" in out
    assert "Members are well informed." in out and "Members attend every meeting." in out


@contextmanager
def own_folders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh transcripts, data and cache folder (and working folder) for one example."""
    with tempfile.TemporaryDirectory() as name, monkeypatch.context() as patch:
        folder = Path(name)
        patch.setenv("PARTNERSHIP_BOT_TRANSCRIPTS", str(folder / "transcripts"))
        patch.setenv("PARTNERSHIP_BOT_CACHE", str(folder / "cache"))
        patch.setenv("PARTNERSHIP_BOT_DATA", str(folder / "user-data"))
        patch.chdir(folder)
        yield folder


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    taken=st.lists(
        st.tuples(st.sampled_from((1, 2)), st.sampled_from(ANSWER_KEYS), st.sampled_from("yn")),
        min_size=1,
        max_size=4,
    ),
    installed=st.sampled_from((1, 2)),
)
def test_an_aggregate_lists_every_statement_answered_on_the_final_paths(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    taken: list[tuple[int, str, str]],
    installed: int,
) -> None:
    with own_folders(monkeypatch) as folder:
        files = versions(folder / "files")
        for number, (version, last, protocol) in enumerate(taken):
            install(files[version])
            take(monkeypatch, f"Person {number}", answers(last, protocol))
        install(files[installed])
        transcripts = sorted((folder / "transcripts").glob("*.toml"))
        data = aggregate_json(capsys, "report", "transcripts", "--aggregate")
        assert {s["id"] for s in data["statements"]} == statements_on_paths(transcripts)
        used = {version for version, _, _ in taken}
        assert set(data["framework"]["version"].split(" and ")) == {str(v) for v in used}
        several = [w for w in data["warnings"] if "versions of the framework" in w]
        assert len(several) == (len(used) > 1)


def test_versions_together_keep_an_area_and_a_scale_only_the_earlier_has(tmp_path: Path) -> None:
    first = (DATA / "mini.toml").read_text(encoding="utf-8")
    second = first[: first.index('[[areas]]\nid = "two"')].replace('version = "1"', 'version = "2"')
    second = second.replace('label = "Strongly agree"', 'label = "Agree strongly"')
    (tmp_path / "v1.toml").write_text(first, encoding="utf-8")
    (tmp_path / "v2.toml").write_text(second, encoding="utf-8")
    older, newer = load_framework(tmp_path / "v1.toml"), load_framework(tmp_path / "v2.toml")
    together = combined([older, newer], ["1", "2"])
    framework = together.framework
    assert framework.version == "1 and 2"
    assert [a.id for a in framework.areas] == ["one", "two"]
    assert [q.id for q in framework.area("two").questions] == ["b1", "b2"]
    # a1 keeps the newer scale; b2, asked only in version 1, its own.
    labels = [o.label for o in framework.scale_of(framework.question("a1")).options]
    assert "Agree strongly" in labels
    labels = [o.label for o in framework.scale_of(framework.question("b2")).options]
    assert "Strongly agree" in labels
    assert {"fix-one", "fix-two"} <= set(together.actions)


def reworded(folder: Path, scaled: bool = False) -> dict[int, tuple[Path, Path]]:
    """The mini framework as version 1, and as version 2 with b2 reworded under its id
    (``scaled``: its words kept, answered on the yes/partly/no scale instead)."""
    framework = (DATA / "mini.toml").read_text(encoding="utf-8")
    dialogue = (DATA / "mini-chat.toml").read_text(encoding="utf-8")
    old = 'text = "Members are well informed."\nscale = "agree"'
    new = (
        'text = "Members are well informed."\nscale = "ypn"'
        if scaled
        else 'text = "Members are badly informed."\nscale = "agree"'
    )
    assert old in framework
    second = framework.replace('version = "1"', 'version = "2"', 1).replace(old, new)
    found = {}
    for number, fw in {1: framework, 2: second}.items():
        (folder / f"v{number}").mkdir(parents=True, exist_ok=True)
        files = folder / f"v{number}" / "fw.toml", folder / f"v{number}" / "chat.toml"
        files[0].write_text(fw, encoding="utf-8")
        files[1].write_text(dialogue, encoding="utf-8")
        found[number] = files
    return found


def test_a_statement_reworded_between_versions_is_never_pooled_under_one_wording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = reworded(tmp_path)
    install(files[1])
    take(monkeypatch, "Ann", answers("4"))
    install(files[2])
    take(monkeypatch, "Bob", answers("4"))
    data = aggregate_json(capsys, "report", "transcripts", "--aggregate")
    assert "b2" not in {s["id"] for s in data["statements"]}
    (note,) = data["warnings"]
    assert "but those worded or scaled differently between versions" in note
    assert (
        "Worded or scaled differently between versions, so left out of the statements "
        "(each version's answers still count toward its area's score): "
        'b2 "Members are well informed." (version 1) and '
        'b2 "Members are badly informed." (version 2).'
    ) in note


def test_versions_are_in_version_order_whichever_was_answered_last() -> None:
    """Version 1 answered after version 2 (or "10" beside "9") never makes the older
    version the newest: the header says "versions 1 and 2" and the highest lays it out."""
    from bot.scoring.aggregate import VersionUse
    from bot.scoring.versions import newest_last

    uses = {
        "two": VersionUse("2", "v2.toml", latest="2009-11-01T10:00:00+00:00"),
        "one": VersionUse("1", "v1.toml", latest="2009-11-02T10:00:00+00:00"),
    }
    assert newest_last(uses) == ["one", "two"]
    uses = {
        "ten": VersionUse("10", "a.toml", latest="2009-11-01T10:00:00+00:00"),
        "nine": VersionUse("9", "b.toml", latest="2009-11-02T10:00:00+00:00"),
    }
    assert newest_last(uses) == ["nine", "ten"]


def test_a_statement_scaled_differently_between_versions_is_never_pooled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = reworded(tmp_path, scaled=True)
    install(files[1])
    take(monkeypatch, "Ann", answers("4"))
    install(files[2])
    take(monkeypatch, "Bob", answers("y"))
    data = aggregate_json(capsys, "report", "transcripts", "--aggregate")
    assert "b2" not in {s["id"] for s in data["statements"]}
    (note,) = data["warnings"]
    assert (
        'b2 "Members are well informed." (version 1) and '
        'b2 "Members are well informed." (version 2).'
    ) in note
