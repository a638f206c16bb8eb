"""Adjust stock: opening stock, goods received, damage, a stock count - for one item on one device.
The movement is reported to KRA at the next sync (app/stock.py). Non-modal; emits `adjusted`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.item import Item
from etims_desktop.domain.stock import StockReason
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.tasks import plain_error, spawn

if TYPE_CHECKING:
    from etims_desktop.app.stock import StockService

REASONS = (
    (
        StockReason.OPENING,
        QT_TRANSLATE_NOOP("StockDialog", "Opening stock (what is on the shelf when you start)"),
        QT_TRANSLATE_NOOP("StockDialog", "How many are on the shelf now"),
    ),
    (
        StockReason.RECEIVED,
        QT_TRANSLATE_NOOP("StockDialog", "Goods received (no eTIMS invoice)"),
        QT_TRANSLATE_NOOP("StockDialog", "How many came in"),
    ),
    (
        StockReason.DAMAGE,
        QT_TRANSLATE_NOOP("StockDialog", "Damaged, expired or thrown away"),
        QT_TRANSLATE_NOOP("StockDialog", "How many are gone"),
    ),
    (
        StockReason.COUNT,
        QT_TRANSLATE_NOOP("StockDialog", "Stock count (correct the books)"),
        QT_TRANSLATE_NOOP("StockDialog", "How many you counted on the shelf"),
    ),
)


class StockDialog(QDialog):
    adjusted = Signal(str)  # the sentence shown to the owner

    def __init__(self, stock: StockService, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stock = stock
        self.item = item
        self.setWindowTitle(self.tr("Adjust stock: %1").replace("%1", item.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.device_combo = QComboBox()
        self.reason_combo = QComboBox()
        for reason, label, _hint in REASONS:
            self.reason_combo.addItem(self.tr(label), reason)
        self.quantity_label = QLabel()
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(self.tr("e.g. 12 or 2.5"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("optional: why, in your words"))
        self.on_hand = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        self.device_combo.currentIndexChanged.connect(lambda _i: spawn(self._show_on_hand(), self._failed))

        form = QFormLayout()
        form.addRow(self.tr("Item"), QLabel(f"{item.name} ({item.code})"))
        form.addRow(self.tr("&Device"), self.device_combo)
        form.addRow(self.tr("In stock now"), self.on_hand)
        form.addRow(self.tr("&Reason"), self.reason_combo)
        form.addRow(self.quantity_label, self.quantity_edit)
        form.addRow(self.tr("&Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._reason_changed()
        self.ready = False
        spawn(self._load(), self._failed)

    async def _load(self) -> None:
        for device in await self.stock.devices():
            self.device_combo.addItem(device.name, device.id)
        await self._show_on_hand()
        self.ready = True

    async def _show_on_hand(self) -> None:
        device_id = self.device_combo.currentData()
        if device_id is None:
            self.on_hand.setText(self.tr("no device yet: add one first"))
            return
        quantity = await self.stock.balance(device_id, self.item.code)
        self.on_hand.setText(f"{quantity.normalize():f}")

    def _reason_changed(self) -> None:
        hint = REASONS[max(0, self.reason_combo.currentIndex())][2]
        self.quantity_label.setText(self.tr(hint))

    def save(self) -> None:
        device_id = self.device_combo.currentData()
        if device_id is None:
            self._say(self.tr("Choose the device whose stock this is."), error=True)
            return
        try:
            quantity = Decimal(self.quantity_edit.text().strip().replace(",", ""))
        except InvalidOperation:
            self._say(self.tr("Enter the quantity as a number, e.g. 12 or 2.5."), error=True)
            return
        reason = StockReason(self.reason_combo.currentData())  # Qt hands the enum back as text
        spawn(self._save(device_id, quantity, reason, self.note_edit.text()), self._failed)

    async def _save(self, device_id: int, quantity: Decimal, reason: StockReason, note: str) -> None:
        done = await self.stock.adjust(device_id, self.item.code, quantity, reason, note or None)
        text = (
            self.tr("Recorded: %1 %2, now %3 in stock. It is reported to KRA at the next sync.")
            .replace("%1", done.item.name)
            .replace("%2", f"{done.change:+f}")
            .replace("%3", f"{done.balance.normalize():f}")
        )
        self._say(text)
        self.quantity_edit.clear()
        await self._show_on_hand()
        self.adjusted.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(plain_error(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)
