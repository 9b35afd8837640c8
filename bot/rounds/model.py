"""The round file format (``round.toml``): what the round is and who is invited."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from bot.model.base import SLUG_PATTERN, Strict, WholeNumber

ROUND_SCHEMA_VERSION = 1
Mode = Literal["self", "telephone"]
INVITEE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"


class Invitee(Strict):
    """Someone asked to take part in the round."""

    id: str = Field(pattern=INVITEE_ID_PATTERN, max_length=40)
    """Stable within the round; their transcripts record it (letters, digits, - and _)."""
    name: str = Field(min_length=1, max_length=200)
    """Their name."""
    organisation: str = Field(default="", max_length=200)
    """Their organisation."""
    role: str = Field(default="", max_length=200)
    """Their role, such as "Councillor"."""
    sector: str = Field(default="", max_length=100)
    """Public, voluntary, business, ..."""
    mode: Mode = "self"
    """How they take part: a self-assessment, or a telephone interview."""
    contact: str = Field(default="", max_length=200)
    """A telephone number or other contact, for the caller."""


class Round(Strict):
    """A round of assessment: one partnership, one period, one framework, many invitees."""

    schema_version: WholeNumber = Field(default=ROUND_SCHEMA_VERSION, alias="schema")
    """The round format version."""
    title: str = Field(min_length=1, max_length=200)
    """Such as "Hertfordshire partnerships review 2009/10"."""
    partnership: str = Field(default="", max_length=200)
    """The partnership assessed; recorded in each transcript started from the round."""
    period: str = Field(default="", max_length=40)
    """Such as "2009/10"."""
    framework: str = Field(pattern=SLUG_PATTERN)
    """The framework id (installed, or in a catalogue folder)."""
    self_dialogue: str = Field(default="", pattern=r"^$|" + SLUG_PATTERN)
    """The dialogue for self-assessment (default: the framework's own)."""
    telephone_dialogue: str = Field(default="", pattern=r"^$|" + SLUG_PATTERN)
    """The dialogue for telephone interviews (default: the framework's telephone dialogue)."""
    previous: str = Field(default="", max_length=400)
    """The previous round (its folder, relative to this round's folder's parent, or a
    path): its plan's agreed actions are asked about at the start of each area."""
    max_attempts: WholeNumber = Field(default=5, ge=1, le=50)
    """After this many calls without an appointment, an invitee is not offered again."""
    invitees: tuple[Invitee, ...] = ()
    """Who is invited."""

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _check(self) -> Round:
        if self.schema_version != ROUND_SCHEMA_VERSION:
            raise ValueError(
                f"round schema {self.schema_version} is not supported "
                f"(this version reads schema {ROUND_SCHEMA_VERSION})"
            )
        return self

    def invitee(self, invitee_id: str) -> Invitee | None:
        """The invitee with this id, if any."""
        return next((i for i in self.invitees if i.id == invitee_id), None)

    def dialogue_for(self, mode: Mode) -> str | None:
        """The dialogue id to use for a mode, or None for the framework's default."""
        return (self.self_dialogue if mode == "self" else self.telephone_dialogue) or None
