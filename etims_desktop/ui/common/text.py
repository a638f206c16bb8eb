"""Plain words from the lower layers (status labels, reasons) routed through Qt's translation."""

from __future__ import annotations

import functools

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
    return _stored(text)


@functools.lru_cache(maxsize=1024)
def _stored(text: str) -> str:
    """translate_stored, kept: the board shows the same few labels and reasons on every refresh,
    and a sentence no template matches is tried against every template (a regex each) each time."""
    return translate_stored(text, _core)


def forget_translations() -> None:
    """The language changed (ui/common/i18n.py): translate anew."""
    _stored.cache_clear()


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
