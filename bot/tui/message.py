"""A chat bubble: what the conversation log shows, who it is from and its words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["bot", "you", "probe", "note", "info", "error"]
"""Who a message is from, which sets its style."""


@dataclass(frozen=True)
class ChatMessage:
    """One bubble in the conversation."""

    role: Role
    """Who it is from, which sets its style."""
    text: str
    """The words, shown literally."""
    label: str = ""
    """A short heading above the words."""
