"""The TOML reader (`bot.toml_reader.loads`) against tomllib, in the same run.

    python benchmarks/toml_reader.py [--repeat 30]

Three sets of files: the sample transcripts (what the program writes), the installed
frameworks and dialogues (hand-written, with inline tables, so read by tomllib), and the
same transcripts with Windows line ends and a multi-line string (read by tomllib too).
For each: milliseconds per file for tomllib, for rtoml alone, and for the reader, and the
reader's speed-up over tomllib. Each figure is the best of several interleaved rounds, so
that load from other processes on the machine hits all three alike.
"""

from __future__ import annotations

import argparse
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import rtoml

from bot import store, toml_reader

ROOT = Path(__file__).resolve().parent.parent


def texts() -> dict[str, list[str]]:
    samples = [
        store.split_valid(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "transcripts" / "examples").rglob("*.toml"))
        if ".frameworks" not in p.parts
    ]
    installed = [
        p.read_text(encoding="utf-8")
        for folder in ("frameworks", "dialogues")
        for p in sorted((ROOT / folder).glob("*.toml"))
    ]
    windows = [t.replace("\n", "\r\n") + 'z = """\r\nx"""\r\n' for t in samples]
    return {
        "sample transcripts": samples,
        "frameworks and dialogues": installed,
        "transcripts, CRLF + multi-line": windows,
    }


def per_file(read: Callable[[str], object], files: list[str]) -> float:
    start = time.perf_counter()
    for text in files:
        read(text)
    return (time.perf_counter() - start) / len(files) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat
    readers = {"tomllib": tomllib.loads, "rtoml alone": rtoml.loads, "reader": toml_reader.loads}
    print(
        f"{'files':34} {'n':>3} {'kB':>5}  " + "  ".join(f"{k:>11}" for k in readers) + "  speed-up"
    )
    for name, files in texts().items():
        best = dict.fromkeys(readers, float("inf"))
        for _ in range(repeat):
            for label, read in readers.items():
                best[label] = min(best[label], per_file(read, files))
        size = sum(len(t.encode()) for t in files) / len(files) / 1000
        figures = "  ".join(f"{best[k]:8.2f} ms" for k in readers)
        quick = sum(not toml_reader.needs_tomllib(t) for t in files)
        print(
            f"{name:34} {len(files):3} {size:5.1f}  {figures}  {best['tomllib'] / best['reader']:5.1f}x"
            f"  ({quick} of {len(files)} read by rtoml)"
        )


if __name__ == "__main__":
    main()
