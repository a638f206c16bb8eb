"""Sentences the core writes for people, marked so that Qt's lupdate finds them, without Qt.

The core (domain, kra, storage, sync, app, printing) never imports Qt, yet its sentences reach the
window and the CLI in the shop owner's language. Two marks make that work:

- `QT_TRANSLATE_NOOP("Core", "text")` returns the text unchanged; pyside6-lupdate recognises the name
  and puts the text in the .ts (context "Core"). The ui/cli translate it where they show it
  (ui/common/text.py `tr_core`).
- `Said(template, **values)`: a sentence with values. It *is* the English sentence (a str, so every
  caller keeps working) and also keeps its marked template and values, so the boundary can translate the
  template and fill the values in after translation: `Said(QT_TRANSLATE_NOOP("Core", "Code {code}"),
  code="901")`. Placeholders are named ({code}), never positional, so a translation may reorder them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

CORE = "Core"  # the one translation context of every core sentence


# Marked templates with values, so a sentence stored as plain text (a sale's reason in the database) can
# still be translated: see `translate_stored`. Marks evaluated at import (class attributes, tables) are here
# as soon as their module is imported.
_TEMPLATES: dict[str, re.Pattern[str]] = {}
_PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged."""
    if "{" in text and text not in _TEMPLATES:
        pattern = _PLACEHOLDER.sub(lambda m: f"(?P<{m[1]}>.+?)", re.escape(text))
        _TEMPLATES[text] = re.compile(pattern, re.DOTALL)
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
        """The template translated by `translate`, then the values filled in - themselves translated
        when they are marked sentences (a reason inside a reason); numbers and names stay as they are."""
        values = {name: _value(value, translate) for name, value in self.values.items()}
        try:
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation: the English is still right
            return str(self)

    def __reduce__(self) -> tuple[Any, ...]:  # pickling/copy keep template and values
        return (_said, (self.template, self.values))


def _said(template: str, values: dict[str, str]) -> Said:
    return Said(template, **values)


def translate_stored(text: str, translate: Callable[[str], str]) -> str:
    """A stored English sentence (or explain()'s "what happened. what to do") in another language:
    the exact text first, then a marked template with its values, then sentence by sentence. What
    matches nothing stays English (still right, just not translated)."""
    text = text.strip()
    if not text:
        return text
    found = translate(text)
    if found != text:
        return found
    partial = None
    for cut in _sentence_ends(text):
        left, right = text[:cut].strip(), text[cut:].strip()
        head = _one(left, translate)
        if head is None:
            continue
        tail = translate_stored(right, translate)
        if tail != right:
            return f"{head} {tail}"
        partial = partial or f"{head} {right}"
    return partial or _one(text, translate) or text  # one template whose values hold full stops


def _one(sentence: str, translate: Callable[[str], str]) -> str | None:
    """One sentence, as marked (with or without the full stop explain() adds), or None."""
    candidates = [(sentence, "")]
    if sentence.endswith("."):
        candidates.append((sentence[:-1], "."))
    for candidate, ending in candidates:
        found = translate(candidate)
        if found != candidate:
            return found + ending
        for template, pattern in list(_TEMPLATES.items()):
            match = pattern.fullmatch(candidate)
            if match:
                return Said(template, **match.groupdict()).translated(translate) + ending
    return None


def _sentence_ends(text: str) -> list[int]:
    return [match.end() for match in re.finditer(r"[.!?)]\s", text)]


def _value(value: str, translate: Callable[[str], str]) -> str:
    """A value that is a marked sentence, or one used as a clause ('could not connect to KRA'), translated."""
    if not value or not any(c.isalpha() for c in value):
        return value
    found = translate_stored(value, translate)
    if found != value:
        return found
    if value[0].islower():  # a clause made from a sentence (sync/report.py clause): try the sentence
        sentence = value[0].upper() + value[1:] + "."
        found = translate_stored(sentence, translate)
        if found != sentence:
            text = found.strip().rstrip(".")
            first = text.split(" ", 1)[0]
            return text if first.isupper() else text[:1].lower() + text[1:]
    return value
