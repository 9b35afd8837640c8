"""The terminal app: wires the screens to the catalogue and the transcript folder."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen

from bot import start_gc
from bot.catalogue import Catalogue
from bot.exit_codes import INTERRUPTED
from bot.problems import LoadError
from bot.tui.key_order import ORDERED, KeyOrder, Ordered
from bot.tui.remembered_css import RememberedStylesheet

if TYPE_CHECKING:
    from textual.await_complete import AwaitComplete
    from textual.dom import DOMNode

    from bot.conversation import Conversation
    from bot.scoring.results import Assessment
    from bot.tui.first_look import FirstStart

UNSENT_ASKED = "asks first about words not sent"
"""What every way of leaving the app does with words typed and not sent, as its help says."""


@runtime_checkable
class HoldsUnsent(Protocol):
    """A screen where words can be typed and not yet sent or saved (a conversation, a
    note's box, the call-outcome dialog, the New assessment / New interview form)."""

    def has_unsent(self) -> bool:
        """Whether words are typed there and not sent."""
        ...

    def unsent_stops(self, again: str) -> bool:
        """Whether those words stop leaving: the first time it names them and keeps them;
        the same step again (``again`` names it, "Ctrl+Q again quits", and the screen
        adds "without it") goes ahead without them."""
        ...


KEPT_FROM_A_STALE_LOOK = frozenset(
    {"backspace", "delete", "left", "right", "home", "end", "escape", "ctrl+c", "ctrl+q"}
)
"""Of the keys held for a record's screen that the conversation's differs from, those
acted on besides the typed characters and pastes: editing what is typed, and leaving
(which asks first about words not sent). Enter, a click, a skip, a note or any other
step is not: nothing is sent, chosen or skipped for a question never seen."""

# Screens are imported where they are first needed: started straight into a conversation,
# only that conversation's screen is loaded before its first question is on screen.


class PartnershipApp(App[int]):
    """Partnership self-assessment: chat, telephone interviews, replay and reports."""

    CSS_PATH = "app.tcss"
    TITLE = "Partnership self-assessment"
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip=f"quit; all sent is saved; {UNSENT_ASKED}",
        ),
        # Ctrl+C leaves as it does everywhere else in a terminal (and in plain mode): every
        # answer is already saved, and the command exits with the interrupted status. With
        # text selected in a box it copies it, as Textual's boxes do (and as terminals that
        # copy a selection with Ctrl+C do); pressed again, it leaves. Words typed in a
        # conversation (or a note's box) and not sent are said first, and kept, as leaving by
        # Esc does.
        Binding(
            "ctrl+c",
            "interrupt",
            "Quit",
            show=False,
            priority=True,
            tooltip=f"leave; {UNSENT_ASKED}; copies a selection",
        ),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        folder: Path,
        conversation: Conversation | None = None,
        replay: Path | None = None,
        still: bool = False,
        timer_clock: Callable[[], float] | None = None,
        first: FirstStart | None = None,
    ) -> None:
        super().__init__()
        # Rules parsed by an earlier start are read back rather than parsed again.
        self.stylesheet = RememberedStylesheet(variables=self.get_css_variables())
        self.catalogue = catalogue
        self.folder = folder
        self._conversation = conversation
        self._replay = replay
        self.still = still
        """No cursor blink (for screenshots that must not change from one run to the next)."""
        self.timer_clock = timer_clock
        """Where the call timer reads the time (tests pass a frozen clock)."""
        self._started_on_conversation = False
        self._first = first
        """How a new self-assessment from the command line starts (`bot.tui.first_look`):
        its first question drawn from a record, or the record to keep once it is drawn."""
        self._held: list[events.Event] | None = None
        """Input held until the engine is ready, while a record's first question is shown."""
        self.begun_on_first_look: Conversation | None = None
        """The conversation the engine began for a record's first question: the command
        closes it once the app has."""
        self.start_error: BaseException | None = None
        """What stopped the engine beginning the conversation of a record's first question:
        the command says it once the app has closed, as it would have without the record."""
        """Whether the conversation given is the first screen (`get_default_screen`)."""
        self.after_exit: list[str] = []
        """What must still be read once the app has closed (a transcript found lost on
        leaving), printed by `say_after_exit`."""
        self.last_left: Path | None = None
        """The transcript of the conversation last left: the home list's cursor goes to it
        (r or Enter then carries on with it, never with the row the cursor was on before)."""
        self.interviewer = at_keyboard(conversation)
        """The officer this app last took a telephone interview as (the name it was opened
        with, typed in the New interview form, or given when asked), or "": an interview
        resumed from home is carried on by them (`open_transcript`)."""
        self._key_order = KeyOrder(self, self._hand_out_key)

    async def on_event(self, event: events.Event) -> None:
        """Input is held while a record's first question waits for the engine
        (`bot.tui.first_look`), to be acted on in order once it is ready; key presses and
        pastes from the terminal are handed out one at a time, each once the one before
        has been handled (`bot.tui.key_order`); every other event as Textual does."""
        if isinstance(event, events.Key) and event.key == "ctrl+j" and not event.is_forwarded:
            # A line feed: Enter typed ahead before the terminal was put in raw mode (as
            # the app starts) reaches the app as one. It is Enter.
            event = events.Key("enter", "\r")
        if self._held is not None and isinstance(event, ORDERED) and not event.is_forwarded:
            self._held.append(event)
            return
        if isinstance(event, ORDERED) and not event.is_forwarded:
            await self._key_order.arrived(event)
            return
        await super().on_event(event)

    async def _hand_out_key(self, event: Ordered) -> None:
        """What Textual does with a key press, a paste or a click's press or release as it
        arrives: a click goes to the screen; Escape minimises a maximised widget; a
        priority binding runs; else it goes to the focused widget."""
        if isinstance(event, (events.MouseDown, events.MouseUp)):
            await super().on_event(event)
            return
        if isinstance(event, events.Paste):
            (self.focused or self.screen)._forward_event(event)
            return
        self.app_focus = True
        if self.screen.maximized is not None and event.key == "escape" and self.escape_to_minimize:
            self.screen.minimize()
            return
        if self.focused:
            with contextlib.suppress(NoScreen):
                self.screen._clear_tooltip()
        if not await self._check_bindings(event.key, priority=True):
            (self.focused or self.screen)._forward_event(event)

    def say_after_exit(self) -> None:
        """Print, on stderr, what the app said that must still be read once its screen is
        gone (where the answers of a transcript lost on leaving are)."""
        for words in self.after_exit:
            print(f"error: {words}", file=sys.stderr)
        self.after_exit.clear()

    def get_driver_class(self):  # type: ignore[no-untyped-def]
        """Textual's driver for this terminal, reading its input with a parser that keeps
        a paste whole and in order (`bot.tui.paste`)."""
        driver = super().get_driver_class()
        module = sys.modules.get(driver.__module__)
        if module is not None and hasattr(module, "XTermParser"):
            from bot.tui.paste import PasteSafeParser

            # The driver makes its parser by this name when it starts reading input.
            module.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
        return driver

    def action_interrupt(self) -> None:
        """Leave, as an interrupted command does (status 130); nothing sent is lost.
        In a text box with text selected, copy it instead and let go of the selection,
        so that Ctrl+C again leaves; with words typed and not sent, say so and keep
        them, so that Ctrl+C again leaves without them (`unsent_stops`). The keys typed
        before it are in their box by then (`bot.tui.key_order`)."""
        box = self.focused
        # Input and TextArea both have selected_text, action_copy and a cursor selection;
        # TextArea is not imported here, as it is loaded only when first needed.
        if box is not None and getattr(box, "selected_text", ""):
            box.action_copy()  # type: ignore[attr-defined]
            selection = box.selection  # type: ignore[attr-defined]
            box.selection = type(selection).cursor(selection.end)  # type: ignore[attr-defined]
            # With words not sent, Ctrl+C again says so first (`unsent_stops`).
            unsent = any(screen.has_unsent() for screen in self._holding_unsent())
            leaves = "" if unsent else " Ctrl+C again leaves (everything is saved)."
            self.notify(f"Copied.{leaves}", markup=False)
            return
        if self.unsent_stops("Ctrl+C again leaves"):
            return
        self.exit(return_code=INTERRUPTED)

    async def action_quit(self) -> None:
        """Quit, by Ctrl+Q, the command palette's Quit or the home screen's; words typed
        and not sent stop the first time (`unsent_stops`), read once the keys typed before
        it are in their box (`bot.tui.key_order`)."""
        if self.unsent_stops("Ctrl+Q again quits"):
            return
        await super().action_quit()

    def unsent_stops(self, again: str) -> bool:
        """The one check every way of leaving the app goes through: whether words typed and
        not sent, in the conversation open, in a box over it (a note being typed), in the
        call-outcome dialog or in the New assessment / New interview form, stop leaving. The first time it says so and keeps them; the same step again leaves
        without them (`ConversationScreen.unsent_stops`). Each screen holding words is
        asked in turn, the one on top first."""
        return any(screen.unsent_stops(again) for screen in self._holding_unsent())

    def _holding_unsent(self) -> list[HoldsUnsent]:
        """The screens open where words can be typed and not sent, the one on top first."""
        return [screen for screen in reversed(self.screen_stack) if isinstance(screen, HoldsUnsent)]

    async def _begin_first(self) -> None:
        """Load the engine and begin the conversation whose first question a record drew;
        show it, keep the record again where it showed otherwise, then act on the input
        held meanwhile. Should the engine fail, the app closes and the command says why."""
        from bot.tui import first_look
        from bot.tui.screens.chat import ChatScreen

        assert self._first is not None and self._first.begin is not None
        try:
            self._conversation = self.begun_on_first_look = self._first.begin()
        except BaseException as error:  # said by the command once the screen is gone
            self._held = None
            self.start_error = error
            self.exit()
            return
        finally:
            start_gc.release()
        screen = self.screen
        assert isinstance(screen, ChatScreen)
        if not screen.attach(self._conversation):
            look = first_look.looked(screen)
            if look is not None:
                first_look.keep(self._first.entry, look)
            # Meant for the record's question: only typing and leaving go on to this one.
            self._held = [
                event
                for event in self._held or []
                if isinstance(event, events.Paste)
                or (
                    isinstance(event, events.Key)
                    and (event.is_printable or event.key in KEPT_FROM_A_STALE_LOOK)
                )
            ]
        self.call_later(self._act_on_held)

    async def _act_on_held(self) -> None:
        """Hand the input held while the engine loaded to the key order, in the order it
        came (input coming from now on goes behind it), to be acted on one at a time."""
        held, self._held = self._held or [], None
        for event in held:
            if isinstance(event, ORDERED):
                await self._key_order.arrived(event)

    def _keep_first_look(self) -> None:
        """Keep what the first question of a new self-assessment looks like, for the next
        start with the same command and files (`bot.tui.first_look`)."""
        from bot.tui import first_look
        from bot.tui.screens.chat import ChatScreen

        screen = self.screen
        if self._first is not None and isinstance(screen, ChatScreen):
            look = first_look.looked(screen)
            if look is not None:
                first_look.keep(self._first.entry, look)

    def on_mount(self) -> None:
        if self._held is not None:
            # A record's first question is up: the engine loads once it is drawn, with the
            # collector still held (released once it is ready, in `_begin_first`).
            self.call_after_refresh(self._remember_stylesheet)
            self.call_after_refresh(self._begin_first)
            return
        # The garbage collector, held off while the program starts, runs again once the
        # first screen is drawn (bot.start_gc).
        self.call_after_refresh(start_gc.release)
        # What the first screen's stylesheets parsed to is remembered for the next start.
        self.call_after_refresh(self._remember_stylesheet)
        # Started straight into a conversation or a replay, the home screen is only built
        # when that screen is left: it lists every transcript, which costs start-up time.
        # A conversation is already on screen, as the first screen (`get_default_screen`),
        # unless this Textual lacks what that needs: then it is pushed, a frame later.
        if self._conversation is not None:
            if self._first is not None:
                self.call_after_refresh(self._keep_first_look)
            if not self._started_on_conversation:
                self.push_screen(self.conversation_screen(self._conversation), self._home_if_bare)
            return
        if self._replay is not None:
            self.open_replay(self._replay)
        else:
            self._home_if_bare()

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the conversation the app was started with, if any, drawn as
        the first screen rather than over an empty one (a frame sooner, see
        benchmarks/startup.py), or its first question drawn from a record until the engine
        is ready (`bot.tui.first_look`); otherwise Textual's empty screen, under home or a
        replay."""
        first = self._first
        drawn = first is not None and first.look is not None and first.begin is not None
        if (self._conversation is not None or drawn) and self._textual_can_start_on_a_screen():
            if self._conversation is not None:
                screen = self.conversation_screen(self._conversation)
            else:
                from bot.tui.screens.chat import ChatScreen

                assert first is not None
                screen = ChatScreen(None, first.look)
                self._held = []
            # What Textual does for every screen pushed (it reads the screen's own CSS
            # files), and not for the first one, whose styles are usually the app's.
            self._load_screen_css(screen)
            # Left, it goes home (`pop_screen`) by Textual's switch, which lets go of the
            # result callback that every pushed screen has and the first one lacks.
            screen._push_result_callback(self, None)
            self._started_on_conversation = True
            return screen
        return super().get_default_screen()

    @classmethod
    def _textual_can_start_on_a_screen(cls) -> bool:
        """Whether this Textual has the two internals a first screen of the app's own needs
        (Textual 8 has both); without them the conversation is pushed over the empty
        screen, as any other screen is, and the app works the same a frame later."""
        return hasattr(cls, "_load_screen_css") and hasattr(Screen, "_push_result_callback")

    def pop_screen(self) -> AwaitComplete:
        """Leave the screen on top for the one under it. The first screen (a conversation
        the app was started with) has none: leaving it goes home, as leaving a
        conversation opened from home does."""
        if len(self.screen_stack) <= 1:
            from bot.tui.screens.home import HomeScreen

            return self.switch_screen(HomeScreen(self.catalogue, self.folder))
        return super().pop_screen()

    def _remember_stylesheet(self) -> None:
        if isinstance(self.stylesheet, RememberedStylesheet):
            self.stylesheet.remember()

    def _home_if_bare(self, _: object = None) -> None:
        from bot.tui.screens.home import HomeScreen

        if not any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            self.push_screen(HomeScreen(self.catalogue, self.folder))

    def conversation_screen(self, conversation: Conversation) -> Screen[None]:
        """The chat for a self-assessment, the interview screen for a telephone one."""
        if conversation.header.mode == "telephone":
            from bot.tui.screens.interview import InterviewScreen
            from bot.tui.widgets.call_timer import CallTimer

            timer = CallTimer(self.timer_clock, id="timer") if self.timer_clock else None
            return InterviewScreen(conversation, timer)
        from bot.tui.screens.chat import ChatScreen

        return ChatScreen(conversation)

    def show_error(self, title: str, message: str) -> None:
        """A clear message in the app, never a traceback."""
        from bot.tui.screens.dialogs import MessageScreen

        self.push_screen(MessageScreen(title, message))

    def open_transcript(self, path: Path) -> None:
        """Resume an unfinished transcript."""
        from bot import conversation, store
        from bot.rounds.caller import carried_on_by

        try:
            talk = conversation.resume(self.catalogue, path)
        except store.TranscriptInUse as error:
            self.show_error("Transcript in use", f"{error}. Close it there first.")
            return
        except (LoadError, OSError) as error:
            self.show_error("Cannot resume this transcript", str(error))
            return
        if talk.session.over:
            talk.close()
            self.open_replay(path)
            return
        # Whoever carries an interview on is named on its resumption, so that its report
        # names every interviewer: the officer at this keyboard, by the caller rule with the
        # name last used in this app first; with none known, they are asked.
        if carried_on_by(talk, self.interviewer or None) or not talk.session.telephone:
            self.push_screen(self.conversation_screen(talk))
        else:
            self._ask_interviewer(talk)

    def _ask_interviewer(self, talk: Conversation) -> None:
        """Ask who carries ``talk``, a telephone interview, on (the name of whoever began it
        offered), then resume it as them; cancelled, it is let go of and not resumed."""
        from bot.rounds.caller import carried_on_by, check_name
        from bot.tui.screens.dialogs import TextPromptScreen

        began = talk.header.interviewer.name if talk.header.interviewer else ""
        began = "" if check_name(began) else began  # a name hand-edited into a file is not offered

        def named(name: str | None) -> None:
            if not name or check_name(name):
                talk.close()
                self.notify("Not resumed: no interviewer named.", markup=False)
                return
            self.took_interview_as(name)
            carried_on_by(talk, name)
            self.push_screen(self.conversation_screen(talk))

        detail = (
            f"Begun by {began}: keep the name if that is you, or type yours. " if began else ""
        ) + "Your name goes on the interview and in its report. It is remembered for next time."
        self.push_screen(
            TextPromptScreen(
                "Who is carrying this interview on?",
                placeholder="Your name",
                detail=detail,
                take=check_name,
                what="your name",
                value=began,
            ),
            named,
        )

    def took_interview_as(self, name: str, remember: bool = True) -> None:
        """The officer at this keyboard took a telephone interview as ``name``: an interview
        resumed from home is carried on by them; asked for, or typed where none was known,
        it is remembered for next time (the caller rule, `bot.rounds.caller`)."""
        from bot.rounds import caller

        self.interviewer = name.strip()
        if not remember:
            return
        try:
            caller.remember(self.interviewer)
        except OSError as error:
            self.notify(
                caller.not_remembered(error, in_app=True),
                severity="warning",
                markup=False,
            )

    def open_replay(self, path: Path, notice: str = "") -> None:
        """Step through any transcript; ``notice`` is said at the top of the replay (why
        it was opened), where no message covers what it shows."""
        from bot import store
        from bot.scoring.source import dialogue_for, framework_and_refusal
        from bot.tui.screens.replay import ReplayScreen

        try:
            loaded = store.load(path)
            transcript = loaded.transcript
            # A transcript no report is made of is shown still, saying why at the top.
            framework, warnings, refusal = framework_and_refusal(transcript, path, self.catalogue)
            dialogue, unread = dialogue_for(transcript, path, self.catalogue, framework)
            warnings += unread
            if loaded.dropped_bytes:
                from bot.report.make import INTERRUPTED_SAVE

                warnings.append(INTERRUPTED_SAVE)
            warnings += loaded.time_notes
        except LoadError as error:
            self.show_error("Cannot replay this transcript", str(error))
            return
        self.push_screen(
            ReplayScreen(path, transcript, framework, warnings, dialogue, notice, refusal),
            self._home_if_bare,
        )

    def open_report(self, path: Path) -> None:
        """The report of one transcript, scored against the framework it was taken with."""
        from bot.report.make import assess

        try:
            assessment = assess(path, self.catalogue)
        except (LoadError, OSError) as error:
            self.show_error("Cannot open the report", str(error))
            return
        self.show_report(assessment, path)

    def show_report(self, assessment: Assessment, path: Path) -> None:
        """The report of an assessment already compiled (from the transcript at `path`)."""
        from bot.tui.screens.report import ReportScreen

        self.push_screen(ReportScreen(assessment, path))

    def action_new_assessment(self) -> None:
        """Start a self-assessment."""
        from bot.tui.screens.start import StartScreen

        self.push_screen(StartScreen(self.catalogue, self.folder, telephone=False))

    def action_new_interview(self) -> None:
        """Start a telephone interview."""
        from bot.tui.screens.start import StartScreen

        self.push_screen(StartScreen(self.catalogue, self.folder, telephone=True))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The main actions in the command palette, and every key of the screen in use that
        does something now (derived from its bindings, as its help and key hints are)."""
        from functools import partial

        from bot.tui.widgets.key_hints import key_words, meaning, offered

        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command
        # Quitting goes through the app's one check on leaving, as Ctrl+Q does.
        yield SystemCommand("Quit", f"Quit; all sent is saved; {UNSENT_ASKED}", self.action_quit)
        yield SystemCommand(
            "New self-assessment", "Start a self-assessment chat", self.action_new_assessment
        )
        yield SystemCommand(
            "New telephone interview",
            "Start an interview with single-key coding",
            self.action_new_interview,
        )
        for binding in offered(screen, shown_only=False):
            if binding.action in ("help", "app.new_assessment", "app.new_interview", "app.quit"):
                continue
            words = meaning(binding)
            yield SystemCommand(
                words[:1].upper() + words[1:],
                f"Key: {key_words(binding)}",
                partial(screen.run_action, binding.action),
            )


def at_keyboard(conversation: Conversation | None) -> str:
    """The officer taking ``conversation``, a telephone interview the app is opened with:
    the one carrying it on, where named, or the one beginning it; "" for anything else."""
    if conversation is None or not conversation.session.telephone:
        return ""
    if conversation.interviewer or conversation.session.turns:
        return conversation.interviewer
    began = conversation.header.interviewer
    return began.name if began is not None else ""


def host(node: DOMNode) -> PartnershipApp:
    """The app a screen or widget belongs to, typed, so that screens ask it for things
    through its methods."""
    app = node.app
    assert isinstance(app, PartnershipApp), "the screens run inside PartnershipApp"
    return app
