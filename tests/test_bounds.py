"""Bounds at load for every TOML file, one size limit everywhere, and an aggregate that
lists each bad file as skipped and counts the rest exactly as without them."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from bot import conversation, limits, store
from bot.catalogue import Catalogue
from bot.loading import load_framework, read_bytes
from bot.model import Respondent
from bot.problems import LoadError
from bot.report.aggregate import aggregate_data
from bot.report.render import render_aggregate
from bot.scoring.aggregate import Filters, aggregate
from tests.conftest import DATA, Clock
from tests.scripted import make

FRAMEWORK = (DATA / "mini.toml").read_text()


@pytest.fixture
def cat() -> Catalogue:
    return Catalogue(framework_folders=[DATA], dialogue_folders=[DATA])


def good(cat: Catalogue, folder: Path, count: int) -> list[Path]:
    """Complete transcripts whose probe replies all differ, so that quotes can tell them apart."""
    paths = []
    for index in range(count):
        path, _ = make(
            cat,
            folder,
            "mini",
            "mini-chat",
            ["1", "n", "13", "1"],
            Respondent(name=f"Person {index}", role="Officer", sector="public"),
            probe_reply=f"reply number {index} from the minutes of March",
        )
        paths.append(path)
    return paths


def edited(path: Path, old: str, new: str, target: Path) -> Path:
    """A copy of a transcript with one edit in its first save (so no check is affected)."""
    text = path.read_text()
    assert old in text, old
    target.write_text(text.replace(old, new, 1))
    return target


BAD_VALUES = [
    ("seq = 1\n", "seq = " + "9" * 5000 + "\n", "too long"),
    ("seq = 1\n", "seq = " + "9" * 4000 + "\n", "out of range"),
    ("seq = 1\n", "seq = 1\ndeep = " + "[" * 3000 + "]" * 3000 + "\n", "nested"),
    ("seq = 1\n", "seq = 1\ndeep = " + "[" * 40 + "]" * 40 + "\n", "nested"),
    ("started = ", "started = 9999-12-31 23:59:59-23:59\nx = ", "out of range"),
    ("score = 0.0", "score = nan", "not a number"),
    ("score = 0.0", "score = inf", "not a finite number"),
    ("score = 0.0", "score = 1e308", "out of range"),
    ("score = 0.0", "score = -1e400", "not a finite number"),
]


@pytest.mark.parametrize(("old", "new", "reason"), BAD_VALUES)
def test_hand_edited_transcripts_out_of_bounds_are_refused_clearly(
    cat: Catalogue, tmp_path: Path, old: str, new: str, reason: str
) -> None:
    (source,) = good(cat, tmp_path / "good", 1)
    if old == "started = ":
        text = source.read_text()
        start = text.index("started = ")
        end = text.index("\n", start)
        target = tmp_path / "bad.toml"
        target.write_text(text[:start] + "started = 9999-12-31 23:59:59-23:59" + text[end:])
    else:
        target = edited(source, old, new, tmp_path / "bad.toml")
    with pytest.raises(LoadError) as error:
        store.load(target)
    message = str(error.value)
    assert message.startswith("bad.toml"), message
    assert reason in message, message
    # The same through resume: a clear error, the file untouched.
    before = target.read_bytes()
    with pytest.raises(LoadError):
        conversation.resume(cat, target, Clock())
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        (
            'label = "Agree", score = 2',
            'label = "Agree", score = nan',
            "options[2].score",
            "not a number",
        ),
        ('scale = "agree"\n', 'scale = "agree"\nweight = 1e400\n', "weight", "not a finite number"),
        ('scale = "agree"\n', 'scale = "agree"\nweight = 1e308\n', "weight", "out of range"),
        ('scale = "agree"\n', 'scale = "agree"\nweight = ' + "1" * 5000 + "\n", "", "too long"),
        (
            'version = "1"\n',
            'version = "1"\nx = ' + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
            "",
            "nested",
        ),
        ('version = "1"\n', 'version = "1"\nx = ' + "[" * 5000 + "]" * 5000 + "\n", "", "nested"),
    ],
)
def test_frameworks_out_of_bounds_are_refused_clearly(
    tmp_path: Path, old: str, new: str, key: str, reason: str
) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(FRAMEWORK.replace(old, new, 1))
    with pytest.raises(LoadError) as error:
        load_framework(path)
    message = str(error.value)
    assert message.startswith("mini.toml"), message
    assert key in message and reason in message, message


def test_validate_names_a_non_finite_weight(tmp_path: Path) -> None:
    from tests.plain_driver import run

    path = tmp_path / "mini.toml"
    path.write_text(FRAMEWORK.replace('scale = "agree"\n', 'scale = "agree"\nweight = 1e400\n', 1))
    result = run("validate", str(path), cwd=tmp_path)
    assert result.returncode != 0
    assert "weight: inf is not a finite number" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_every_file_the_program_writes_is_within_the_bounds(cat: Catalogue, tmp_path: Path) -> None:
    (path,) = good(cat, tmp_path, 1)
    assert store.load(path).transcript.status == "complete"
    for shipped in [*Path("/").glob("nothing"), *DATA.glob("*.toml")]:
        read_bytes(shipped)


def test_the_size_limit_is_checked_before_reading(
    cat: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (source,) = good(cat, tmp_path / "good", 1)
    big = tmp_path / "big.toml"
    big.write_bytes(source.read_bytes())
    with big.open("r+b") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk, but 50 MB to read
    import bot.loading

    read, pread = os.read, os.pread

    def oversized(fd: int) -> bool:
        return os.fstat(fd).st_size >= limits.MAX_FILE_BYTES

    # Only the oversized file must never be read: the frameworks an aggregate hashes are.
    def no_read(fd: int, size: int) -> bytes:
        if oversized(fd):
            raise AssertionError("an oversized file was read")
        return read(fd, size)

    def no_pread(fd: int, size: int, offset: int) -> bytes:
        if oversized(fd):
            raise AssertionError("an oversized file was read")
        return pread(fd, size, offset)

    monkeypatch.setattr(bot.loading.os, "read", no_read)
    monkeypatch.setattr(store.os, "pread", no_pread)
    expected = f"is 50,000,000 bytes or more, over the limit of {limits.MAX_FILE_BYTES:,} bytes"
    with pytest.raises(LoadError, match=expected):
        store.load(big)  # report FILE and replay
    with pytest.raises(LoadError, match=expected):
        conversation.resume(cat, big, Clock())
    totals, run = aggregate([big], cat, Filters(include_unfinished=True))
    assert (
        not totals
        and run.failed
        == [("big.toml", expected.replace(",", ",") + " for any file this program reads")]
    ) or expected in run.failed[0][1]


def mixed_folder(cat: Catalogue, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A folder of good transcripts, and a copy with every kind of bad file added."""
    good_folder = tmp_path / "good"
    paths = good(cat, good_folder, 6)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for path in paths:
        (mixed / path.name).write_bytes(path.read_bytes())
    source = paths[0]
    bad: list[str] = []
    for index, (old, new, _) in enumerate(BAD_VALUES):
        if old == "started = ":
            text = source.read_text()
            start = text.index("started = ")
            end = text.index("\n", start)
            (mixed / f"bad-{index}.toml").write_text(
                text[:start] + "started = 9999-12-31 23:59:59-23:59" + text[end:]
            )
        else:
            edited(source, old, new, mixed / f"bad-{index}.toml")
        bad.append(f"bad-{index}.toml")
    big = mixed / "big.toml"
    big.write_bytes(source.read_bytes())
    with big.open("r+b") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)
    (mixed / "not-utf8.toml").write_bytes(source.read_bytes().replace(b"Person", b"P\xffrson", 1))
    (mixed / "not-toml.toml").write_text("this = [is not")
    (mixed / "empty.toml").write_bytes(b"")
    (mixed / "cut.toml").write_bytes(source.read_bytes()[:300])
    os.mkfifo(mixed / "fifo.toml")
    bad += ["big.toml", "not-utf8.toml", "not-toml.toml", "empty.toml", "cut.toml", "fifo.toml"]
    outside = tmp_path / "outside.toml"
    outside.write_bytes(source.read_bytes())
    (mixed / "link.toml").symlink_to(outside)  # not followed: not counted, not listed
    return good_folder, mixed, bad


def figures(cat: Catalogue, folder: Path) -> tuple[dict, list[str]]:
    files = list(store.iter_transcript_files([folder]))
    totals, run = aggregate(files, cat, Filters(), cache_folder=folder.parent / "cache")
    ((framework_id, framework_totals),) = totals.items()
    data = aggregate_data(framework_id, framework_totals, run, cat, Filters(), anonymise=False)
    failed = [f["file"] for f in data.pop("failed")]
    return data, failed


def test_an_aggregate_over_every_kind_of_bad_file_counts_the_good_ones_unchanged(
    cat: Catalogue, tmp_path: Path
) -> None:
    good_folder, mixed, bad = mixed_folder(cat, tmp_path)
    expected, none_failed = figures(cat, good_folder)
    assert none_failed == [] and expected["respondents"] == 6
    data, failed = figures(cat, mixed)
    assert sorted(Path(f).name for f in failed) == sorted(bad)
    assert data == expected


def test_an_aggregate_is_the_same_whatever_order_its_files_come_in(
    cat: Catalogue, tmp_path: Path
) -> None:
    """Quotes, sums and the skipped list do not depend on which file is summarised first."""
    _, mixed, _ = mixed_folder(cat, tmp_path)
    files = list(store.iter_transcript_files([mixed]))
    outputs = set()
    for seed in range(4):
        random.Random(seed).shuffle(files)
        totals, run = aggregate(files, cat, Filters())
        ((framework_id, framework_totals),) = totals.items()
        data = aggregate_data(framework_id, framework_totals, run, cat, Filters(), False)
        outputs.add(json.dumps(data, sort_keys=True))
        outputs.add(render_aggregate(data, "md"))
    assert len(outputs) == 2, "one JSON and one Markdown text, whatever the order"
