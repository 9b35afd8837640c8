"""Stylesheets parsed once, their rules remembered in the cache folder for later starts.

Textual parses every stylesheet the first screen uses (the app's, each widget's default
CSS, Textual's own) with a tokenizer written in Python: at start-up that was the largest
single cost of drawing the first question, larger than building its widgets. The rules
parsed from a given text are always the same for the same Textual and the same theme
variables, so the app's stylesheet remembers them (`bot.remembered`, under a key naming
Textual's version; each rule list under the text it was parsed from, where it was read
from, and a digest of the variables), and a later start reads them back in a few
milliseconds instead of parsing.

Only what the program's first screen parsed is written, once it is on screen, and only
when something new was parsed (the first start, or after an upgrade). Anything that goes
wrong here (an entry missing, damaged, or not writable) only costs the parse.
"""

from __future__ import annotations

import hashlib
from typing import Any

import textual
from textual.css.stylesheet import Stylesheet

from bot import remembered

KIND = "stylesheet"
"""What the remembered entry is called in the cache folder."""


def entry() -> str:
    """The remembered entry for this Textual (and this program, as every entry is)."""
    version = getattr(textual, "__version__", "") or "unknown"
    return remembered.key(KIND, version)


class RememberedStylesheet(Stylesheet):
    """Textual's stylesheet, with rules parsed by an earlier start taken as they were."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._entry = entry()
        known = remembered.recall(self._entry, dict)
        self._known: dict[tuple[Any, ...], Any] = dict(known) if known else {}
        self._learned = False
        self._variables_digest = ""

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_digest = ""

    def _digest(self) -> str:
        """The theme variables' digest: rules parsed with other values differ."""
        if not self._variables_digest:
            text = repr(sorted(self._variables.items()))
            self._variables_digest = hashlib.sha256(text.encode()).hexdigest()[:32]
        return self._variables_digest

    def _parse_rules(self, *args: Any, **kwargs: Any) -> Any:
        key = (self._digest(), args, tuple(sorted(kwargs.items())))
        rules = self._known.get(key)
        if rules is None:
            rules = super()._parse_rules(*args, **kwargs)
            if not any(rule.errors for rule in rules):  # a faulty stylesheet is reported anew
                self._known[key] = rules
                self._learned = True
        return rules

    def remember(self) -> None:
        """Write what was parsed, if anything was new (a later start reads it back)."""
        if self._learned:
            self._learned = False
            remembered.keep(self._entry, dict(self._known))
