"""Compile one 67-question transcript (the Hallmarks sample) and render each report format.

python benchmarks/reports.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot import store
from bot.catalogue import Catalogue
from bot.report import render_assessment
from bot.scoring import compile_transcript
from bot.scoring.source import framework_for

SAMPLE = (
    Path(__file__).resolve().parent.parent / "transcripts" / "examples" / "rochford-hallmarks.toml"
)


def timed(action, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    repeat = parser.parse_args().repeat
    catalogue = Catalogue()
    load = timed(lambda: store.load(SAMPLE), repeat)
    transcript = store.load(SAMPLE).transcript
    framework, _ = framework_for(transcript, SAMPLE, catalogue)
    compile_times = timed(lambda: compile_transcript(transcript, framework), repeat)
    assessment = compile_transcript(transcript, framework)
    print(
        f"transcript: {len(transcript.turns)} turns, {len(framework.framework.questions())} questions"
    )
    print(f"{'load (parse and validate)':<28} median {statistics.median(load) * 1000:7.2f} ms")
    print(
        f"{'compile (scores, actions)':<28} median {statistics.median(compile_times) * 1000:7.2f} ms"
    )
    for fmt in ("md", "html", "json", "csv"):
        render_assessment(assessment, fmt)  # templates compiled once, as in a long-running process
        times = timed(lambda fmt=fmt: render_assessment(assessment, fmt), repeat)
        print(f"{'render ' + fmt:<28} median {statistics.median(times) * 1000:7.2f} ms")
    baseline = statistics.median(load)
    total = statistics.median(load) + statistics.median(compile_times)
    print(f"load + compile is {total / baseline:.2f}x the load alone")


if __name__ == "__main__":
    main()
