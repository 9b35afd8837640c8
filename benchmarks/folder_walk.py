"""Finding the transcripts and rounds in a transcripts folder (`bot.store.gather`, which
the home screen, every `round` command and every report of a folder start with), against
a bare `os.walk` listing of the same folder in the same run.

The folder is laid out as the product lays one out: transcripts at its top, each round
in `rounds/NAME/` with its round.toml, calls.jsonl and transcripts, and the framework
copies in `.frameworks/` beside them. Only names matter to the walk, so the files are
empty.

    python benchmarks/folder_walk.py [--transcripts 10000] [--rounds 20] [--per-round 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bot import store


def make_folder(top: Path, transcripts: int, rounds: int, per_round: int) -> None:
    """A transcripts folder as the product lays one out."""
    (top / store.SNAPSHOTS).mkdir(parents=True)
    (top / store.SNAPSHOTS / "sha256-0123456789abcdef.toml").touch()
    for n in range(transcripts):
        (top / f"2009-06-01-{n:05d}-partner.toml").touch()
    for r in range(rounds):
        folder = top / "rounds" / f"round-{r:02d}"
        (folder / store.SNAPSHOTS).mkdir(parents=True)
        for name in ("round.toml", "calls.jsonl", "plan.toml"):
            (folder / name).touch()
        for n in range(per_round):
            (folder / f"i{n:03d}-invitee.toml").touch()


def bare_walk(top: Path) -> int:
    """The floor: every entry listed once by os.walk, nothing decided."""
    return sum(len(files) for _, _, files in os.walk(top))


def timed(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    """The median seconds of ``runs`` calls."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--transcripts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch) / "transcripts"
        make_folder(top, arguments.transcripts, arguments.rounds, arguments.per_round)
        found = store.gather([top])
        assert len(found.files) == arguments.transcripts
        assert len(found.rounds_left_out) == arguments.rounds
        bare = timed(lambda: bare_walk(top), arguments.runs)
        gathered = timed(lambda: store.gather([top]), arguments.runs)
        rounds = timed(lambda: store.rounds_below(top), arguments.runs)
    print(
        f"{arguments.transcripts} transcripts and {arguments.rounds} rounds of "
        f"{arguments.per_round}, median of {arguments.runs}:"
    )
    print(f"  bare os.walk listing      {bare * 1000:8.1f} ms")
    print(f"  gather (report FOLDER)    {gathered * 1000:8.1f} ms  {gathered / bare:.2f}x")
    print(f"  rounds_below (home, round) {rounds * 1000:7.1f} ms  {rounds / bare:.2f}x")


if __name__ == "__main__":
    main()
