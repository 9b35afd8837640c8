"""The key hints along the bottom of a screen, drawn once from the screen's bindings.

Textual's Footer rebuilds a widget per key whenever the focus moves, which cost more
than everything else on the first screen (about 0.2 s of start-up here). The hints
only change with the screen, so this draws them once as text; a click on a hint runs
its action, as a key press would.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

KEY_NAMES = {"escape": "esc", "enter": "enter", "space": "space", "left": "←", "right": "→"}


def key_label(binding: Binding) -> str:
    """How a binding's first key is written in the hints: ^b, esc, f1."""
    key = binding.key.split(",")[0]
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    return KEY_NAMES.get(key, key)


class KeyHints(Static):
    """`^b Back  ^o Skip ... ^p palette`, clickable."""

    DEFAULT_CSS = """
    KeyHints { dock: bottom; height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        bindings = [b for b in self.screen.BINDINGS if isinstance(b, Binding) and b.show]
        parts: list[tuple[str, str, str]] = [
            (key_label(b), b.description, b.action) for b in bindings
        ]
        parts.append(("^p", "palette", "app.command_palette"))
        content = Content("")
        x = 0
        for key, description, action in parts:
            piece = Content.assemble((key, "bold $accent"), " ", description, "  ")
            self._spans.append((x, x + len(key) + 1 + len(description), action))
            x += piece.cell_length
            content = content + piece
        self.update(content)

    async def on_click(self, event: Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x - 1 < end:  # the padding takes one cell
                await self.screen.run_action(action)
                return
