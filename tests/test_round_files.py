"""A round's files: round.toml errors, CSV import (all rows or none), and the call log's
durability (torn last line, a process killed while appending, two writers at once)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.problems import MODE_WORDS, LoadError, closest
from bot.rounds import calls
from bot.rounds.calls import CallEntry
from bot.rounds.folder import create, find_rounds, import_csv, load_round, resolve
from bot.rounds.model import Invitee, Round

NOW = datetime(2009, 11, 20, 12, 0, tzinfo=UTC)


def new_round(folder: Path) -> Path:
    create(folder, Round(title="Review 2009/10", framework="hertfordshire-review"))
    return folder


def entry(who: str = "i001", outcome: str = "no_answer", note: str = "") -> CallEntry:
    return CallEntry(at=NOW, invitee=who, caller="Sam", outcome=outcome, note=note)


def test_round_toml_errors_name_file_key_line_and_suggest(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "round.toml").write_text(
        'title = "R"\nframework = "hertfordshire-review"\nmax_atempts = 3\n\n'
        '[[invitees]]\nid = "a"\nname = "Ann"\nmode = "phone"\n\n'
        '[[invitees]]\nid = "a"\nname = "Bob"\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_round(folder)
    text = str(caught.value)
    assert (
        'round.toml:3: max_atempts: unknown key "max_atempts"; did you mean "max_attempts"?' in text
    )
    assert "round.toml:8: invitees[0].mode: expected 'self' or 'telephone', found \"phone\"" in text
    (folder / "round.toml").write_text(
        'title = "R"\nframework = "hertfordshire-review"\n\n'
        '[[invitees]]\nid = "a"\nname = "Ann"\n\n[[invitees]]\nid = "A"\nname = "Bob"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        LoadError, match=r'round.toml:9: invitees\[1\].id: invitee id "A" is used twice'
    ):
        load_round(folder)


def test_a_folder_without_round_toml_is_named(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"is not a round: it has no round\.toml"):
        load_round(tmp_path)


def test_new_round_is_private_and_not_overwritten(tmp_path: Path) -> None:
    folder = new_round(tmp_path / "rounds" / "r")
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert (load_round(folder).path.stat().st_mode & 0o777) == 0o600
    with pytest.raises(LoadError, match="already exists"):
        new_round(folder)
    assert find_rounds(tmp_path) == [folder]
    assert resolve("r", tmp_path) == folder


def test_a_shared_contact_with_another_name_and_organisation_is_another_person(
    tmp_path: Path,
) -> None:
    """A switchboard number or a shared inbox: a row giving an invitee's contact with a
    name and an organisation both of its own is added, never renames that invitee."""
    folder = new_round(tmp_path / "r")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "name,organisation,mode,contact\n"
        "Cllr Ann Smith,Herts CC,telephone,01707 000001\n"
        "Bo,Police,self,bo@example.org\n",
        encoding="utf-8",
    )
    import_csv(folder, csv_file)
    csv_file.write_text(
        "name,organisation,mode,contact\n"
        "Brand New Person,Other Org,self,(01707) 000-001\n"
        "Ann Smith,Herts CC,telephone,01707 000001\n"
        "Bo,Herts Police,self,bo@example.org\n",
        encoding="utf-8",
    )
    _, done = import_csv(folder, csv_file)
    assert [(i.id, i.name) for i in done.added] == [("i003", "Brand New Person")]
    assert done.describe() == "2 already invited (2 updated: i001, i002), 1 added"
    assert done.changes() == [
        "updated i001 Cllr Ann Smith: name Cllr Ann Smith -> Ann Smith",
        "updated i002 Bo: organisation Police -> Herts Police",
        "added i003 Brand New Person (shares (01707) 000-001 with i001 Cllr Ann Smith)",
    ]
    invitees = load_round(folder).round.invitees
    assert [(i.id, i.name, i.organisation, i.mode) for i in invitees] == [
        ("i001", "Ann Smith", "Herts CC", "telephone"),
        ("i002", "Bo", "Herts Police", "self"),
        ("i003", "Brand New Person", "Other Org", "self"),
    ]


def _imported(folder: Path, tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(text, encoding="utf-8")
    return import_csv(folder, csv_file)[1]


def test_a_name_and_organisation_wins_over_a_shared_switchboard(tmp_path: Path) -> None:
    """Bob giving the council's switchboard (Ann's number) updates Bob, or adds him:
    a contact with another name never renames Ann."""
    folder = new_round(tmp_path / "r")
    _imported(
        folder,
        tmp_path,
        "name,organisation,mode,contact\n"
        "Ann Smith,Herts CC,telephone,01707 000001\n"
        "Bob Jones,Herts CC,telephone,01707 000002\n",
    )
    done = _imported(
        folder,
        tmp_path,
        "name,organisation,mode,contact\nBob Jones,Herts CC,telephone,01707 000001\n",
    )
    assert done.changes() == ["updated i002 Bob Jones: contact 01707 000002 -> 01707 000001"]
    invitees = load_round(folder).round.invitees
    assert [(i.id, i.name) for i in invitees] == [("i001", "Ann Smith"), ("i002", "Bob Jones")]
    other = new_round(tmp_path / "r2")
    _imported(
        other,
        tmp_path,
        "name,organisation,mode,contact\nAnn Smith,Herts CC,telephone,01707 000001\n",
    )
    done = _imported(
        other,
        tmp_path,
        "name,organisation,mode,contact\nBob Jones,Herts CC,telephone,01707 000001\n",
    )
    assert [(i.id, i.name) for i in done.added] == [("i002", "Bob Jones")]
    assert [i.name for i in load_round(other).round.invitees] == ["Ann Smith", "Bob Jones"]


def test_a_title_or_another_organisation_with_the_same_name_and_contact_is_the_same_person(
    tmp_path: Path,
) -> None:
    """Titles are aside when names are compared: the same name and contact is one person,
    whatever the row's organisation (none, or another form of it)."""
    folder = new_round(tmp_path / "r")
    _imported(
        folder,
        tmp_path,
        "name,organisation,mode,contact\n"
        "Ann Smith,Herts CC,telephone,01707 000001\n"
        "Cllr Carol White,Hertfordshire County Council,telephone,01707 000009\n",
    )
    done = _imported(folder, tmp_path, "name,contact\nDr Ann Smith,01707 000001\n")
    assert done.added == []
    assert done.changes() == ["updated i001 Ann Smith: name Ann Smith -> Dr Ann Smith"]
    done = _imported(
        folder,
        tmp_path,
        "name,organisation,mode,contact\nCarol White,Herts CC,telephone,01707000009\n",
    )
    assert done.added == []
    assert [i.id for i in done.updated] == ["i002"]
    assert len(load_round(folder).round.invitees) == 2


def test_a_csv_separated_by_semicolons_is_told_the_separator_is_a_comma(tmp_path: Path) -> None:
    folder = new_round(tmp_path / "r")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("name;organisation;mode\nAl;Herts CC;self\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        import_csv(folder, csv_file)
    text = str(caught.value)
    assert 'separates its columns with ";": the separator must be a comma' in text
    assert "unknown column" not in text
    assert load_round(folder).round.invitees == ()


def test_import_adds_numbered_invitees(tmp_path: Path) -> None:
    folder = new_round(tmp_path / "r")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "\ufeffName,Organisation,Role,Sector,Mode,Contact\n"
        "Ann Smith,Herts CC,Councillor,public,self,ann@example.org\n"
        "Bob Jones,Police,Inspector,public,Telephone,01707 000001\n\n",
        encoding="utf-8",
    )
    _, done = import_csv(folder, csv_file)
    assert [i.id for i in done.added] == ["i001", "i002"]
    assert load_round(folder).round.invitees[1].mode == "telephone"


def test_importing_the_same_people_again_adds_no_one(tmp_path: Path) -> None:
    folder = new_round(tmp_path / "r")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "name,organisation,mode,contact\n"
        "Al,Herts CC,telephone,01707 000001\n"
        "Bea,Police,self,bea@example.org\n"
        "Cy,Herts CC,self,\n",
        encoding="utf-8",
    )
    import_csv(folder, csv_file)
    before = (folder / "round.toml").read_bytes()
    _, done = import_csv(folder, csv_file)
    assert (done.added, done.updated, len(done.unchanged)) == ([], [], 3)
    assert done.describe() == "3 already invited, 0 added"
    assert (folder / "round.toml").read_bytes() == before
    # The same person by name and organisation (case and spacing ignored), by name and
    # contact, or by id: updated from the row's cells, never added twice.
    csv_file.write_text(
        "id,name,organisation,role,contact\n"
        ",al,HERTS  cc,Councillor,\n"
        ",BEA,Herts Police,,bea@example.org\n"
        "i003,Cy,Herts CC,Officer,\n"
        ",Dee,Fire,,01707 000002\n",
        encoding="utf-8",
    )
    _, done = import_csv(folder, csv_file)
    assert [i.id for i in done.added] == ["i004"]
    assert [i.id for i in done.updated] == ["i001", "i002", "i003"]
    assert done.describe() == "3 already invited (3 updated: i001, i002, i003), 1 added"
    assert done.changes() == [
        "updated i001 Al: role (none) -> Councillor",
        "updated i002 Bea: organisation Police -> Herts Police",
        "updated i003 Cy: role (none) -> Officer",
    ]
    invitees = load_round(folder).round.invitees
    assert [(i.id, i.name, i.role) for i in invitees] == [
        ("i001", "Al", "Councillor"),
        ("i002", "Bea", ""),
        ("i003", "Cy", "Officer"),
        ("i004", "Dee", ""),
    ]
    assert invitees[0].mode == "telephone"  # no mode column: left as it was


def test_a_csv_takes_the_words_for_a_mode_that_a_file_is_told_it_meant(tmp_path: Path) -> None:
    # One list: every word the CSV takes for a way of taking part is the one a round.toml
    # writing it is told it meant, and every word that suggestion reads the CSV takes.
    modes = ("self", "telephone")
    for mode, words in MODE_WORDS.items():
        for word in words:
            assert closest(word, modes) == mode, word
    folder = new_round(tmp_path / "r")
    rows = [("Ann", "call"), ("Bob", "Chat"), ("Cat", "Self-assessment"), ("Dan", "TEL")]
    rows += [(f"P{n}", word) for n, word in enumerate(w for ws in MODE_WORDS.values() for w in ws)]
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("name,mode\n" + "".join(f"{n},{m}\n" for n, m in rows), encoding="utf-8")
    loaded, _ = import_csv(folder, csv_file)
    taken = {i.name: i.mode for i in loaded.round.invitees}
    for name, word in rows:
        assert taken[name] == closest(word, modes), (name, word)


def test_a_bad_row_imports_nothing_and_every_bad_row_is_named(tmp_path: Path) -> None:
    folder = new_round(tmp_path / "r")
    before = (folder / "round.toml").read_bytes()
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "id,name,role,mode\n"
        "a1,Ann,Councillor,self\n"
        "a2,,Councillor,self\n"
        "a3,Cat,Councillor,fax\n"
        "a1,Dan,Councillor,self\n"
        "a 5,Eve,Councillor,self\n"
        "a6,Fay,Councillor,self,extra\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        import_csv(folder, csv_file)
    lines = str(caught.value).splitlines()
    assert lines == [
        "in.csv:3: name: must not be empty",
        'in.csv:4: mode: "fax" is not a way of taking part; use self or telephone',
        'in.csv:5: id: the id "a1" is on line 2 too (a1, Ann): an id, a name with an '
        "organisation, or a name with a contact names one invitee. If lines 2 and 5 are the same person, "
        "delete one of them; if not, give this row another id, or leave its id empty",
        'in.csv:6: id: "a 5" is not a valid id: use letters, digits, - and _',
        "in.csv:7: has 5 cells, the header 4 columns",
    ]
    assert (folder / "round.toml").read_bytes() == before
    csv_file.write_text("nme,role\nAnn,x\n", encoding="utf-8")
    with pytest.raises(LoadError, match=re.escape('unknown column "nme"; did you mean "name"?')):
        import_csv(folder, csv_file)


def test_call_log_round_trip_and_private(tmp_path: Path) -> None:
    calls.append(tmp_path, [entry(note='said "later" \n\x1b[31m')])
    assert calls.read(tmp_path).entries == (entry(note='said "later" \n\x1b[31m'),)
    assert (calls.calls_path(tmp_path).stat().st_mode & 0o777) == 0o600


def test_a_torn_last_line_is_dropped_and_cut_before_the_next_append(tmp_path: Path) -> None:
    calls.append(tmp_path, [entry("a"), entry("b")])
    path = calls.calls_path(tmp_path)
    whole = path.read_bytes()
    with path.open("ab") as handle:
        handle.write(entry("c").line().encode()[:25])  # killed mid-write: no newline
    log = calls.read(tmp_path)
    assert [e.invitee for e in log.entries] == ["a", "b"]
    assert log.dropped_bytes == 25
    calls.append(tmp_path, [entry("d")])
    assert path.read_bytes() == whole + entry("d").line().encode()


def test_a_damaged_whole_line_is_an_error_with_its_line(tmp_path: Path) -> None:
    calls.append(tmp_path, [entry("a")])
    with calls.calls_path(tmp_path).open("a") as handle:
        handle.write('{"at": "2009-11-20T12:00:00Z", "invitee": "b", "outcome": "gone"}\n')
        handle.write("not json\n")
    with pytest.raises(LoadError) as caught:
        calls.read(tmp_path)
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith("calls.jsonl:2: outcome: ")
    assert problems[1] == "calls.jsonl:3: is not a call log entry (one JSON object per line)"


APPENDER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from bot.rounds import calls
from bot.rounds.calls import CallEntry
folder, who, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for n in range(count):
    calls.append(folder, [CallEntry(at=datetime.now(UTC), invitee=who, caller=who,
                                    outcome="no_answer", note=str(n) * (n % 300))])
    print(n, flush=True)
"""


def _appender(folder: Path, who: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", APPENDER, str(folder), who, str(count)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )


def test_two_writers_never_lose_each_others_entries(tmp_path: Path) -> None:
    first, second = _appender(tmp_path, "a", 150), _appender(tmp_path, "b", 150)
    assert first.wait(60) == 0 and second.wait(60) == 0
    entries = calls.read(tmp_path).entries
    for who in ("a", "b"):
        notes = [e.note for e in entries if e.invitee == who]
        assert notes == [str(n) * (n % 300) for n in range(150)]


@pytest.mark.e2e
def test_killed_while_appending_loses_at_most_the_entry_being_written(tmp_path: Path) -> None:
    acknowledged = 0
    for kill in range(12):
        process = _appender(tmp_path, f"w{kill}", 100_000)
        assert process.stdout is not None
        seen = -1
        deadline = time.monotonic() + 0.05 + kill * 0.02
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line:
                seen = int(line)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        log = calls.read(tmp_path)  # never unreadable
        mine = [e for e in log.entries if e.invitee == f"w{kill}"]
        assert len(mine) >= seen + 1, "an acknowledged entry was lost"
        acknowledged += len(mine)
        assert len(log.entries) == acknowledged
    # Writing carries on cleanly after the last kill.
    calls.append(tmp_path, [entry("after")])
    assert calls.read(tmp_path).entries[-1].invitee == "after"
    assert all(json.loads(line) for line in calls.calls_path(tmp_path).read_text().splitlines())


def test_times_need_a_zone() -> None:
    with pytest.raises(ValueError, match="needs its time zone"):
        CallEntry(at=datetime(2009, 1, 1) + timedelta(0), invitee="a", outcome="busy")


def test_validate_checks_a_round(tmp_path: Path) -> None:
    from bot.catalogue import Catalogue
    from bot.validate import validate

    folder = tmp_path / "r"
    create(
        folder,
        Round(
            title="R",
            framework="hertfordshire-review",
            self_dialogue="hertfordshire-interview",
            invitees=(Invitee(id="a", name="Ann"),),
        ),
    )
    calls.append(folder, [entry("a"), entry("b")])
    report = validate([folder], Catalogue())
    assert [str(p) for p in report.problems] == [
        'r/round.toml:4: self_dialogue: "hertfordshire-interview" is a telephone dialogue; '
        "self_dialogue needs a self one",
        'r/calls.jsonl:2: invitee: "b" is not an invitee of the round',
    ]
    assert report.checked == ["r"]


def test_links_in_a_round_folder_are_not_followed(tmp_path: Path) -> None:
    from bot.rounds.work import transcript_files

    folder = new_round(tmp_path / "round")
    (folder / "a.toml").write_text("# a transcript\n")
    outside = tmp_path / "elsewhere.toml"
    outside.write_text("# not the round's\n")
    (folder / "b.toml").symlink_to(outside)
    (folder / "c.toml").symlink_to(folder / "a.toml")
    assert [p.name for p in transcript_files(folder)] == ["a.toml"]
