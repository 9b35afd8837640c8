"""Cursor blink off, when the app is asked to hold still (screenshots, benchmarks)."""

from __future__ import annotations

from textual.screen import Screen


def hold_still(screen: Screen) -> None:
    """Stop the text cursors of a screen blinking if the app was started with still=True."""
    if getattr(screen.app, "still", False):
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
