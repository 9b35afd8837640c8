"""The command's exit statuses (documented in README.md)."""

OK = 0
"""Done: finished, saved and left with :quit, or nothing wrong found."""
PROBLEMS = 1
"""validate found problems, or report skipped transcripts that failed to load."""
USAGE = 2
"""The command line was wrong."""
LOAD_ERROR = 3
"""A framework, dialogue or transcript could not be loaded."""
IN_USE = 4
"""The transcript is open in another process."""
INPUT_ENDED = 5
"""Plain mode: input ended before the dialogue did (everything answered is saved)."""
INTERRUPTED = 130
"""Interrupted with Ctrl-C (everything answered is saved)."""
