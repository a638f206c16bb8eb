"""Reports > Check my sales with KRA: each signed sale of a date range looked up at KRA (app/reconcile.py)
on the window's own asyncio loop, with a progress bar and a Cancel button; mismatches listed with what
to do. A cancelled or interrupted check continues where it stopped when started again."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.day_report import today
from etims_desktop.app.reconcile import Finding, Mismatch, ReconcileResult
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.devices.device_choice import device_label
from etims_desktop.ui.reports.export_dialog import date_edit, pydate
from etims_desktop.ui.sales.sale_dialog import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from etims_desktop.app.reconcile import Reconciler
    from etims_desktop.ui.devices.device_choice import DeviceLister


class ReconcileDialog(QDialog):
    """Non-modal. `finished_check(result)` when a run ends (complete or not); `stopped` when cancelled."""

    finished_check = Signal(object)
    stopped = Signal()

    def __init__(self, reconcile: Reconciler, devices: DeviceLister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reconcile = reconcile
        self.devices = devices
        self.task: asyncio.Task[ReconcileResult] | None = None
        self.result_: ReconcileResult | None = None
        self.setWindowTitle(self.tr("Check my sales with KRA"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro, choices = self._build_choices()
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("Not checked yet: choose the days, then press Check with KRA"))
        self.progress.setValue(0)  # no count before a check: Qt's default 100 would be a made-up number
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._build_table()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        page = QVBoxLayout(self)
        page.addWidget(intro)
        page.addLayout(choices)
        page.addWidget(self.progress)
        page.addWidget(self.summary)
        page.addWidget(self.table, 1)
        page.addLayout(bottom)
        fit_to_screen(self, 1100, 640)
        spawn(self._load_devices(), on_error=self._failed)

    def _build_choices(self) -> tuple[QLabel, QHBoxLayout]:
        """What the check does, in words; the days, the device, Check and Cancel."""
        now = today()
        self.from_edit = date_edit(now.replace(day=1))
        self.to_edit = date_edit(now)
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("All devices"), None)
        self.start_button = QPushButton(self.tr("Check with KRA"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)

        intro = QLabel(
            self.tr(
                "Asks KRA, sale by sale, whether it holds each sale and credit note this PC has as signed, "
                "with the same totals, receipt number and signature. It goes slowly on purpose (a few "
                "questions a second). You can cancel at any time: the next check of the same days "
                "continues where it stopped."
            )
        )
        intro.setWordWrap(True)
        choices = QHBoxLayout()
        for label, widget in (
            (self.tr("From:"), self.from_edit),
            (self.tr("To:"), self.to_edit),
            (self.tr("Device:"), self.device_combo),
        ):
            choices.addWidget(QLabel(label))
            choices.addWidget(widget)
        choices.addStretch(1)
        choices.addWidget(self.start_button)
        choices.addWidget(self.cancel_button)
        return intro, choices

    def _build_table(self) -> QTableWidget:
        """One row per mismatch: the device, the sale, what KRA's record shows, what to do."""
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("Sale"), self.tr("What KRA's record shows"), self.tr("What to do")]
        )
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    async def _load_devices(self) -> None:
        for device in await self.devices.list_devices(include_retired=True):
            self.device_combo.addItem(device_label(device), device.id)

    def start(self) -> None:
        if self.task is not None and not self.task.done():
            return
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Asking KRA…"))
        self.table.setRowCount(0)
        run = self.reconcile.run(
            pydate(self.from_edit.date()),
            pydate(self.to_edit.date()),
            self.device_combo.currentData(),
            on_progress=self._progress,
        )
        self.task = spawn(self._run(run), on_error=self._failed)

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()  # closing stops the check; what was checked is kept for the next one
        super().closeEvent(event)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setFormat(self.tr("%v of %m checked"))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    async def _run(self, run: Coroutine[Any, Any, ReconcileResult]) -> ReconcileResult:
        try:
            result = await run
        except asyncio.CancelledError:
            self._idle()
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr(
                    "Stopped. {done} checked so far are kept: press Check with KRA to continue where it "
                    "stopped."
                ).format(done=self.progress.value())
            )
            self.stopped.emit()
            raise
        self._idle()
        self.show_result(result)
        self.finished_check.emit(result)
        return result

    def _idle(self) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def show_result(self, result: ReconcileResult) -> None:
        self.result_ = result
        self._progress(result.checked, result.total)
        lines = [
            self.tr("Checked {checked} of {total} signed sale(s) and credit note(s).").format(
                checked=result.checked, total=result.total
            )
        ]
        if result.continued_from:
            lines.append(
                self.tr("{count} of them were checked by an earlier run.").format(count=result.continued_from)
            )
        if not result.total:
            lines.append(self.tr("There is no signed sale in these days: nothing to check."))
        elif result.complete and not result.mismatches:
            lines.append(self.tr("KRA's record agrees with this PC for every one of them."))
        elif result.mismatches:
            lines.append(
                self.tr("{count} problem(s) found: see the list below.").format(count=len(result.mismatches))
            )
        lines.extend(result.stopped)
        self.summary.setStyleSheet(OK_STYLE if result.complete and not result.mismatches else ERROR_STYLE)
        self.summary.setText(" ".join(lines))
        self.table.setRowCount(len(result.findings))
        for row, finding in enumerate(result.findings):
            for column, text in enumerate(self._cells(finding)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def _cells(self, finding: Finding) -> list[str]:
        sale = (
            self.tr("{invoice} (eTIMS number {number})").format(
                invoice=finding.invoice_no, number=finding.invc_no
            )
            if finding.invoice_no
            else self.tr("all of this device")
            if finding.kind is Mismatch.LOOKUP_NOT_OFFERED
            else ""
        )
        return [finding.device, sale, finding.plain, finding.next_step]

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(self.tr("The check could not run: {error}").format(error=plain_error(exc)))
