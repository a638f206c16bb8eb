"""Plain words from the lower layers (status labels, reasons) routed through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from etims_desktop.domain.errors import plain_parts, sentences
from etims_desktop.domain.translatable import CORE, Said, translate_stored


def tr_core(text: str | None) -> str:
    """Translate an English sentence produced below ui/ (domain labels, sync reasons); '' for None.
    A `Said` sentence is translated by its template, its values filled in after."""
    if not text:
        return ""
    if isinstance(text, Said):
        return text.translated(_core)
    return translate_stored(text, _core)


def _core(text: str) -> str:
    return QCoreApplication.translate(CORE, text)


def explain_translated(exc: BaseException) -> str:
    """domain/errors.py explain() in the chosen language: what happened, then what to do."""
    plain, next_step = plain_parts(exc)
    return sentences(tr_core(plain), tr_core(next_step) if next_step else None)


def plural(context: str, n: int, one: str, many: str) -> str:
    """'1 sale needs your fix' / '3 sales need your fix': both forms go through translation."""
    return QCoreApplication.translate(context, one if n == 1 else many, None, n)


def translate(context: str, text: str) -> str:
    """tr() for code outside a QObject."""
    return QCoreApplication.translate(context, text)
