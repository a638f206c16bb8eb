"""The new-sale dialog: keyboard-fast, with totals per tax type computed exactly as they will be sent.

Enter adds the item typed in the search field (or scanned into the barcode field); Ctrl+Enter saves.
The totals come from SaleService.price - the same arithmetic that builds KRA's document.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRegularExpression, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
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

from etims_desktop.domain.device import validate_pin
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.receipt import money, quantity, tax_label
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.tax import SaleAmounts
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.formatting import ksh
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.devices.device_choice import fill_device_combo

if TYPE_CHECKING:
    from etims_desktop.app.sales import SaleService
    from etims_desktop.app.stock import StockService


log = logging.getLogger("etims_desktop.ui")

NAIROBI = ZoneInfo("Africa/Nairobi")
NUMBER_RE = QRegularExpression(r"^\d{0,9}([.,]\d{0,3})?$")
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
COLUMNS = (
    QT_TRANSLATE_NOOP("SaleDialog", "Item"),
    QT_TRANSLATE_NOOP("SaleDialog", "Qty"),
    QT_TRANSLATE_NOOP("SaleDialog", "Unit price"),
    QT_TRANSLATE_NOOP("SaleDialog", "Disc. %"),
    QT_TRANSLATE_NOOP("SaleDialog", "Tax"),
    QT_TRANSLATE_NOOP("SaleDialog", "Amount"),
)
QTY_COL, PRICE_COL, DISC_COL, AMOUNT_COL = 1, 2, 3, 5


def parse_decimal(text: str) -> Decimal | None:
    try:
        value = Decimal((text or "").strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def new_invoice_number(prefix: str = "W", now: datetime | None = None) -> str:
    """The shop's own number for a document made here: date, time and a random tail (unique per device)."""
    now = (now or datetime.now(UTC)).astimezone(NAIROBI)
    return f"{prefix}{now:%y%m%d-%H%M%S}-{secrets.randbelow(1000):03d}"


def item_label(item: Item) -> str:
    return f"{item.name} | {item.code} | {money(item.price)}"


@dataclass(frozen=True)
class DraftLine:
    item: Item
    qty: Decimal
    unit_price: Decimal  # VAT-inclusive
    discount: Decimal = Decimal(0)

    def sale_line(self) -> SaleLine:
        item = self.item
        return SaleLine(
            item_code=item.code,
            item_class_code=item.item_class_code,
            name=item.name,
            qty=self.qty,
            unit_price=self.unit_price,
            tax_type=item.tax_type,
            pkg_unit_code=item.pkg_unit_code,
            qty_unit_code=item.qty_unit_code,
            discount_rate=self.discount,
            barcode=item.barcode,
        )


class TotalsPanel(QGroupBox):
    """Per-tax-type taxable amount and VAT, and the total: straight from SaleAmounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Totals (as sent to KRA)"))
        self.grid = QGridLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.show_amounts(None)

    def show_amounts(self, amounts: SaleAmounts | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.total_label:
                widget.deleteLater()
        self.labels = {}
        for column, head in enumerate((self.tr("Tax type"), self.tr("Taxable"), self.tr("VAT"))):
            label = QLabel(f"<b>{head}</b>")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, 0, column)
        row = 1
        if amounts is not None:
            used = [t for t in TaxType if any(la.line.tax_type is t for la in amounts.lines)]
            for tax_type in used:
                cells = (
                    tax_label(tax_type, amounts.rate_by_type[tax_type]),
                    money(amounts.taxable_by_type[tax_type]),
                    money(amounts.tax_by_type[tax_type]),
                )
                _name, self.labels[f"taxable_{tax_type.value}"], self.labels[f"tax_{tax_type.value}"] = (
                    self._add_row(row, cells)
                )
                row += 1
        zero = Decimal("0.00")
        taxable = money(amounts.total_taxable if amounts else zero)
        tax = money(amounts.total_tax if amounts else zero)
        everything = self.tr("All")
        all_cells = (f"<b>{everything}</b>", f"<b>{taxable}</b>", f"<b>{tax}</b>")
        _all, self.labels["total_taxable"], self.labels["total_tax"] = self._add_row(row, all_cells)
        self.total_label.setText(self.tr("TOTAL %1").replace("%1", ksh(amounts.total if amounts else zero)))
        self.grid.addWidget(self.total_label, row + 1, 0, 1, 3)

    def _add_row(self, row: int, cells: tuple[str, str, str]) -> tuple[QLabel, QLabel, QLabel]:
        """A tax type (or All) and its two amounts, right-aligned; returns the three labels."""
        labels = (QLabel(cells[0]), QLabel(cells[1]), QLabel(cells[2]))
        for column, label in enumerate(labels):
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, row, column)
        return labels

    def text_of(self, key: str) -> str:
        """The shown amount (e.g. 'tax_B', 'total_taxable') without markup - for tests and screen readers."""
        return self.labels[key].text().replace("<b>", "").replace("</b>", "")


class SaleDialog(QDialog):
    """Record a new sale. Non-modal: open it with show(); it stays open for the next sale after saving."""

    sale_recorded = Signal(int)  # sale id
    totals_changed = Signal()
    ready = Signal()

    def __init__(
        self,
        sales: SaleService,
        parent: QWidget | None = None,
        device_id: int | None = None,
        stock: StockService | None = None,  # warns when a sale takes stock below zero; never blocks it
    ) -> None:
        super().__init__(parent)
        self.sales = sales
        self.stock = stock
        self.setWindowTitle(self.tr("New sale"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.items: dict[str, Item] = {}
        self.lines: list[DraftLine] = []
        self.amounts: SaleAmounts | None = None
        self.last_sale_id: int | None = None
        self._generation = 0
        self._filling = False
        self._wanted_device = device_id
        self._device_types: dict[int, str] = {}
        self._loaded = False
        self._build_item_entry()
        self._build_lines_table()
        self._build_buyer_fields()
        self._build_totals_and_buttons()
        self._lay_out()
        self.setTabOrder(self.search_edit, self.qty_edit)
        fit_to_screen(self, 900, 620)
        self.search_edit.setFocus()
        spawn(self._load(), self._show_error)

    def _build_item_entry(self) -> None:
        """The device, the invoice number, and adding an item: search, quantity, discount or barcode."""
        self.device_combo = QComboBox()
        self.device_combo.currentIndexChanged.connect(lambda _i: self.reprice())
        self.invoice_edit = QLineEdit(new_invoice_number())
        self.invoice_edit.setMaxLength(50)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Item name or code, then Enter"))
        self._item_model = QStringListModel(self)
        self._completer = QCompleter(self._item_model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search_edit.setCompleter(self._completer)
        self.search_edit.returnPressed.connect(self.add_from_search)
        self.qty_edit = QLineEdit("1")
        self.qty_edit.setValidator(QRegularExpressionValidator(NUMBER_RE, self))
        self.qty_edit.setMaximumWidth(70)
        self.qty_edit.returnPressed.connect(self.add_from_search)
        self.discount_edit = QLineEdit("0")
        self.discount_edit.setValidator(QRegularExpressionValidator(NUMBER_RE, self))
        self.discount_edit.setMaximumWidth(60)
        self.discount_edit.returnPressed.connect(self.add_from_search)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_from_search)
        self.barcode_edit = QLineEdit()
        self.barcode_edit.setPlaceholderText(self.tr("Scan a barcode"))
        self.barcode_edit.returnPressed.connect(self.add_from_barcode)

    def _build_lines_table(self) -> None:
        """The sale's lines: quantity, price and discount are edited in place; Delete removes one."""
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._cell_edited)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_selected)

    def _build_buyer_fields(self) -> None:
        """The buyer's PIN (checked as typed) and name, the payment type, the cash and its change."""
        self.pin_edit = QLineEdit()
        self.pin_edit.setPlaceholderText(self.tr("optional, e.g. P051234567X"))
        self.pin_edit.setMaxLength(11)
        self.pin_edit.textChanged.connect(self._check_pin)
        self.pin_hint = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.payment_combo = QComboBox()
        # Cash: what the customer handed over and the change to give back (not sent to KRA).
        self.cash_edit = QLineEdit()
        self.cash_edit.setPlaceholderText(self.tr("optional, e.g. 1000"))
        self.cash_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,9}([.,]\d{0,2})?$"), self)
        )
        self.cash_edit.textChanged.connect(lambda _t: self._show_change())
        self.change_label = QLabel()

    def _build_totals_and_buttons(self) -> None:
        """The totals, the message line, Save (Ctrl+Enter) and Close; Enter never clicks a button."""
        self.totals = TotalsPanel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save sale  (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        for button in (self.add_button, self.remove_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    def _lay_out(self) -> None:
        """Device and invoice, the item row, the lines, buyer and totals side by side, the buttons."""
        head = QFormLayout()
        head.addRow(self.tr("&Device"), self.device_combo)
        head.addRow(self.tr("&Invoice no."), self.invoice_edit)
        item_caption = QLabel(self.tr("&Item"))
        item_caption.setBuddy(self.search_edit)
        adder = QHBoxLayout()
        adder.addWidget(item_caption, 0)
        adder.addWidget(self.search_edit, 3)
        adder.addWidget(QLabel(self.tr("Qty")))
        adder.addWidget(self.qty_edit)
        adder.addWidget(QLabel(self.tr("Disc. %")))
        adder.addWidget(self.discount_edit)
        adder.addWidget(self.add_button)
        adder.addWidget(self.barcode_edit, 2)
        buyer = QFormLayout()
        buyer.addRow(self.tr("Buyer &PIN"), self.pin_edit)
        buyer.addRow("", self.pin_hint)
        buyer.addRow(self.tr("Buyer &name"), self.name_edit)
        buyer.addRow(self.tr("Pa&yment"), self.payment_combo)
        buyer.addRow(self.tr("&Cash received"), self.cash_edit)
        buyer.addRow(self.tr("Change due"), self.change_label)
        bottom = QHBoxLayout()
        bottom.addLayout(buyer, 1)
        bottom.addWidget(self.totals, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(adder)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # ---- loading
    async def _load(self) -> None:
        devices = await self.sales.devices()
        fill_device_combo(self.device_combo, devices, self._wanted_device)
        self._device_types = {d.saved_id: d.type.value for d in devices}
        items = await self.sales.items()
        self.items = {item.code: item for item in items}
        self._labels = {item_label(item): item for item in items}
        self._item_model.setStringList(sorted(self._labels))
        for code, name in await self.sales.payment_types(self.device_id()):
            self.payment_combo.addItem(f"{code} {name}", code)
        if not devices:
            self._say(self.tr("Add a device first: every sale goes to a device."), error=True)
        elif not items:
            self._say(self.tr("Add items in the Items tab first."), error=True)
        self._loaded = True
        self.reprice()
        self.ready.emit()

    def device_id(self) -> int | None:
        chosen = self.device_combo.currentData()  # a device's id; None while there is none to choose
        return chosen if isinstance(chosen, int) else None

    def _device_type(self, device_id: int) -> str | None:
        return self._device_types.get(device_id)

    # ---- lines
    def find_item(self, text: str) -> Item | None:
        text = (text or "").strip()
        if not text:
            return None
        if text in self._labels_or_empty():
            return self._labels[text]
        folded = text.casefold()
        for item in self.items.values():
            if folded in (item.code.casefold(), (item.barcode or "").casefold()):
                return item
        matches = [i for i in self.items.values() if folded in i.name.casefold()]
        return matches[0] if len(matches) == 1 else None

    def _labels_or_empty(self) -> dict[str, Item]:
        return getattr(self, "_labels", {})

    def add_item(self, item: Item, qty: Decimal = Decimal(1), discount: Decimal = Decimal(0)) -> None:
        for position, line in enumerate(self.lines):
            if line.item.code == item.code and line.discount == discount and line.unit_price == item.price:
                self.lines[position] = replace(line, qty=line.qty + qty)
                break
        else:
            self.lines.append(DraftLine(item, qty, item.price, discount))
        self._fill_table()
        self.reprice()

    def add_from_search(self) -> None:
        item = self.find_item(self.search_edit.text())
        if item is None:
            self._say(
                self.tr("No single item matches '%1': pick one from the list.").replace(
                    "%1", self.search_edit.text().strip()
                ),
                error=True,
            )
            return
        qty = parse_decimal(self.qty_edit.text() or "1")
        discount = parse_decimal(self.discount_edit.text() or "0")
        if qty is None or qty <= 0:
            self._say(self.tr("The quantity must be more than zero."), error=True)
            return
        if discount is None or not 0 <= discount <= 100:
            self._say(self.tr("The discount is a percentage from 0 to 100."), error=True)
            return
        self.add_item(item, qty, discount)
        self.search_edit.clear()
        self.qty_edit.setText("1")
        self.discount_edit.setText("0")
        self.search_edit.setFocus()
        self._say("")

    def add_from_barcode(self) -> None:
        code = self.barcode_edit.text().strip()
        item = next((i for i in self.items.values() if code and code in (i.barcode, i.code)), None)
        self.barcode_edit.clear()
        if item is None:
            self._say(self.tr("No item has the barcode %1.").replace("%1", code), error=True)
            return
        self.add_item(item)
        self._say("")

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.lines[row]
        self._fill_table()
        self.reprice()

    def _fill_table(self) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self.lines))
            for row, line in enumerate(self.lines):
                cells = [
                    line.item.name,
                    quantity(line.qty),
                    str(line.unit_price),
                    quantity(line.discount),
                    line.item.tax_type.value,
                    "",
                ]
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if column not in (QTY_COL, PRICE_COL, DISC_COL):
                        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if column:
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, cell)
        finally:
            self._filling = False

    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = cell.row(), cell.column()
        if row >= len(self.lines) or column not in (QTY_COL, PRICE_COL, DISC_COL):
            return
        value = parse_decimal(cell.text())
        line = self.lines[row]
        if column == QTY_COL and value is not None and value > 0:
            self.lines[row] = replace(line, qty=value)
        elif column == PRICE_COL and value is not None and value > 0:
            self.lines[row] = replace(line, unit_price=value)
        elif column == DISC_COL and value is not None and 0 <= value <= 100:
            self.lines[row] = replace(line, discount=value)
        else:
            self._say(
                self.tr("That value was not accepted: quantities and prices above zero, discounts 0 to 100."),
                error=True,
            )
        self._fill_table()
        self.reprice()

    # ---- the sale
    def current_sale(self) -> Sale:
        pin = self.pin_edit.text().strip().upper() or None
        return Sale(
            trader_invoice_no=self.invoice_edit.text().strip(),
            lines=tuple(line.sale_line() for line in self.lines),
            sold_at=datetime.now(UTC),
            buyer_pin=pin,
            buyer_name=self.name_edit.text().strip() or None,
            payment_type=self.payment_combo.currentData() or "01",
        )

    def reprice(self) -> None:
        """Ask the sale service for the exact amounts; the newest answer wins."""
        if not self._loaded:
            return
        self._generation += 1
        generation = self._generation
        device_id = self.device_id()
        if not self.lines or device_id is None:
            self._show_amounts(None, generation)
            return
        sale = self.current_sale()

        async def price() -> None:
            amounts = await self.sales.price(device_id, sale)
            self._show_amounts(amounts, generation)

        spawn(price(), self._show_error)

    def change_due(self) -> Decimal | None:
        """Cash received less the total; None when no cash was typed or there is no total yet."""
        try:
            cash = Decimal(self.cash_edit.text().strip().replace(",", "."))
        except ArithmeticError:
            return None
        return None if self.amounts is None else cash - self.amounts.total

    def _show_change(self) -> None:
        change = self.change_due()
        if change is None:
            self.change_label.setText("")
        elif change < 0:
            self.change_label.setText(self.tr("%1 short").replace("%1", ksh(-change)))
        else:
            self.change_label.setText(f"<b>{ksh(change)}</b>")

    def _show_amounts(self, amounts: SaleAmounts | None, generation: int) -> None:
        if generation != self._generation:
            return
        self.amounts = amounts
        self.totals.show_amounts(amounts)
        self._show_change()
        if amounts is not None:
            self._filling = True
            for row, line_amounts in enumerate(amounts.lines):
                cell = self.table.item(row, AMOUNT_COL)
                if cell is not None:
                    cell.setText(money(line_amounts.total_amount))
            self._filling = False
        self.totals_changed.emit()

    def _check_pin(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.pin_hint.setText("")
            return
        try:
            validate_pin(text)
        except DomainValidationError as exc:
            self.pin_hint.setStyleSheet(ERROR_STYLE)
            self.pin_hint.setText(str(exc) if len(text) >= 11 else self.tr("A KRA PIN has 11 characters."))
        else:
            self.pin_hint.setStyleSheet(OK_STYLE)
            self.pin_hint.setText(self.tr("PIN looks right."))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        device_id = self.device_id()
        if device_id is None:
            self._say(self.tr("Choose the device this sale goes to."), error=True)
            return
        if not self.lines:
            self._say(self.tr("Add at least one item to the sale."), error=True)
            return
        sale = self.current_sale()
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving..."))
        spawn(self._record(device_id, sale), self._save_failed)

    async def _record(self, device_id: int, sale: Sale) -> None:
        shortages = await self.stock.shortages(device_id, sale) if self.stock else []  # a warning only
        recorded = await self.sales.record(device_id, sale)
        self.last_sale_id = recorded.sale_id
        if not recorded.created:
            text = self.tr("Invoice %1 was recorded before; nothing new was saved (total %2).")
        elif self._device_type(device_id) == "VSCU":  # VSCU sales go in batches, not one by one
            text = self.tr(
                "Saved %1, total %2. It goes to the VSCU service with the next batch (or when you press Sync)."
            )
        else:
            text = self.tr(
                "Saved %1, total %2. It goes to KRA now if the device is online, otherwise it waits "
                "in the queue."
            )
        text = text.replace("%1", sale.trader_invoice_no).replace("%2", ksh(recorded.amounts.total))
        change = self.change_due() if recorded.created else None
        if change is not None and change >= 0:
            text += " " + self.tr("Give %1 change.").replace("%1", ksh(change))
        if recorded.created and shortages:
            text += " " + self.tr("Stock: %1").replace("%1", " ".join(shortages))
        self._say(text)
        self.save_button.setEnabled(True)
        self.sale_recorded.emit(recorded.sale_id)
        self.start_next_sale()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say(plain_error(exc), error=True)

    def start_next_sale(self) -> None:
        """Clear lines and buyer for the next customer; keep the device and payment type."""
        self.lines = []
        self._fill_table()
        self.pin_edit.clear()
        self.name_edit.clear()
        self.cash_edit.clear()
        self.invoice_edit.setText(new_invoice_number())
        self.search_edit.setFocus()
        self.reprice()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _show_error(self, exc: BaseException) -> None:
        self._say(plain_error(exc), error=True)
