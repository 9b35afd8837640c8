"""Aggregate many realistic transcripts, against a bare single-process tomllib parse of
the same files in the same run; then again over unchanged files (the summary cache);
the cost per file in one process with and without remembering the checked framework;
and peak memory at 1,000 against the full count.

    python benchmarks/aggregate.py [--count 10000] [--corpus DIR]

The corpus is made as real transcripts are: `conversation.start` creates each one through
the store (header written atomically, the framework's copy kept in `.frameworks/` beside
the transcripts), and every answer is saved as the app saves it, one append per answer,
sealed with its check. Only the wait for the disk (fsync) is skipped while generating,
which changes no byte. Answers are random, mostly middling, to working-better-together
(about 113 turns each). Keep the corpus with --corpus to reuse it in later runs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import conversation, remembered, store
from bot.catalogue import Catalogue
from bot.model import Respondent

ROLES = ["Councillor", "Officer", "Police", "Health", "Voluntary sector", "Business"]
SECTORS = ["public", "voluntary", "business"]
REPLIES = [
    "We lack the resources",
    "The 2009 minutes record it",
    "I think so",
    "Not sure who decides",
]
FRAMEWORK = "working-better-together"


def make_one(job: tuple[int, str]) -> int:
    """Take transcript number `index` in `folder` as the app would; returns its turn count."""
    index, folder = job
    os.fsync = lambda fd: None  # generating only: the bytes written are the same
    rng = random.Random(index)
    moment = datetime(2009, 1, 1, tzinfo=UTC) + timedelta(minutes=index)

    def clock() -> datetime:
        nonlocal moment
        moment += timedelta(seconds=rng.randint(5, 90))
        return moment

    respondent = Respondent(
        name=f"Respondent {index}",
        role=rng.choice(ROLES),
        sector=rng.choice(SECTORS),
        partnership="Bench",
    )
    talk = conversation.start(
        Catalogue(),
        FRAMEWORK,
        None,
        respondent,
        Path(folder),
        clock=clock,
        transcript_id=f"{index:032x}",
    )
    talk.begin()
    while not talk.session.over:
        prompt = talk.current()
        if prompt.kind == "probe":
            if rng.random() < 0.7:
                talk.answer(rng.choice(REPLIES))
            else:
                talk.skip()
        elif prompt.options:
            # Mostly middling answers, as real ones are.
            talk.answer(
                rng.choice(["1", "2", "3", "3", "3", "3", "4 - minutes of March 2009", "d"])
            )
        else:
            talk.answer("The Board agreed it in March 2009")
    talk.close()
    return len(talk.session.turns)


def ensure_corpus(folder: Path, count: int) -> list[Path]:
    """`count` transcripts in `folder` (made when missing), in a stable order."""
    folder.mkdir(parents=True, exist_ok=True)
    have = sorted(store.iter_transcript_files([folder]))
    if len(have) < count:
        missing = range(len(have), count)
        print(f"taking {len(missing)} transcripts with the engine...", flush=True)
        with multiprocessing.get_context("spawn").Pool(os.cpu_count() or 1) as pool:
            turns = pool.map(make_one, [(i, str(folder)) for i in missing], chunksize=25)
        print(f"  about {sum(turns) / len(turns):.0f} turns each", flush=True)
        have = sorted(store.iter_transcript_files([folder]))
    return have[:count]


def bare_parse(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        tomllib.loads(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def aggregate_once(paths: list[Path], cache: Path) -> tuple[float, int, int]:
    """Seconds to aggregate, respondents counted, summaries taken from the cache."""
    from bot.scoring.aggregate import Filters, aggregate

    start = time.perf_counter()
    totals, run = aggregate(paths, Catalogue(), Filters(), cache_folder=cache)
    seconds = time.perf_counter() - start
    return seconds, sum(t.respondents for t in totals.values()), run.cached


def per_file(paths: list[Path], remember: bool) -> float:
    """Milliseconds to summarise one file in this process (read, parse, check, score),
    with the checked framework remembered or, as before, checked for every file."""
    from bot.scoring.summary import summarise_text

    remembered.forget()
    recall, keep = remembered.recall, remembered.keep
    if not remember:
        remembered.recall, remembered.keep = (lambda *a: None), (lambda *a: None)
    try:
        catalogue = Catalogue()
        start = time.perf_counter()
        for path in paths:
            summarise_text(path.read_text(encoding="utf-8"), path, catalogue, current=False)
        return (time.perf_counter() - start) / len(paths) * 1000
    finally:
        remembered.recall, remembered.keep = recall, keep


MEMORY = """
import resource, sys
from pathlib import Path
from bot.catalogue import Catalogue
from bot.scoring.aggregate import Filters, aggregate
paths = [Path(p.strip()) for p in open(sys.argv[1])]
aggregate(paths, Catalogue(), Filters(), cache_folder=None)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_memory(paths: list[Path], scratch: Path) -> tuple[int, int]:
    """Peak resident kB of the aggregating process and of its largest worker (no caches)."""
    listing = scratch / f"paths-{len(paths)}.txt"
    listing.write_text("\n".join(str(p) for p in paths))
    environment = {**os.environ, remembered.ENVIRONMENT_VARIABLE: str(scratch / f"m{len(paths)}")}
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(listing)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    parent, children = out.stdout.split()
    return int(parent), int(children)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, help="keep the generated transcripts here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        # Every cache (summaries, checked frameworks) starts empty: the first run is cold.
        os.environ[remembered.ENVIRONMENT_VARIABLE] = str(scratch / "cache")
        corpus = args.corpus or scratch / "corpus"
        paths = ensure_corpus(corpus, args.count)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        copies = len(list((corpus / store.SNAPSHOTS).glob("*.toml")))
        bare_parse(paths[:200])  # warm the file cache
        bare = bare_parse(paths)
        remembered.forget()
        cold, respondents, _ = aggregate_once(paths, scratch / "cache")
        warm, _, cached = aggregate_once(paths, scratch / "cache")
        sample = paths[: min(300, len(paths))]
        without = per_file(sample, remember=False)
        with_ = per_file(sample, remember=True)
        small = peak_memory(paths[: min(1000, len(paths))], scratch)
        large = peak_memory(paths, scratch)
    count = len(paths)
    print(
        f"{count} transcripts, {megabytes:.0f} MB, framework copies in .frameworks/: {copies}; "
        f"{os.cpu_count()} cores"
    )
    print(
        f"bare single-process tomllib parse   {bare:7.2f} s   ({bare / count * 1000:.2f} ms a file)"
    )
    print(
        f"aggregate, first run                {cold:7.2f} s   {cold / bare:.3f}x the bare parse (goal: at most 0.25x)"
    )
    print(
        f"aggregate, unchanged files again    {warm:7.2f} s   {warm / bare:.3f}x (goal: at most 0.02x; {cached} summaries from the cache)"
    )
    print(f"respondents aggregated: {respondents}")
    print(
        f"one process, per file ({len(sample)} files): {with_:.2f} ms with the checked framework "
        f"remembered, {without:.2f} ms checking it for every file ({without / with_:.2f}x)"
    )
    print(
        f"peak memory, aggregating process: {small[0] / 1024:.0f} MB at {min(1000, count)}, {large[0] / 1024:.0f} MB at {count}"
    )
    print(
        f"peak memory, largest worker:      {small[1] / 1024:.0f} MB at {min(1000, count)}, {large[1] / 1024:.0f} MB at {count}"
    )


if __name__ == "__main__":
    main()
