"""Import sales from a POS export (CSV or JSON): preview every sale and every bad row before anything
is queued, and import only a clean file - the importer is all or nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.importer import ImportPreview
from etims_desktop.domain.receipt import money
from etims_desktop.ui.common.formatting import ksh
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.devices.device_choice import fill_device_combo
from etims_desktop.ui.sales.sale_dialog import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from etims_desktop.app.importer import SaleImporter


PREVIEW_ROWS = 2000  # shown in the table; the counts and totals cover the whole file


class ImportDialog(QDialog):
    """Non-modal. `previewed` after a file was read; `imported(created)` after a successful import."""

    previewed = Signal()
    imported = Signal(int)

    def __init__(self, importer: SaleImporter, parent: QWidget | None = None, device_id: int | None = None):
        super().__init__(parent)
        self.importer = importer
        self.preview: ImportPreview | None = None
        self.path: Path | None = None
        self._wanted_device = device_id
        self.setWindowTitle(self.tr("Import sales"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.device_combo = QComboBox()
        self.device_combo.currentIndexChanged.connect(lambda _i: self._reload_totals())
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("a CSV or JSON file exported from your POS"))
        browse = QPushButton(self.tr("&Choose file..."))
        browse.clicked.connect(self.choose_file)
        self.summary = QLabel(
            self.tr(
                "A CSV file with a header row and one row per sale line: invoice_no, date (24/11/2026, day "
                "first, or 2026-11-24; a time may follow: 24/11/2026 14:05), item_code, qty; optional "
                "unit_price, discount, buyer_pin, buyer_name, payment_type. Or the same as JSON."
            )
        )
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (browse, self.import_button, close):
            button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("&Device"), self.device_combo)
        chooser = QHBoxLayout()
        chooser.addWidget(self.file_edit, 1)
        chooser.addWidget(browse)
        form.addRow(self.tr("File"), chooser)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_tables(), 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 820, 600)
        spawn(self._load_devices(), self._failed)

    def _build_tables(self) -> QSplitter:
        """The sales the file holds over the lines that are wrong (and why)."""
        self.sales_table = QTableWidget(0, 5)
        self.sales_table.setHorizontalHeaderLabels(
            [
                self.tr("Invoice no."),
                self.tr("Date"),
                self.tr("Lines"),
                self.tr("Buyer"),
                self.tr("Total (KSh)"),
            ]
        )
        self.sales_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.errors_table = QTableWidget(0, 2)
        self.errors_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("What is wrong")])
        self.errors_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for table in (self.sales_table, self.errors_table):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sales_table)
        splitter.addWidget(self.errors_table)
        return splitter

    async def _load_devices(self) -> None:
        fill_device_combo(self.device_combo, await self.importer.devices(), self._wanted_device)

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(
            self,
            self.tr("Choose the sales file"),
            str(Path.home()),
            self.tr("Sales files (*.csv *.json);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_file)
        dialog.open()
        return dialog

    def load_file(self, path: str) -> None:
        """Read and check the file; nothing is queued."""
        if not path:
            return
        self.path = Path(path)
        self.file_edit.setText(path)
        self.import_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Reading %1...").replace("%1", self.path.name))
        spawn(self._preview(self.path), self._failed)

    async def _preview(self, path: Path) -> None:
        preview = await self.importer.preview(path)
        if path != self.path:
            return
        self.preview = preview
        await self._show(preview)
        self.previewed.emit()

    async def _totals(self, preview: ImportPreview) -> list[Decimal]:
        device_id = self.device_combo.currentData()
        if device_id is None:
            return []
        return await self.importer.totals(device_id, preview.sales)

    async def _show(self, preview: ImportPreview) -> None:
        totals = await self._totals(preview)
        shown = preview.sales[:PREVIEW_ROWS]
        self.sales_table.setRowCount(len(shown))
        for row, sale in enumerate(shown):
            buyer = " ".join(x for x in (sale.buyer_name, sale.buyer_pin) if x)
            values = (
                sale.trader_invoice_no,
                sale.sold_at.strftime("%d %b %Y %H:%M"),
                str(len(sale.lines)),
                buyer,
                money(totals[row]) if totals else "",
            )
            for column, text in enumerate(values):
                self.sales_table.setItem(row, column, QTableWidgetItem(text))
        self.errors_table.setRowCount(len(preview.errors))
        for row, error in enumerate(preview.errors):
            self.errors_table.setItem(row, 0, QTableWidgetItem(str(error.line)))
            self.errors_table.setItem(row, 1, QTableWidgetItem(tr_core(error.reason)))
        grand = ksh(sum(totals, Decimal(0))) if totals else "-"
        if preview.errors:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(
                self.tr(
                    "%1 row(s) have problems (listed below). Nothing will be imported until the file is "
                    "fixed: correct it in your POS or a spreadsheet and choose it again. %2 sale(s) read fine."
                )
                .replace("%1", str(len(preview.errors)))
                .replace("%2", str(len(preview.sales)))
            )
        elif not preview.sales:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(self.tr("The file holds no sales."))
        else:
            lines = sum(len(s.lines) for s in preview.sales)
            self.summary.setStyleSheet(OK_STYLE)
            self.summary.setText(
                self.tr("%1 sale(s), %2 line(s), total %3. Sales imported before are skipped, never doubled.")
                .replace("%1", str(len(preview.sales)))
                .replace("%2", str(lines))
                .replace("%3", grand)
            )
        self.import_button.setEnabled(preview.ok and self.device_combo.currentData() is not None)

    def _reload_totals(self) -> None:
        if self.preview is not None:
            spawn(self._show(self.preview), self._failed)

    def import_now(self) -> None:
        device_id = self.device_combo.currentData()
        if self.path is None or device_id is None or self.preview is None or not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Importing..."))
        spawn(self._import(device_id, self.path), self._failed)

    async def _import(self, device_id: int, path: Path) -> None:
        result = await self.importer.import_file(device_id, path)
        self.summary.setStyleSheet(OK_STYLE)
        self.summary.setText(
            self.tr(
                "Imported %1 new sale(s); %2 were imported before and were skipped. They are queued for "
                "KRA: Sync sends them."
            )
            .replace("%1", str(result.created))
            .replace("%2", str(result.already_imported))
        )
        self.imported.emit(result.created)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(plain_error(exc))
        self.import_button.setEnabled(False)
