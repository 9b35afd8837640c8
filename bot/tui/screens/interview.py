"""The telephone interview: the script to read, single-key coding, notes, a call timer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

from bot.conversation import Conversation
from bot.engine import Outcome
from bot.engine.answers import toggle_pick
from bot.engine.path import asks_for_help
from bot.model import Option, Respondent
from bot.model.framework import base_question
from bot.problems import display_name
from bot.text import printable
from bot.tui.app import host
from bot.tui.present import ChatMessage, answer_words
from bot.tui.screens.conversation_base import (
    OPTION_KEYS,
    SKIP_KEY,
    SKIP_KEYS,
    ConversationScreen,
)
from bot.tui.screens.interview_words import amendable, code_for, reply_placeholder
from bot.tui.stillness import hold_still
from bot.tui.who_line import who_line
from bot.tui.widgets.call_timer import CallTimer
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import KeyHints, help_rows
from bot.tui.widgets.options_bar import OptionsBar
from bot.tui.widgets.progress_header import ProgressHeader
from bot.tui.widgets.reply_input import ReplyInput
from bot.tui.widgets.text_input import TextInput
from bot.turn_words import answer_hint, earlier_words, read_out

if TYPE_CHECKING:  # loaded only once a report is asked for
    from bot.scoring.results import Assessment


NOTE = "note"
"""Where a note is typed: the notes box, a piece of what is unsent (`unsent`)."""
CALL_WITH = "Call with "
"""Before the respondent's name on the call bar."""


class CallerLine(Widget):
    """Who is on the call, cut to the room the timer leaves it ("Paused 12:04" takes more
    than "12:04"), the less important parts first (`who_line`): never their organisation
    before their role."""

    DEFAULT_CSS = "CallerLine { height: 1; }"

    def __init__(self, who: Respondent, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.who = who

    def render(self) -> Content:
        return Content(who_line(self.who, self.size.width, lead=CALL_WITH))


class InterviewScreen(ConversationScreen):
    """An officer on a call: read aloud, code with one key, note, amend, pause."""

    CSS_PATH = "interview.tcss"

    RESPONDENT = "Respondent"
    WHOSE = "Their"
    ASKED = "statement"
    HELP_KEYS = [
        (OPTION_KEYS, "code the answer with the option's key (under the script)"),
        ("?", "this help, unless ? is an option's key"),
        ("? or help", "alone in the reply box, then Enter: this help"),
        ("Enter", "in the reply box: save the reply to a follow-up"),
    ]
    """Keys the help names that are typing rather than bindings."""
    BINDINGS = [
        Binding("ctrl+b", "back", "Back", tooltip="go back to the previous statement"),
        Binding("ctrl+r", "amend", "Amend", tooltip="amend an earlier answer (it is kept)"),
        Binding(SKIP_KEYS, "skip", "Skip", tooltip="skip this statement or follow-up"),
        Binding("ctrl+n", "notes", "Note", tooltip="type a note (Enter saves, Esc returns)"),
        Binding("ctrl+t", "pause", "Pause", tooltip="pause or resume the call"),
        Binding("o", "report", "View report", tooltip="the report of this call, once it is over"),
        Binding("escape", "escape", "Leave", tooltip="leave the call; resume it from home"),
        Binding("f1", "help", "Help", tooltip="this help"),
    ]

    def __init__(self, conversation: Conversation, timer: CallTimer | None = None) -> None:
        super().__init__(conversation)
        self.timer = timer or CallTimer(id="timer")
        self._note_for = ""  # the question a note being typed belongs to
        self._code = ""  # the start of a longer option key typed so far ("1" of "10")
        self._assessment: Assessment | None = None  # the finished call's, once asked for

    def compose(self) -> ComposeResult:
        who = self.conversation.header.respondent
        with Horizontal(id="call-bar"):
            yield CallerLine(who, id="caller")
            yield self.timer
        yield ProgressHeader(self.conversation.session.dialogue.title, id="progress")
        with Horizontal(id="script-row"):
            with Vertical(id="script"):
                yield Static("", id="read-aloud")
                yield OptionsBar(id="options")
                yield Static("", id="codes")
            yield Static("", id="guidance")
        yield ChatLog(id="log")
        yield ReplyInput(
            id="reply",
            classes="-hidden",
            compact=True,
        )
        yield TextInput(
            placeholder="Ctrl+N to type a note; Enter saves it, Esc returns to coding",
            id="notes",
            compact=True,
        )
        yield Static("", id="hint")
        yield KeyHints()

    def on_mount(self) -> None:
        hold_still(self)
        self._add_history()
        log = self.query_one(ChatLog)
        for warning in self.conversation.warnings:
            log.add(ChatMessage("info", warning))
        fresh = not self.conversation.session.turns
        opening = len(log.messages)
        outcome = self._act(self.conversation.begin)
        first_statement = len(log.messages) - 1  # the last message begin added
        self._time_call()
        if fresh and outcome is not None and outcome.turns and outcome.turns[-1].kind == "ask":
            # A new call starts with its opening script, read aloud before the first
            # statement: that is what the log shows, not the first statement, which the
            # script panel above already shows.
            log.keep_in_view(opening, first_statement)

    def _time_call(self) -> None:
        """Start the call, or resume it, as turns: the timer goes on from the length so far
        rather than from zero, and the report can say how long the call took."""
        self._act(self.conversation.open_call)
        self.timer.bank(self.conversation.transcript.call_seconds or 0.0)

    # ----- showing --------------------------------------------------------------------------

    def _show(self, outcome: Outcome) -> None:
        hint = self.query_one("#hint", Static)
        for notice in self.conversation.take_notices():
            self.query_one(ChatLog).add(ChatMessage("info", printable(notice)))
        hint.update(Content(self.refusal_words(outcome)))
        hint.set_class(bool(outcome.error), "-error")
        if outcome.error:
            return
        for turn in outcome.turns:
            self._add_turn(turn)
        self._refresh_script()

    def _refresh_script(self) -> None:
        session = self.conversation.session
        reply = self.query_one("#reply", ReplyInput)
        self._drop_stale_note()
        if session.over:
            self.query_one("#read-aloud", Static).update(Content(session.turns[-1].text))
            self.query_one("#codes", Static).update(
                Content(
                    f"Saved: {display_name(self.conversation.path)}. "
                    "o views the report; Esc returns home."
                )
            )
            self.query_one("#guidance", Static).update("")
            self.show_end_progress()
            reply.add_class("-hidden")
            self.remove_class("-probe")
            self.query_one(OptionsBar).show(())
            self.timer.finish()
            # Notes are for a call in progress (the key is offered only then): the line
            # saying how to type one goes with it.
            self.query_one("#notes", Input).add_class("-hidden")
            self.set_focus(self.query_one(ChatLog))
            self.query_one(KeyHints).refresh_hints()
            return
        prompt = session.current()
        if self._moved_on():
            reply.clear()
            reply.remove_class("-invalid")
            self._code = ""  # a code half typed belonged to the statement before
        self.query_one(ProgressHeader).show(prompt.progress)
        if prompt.kind == "probe":
            # From coding to typing: the script panel and the box change colour and say so.
            self.add_class("-probe")
            self.query_one(OptionsBar).show(())
            self.query_one("#read-aloud", Static).update(Content(prompt.text))
            guidance = prompt.guidance or "none for this statement."
            self.query_one("#guidance", Static).update(Content(f"Guidance: {guidance}"))
            self.query_one("#codes", Static).update(
                Content(f"FOLLOW-UP: type their reply below, Enter saves it; {SKIP_KEY} skips it.")
            )
            reply.coding_keys = self._codes_next()
            reply.placeholder = reply_placeholder(prompt, reply.held)
            reply.remove_class("-hidden")
            self.set_focus(reply)
            return
        self.remove_class("-probe")
        reply.coding_keys = frozenset()
        reply.select_on_focus = True
        reply.add_class("-hidden")
        words = "\n".join(read_out(prompt.read_aloud, prompt.text))
        self.query_one("#read-aloud", Static).update(Content(words))
        self.query_one(OptionsBar).show(prompt.options)
        question = prompt.question
        # A choice of several is typed in the reply box (codes separated by commas or
        # spaces); one key press cannot say when the picking is done.
        several = question is not None and question.multiple
        how = (answer_hint(prompt.question) if prompt.question else "") or "Type the answer"
        codes = "" if prompt.options else f"{how}, in the reply box, then Enter. "
        if several:
            codes = "Type every code that applies, such as 1, 3 (or click them), then Enter. "
        elif question is not None and question.kind == "date":
            codes = "Type the date in the reply box, such as 2 December 2009 or 02/12/2009. "
        reply.placeholder = reply_placeholder(prompt)
        if prompt.previous is not None:
            codes += f"Currently: {answer_words(prompt.previous)} (Enter keeps it)"
        elif prompt.earlier is not None:  # asked afresh: a hint, not kept by Enter
            codes += f"{earlier_words(prompt.earlier)} (Enter does not keep it: answer afresh)"
        self.query_one("#codes", Static).update(Content(printable(codes)))
        guidance = prompt.guidance or "none for this statement."
        self.query_one("#guidance", Static).update(Content(f"Guidance: {guidance}"))
        # The focus moves at once, not after the keys already queued: a key pressed right
        # after the one that moved on goes where the next statement wants it.
        if prompt.options and not several:
            self.set_focus(self.query_one(ChatLog))
        else:
            reply.remove_class("-hidden")
            self.set_focus(reply)

    def _question_now(self) -> str:
        session = self.conversation.session
        if session.over:
            return ""
        question = session.current().question
        return question.id if question else ""

    def _drop_stale_note(self) -> None:
        """A note belongs to the question it was started on: a draft left in the notes box
        when the interview moves on is not saved against the next one, and the log says so."""
        notes = self.query_one("#notes", Input)
        draft = notes.value.strip()
        if not draft or self._note_for == self._question_now():
            return
        question = self.framework.question(self._note_for) if self._note_for else None
        where = f" for {self.framework.label(question.id)}" if question else ""
        notes.clear()
        self._note_for = ""
        self.query_one(ChatLog).add(
            ChatMessage("info", f'Note{where} not saved (it was left unsent): "{draft}"')
        )

    # ----- acting ---------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Coding by key, unless a text box has the focus: an option's key codes it at
        once, or, where longer keys begin the same way ("1" of 1 and 10-12), once its last
        key is typed or Enter ends it; while the call is paused a key codes nothing and
        says so (`_not_coded_paused`)."""
        if isinstance(self.focused, Input):
            return  # a box's own keys
        if self.conversation.session.over:
            return
        prompt = self.conversation.session.current()
        character = (event.character or "").casefold()
        if self.timer.paused:
            # A key that codes nothing says so: nothing is coded while the call is paused.
            if event.is_printable and character.strip() and prompt.kind == "ask":
                event.stop()
                event.prevent_default()
                if not self._asks_for_help(prompt.options, self._code + character):
                    self._not_coded_paused(self._code + character)
            return
        if prompt.kind != "ask":
            return
        if event.is_printable and character.strip() and prompt.options:
            event.stop()
            event.prevent_default()
            if self._asks_for_help(prompt.options, self._code + character):
                return
            self._type_code(character)
        elif event.key == "enter" and self._code:
            event.stop()
            exact, longer = code_for(prompt.options, self._code)
            if exact is not None:
                self._code = ""
                self._code_as(exact)
            else:
                # The keys so far are only the start of longer codes: they are kept, and
                # the hint says what would complete them.
                keys = ", ".join(o.key for o in longer)
                self._say(
                    f'"{self._code}" alone codes nothing: type the next key of {keys}.',
                    error=True,
                )
        elif event.key == "backspace" and self._code:
            event.stop()
            self._type_code("", undo=True)
        elif event.key == "enter" and prompt.previous is not None:
            event.stop()
            if not self._note_stops("Enter again goes on"):
                self._act(self.conversation.answer, "")

    def _asks_for_help(self, options: tuple[Option, ...], typed: str) -> bool:
        """Whether the keys typed so far ask for the help ("?", as in the chat), and if so
        show it: an option's key always wins, a longer key that begins with them too."""
        exact, longer = code_for(options, typed)
        if exact is not None or longer or not asks_for_help(typed):
            return False
        self._code = ""
        self.query_one(OptionsBar).highlight(None)
        self._say("")
        self.action_help()
        return True

    def _type_code(self, character: str, undo: bool = False) -> None:
        """Add a key (or, undoing, take the last one off) to the code typed so far, and
        code the option it names once no longer key begins with it."""
        options = self.conversation.session.current().options
        typed = self._code[:-1] if undo else self._code + character
        exact, longer = code_for(options, typed)
        bar = self.query_one(OptionsBar)
        if exact is not None and not longer:
            self._code = ""
            self._code_as(exact)
        elif longer and typed:
            self._code = typed
            bar.highlight(((exact,) if exact else ()) + longer)
            ends = f"Enter codes {exact.key} {exact.label}, or type" if exact else "type"
            keys = ", ".join(o.key for o in longer)
            self._say(f'Coding "{typed}": {ends} the next key of {keys}.')
        else:
            self._code = ""
            bar.highlight(None)
            if typed:
                codes = ", ".join(o.key for o in options)
                self._say(f'"{typed}" codes nothing here: the codes are {codes}.', error=True)
            else:
                self._say("")

    def _code_as(self, option: Option) -> None:
        """Code the answer (a key typed, or its button clicked); a note typed for the
        statement and not saved stops the first time (`_note_stops`)."""
        self.query_one(OptionsBar).highlight(None)
        if not self._note_stops(f"coding {option.key} again goes on"):
            self._act(lambda: self.conversation.choose(option))

    def _note_stops(self, again: str) -> bool:
        """Whether a note typed in its box and not saved stops a step that would move on
        from the statement it is for (coding an answer, keeping one, saving a reply): as
        leaving does (`unsent_stops`), the first time it says so and keeps it in its box,
        where Ctrl+N, then Enter, saves it; the same step again goes on without it, and the
        log says it was not saved (`_drop_stale_note`). The reply, if any, is what the
        step sends: the note alone is asked about."""
        note = self.unsent().get(NOTE, "")
        return self.unsent_stops(again, {NOTE: note})

    def _say(self, words: str, error: bool = False) -> None:
        hint = self.query_one("#hint", Static)
        hint.update(Content(words))
        hint.set_class(error, "-error")

    @on(ReplyInput.Held)
    def _held(self, event: ReplyInput.Held) -> None:
        session = self.conversation.session
        if not session.over:
            event.reply.placeholder = reply_placeholder(session.current(), event.key)
        if event.key:
            self._say(
                f'The follow-up is still open: "{event.key}" was not taken as a code. '
                f"{SKIP_KEY} skips the follow-up and codes {event.key} for the next statement; "
                "or type their reply.",
                error=True,
            )
        else:
            self._say("")

    @on(TextInput.Full)
    def _full(self, event: TextInput.Full) -> None:
        self._say(event.words, error=True)

    def _not_coded_paused(self, typed: str) -> None:
        """Say that a key (or a button clicked) coded nothing because the call is paused;
        the keys typed so far stay as they were."""
        self._say(
            f'"{printable(typed)}" not coded: the call is paused; Ctrl+T resumes.', error=True
        )

    @on(OptionsBar.Chosen)
    def _chosen(self, event: OptionsBar.Chosen) -> None:
        if self.timer.paused:
            self._not_coded_paused(event.option.key)
            return
        question = self.conversation.session.current().question
        if question is not None and question.multiple:
            reply = self.query_one("#reply", ReplyInput)
            reply.value = toggle_pick(question, reply.value, event.option)
            # Not selected on focus: the next key typed adds to the picks.
            reply.select_on_focus = False
            reply.cursor_position = len(reply.value)
            reply.focus()
            return
        self._code_as(event.option)

    @on(Input.Submitted, "#reply")
    def _reply(self, event: Input.Submitted) -> None:
        options = self.conversation.session.current().options
        if asks_for_help(event.value, (option.key for option in options)):
            # "?" or "help" alone asks for the help, as in the chat: nothing is recorded.
            event.input.clear()
            self.action_help()
            return
        if self._note_stops("Enter again goes on"):
            return
        outcome = self._act(self.conversation.answer, event.value)
        # A refused reply stays in the box, marked, to be corrected rather than retyped.
        refused = outcome is None or not outcome.accepted
        event.input.set_class(refused, "-invalid")
        if not refused:
            event.input.clear()

    def _codes_next(self) -> frozenset[str]:
        """The keys that start a code of the statement after the follow-up shown, were it
        skipped (the one the branches lead to, `Conversation.after_follow_up`), casefolded:
        one of them pressed into the empty reply box is held for that statement; any
        other key is the start of the reply."""
        after = self.conversation.after_follow_up()
        if after is None or after.kind != "ask" or (after.question and after.question.multiple):
            return frozenset()
        return frozenset(o.key[:1].casefold() for o in after.options)

    def action_skip(self) -> None:
        """Skip the statement or follow-up; a coding key held back from the reply box then
        codes the next statement."""
        reply = self.query_one("#reply", ReplyInput)
        if self.conversation.session.over or self.skip_stopped():
            return
        held = reply.take_held()
        super().action_skip()
        session = self.conversation.session
        if held and not session.over:
            prompt = session.current()
            if prompt.kind == "ask" and prompt.options and not prompt.question.multiple:
                self._type_code(held.casefold())
            else:
                self._say(f'"{held}" codes nothing here: type the answer in the box.', error=True)

    @on(Input.Submitted, "#notes")
    def _note(self, event: Input.Submitted) -> None:
        if event.value.strip():
            if self._act(self.conversation.note, event.value) is None:
                return  # not saved: the note stays in its box, as the log says
            event.input.clear()
            self._note_for = ""
        self._return_to_coding()

    def _return_to_coding(self) -> None:
        reply = self.query_one("#reply", Input)
        # At once: the key typed after Enter goes where the focus is once this is done
        # (`bot.tui.key_order`), so a code pressed right after Enter codes.
        if not reply.has_class("-hidden"):
            self.set_focus(reply)
        else:
            self.set_focus(self.query_one(ChatLog))
        # Enter no longer saves the note: a "Not sent yet" message says what does now.
        self.call_after_refresh(self.restate_draft_warning)

    @on(Input.Changed, "#notes")
    def _note_typed(self, event: Input.Changed) -> None:
        """A note belongs to the statement it was started on, however its box was reached
        (Ctrl+N, or a click)."""
        if event.value.strip() and not self._note_for:
            self._note_for = self._question_now()

    def action_notes(self) -> None:
        notes = self.query_one("#notes", Input)
        if not notes.value.strip():
            self._note_for = self._question_now()
        notes.focus()
        self.call_after_refresh(self.restate_draft_warning)

    def action_escape(self) -> None:
        if isinstance(self.focused, Input) and self.focused.id == "notes":
            self._return_to_coding()
            return
        self.leave()

    def draft(self) -> str:
        """What is typed in the reply box (a follow-up reply or a worded answer) and not yet
        sent."""
        reply = self.query_one("#reply", Input)
        return reply.value if not reply.has_class("-hidden") else ""

    def unsent(self, refused: bool = True) -> dict[str, str]:
        """The reply typed and not sent (`draft`), then the note typed and not saved: both
        are named, whichever steps would lose them."""
        pieces = super().unsent(refused)
        note = self.query_one("#notes", Input).value
        if note.strip():
            pieces[NOTE] = note
        return pieces

    def draft_box(self) -> Widget | None:
        """The reply box, while it is shown (a follow-up, or an answer typed in words)."""
        reply = self.query_one("#reply", Input)
        return None if reply.has_class("-hidden") else reply

    def typing_boxes(self) -> tuple[Widget, ...]:
        """The reply box, while shown, and the notes box."""
        return (*super().typing_boxes(), self.query_one("#notes", Input))

    def sends(self, where: str) -> str:
        """How the words typed at ``where`` are sent from where the focus is now: a reply by
        Enter in the reply box (from the notes box Esc goes back to it first), a note by
        Enter in the notes box (Ctrl+N goes there first)."""
        notes = self.query_one("#notes", Input)
        if where != NOTE:
            return "Esc, then Enter, sends it" if self.focused is notes else "Enter sends it"
        if self.focused is notes:
            return "Enter saves the note"
        return "Ctrl+N, then Enter, saves the note"

    def draft_refused(self) -> bool:
        """Whether the reply box holds an answer just refused, kept to be corrected."""
        reply = self.query_one("#reply", Input)
        return reply.has_class("-invalid") and not reply.has_class("-hidden")

    def action_report(self) -> None:
        """The report of the call, once it is over (as the self-assessment offers)."""
        if self._assessment is None:  # compiled once: a finished call no longer changes
            from bot.scoring import compile_transcript  # only once a report is asked for

            session = self.conversation.session
            self._assessment = compile_transcript(
                self.conversation.transcript,
                session.loaded.framework,
                self.conversation.warnings,
                session.loaded,
            )
        host(self).show_report(self._assessment, self.conversation.path)

    def key_description(self, binding: Binding) -> str:
        """A key's word in the key bar for what pressing it does now: the pause key says
        Resume while the call is paused."""
        if binding.action == "pause" and self.timer.paused:
            return "Resume"
        return binding.description

    def action_pause(self) -> None:
        """Pause the call, or resume it."""
        if self.conversation.session.over:
            return
        pausing = not self.timer.paused
        self.timer.paused = pausing
        self._act(self.conversation.call, "call_pause" if pausing else "call_resume")
        self._say(
            "Call paused: everything is saved. Ctrl+T resumes; Esc leaves (resume from home)."
            if self.timer.paused
            else ""
        )
        self.query_one(KeyHints).refresh_hints()

    def action_amend(self) -> None:
        """Amend an earlier answer, chosen from a list of those that can be: the question
        being asked now is not among them (it is answered in place: Enter keeps its
        answer, a new one replaces it). An amendment that changes the route goes back to
        where it turns, leaving a reply or note typed for the statement now behind: with
        words typed and not sent, the first press asks, as going back does."""
        session = self.conversation.session
        answers = session.amendable()
        if not answers:
            if session.answers:
                self._say(
                    "Nothing earlier to amend: the statement being asked now is answered "
                    "in place (Enter keeps its answer, or code a new one); Ctrl+B goes back."
                )
            return
        if self.unsent_stops("Ctrl+R again amends", self.unsent(refused=False)):
            return
        from bot.tui.screens.dialogs import PickScreen, TextPromptScreen

        names = dict(amendable(self.framework, answers))
        items = [
            (
                key,
                f"{name}  {self.framework.question(base_question(key)).text}\n"
                f"    Answer: {printable(answer_words(answers[key]))}",
            )
            for key, name in names.items()
        ]

        def picked(key: str | None) -> None:
            if key is None:
                return
            question = self.framework.question(base_question(key))
            options = self.framework.options_of(question)
            keys = ", ".join(f"{o.key} {o.label}" for o in options) if options else "the new answer"

            def take(text: str) -> str:
                # An item's answer is amended under the item's own name ("risk_rag#2"),
                # so the new version stays bound to that item in the register.
                outcome = self._act(self.conversation.amend, key, text)
                if outcome is None:
                    return "Not saved (the log says why)."
                return outcome.error

            self.app.push_screen(
                TextPromptScreen(
                    f"Amend {names[key]}",
                    "new answer",
                    f"Type {keys}",
                    take=take,
                    what="the new answer",
                )
            )

        self.app.push_screen(PickScreen("Amend which answer?", items), picked)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(
            HelpScreen("Telephone interview keys", self.help_keys(help_rows(self)))
        )
