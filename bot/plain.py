"""Plain mode: the session as numbered lines on stdout and answers on stdin.

For screen readers, pipes and scripted runs. No cursor movement; no colour unless
stdout is a terminal that can show it (TERM is not dumb) and NO_COLOR is unset.
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import TextIO

from bot import exit_codes
from bot.conversation import Conversation, SaveError, TranscriptLost
from bot.end_summary import area_lines, result_line, summary_title
from bot.engine import Outcome, Prompt
from bot.engine.path import SKIP_COMMAND, asks_for_help
from bot.engine.typed import shown_words
from bot.model import Turn
from bot.model.framework import base_question
from bot.problems import display_name, suggest
from bot.text import REPLACEMENT, needs_repair, output_columns, printable, repair, wrap_lines
from bot.turn_words import (
    answer_hint,
    answer_taken_words,
    answer_words,
    call_length_words,
    earlier_words,
    key_as_reply_words,
    key_not_used_words,
    key_taken_words,
    question_number,
    read_out,
    status_words,
)

COMMANDS = {
    ":back": "go back to the previous question (Enter on a revisited question keeps its answer)",
    SKIP_COMMAND: "skip this question or follow-up",
    ":note TEXT": "add a note to this question",
    ":repeat": "show the question again",
    ":help": "show this help (? or help alone shows it too)",
    ":quit": "save and leave (resume later)",
    ":abandon": "abandon this assessment (asks to confirm)",
}
TEXT_SAVED = "   Saved as your words."
"""What plain mode says after a free-text answer, which is its own words, not repeated."""

CALL_COMMANDS = {":pause": "pause the call (Enter resumes it); leaving pauses it too"}
"""Commands of a telephone interview only."""


class PlainMode:
    """Runs a conversation over text streams."""

    def __init__(self, conversation: Conversation, stdin: TextIO, stdout: TextIO) -> None:
        self.conversation = conversation
        # Bytes that are not UTF-8 are read as lone surrogates and then replaced visibly
        # (see read), rather than stopping the run with a decoding error.
        reconfigure = getattr(stdin, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="surrogateescape")
        self.stdin = stdin
        self.stdout = stdout
        self.colour = (
            stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )
        self.area = ""
        self.paused = False
        """Whether the call is paused, so that the next line resumes it."""
        self.typed = ""
        """The line being acted on, said again when it could not be saved."""
        self.lines_read = 0
        """How many lines of input were read, to name the one refused."""
        self.refused = ""
        """Why a line read from a pipe was refused (`show`): the run stops there."""

    @property
    def commands(self) -> dict[str, str]:
        """The commands of this conversation (a telephone interview has :pause too)."""
        telephone = self.conversation.session.telephone
        return {**COMMANDS, **CALL_COMMANDS} if telephone else COMMANDS

    def run(self, resumed: bool = False) -> int:
        """Ask until the end, :quit, or end of input; return the exit status."""
        try:
            status = self._run(resumed)
        except TranscriptLost as lost:
            self.lost(lost)
            status = exit_codes.CANNOT_WRITE
        except SaveError as error:
            self.line("")
            self.line(f"{error.reason}")
            self.line(
                f"Everything answered before this is saved in {display_name(self.conversation.path)}; "
                "what was just typed is not."
            )
            self.resume_hint()
            status = exit_codes.CANNOT_WRITE
        except KeyboardInterrupt:
            if self.leave():
                return exit_codes.CANNOT_WRITE
            raise  # said by the command: everything answered is saved
        return exit_codes.CANNOT_WRITE if self.leave() else status

    def leave(self) -> bool:
        """Leave the conversation however it ends (:quit, the end of input, Ctrl+C): the
        call paused, the transcript checked and let go of (`Conversation.leave`). A loss
        found then is said on stderr, with where every answer is; whether there was one."""
        lost = self.conversation.leave()
        if lost is None:
            return False
        self.stdout.flush()
        print(f"\nerror: {lost.leaving_words()}", file=sys.stderr)
        if lost.resume_from is not None:
            print(
                "Resume with: partnership-bot resume "
                f"{shlex.quote(display_name(lost.resume_from))} --plain",
                file=sys.stderr,
            )
        return True

    def _run(self, resumed: bool) -> int:
        conversation = self.conversation
        title = conversation.session.dialogue.title
        self.line(title)
        self.whole(f"Transcript: {display_name(conversation.path)}")
        for warning in conversation.warnings:
            self.line(f"Note: {warning}")
        outcome = conversation.begin()
        if resumed and conversation.session.over:
            self.line(f"This transcript is already {status_words(conversation.transcript.status)}.")
            return exit_codes.OK
        if resumed:
            self.line("Resuming where you left off.")
        self.open_call()
        self.show(outcome, always=resumed, recap=resumed)
        while not conversation.session.over:
            line = self.read()
            if line is None:
                self.typed = ""
                conversation.check_saved()
                self.line("")
                self.line("Input ended before the last question. Everything answered is saved.")
                self.resume_hint()
                return exit_codes.INPUT_ENDED
            status = self.handle(line)
            if status is not None:
                return status
            if self.refused:
                return self.stop_refused()
            if conversation.stopped:  # moved while open: said, and nothing more is saved
                return exit_codes.CANNOT_WRITE
        self.summary()
        self.whole(f"Transcript saved: {display_name(conversation.path)}")
        return exit_codes.OK

    def stop_refused(self) -> int:
        """Stop a run from a pipe at a refused line: nobody can correct it there, and
        every later line would land on the question before its own. Says which line and
        why, that nothing after it was taken, and how to carry on; status 5, as at the
        end of input."""
        self.typed = ""
        self.conversation.check_saved()
        self.line("")
        self.line(f"Stopped: line {self.lines_read} of the input was refused:")
        self.line(self.refused)
        self.wrapped(
            "Input from a pipe cannot be corrected, so nothing after it was taken; "
            "everything answered before it is saved."
        )
        self.resume_hint()
        return exit_codes.INPUT_ENDED

    def handle(self, line: str) -> int | None:
        """Act on one line of input; a return value ends the run."""
        conversation = self.conversation
        self.typed = line
        text = line.strip()
        if self.paused and text.lower() != ":quit":
            self.resume_call()
            if not text:
                self.prompt(conversation.current())
                return None
        if asks_for_help(text, (option.key for option in conversation.current().options)):
            # "?" or "help" alone asks for the help, as :help does; nothing is recorded.
            self.help()
            return None
        if not text.startswith(":") or text.startswith("::"):
            typed = text[1:] if text.startswith("::") else line
            # The one rule the app follows too (`Conversation.key_for_next`): only a key
            # the next question takes may be meant for it; any other is the reply.
            if key := conversation.key_for_next(typed):
                self.key_not_reply(key, typed)
                return None
            kept = conversation.key_at_follow_up(typed)  # asked before it is answered
            outcome = conversation.answer(typed)
            if kept and not outcome.error:
                self.wrapped(key_as_reply_words(printable(kept)))
            self.show(outcome)
            return None
        command, _, rest = text.partition(" ")
        command = command.lower()
        if command == ":quit":
            self.typed = ""
            conversation.check_saved()
            self.line("Saved.")
            self.resume_hint()
            return exit_codes.OK
        if command == ":help":
            self.help()
        elif command == ":repeat":
            self.prompt(conversation.current(), recap=True)
        elif command == ":back":
            self.show(conversation.back())
        elif command == SKIP_COMMAND:
            self.show(conversation.skip())
        elif command == ":note":
            outcome = conversation.note(rest)
            self.line(outcome.error or "Note saved.")
            self.write("> ")
        elif command == ":pause" and ":pause" in self.commands:
            self.pause()
        elif command == ":abandon":
            return self.abandon()
        else:
            names = [c.split()[0] for c in self.commands]
            hint = suggest(command, names) or "."
            self.line(f"Unknown command {printable(command)}{hint} Type :help for the list.")
            self.write("> ")
        return None

    def abandon(self) -> int | None:
        """Abandon once confirmed. A reply that is neither yes nor no (an answer typed, a
        command) is not lost: it is taken as the next line typed at the question, as a
        key that is not a reply is taken as the next question's answer. Nothing else is
        abandoned: the assessment goes on."""
        conversation = self.conversation
        self.write("Abandon this assessment? Answers so far are kept. Type yes to confirm: ")
        reply = self.read()
        if reply is None:
            return None  # input ended: the run says so
        said = reply.strip().casefold()
        if said in ("y", "yes"):
            conversation.abandon()
            self.summary()
            self.whole(f"Abandoned. Transcript: {display_name(conversation.path)}")
            return exit_codes.OK
        if said in ("", "n", "no"):
            self.line("Not abandoned.")
            self.prompt(conversation.current())
            return None
        self.line(
            "Not abandoned: that is neither yes nor no, so it is taken as typed at the question."
        )
        return self.handle(reply)

    def summary(self) -> None:
        """At the end of a self-assessment or a telephone interview alike, the summary the
        app shows at the end of an assessment (its area lines when complete, then the
        overall result), as plain lines: in an interview the officer at the terminal reads
        it, as they would open its report in the app."""
        conversation = self.conversation
        assessment = conversation.assessment()
        complete = conversation.session.complete
        self.line("")
        if complete:
            self.wrapped(summary_title(assessment))
            for line in area_lines(assessment):
                self.wrapped(line, indent="  ")
        self.wrapped(result_line(assessment, complete))

    def key_not_reply(self, key: str, typed: str) -> None:
        """A follow-up reply that may be meant for the next question: only a key it takes,
        or written as its answer with a comment ("1 - third"), see
        `Conversation.key_for_next`. At a terminal, ask whether it was meant as the
        answer to the next question or as the reply. From a pipe nobody can be asked: it
        is taken as the next question's answer, the follow-up skipped, since the lines
        after it would otherwise each land one question early."""
        lone = bool(self.conversation.key_at_follow_up(typed))
        shown = printable(key if lone else shown_words(key))
        if not self.stdin.isatty():
            self.wrapped(key_taken_words(shown) if lone else answer_taken_words(shown))
            self.answer_next(key)
            return
        if lone:
            self.line(f'"{shown}" is an answer\'s key, not words. Did you mean it as:')
        else:
            self.line(f'"{shown}" reads as an answer to the next question. Did you mean it as:')
        self.line("   [a] the answer to the next question (the follow-up is skipped)")
        self.line("   [r] the reply to this follow-up")
        self.write("> ")
        choice = self.read()
        if choice is None:
            return  # input ended: the run says so
        choice = choice.strip().casefold()
        if choice in ("a", "answer"):
            self.answer_next(key)
        elif choice in ("r", "reply"):
            outcome = self.conversation.answer(typed)
            if not outcome.error:
                quoted = (
                    " Reports quote words only: a reply that is only a key or a number is "
                    "kept in the transcript, not quoted."
                )
                self.wrapped("Saved as the reply." + (quoted if lone else ""))
            self.show(outcome)
        else:
            self.wrapped(
                f"Neither: nothing is saved. Type the reply to the follow-up, or {SKIP_COMMAND} "
                "to skip it."
            )
            self.write("> ")

    def answer_next(self, key: str) -> None:
        """Skip the follow-up and answer the next question with the key, if it is one of
        that question's options (else the key is not used, and it says so). Each step is
        shown as it is taken, so the log reads as the conversation went: the next
        question, the key as if typed at it, then what follows."""
        conversation = self.conversation
        takes = conversation.next_takes(key)
        skipped = conversation.skip()
        if skipped.error or takes:
            self.show(skipped)
        if skipped.error:
            return
        if takes:
            self.line(key)  # as if typed at the prompt shown above
            self.show(conversation.answer(key))
            return
        self.line("")
        self.line(key_not_used_words(printable(key)))
        self.show(skipped, always=True)

    def open_call(self) -> None:
        """A telephone interview times its call as the app does: started (or resumed)
        when the interview opens, with the length so far when it goes on."""
        conversation = self.conversation
        if not conversation.open_call().turns:
            return
        so_far = conversation.transcript.call_seconds or 0.0
        if conversation.session.turns[-1].kind == "call_resume":
            self.line(f"Call resumed ({call_length_words(so_far)} so far). :pause pauses it.")
        else:
            self.line("Call started. :pause pauses it.")

    def pause(self) -> None:
        """Pause the call; the next line resumes it (Enter alone, or any answer)."""
        conversation = self.conversation
        conversation.pause_call()
        self.paused = True
        so_far = call_length_words(conversation.transcript.call_seconds or 0.0)
        self.line(f"Call paused ({so_far} so far): everything is saved.")
        self.write("Press Enter to resume the call (:quit leaves): ")

    def resume_call(self) -> None:
        """The first line after a pause resumes the call."""
        self.paused = False
        self.conversation.call("call_resume")
        self.line("Call resumed.")

    def refusal_words(self, outcome: Outcome) -> str:
        """Why an input was refused, and, where skipping is the way on, plain mode's way
        to skip: its command (the engine names no front end's way)."""
        target = self.conversation.session.skip_target(outcome)
        return (
            outcome.error
            if target is None
            else f"{outcome.error} Type {SKIP_COMMAND} to skip {target}."
        )

    def show(self, outcome: Outcome, always: bool = False, recap: bool = False) -> None:
        """Print what an input did: a re-prompt on error, else the bot's new turns."""
        for notice in self.conversation.take_notices():
            self.wrapped(f"Note: {notice}")
        if outcome.error:
            if not self.stdin.isatty():
                # From a pipe: the run stops here (`stop_refused`), asking nothing more.
                self.refused = outcome.error
                return
            self.line(self.refusal_words(outcome))
            self.write("> ")
            return
        for turn in outcome.turns:
            if turn.kind == "answer":
                self.taken(turn)
            if turn.kind == "probe_answer":
                # A reply to a follow-up is the respondent's own words, as a narrative
                # answer is: said as saved the same way.
                self.line(TEXT_SAVED)
            if turn.kind in ("say", "end"):
                self.line("")
                self.wrapped(turn.text)
        asked = any(t.kind in ("ask", "probe") for t in outcome.turns)
        if (asked or always) and not self.conversation.session.over:
            self.prompt(self.conversation.current(), recap=recap)

    def taken(self, turn: Turn) -> None:
        """Say, in one line, what an answer was taken as (the option and any comment, as
        the chat shows it after Enter); a narrative answer is its own words, not repeated:
        the line says it was saved as words."""
        framework = self.conversation.session.framework
        try:
            question = framework.question(base_question(turn.question))
        except KeyError:
            question = None
        if question is not None and question.kind == "text" and not turn.abstain:
            self.line(TEXT_SAVED)
            return
        self.out(self.one_line(f"   Taken as: {answer_words(turn)}"))

    def one_line(self, text: str) -> str:
        """Text made printable and shortened to one line of the output's width."""
        width = self.width()
        flat = " ".join(printable(text).split("\n"))
        return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"

    def width(self) -> int:
        """The output's width: the terminal's, 80 columns where it is not a terminal."""
        return output_columns(self.stdout)

    def prompt(self, prompt: Prompt, recap: bool = False) -> None:
        """Show a question or follow-up, then the input prompt; with `recap`, a follow-up
        comes after the question and the answer it follows (carrying on at it)."""
        if prompt.kind == "probe":
            if recap and prompt.question is not None:
                self.area_heading(prompt)
                self.line("")
                self.wrapped(f"{self.number(prompt)}. {prompt.question.text}")
                if prompt.followed is not None:
                    whose = "Their" if self.conversation.session.telephone else "Your"
                    self.wrapped(f"{whose} answer: {answer_words(prompt.followed)}", indent="   ")
            self.line("")
            self.wrapped(f"Follow-up: {prompt.text}", indent="  ")
            self.write("> ")
            return
        self.area_heading(prompt)
        self.line("")
        if prompt.chat:
            self.wrapped(prompt.chat)
        question = prompt.question
        number = self.number(prompt)
        if prompt.read_aloud:
            first, *more = read_out(prompt.read_aloud, prompt.text)
            self.wrapped(f"{number}. Read aloud: {first}")
            for line in more:
                self.wrapped(line, indent="   ")
            if prompt.guidance:
                self.wrapped(f"Guidance: {prompt.guidance}", indent="  ")
        else:
            self.wrapped(f"{number}. {prompt.text}", bold=True)
        for option in prompt.options:
            self.line(f"   [{option.key}] {option.label}")
        if question is not None and question.kind == "number":
            self.line(f"   {answer_hint(question)}.")
        elif question is not None and question.kind == "text":
            self.line("   Type your answer on one line.")
        elif question is not None and question.multiple:
            self.line("   Type the numbers of all that apply, separated by commas or spaces.")
        elif question is not None and question.kind == "date":
            self.line("   Type a date, such as 2 December 2009 or 02/12/2009 (day first).")
        # The answer with its comment, as the app's "Currently:" and the reports show it.
        if prompt.previous is not None:
            self.wrapped(
                f"Current answer: {answer_words(prompt.previous)}. Press Enter to keep it.",
                indent="   ",
            )
        elif prompt.earlier is not None:
            self.wrapped(
                f"{earlier_words(prompt.earlier)} (type an answer to give it).",
                indent="   ",
            )
        self.write("> ")

    def area_heading(self, prompt: Prompt) -> None:
        """Name the area when the conversation enters a new one."""
        progress = prompt.progress
        if progress.area_title == self.area:
            return
        self.area = progress.area_title
        self.line("")
        self.wrapped(progress.where, bold=True)

    def number(self, prompt: Prompt) -> str:
        """The question's own number (the seed's), then how far through the dialogue."""
        progress = prompt.progress
        question = prompt.question
        framework = self.conversation.session.framework
        own = question.number or question_number(question.id, framework) if question else ""
        return f"{own} ({progress.question_number} of {progress.total_words})"

    def help(self) -> None:
        """List the commands."""
        self.line(
            "Answer with an option's key or its words; add a comment after the key if you like."
        )
        for command, meaning in self.commands.items():
            self.line(f"  {command:<12} {meaning}")
        self.line("  To answer with text that starts with ':', type '::' first.")
        self.write("> ")

    def lost(self, lost: TranscriptLost) -> None:
        """The transcript was replaced or removed while open: say what happened, where
        every answer is, the line just typed (it is in that file too, never lost on the
        screen), and how to carry on. Nothing more is saved."""
        self.line("")
        self.wrapped(str(lost))
        if self.typed.strip():
            self.wrapped(f"What was just typed: {self.typed.strip()}")
        if lost.resume_from is not None:
            self.whole(
                "Resume with: partnership-bot resume "
                f"{shlex.quote(display_name(lost.resume_from))} --plain"
            )

    def resume_hint(self) -> None:
        """Say how to carry on."""
        from bot.rounds.commands import file_command

        self.whole("Resume with: " + file_command("resume", self.conversation.path, "--plain"))

    def whole(self, text: str) -> None:
        """A short label and a file's path or a command to type, on one line, never
        wrapped: copied (or read by a script) whole; a terminal narrower than it folds it
        without adding a line end."""
        self.out(printable(text))

    def read(self) -> str | None:
        """One line of input, or None at end of input; bytes that are not UTF-8 become
        U+FFFD, and the user is told."""
        line = self.stdin.readline()
        if line == "":
            return None
        self.lines_read += 1
        if needs_repair(line):
            line = repair(line)
            self.line(
                f"Note: that line holds bytes that are not UTF-8 text; each is kept as {REPLACEMENT}."
            )
        return line.rstrip("\n")

    def wrapped(self, text: str, indent: str = "", bold: bool = False) -> None:
        """Print text wrapped to the terminal's width, 80 columns where the output is not
        a terminal, never breaking a word (`bot.text.wrap_lines`, the one rule). With
        `bold`, each line bold when colour is allowed: the bold is added after the text is
        made printable, so that it is obeyed rather than shown as an escape."""
        # Asked at every paragraph: a terminal resized part way is followed.
        for filled in wrap_lines(text, self.width(), indent=indent):
            self.out(self.bold(filled) if bold and filled else filled)

    def bold(self, text: str) -> str:
        """Bold when colour is allowed."""
        return f"\x1b[1m{text}\x1b[0m" if self.colour else text

    def line(self, text: str) -> None:
        """Print a line of text, wrapped as every plain line is: its continuation lines
        start where its text does (under its leading spaces)."""
        words = text.lstrip(" ")
        self.wrapped(words, indent=text[: len(text) - len(words)])

    def out(self, text: str) -> None:
        """Print a line as it is: already printable and fitted to the width."""
        self.write(text + "\n")

    def write(self, text: str) -> None:
        """Print and flush, so a prompt is visible before input is read."""
        self.stdout.write(text)
        self.stdout.flush()
