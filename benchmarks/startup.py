"""Start-up to the first question shown, against a bare one-widget Textual app started the
same way (a fresh process, headless, exiting as soon as its first screen is up).

A second baseline, "bare app + engine", is the bare app that first does what any front end
must before it can ask anything: import the engine (pydantic models included), load and
check the framework and dialogue, and create the transcript. The product's ratio against
it is what the app's own screens add.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

BARE = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("How well does the sustainable community strategy reflect LSP members' ambition?")

    async def auto_pilot(pilot):
        await pilot.pause()
        pilot.app.exit()

    Bare().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
    """
)

BARE_WITH_ENGINE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from textual.app import App
    from textual.widgets import Static

    folder = Path(sys.argv[1])
    talk = conversation.start(Catalogue(), "working-better-together", None, Respondent(name="Bench"), folder)
    talk.begin()

    class Bare(App):
        def compose(self):
            yield Static(talk.current().text)

    async def auto_pilot(pilot):
        await pilot.pause()
        pilot.app.exit()

    Bare().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
    talk.close()
    """
)

PRODUCT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from bot.tui.app import PartnershipApp
    from bot.tui.widgets.chat_log import ChatLog

    folder = Path(sys.argv[1])
    catalogue = Catalogue()
    talk = conversation.start(catalogue, "working-better-together", None, Respondent(name="Bench"), folder)

    async def auto_pilot(pilot):
        await pilot.pause()
        log = pilot.app.screen.query_one(ChatLog)
        assert any("How well does the sustainable community strategy" in m.text for m in log.messages)
        loaded = sorted(m for m in ("jinja2", "markupsafe") if m in sys.modules)
        print("report-only modules loaded at first question:", loaded or "none", file=sys.stderr)
        pilot.app.exit()

    PartnershipApp(catalogue, folder, conversation=talk, still=True).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
    talk.close()
    """
)


def timed(code: str, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, result.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    bare, engine, product, note = [], [], [], ""
    with tempfile.TemporaryDirectory() as folder:
        timed(BARE)  # warm the file cache for all three
        timed(BARE_WITH_ENGINE, folder)
        timed(PRODUCT, folder)
        for _ in range(runs):  # interleaved, so load on the machine hits all alike
            bare.append(timed(BARE)[0])
            engine.append(timed(BARE_WITH_ENGINE, folder)[0])
            seconds, note = timed(PRODUCT, folder)
            product.append(seconds)
    b, e, p = (statistics.median(x) for x in (bare, engine, product))
    print(f"bare one-widget app      median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"bare app + engine        median {e * 1000:7.1f} ms  (min {min(engine) * 1000:.1f})")
    print(f"first question on screen median {p * 1000:7.1f} ms  (min {min(product) * 1000:.1f})")
    print(f"ratio to bare app        {p / b:.2f}x  (goal: at most 1.3x)")
    print(f"ratio to bare + engine   {p / e:.2f}x  (what the app's own screens add)")
    print(f"engine's share           {(e - b) / (p - b):.0%} of the difference from the bare app")
    print(note)


if __name__ == "__main__":
    main()
