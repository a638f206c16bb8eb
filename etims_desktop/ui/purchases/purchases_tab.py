"""The Purchases tab: suppliers' eTIMS invoices KRA holds for the shop's PIN (get them, accept with each
line mapped to an item, or reject), purchases from suppliers without eTIMS, and customs import lines.
Accepting brings the goods into stock; every answer reaches KRA through the document queue at the next
sync, and one KRA refused can be sent again or cancelled here (app/documents.py)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DocumentState
from etims_desktop.domain.item import Item
from etims_desktop.domain.receipt import money
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.dates import NAIROBI  # KRA's dates are Kenyan days
from etims_desktop.storage.records import ImportLineRecord, PurchaseRecord, QueuedDocument
from etims_desktop.ui.board.board_refresh import DeviceEvents
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import translate
from etims_desktop.ui.devices.device_choice import fill_device_combo
from etims_desktop.ui.items.items_tab import TAX_TYPE_NAMES
from etims_desktop.ui.purchases.import_accept_dialog import ImportAcceptDialog
from etims_desktop.ui.purchases.manual_purchase_dialog import ManualPurchaseDialog, recorded_text
from etims_desktop.ui.purchases.purchase_accept_dialog import PurchaseAcceptDialog, accepted_text
from etims_desktop.ui.purchases.purchase_words import quantity_text, state_text

if TYPE_CHECKING:
    from etims_desktop.app.documents import DocumentActions
    from etims_desktop.app.imports import Answered, ImportService
    from etims_desktop.app.items import ItemCatalogue
    from etims_desktop.app.purchases import Decided, PurchaseService
    from etims_desktop.ui.board.board_refresh import DeviceChangeSource

COALESCE_MS = 150
TAX_TYPES = ("A", "B", "C", "D", "E")


@dataclass(frozen=True)
class PurchasesTabUseCases:
    """What the Purchases tab works with (built in ui/main_window.py)."""

    purchases: PurchaseService
    imports: ImportService
    documents: DocumentActions
    items: ItemCatalogue  # the devices and the item master
    changes: DeviceChangeSource


@dataclass(frozen=True)
class PurchasesView:
    """One load: the devices, the item master and, for the chosen device, its invoices and imports."""

    devices: list[Device]
    device_id: int | None
    items: list[Item]
    purchases: list[PurchaseRecord]
    imports: list[ImportLineRecord]
    refused: dict[int, QueuedDocument]  # document id -> a document KRA refused (its reason)


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setToolTip(text)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PurchasesTab(QWidget):
    refreshed = Signal()
    fetched = Signal(str)  # the sentence shown after "Get from KRA"

    def __init__(self, use_cases: PurchasesTabUseCases, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_cases = use_cases
        self.view = PurchasesView([], None, [], [], [], {})
        self.dialogs: list[QDialog] = []

        self.device_combo = QComboBox()
        self.device_combo.setToolTip(
            self.tr("The device whose purchases you see (KRA keeps them per branch)")
        )
        self.device_combo.currentIndexChanged.connect(self._device_chosen)
        self.fetch_button = QPushButton(self.tr("&Get from KRA"))
        self.fetch_button.setToolTip(self.tr("Ask KRA for new suppliers' invoices and customs import lines"))
        self.fetch_button.clicked.connect(self.fetch)
        self.manual_button = QPushButton(self.tr("Record a purchase &without eTIMS..."))
        self.manual_button.setToolTip(self.tr("Goods bought from a supplier who gives no eTIMS invoice"))
        self.manual_button.clicked.connect(self.record_manual)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Device:")))
        bar.addWidget(self.device_combo, 1)
        bar.addWidget(self.fetch_button)
        bar.addWidget(self.manual_button)
        bar.addStretch(1)

        self.sections = QTabWidget()
        self.sections.addTab(self._build_invoices(), self.tr("Suppliers' invoices"))
        self.sections.addTab(self._build_imports(), self.tr("Customs imports"))
        self.status = QLabel(
            self.tr(
                "Suppliers who use eTIMS send their invoices to KRA under your PIN. "
                "Press Get from KRA, then accept each invoice (the goods come into your stock) or reject it."
            )
        )
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.status)

        self._reload = CoalescedReload(
            self._read, self._show, self._failed, COALESCE_MS, self, key=self.device_id, view=self
        )
        self._events = DeviceEvents(use_cases.changes, self)
        self._events.device_changed.connect(lambda _id: self.schedule_refresh())
        self.destroyed.connect(self._events.detach)
        self._update_buttons()
        self.schedule_refresh()

    # ---- layout
    def _build_invoices(self) -> QWidget:
        self.invoice_table = _table(
            [
                self.tr("Supplier"),
                self.tr("Invoice no."),
                self.tr("Date"),
                self.tr("Total (KSh)"),
                self.tr("State"),
            ]
        )
        self.invoice_table.itemSelectionChanged.connect(self._invoice_selected)
        self.invoice_table.doubleClicked.connect(lambda _index: self.accept_selected())
        self.details = QLabel(self.tr("Choose an invoice to see its lines and tax."))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(300)
        splitter = QSplitter()
        splitter.addWidget(self.invoice_table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.accept_button = QPushButton(self.tr("&Accept..."))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("&Reject..."))
        self.reject_button.clicked.connect(self.reject_selected)
        self.resend_button = QPushButton(self.tr("&Send to KRA again"))
        self.resend_button.setToolTip(self.tr("After you fixed what KRA refused"))
        self.resend_button.clicked.connect(lambda: self.resend(self._selected_document()))
        self.cancel_button = QPushButton(self.tr("&Cancel sending..."))
        self.cancel_button.setToolTip(self.tr("Give up a confirmation KRA refused"))
        self.cancel_button.clicked.connect(lambda: self.ask_cancel(self._selected_document()))
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.resend_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return page

    def _build_imports(self) -> QWidget:
        self.import_table = _table(
            [
                self.tr("Declaration"),
                self.tr("Goods"),
                self.tr("Quantity"),
                self.tr("Supplier"),
                self.tr("State"),
            ]
        )
        self.import_table.itemSelectionChanged.connect(self._update_buttons)
        self.import_table.doubleClicked.connect(lambda _index: self.accept_import())
        self.import_accept_button = QPushButton(self.tr("Accept as an &item..."))
        self.import_accept_button.clicked.connect(self.accept_import)
        self.import_reject_button = QPushButton(self.tr("Re&ject..."))
        self.import_reject_button.clicked.connect(self.reject_import)
        self.import_resend_button = QPushButton(self.tr("Send to KRA a&gain"))
        self.import_resend_button.clicked.connect(lambda: self.resend(self._selected_import_document()))
        self.import_cancel_button = QPushButton(self.tr("Cancel se&nding..."))
        self.import_cancel_button.clicked.connect(lambda: self.ask_cancel(self._selected_import_document()))
        buttons = QHBoxLayout()
        for button in (
            self.import_accept_button,
            self.import_reject_button,
            self.import_resend_button,
            self.import_cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr("Goods customs cleared for you. Accept each line as an item of yours, or reject it.")
            )
        )
        layout.addWidget(self.import_table, 1)
        layout.addLayout(buttons)
        return page

    # ---- loading
    def device_id(self) -> int | None:
        data = self.device_combo.currentData()
        return int(data) if data is not None else None

    def _device_chosen(self, _index: int) -> None:
        self._reload.now()

    def schedule_refresh(self) -> None:
        self._reload.schedule()

    async def _read(self) -> PurchasesView:
        devices = await self.use_cases.items.devices()
        wanted = self.device_id()
        if wanted not in {d.id for d in devices}:
            real = [d for d in devices if not d.practice] or devices
            wanted = real[0].saved_id if real else None
        items = [row.item for row in await self.use_cases.items.rows()]
        if wanted is None:
            return PurchasesView(devices, None, items, [], [], {})
        refused = await self.use_cases.documents.list(wanted, None, [DocumentState.NEEDS_FIX])
        return PurchasesView(
            devices,
            wanted,
            items,
            await self.use_cases.purchases.list(wanted),
            await self.use_cases.imports.list(wanted),
            {d.id: d for d in refused},
        )

    def _show(self, view: PurchasesView) -> None:
        chosen = self._selected_purchase()  # of the rows shown until now: kept selected after
        chosen_import = self._selected_import()
        self.invoice_table.clearSelection()
        self.import_table.clearSelection()
        self.view = view
        fill_device_combo(self.device_combo, view.devices, view.device_id)
        self.invoice_table.setRowCount(len(view.purchases))
        for row, purchase in enumerate(view.purchases):
            supplier = purchase.supplier_name or self.tr("(no name)")
            cells = (
                _cell(supplier),
                _cell(str(purchase.supplier_invoice_no or "")),
                _cell(purchase.purchased_on.astimezone(NAIROBI).strftime("%d %b %Y")),
                _cell(money(purchase.total), right=True),
                _cell(
                    self._state(
                        purchase.state, purchase.document_id, purchase.document_state, purchase.source
                    )
                ),
            )
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, purchase.id)
                self.invoice_table.setItem(row, column, cell)
            if chosen is not None and purchase.id == chosen.id:
                self.invoice_table.selectRow(row)
        self.import_table.setRowCount(len(view.imports))
        for row, line in enumerate(view.imports):
            cells = (
                _cell(line.declaration_no or line.task_code),
                _cell(line.name),
                _cell(quantity_text(line.quantity), right=True),
                _cell(line.supplier_name or ""),
                _cell(self._state(line.state, line.document_id, line.document_state, "kra")),
            )
            for column, cell in enumerate(cells):
                self.import_table.setItem(row, column, cell)
            if chosen_import is not None and line.id == chosen_import.id:
                self.import_table.selectRow(row)
        if view.device_id is None:
            self.status.setText(self.tr("Add a device first: KRA keeps purchases per device."))
        self._invoice_selected()
        self.refreshed.emit()

    def _state(
        self, state: str, document_id: int | None, document_state: Any, source: str, why: bool = False
    ) -> str:
        """`why`: with KRA's reason for a refusal (the details pane; the table keeps it short)."""
        refused = self.view.refused.get(document_id) if document_id is not None and why else None
        reason = refused.last_error_message if refused else None
        return state_text(state, document_state, reason, source == "manual")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(plain_error(exc))

    # ---- selection and details
    def _selected_purchase(self) -> PurchaseRecord | None:
        rows = self.invoice_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.view.purchases):
            return None
        return self.view.purchases[rows[0].row()]

    def _selected_import(self) -> ImportLineRecord | None:
        rows = self.import_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.view.imports):
            return None
        return self.view.imports[rows[0].row()]

    def _refused(self, document_id: int | None) -> QueuedDocument | None:
        return self.view.refused.get(document_id) if document_id is not None else None

    def _selected_document(self) -> QueuedDocument | None:
        purchase = self._selected_purchase()
        return self._refused(purchase.document_id) if purchase else None

    def _selected_import_document(self) -> QueuedDocument | None:
        line = self._selected_import()
        return self._refused(line.document_id) if line else None

    def _update_buttons(self) -> None:
        purchase = self._selected_purchase()
        line = self._selected_import()
        has_device = self.view.device_id is not None
        self.fetch_button.setEnabled(has_device)
        self.manual_button.setEnabled(has_device)
        self.accept_button.setEnabled(purchase is not None and purchase.state == "new")
        self.reject_button.setEnabled(purchase is not None and purchase.state == "new")
        self.resend_button.setEnabled(self._selected_document() is not None)
        self.cancel_button.setEnabled(self._selected_document() is not None)
        self.import_accept_button.setEnabled(line is not None and line.state == "new")
        self.import_reject_button.setEnabled(line is not None and line.state == "new")
        self.import_resend_button.setEnabled(self._selected_import_document() is not None)
        self.import_cancel_button.setEnabled(self._selected_import_document() is not None)

    def _invoice_selected(self) -> None:
        self._update_buttons()
        purchase = self._selected_purchase()
        if purchase is None:
            self.details.setText(self.tr("Choose an invoice to see its lines and tax."))
            return
        self.details.setText(self.details_html(purchase))

    def details_html(self, purchase: PurchaseRecord) -> str:
        """The invoice as the owner checks it against the paper: lines, then tax per type A-E."""
        e = html.escape
        title = e(purchase.supplier_name)
        if purchase.supplier_pin:
            title += " - " + e(self.tr("KRA PIN %1").replace("%1", purchase.supplier_pin))
        parts = [f"<b>{title}</b>"]
        if purchase.source == "manual":
            parts.append(e(self.tr("Recorded by you (the supplier has no eTIMS).")))
        rows = "".join(
            f"<tr><td>{e(line.name)}</td><td align='right'>{e(quantity_text(line.qty))}</td>"
            f"<td align='right'>{e(money(line.unit_price))}</td><td align='center'>{e(line.tax_type)}</td>"
            f"<td align='right'>{e(money(line.total))}</td></tr>"
            for line in purchase.lines
        )
        head = "".join(
            f"<th>{e(text)}</th>"
            for text in (self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Tax"), self.tr("Amount"))
        )
        parts.append(f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}</table>")
        vat, total, state_word = self.tr("VAT"), self.tr("Total"), self.tr("State:")
        taxes = "".join(
            f"<tr><td>{e(translate('ItemDialog', TAX_TYPE_NAMES[TaxType(kind)]))}</td>"
            f"<td align='right'>{e(money(purchase.totals_by_tax_type[kind]))}</td></tr>"
            for kind in TAX_TYPES
            if kind in purchase.totals_by_tax_type and kind in TaxType.__members__
        )
        parts.append(
            f"<table cellspacing='0' cellpadding='3'>{taxes}"
            f"<tr><td>{e(vat)}</td><td align='right'>{e(money(purchase.total_tax))}</td></tr>"
            f"<tr><td><b>{e(total)}</b></td><td align='right'><b>{e(money(purchase.total))}</b></td></tr>"
            "</table>"
        )
        state = self._state(
            purchase.state, purchase.document_id, purchase.document_state, purchase.source, why=True
        )
        parts.append(f"<br><b>{e(state_word)}</b> {e(state)}")
        return "<br>".join(parts)

    # ---- actions
    def _open(self, dialog: QDialog) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        self.dialogs.append(dialog)
        dialog.show()

    def fetch(self) -> None:
        device_id = self.view.device_id
        if device_id is None:
            return
        self.fetch_button.setEnabled(False)
        self.status.setText(self.tr("Asking KRA for your suppliers' invoices and import lines..."))
        spawn(self._fetch(device_id), self._fetch_failed)

    async def _fetch(self, device_id: int) -> None:
        try:
            invoices = await self.use_cases.purchases.fetch(device_id)
            imports = await self.use_cases.imports.fetch(device_id)
        finally:
            self.fetch_button.setEnabled(self.view.device_id is not None)
        text = (
            self.tr("KRA sent %1 new invoice(s) and %2 new import line(s).")
            .replace("%1", str(invoices))
            .replace("%2", str(imports))
        )
        self.status.setText(text)
        self._reload.now()
        self.fetched.emit(text)

    def _fetch_failed(self, exc: BaseException) -> None:
        text = plain_error(exc)
        self.status.setText(text)
        self.fetched.emit(text)

    def accept_selected(self) -> PurchaseAcceptDialog | None:
        purchase = self._selected_purchase()
        if purchase is None or purchase.state != "new":
            self.status.setText(self.tr("Choose a new invoice to accept."))
            return None
        dialog = PurchaseAcceptDialog(self.use_cases.purchases, purchase, self.view.items, self)
        dialog.accepted_purchase.connect(self._decided)
        self._open(dialog)
        return dialog

    def _decided(self, decided: Decided) -> None:
        self.status.setText(accepted_text(decided))
        self._reload.now()

    def reject_selected(self) -> QDialog | None:
        purchase = self._selected_purchase()
        if purchase is None or purchase.state != "new":
            self.status.setText(self.tr("Choose a new invoice to reject."))
            return None
        question = (
            self.tr(
                "Reject invoice %1 from %2? KRA is told at the next sync that you did not receive these goods. "
                "Nothing comes into your stock. You cannot undo this."
            )
            .replace("%1", str(purchase.supplier_invoice_no or ""))
            .replace("%2", purchase.supplier_name)
        )
        return self._confirm(
            self.tr("Reject invoice"), question, self.tr("Reject"), lambda: self._run(self._reject(purchase))
        )

    async def _reject(self, purchase: PurchaseRecord) -> None:
        await self.use_cases.purchases.reject(purchase.id)
        self.status.setText(
            self.tr("Invoice %1 rejected. KRA is told at the next sync.").replace(
                "%1", str(purchase.supplier_invoice_no or "")
            )
        )
        self._reload.now()

    def record_manual(self) -> ManualPurchaseDialog | None:
        device_id = self.view.device_id
        if device_id is None:
            return None
        dialog = ManualPurchaseDialog(self.use_cases.purchases, device_id, self.view.items, self)
        dialog.recorded.connect(lambda decided: self._recorded(decided))
        self._open(dialog)
        return dialog

    def _recorded(self, decided: Decided) -> None:
        self.status.setText(recorded_text(decided))
        self._reload.now()

    def accept_import(self) -> ImportAcceptDialog | None:
        line = self._selected_import()
        if line is None or line.state != "new":
            self.status.setText(self.tr("Choose a new import line to accept."))
            return None
        dialog = ImportAcceptDialog(
            self.use_cases.imports, line, self.view.items, self.use_cases.items.classifications, self
        )
        dialog.answered.connect(self._import_answered)
        self._open(dialog)
        return dialog

    def _import_answered(self, answered: Answered) -> None:
        self.status.setText(
            self.tr("%1 accepted: the quantity is in your stock; KRA is told at the next sync.").replace(
                "%1", answered.line.name
            )
        )
        self._reload.now()

    def reject_import(self) -> QDialog | None:
        line = self._selected_import()
        if line is None or line.state != "new":
            self.status.setText(self.tr("Choose a new import line to reject."))
            return None
        question = self.tr(
            "Reject the import of %1? KRA is told at the next sync that these goods are not yours. "
            "Nothing comes into your stock. You cannot undo this."
        ).replace("%1", line.name)
        return self._confirm(
            self.tr("Reject import"),
            question,
            self.tr("Reject"),
            lambda: self._run(self._reject_import(line)),
        )

    async def _reject_import(self, line: ImportLineRecord) -> None:
        await self.use_cases.imports.reject(line.id)
        self.status.setText(self.tr("%1 rejected. KRA is told at the next sync.").replace("%1", line.name))
        self._reload.now()

    def resend(self, document: QueuedDocument | None) -> None:
        if document is None:
            self.status.setText(self.tr("Choose a line KRA refused."))
            return
        self._run(self._resend(document))

    async def _resend(self, document: QueuedDocument) -> None:
        await self.use_cases.documents.resend(document.id)
        self.status.setText(self.tr("It goes to KRA again at the next sync."))
        self._reload.now()

    def ask_cancel(self, document: QueuedDocument | None) -> QDialog | None:
        if document is None:
            self.status.setText(self.tr("Choose a line KRA refused."))
            return None
        question = self.tr(
            "Stop sending this to KRA? KRA never gets it; what comes after it is sent. You cannot undo this."
        )
        return self._confirm(
            self.tr("Cancel sending"),
            question,
            self.tr("Stop sending"),
            lambda: self._run(self._cancel(document)),
        )

    async def _cancel(self, document: QueuedDocument) -> None:
        await self.use_cases.documents.cancel(document.id)
        self.status.setText(self.tr("Cancelled: it will not be sent to KRA."))
        self._reload.now()

    def _confirm(self, title: str, text: str, yes: str, on_yes: Any) -> QDialog:
        from etims_desktop.ui.devices.device_detail import confirm

        box: QDialog = confirm(self, title, text, yes, self.tr("Keep it"), on_yes)
        return box

    def _run(self, coro: Any) -> None:
        spawn(coro, self._failed)
