"""A conversational self-assessment bot for local partnerships."""

__version__ = "0.1.0"
