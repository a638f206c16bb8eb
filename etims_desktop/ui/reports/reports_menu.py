"""The window's Reports menu: end of day report, export for the accountant, check with KRA (issue 17).
main_window.py adds it with one call; the dialogs live in their own modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from etims_desktop.app.accountant_export import AccountantExport
    from etims_desktop.app.day_report import DayReports
    from etims_desktop.app.reconcile import Reconciler
    from etims_desktop.ui.devices.device_choice import DeviceLister


@dataclass(frozen=True)
class ReportsUseCases:
    """What the Reports dialogs work with (built by main_window.py from its services)."""

    day_reports: DayReports
    accountant_export: AccountantExport
    reconcile: Reconciler
    devices: DeviceLister  # the devices to choose from


DialogFactory = Callable[[ReportsUseCases, QWidget], QDialog]


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportsMenu", text)


def _day_report(use: ReportsUseCases, parent: QWidget) -> QDialog:
    from etims_desktop.ui.reports.day_report_dialog import DayReportDialog

    return DayReportDialog(use.day_reports, use.devices, parent)


def _export(use: ReportsUseCases, parent: QWidget) -> QDialog:
    from etims_desktop.ui.reports.export_dialog import ExportDialog

    return ExportDialog(use.accountant_export, use.devices, parent)


def _reconcile(use: ReportsUseCases, parent: QWidget) -> QDialog:
    from etims_desktop.ui.reports.reconcile_dialog import ReconcileDialog

    return ReconcileDialog(use.reconcile, use.devices, parent)


class ReportsMenu(QMenu):
    """Reports: each entry opens its (non-modal) dialog; `last_dialog` is the one opened last."""

    def __init__(self, window: QMainWindow, use: ReportsUseCases) -> None:
        super().__init__(tr("&Reports"), window.menuBar())
        self.window_ = window
        self.use = use
        self.last_dialog: QDialog | None = None
        self.day_report_action = self._entry(
            tr("&End of day report…"),
            tr("What each device sold on a day, tax per type, and whether everything reached KRA"),
            _day_report,
        )
        self.export_action = self._entry(
            tr("E&xport for my accountant…"),
            tr("The signed sales and credit notes of a date range, as an Excel workbook or CSV files"),
            _export,
        )
        self.reconcile_action = self._entry(
            tr("&Check my sales with KRA…"),
            tr("Ask KRA, sale by sale, whether it holds what this PC has as signed"),
            _reconcile,
        )

    def _entry(self, text: str, tip: str, factory: DialogFactory) -> QAction:
        act = QAction(text, self)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: self.open(factory))
        self.addAction(act)
        return act

    def open(self, factory: DialogFactory) -> QDialog:
        dialog = factory(self.use, self.window_)
        dialog.show()
        self.last_dialog = dialog
        return dialog


def add_reports_menu(window: QMainWindow, use: ReportsUseCases, before: QMenu | None = None) -> ReportsMenu:
    """Add Reports to the window's menu bar, before `before` (Help) when given."""
    menu = ReportsMenu(window, use)
    bar = window.menuBar()
    if before is not None:
        bar.insertMenu(before.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu
