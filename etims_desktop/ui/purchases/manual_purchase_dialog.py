"""Record a purchase from a supplier without eTIMS (a market stall, a farmer): who, when, and the items
bought with quantity and price. Declared to KRA at the next sync; the goods come into stock
(app/purchases.py record_manual). Non-modal; emits `recorded(Decided)`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.item import Item
from etims_desktop.kra.dates import NAIROBI
from etims_desktop.ui.common.tasks import plain_error, spawn

if TYPE_CHECKING:
    from etims_desktop.app.purchases import Decided, PurchaseService


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and value > 0 else None


class ManualPurchaseDialog(QDialog):
    recorded = Signal(object)  # Decided

    def __init__(
        self,
        purchases: PurchaseService,
        device_id: int,
        items: list[Item],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.purchases = purchases
        self.device_id = device_id
        self.items = [item for item in items if item.active]
        self.setWindowTitle(self.tr("Record a purchase without eTIMS"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(
            self.tr(
                "For goods bought from a supplier who does not use eTIMS (a market, a farmer). "
                "KRA is told about the purchase at the next sync, and the goods are added to your stock."
            )
        )
        intro.setWordWrap(True)

        self.grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Item"), self.tr("Quantity"), self.tr("Price paid for one (KSh)"))
        ):
            self.grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.grid.setColumnStretch(0, 1)
        self.rows: list[tuple[QComboBox, QLineEdit, QLineEdit]] = []
        self.add_line_button = QPushButton(self.tr("Add another &line"))
        self.add_line_button.clicked.connect(self.add_line)
        self.add_line()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("&Record purchase"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._supplier_form())
        layout.addLayout(self.grid)
        layout.addWidget(self.add_line_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        if not self.items:
            self.message.setText(self.tr("Add the items you buy in the Items tab first."))
            self.save_button.setEnabled(False)

    def _supplier_form(self) -> QFormLayout:
        """Who sold the goods and on which day (today or earlier)."""
        self.supplier_edit = QLineEdit()
        self.supplier_edit.setMaxLength(100)
        self.supplier_edit.setPlaceholderText(self.tr("e.g. Mama Mboga, Gikomba market"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd MMM yyyy")
        form = QFormLayout()
        form.addRow(self.tr("&Supplier's name"), self.supplier_edit)
        form.addRow(self.tr("&Date bought"), self.date_edit)
        return form

    def add_line(self) -> tuple[QComboBox, QLineEdit, QLineEdit]:
        combo = QComboBox()
        combo.addItem(self.tr("(choose an item)"), "")
        for item in self.items:
            combo.addItem(f"{item.name} ({item.code})", item.code)
        qty = QLineEdit()
        qty.setPlaceholderText(self.tr("e.g. 10"))
        price = QLineEdit()
        price.setPlaceholderText(self.tr("e.g. 150.00"))
        row = len(self.rows) + 1
        self.grid.addWidget(combo, row, 0)
        self.grid.addWidget(qty, row, 1)
        self.grid.addWidget(price, row, 2)
        self.rows.append((combo, qty, price))
        return combo, qty, price

    def lines(self) -> list[tuple[str, Decimal, Decimal]] | str:
        """The lines filled in, or what is wrong with them (in plain words)."""
        lines = []
        for number, (combo, qty_edit, price_edit) in enumerate(self.rows, start=1):
            code = str(combo.currentData() or "")
            if not code and not qty_edit.text().strip() and not price_edit.text().strip():
                continue  # an empty line is left out
            qty, price = _number(qty_edit.text()), _number(price_edit.text())
            if not code:
                return self.tr("Line %1: choose the item you bought.").replace("%1", str(number))
            if qty is None:
                return self.tr("Line %1: write how many you bought as a number above 0, e.g. 10.").replace(
                    "%1", str(number)
                )
            if price is None:
                return self.tr("Line %1: write the price you paid for one, e.g. 150.00.").replace(
                    "%1", str(number)
                )
            lines.append((code, qty, price))
        return lines or self.tr("Add at least one item you bought.")

    def save(self) -> None:
        supplier = self.supplier_edit.text().strip()
        if not supplier:
            self.message.setText(self.tr("Write the supplier's name (who you bought from)."))
            return
        lines = self.lines()
        if isinstance(lines, str):
            self.message.setText(lines)
            return
        day = self.date_edit.date()
        when = datetime(day.year(), day.month(), day.day(), 12, tzinfo=NAIROBI)  # KRA's day is Kenyan
        self.save_button.setEnabled(False)
        self.message.setText("")
        spawn(self._save(supplier, lines, when), self._failed)

    async def _save(self, supplier: str, lines: list[tuple[str, Decimal, Decimal]], when: datetime) -> None:
        decided = await self.purchases.record_manual(self.device_id, supplier, lines, purchased_on=when)
        self.recorded.emit(decided)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(plain_error(exc))


def recorded_text(decided: Decided) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "ManualPurchaseDialog",
        "Purchase from %1 recorded. The goods are in your stock; KRA is told at the next sync.",
    ).replace("%1", decided.purchase.supplier_name)
