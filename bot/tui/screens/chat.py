"""The self-assessment chat: bot and respondent bubbles, option buttons, free text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from bot.end_summary import area_lines, result_line, summary_title
from bot.problems import display_name
from bot.text import clip, printable
from bot.tui.app import host
from bot.tui.message import ChatMessage
from bot.tui.screens.conversation_base import (
    OPTION_KEYS,
    SKIP_KEY,
    SKIP_KEYS,
    ConversationScreen,
)
from bot.tui.stillness import hold_still
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import KeyHints, help_rows, key_words
from bot.tui.widgets.options_bar import OptionsBar
from bot.tui.widgets.progress_header import ProgressHeader
from bot.tui.widgets.text_input import BoxFull

if TYPE_CHECKING:  # loaded when first needed, not before the first question is on screen
    # The engine and the models (pydantic) too: the screen's module can be loaded before
    # them, and they are imported where the conversation is first used.
    from bot.conversation import Conversation
    from bot.engine import Outcome, Prompt
    from bot.scoring.results import Assessment
    from bot.tui.first_look import FirstLook
    from bot.tui.widgets.long_answer import LongAnswer

SEND_LONG_KEYS = "ctrl+s"
"""The key that sends what is typed in the multi-line box (Enter adds a line there)."""
SEND_LONG_KEY = key_words(Binding(SEND_LONG_KEYS, "send_long"))
"""The same key as the help writes it ("Ctrl+S"), wherever the chat names it."""
LONG_ANSWER_HINT = f"{SEND_LONG_KEY} sends  ·  Enter adds a line"
"""Said on the multi-line box itself, where the respondent is typing."""


class ChatScreen(ConversationScreen):
    """A self-assessment, one question at a time, saved after every answer."""

    AUTO_FOCUS = "#answer"
    HELP_KEYS = [
        (OPTION_KEYS, "type an option's key, a comment after it if you like"),
        ("Enter", "send what is typed (a key or words, a number, a reply)"),
        ("click", "an option button sends that option at once"),
        ("? or help", "typed alone and sent: this help (nothing is recorded)"),
    ]
    """Keys the help names that are typing rather than bindings."""
    BINDINGS = [
        Binding(
            SEND_LONG_KEYS,
            "send_long",
            "Send",
            tooltip="send the long answer (Enter adds a line in its box)",
        ),
        Binding("ctrl+b", "back", "Back", tooltip="back to the previous question"),
        Binding(SKIP_KEYS, "skip", "Skip", tooltip="skip this question or follow-up"),
        Binding("ctrl+n", "note", "Note", tooltip="add a note to this question"),
        Binding("ctrl+g", "abandon", "Abandon", tooltip="abandon the assessment (asks first)"),
        Binding("o", "report", "View report", tooltip="view the report"),
        Binding("escape", "leave", "Save & leave", tooltip="leave; all is saved, resume from home"),
        Binding("escape", "home", "Home", tooltip="back to the home screen"),
        Binding("f1", "help", "Help", tooltip="this help"),
    ]

    def __init__(self, conversation: Conversation | None, look: FirstLook | None = None) -> None:
        """A chat on a conversation; or, with ``look`` and no conversation yet, its first
        question drawn from a record until the engine gives it (`attach`)."""
        super().__init__(conversation)
        self.assessment: Assessment | None = None
        """The assessment, compiled once when the conversation ends."""
        self.look = look
        """The record the first question was drawn from, while it is on screen."""

    def compose(self) -> ComposeResult:
        if self.conversation is None and self.look is not None:
            title, who = self.look.title, self.look.who
        else:
            title = self.conversation.session.dialogue.title
            who = self.conversation.header.respondent
        yield ProgressHeader(title, who, id="progress")  # type: ignore[arg-type]
        yield ChatLog(id="log")
        yield OptionsBar(id="options")
        yield ChatInput(placeholder="Type your answer and press Enter", id="answer")
        yield Static("", id="hint")
        yield KeyHints()

    def on_mount(self) -> None:
        hold_still(self)
        if self.conversation is None and self.look is not None:
            self._draw_look(self.look)
        else:
            self._draw_conversation()

    def _draw_look(self, look: FirstLook) -> None:
        """The first question as the record has it, the engine not yet loaded."""
        self.query_one(ProgressHeader).show_at(look.done, look.total, look.where, look.count)
        log = self.query_one(ChatLog)
        for message in look.messages:
            log.add(message)
        self.query_one(OptionsBar).show(look.options)  # type: ignore[arg-type]
        self.query_one(ChatInput).placeholder = look.placeholder
        self.query_one(KeyHints).refresh_hints()

    def attach(self, conversation: Conversation) -> bool:
        """Show the conversation the engine began, in place of the record drawn before it
        was ready; whether it shows just what the record did."""
        from bot.tui import first_look

        self.conversation = conversation
        self.framework = conversation.session.framework
        header = self.query_one(ProgressHeader)
        header.title_text = conversation.session.dialogue.title
        header.who = conversation.header.respondent
        self.query_one(ChatLog).truncate(0)
        self._draw_conversation()
        same = first_look.looked(self) == self.look
        self.look = None
        return same

    def _draw_conversation(self) -> None:
        log = self.query_one(ChatLog)
        self._add_history()
        for warning in self.conversation.warnings:
            log.add(ChatMessage("info", warning))
        self._act(self.conversation.begin)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Send is offered while the multi-line box is in use; otherwise it waits for one
        (None: listed in the help, not in the key hints)."""
        if action == "send_long":
            area = self._long_answer(create=False)
            return True if area is not None and not area.has_class("-hidden") else None
        return super().check_action(action, parameters)

    # ----- showing --------------------------------------------------------------------------

    def _show(self, outcome: Outcome) -> None:
        hint = self.query_one("#hint", Static)
        for notice in self.conversation.take_notices():
            self.query_one(ChatLog).add(ChatMessage("info", printable(notice)))
        if outcome.error:
            hint.update(Content(self.refusal_words(outcome)))
            hint.add_class("-error")
            return
        hint.update("")
        hint.remove_class("-error")
        for turn in outcome.turns:
            self._add_turn(turn)
        self._refresh_prompt()

    def _refresh_prompt(self) -> None:
        from bot.engine.answers import current_options
        from bot.tui.present import answer_words

        session = self.conversation.session
        if session.over:
            self._finish()
            return
        prompt = session.current()
        moved_on = self._moved_on()
        self.query_one(ProgressHeader).show(prompt.progress)
        options = prompt.options if prompt.kind == "ask" else ()
        bar = self.query_one(OptionsBar)
        bar.show(options)
        current = prompt.previous if prompt.kind == "ask" else None
        bar.mark_current(current_options(options, current))
        box = self.query_one(ChatInput)
        box.options = options
        box.question = prompt.question if prompt.kind == "ask" else None
        box.select_on_focus = True
        if moved_on:
            box.clear()
            box.remove_class("-invalid")
        bar.highlight(box.picked)
        long_answer = (
            prompt.kind == "ask" and prompt.question is not None and prompt.question.kind == "text"
        )
        box.set_class(long_answer, "-hidden")
        box.placeholder = self._placeholder(prompt)
        if current is not None:
            hint = self.query_one("#hint", Static)
            hint.update(Content(printable(f"Currently: {answer_words(current)}")))
        elif prompt.kind == "ask" and prompt.earlier is not None:
            from bot.turn_words import earlier_words

            hint = self.query_one("#hint", Static)
            hint.update(Content(printable(earlier_words(prompt.earlier))))
        area = self._long_answer(create=long_answer)
        if area is not None:
            area.set_class(not long_answer, "-hidden")
        if long_answer and area is not None:
            if moved_on:  # a note added meanwhile keeps the answer being typed
                area.text = prompt.previous.value if prompt.previous else ""
                area.remove_class("-invalid")
                # A box that comes back filled is edited at the end of its words, not before.
                area.move_cursor(area.document.end)
            area.focus()
        else:
            box.focus()
        self.query_one(KeyHints).refresh_hints()

    def _long_answer(self, create: bool) -> LongAnswer | None:
        """The multi-line box for narrative answers, made the first time one is needed."""
        found = self.query("#long-answer")
        if not found and not create:
            return None
        # Only once a narrative answer is asked for.
        from bot.tui.widgets.long_answer import LongAnswer

        if found:
            return found.first(LongAnswer)
        area = LongAnswer(
            id="long-answer",
            soft_wrap=True,
            placeholder=f"Type your answer; Enter adds a line, {SEND_LONG_KEY} sends it",
        )
        area.border_subtitle = LONG_ANSWER_HINT
        if getattr(self.app, "still", False):
            area.cursor_blink = False
        self.mount(area, before=self.query_one(ChatInput))
        return area

    @staticmethod
    def _placeholder(prompt: Prompt) -> str:
        from bot.turn_words import answer_hint

        if prompt.kind == "probe":
            return f"Type your reply and press Enter ({SKIP_KEY} skips)"
        if prompt.previous is not None:
            return "Enter keeps the current answer; or give a new one"
        question = prompt.question
        if question is not None and question.multiple:
            return "Type the numbers that apply, such as 1, 3 (or click them), then Enter"
        if question is not None and question.kind == "date":
            return "Type a date, such as 2 December 2009 or 02/12/2009, then Enter"
        if prompt.options:
            keys = [o.key for o in prompt.options]
            listed = f"{', '.join(keys[:-1])} or {keys[-1]}" if len(keys) > 1 else keys[0]
            return f"Type {listed}, a comment after it if you like, then Enter"
        if prompt.question is not None and prompt.question.kind == "number":
            return f"{answer_hint(prompt.question)}, then Enter"
        return "Type your answer and press Enter"

    def _finish(self) -> None:
        """The end of the conversation as a conclusion: thanks, result, where it is saved."""
        session = self.conversation.session
        self.add_class("-over")
        area = self._long_answer(create=False)
        if area is not None:
            area.add_class("-hidden")
        self.query_one(OptionsBar).show(())
        self.show_end_progress()
        if self.assessment is None:
            self.assessment = self.conversation.assessment()
            if session.complete:
                self.query_one(ChatLog).add(self._area_summary(self.assessment))
        self._show_conclusion(self.assessment)
        self.query_one(KeyHints).refresh_hints()

    @staticmethod
    def _area_summary(assessment: Assessment) -> ChatMessage:
        return ChatMessage("info", "\n".join(area_lines(assessment)), summary_title(assessment))

    def _show_conclusion(self, assessment: Assessment) -> None:
        # Made at the end only: Textual's Button stylesheet is a noticeable part of start-up.
        if self.query("#conclusion"):
            self.query_one("#view-report", Button).focus()
            return
        session = self.conversation.session
        if session.complete:
            thanks = session.turns[-1].text or "Thank you."
        else:
            thanks = "The assessment was abandoned. Everything answered is kept."
        result = result_line(assessment, session.complete)
        saved = f"Transcript saved: {display_name(self.conversation.path)}"
        view_report = Button("View report (o)", id="view-report", variant="primary", compact=True)
        self.mount(
            Vertical(
                Static(Content(thanks), id="thanks"),
                Static(Content(result), id="result"),
                Static(Content(saved), id="saved"),
                Horizontal(view_report, Button("Home (Esc)", id="go-home", compact=True)),
                id="conclusion",
            ),
            before=self.query_one(KeyHints),
        )
        self.call_after_refresh(view_report.focus)

    # ----- acting ---------------------------------------------------------------------------

    @on(ChatInput.Submitted, "#answer")
    def _submitted(self, event: ChatInput.Submitted) -> None:
        from bot.engine.path import asks_for_help

        typed = event.value
        if asks_for_help(typed, (option.key for option in self.conversation.current().options)):
            # "?" or "help" alone asks for the help: nothing is recorded, and the box is
            # emptied of the request (anything else typed is sent, or kept if refused).
            self.query_one(ChatInput).clear()
            self.action_help()
            return
        if key := self.conversation.key_for_next(typed):
            self._ask_which(key, typed)
            return
        # Only a key or a number the next question would not take: the reply, said so.
        kept_key = self.conversation.key_at_follow_up(typed)
        self._send(typed, kept_key)

    def _send(self, typed: str, kept_key: str = "") -> None:
        """Send what is typed as the answer or the reply; ``kept_key``, when it is only a
        key kept as the reply, is said to be so. A refused answer stays in the box,
        marked, so that nothing has to be retyped."""
        from bot.conversation import SaveError
        from bot.turn_words import key_as_reply_words

        box = self.query_one(ChatInput)
        try:
            outcome = self.conversation.answer(typed)
        except SaveError as error:
            self.say_save_error(error)
            box.add_class("-invalid")
            return
        if kept_key and outcome.accepted:
            self.query_one(ChatLog).add(
                ChatMessage("info", printable(key_as_reply_words(kept_key)))
            )
        self._show(outcome)
        box.set_class(not outcome.accepted, "-invalid")
        if outcome.accepted:
            box.clear()

    def _ask_which(self, key: str, typed: str) -> None:
        """A follow-up reply that may be meant for the next question: only a key it takes,
        or written as its answer with a comment ("1 - third"), see
        `Conversation.key_for_next`. Ask whether it is the reply or meant for the next
        question; nothing is saved until the respondent says; Esc leaves it in the box."""
        from bot.engine.typed import shown_words
        from bot.tui.screens.dialogs import KeepingPickScreen

        lone = bool(self.conversation.key_at_follow_up(typed))
        shown = printable(key if lone else shown_words(key))
        said = "is only a key, not words" if lone else "reads as an answer to the next question"

        def chosen(choice: str | None) -> None:
            if choice == "reply":
                self._send(typed, key if lone else "")
            elif choice == "next":
                self._key_for_next(key)
            if pick.typed:
                # Typed while the question was up, by someone who had not seen it: kept
                # in the box the answer goes on in, never sent by the Enter that chose.
                box = self.query_one(ChatInput)
                box.insert_text_at_cursor(pick.typed.rstrip())

        pick = KeepingPickScreen(
            f'"{shown}" {said}. Did you mean it as:',
            [
                (
                    "next",
                    "The answer to the next question\n"
                    f'The follow-up is skipped; "{shown}" waits in the box there',
                ),
                ("reply", "The reply to this follow-up\nSaved as typed"),
            ],
        )
        self.app.push_screen(pick, chosen)

    def _key_for_next(self, key: str) -> None:
        """A key typed at a follow-up (alone or with its comment, "1 - third"), meant for
        the next question: the follow-up is skipped and the text waits in the box at the
        next question, sent by Enter once the question is on screen (never recorded for a
        question not yet seen)."""
        from bot.engine.typed import shown_words
        from bot.turn_words import key_waits_words

        skipped = self._act(self.conversation.skip)
        if skipped is None or skipped.error or self.conversation.session.over:
            return
        box = self.query_one(ChatInput)
        box.value = key
        box.cursor_position = len(key)
        box.select_on_focus = False  # typing on adds a comment after the key
        hint = self.query_one("#hint", Static)
        hint.update(Content(printable(key_waits_words(shown_words(key)))))
        hint.remove_class("-error")

    @on(ChatInput.Changed, "#answer")
    def _typed(self, event: ChatInput.Changed) -> None:
        self.query_one(OptionsBar).highlight(self.query_one(ChatInput).picked)
        event.input.remove_class("-invalid")

    @on(BoxFull)
    def _full(self, event: BoxFull) -> None:
        """A box is full (the one-line box or the long answer's): said alike."""
        hint = self.query_one("#hint", Static)
        hint.update(Content(event.words))
        hint.add_class("-error")

    @on(OptionsBar.Chosen)
    def _chosen(self, event: OptionsBar.Chosen) -> None:
        from bot.engine.answers import toggle_pick

        box = self.query_one(ChatInput)
        question = box.question
        if question is not None and question.multiple:
            # A choice of several: a click adds the option's key to the box (or takes it
            # out); Enter sends the picks, so that the number picked is checked once.
            box.value = toggle_pick(question, box.value, event.option)
            # Not selected on focus: the next key typed adds to the picks.
            box.select_on_focus = False
            box.cursor_position = len(box.value)
            box.focus()
            return
        self._act(lambda: self.conversation.choose(event.option))

    def action_send_long(self) -> None:
        from bot.engine.path import asks_for_help

        area = self._long_answer(create=False)
        if area is None or area.has_class("-hidden"):
            return
        if asks_for_help(area.text):
            area.text = ""
            self.action_help()
            return
        outcome = self._act(self.conversation.answer, area.text)
        refused = outcome is None or not outcome.accepted
        area.set_class(refused, "-invalid")
        if not refused:
            area.text = ""

    def action_note(self) -> None:
        from bot.tui.screens.dialogs import TextPromptScreen

        def take(text: str) -> str:
            # Saved before the box goes: a note that cannot be saved stays in it.
            if self._act(self.conversation.note, text) is None:
                return "Not saved (the conversation says why)."
            return ""

        self.app.push_screen(
            TextPromptScreen("Add a note to this question", "Your note", take=take, what="the note")
        )

    def action_abandon(self) -> None:
        if self.conversation.session.over:
            return
        from bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self._act(self.conversation.abandon)

        # Words typed and not sent go with it: said, so that Keep going can keep them.
        draft = self.draft().strip()
        unsent = f' "{printable(clip(draft, 40))}", typed and not sent, is not.' if draft else ""
        self.app.push_screen(
            ConfirmScreen(
                "Abandon this assessment? What you have answered is kept, but it cannot be "
                f"resumed.{unsent}",
                "Abandon",
                "Keep going",
            ),
            decided,
        )

    def action_leave(self) -> None:
        self.leave()

    def draft(self) -> str:
        """What is typed in the answer box, or in the long answer's box beyond the answer
        it came back holding."""
        area = self._long_answer(create=False)
        if area is not None and not area.has_class("-hidden"):
            prompt = self.conversation.session.current()
            previous = prompt.previous.value if prompt.previous else ""
            return "" if area.text.strip() == previous.strip() else area.text
        return self.query_one(ChatInput).value

    def draft_box(self) -> Widget | None:
        """The box the answer is typed in: the long answer's, while shown, else the
        one-line box (none once the assessment is over)."""
        if self.conversation.session.over:
            return None
        area = self._long_answer(create=False)
        if area is not None and not area.has_class("-hidden"):
            return area
        return self.query_one(ChatInput)

    def send_key(self) -> str:
        """The key that sends what is typed: Ctrl+S in the multi-line box, else Enter."""
        area = self._long_answer(create=False)
        if area is not None and not area.has_class("-hidden"):
            return SEND_LONG_KEY
        return super().send_key()

    def draft_refused(self) -> bool:
        """Whether the answer box (or the long answer's) holds an answer just refused."""
        area = self._long_answer(create=False)
        if area is not None and not area.has_class("-hidden"):
            return area.has_class("-invalid")
        return self.query_one(ChatInput).has_class("-invalid")

    def action_home(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("Self-assessment keys", self.help_keys(help_rows(self))))

    def action_report(self) -> None:
        if self.assessment is not None:
            host(self).show_report(self.assessment, self.conversation.path)

    @on(Button.Pressed, "#view-report")
    def _view_report(self) -> None:
        self.action_report()

    @on(Button.Pressed, "#go-home")
    def _home(self) -> None:
        self.action_home()
