"""The key hints along the bottom of a screen, drawn from the screen's bindings.

Textual's Footer rebuilds a widget per key whenever the focus moves, which cost more
than everything else on the first screen (about 0.2 s of start-up here). The hints
only change when what the screen offers changes (a question becomes a free-text one, a
conversation ends), so this draws them as text when the screen says so; a click on a
hint runs its action, as a key press would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import parse
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import App

KEY_NAMES = {"escape": "esc", "enter": "enter", "space": "space", "left": "←", "right": "→"}
KEY_WORDS = {
    "escape": "Esc",
    "space": "Space",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "pageup": "PageUp",
    "pagedown": "PageDown",
}


def key_label(binding: Binding) -> str:
    """How a binding's first key is written in the hints: ^b, esc, f1."""
    key = binding.key.split(",")[0]
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    return KEY_NAMES.get(key, key)


def offered(
    screen: Screen[object] | App[object], shown_only: bool = True, waiting: bool = False
) -> list[Binding]:
    """The screen's (or the app's) bindings that do something now, as its `check_action`
    says (True); with ``waiting``, also those it has that wait for something to do (None:
    the chat's Ctrl+S, which sends a long answer once one is asked for)."""
    found = []
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or not (binding.show or not shown_only):
            continue
        _, name, parameters = parse(binding.action)
        state = screen.check_action(name, parameters)
        if state is True or (waiting and state is None):
            found.append(binding)
    return found


def key_words(binding: Binding) -> str:
    """A binding's keys as help writes them: "Ctrl+B", "Esc", "Right, n", "+ / -"."""
    words = []
    for key in binding.key.split(","):
        key = key.strip()
        if key.startswith("ctrl+"):
            words.append("Ctrl+" + key[5:].upper())
        elif key in KEY_WORDS:
            words.append(KEY_WORDS[key])
        elif len(key) > 1:
            words.append(key.capitalize() if not key.startswith("f") else key.upper())
        else:
            words.append(key)
    return ", ".join(words)


def meaning(binding: Binding) -> str:
    """What a binding does, in full: its tooltip, or else its short description."""
    return binding.tooltip or binding.description


def help_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """The help of a screen: its keys that are not bindings (HELP_KEYS, such as typing an
    option's key), then every binding it has that does something now or waits for
    something to do (`offered`), then the app's own that work on every screen (Ctrl+C),
    each with its tooltip: drawn from the bindings, so that none is left out."""
    rows: list[tuple[str, str]] = list(getattr(screen, "HELP_KEYS", ()))
    bindings = offered(screen, shown_only=False, waiting=True)
    for binding in bindings + offered(screen.app, shown_only=False):
        row = (key_words(binding), meaning(binding))
        if row not in rows:
            rows.append(row)
    return rows


class KeyHints(Static):
    """`^b Back  ^o Skip ... ^p palette`, clickable."""

    DEFAULT_CSS = """
    KeyHints { dock: bottom; height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        self._drawn: list[tuple[str, str, str]] = []
        self._gap = "  "

    def on_mount(self) -> None:
        self.refresh_hints()

    def on_resize(self) -> None:
        self.refresh_hints()

    def refresh_hints(self) -> None:
        """Draw the hints again, for what the screen offers now; closer together when
        they would not otherwise fit the width (80 columns, say), so none is cut."""
        # A screen may word a key for what it does now (Pause, or Resume while paused).
        words = getattr(self.screen, "key_description", lambda binding: binding.description)
        parts: list[tuple[str, str, str]] = [
            (key_label(b), words(b), b.action) for b in offered(self.screen)
        ]
        parts.append(("^p", "palette", "app.command_palette"))
        # The width inside the padding (before the first layout, the app's less the padding).
        width = self.size.width or self.app.size.width - 2
        spread = sum(len(k) + 1 + len(d) for k, d, _ in parts) + 2 * (len(parts) - 1)
        gap = "  " if spread <= width else " "
        if parts == self._drawn and gap == self._gap:
            return
        self._drawn = parts
        self._gap = gap
        self._spans = []
        content = Content("")
        x = 0
        for key, description, action in parts:
            piece = Content.assemble((key, "bold $accent"), " ", description, gap)
            self._spans.append((x, x + len(key) + 1 + len(description), action))
            x += piece.cell_length
            content = content + piece
        self.update(content)

    @property
    def text(self) -> str:
        """The hints as plain text (for tests)."""
        return self._gap.join(f"{key} {description}" for key, description, _ in self._drawn)

    async def on_click(self, event: Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x - 1 < end:  # the padding takes one cell
                await self.screen.run_action(action)
                return
