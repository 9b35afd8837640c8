"""The common base of every file-format model."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict
from pydantic import Strict as PydanticStrict

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
"""Question ids are used as names in conditions, so they must look like identifiers."""

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
"""Framework, dialogue, area, node and action ids: lower case, digits, hyphens, underscores."""


class Strict(BaseModel):
    """Frozen, and a misspelt key is an error rather than silently ignored."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True
    )


Number = Annotated[float, PydanticStrict()]
"""A number in a file: an integer or a float, never a boolean or text. Pydantic's lax mode
would take `true` as 1 (and "3" as 3), so a slip such as `score = true` would score as a
number; every numeric field of a file is this or `WholeNumber`."""

WholeNumber = Annotated[int, PydanticStrict()]
"""A whole number in a file, never a boolean, a float or text (see `Number`)."""

Flag = Annotated[bool, PydanticStrict()]
"""A true or false in a file, never text or a number. Pydantic's lax mode would take
`whole = "true"` (and "yes", "off", 1, 0) as a boolean, so a slip of quotes would pass
unseen; every boolean field of a file is this."""
