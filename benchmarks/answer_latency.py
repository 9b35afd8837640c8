"""Answer-to-next-question latency: the Enter that sends a typed option key, transcript
saved (fsync), next question rendered. p50 and p95 over 200 answers; early answers
against late ones; and the same with a 200-turn conversation already on screen.

Two figures for each: through `pilot.press`, whose own wait for the app to go idle adds
a fixed overhead (also measured here, on a bare one-input app); and the latency a user
sees: the Enter key event handed to the app, as the terminal driver hands it over, until
the log has drawn the next question's lines (caught by watching the log's render_line).

    python benchmarks/answer_latency.py [--answers 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _long_framework import write_long_framework
from textual import events
from textual.app import App
from textual.widgets import Input, Static

from bot import conversation
from bot.catalogue import Catalogue
from bot.model import Respondent
from bot.tui.app import PartnershipApp
from bot.tui.widgets.chat_log import ChatLog


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(
    app: PartnershipApp, answers: int, talk: conversation.Conversation
) -> tuple[list[float], list[float]]:
    """(through pilot.press, key to drawn) for each answer."""
    pilot_times, drawn_times = [], []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        log = app.screen.query_one(ChatLog)
        drawn = asyncio.Event()
        wanted = [10**9]
        original = log.render_line

        def watching(y: int):  # type: ignore[no-untyped-def]
            if len(log.messages) >= wanted[0]:
                drawn.set()
            return original(y)

        log.render_line = watching  # type: ignore[method-assign]
        for index in range(answers):
            before = len(log.messages)
            saved_before = talk.writer.turn_count
            await pilot.press("3")  # typed (and its option marked); Enter sends it
            if index % 2 == 0:
                start = time.perf_counter()
                await pilot.press("enter")
                while len(log.messages) < before + 2:
                    await asyncio.sleep(0)
                await pilot.pause()
                pilot_times.append(time.perf_counter() - start)
            else:
                drawn.clear()
                wanted[0] = before + 2  # the answer and the next question
                start = time.perf_counter()
                app.post_message(events.Key("enter", "\r"))  # as the terminal driver hands it over
                await drawn.wait()
                drawn_times.append(time.perf_counter() - start)
                await pilot.pause()
            assert talk.writer.turn_count > saved_before  # saved before it was shown
    return pilot_times, drawn_times


class Bare(App[None]):
    """One input, echoing into a label: the baseline for pilot.press's own cost."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="echo")
        yield Input(id="box")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(event.value[-20:])


async def bare_pilot(answers: int) -> list[float]:
    times = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(answers):
            start = time.perf_counter()
            await pilot.press("3")
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def report(name: str, latencies: list[float]) -> None:
    ms = [x * 1000 for x in latencies]
    print(
        f"{name:<52} p50 {statistics.median(ms):6.1f} ms   p95 {pct(ms, 95):6.1f} ms   max {max(ms):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=200)
    count = parser.parse_args().answers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_long_framework(folder / "frameworks", questions=2 * count + 20)
        catalogue = Catalogue(
            framework_folders=[folder / "frameworks"], dialogue_folders=[folder / "none"]
        )

        talk = conversation.start(catalogue, "long", None, Respondent(name="Bench"), folder / "t")
        fresh_pilot, fresh = asyncio.run(
            measure(
                PartnershipApp(catalogue, folder / "t", conversation=talk, still=True), count, talk
            )
        )
        talk.close()
        # The same transcript resumed: every turn so far is on screen before the first answer.
        resumed = conversation.resume(catalogue, talk.path)
        on_screen = len(resumed.session.turns)
        late_pilot, late = asyncio.run(
            measure(
                PartnershipApp(catalogue, folder / "t", conversation=resumed, still=True),
                count,
                resumed,
            )
        )
        resumed.close()
    baseline = asyncio.run(bare_pilot(count // 2))
    quarter = max(len(fresh) // 4, 1)
    print(f"{count} answers: half timed through pilot.press, half from key event to drawn lines")
    report("key to drawn, from the start", fresh)
    report(f"  first {quarter}", fresh[:quarter])
    report(f"  last {quarter}", fresh[-quarter:])
    report(f"key to drawn, {on_screen} turns already on screen", late)
    report("through pilot.press, from the start", fresh_pilot)
    report(f"through pilot.press, {on_screen} turns already on screen", late_pilot)
    report("baseline: pilot.press on a bare one-input app", baseline)
    print(
        f"late/early p50 ratio (key to drawn): {statistics.median(fresh[-quarter:]) / statistics.median(fresh[:quarter]):.2f}  (flat: about 1.0)"
    )
    print(
        f"with {on_screen} turns on screen / from the start, p50: {statistics.median(late) / statistics.median(fresh):.2f}"
    )
    print(
        f"pilot.press: ours / bare app, p50: {statistics.median(fresh_pilot) / statistics.median(baseline):.2f}"
    )
    print("goal: p95 under 50 ms, not growing with conversation length")


if __name__ == "__main__":
    main()
