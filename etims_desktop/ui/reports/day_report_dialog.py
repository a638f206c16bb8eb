"""Reports > End of day report: a chosen day and device, on screen as it prints, saved as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.day_report import DayReport, today
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.devices.device_choice import fill_device_combo
from etims_desktop.ui.reports.day_report_render import (
    ReportLayout,
    report_images,
    save_report_pdf,
    status_sentence,
)
from etims_desktop.ui.sales.sale_dialog import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from etims_desktop.app.day_report import DayReports
    from etims_desktop.ui.devices.device_choice import DeviceLister


class DayReportDialog(QDialog):
    """Non-modal. `shown` after a report was made and drawn."""

    shown = Signal()

    def __init__(self, day_reports: DayReports, devices: DeviceLister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_reports = day_reports
        self.devices = devices
        self.report: DayReport | None = None
        self.setWindowTitle(self.tr("End of day report"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        choices = self._build_choices()

        self.status = QLabel(self.tr("Making the report…"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pages = QLabel()
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages.setStyleSheet("background: #808080; padding: 12px;")
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        self.saved = QLabel()
        self.saved.setWordWrap(True)

        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(close)
        page = QVBoxLayout(self)
        page.addLayout(choices)
        page.addWidget(self.status)
        page.addWidget(scroll, 1)
        page.addLayout(buttons)
        fit_to_screen(self, 1000, 740)

        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.device_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.layout_combo.currentIndexChanged.connect(lambda _i: self._draw())
        spawn(self._load_devices(), on_error=self._failed)

    def _build_choices(self) -> QGridLayout:
        """The day, the paper, Save as PDF and the device: what the report is for."""
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        day = today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.setMaximumDate(QDate(day.year, day.month, day.day))
        # The device has a row of its own, as wide as the dialog: at 200 % (683 logical pixels) a row shared
        # with the day and the paper cut its name short. A name longer still is elided; the tooltip has it.
        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_combo.setMinimumContentsLength(12)
        self.device_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.device_combo.currentIndexChanged.connect(self._show_device_name)
        self.layout_combo = QComboBox()
        for layout in ReportLayout:
            self.layout_combo.addItem(layout.label, layout.value)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.choose_pdf)
        choices = QGridLayout()
        choices.addWidget(QLabel(self.tr("Day:")), 0, 0)
        choices.addWidget(self.date_edit, 0, 1)
        choices.addWidget(QLabel(self.tr("Paper:")), 0, 2)
        choices.addWidget(self.layout_combo, 0, 3)
        choices.setColumnStretch(4, 1)
        choices.addWidget(self.pdf_button, 0, 5)
        choices.addWidget(QLabel(self.tr("Device:")), 1, 0)
        choices.addWidget(self.device_combo, 1, 1, 1, 5)

        return choices

    def _show_device_name(self, index: int) -> None:
        """The whole name in the tooltip, in case the combo is too narrow to show it."""
        why = self.device_combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
        text = self.device_combo.itemText(index)
        self.device_combo.setToolTip(f"{text}\n{why}" if why else text)

    async def _load_devices(self) -> None:
        devices = await self.devices.list_devices(include_retired=True)
        fill_device_combo(self.device_combo, devices)
        self._show_device_name(self.device_combo.currentIndex())
        if not devices:
            self.status.setText(
                self.tr("There is no device yet: add one, record sales, then come back here.")
            )
            return
        self.refresh()

    def refresh(self) -> None:
        device_id = self.device_combo.currentData()
        if device_id is None:
            return
        qdate = self.date_edit.date()
        day = today().replace(year=qdate.year(), month=qdate.month(), day=qdate.day())
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Making the report…"))
        spawn(self._make(day, int(device_id)), on_error=self._failed)

    async def _make(self, day: object, device_id: int) -> None:
        from datetime import date

        assert isinstance(day, date)
        report = await self.day_reports.report(day, device_id)
        if self.device_combo.currentData() != device_id:
            return  # the choice changed meanwhile: its own report is on the way
        self.report = report
        self.status.setText(status_sentence(report))
        self.status.setStyleSheet("font-weight: bold; " + (OK_STYLE if report.closed else ERROR_STYLE))
        self._draw()
        self.pdf_button.setEnabled(True)
        self.shown.emit()

    def _layout(self) -> ReportLayout:
        return ReportLayout(self.layout_combo.currentData())

    def _draw(self) -> None:
        if self.report is None:
            return
        images = report_images([self.report], self._layout(), dpi=90)
        width = max(image.width() for image in images)
        height = sum(image.height() + 12 for image in images)
        canvas = QPixmap(width, height)
        canvas.fill(Qt.GlobalColor.gray)
        from PySide6.QtGui import QPainter

        painter = QPainter(canvas)
        y = 0
        for image in images:
            painter.drawImage(0, y, image)
            y += image.height() + 12
        painter.end()
        self.pages.setPixmap(canvas)

    def choose_pdf(self) -> None:
        if self.report is None:
            return
        name = self.tr("end-of-day-{day}.pdf").format(day=self.report.day.isoformat())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), str(Path.home() / name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str) -> None:
        if self.report is None:
            return
        try:
            save_report_pdf([self.report], self._layout(), path)
        except OSError as exc:
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setText(
                self.tr("The PDF was not saved: {error}. Choose another folder and try again.").format(
                    error=exc
                )
            )
            return
        self.saved.setStyleSheet(OK_STYLE)
        self.saved.setText(self.tr("Saved: {path}").format(path=path))

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(self.tr("The report could not be made: {error}").format(error=plain_error(exc)))
