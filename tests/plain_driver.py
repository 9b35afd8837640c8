"""Drive the installed command's plain mode prompt by prompt, as a person at a pipe would,
or at a terminal (`terminal=True`, `TerminalInput`): there a refused answer is asked
again, where from a pipe it stops the run."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import termios
import time
from pathlib import Path

PROMPT = "> "


class TerminalInput(io.StringIO):
    """Lines typed at a terminal, for plain mode run in the test's own process: it reads
    them as a person's at a terminal (``isatty``), who can correct a refused answer."""

    def isatty(self) -> bool:
        """A terminal."""
        return True


def open_terminal() -> tuple[int, int]:
    """A pseudo-terminal (its controlling side, the side given to the command as its
    standard input), echo off so that what is typed is not read back."""
    controlling, given = pty.openpty()
    attributes = termios.tcgetattr(given)
    attributes[3] &= ~termios.ECHO
    termios.tcsetattr(given, termios.TCSANOW, attributes)
    return controlling, given


END_OF_INPUT = b"\x04"
"""What ends input at a terminal (Ctrl+D at the start of a line)."""


def command() -> str:
    """The installed partnership-bot command (beside this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "partnership-bot"
    found = str(beside) if beside.exists() else shutil.which("partnership-bot")
    if not found:
        raise RuntimeError("partnership-bot is not installed: run pip install -e '.[test]' first")
    return found


def run(
    *args: str,
    stdin: str = "",
    cwd: Path | None = None,
    env: dict | None = None,
    at_terminal: bool = False,
) -> subprocess.CompletedProcess:
    """Run the command to completion; ``at_terminal``: its input typed at a terminal
    rather than piped (``stdin`` must then end with a newline)."""
    if at_terminal:
        controlling, given = open_terminal()
        process = subprocess.Popen(
            [command(), *args],
            stdin=given,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            env=env,
        )
        os.close(given)
        try:
            os.write(controlling, stdin.encode() + END_OF_INPUT)
            out, err = process.communicate(timeout=120)
        finally:
            os.close(controlling)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)
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

    def __init__(self, *args: str, cwd: Path | None = None, terminal: bool = False) -> None:
        self.controlling: int | None = None
        """With ``terminal``: the side of the command's terminal that types to it."""
        given: int | None = None
        if terminal:
            self.controlling, given = open_terminal()
        self.process = subprocess.Popen(
            [command(), *args],
            stdin=subprocess.PIPE if given is None else given,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        if given is not None:
            os.close(given)
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
        if self.controlling is not None:
            os.write(self.controlling, (line + "\n").encode())
            return
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
        if self.controlling is not None:
            os.write(self.controlling, END_OF_INPUT)
        else:
            assert self.process.stdin is not None
            self.process.stdin.close()
        self.output += self.process.stdout.read().decode() if self.process.stdout else ""
        status = self.process.wait(timeout)
        if self.controlling is not None:
            os.close(self.controlling)
            self.controlling = None
        return status


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
