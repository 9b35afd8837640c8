"""The common base of every file-format model."""

from pydantic import BaseModel, ConfigDict

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
"""Question ids are used as names in conditions, so they must look like identifiers."""

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
"""Framework, dialogue, area, node and action ids: lower case, digits, hyphens, underscores."""


class Strict(BaseModel):
    """Frozen, and a misspelt key is an error rather than silently ignored."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True
    )
