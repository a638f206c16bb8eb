"""Sentences the core writes for people, marked so that Qt's lupdate finds them, without Qt.

The core (domain, kra, storage, sync, app, printing) never imports Qt, yet its sentences reach the
window and the CLI in the shop owner's language. Two marks make that work:

- `QT_TRANSLATE_NOOP("Core", "text")` returns the text unchanged; pyside6-lupdate recognises the name
  and puts the text in the .ts (context "Core"). The ui/cli translate it where they show it
  (ui/text.py `tr_core`).
- `Said(template, **values)`: a sentence with values. It *is* the English sentence (a str, so every
  caller keeps working) and also keeps its marked template and values, so the boundary can translate the
  template and fill the values in after translation: `Said(QT_TRANSLATE_NOOP("Core", "Code {code}"),
  code="901")`. Placeholders are named ({code}), never positional, so a translation may reorder them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CORE = "Core"  # the one translation context of every core sentence


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


class Said(str):
    """An English sentence made from a marked template and named values (see the module docstring)."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, **values: object) -> Said:
        words = {name: str(value) for name, value in values.items()}
        self = super().__new__(cls, template.format(**words))
        self.template = template
        self.values = words
        return self

    def rewritten(self, change: Callable[[str], str]) -> Said:
        """The same sentence with `change` applied to each value (e.g. redaction of a key)."""
        return Said(self.template, **{name: change(value) for name, value in self.values.items()})

    def translated(self, translate: Callable[[str], str]) -> str:
        """The template translated by `translate`, then the values filled in."""
        try:
            return translate(self.template).format(**self.values)
        except (KeyError, IndexError, ValueError):  # a broken translation: the English is still right
            return str(self)

    def __reduce__(self) -> tuple[Any, ...]:  # pickling/copy keep template and values
        return (_said, (self.template, self.values))


def _said(template: str, values: dict[str, str]) -> Said:
    return Said(template, **values)
