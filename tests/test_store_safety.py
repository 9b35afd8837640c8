"""The store under attack and under a full disk: failed saves, links, locks and permissions."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot import conversation, store
from bot.catalogue import Catalogue
from bot.conversation import SaveError
from bot.model import Respondent
from tests.conftest import DATA, ROOT, Clock


@pytest.fixture
def test_catalogue() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def new(catalogue: Catalogue, folder: Path, clock: Clock) -> conversation.Conversation:
    talk = conversation.start(
        catalogue, "mini", "mini-chat", Respondent(name="Jane Smith"), folder, clock=clock
    )
    talk.begin()
    return talk


def half_then_full(monkeypatch: pytest.MonkeyPatch, failures: int) -> list[int]:
    """Make the next `failures` saves write half their bytes and then find the disk full."""
    real = os.pwrite
    left = [failures]

    def pwrite(fd: int, data: bytes | memoryview, offset: int) -> int:
        if left[0] > 0:
            left[0] -= 1
            real(fd, bytes(data[: len(data) // 2]), offset)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data, offset)

    monkeypatch.setattr(store.os, "pwrite", pwrite)
    return left


@pytest.mark.parametrize("failures", [1, 2, 7])
def test_a_save_that_fails_part_way_leaves_no_debris_for_the_next(
    test_catalogue: Catalogue,
    tmp_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    failures: int,
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    good = talk.path.read_bytes()
    half_then_full(monkeypatch, failures)
    for _ in range(failures):
        with pytest.raises(SaveError, match="Nothing already saved is lost; try again"):
            talk.answer("3 - we meet monthly")
        assert talk.path.read_bytes() == good, "the half-written save was cut off again"
    talk.answer("3 - we meet monthly")  # the retry that works
    talk.note("and a later save")
    talk.close()
    loaded = store.load(talk.path)
    assert loaded.dropped_bytes == 0
    assert loaded.transcript.turns == tuple(talk.session.turns)
    assert sum(t.kind == "answer" for t in loaded.transcript.turns) == 1


def test_debris_the_cut_could_not_remove_is_cut_before_the_next_save(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    half_then_full(monkeypatch, 1)
    real_truncate = os.ftruncate
    monkeypatch.setattr(store.os, "ftruncate", lambda fd, n: (_ for _ in ()).throw(OSError(5)))
    with pytest.raises(SaveError):
        talk.answer("3")
    monkeypatch.setattr(store.os, "ftruncate", real_truncate)
    talk.answer("3 - we meet monthly")
    talk.close()
    assert store.load(talk.path).transcript.turns == tuple(talk.session.turns)


DISK_FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from bot import conversation, store
    from bot.catalogue import Catalogue
    from bot.conversation import SaveError
    from bot.model import Respondent

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk gives EFBIG, not death
    data = Path(sys.argv[1])
    catalogue = Catalogue(framework_folders=[data], dialogue_folders=[data])
    talk = conversation.start(catalogue, "mini", "mini-chat", Respondent(name="J"), Path(sys.argv[2]))
    talk.begin()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Room for a few bytes more than the file holds: each save fails part-way.
    resource.setrlimit(resource.RLIMIT_FSIZE, (talk.path.stat().st_size + 40, hard))
    failures = 0
    for attempt in range(5):
        try:
            talk.answer("3 - we meet monthly, as the minutes show")
        except SaveError as error:
            failures += 1
            print("refused:", error, flush=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    talk.answer("3 - we meet monthly, as the minutes show")
    talk.close()
    print(failures, talk.path)
    """
)


def test_a_full_disk_then_room_again_gives_a_readable_transcript(tmp_path: Path) -> None:
    """A real full disk (a file size limit), not a simulated one."""
    result = subprocess.run(
        [sys.executable, "-c", DISK_FULL_CHILD, str(DATA), str(tmp_path / "t")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    failures, path = result.stdout.splitlines()[-1].split(" ", 1)
    assert failures == "5"
    loaded = store.load(Path(path))
    assert loaded.dropped_bytes == 0
    answers = [t for t in loaded.transcript.turns if t.kind == "answer"]
    assert [a.comment for a in answers] == ["we meet monthly, as the minutes show"]


def test_a_transcript_reached_through_a_symbolic_link_is_locked_as_itself(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path / "real", clock)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "alias.toml"
    link.symlink_to(talk.path)
    with pytest.raises(store.TranscriptInUse) as error:
        conversation.resume(test_catalogue, link, clock)
    assert f"in use by process {os.getpid()} on " in str(error.value)
    talk.close()
    conversation.resume(test_catalogue, link, clock).close()


def test_a_transcript_reached_through_a_hard_link_is_locked_as_itself(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path / "real", clock)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "alias.toml"
    os.link(talk.path, link)
    with pytest.raises(store.TranscriptInUse):
        conversation.resume(test_catalogue, link, clock)
    # And the other way round.
    talk.close()
    other = conversation.resume(test_catalogue, link, clock)
    with pytest.raises(store.TranscriptInUse):
        conversation.resume(test_catalogue, talk.path, clock)
    other.close()


def test_a_link_planted_at_the_lock_never_writes_through(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    talk.close()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock = talk.path.with_name(talk.path.name + ".lock")
    lock.symlink_to(victim)
    resumed = conversation.resume(test_catalogue, talk.path, clock)
    resumed.answer("3")
    resumed.close()
    assert victim.read_text() == "precious"
    assert lock.is_symlink(), "a link that is not ours is left alone"
    # A hard link planted there is not written either.
    lock.unlink()
    os.link(victim, lock)
    conversation.resume(test_catalogue, talk.path, clock).close()
    assert victim.read_text() == "precious"


def test_a_transcript_that_is_not_a_file_is_refused_clearly(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    from bot.problems import LoadError

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="is not a regular file"):
        conversation.resume(test_catalogue, fifo, clock)
    with pytest.raises(LoadError, match="is not a regular file"):
        store.load(fifo)
    with pytest.raises(LoadError, match="no such transcript"):
        conversation.resume(test_catalogue, tmp_path / "missing.toml", clock)


def test_folder_scans_follow_no_links_and_read_each_file_once(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    folder = tmp_path / "t"
    talk = new(test_catalogue, folder, clock)
    talk.close()
    outside = tmp_path / "outside"
    other = new(test_catalogue, outside, clock)
    other.close()
    (folder / "to-outside.toml").symlink_to(other.path)
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    os.link(talk.path, folder / "second-name.toml")
    found = list(store.iter_transcript_files([folder]))
    assert found == [talk.path] or found == [folder / "second-name.toml"]
    # Named directly, a link is the user's own choice and is followed.
    assert list(store.iter_transcript_files([folder / "to-outside.toml"])) == [
        folder / "to-outside.toml"
    ]
    assert [s.path for s in store.summaries(folder)] != []
    assert all(not s.path.is_symlink() for s in store.summaries(folder))


def test_a_framework_copy_reached_through_a_link_is_not_used_or_written(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    from bot.scoring.source import framework_for

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / store.SNAPSHOTS).symlink_to(elsewhere, target_is_directory=True)
    talk = new(test_catalogue, folder, clock)
    talk.close()
    assert list(elsewhere.iterdir()) == [], "nothing written through the linked folder"
    (folder / store.SNAPSHOTS).unlink()
    # A copy that is a link to a framework elsewhere is not taken as the one kept.
    digest = store.load(talk.path).transcript.framework.hash
    planted = elsewhere / "planted.toml"
    planted.write_bytes((DATA / "mini.toml").read_bytes())
    copy = store.snapshot_path(folder, digest)
    copy.parent.mkdir()
    copy.symlink_to(planted)
    assert store.find_snapshot(folder, digest) is None
    loaded, _ = framework_for(store.load(talk.path).transcript, talk.path, test_catalogue)
    assert loaded.path != copy


def test_a_cache_file_that_is_a_link_is_not_used(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    from bot.scoring.aggregate import Filters, aggregate
    from bot.scoring.summary import CACHE_FILE

    folder = tmp_path / "t"
    new(test_catalogue, folder, clock).close()
    cache = tmp_path / "cache"
    cache.mkdir()
    victim = tmp_path / "victim"
    victim.write_bytes(b"")  # an empty file is a database sqlite would gladly fill
    (cache / CACHE_FILE).symlink_to(victim)
    files = list(store.iter_transcript_files([folder]))
    aggregate(files, test_catalogue, Filters(include_unfinished=True), cache_folder=cache)
    assert victim.read_bytes() == b""
    (cache / CACHE_FILE).unlink()
    dangling = tmp_path / "made-through-a-link"
    (cache / CACHE_FILE).symlink_to(dangling)
    aggregate(files, test_catalogue, Filters(include_unfinished=True), cache_folder=cache)
    assert not dangling.exists()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_holding_respondents_words_is_owner_only_whatever_the_umask(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    from bot.scoring.aggregate import Filters, aggregate
    from bot.scoring.summary import CACHE_FILE

    previous = os.umask(0o022)
    try:
        folder = tmp_path / "deep" / "er" / "t"
        talk = new(test_catalogue, folder, clock)
        talk.answer("3")
        talk.close()
        assert mode(talk.path) == 0o600
        for made in (folder, folder.parent, folder.parent.parent):
            assert mode(made) == 0o700, made
        cache = tmp_path / "c" / "partnership-bot"
        files = list(store.iter_transcript_files([folder]))
        aggregate(files, test_catalogue, Filters(include_unfinished=True), cache_folder=cache)
        assert mode(cache) == 0o700 and mode(cache.parent) == 0o700
        for part in cache.iterdir():
            assert part.name.startswith(CACHE_FILE)
            assert mode(part) == 0o600, part
        from tests.plain_driver import run

        new(test_catalogue, folder, clock).close()
        result = run("report", str(folder), "--format", "md", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        reports = tmp_path / "reports"
        assert mode(reports) == 0o700
        assert [mode(p) for p in reports.iterdir()] == [0o600, 0o600]
        result = run("report", str(talk.path), "-o", "out.md", cwd=tmp_path)
        assert mode(tmp_path / "out.md") == 0o600
    finally:
        os.umask(previous)


def test_in_use_sees_the_lock_on_the_file_itself(
    test_catalogue: Catalogue, tmp_path: Path, clock: Clock
) -> None:
    talk = new(test_catalogue, tmp_path, clock)
    link = tmp_path / "alias.toml"
    link.symlink_to(talk.path)
    assert store.in_use(talk.path) and store.in_use(link)
    talk.close()
    assert not store.in_use(talk.path) and not store.in_use(link)
