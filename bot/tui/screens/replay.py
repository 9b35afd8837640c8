"""Replay: step through any transcript turn by turn, play it, or jump to an area."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from bot.engine.review import reviewed_framework
from bot.loading import LoadedDialogue, LoadedFramework
from bot.model import Framework, Transcript, Turn
from bot.model.transcript import interviewed_by
from bot.problems import LoadError
from bot.replay_text import refused_words
from bot.scoring.so_far import scores_so_far
from bot.scoring.source import standing_status
from bot.text import printable
from bot.tui.app import host
from bot.tui.present import message_for, who_words
from bot.tui.screens.dialogs import HelpScreen, PickScreen
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import KeyHints, help_rows
from bot.tui.widgets.score_bars import ScoreBars
from bot.turn_words import answer_words, question_number, speaker, status_words, trigger_words

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0)


class ReplayScreen(Screen[None]):
    """Who said what, when: probes with their triggers, amendments and notes."""

    CSS_PATH = "replay.tcss"

    BINDINGS = [
        Binding("right,n", "step(1)", "Next", priority=True, tooltip="next turn"),
        # "Prev", so that the hints fit 80 columns.
        Binding("left,b", "step(-1)", "Prev", priority=True, tooltip="previous turn"),
        Binding("space", "play", "Play", tooltip="play or pause"),
        Binding("plus,equals_sign", "speed(1)", "Faster", show=False, tooltip="faster"),
        Binding("minus", "speed(-1)", "Slower", show=False, tooltip="slower"),
        Binding("a", "jump", "Area", tooltip="jump to an area"),
        Binding("o", "report", "Report", tooltip="the report of this transcript"),
        Binding("home", "to(0)", "First", show=False, priority=True, tooltip="first turn"),
        Binding("end", "to_end", "Last", show=False, priority=True, tooltip="last turn"),
        Binding("escape", "leave", "Back", tooltip="back"),
        Binding("f1", "help", "Help", tooltip="this help"),
    ]

    position: reactive[int] = reactive(0)
    """How many turns are shown."""
    speed: reactive[int] = reactive(1)
    """Index into SPEEDS."""

    def __init__(
        self,
        path: Path,
        transcript: Transcript,
        framework: LoadedFramework,
        warnings: list[str],
        dialogue: LoadedDialogue | None = None,
        notice: str = "",
        refusal: LoadError | None = None,
    ) -> None:
        super().__init__()
        self.refusal = refusal
        """Why no report is made of the transcript (an answer its framework does not
        give), said under its title as plain replay says it first; None for nothing."""
        said = [notice, printable(refused_words(refusal)) if refusal is not None else ""]
        self.notice = "\n".join(w for w in said if w)
        """Why the replay was opened, said under its title ("X has finished: here are
        their answers"), and why no report is made of it, as text; "" for nothing."""
        self.path = path
        self.transcript = transcript
        self.loaded = framework
        # The framework as the transcript was asked it: with a round's plan review
        # questions ("Agreed action 1.3"), which are not the framework's own; what is
        # shown and jumped to is named by it, while scores stay the framework's.
        self.asked = reviewed_framework(framework.framework, transcript.review)
        self.warnings = warnings
        self.dialogue = dialogue
        """The dialogue it was taken with, where it could be read: an unfinished
        transcript's questions still to come are its, and it judges the questions ahead
        of where the respondent went back (`bot.scoring.compile.transcript_path`)."""
        self.turns = transcript.turns
        self._shown: list[int] = []  # turn index of each message in the log
        self._player: Timer | None = None

    def compose(self) -> ComposeResult:
        who = self.transcript.respondent
        name = who_words(who)
        # As the report says it: a round's transcript whose respondent refused part way is
        # refused, not in progress (`standing_status`, the reports' rule).
        status = status_words(standing_status(self.transcript, self.path))
        # Everyone who interviewed, as the reports name them ("Sam and Kim").
        by = interviewed_by(self.transcript)
        name += f"  ·  interviewed by {printable(by)}" if by else ""
        yield Static(
            Content(f"Replay: {name}  ·  {self.loaded.framework.title}  ·  {status}"),
            id="replay-title",
        )
        # Said in a line of its own rather than a message over the screen, which would
        # hide the replay's status line and keys for as long as it showed.
        yield Static(
            Content(self.notice), id="replay-notice", classes="" if self.notice else "-hidden"
        )
        with Horizontal(id="replay-body"):
            yield ChatLog(id="log")
            # Scrolls where a framework's areas are more than the panel's rows; not a
            # stop of its own for the keys, which step the replay.
            with VerticalScroll(id="replay-side", can_focus=False):
                yield Static("", id="turn-detail")
                yield Static(Content("Scores so far"), classes="side-title")
                yield ScoreBars(id="scores")
        yield Static("", id="replay-status")
        yield KeyHints()

    def on_mount(self) -> None:
        for warning in self.warnings:
            self.notify(warning, markup=False, severity="warning")
        self.position = min(1, len(self.turns))
        self.query_one(ChatLog).focus()

    def watch_position(self, old: int, new: int) -> None:
        log = self.query_one(ChatLog)
        if new < old:
            keep = sum(1 for index in self._shown if index < new)
            del self._shown[keep:]
            log.truncate(keep)
        else:
            framework = self.asked
            for index in range(old, new):
                turn = self.turns[index]
                message = message_for(turn, framework, respondent="Respondent")
                if message is not None:
                    log.add(message)
                    self._shown.append(index)
        self._describe()

    def watch_speed(self) -> None:
        self._describe()
        if self._player is not None:
            self._start_player()

    def _describe(self) -> None:
        if not self.turns:
            self.query_one("#turn-detail", Static).update(
                Content("This transcript has no turns yet.")
            )
            return
        turn = self.turns[max(self.position - 1, 0)]
        self.query_one("#turn-detail", Static).update(Content(detail(turn, self.asked)))
        playing = "playing" if self._player is not None else "paused"
        speed = SPEEDS[self.speed]
        rate = f"{speed:g} turn{'' if speed == 1 else 's'} a second"
        self.query_one("#replay-status", Static).update(
            Content(f"Turn {self.position} of {len(self.turns)}  ·  {playing} at {rate}")
        )
        self._scores()

    def _scores(self) -> None:
        # As the report of the transcript had it ended at this turn: after the last turn,
        # the report's own scores.
        # A transcript no report is made of has no report's scores to end on.
        at_end = self.position >= len(self.turns) and self.refusal is None
        rows = scores_so_far(
            self.loaded.framework,
            self.turns[: self.position],
            self.transcript if at_end else None,
            self.dialogue,
            self.transcript.review,
        )
        self.query_one(ScoreBars).show(rows, width=8, stacked=True)

    def action_step(self, delta: int) -> None:
        self.position = max(0, min(len(self.turns), self.position + delta))
        if self.position >= len(self.turns):
            self._stop_player()

    def action_to(self, position: int) -> None:
        self.position = position

    def action_to_end(self) -> None:
        self.position = len(self.turns)

    def action_play(self) -> None:
        if self._player is not None:
            self._stop_player()
        else:
            if self.position >= len(self.turns):
                self.position = 0
            self._start_player()
        self._describe()

    def _start_player(self) -> None:
        if self._player is not None:
            self._player.stop()
        self._player = self.set_interval(1 / SPEEDS[self.speed], lambda: self.action_step(1))

    def _stop_player(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None
            self._describe()

    def action_speed(self, delta: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + delta))

    def action_jump(self) -> None:
        framework = self.asked
        starts: dict[str, int] = {}
        for index, turn in enumerate(self.turns):
            # A question the framework no longer has (scored against a newer version)
            # belongs to no area shown.
            if turn.kind == "ask" and framework.has_question(turn.question):
                area = framework.area_of(turn.question)
                starts.setdefault(area.id, index)
        items = [(a.id, a.title) for a in framework.areas if a.id in starts]

        def chosen(area_id: str | None) -> None:
            if area_id is not None:
                self.position = starts[area_id] + 1

        self.app.push_screen(PickScreen("Jump to which area?", items), chosen)

    def action_report(self) -> None:
        """The report of the transcript replayed, scored against the framework shown."""
        from bot.scoring import compile_transcript

        self._stop_player()
        if self.refusal is not None:
            host(self).show_error("Cannot open the report", str(self.refusal))
            return
        refused = standing_status(self.transcript, self.path) == "refused"
        assessment = compile_transcript(
            self.transcript, self.loaded, self.warnings, self.dialogue, refused
        )
        host(self).show_report(assessment, self.path)

    def action_leave(self) -> None:
        self._stop_player()
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Replay keys", help_rows(self)))


def detail(turn: Turn, framework: Framework | None = None) -> str:
    """A turn's particulars for the side panel, in the words people use: the question's
    number and the answer's label, not internal ids and raw scores."""
    lines = [
        f"Turn {turn.seq}",
        f"{turn.at.astimezone().strftime('%Y-%m-%d %H:%M:%S')}",
        f"{speaker(turn)}: {turn.kind.replace('_', ' ')}",
    ]
    if turn.question:
        lines.append(f"Question {question_number(turn.question, framework)}")
    if turn.trigger:
        lines.append(f"Trigger: {trigger_words(turn.trigger)}")
    if turn.amends:
        lines.append(f"Amends turn {turn.amends} (kept in the history)")
    if turn.kind == "answer":
        lines.append(f"Answer: {answer_words(turn)}")
    return printable("\n".join(lines))
