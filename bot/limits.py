"""Every cap on what is typed and what is read, in one place (listed in docs/formats.md).

The caps on typed text are checked by the engine when the text is taken, so both front
ends refuse the same things with the same words. The file size limit is checked before
any file is read, and the store refuses a save that would take a transcript past it, so
a transcript the program wrote can always be read back.
"""

from __future__ import annotations

MAX_FILE_BYTES = 5_000_000
"""Any file the program reads: transcripts, frameworks, dialogues, round files."""
MAX_TEXT_CHARS = 20_000
"""An answer with its comment, a comment after a chosen option, a follow-up reply, a note."""
QUOTE_CHARS = 1_000
"""The most of one answer, comment, reply or note any report quotes; the rest is said to
be in the transcript (`bot.report.data.quoted`)."""
MAX_FIELD_CHARS = 200
"""A respondent's name, organisation, role, sector and partnership; an interviewer's name."""


def text_too_long(text: str, what: str = "That answer") -> str:
    """A message when typed text is over its cap, else an empty string."""
    if len(text) <= MAX_TEXT_CHARS:
        return ""
    return (
        f"{what} is {len(text):,} characters long, over the limit of "
        f"{MAX_TEXT_CHARS:,}; please shorten it."
    )


TEXT_HOLDER = "an answer, reply or note"
"""What a box capped at `MAX_TEXT_CHARS` holds, as its messages name it."""
FIELD_HOLDER = "a name or other field of the form"
"""What a box capped at `MAX_FIELD_CHARS` holds, as its messages name it."""


def text_full(cap: int = MAX_TEXT_CHARS, holder: str = TEXT_HOLDER) -> str:
    """Said when a box holds as much as ``holder`` may (``cap`` characters; an answer or a
    note unless said): typing stops there."""
    return f"That is as long as {holder} can be ({cap:,} characters): nothing more was added."


def paste_cut(kept: int, pasted: int, cap: int = MAX_TEXT_CHARS, holder: str = TEXT_HOLDER) -> str:
    """Said when only the start of a paste fits in a box (``kept`` of its ``pasted``
    characters; the box holds ``holder``, at most ``cap`` characters), or, when none of it
    fits, that the box is full."""
    if not kept:
        return text_full(cap, holder)
    return (
        f"Only {kept:,} of the {pasted:,} characters pasted fit ({holder} "
        f"holds at most {cap:,}): the last {pasted - kept:,} were left out."
    )


def field_too_long(value: str) -> str:
    """A message when a name or similar field is over its cap, else an empty string."""
    if len(value) <= MAX_FIELD_CHARS:
        return ""
    return f"{len(value):,} characters, over the limit of {MAX_FIELD_CHARS:,}; please shorten it"
