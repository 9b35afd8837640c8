"""Drive the installed command's plain mode prompt by prompt, as a person at a pipe would."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROMPT = "> "


def command() -> str:
    """The installed partnership-bot command (beside this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "partnership-bot"
    found = str(beside) if beside.exists() else shutil.which("partnership-bot")
    if not found:
        raise RuntimeError("partnership-bot is not installed: run pip install -e '.[test]' first")
    return found


def run(
    *args: str, stdin: str = "", cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the command to completion."""
    return subprocess.run(
        [command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


class Driver:
    """A running plain-mode session: read until the prompt, then answer."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.process = subprocess.Popen(
            [command(), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        self.output = ""

    def read_prompt(self, timeout: float = 30.0) -> str:
        """Everything printed up to the next input prompt (or the end of output)."""
        assert self.process.stdout is not None
        start = len(self.output)
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while not self.output[start:].endswith("\n" + PROMPT):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(self.output[start:])
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            self.output += chunk.decode()
        return self.output[start:]

    def send(self, line: str) -> None:
        """Type a line."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write((line + "\n").encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            error = self.process.stderr.read().decode() if self.process.stderr else ""
            raise AssertionError(
                f"the command ended (exit {self.process.wait(10)}) before it could be sent "
                f"{line!r}\n--- output ---\n{self.output}\n--- errors ---\n{error}"
            ) from None

    def transcript(self) -> Path:
        """The transcript path the command printed."""
        match = re.search(r"^Transcript: (.+)$", self.output, re.M)
        assert match, self.output
        return Path(match.group(1))

    def finish(self, timeout: float = 30.0) -> int:
        """Close input and wait for the exit status."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.output += self.process.stdout.read().decode() if self.process.stdout else ""
        return self.process.wait(timeout)


def reply_to(screen: str) -> str:
    """A sensible answer to whatever was just asked (a specific, evidenced one)."""
    if "Follow-up:" in screen.rsplit("\n\n", 1)[-1]:
        return "The Board minutes of 12 March 2009 record it"
    if "[y] Yes" in screen:
        return "y - agreed by the Board in March 2009"
    if "[3] " in screen:
        return "3 - the 2009 annual report shows it"
    if "Type a number" in screen:
        return "12"
    return "The Board agreed this at its meeting of 8 September 2009, minuted as item 7"
