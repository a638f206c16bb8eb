"""A device's outbox as a table: each sale on its way to KRA, its state and why it is there."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.formatting import local_time
from etims_desktop.ui.common.text import tr_core

# What the detail view's filter tabs show, in the order a person acts on them.
STATE_GROUPS: list[tuple[str, frozenset[OutboxState], str]] = [
    (
        QT_TRANSLATE_NOOP("Core", "Waiting"),
        frozenset({OutboxState.QUEUED, OutboxState.SENDING, OutboxState.WAITING}),
        QT_TRANSLATE_NOOP(
            "Core", "Saved here and not yet at KRA. They go by themselves with the next sync or upload."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Core", "Uncertain"),
        frozenset({OutboxState.UNCERTAIN}),
        QT_TRANSLATE_NOOP(
            "Core",
            "Uncertain - checking with KRA: sent, but no answer came back. The app asks KRA whether it has "
            "them before sending anything else, so nothing is signed twice.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Core", "Needs your fix"),
        frozenset({OutboxState.NEEDS_FIX}),
        QT_TRANSLATE_NOOP(
            "Core",
            "KRA refused these. Correct the cause, then resend - or cancel a sale that did not happen.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Core", "Needs your check"),
        frozenset({OutboxState.NEEDS_CHECK}),
        QT_TRANSLATE_NOOP(
            "Core",
            "KRA's answers did not tell whether it has these. Look each eTIMS number up on KRA's portal, then "
            "choose 'KRA has it' or 'send again'. Their numbers are never given to other sales.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Core", "Signed"),
        frozenset({OutboxState.SIGNED}),
        QT_TRANSLATE_NOOP("Core", "Signed by KRA: nothing more to do."),
    ),
    (
        QT_TRANSLATE_NOOP("Core", "Cancelled"),
        frozenset({OutboxState.CANCELLED}),
        QT_TRANSLATE_NOOP("Core", "Cancelled here; never sent to KRA."),
    ),
]


class OutboxColumn(IntEnum):
    INVOICE = 0
    ETIMS_NO = 1
    RECORDED = 2
    STATE = 3
    REASON = 4
    TRIES = 5


EntryRole = Qt.ItemDataRole.UserRole + 1


def state_words(entry: OutboxEntry) -> str:
    if entry.state is OutboxState.WAITING and entry.wait_reason is not None:
        return tr_core(entry.wait_reason.label)
    return tr_core(entry.state.label)


def reason_words(entry: OutboxEntry) -> str:
    """Why the sale is where it is - or, once signed, its receipt."""
    if entry.state is OutboxState.SIGNED and entry.receipt is not None:
        if not entry.receipt.complete:
            return tr_core("KRA has it recorded; it did not send the receipt details again.")
        if entry.receipt.receipt_no is not None:
            return tr_core("receipt no. %1").replace("%1", str(entry.receipt.receipt_no))
        return ""
    text = tr_core(entry.last_error_message)
    if entry.last_error_code and text:
        text += f" ({tr_core('KRA code')} {entry.last_error_code})"
    return text


class OutboxTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[OutboxEntry] = []

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[OutboxEntry]:
        return list(self._entries)

    def entry_at(self, row: int) -> OutboxEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutboxColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            OutboxColumn.INVOICE: self.tr("Your invoice no."),
            OutboxColumn.ETIMS_NO: self.tr("eTIMS no."),
            OutboxColumn.RECORDED: self.tr("Recorded"),
            OutboxColumn.STATE: self.tr("State"),
            OutboxColumn.REASON: self.tr("Reason / receipt"),
            OutboxColumn.TRIES: self.tr("Tries"),
        }[OutboxColumn(section)]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == EntryRole:
            return entry
        column = OutboxColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                OutboxColumn.INVOICE: entry.sale.trader_invoice_no
                + (f" ({self.tr('credit note')})" if entry.sale.is_credit_note else ""),
                OutboxColumn.ETIMS_NO: "" if entry.invc_no is None else str(entry.invc_no),
                OutboxColumn.RECORDED: local_time(entry.created_at or entry.sale.sold_at),
                OutboxColumn.STATE: state_words(entry),
                OutboxColumn.REASON: reason_words(entry),
                OutboxColumn.TRIES: str(entry.attempts) if entry.attempts else "",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column is OutboxColumn.REASON:
            return reason_words(entry)
        return None
