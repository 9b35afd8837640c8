"""Start-up to the first question shown, against a bare one-widget Textual app started the
same way (a fresh process, headless, exiting as soon as its first screen is up). Each
time is from starting the process to the moment its first screen is up, read on the
same monotonic clock by the child; the time to the process's end (leaving the app and
Python's own exit too) is printed beside it.

More baselines, each started the same way:
- "bare app, collector held": the bare app given the product's own start-up trick (the
  collector held off until the first screen is drawn, `bot/start_gc.py`); the product's
  ratio to it is what is left once both start alike;
- "bare app + pydantic": the bare app that also imports pydantic, a required dependency;
- "bare app + the models": that also imports the file formats' pydantic models
  (`bot.model`), the floor for any front end built on them;
- "bare app + engine": the bare app that first does what any front end must before it
  can ask anything: import the engine, load the framework and dialogue, and create the
  transcript. The product's ratio against it is what the app's own screens add.

The product is started as the command starts it: `partnership-bot --transcripts DIR
assess -f working-better-together --respondent Bench` through `bot.launch` (the command's
first line), with the command's own parsing, catalogue, conversation and app, its
`App.run` drawn headless at 80x24 as the bare app is, and its standard streams said to be
a terminal, as the app needs. (Started from a script that built the conversation before
the app, it measured the app alone, whatever the command does before it.)

Where each variant is timed: at its first frame, the first screen update Textual renders
(`App._display`, which runs headless too), the product's checked there to show the
first question. Earlier versions of this benchmark printed after `await pilot.pause()`
in the `auto_pilot`, once the app had also gone idle after that frame: a wait added to
every variant, which narrowed the ratios, and which, now that the engine loads after
the first frame (`bot/tui/first_look.py`), would time the engine too. The product also
prints when that idle comes (READY: the conversation begun and any input held acted
on), shown as "engine ready".

The product is timed twice: as it usually starts, with the checked framework and
dialogue remembered in the cache folder (`bot/remembered.py`) by an earlier start, and
as it starts the very first time, with an empty cache folder (so the checks run and
their results are written). Every cache folder is a temporary one.

Every variant runs from compiled bytecode, as an installed program does, and the
product and the engine baseline hold the garbage collector off while they start, as the
command does (`bot/start_gc.py`, `bot/launch.py`).

To see what a change saved, time earlier versions of the package in the same run: each
`--against DIR` is a folder holding one (`git archive COMMIT bot frameworks dialogues |
tar -x -C DIR`), timed with the product's script as it usually starts.

    python benchmarks/startup.py [--runs 15] [--against DIR ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time


def first_frame(check: str = "True") -> str:
    """Code that prints SHOWN (the clock and the CPU time) when the app's first frame is
    drawn: the first screen update Textual renders (`App._display`, called headless too).
    ``check`` is an expression of ``screen`` that must hold on that frame."""
    return textwrap.dedent(
        f"""
        import time as _time
        from textual.app import App as _App

        _display = _App._display

        def _first_frame(app, screen, renderable):
            if renderable is not None and not getattr(_App, "_shown", False):
                _App._shown = True
                print("SHOWN", _time.monotonic(), _time.process_time(), flush=True)
                assert {check}, "the first frame lacks the question"
            return _display(app, screen, renderable)

        _App._display = _first_frame
        """
    )


def bare_app(on_mount: str = "") -> str:
    """A one-widget Textual app, started headless, printing when its first screen is up;
    `on_mount` is the body of an `on_mount` method, if it needs one."""
    method = f"def on_mount(self):\n                {on_mount}\n" if on_mount else ""
    return first_frame() + textwrap.dedent(
        f"""
        from textual.app import App
        from textual.widgets import Static

        class Bare(App):
            def compose(self):
                yield Static("How well does the sustainable community strategy reflect LSP members' ambition?")

            {method}
        async def auto_pilot(pilot):
            await pilot.pause()
            pilot.app.exit()

        Bare().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
        """
    )


BARE = bare_app()

BARE_WITH_PYDANTIC = "from pydantic import BaseModel, ValidationError\n" + BARE

# The bare app given the product's own start-up trick: the collector held off from the
# first line until the first screen is drawn, then what is alive frozen (bot/start_gc.py).
BARE_HELD = "from bot import start_gc\nstart_gc.hold()\n" + bare_app(
    "self.call_after_refresh(start_gc.release)"
)

BARE_WITH_MODELS = "from bot import model\n" + BARE_WITH_PYDANTIC

BARE_WITH_ENGINE = (
    "from bot import start_gc\nstart_gc.hold()\n"
    + first_frame()
    + textwrap.dedent(
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
    start_gc.release()
    talk.close()
    """
    )
)

QUESTION_SHOWN = (
    "any('How well does the sustainable community strategy' in m.text "
    "for m in screen.query_one('#log').messages)"
)
"""What the product's first frame must show: the first question, in the chat's log."""

PRODUCT = (
    "from bot import start_gc\nstart_gc.hold()  # as the command's first line does\n"
    + first_frame(QUESTION_SHOWN)
    + textwrap.dedent(
        """
    import sys
    import time

    from textual.app import App

    class Terminal:
        \"\"\"A standard stream that says it is a terminal, as the command wants for the app.\"\"\"

        def __init__(self, stream):
            self._stream = stream

        def isatty(self):
            return True

        def __getattr__(self, name):
            return getattr(self._stream, name)

    async def auto_pilot(pilot):
        await pilot.pause()
        # Idle after the first frame: with the first question drawn from a record, the
        # engine has begun the conversation by now (bot/tui/first_look.py).
        print("READY", time.monotonic(), time.process_time())
        loaded = sorted(m for m in ("jinja2", "markupsafe") if m in sys.modules)
        print("report-only modules loaded at first question:", loaded or "none", file=sys.stderr)
        pilot.app.exit()

    run = App.run

    def headless(app, *args, **kwargs):
        return run(app, headless=True, size=(80, 24), auto_pilot=auto_pilot)

    # Started as `partnership-bot assess` starts (bot/launch.py, then the command line),
    # drawn headless at 80x24 as the bare app is.
    App.run = headless
    sys.stdin, sys.stdout = Terminal(sys.stdin), Terminal(sys.stdout)
    sys.argv = [
        "partnership-bot", "--transcripts", sys.argv[1],
        "assess", "-f", "working-better-together", "--respondent", "Bench",
    ]
    from bot.launch import main

    status = main()
    assert status == 0, status
    """
    )
)


def timed(
    code: str, folder: str, cache: str, bytecode: str, package: str = ""
) -> tuple[float, float, float, str, float]:
    """Seconds from starting the process to its first screen being up (the moment the
    child prints, on the same monotonic clock), to the process ending, the CPU seconds
    the process had used when its first screen was up, and its stderr; `package` is a
    folder holding another version of the package to run instead."""
    # Bytecode is written (to a folder of this run's own) and used, as an installed
    # program's is: `pip install` compiles it, whatever PYTHONDONTWRITEBYTECODE says.
    environment = {**os.environ, "PARTNERSHIP_BOT_CACHE": cache, "PYTHONPYCACHEPREFIX": bytecode}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if package:
        environment["PYTHONPATH"] = package
    start = time.monotonic()
    # Started in the scratch folder, so that the package imported is the one installed
    # (or `package`), never a checkout the benchmark happens to be run from.
    result = subprocess.run(
        [sys.executable, "-c", code, folder],
        cwd=os.path.dirname(folder),
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    ended = time.monotonic()
    shown, cpu = (float(x) for x in result.stdout.split("SHOWN", 1)[1].split()[:2])
    ready = (
        float(result.stdout.split("READY", 1)[1].split()[0]) if "READY" in result.stdout else shown
    )
    return shown - start, ended - start, cpu, result.stderr.strip(), ready - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder holding an earlier version of the package, timed as the product",
    )
    arguments = parser.parse_args()
    runs = arguments.runs
    earlier = {f"first question, {os.path.basename(d.rstrip('/'))}": d for d in arguments.against}
    variants = {
        "bare one-widget app": BARE,
        "bare app, collector held": BARE_HELD,
        "bare app + pydantic": BARE_WITH_PYDANTIC,
        "bare app + the models": BARE_WITH_MODELS,
        "bare app + engine": BARE_WITH_ENGINE,
        "first question on screen": PRODUCT,
        "the same, first start ever": PRODUCT,
        **dict.fromkeys(earlier, PRODUCT),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    whole: dict[str, list[float]] = {name: [] for name in variants}
    used: dict[str, list[float]] = {name: [] for name in variants}
    ready: dict[str, list[float]] = {name: [] for name in variants}
    note = ""
    with tempfile.TemporaryDirectory() as scratch:
        folder, cache = f"{scratch}/transcripts", f"{scratch}/cache"
        bytecode = f"{scratch}/bytecode"
        # Each version of the package has its own cache folder and bytecode.
        caches = {
            name: (f"{cache}-{index}", f"{bytecode}-{index}") for index, name in enumerate(earlier)
        }
        for name, code in variants.items():  # warm the file cache, fill the cache folder, compile
            own_cache, own_bytecode = caches.get(name, (cache, bytecode))
            timed(code, folder, own_cache, own_bytecode, earlier.get(name, ""))
        for run in range(runs):  # interleaved, so load on the machine hits all alike
            for name, code in variants.items():
                empty = f"{scratch}/empty-{run}"
                own_cache, own_bytecode = caches.get(name, (cache, bytecode))
                seconds, lifetime, cpu, stderr, engine = timed(
                    code,
                    folder,
                    empty if "first start" in name else own_cache,
                    own_bytecode,
                    earlier.get(name, ""),
                )
                times[name].append(seconds)
                whole[name].append(lifetime)
                used[name].append(cpu)
                ready[name].append(engine)
                note = stderr or note
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:28} median {median[name] * 1000:7.1f} ms  (min {min(values) * 1000:.1f})")
    b = median["bare one-widget app"]
    p = median["first question on screen"]
    e = median["bare app + engine"]
    first = median["the same, first start ever"]
    print(f"ratio to bare app           {p / b:.2f}x  (goal: at most 1.5x)")
    held = median["bare app, collector held"]
    print(
        f"ratio to bare app, held     {p / held:.2f}x  (the bare app started as the product is, "
        "collector held)"
    )
    print(f"first start ever            {first / b:.2f}x the bare app")
    print(f"bare app + pydantic         {median['bare app + pydantic'] / b:.2f}x the bare app")
    print(f"bare app + the models       {median['bare app + the models'] / b:.2f}x the bare app")
    print(f"ratio to bare + engine      {p / e:.2f}x  (what the app's own screens add)")
    if p > e > b:
        print(
            f"engine's share              {(e - b) / (p - b):.0%} of the difference from the "
            "bare app"
        )
    else:  # drawn from a record, the first question is up before the engine is loaded
        print("engine's share              none: the first question is up before the engine")
    ended = {name: statistics.median(values) for name, values in whole.items()}
    print(
        f"to the process's end        {ended['first question on screen'] * 1000:.1f} ms against "
        f"{ended['bare one-widget app'] * 1000:.1f} ms: "
        f"{ended['first question on screen'] / ended['bare one-widget app']:.2f}x "
        "(leaving the app and Python's own exit included)"
    )
    for name in earlier:
        print(f"{name:28} {median[name] / b:.2f}x the bare app (against {p / b:.2f}x now)")
    # CPU time is steadier than the clock when other work shares the machine.
    cpu = {name: statistics.median(values) for name, values in used.items()}
    bare_cpu = cpu["bare one-widget app"]
    print("CPU time used by the first screen (median), against the bare app's:")
    for name in variants:
        print(f"  {name:28} {cpu[name] * 1000:7.1f} ms  {cpu[name] / bare_cpu:.2f}x")
    print("Engine ready (conversation begun, the app idle), median, product variants:")
    for name, code in variants.items():
        if code is PRODUCT:
            print(f"  {name:28} {statistics.median(ready[name]) * 1000:7.1f} ms")
    print(note)


if __name__ == "__main__":
    main()
