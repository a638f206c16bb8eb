"""Plain words from the lower layers (status labels, reasons) routed through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr_core(text: str | None) -> str:
    """Translate an English sentence produced below ui/ (domain labels, sync reasons); '' for None."""
    if not text:
        return ""
    return QCoreApplication.translate("Core", text)


def plural(context: str, n: int, one: str, many: str) -> str:
    """'1 sale needs your fix' / '3 sales need your fix': both forms go through translation."""
    return QCoreApplication.translate(context, one if n == 1 else many, None, n)


def translate(context: str, text: str) -> str:
    """tr() for code outside a QObject."""
    return QCoreApplication.translate(context, text)
