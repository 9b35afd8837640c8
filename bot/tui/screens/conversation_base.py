"""What the chat and the interview screens share: a conversation, saved on every step."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.notifications import Notification, Notify
from textual.screen import Screen

from bot.problems import display_name
from bot.text import clip, names_words, printable
from bot.tui.message import ChatMessage
from bot.tui.widgets.chat_log import ChatLog
from bot.tui.widgets.key_hints import key_words
from bot.tui.widgets.progress_header import ProgressHeader

if TYPE_CHECKING:  # named in annotations only: the widgets load when the screen makes them
    from textual.widget import Widget
    from textual.widgets import Input, TextArea

    # The engine and the models (pydantic) are imported where a conversation is first
    # used, not with the screen's module, which can then be loaded before them.
    from bot.conversation import Conversation, SaveError, TranscriptLost
    from bot.engine import Outcome
    from bot.model import Turn

SKIP_KEYS = "ctrl+o"
"""The app's key for skipping, bound to `skip` by both conversation screens."""
SKIP_KEY = key_words(Binding(SKIP_KEYS, "skip"))
"""The same key as the help writes it ("Ctrl+O")."""
OVER_ONLY = frozenset({"report", "home"})
"""Actions offered once the conversation is over."""
DURING_ONLY = frozenset({"back", "skip", "note", "notes", "abandon", "amend", "pause", "leave"})
"""Actions that only mean something while there is a question to answer."""
DRAFT = "draft"
"""Where words are typed on every conversation screen: the answer box (`unsent`)."""
OPTION_KEYS = "option keys"
"""Stands, in a screen's HELP_KEYS, for the option keys of the question on screen."""


def save_error_words(error: SaveError) -> str:
    """What the log says of a step that could not be saved: why, and, for a transcript
    replaced or removed while open, how to carry on from where everything was written."""
    from bot.conversation import TranscriptLost

    if isinstance(error, TranscriptLost) and error.resume_from is not None:
        return (
            f"{error} What was typed is kept in its box. To carry on: partnership-bot resume "
            f"{shlex.quote(display_name(error.resume_from))}"
        )
    return str(error)


def lost_words(lost: TranscriptLost) -> str:
    """What leaving says of a transcript found replaced, removed or moved: what happened,
    where every answer is, and how to carry on."""
    words = lost.leaving_words()
    if lost.resume_from is not None:
        words += (
            f" To carry on: partnership-bot resume {shlex.quote(display_name(lost.resume_from))}"
        )
    return words


class ConversationScreen(Screen[None]):
    """A screen driving one conversation; subclasses show its prompts their own way."""

    RESPONDENT = "You"
    """How the respondent's side is named in the log."""
    WHOSE = "Your"
    """Whose answer a follow-up follows, as the log says it."""
    ASKED = "question"
    """What the screen calls what is asked ("statement" on a call)."""

    def help_keys(self, rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The help's rows with the option keys named as the question on screen has them
        (a key no option has would do nothing); the row left out when it has none."""
        session = self.conversation.session
        options = () if session.over else session.current().options
        named = []
        for keys, meaning in rows:
            if keys == OPTION_KEYS:
                if not options:
                    continue
                keys = ", ".join(o.key for o in options)
            named.append((keys, meaning))
        return named

    def __init__(self, conversation: Conversation | None) -> None:
        super().__init__()
        # None only while a first question drawn from a record waits for the engine
        # (`bot.tui.first_look`): the app holds every input until `attach` gives it.
        self.conversation: Conversation = conversation  # type: ignore[assignment]
        self.framework = conversation.session.framework if conversation is not None else None
        self._shown: tuple[str, str, int | None] | None = None
        self._warned: tuple[dict[str, str], str] = ({}, "")
        """The words last said to be unsent (`unsent`), and what the same step again does."""
        self._draft_warning: Notification | None = None
        """The "Not sent yet" message on screen, withdrawn once it no longer holds."""

    def _moved_on(self) -> bool:
        """Whether the prompt waiting now differs from the one shown last. A draft belongs
        to the prompt it was typed for: a refused answer stays in the box to be corrected,
        and a note added meanwhile keeps it, but once the conversation moves on (a skip,
        going back) the draft must not be sent, by Enter, as the answer to another."""
        prompt = self.conversation.session.current()
        shown = (prompt.kind, prompt.node, prompt.item)
        moved, self._shown = shown != self._shown, shown
        if moved:  # a "Not sent yet" message spoke of the draft for the prompt left
            self.withdraw_draft_warning()
        return moved

    def draft(self) -> str:
        """Words typed and not yet sent (subclasses say where they are typed)."""
        return ""

    def unsent(self, refused: bool = True) -> dict[str, str]:
        """Every piece of words typed and not sent, by where it is typed (a name `sends`
        knows: `DRAFT`, the answer box), in the order a message names them; an empty box
        left out. ``refused`` false leaves out an answer sent and refused, kept to be
        corrected (`draft_refused`): it was said to be wrong already."""
        draft = self.draft()
        if not draft.strip() or (not refused and self.draft_refused()):
            return {}
        return {DRAFT: draft}

    def send_key(self) -> str:
        """The key that sends the words typed (subclasses with a box of several lines say
        theirs), as the "Not sent yet" message names it."""
        return "Enter"

    def sends(self, where: str) -> str:
        """How the words typed at ``where`` (`unsent`) are sent from where the focus is on
        this screen ("Enter sends it": the focus is in a box, `typing_boxes`); subclasses
        with more than one box say which."""
        return f"{self.send_key()} sends it"

    def draft_box(self) -> Widget | None:
        """The box the answer (`DRAFT`) is typed in, as shown now, or None (subclasses)."""
        return None

    def typing_boxes(self) -> tuple[Widget, ...]:
        """Every box shown on this screen where words are typed: only from one of them do
        the keys a "Not sent yet" message names do what it says (subclasses add theirs)."""
        box = self.draft_box()
        return () if box is None else (box,)

    def _off_the_boxes(self, pieces: Mapping[str, str]) -> bool:
        """Whether the answer is among ``pieces`` while the focus is in none of the boxes
        (on the log, by Tab or a click): from there no key sends it, Esc leaves."""
        return DRAFT in pieces and self.focused not in self.typing_boxes()

    def send_words(self, where: str) -> str:
        """How the words typed at ``where`` are sent from where the officer or respondent is
        now, as the "Not sent yet" message says it: with a box over this screen (a note
        being typed, the help), what closes that box comes first, for the key this screen
        names would not do there what it says."""
        words = self.sends(where)
        over = self.app.screen
        if over is self:
            return words
        from bot.tui.screens.dialogs import closing_words  # loaded with the box over it

        return f"{closing_words(over)}, then {words}"

    def draft_refused(self) -> bool:
        """Whether the words in the box are an answer sent and refused, kept to be
        corrected (subclasses say where they are typed)."""
        return False

    def leave(self) -> None:
        """Leave (everything sent is saved), unless words are typed and not sent: the first
        Esc says so and keeps them in their box; Esc again, with the same words, leaves
        without them."""
        if not self.unsent_stops("Esc again leaves"):
            self.dismiss(None)

    def unsent_stops(self, again: str, words: Mapping[str, str] | None = None) -> bool:
        """Whether words typed and not sent stop a step that would lose them (leaving, going
        back, moving on, amending, quitting the app): the first time it names every piece
        of them, keeping each in its box; the same step again, with the same words, goes
        ahead without them (``again`` says what that step is, "Ctrl+Q again quits"), and
        only once every piece was named. ``words`` are those the step would lose, by where
        they are typed, where they are not all of `unsent`: a note left in its box while a
        reply is sent."""
        pieces = {
            where: text.strip()
            for where, text in (self.unsent() if words is None else words).items()
            if text.strip()
        }
        if not pieces or self.conversation.session.over or (pieces, again) == self._warned:
            return False
        box = self.draft_box()
        if box is not None and self._off_the_boxes(pieces):
            # The answer's box takes the focus first: the key the message names for it
            # then does what it says, and the same step again is said with it.
            self.set_focus(box)
        self._warn_unsent(pieces, again)
        return True

    def has_unsent(self) -> bool:
        """Whether words are typed and not sent while there is still a question to send
        them to."""
        return bool(self.unsent()) and not self.conversation.session.over

    def _warn_unsent(self, pieces: dict[str, str], again: str) -> None:
        """Say that each of ``pieces`` is not sent yet, how to send it from here, and what
        ``again`` does instead."""
        self.withdraw_draft_warning()
        self._warned = (pieces, again)
        # Kept, so that it can be taken down as soon as the words are sent or cleared.
        self._draft_warning = Notification(
            self._unsent_words(pieces, again),
            severity="warning",
            timeout=self.app.NOTIFICATION_TIMEOUT,
            markup=False,
        )
        self.app.post_message(Notify(self._draft_warning))

    def _unsent_words(self, pieces: Mapping[str, str], again: str) -> str:
        """The "Not sent yet" message: each of ``pieces``, how to send it from here, and
        what ``again`` does instead. Once nothing more is saved to the transcript (replaced,
        removed or moved while open), no key sends them: it says they cannot be saved here."""
        if self.conversation.stopped:
            named = names_words([f'"{printable(clip(text, 40))}"' for text in pieces.values()])
            them = "it" if len(pieces) == 1 else "them"
            return (
                f"Not saved: {named} cannot be saved here, as nothing more is saved to this "
                f"transcript (said above); copy {them} to keep {them}; {again} without {them}."
            )
        if len(pieces) == 1:
            [(where, text)] = pieces.items()
            words = f'"{printable(clip(text, 40))}". {self.send_words(where)}; {again} without it.'
        else:
            named = [
                f'"{printable(clip(text, 40))}" ({self.send_words(where)})'
                for where, text in pieces.items()
            ]
            words = f"{names_words(named)}; {again} without them."
        return f"Not sent yet: {words}"

    def restate_draft_warning(self) -> None:
        """The "Not sent yet" message on screen, said again for where the focus is now (out
        of the notes box, Enter no longer sends the note; a box over this screen closed):
        it must never name a key that would not do what it says. With the focus moved off
        every box (to the log), no key sends the answer from there: the message is taken
        down, and the next step that would lose it asks again (`unsent_stops`)."""
        self._draft_changed()  # words sent or cleared meanwhile: nothing to say again
        warning = self._draft_warning
        if warning is None or warning not in self.app._notifications:
            return
        pieces, again = self._warned
        if self._off_the_boxes(pieces):
            self.withdraw_draft_warning()
        elif warning.message != self._unsent_words(pieces, again):
            self._warn_unsent(pieces, again)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The focus moved (Tab, a click): a "Not sent yet" message said for where it was
        # may no longer hold.
        if self._draft_warning is not None:
            self.call_after_refresh(self.restate_draft_warning)

    def withdraw_draft_warning(self) -> None:
        """Take down the "Not sent yet" message: it speaks of words in this screen's box,
        so it goes once they are sent or cleared, and never outlives the screen."""
        warning, self._draft_warning = self._draft_warning, None
        self._warned = ({}, "")
        # Textual has no public way to take down one message and not the others.
        if warning is not None and warning in self.app._notifications:
            self.app._unnotify(warning)

    def _draft_changed(self) -> None:
        """Words typed, sent or cleared: a warning about other words no longer holds."""
        if self._draft_warning is None:
            return
        now = self.unsent()
        if any(now.get(where, "").strip() != text for where, text in self._warned[0].items()):
            self.withdraw_draft_warning()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._draft_changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._draft_changed()

    def on_screen_suspend(self) -> None:
        # Another screen on top (help, a dialog): the message is not about it.
        self.withdraw_draft_warning()

    def on_screen_resume(self) -> None:
        # Back from a box over this screen: a message said while it was open named what
        # closes that box first, which no longer holds.
        self.call_after_refresh(self.restate_draft_warning)

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Leave this screen, letting go of the transcript first: the screen shown again
        (the round's) reads at once whether it is open, and must not find it held by the
        very officer who has just left it."""
        if self.is_current:  # dismissing a screen not on top changes nothing: keep it
            self.withdraw_draft_warning()
            self.let_go()
        return super().dismiss(result)

    def let_go(self) -> None:
        """Leave the conversation (`Conversation.leave`: the call paused, the transcript
        checked, then let go of); a transcript found replaced, removed or moved is said, in
        a message and again once the app has closed (`PartnershipApp.say_after_exit`)."""
        if self.conversation is None:  # a record's first question, the engine never ready
            return
        lost = self.conversation.leave()
        if hasattr(self.app, "last_left"):
            self.app.last_left = self.conversation.path
        moved = self.conversation.writer.lost
        if lost is None and moved is not None and moved.moved:
            from bot.conversation import TranscriptLost

            # Found moved by a save, which saved into the moved file and said so in the
            # log: said again once the app has closed, as every loss is (status 6).
            self.say_after_exit(lost_words(TranscriptLost(moved)))
        if lost is not None:
            words = lost_words(lost)
            self.app.notify(
                words, title="Transcript lost", severity="error", timeout=60, markup=False
            )
            self.say_after_exit(words)

    def say_after_exit(self, words: str) -> None:
        """Have the app print these words once it has closed (where the answers of a
        transcript lost while open are), as its screen is then gone."""
        if hasattr(self.app, "after_exit") and words not in self.app.after_exit:
            self.app.after_exit.append(words)

    def on_unmount(self) -> None:
        # Gone without a dismissal (the app closing): let go as a dismissal does. After
        # one, nothing is left to do: each step is done once, however often it is asked.
        self.let_go()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back, skip, note and the like only while there is a question; the report and
        home once it is over (the key hints follow)."""
        over = self.conversation is not None and self.conversation.session.over
        if action in DURING_ONLY:
            return not over
        if action in OVER_ONLY:
            return over
        return True

    def show_end_progress(self) -> None:
        """The progress header at the end: complete, or abandoned with the questions
        answered, counted as the home list counts (`answered_of`)."""
        from bot.engine.path import answered_of, register_questions

        session = self.conversation.session
        total = session.current().progress.question_count
        framework = session.framework
        uncounted = framework.more_questions
        path = session.final_path
        answered, total = answered_of(path, total, session.complete, uncounted)
        # A register's questions, which the answers' tally shown below leaves out.
        in_registers = register_questions(path, framework)
        self.query_one(ProgressHeader).show_end(
            answered, total, session.complete, len(in_registers)
        )

    def _show(self, outcome: Outcome) -> None:
        """Show what a step did (subclasses)."""
        raise NotImplementedError

    def refusal_words(self, outcome: Outcome) -> str:
        """Why an input was refused, and, where skipping is the way on, the app's way to
        skip (the engine names no front end's way; plain mode has its command)."""
        target = self.conversation.session.skip_target(outcome, self.ASKED)
        return outcome.error if target is None else f"{outcome.error} {SKIP_KEY} skips {target}."

    def _add_history(self) -> None:
        """The turns so far. Carrying on, "Welcome back" goes before what is waiting (not
        between a question and its options), and a follow-up waiting comes after the
        question and the answer it follows, so that it can be understood."""
        from bot.model.transcript import CALL_KINDS

        session = self.conversation.session
        turns = session.turns
        resumed = bool(turns) and not session.over
        waiting = len(turns)
        while resumed and waiting > 0 and turns[waiting - 1].kind in CALL_KINDS:
            waiting -= 1  # leaving paused the call after the question was asked
        while resumed and waiting > 0 and turns[waiting - 1].speaker == "bot":
            waiting -= 1
        for index, turn in enumerate(turns):
            if resumed and index == waiting:
                self._welcome_back()
            self._add_turn(turn)
        if resumed and waiting == len(turns):
            self._welcome_back()

    def _welcome_back(self) -> None:
        from bot.turn_words import follow_up_recap

        log = self.query_one(ChatLog)
        log.add(ChatMessage("info", "Welcome back: carrying on where you left off."))
        prompt = self.conversation.session.current()
        if prompt.kind == "probe" and prompt.question is not None:
            words = follow_up_recap(prompt.question, prompt.followed, self.WHOSE)
            log.add(ChatMessage("info", printable(words), "The follow-up below is about"))

    def _add_turn(self, turn: Turn) -> None:
        from bot.tui.present import message_for

        node = self.conversation.session.dialogue.nodes.get(turn.node)
        chat = node.chat if node is not None and turn.kind == "ask" else ""
        message = message_for(turn, self.framework, chat, respondent=self.RESPONDENT)
        if message is not None:
            self.query_one(ChatLog).add(message)

    def _act(self, step: Callable[..., Outcome], *args: str) -> Outcome | None:
        """Take a step (it is saved before anything is shown) and show it; the outcome, or
        None when it could not be saved."""
        from bot.conversation import SaveError

        try:
            outcome = step(*args)
        except SaveError as error:
            self.say_save_error(error)
            return None
        self._show(outcome)
        return outcome

    def say_save_error(self, error: SaveError) -> None:
        """Say in the log why a step could not be saved; a transcript found lost is said
        again once the app has closed (`say_after_exit`)."""
        from bot.conversation import TranscriptLost

        self.query_one(ChatLog).add(ChatMessage("error", save_error_words(error)))
        if isinstance(error, TranscriptLost) and not error.gone.again:
            self.say_after_exit(lost_words(error))

    def action_back(self) -> None:
        """Go back to the previous question; words typed and not sent stop the first press
        (going back would drop them: they were typed for the question being left)."""
        if self.conversation.session.over:
            return
        # An answer sent and refused is not unsent: it was said to be wrong already.
        if not self.unsent_stops("Ctrl+B again goes back", self.unsent(refused=False)):
            self._act(self.conversation.back)

    def skip_stopped(self) -> bool:
        """Whether words typed and not sent stop a skip, as they stop going back (skipping
        would drop them: they were typed for the question skipped)."""
        # An answer sent and refused is not unsent: it was said to be wrong already.
        return self.unsent_stops(f"{SKIP_KEY} again skips", self.unsent(refused=False))

    def action_skip(self) -> None:
        """Skip the question or follow-up; words typed and not sent stop the first press."""
        if not self.conversation.session.over and not self.skip_stopped():
            self._act(self.conversation.skip)
