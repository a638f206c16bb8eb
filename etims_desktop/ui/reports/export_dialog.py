"""Reports > Export for my accountant: the signed sales and credit notes of a date range and its
purchases as KRA recorded them, as an Excel workbook or CSV files (app/accountant_export.py)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.accountant_export import write_csv, write_xlsx
from etims_desktop.app.day_report import today
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.devices.device_choice import device_label
from etims_desktop.ui.sales.sale_dialog import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from etims_desktop.app.accountant_export import AccountantExport
    from etims_desktop.ui.devices.device_choice import DeviceLister

XLSX, CSV = "xlsx", "csv"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date) -> QDateEdit:
    """A day chooser with a calendar, written the Kenyan way (day/month/year)."""
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class ExportDialog(QDialog):
    """Non-modal. `exported(paths)` after the files were written."""

    exported = Signal(list)

    def __init__(
        self, accountant_export: AccountantExport, devices: DeviceLister, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.accountant_export = accountant_export
        self.devices = devices
        self.setWindowTitle(self.tr("Export for my accountant"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        now = today()
        self.from_edit = date_edit(now.replace(day=1))
        self.to_edit = date_edit(now)
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("All devices"), None)
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), XLSX)
        self.format_combo.addItem(self.tr("CSV files (.csv), one per table"), CSV)

        intro = QLabel(
            self.tr(
                "Every sale and credit note KRA signed in these days, and every purchase you accepted or "
                "declared, as KRA recorded them: one row per invoice and one row per line, with KRA's "
                "receipt number and signature and the tax per type A-E. Credit notes have negative "
                "amounts. Sales not signed yet are left out; purchases not at KRA yet are listed with "
                "their status, in no total. Sync first."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From:"), self.from_edit)
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Device:"), self.device_combo)
        form.addRow(self.tr("File type:"), self.format_combo)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        page = QVBoxLayout(self)
        page.addWidget(intro)
        page.addLayout(form)
        page.addWidget(self.outcome, 1)
        page.addLayout(buttons)
        fit_to_screen(self, 620, 360)
        spawn(self._load_devices(), on_error=self._failed)

    async def _load_devices(self) -> None:
        for device in await self.devices.list_devices(include_retired=True):
            self.device_combo.addItem(device_label(device), device.id)

    def choose_file(self) -> None:
        kind = self.format_combo.currentData()
        first, last = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        name = self.tr("accounts-{first}-to-{last}").format(first=first.isoformat(), last=last.isoformat())
        filters = self.tr("Excel workbook (*.xlsx)") if kind == XLSX else self.tr("CSV files (*.csv)")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export for my accountant"), str(Path.home() / f"{name}.{kind}"), filters
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Collect and write in the background; the window stays usable."""
        self.export_button.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(self.tr("Exporting…"))
        spawn(self._export(path), on_error=self._failed)

    async def _export(self, path: Path) -> None:
        first, last = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        export = await self.accountant_export.collect(first, last, self.device_combo.currentData())
        writer = write_xlsx if self.format_combo.currentData() == XLSX else write_csv
        paths = await asyncio.to_thread(writer, export, path)
        self.export_button.setEnabled(True)
        self.outcome.setStyleSheet(OK_STYLE)
        text = self.tr(
            "Exported {sales} sale(s) and credit note(s) signed by KRA and {purchases} purchase(s) KRA "
            "recorded to: {files}"
        ).format(sales=export.sales_count, purchases=export.purchase_count, files=", ".join(map(str, paths)))
        if export.purchases_waiting:
            text += "\n" + self.tr(
                "{count} purchase(s) not at KRA yet are listed with their status, in no total: sync, then "
                "export again."
            ).format(count=export.purchases_waiting)
        self.outcome.setText(text)
        self.exported.emit([str(p) for p in paths])

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(self.tr("Nothing was exported: {error}").format(error=plain_error(exc)))
