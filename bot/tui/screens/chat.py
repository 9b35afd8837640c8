"""The self-assessment chat: bot and respondent bubbles, option buttons, free text."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from bot.engine import Outcome, Prompt
from bot.problems import display_name
from bot.tui.present import ChatMessage
from bot.tui.screens.conversation_base import ConversationScreen
from bot.tui.stillness import hold_still
from bot.tui.widgets.chat_input import ChatInput
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import KeyHints
from bot.tui.widgets.options_bar import OptionsBar
from bot.tui.widgets.progress_header import ProgressHeader

KEYS = [
    ("1-5, y, n, d...", "type an option's key, and a comment after it if you like"),
    ("Enter", "send what is typed (an option's key or words, a number, or a reply)"),
    ("click", "an option button sends that option at once"),
    ("Ctrl+S", "send a long answer (in the multi-line box)"),
    ("Ctrl+B", "go back to the previous question (Enter on it keeps the answer)"),
    ("Ctrl+O", "skip this question or follow-up"),
    ("Ctrl+N", "add a note"),
    ("Ctrl+G", "abandon the assessment (asks first)"),
    ("Esc", "leave; everything is already saved, resume from the home screen"),
    ("F1", "this help"),
]


class ChatScreen(ConversationScreen):
    """A self-assessment, one question at a time, saved after every answer."""

    AUTO_FOCUS = "#answer"
    BINDINGS = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+o", "skip", "Skip"),
        Binding("ctrl+n", "note", "Note"),
        Binding("ctrl+s", "send_long", "Send", show=False),
        Binding("ctrl+g", "abandon", "Abandon"),
        Binding("escape", "leave", "Save & leave"),
        Binding("f1", "help", "Help"),
        Binding("o", "report", "Report", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield ProgressHeader(self.conversation.session.dialogue.title, id="progress")
        yield ChatLog(id="log")
        yield OptionsBar(id="options")
        yield ChatInput(placeholder="Type your answer and press Enter", id="answer")
        yield Static("", id="hint")
        yield KeyHints()

    def on_mount(self) -> None:
        hold_still(self)
        log = self.query_one(ChatLog)
        for turn in self.conversation.session.turns:
            self._add_turn(turn)
        if self.conversation.session.turns and not self.conversation.session.over:
            log.add(ChatMessage("info", "Welcome back: carrying on where you left off."))
        for warning in self.conversation.warnings:
            log.add(ChatMessage("info", warning))
        self._act(self.conversation.begin)

    # ----- showing --------------------------------------------------------------------------

    def _show(self, outcome: Outcome) -> None:
        hint = self.query_one("#hint", Static)
        if outcome.error:
            hint.update(Content(outcome.error))
            hint.add_class("-error")
            return
        hint.update("")
        hint.remove_class("-error")
        for turn in outcome.turns:
            self._add_turn(turn)
        self._refresh_prompt()

    def _refresh_prompt(self) -> None:
        session = self.conversation.session
        if session.over:
            self._finish()
            return
        prompt = session.current()
        self.query_one(ProgressHeader).show(prompt.progress)
        options = prompt.options if prompt.kind == "ask" else ()
        self.query_one(OptionsBar).show(options)
        box = self.query_one(ChatInput)
        box.options = options
        self.query_one(OptionsBar).highlight(box.chosen)
        long_answer = (
            prompt.kind == "ask" and prompt.question is not None and prompt.question.kind == "text"
        )
        box.set_class(long_answer, "-hidden")
        box.placeholder = self._placeholder(prompt)
        area = self._long_answer(create=long_answer)
        if area is not None:
            area.set_class(not long_answer, "-hidden")
        if long_answer and area is not None:
            area.text = prompt.previous.value if prompt.previous else ""
            area.focus()
        else:
            box.focus()

    def _long_answer(self, create: bool) -> TextArea | None:
        """The multi-line box for narrative answers, made the first time one is needed."""
        found = self.query("#long-answer")
        if found:
            return found.first(TextArea)
        if not create:
            return None
        area = TextArea(id="long-answer", soft_wrap=True)
        if getattr(self.app, "still", False):
            area.cursor_blink = False
        self.mount(area, before=self.query_one(ChatInput))
        return area

    @staticmethod
    def _placeholder(prompt: Prompt) -> str:
        if prompt.kind == "probe":
            return "Type your reply and press Enter (Ctrl+O skips)"
        if prompt.previous is not None:
            return "Enter keeps the current answer; or give a new one"
        if prompt.options:
            keys = [o.key for o in prompt.options]
            listed = f"{', '.join(keys[:-1])} or {keys[-1]}" if len(keys) > 1 else keys[0]
            return f"Type {listed}, a comment after it if you like, then Enter"
        if prompt.question is not None and prompt.question.kind == "number":
            return "Type a number and press Enter"
        return "Type your answer and press Enter"

    def _finish(self) -> None:
        session = self.conversation.session
        log = self.query_one(ChatLog)
        self.query_one(ChatInput).add_class("-hidden")
        area = self._long_answer(create=False)
        if area is not None:
            area.add_class("-hidden")
        self.query_one(OptionsBar).show(())
        self._show_finished_buttons()
        progress = session.current().progress
        self.query_one(ProgressHeader).show(progress, finished=True)
        if session.complete:
            from bot.scoring import compile_transcript

            assessment = compile_transcript(self.conversation.transcript, session.loaded.framework)
            lines = [
                f"{a.area.title}: {'no score' if a.score is None else f'{a.score:.0f}/100'}"
                + (f" ({a.rag.label})" if a.rag else "")
                + (
                    f", {len(a.actions)} suggested action{'s' if len(a.actions) != 1 else ''}"
                    if a.actions
                    else ""
                )
                for a in assessment.areas
            ]
            overall = "no score" if assessment.overall is None else f"{assessment.overall:.0f}/100"
            if assessment.stage is not None:
                overall += f", stage: {assessment.stage.label}"
            log.add(ChatMessage("info", "\n".join(lines), f"Summary: overall {overall}"))
        log.add(ChatMessage("info", f"Transcript saved: {display_name(self.conversation.path)}"))

    def _show_finished_buttons(self) -> None:
        # Made at the end only: Textual's Button stylesheet is a noticeable part of start-up.
        if self.query("#finished"):
            self.query_one("#view-report", Button).focus()
            return
        view_report = Button("View report (o)", id="view-report", variant="primary")
        self.mount(
            Horizontal(view_report, Button("Home (Esc)", id="home"), id="finished"),
            before=self.query_one(KeyHints),
        )
        self.call_after_refresh(view_report.focus)

    # ----- acting ---------------------------------------------------------------------------

    @on(ChatInput.Submitted, "#answer")
    def _submitted(self, event: ChatInput.Submitted) -> None:
        event.input.clear()
        self._act(self.conversation.answer, event.value)

    @on(ChatInput.Changed, "#answer")
    def _typed(self, event: ChatInput.Changed) -> None:
        self.query_one(OptionsBar).highlight(self.query_one(ChatInput).chosen)

    @on(OptionsBar.Chosen)
    def _chosen(self, event: OptionsBar.Chosen) -> None:
        self._act(lambda: self.conversation.choose(event.option))

    def action_send_long(self) -> None:
        area = self._long_answer(create=False)
        if area is None or area.has_class("-hidden"):
            return
        text = area.text
        area.text = ""
        self._act(self.conversation.answer, text)

    def action_note(self) -> None:
        from bot.tui.screens.dialogs import TextPromptScreen

        def saved(text: str | None) -> None:
            if text:
                self._act(self.conversation.note, text)

        self.app.push_screen(TextPromptScreen("Add a note to this question", "Your note"), saved)

    def action_abandon(self) -> None:
        if self.conversation.session.over:
            return
        from bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self._act(self.conversation.abandon)

        self.app.push_screen(
            ConfirmScreen(
                "Abandon this assessment? What you have answered is kept, but it cannot be resumed.",
                "Abandon",
                "Keep going",
            ),
            decided,
        )

    def action_leave(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from bot.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("Self-assessment keys", KEYS))

    def action_report(self) -> None:
        if self.conversation.session.complete:
            from bot.tui.screens.report import ReportScreen

            self.app.push_screen(ReportScreen(self.conversation.path))

    @on(Button.Pressed, "#view-report")
    def _view_report(self) -> None:
        self.action_report()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_leave()
