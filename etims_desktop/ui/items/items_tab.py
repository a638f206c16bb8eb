"""The item master: what the shop sells, its KRA classification and tax type, and where KRA knows it.

KRA must know an item (saveItem) on a device before a sale with it is sent there. The sync engine
registers missing items by itself before a sale; "Register now" / "Register all" do it ahead of time.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.items import ItemListRow
from etims_desktop.domain.device import Device
from etims_desktop.domain.item import Item
from etims_desktop.domain.receipt import money
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.stock import is_stocked
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.storage.records import ItemDraft
from etims_desktop.sync.code_choices import ITEM_TYPES, PACKAGING_UNITS, QUANTITY_UNITS
from etims_desktop.ui.board.board_refresh import DeviceChangeSource, DeviceEvents
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.items.stock_dialog import StockDialog

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from PySide6.QtCore import QObject, QPersistentModelIndex

    from etims_desktop.app.items import ItemCatalogue
    from etims_desktop.app.stock import StockService
    from etims_desktop.domain.device import Device
    from etims_desktop.sync.items import RegistrationReport


log = logging.getLogger("etims_desktop.ui")
QDialogT = TypeVar("QDialogT", bound=QDialog)

COALESCE_MS = 150
SEARCH_DELAY_MS = 200
TAX_TYPE_NAMES = {
    TaxType.A: QT_TRANSLATE_NOOP("ItemDialog", "A - Exempt"),
    TaxType.B: QT_TRANSLATE_NOOP("ItemDialog", "B - VAT 16%"),
    TaxType.C: QT_TRANSLATE_NOOP("ItemDialog", "C - Zero rated"),
    TaxType.D: QT_TRANSLATE_NOOP("ItemDialog", "D - Non-VAT"),
    TaxType.E: QT_TRANSLATE_NOOP("ItemDialog", "E - VAT 8%"),
}
PRICE_RE = QRegularExpression(r"^-?\d{0,9}([.,]\d{0,2})?$")  # a typed minus shows (and is refused on Save)


def parse_price(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and value > 0 else None


class ItemTableModel(QAbstractTableModel):
    """Items with one registration column per device, then one stock-on-hand column per device."""

    BASE_COLUMNS = (
        QT_TRANSLATE_NOOP("ItemTableModel", "Code"),
        QT_TRANSLATE_NOOP("ItemTableModel", "Name"),
        QT_TRANSLATE_NOOP("ItemTableModel", "Class"),
        QT_TRANSLATE_NOOP("ItemTableModel", "Tax"),
        QT_TRANSLATE_NOOP("ItemTableModel", "Price (KSh, incl. VAT)"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemListRow] = []
        self.devices: list[Device] = []

    def set_data(self, rows: list[ItemListRow], devices: list[Device]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.devices = devices
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.BASE_COLUMNS) + 2 * len(self.devices)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(self.BASE_COLUMNS):
            return self.tr(self.BASE_COLUMNS[section])
        n = section - len(self.BASE_COLUMNS)
        if n >= len(self.devices):
            return self.tr("In stock: %1").replace("%1", self.devices[n - len(self.devices)].name)
        return self.tr("KRA: %1").replace("%1", self.devices[n].name)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        item = row.item
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return item
        stock_column = column >= len(self.BASE_COLUMNS) + len(self.devices)
        if role == Qt.ItemDataRole.TextAlignmentRole and (column == 4 or stock_column):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return item.code
        if column == 1:
            return item.name if item.active else self.tr("%1 (inactive)").replace("%1", item.name)
        if column == 2:
            return item.item_class_code
        if column == 3:
            return TAX_TYPE_NAMES[item.tax_type]
        if column == 4:
            return money(item.price)
        n = column - len(self.BASE_COLUMNS)
        if n >= len(self.devices):
            return self._stock_text(
                item, row.stock.get(self.devices[n - len(self.devices)].saved_id, Decimal(0))
            )
        device = self.devices[n]
        when = row.registered.get(device.saved_id)
        if when is None:
            return self.tr("not registered")
        return self.tr("registered %1").replace("%1", when.astimezone().strftime("%d %b %Y"))

    def _stock_text(self, item: Item, quantity: Decimal) -> str:
        if not is_stocked(item.item_type):
            return self.tr("no stock (a service)")
        text = f"{quantity.normalize():f}"
        return self.tr("%1 (below zero: record what came in)").replace("%1", text) if quantity < 0 else text


class ItemDialog(QDialog):
    """Add or edit an item. Non-modal (show()/open()); emits `saved(Item)`. The code is generated on add."""

    saved = Signal(object)

    def __init__(self, items: ItemCatalogue, item: Item | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = items
        self.item = item
        self.setWindowTitle(self.tr("Edit item") if item else self.tr("New item"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.code_label = QLabel(item.code if item else self.tr("generated when you save"))
        self.name_edit = QLineEdit(item.name if item else "")
        self.name_edit.setMaxLength(200)
        self.class_edit = QLineEdit(item.item_class_code if item else "")
        self.class_edit.setPlaceholderText(self.tr("type to search KRA's classification, e.g. 'flour'"))
        self.class_hint = QLabel()
        self.class_hint.setWordWrap(True)
        self._class_model = QStringListModel(self)
        self._class_codes: dict[str, str] = {}
        completer = QCompleter(self._class_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._class_chosen)
        self.class_edit.setCompleter(completer)
        # one search at a time, for the text as it is now (a result for older text is dropped)
        self._class_search = CoalescedReload(
            self._read_classes,
            self._show_classes,
            self._show_error,
            SEARCH_DELAY_MS,
            self,
            key=self._class_text,
        )
        self.class_edit.textEdited.connect(lambda _text: self._class_search.schedule())

        self._build_code_and_price_fields(item)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.ready = False
        spawn(self._load_choices(), self._show_error)

    def _build_code_and_price_fields(self, item: Item | None) -> None:
        """Type, packaging and quantity units (fixed once the item exists: they are part of its code),
        tax type, price, barcode, active."""
        self.type_combo = QComboBox()
        self.pkg_combo = QComboBox()
        self.qty_combo = QComboBox()
        self.tax_combo = QComboBox()
        for tax_type, name in TAX_TYPE_NAMES.items():
            self.tax_combo.addItem(self.tr(name), tax_type)
        self.tax_combo.setCurrentIndex(self.tax_combo.findData(item.tax_type if item else TaxType.B))
        self.price_edit = QLineEdit(str(item.price) if item else "")
        self.price_edit.setValidator(QRegularExpressionValidator(PRICE_RE, self))
        self.price_edit.setPlaceholderText(self.tr("shelf price including VAT, e.g. 250.00"))
        self.barcode_edit = QLineEdit((item.barcode or "") if item else "")
        self.barcode_edit.setMaxLength(20)
        self.active_check = QCheckBox(self.tr("Active (can be sold)"))
        self.active_check.setChecked(item.active if item else True)
        if item is not None:
            note = self.tr("Part of the item code; make a new item to change it.")
            for combo in (self.type_combo, self.pkg_combo, self.qty_combo):
                combo.setEnabled(False)
                combo.setToolTip(note)

    def _form(self) -> QFormLayout:
        """Every field with its label, in the order KRA's item code is made."""
        form = QFormLayout()
        form.addRow(self.tr("Item code"), self.code_label)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Classification"), self.class_edit)
        form.addRow("", self.class_hint)
        form.addRow(self.tr("Item &type"), self.type_combo)
        form.addRow(self.tr("&Packaging unit"), self.pkg_combo)
        form.addRow(self.tr("&Quantity unit"), self.qty_combo)
        form.addRow(self.tr("Ta&x type"), self.tax_combo)
        form.addRow(self.tr("&Price incl. VAT"), self.price_edit)
        form.addRow(self.tr("&Barcode"), self.barcode_edit)
        form.addRow("", self.active_check)
        return form

    async def _load_choices(self) -> None:
        item = self.item
        for combo, cls, current in (
            (self.type_combo, ITEM_TYPES, item.item_type if item else "2"),
            (self.pkg_combo, PACKAGING_UNITS, item.pkg_unit_code if item else "NT"),
            (self.qty_combo, QUANTITY_UNITS, item.qty_unit_code if item else "U"),
        ):
            choices = await self.items.choices(cls)
            if current not in {code for code, _ in choices}:
                choices.insert(0, (current, current))
            combo.clear()
            for code, name in choices:
                combo.addItem(f"{code} - {name}", code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.ready = True

    def _class_text(self) -> str:
        return self.class_edit.text().strip()

    async def _read_classes(self) -> dict[str, str] | None:
        text = self._class_text()
        if len(text) < 2:
            return None
        return await self.items.classifications(text)

    def _show_classes(self, found: dict[str, str] | None) -> None:
        if found is None:
            return
        self._class_codes = {f"{code} - {name}": code for code, name in sorted(found.items())}
        self._class_model.setStringList(list(self._class_codes))
        if not found:
            self.class_hint.setText(self.tr("No classification matches. Sync a device to get KRA's list."))
        else:
            self.class_hint.setText("")
            self.class_edit.completer().complete()

    def _class_chosen(self, text: str) -> None:
        code = self._class_codes.get(text)
        if code:
            self.class_edit.setText(code)
            self.class_hint.setText(text)

    def class_code(self) -> str:
        text = self.class_edit.text().strip()
        return self._class_codes.get(text, text.split(" ")[0] if text else "")

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(plain_error(exc))

    def save(self) -> None:
        name = self.name_edit.text().strip()
        price = parse_price(self.price_edit.text())
        class_code = self.class_code()
        if not name:
            return self.error_label.setText(self.tr("Give the item a name."))
        if not class_code.isdigit() or not 4 <= len(class_code) <= 10:
            return self.error_label.setText(
                self.tr("Pick the item's KRA classification from the list (type part of its name).")
            )
        if price is None and self.price_edit.text().strip().startswith("-"):
            return self.error_label.setText(self.tr("The price must be more than 0, for example 250.00."))
        if price is None:
            return self.error_label.setText(self.tr("Enter the price including VAT, e.g. 250.00."))
        self.buttons.setEnabled(False)
        spawn(self._save(name, class_code, price), self._save_failed)

    async def _save(self, name: str, class_code: str, price: Decimal) -> None:
        barcode = self.barcode_edit.text().strip() or None
        tax_type = self.tax_combo.currentData()
        if self.item is not None:
            item = await self.items.update(
                replace(
                    self.item,
                    name=name,
                    item_class_code=class_code,
                    tax_type=tax_type,
                    price=price,
                    barcode=barcode,
                    active=self.active_check.isChecked(),
                )
            )
        else:
            item = await self.items.add(
                ItemDraft(
                    name=name,
                    item_class_code=class_code,
                    tax_type=tax_type,
                    price=price,
                    item_type=self.type_combo.currentData() or "2",
                    pkg_unit_code=self.pkg_combo.currentData() or "NT",
                    qty_unit_code=self.qty_combo.currentData() or "U",
                    barcode=barcode,
                    active=self.active_check.isChecked(),
                )
            )
        self.saved.emit(item)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._show_error(exc)


class ItemsTab(QWidget):
    """Item master table, add/edit, and KRA registration per device."""

    refreshed = Signal()
    registration_finished = Signal(str)

    def __init__(
        self,
        items: ItemCatalogue,
        changes: DeviceChangeSource,
        stock: StockService,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.items = items
        self.stock = stock
        self.model = ItemTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        bar = self._build_tool_bar()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)

        self._reload = CoalescedReload(
            self._read, self._show_rows, self._failed, COALESCE_MS, self, view=self
        )
        self._events = DeviceEvents(changes, self)
        self._events.device_changed.connect(lambda _id: self.schedule_refresh())
        self.destroyed.connect(self._events.detach)
        self.dialogs: list[QDialog] = []
        self.schedule_refresh()

    def _build_tool_bar(self) -> QHBoxLayout:
        """Search, add, edit, adjust stock; and registering items with KRA on a chosen device."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, code or class"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("&Add item..."))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("&Edit..."))
        self.edit_button.clicked.connect(self.edit_selected)
        self.stock_button = QPushButton(self.tr("Adjust &stock..."))
        self.stock_button.setToolTip(self.tr("Opening stock, goods received, damage or a stock count"))
        self.stock_button.clicked.connect(self.adjust_stock)
        self.device_combo = QComboBox()
        self.device_combo.setToolTip(self.tr("Which device KRA should know the items on"))
        self.register_button = QPushButton(self.tr("&Register selected"))
        self.register_button.clicked.connect(self.register_selected)
        self.register_all_button = QPushButton(self.tr("Register a&ll"))
        self.register_all_button.setToolTip(self.tr("Register every item KRA does not know yet"))
        self.register_all_button.clicked.connect(self.register_all)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.stock_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("KRA registration on:")))
        bar.addWidget(self.device_combo, 1)
        bar.addWidget(self.register_button)
        bar.addWidget(self.register_all_button)
        return bar

    # ---- loading
    def schedule_refresh(self) -> None:
        self._reload.schedule()

    async def _read(self) -> tuple[list[Device], list[ItemListRow]]:
        return await self.items.devices(), await self.items.rows()

    def _show_rows(self, read: tuple[list[Device], list[ItemListRow]]) -> None:
        devices, rows = read
        self.model.set_data(rows, devices)
        current = self.device_combo.currentData()
        self.device_combo.clear()
        self.device_combo.addItem(self.tr("All devices"), None)
        for device in devices:
            self.device_combo.addItem(device.name, device.id)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(current)))
        self.refreshed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(plain_error(exc))

    # ---- items
    def selected_items(self) -> list[Item]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r].item for r in sorted(rows)]

    def _open(self, dialog: QDialogT) -> QDialogT:
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def add_item(self) -> ItemDialog:
        dialog = ItemDialog(self.items, None, self)
        dialog.saved.connect(self._item_saved)
        return self._open(dialog)

    def edit_selected(self) -> ItemDialog | None:
        items = self.selected_items()
        if not items:
            self.status.setText(self.tr("Select an item to edit."))
            return None
        dialog = ItemDialog(self.items, items[0], self)
        dialog.saved.connect(self._item_saved)
        return self._open(dialog)

    def adjust_stock(self) -> StockDialog | None:
        """Stock of the selected item (app/stock.py); the table shows the new quantity after."""
        selected = self.selected_items()
        if not selected:
            self.status.setText(self.tr("Select the item whose stock you want to adjust."))
            return None
        dialog = StockDialog(self.stock, selected[0], self)
        dialog.adjusted.connect(lambda _text: self.schedule_refresh())
        self._open(dialog)
        return dialog

    def _item_saved(self, item: Item) -> None:
        self.status.setText(
            self.tr("Saved %1 (%2). KRA learns about it at the next sale or when you register it.")
            .replace("%1", item.name)
            .replace("%2", item.code)
        )
        self.schedule_refresh()

    # ---- registration
    async def _target_devices(self) -> list[Device]:
        chosen = self.device_combo.currentData()
        devices = await self.items.devices()
        return [d for d in devices if chosen is None or d.id == chosen]

    def register_selected(self) -> None:
        items = self.selected_items()
        if not items:
            self.status.setText(self.tr("Select the items to register, or use Register all."))
            return
        self._run_registration(lambda device: self.items.register(device, items))

    def register_all(self) -> None:
        self._run_registration(self.items.register_all)

    def _run_registration(self, run: Callable[[Device], Awaitable[RegistrationReport]]) -> None:
        self.register_button.setEnabled(False)
        self.register_all_button.setEnabled(False)
        self.status.setText(self.tr("Registering with KRA..."))

        async def go() -> None:
            summaries = []
            try:
                devices = await self._target_devices()
                if not devices:
                    summaries.append(self.tr("Add a device first: items are registered on a device."))
                for device in devices:
                    report = await run(device)
                    summaries.append(report.summary())
            finally:
                self.register_button.setEnabled(True)
                self.register_all_button.setEnabled(True)
            text = "\n".join(summaries)
            self.status.setText(text)
            self.schedule_refresh()
            self.registration_finished.emit(text)

        spawn(go(), self._failed)
