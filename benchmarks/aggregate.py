"""Aggregate many generated transcripts, against a bare single-process tomllib parse of
the same files in the same run; then again over unchanged files (the summary cache); and
peak memory at 1,000 against the full count.

    python benchmarks/aggregate.py [--count 10000] [--corpus DIR]

The corpus is made by the real engine (random answers to working-better-together, about
90 turns each: its 37 questions alone take 84) and kept in --corpus for later runs when given.
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

from bot import store
from bot.catalogue import Catalogue
from bot.engine import Session
from bot.model import Respondent, TranscriptHeader
from bot.model.transcript import Reference

ROLES = ["Councillor", "Officer", "Police", "Health", "Voluntary sector", "Business"]
SECTORS = ["public", "voluntary", "business"]
REPLIES = [
    "We lack the resources",
    "The 2009 minutes record it",
    "I think so",
    "Not sure who decides",
]


def make_one(job: tuple[int, str]) -> int:
    """Write transcript number `index` into `folder`; returns its turn count."""
    index, folder = job
    rng = random.Random(index)
    catalogue = Catalogue()
    framework = catalogue.framework("working-better-together")
    dialogue = catalogue.dialogue(None, framework)
    started = datetime(2009, 1, 1, tzinfo=UTC) + timedelta(minutes=index)
    header = TranscriptHeader(
        id=f"bench-{index:06d}",
        framework=Reference(
            id=framework.id, version=framework.framework.version, hash=framework.hash
        ),
        dialogue=Reference(id=dialogue.id, version=dialogue.dialogue.version, hash=dialogue.hash),
        mode="self",
        respondent=Respondent(
            name=f"Respondent {index}",
            role=rng.choice(ROLES),
            sector=rng.choice(SECTORS),
            partnership="Bench",
        ),
        started=started,
    )
    session = Session(dialogue)
    session.begin(started)
    while not session.over:
        prompt = session.current()
        if prompt.kind == "probe":
            session.answer(rng.choice(REPLIES), started) if rng.random() < 0.7 else session.skip(
                started
            )
        elif prompt.options:
            # Mostly middling answers, as real ones are: few follow-ups, so about 85 turns.
            session.answer(
                rng.choice(["1", "2", "3", "3", "3", "3", "4 - minutes of March 2009", "d"]),
                started,
            )
        else:
            session.answer("The Board agreed it in March 2009", started)
    path = Path(folder) / f"{index:06d}.toml"
    path.write_text(
        store.encode_header(header) + store.encode_turns(session.turns), encoding="utf-8"
    )
    return len(session.turns)


def ensure_corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(count) if not (folder / f"{i:06d}.toml").exists()]
    if missing:
        print(f"generating {len(missing)} transcripts with the engine...", flush=True)
        with multiprocessing.get_context("spawn").Pool(os.cpu_count() or 1) as pool:
            turns = pool.map(make_one, [(i, str(folder)) for i in missing], chunksize=50)
        print(f"  about {sum(turns) / len(turns):.0f} turns each", flush=True)
    return [folder / f"{i:06d}.toml" for i in range(count)]


def bare_parse(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        tomllib.loads(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def aggregate_once(paths: list[Path], cache: Path | None) -> tuple[float, int, int]:
    from bot.scoring.aggregate import Filters, aggregate

    start = time.perf_counter()
    totals, run = aggregate(paths, Catalogue(), Filters(), cache_folder=cache)
    seconds = time.perf_counter() - start
    return seconds, sum(t.respondents for t in totals.values()), run.cached


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
    listing = scratch / f"paths-{len(paths)}.txt"
    listing.write_text("\n".join(str(p) for p in paths))
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(listing)], capture_output=True, text=True, check=True
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
        corpus = args.corpus or scratch / "corpus"
        paths = ensure_corpus(corpus, args.count)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        bare_parse(paths[:200])  # warm the file cache
        bare = bare_parse(paths)
        cold, respondents, _ = aggregate_once(paths, scratch / "cache")
        warm, _, cached = aggregate_once(paths, scratch / "cache")
        small = peak_memory(paths[: min(1000, len(paths))], scratch)
        large = peak_memory(paths, scratch)
    print(f"{args.count} transcripts, {megabytes:.0f} MB, {os.cpu_count()} cores")
    print(f"bare single-process tomllib parse   {bare:7.2f} s")
    print(
        f"aggregate, first run                {cold:7.2f} s   {cold / bare:.2f}x the bare parse (goal: at most 0.8x)"
    )
    print(
        f"aggregate, unchanged files again    {warm:7.2f} s   {warm / bare:.2f}x ({cached} summaries from the cache)"
    )
    print(f"respondents aggregated: {respondents}")
    print(
        f"peak memory, aggregating process: {small[0] / 1024:.0f} MB at {min(1000, args.count)}, {large[0] / 1024:.0f} MB at {args.count}"
    )
    print(
        f"peak memory, largest worker:      {small[1] / 1024:.0f} MB at {min(1000, args.count)}, {large[1] / 1024:.0f} MB at {args.count}"
    )


if __name__ == "__main__":
    main()
