"""How the Purchases tab words a purchase's or an import line's state: new / accepted / rejected, and
where its answer to KRA is (waiting, sent, needs your fix with KRA's reason)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from etims_desktop.domain.documents import DocumentState
from etims_desktop.ui.common.text import tr_core


def decision_text(state: str, manual: bool = False) -> str:
    if manual:
        return QCoreApplication.translate("PurchaseWords", "Recorded by you")
    if state == "accepted":
        return QCoreApplication.translate("PurchaseWords", "Accepted")
    if state == "rejected":
        return QCoreApplication.translate("PurchaseWords", "Rejected")
    return QCoreApplication.translate("PurchaseWords", "New - accept or reject it")


def delivery_text(document_state: DocumentState | None, reason: str | None = None) -> str:
    """Where the answer to KRA is; '' while there is none (a new invoice)."""
    if document_state is None:
        return ""
    if document_state is DocumentState.SENT:
        return QCoreApplication.translate("PurchaseWords", "KRA has it")
    if document_state is DocumentState.NEEDS_FIX:
        text = QCoreApplication.translate("PurchaseWords", "KRA refused it - needs your fix")
        return f"{text}: {tr_core(reason)}" if reason else text
    if document_state in (DocumentState.CANCELLED, DocumentState.REPLACED):
        return QCoreApplication.translate("PurchaseWords", "cancelled - not sent to KRA")
    return QCoreApplication.translate("PurchaseWords", "waiting - sent to KRA at the next sync")


def state_text(state: str, document_state: DocumentState | None, reason: str | None, manual: bool) -> str:
    decision = decision_text(state, manual)
    delivery = delivery_text(document_state, reason)
    return f"{decision}, {delivery}" if delivery else decision


def quantity_text(value: Decimal) -> str:
    return f"{value.normalize():f}"
