"""Credit note from a signed sale: quantities capped by what remains creditable, reason from KRA's list.

Blocked, with the reason in plain words, when KRA's rules forbid it (original not signed, nothing left).
The buyer PIN is carried over from the original: KRA only accepts credit notes with the same PIN.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.credit_notes import CreditNoteOptions, make_credit_note
from etims_desktop.domain.receipt import money, quantity
from etims_desktop.domain.sale import Sale
from etims_desktop.domain.tax import SaleAmounts
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.sales.sale_dialog import ERROR_STYLE, TotalsPanel, new_invoice_number

if TYPE_CHECKING:
    from etims_desktop.app.credit_notes import CreditNotes


COLUMNS = (
    QT_TRANSLATE_NOOP("CreditNoteDialog", "Item"),
    QT_TRANSLATE_NOOP("CreditNoteDialog", "Sold"),
    QT_TRANSLATE_NOOP("CreditNoteDialog", "Still creditable"),
    QT_TRANSLATE_NOOP("CreditNoteDialog", "Credit now"),
    QT_TRANSLATE_NOOP("CreditNoteDialog", "Unit price"),
)
CREDIT_COL = 3


class CreditNoteDialog(QDialog):
    """Non-modal; emits `credit_note_recorded(sale_id)` and closes once saved."""

    credit_note_recorded = Signal(int)
    ready = Signal()
    totals_changed = Signal()

    def __init__(self, credit_notes: CreditNotes, sale_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.credit_notes = credit_notes
        self.sale_id = sale_id
        self.options: CreditNoteOptions | None = None
        self.amounts: SaleAmounts | None = None
        self.spins: list[QDoubleSpinBox] = []
        self._generation = 0
        self.setWindowTitle(self.tr("Credit note"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.original_label = QLabel()
        self.original_label.setWordWrap(True)
        self.blocked_label = QLabel()
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.blocked_label.hide()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reason_combo = QComboBox()
        self.buyer_label = QLabel()
        self.invoice_edit = QLineEdit()
        self.invoice_edit.setMaxLength(50)
        self.totals = TotalsPanel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.all_button = QPushButton(self.tr("Credit &everything left"))
        self.all_button.clicked.connect(self.credit_everything)
        self.save_button = QPushButton(self.tr("&Save credit note  (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (self.all_button, self.save_button, close):
            button.setAutoDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason_combo)
        form.addRow(self.tr("Buyer"), self.buyer_label)
        form.addRow(self.tr("Credit note no."), self.invoice_edit)
        lower = QHBoxLayout()
        lower.addLayout(form, 1)
        lower.addWidget(self.totals, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.original_label)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(lower)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 820, 520)
        spawn(self._load(), self._show_error)

    async def _load(self) -> None:
        options = await self.credit_notes.options(self.sale_id)
        self.options = options
        sale = options.original.sale
        receipt = options.original.receipt
        number = f" (eTIMS no. {receipt.invc_no})" if receipt is not None else ""
        self.original_label.setText(
            self.tr("Credit note for invoice %1%2 of %3.")
            .replace("%1", sale.trader_invoice_no)
            .replace("%2", number)
            .replace("%3", sale.sold_at.astimezone().strftime("%d %b %Y %H:%M"))
        )
        self.invoice_edit.setText(new_invoice_number("C") if not options.blocked else "")
        self.buyer_label.setText(
            " ".join(x for x in (sale.buyer_name, sale.buyer_pin) if x)
            or self.tr("walk-in customer (no PIN)")
        )
        for code, name in await self.credit_notes.reasons(options.original.device_id):
            self.reason_combo.addItem(f"{code} {name}", code)
        self.table.setRowCount(len(options.lines))
        self.spins = []
        for row, line in enumerate(options.lines):
            for column, text in enumerate(
                (
                    line.line.name,
                    quantity(line.sold),
                    quantity(line.remaining),
                    "",
                    money(line.line.unit_price),
                )
            ):
                if column == CREDIT_COL:
                    continue
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
            spin = QDoubleSpinBox()
            spin.setDecimals(2)
            spin.setRange(0.0, float(line.remaining))
            spin.setEnabled(line.remaining > 0 and options.allowed)
            spin.valueChanged.connect(lambda _v: self.reprice())
            self.table.setCellWidget(row, CREDIT_COL, spin)
            self.spins.append(spin)
        if options.blocked:
            self.blocked_label.setText(options.blocked)
            self.blocked_label.show()
            self.all_button.setEnabled(False)
            self.reason_combo.setEnabled(False)
        self.reprice()
        self.ready.emit()

    def quantities(self) -> dict[int, Decimal]:
        """Original line index -> quantity to credit, never above what remains creditable."""
        assert self.options is not None
        result = {}
        for spin, line in zip(self.spins, self.options.lines, strict=True):
            value = min(Decimal(str(round(spin.value(), 2))), line.remaining)
            if value > 0:
                result[line.index] = value
        return result

    def credit_everything(self) -> None:
        for spin in self.spins:
            spin.setValue(spin.maximum())

    def reprice(self) -> None:
        options = self.options
        if options is None:
            return
        quantities = self.quantities()
        can_save = options.allowed and bool(quantities)
        self.save_button.setEnabled(can_save)
        self._generation += 1
        generation = self._generation
        if not quantities:
            self._show(None, generation)
            return
        note = self.credit_note(quantities)

        async def price() -> None:
            self._show(await self.credit_notes.price(options.original.device_id, note), generation)

        spawn(price(), self._show_error)

    def _show(self, amounts: SaleAmounts | None, generation: int) -> None:
        if generation == self._generation:
            self.amounts = amounts
            self.totals.show_amounts(amounts)
            self.totals_changed.emit()

    def credit_note(self, quantities: dict[int, Decimal] | None = None) -> Sale:
        assert self.options is not None
        return make_credit_note(
            self.options,
            quantities if quantities is not None else self.quantities(),
            self.reason_combo.currentData() or "06",
            self.invoice_edit.text().strip(),
            datetime.now(UTC),
        )

    def save(self) -> None:
        if self.options is None or not self.save_button.isEnabled():
            return
        if self.options.blocked:
            self._say(self.options.blocked)
            return
        note = self.credit_note()
        self.save_button.setEnabled(False)
        spawn(self._record(note), self._save_failed)

    async def _record(self, note: Sale) -> None:
        assert self.options is not None  # save() runs only once the options are loaded
        recorded = await self.credit_notes.record(self.options.original.device_id, note)
        if not recorded.created:
            self.save_button.setEnabled(True)
            self._say(
                self.tr(
                    "Number %1 is already used on this device: give this credit note its own number."
                ).replace("%1", note.trader_invoice_no)
            )
            return
        self.credit_note_recorded.emit(recorded.sale_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say(plain_error(exc))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _show_error(self, exc: BaseException) -> None:
        self._say(plain_error(exc))
