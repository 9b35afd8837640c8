"""The dialogue engine: pure, without I/O, UI or a clock of its own."""

from bot.engine.prompts import Outcome, Progress, Prompt
from bot.engine.session import Session, SessionError

__all__ = ["Outcome", "Progress", "Prompt", "Session", "SessionError"]
