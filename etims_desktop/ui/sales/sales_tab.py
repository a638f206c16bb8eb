"""The sales list: search and filters, KRA's numbers and the state of every sale, and what to do next
(new sale, receipt, print, PDF, credit note, import, receipts to reprint)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.sales_query import SaleListRow, SalesFilter
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.receipt import money
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.board.board_refresh import DeviceEvents
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.devices.business_dialog import BusinessDialog
from etims_desktop.ui.devices.device_choice import device_label
from etims_desktop.ui.receipts.receipt_preview import ReceiptPreview
from etims_desktop.ui.receipts.receipt_render import ReceiptLayout
from etims_desktop.ui.sales.credit_note_dialog import CreditNoteDialog
from etims_desktop.ui.sales.import_dialog import ImportDialog
from etims_desktop.ui.sales.sale_dialog import SaleDialog

if TYPE_CHECKING:
    from etims_desktop.app.credit_notes import CreditNotes
    from etims_desktop.app.importer import SaleImporter
    from etims_desktop.app.receipts import Receipts
    from etims_desktop.app.sales import SaleService
    from etims_desktop.app.sales_query import SalesList
    from etims_desktop.app.stock import StockService
    from etims_desktop.domain.device import Device
    from etims_desktop.ui.board.board_refresh import DeviceChangeSource
    from etims_desktop.ui.devices.business_details import BusinessStore


log = logging.getLogger("etims_desktop.ui")

COALESCE_MS = 150
MONEY_RE = QRegularExpression(r"^\d{0,12}([.,]\d{0,2})?$")
PENDING_STATES = frozenset(s for s in OutboxState if s.pending)
STATE_FILTERS = (
    (QT_TRANSLATE_NOOP("SalesTab", "All sales"), None),
    (QT_TRANSLATE_NOOP("SalesTab", "Pending (not yet signed)"), PENDING_STATES),
    (QT_TRANSLATE_NOOP("SalesTab", "Needs your fix"), frozenset({OutboxState.NEEDS_FIX})),
    (QT_TRANSLATE_NOOP("SalesTab", "Signed by KRA"), frozenset({OutboxState.SIGNED})),
    (QT_TRANSLATE_NOOP("SalesTab", "Cancelled"), frozenset({OutboxState.CANCELLED})),
)


def _decimal(text: str) -> Decimal | None:
    text = text.strip().replace(",", ".")
    return Decimal(text) if text and text != "." else None


@dataclass(frozen=True)
class SalesTabUseCases:
    """What the Sales tab and the windows it opens work with (built in ui/main_window.py)."""

    sales_list: SalesList
    sales: SaleService  # the new-sale window
    stock: StockService  # its below-zero warning
    credit_notes: CreditNotes
    importer: SaleImporter
    receipts: Receipts
    business: BusinessStore  # the receipt header
    changes: DeviceChangeSource  # a device's sales changed: reload


_Window = TypeVar("_Window", bound=QWidget)


class SalesTableModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("SalesTableModel", "Date"),
        QT_TRANSLATE_NOOP("SalesTableModel", "Device"),
        QT_TRANSLATE_NOOP("SalesTableModel", "Invoice no."),
        QT_TRANSLATE_NOOP("SalesTableModel", "eTIMS invoice no."),
        QT_TRANSLATE_NOOP("SalesTableModel", "Receipt no."),
        QT_TRANSLATE_NOOP("SalesTableModel", "Buyer"),
        QT_TRANSLATE_NOOP("SalesTableModel", "Total (KSh)"),
        QT_TRANSLATE_NOOP("SalesTableModel", "State"),
    )
    TOTAL_COLUMN = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SaleListRow] = []
        self.reprint: set[int] = set()

    def set_rows(self, rows: list[SaleListRow], reprint: set[int]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.reprint = reprint
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TOTAL_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr_core(row.problem) if row.problem else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.sold_at.astimezone().strftime("%d %b %Y %H:%M")
        if column == 1:
            return row.device_name
        if column == 2:
            kind = self.tr("credit note ") if row.is_credit_note else ""
            return f"{kind}{row.trader_invoice_no}"
        if column == 3:
            return row.cu_invoice_no or (
                self.tr("(no. %1, not signed)").replace("%1", str(row.invc_no)) if row.invc_no else ""
            )
        if column == 4:
            return "" if row.receipt_no is None else str(row.receipt_no)
        if column == 5:
            return row.buyer
        if column == 6:
            return ("-" if row.is_credit_note else "") + money(row.total)
        state = tr_core(row.state_label)
        if row.sale_id in self.reprint and row.state is OutboxState.SIGNED:
            state += self.tr(" - reprint the receipt")
        return state


class SalesTab(QWidget):
    """Every recorded sale, newest first. Ctrl+N starts a new sale."""

    refreshed = Signal()

    def __init__(self, use: SalesTabUseCases, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use = use
        self.model = SalesTableModel(self)
        self.windows: list[QWidget] = []
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._lay_out()
        self._connect_reloads()

    def _build_filters(self) -> None:
        """Search, device and state lists, dates, totals, and the receipts-to-reprint filter."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search invoice no., eTIMS no., buyer or item"))
        self.search.setClearButtonEnabled(True)
        self.device_filter = QComboBox()
        self.device_filter.addItem(self.tr("All devices"), None)
        self.state_filter = QComboBox()
        for label, states in STATE_FILTERS:
            self.state_filter.addItem(self.tr(label), states)
        self.from_check = QCheckBox(self.tr("From"))
        self.from_date = QDateEdit(QDate.currentDate().addDays(-30))
        self.to_check = QCheckBox(self.tr("to"))
        self.to_date = QDateEdit(QDate.currentDate())
        for date_edit in (self.from_date, self.to_date):
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("dd MMM yyyy")
        self.min_total = QLineEdit()
        self.max_total = QLineEdit()
        for total_edit, hint in (
            (self.min_total, QT_TRANSLATE_NOOP("SalesTab", "min. total")),
            (self.max_total, QT_TRANSLATE_NOOP("SalesTab", "max. total")),
        ):
            total_edit.setPlaceholderText(self.tr(hint))
            total_edit.setValidator(QRegularExpressionValidator(MONEY_RE, self))
            total_edit.setMaximumWidth(110)
        self.reprint_check = QCheckBox(self.tr("Pending receipts to reprint"))
        self.reprint_check.setToolTip(
            self.tr(
                "Receipts printed before KRA signed the sale. They carry no KRA signature: print them again."
            )
        )
        self.reprint_banner = QPushButton()
        self.reprint_banner.setFlat(True)
        self.reprint_banner.setStyleSheet("color: #8a4b00; font-weight: bold; text-align: left;")
        self.reprint_banner.clicked.connect(lambda: self.reprint_check.setChecked(True))
        self.reprint_banner.hide()

    def _build_table(self) -> None:
        """The sales list (Enter or a double click opens the receipt) and the line under it."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.show_receipt())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.status = QLabel()
        self.status.setWordWrap(True)

    def _build_actions(self) -> None:
        """What can be done with the list or the selected sale, with their shortcuts; the paper."""
        self.new_sale_action = self._action(self.tr("&New sale..."), self.new_sale, QKeySequence("Ctrl+N"))
        self.receipt_action = self._action(self.tr("&Receipt..."), self.show_receipt)
        enter = QAction(self.table)
        enter.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.show_receipt)
        self.table.addAction(enter)
        self.print_action = self._action(self.tr("&Print..."), self.print_receipt, QKeySequence("Ctrl+P"))
        self.pdf_action = self._action(self.tr("Save &PDF..."), self.save_pdf)
        self.thermal_action = self._action(
            self.tr("Print on receipt printer"), self.print_on_receipt_printer, QKeySequence("Ctrl+Shift+P")
        )
        self.credit_action = self._action(self.tr("&Credit note..."), self.credit_note)
        self.import_action = self._action(self.tr("&Import sales..."), self.import_sales)
        self.business_action = self._action(self.tr("Receipt &header..."), self.edit_business)
        self.receipt_layout = QComboBox()
        for choice in ReceiptLayout:
            self.receipt_layout.addItem(choice.label, choice)

    def _action_row(self) -> QHBoxLayout:
        """A button for each action (its shortcut in the tooltip), then the paper choice."""
        actions = QHBoxLayout()
        for action in (
            self.new_sale_action,
            self.receipt_action,
            self.print_action,
            self.pdf_action,
            self.credit_action,
            self.import_action,
            self.business_action,
        ):
            button = QPushButton(action.text().replace("...", "\u2026"))
            button.clicked.connect(action.trigger)
            button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Paper:")))
        actions.addWidget(self.receipt_layout)
        return actions

    def _lay_out(self) -> None:
        """The action buttons, the search row, the filters, the banner, the list."""
        # The search box gets a row of its own with the two lists: on a laptop screen it was squeezed
        # to "Se…" by the date and total filters.
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        )
        for combo in (self.device_filter, self.state_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)  # long device names do not push the search box away
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.device_filter)
        search_row.addWidget(self.state_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.from_check)
        filters.addWidget(self.from_date)
        filters.addWidget(self.to_check)
        filters.addWidget(self.to_date)
        filters.addWidget(self.min_total)
        filters.addWidget(self.max_total)
        filters.addWidget(self.reprint_check)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._action_row())
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.reprint_banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def _connect_reloads(self) -> None:
        """Every filter change, and every change to a device's sales, reloads the list."""
        # Typing waits until it pauses; a reading made for another filter than the one shown is dropped.
        self._reload = CoalescedReload(
            self._read, self._show_rows, self._failed, COALESCE_MS, self, key=self.current_filter, view=self
        )
        for signal in (self.search.textChanged, self.min_total.textChanged, self.max_total.textChanged):
            signal.connect(lambda _t: self.schedule_refresh())
        for combo in (self.device_filter, self.state_filter):
            combo.currentIndexChanged.connect(lambda _i: self.schedule_refresh())
        for check in (self.from_check, self.to_check, self.reprint_check):
            check.toggled.connect(lambda _on: self.schedule_refresh())
        for date_edit in (self.from_date, self.to_date):
            date_edit.dateChanged.connect(lambda _d: self.schedule_refresh())
        self._events = DeviceEvents(self.use.changes, self)
        self._events.device_changed.connect(lambda _id: self.schedule_refresh())
        self.destroyed.connect(self._events.detach)
        self.schedule_refresh()

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    # ---- the list
    def current_filter(self, reprint_ids: set[int] | None = None) -> SalesFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            if not check.isChecked():
                return None
            chosen = edit.date()
            return date(chosen.year(), chosen.month(), chosen.day())

        return SalesFilter(
            text=self.search.text(),
            device_id=self.device_filter.currentData(),
            states=self.state_filter.currentData(),
            date_from=day(self.from_check, self.from_date),
            date_to=day(self.to_check, self.to_date),
            min_total=_decimal(self.min_total.text()),
            max_total=_decimal(self.max_total.text()),
            sale_ids=frozenset(reprint_ids)
            if self.reprint_check.isChecked() and reprint_ids is not None
            else None,
        )

    def schedule_refresh(self) -> None:
        self._reload.schedule()

    async def _read(self) -> tuple[list[Device], set[int], list[SaleListRow]]:
        devices = await self.use.sales_list.devices()  # a retired device's sales stay here
        reprint = set(await self.use.sales_list.due_for_reprint())
        rows = await self.use.sales_list.search(self.current_filter(reprint))
        return devices, reprint, rows

    def _show_rows(self, read: tuple[list[Device], set[int], list[SaleListRow]]) -> None:
        devices, reprint, rows = read
        chosen = self.device_filter.currentData()
        self.device_filter.blockSignals(True)
        self.device_filter.clear()
        self.device_filter.addItem(self.tr("All devices"), None)
        for device in devices:
            label = device_label(device)
            if device.retired:
                label = self.tr("%1 (retired)").replace("%1", label)
            self.device_filter.addItem(label, device.id)
        self.device_filter.setCurrentIndex(max(0, self.device_filter.findData(chosen)))
        self.device_filter.blockSignals(False)
        if self.device_filter.currentData() != chosen:  # its device is gone: list every device's sales
            self.schedule_refresh()
        selected = self.selected_sale_id()
        self.model.set_rows(rows, reprint)
        self._show_reprint_banner(len(reprint))
        self._select(selected)
        self.status.setText(
            self.tr("%n sale(s) shown", "", len(rows)) if rows else self.tr("No sales match.")
        )
        self.refreshed.emit()

    def _show_reprint_banner(self, count: int) -> None:
        if count and not self.reprint_check.isChecked():
            self.reprint_banner.setText(
                self.tr(
                    "%n receipt(s) were printed before KRA signed the sale: click to see them and print "
                    "them again.",
                    "",
                    count,
                )
            )
            self.reprint_banner.show()
        else:
            self.reprint_banner.hide()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(plain_error(exc))

    def selected_row(self) -> SaleListRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def selected_sale_id(self) -> int | None:
        row = self.selected_row()
        return row.sale_id if row else None

    def _select(self, sale_id: int | None) -> None:
        for number, row in enumerate(self.model.rows):
            if row.sale_id == sale_id:
                self.table.selectRow(number)
                return

    def select_sale(self, sale_id: int) -> None:
        """Select a sale once the list shows it (after a refresh)."""
        self._select(sale_id)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        actions = (
            self.receipt_action,
            self.print_action,
            self.thermal_action,
            self.pdf_action,
            self.credit_action,
        )
        for action in actions:
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---- actions
    def _keep(self, window: _Window) -> _Window:
        self.windows = [w for w in self.windows if _alive(w)]
        self.windows.append(window)
        window.show()
        return window

    def new_sale(self) -> SaleDialog:
        """Open the new-sale dialog (non-modal). Ctrl+N."""
        dialog = SaleDialog(
            self.use.sales, self, device_id=self.device_filter.currentData(), stock=self.use.stock
        )
        dialog.sale_recorded.connect(lambda _sid: self.schedule_refresh())
        return self._keep(dialog)

    def _need_selection(self) -> SaleListRow | None:
        row = self.selected_row()
        if row is None:
            self.status.setText(self.tr("Select a sale first."))
        return row

    def show_receipt(self) -> ReceiptPreview | None:
        row = self._need_selection()
        if row is None:
            return None
        preview = ReceiptPreview(
            self.use.receipts, row.sale_id, self, ReceiptLayout(self.receipt_layout.currentData())
        )
        preview.printed.connect(lambda _sid: self.schedule_refresh())
        return self._keep(preview)

    def print_receipt(self) -> ReceiptPreview | None:
        preview = self.show_receipt()
        if preview is not None:
            preview.loaded.connect(preview.print_)
        return preview

    def print_on_receipt_printer(self) -> ReceiptPreview | None:
        """Print (again) on the ESC/POS receipt printer: the receipt window opens and says how it went."""
        preview = self.show_receipt()
        if preview is not None:
            preview.loaded.connect(preview.print_on_receipt_printer)
        return preview

    def save_pdf(self) -> ReceiptPreview | None:
        preview = self.show_receipt()
        if preview is not None:
            preview.loaded.connect(preview.choose_pdf)
        return preview

    def credit_note(self) -> CreditNoteDialog | None:
        row = self._need_selection()
        if row is None:
            return None
        dialog = CreditNoteDialog(self.use.credit_notes, row.sale_id, self)
        dialog.credit_note_recorded.connect(lambda _sid: self.schedule_refresh())
        return self._keep(dialog)

    def import_sales(self) -> ImportDialog:
        dialog = ImportDialog(self.use.importer, self, device_id=self.device_filter.currentData())
        dialog.imported.connect(lambda _n: self.schedule_refresh())
        return self._keep(dialog)

    def edit_business(self) -> BusinessDialog:
        return self._keep(BusinessDialog(self.use.business, self))


def _alive(widget: QWidget) -> bool:
    try:
        return widget.isVisible()
    except RuntimeError:  # already deleted (WA_DeleteOnClose)
        return False
