"""The main window: the device board with Sync, device details, the sales and items tabs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from etims_desktop import __version__
from etims_desktop.app.settings import WindowLayout
from etims_desktop.domain.status import StatusKind
from etims_desktop.practice import leave as leave_practice
from etims_desktop.practice import reconnect as reconnect_practice
from etims_desktop.practice import start_practice
from etims_desktop.ui.board.board_model import Column, DeviceBoardModel
from etims_desktop.ui.board.board_refresh import (
    COALESCE_MS,
    SYNCING_COALESCE_MS,
    BoardRefresher,
    DeviceEvents,
)
from etims_desktop.ui.board.board_view import DeviceBoardView
from etims_desktop.ui.board.sync_controller import SyncController
from etims_desktop.ui.board.sync_report import SyncReportPanel
from etims_desktop.ui.board.today_tab import TodayTab
from etims_desktop.ui.board.tray import WindowTray
from etims_desktop.ui.common.backup_actions import BackupActions, DamagedNotice
from etims_desktop.ui.common.empty_state import EmptyState
from etims_desktop.ui.common.icons import app_icon, icon
from etims_desktop.ui.common.settings_dialog import SettingsDialog
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import Banner, fit_to_screen
from etims_desktop.ui.common.window_state import WindowState, read_old_ini, to_state, to_text
from etims_desktop.ui.devices.device_detail import DeviceDetailPanel
from etims_desktop.ui.devices.device_wizard import AddDeviceWizard
from etims_desktop.ui.devices.diagnostics import DiagnosticsDialog
from etims_desktop.ui.devices.keyring_choice import KeyringChoice
from etims_desktop.ui.items.items_tab import ItemsTab
from etims_desktop.ui.purchases.purchases_tab import PurchasesTab, PurchasesTabUseCases
from etims_desktop.ui.reports.reports_menu import ReportsUseCases, add_reports_menu
from etims_desktop.ui.sales.sales_tab import SalesTab, SalesTabUseCases

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCloseEvent

    from etims_desktop.app.keys import KeyStorage
    from etims_desktop.bootstrap import Services
    from etims_desktop.domain.device import Device
    from etims_desktop.sync.report import SyncReport


log = logging.getLogger("etims_desktop.ui")

_Tab = TypeVar("_Tab", bound=QWidget)
_Dialog = TypeVar("_Dialog", bound=QDialog)


def sales_tab_use_cases(services: Services) -> SalesTabUseCases:
    return SalesTabUseCases(
        sales_list=services.sales_list,
        sales=services.sales,
        stock=services.stock,
        credit_notes=services.credit_notes,
        importer=services.importer,
        receipts=services.receipts,
        business=services.store,
        changes=services.sync,
    )


TICK_MS = 30_000
DETAIL_REPEATS = (
    Column.TYPE,
    Column.METHOD,
    Column.LAST_SYNC,
    Column.PROBLEM,
)  # "checked 2 min ago" ages without a reload


class MainWindow(QMainWindow):
    practice_started = Signal()
    closed = Signal()  # the user closed the window: the app shuts down

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        # Qt adds " — etims-desktop" (the application's display name) itself.
        self.setWindowTitle(self.tr("KRA eTIMS devices and sales"))
        self.setWindowIcon(app_icon())
        fit_to_screen(self, 1200, 720)
        self._dialogs: list[QDialog] = []  # non-modal dialogs kept alive while open
        self.practice_ready = asyncio.Event()  # set when practice mode has started (or failed to)
        self._practice_resumed = False
        self._shut_down = False
        self._fitted_ids: list[int] = []
        self._header_restored = False
        self.window_state: WindowState = services.window_state  # settings.json "window"

        # the board and what hangs off it
        self._build_board()
        self._build_sync()
        self._build_side_panels()

        self._build_actions()
        self._build_toolbar_and_menus()
        self._build_devices_page()

        self._build_tabs()
        self._add_new_sale_action()
        self._build_central()

        self._build_status_bar()
        self._start_tick()
        self.tray = WindowTray(self, services.paths.settings)  # the tray icon, fed by the board refresh above

        self.setTabOrder(self.add_button, self.sync_button)
        self.setTabOrder(self.sync_button, self.board)
        self.restore_state()
        self.refresher.refresh_now()

    # -- building -----------------------------------------------------------------------------
    def _build_board(self) -> None:
        """The device board, its model, and what keeps it current (refresher, device events)."""
        services = self.services
        self.board = DeviceBoardView()
        # The view owns its model: destroyed together, so no selection signal fires into a half-gone window.
        self.model = DeviceBoardModel(self.board)
        self.board.setModel(self.model)
        self.board.device_activated.connect(self.open_device)
        self.board.customContextMenuRequested.connect(self._board_menu)
        self.board.selectionModel().currentRowChanged.connect(self._current_changed)
        self.refresher = BoardRefresher(
            services.board,
            self.model,
            self,
            synced_elsewhere=lambda: services.sync.drain.device_locks.busy_elsewhere,
        )
        self.refresher.refreshed.connect(self._board_refreshed)
        self.refresher.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.events = DeviceEvents(services.sync, self)
        self.events.device_changed.connect(self.refresher.schedule)

    def _build_sync(self) -> None:
        """The Sync button's controller and the backup actions, reporting in the status bar."""
        services = self.services
        self.sync = SyncController(services.sync, self)
        self.sync.started.connect(self._sync_started)
        self.sync.progressed.connect(self.model.set_progress)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)
        self.sync.refused.connect(lambda text: self.statusBar().showMessage(text, 8_000))
        self.backup_actions = BackupActions(services.restore, self)
        self.backup_actions.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.backup_actions.restored.connect(self._restored)

    def _build_side_panels(self) -> None:
        """The sync report under the board and the device details beside it."""
        services = self.services
        self.report = SyncReportPanel()
        self.report.hide()
        self.report.device_activated.connect(self.open_device)
        self.detail = DeviceDetailPanel(services.device_outbox, services.outbox, services.devices)
        self.detail.hide()
        self.detail.sync_requested.connect(lambda device_id: self.sync.sync_devices([device_id]))
        self.detail.setup_requested.connect(self.open_device_setup)
        self.events.device_changed.connect(self.detail.device_changed)
        self.detail.closed.connect(self.board.setFocus)
        self.detail.removed.connect(self._device_removed)
        self.detail.closed.connect(lambda: self._detail_shown(False))

    def _build_devices_page(self) -> None:
        """The Devices tab: the board page, or the first-start page while there are no devices."""
        board_page = self._build_board_page()

        self.empty = EmptyState()
        self.empty.practice_requested.connect(self.start_practice)
        self.empty.add_device_requested.connect(self.open_add_device)
        self.devices_page = QStackedWidget()
        self.devices_page.addWidget(self.empty)
        self.devices_page.addWidget(board_page)
        self.devices_page.setCurrentWidget(board_page)
        self._board_page = board_page

    def _build_tabs(self) -> None:
        """Devices, Sales, Items, Purchases, Today; a tab that cannot open says why in its place."""
        services = self.services
        self.tabs = QTabWidget()
        self.tabs.addTab(self.devices_page, icon("devices"), self.tr("&Devices"))
        self.sales_tab = self._add_foreign_tab(SalesTab, self.tr("&Sales"), sales_tab_use_cases(services))
        self.items_tab = self._add_foreign_tab(
            ItemsTab, self.tr("&Items"), services.items, services.sync, services.stock
        )
        purchases = PurchasesTabUseCases(
            services.purchases, services.imports, services.documents, services.items, services.sync
        )
        self.purchases_tab = self._add_foreign_tab(PurchasesTab, self.tr("&Purchases"), purchases)
        self.today_tab = TodayTab(services.today)  # charts; reloads on the board's signal, never while hidden
        self.tabs.addTab(self.today_tab, icon("clock"), self.tr("&Today"))
        self.events.device_changed.connect(self.today_tab.schedule)

    def _add_new_sale_action(self) -> None:
        """File > New sale, when the Sales tab opened."""
        if self.sales_tab is not None and hasattr(self.sales_tab, "new_sale"):
            # Ctrl+N belongs to the Sales tab itself; a window-wide copy would make the shortcut ambiguous.
            new_sale = QAction(self.tr("&New sale… (Ctrl+N in the Sales tab)"), self)
            new_sale.triggered.connect(self.new_sale)
            self.file_menu.insertAction(self.add_device_action, new_sale)

    def _build_central(self) -> None:
        """The damaged-database notice above every tab, then the tabs."""
        self.damaged_notice = DamagedNotice(self.services.restore, self.backup_actions)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.damaged_notice)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _start_tick(self) -> None:
        """A tick every half minute, so "checked 2 min ago" ages on the board without a reload."""
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.model.tick)
        self._tick.start()

    def _build_actions(self) -> None:
        def action(
            text: str,
            icon_name: str | None = None,
            shortcut: str | QKeySequence.StandardKey | None = None,
            slot: Callable[[], object] | None = None,
            tip: str | None = None,
        ) -> QAction:
            act = QAction(text, self)  # QAction(None, text, parent) has an empty label in PySide6 6.11
            if icon_name:
                act.setIcon(icon(icon_name))
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            if slot:
                act.triggered.connect(slot)
            return act

        self.sync_all_action = action(
            self.tr("Sync &all"),
            "sync",
            "F5",
            self.sync_all,
            self.tr("Check every device and send what waits (F5)"),
        )
        self.sync_one_action = action(
            self.tr("Sync &selected device"),
            "sync",
            "Shift+F5",
            self.sync_selected,
            self.tr("Sync only the selected device"),
        )
        self.add_device_action = action(
            self.tr("&Add device…"), "device-add", "Ctrl+Shift+D", self.open_add_device
        )
        self.practice_action = action(
            self.tr("&Practice mode"),
            "practice",
            None,
            self.start_practice,
            self.tr("Start the built-in practice KRA with one OSCU and one VSCU practice device"),
        )
        self.leave_practice_action = action(
            self.tr("&Leave practice mode…"),
            None,
            None,
            self.ask_leave_practice,
            self.tr("Remove the PRACTICE devices and stop the practice KRA; your real devices stay"),
        )
        self.leave_practice_action.setEnabled(False)
        self.settings_action = action(self.tr("Se&ttings…"), "settings", "Ctrl+,", self.open_settings)
        self.diagnostics_action = action(
            self.tr("&Diagnostics…"), "diagnostics", "Ctrl+Shift+I", self.open_diagnostics
        )
        self.details_action = action(self.tr("Show &details"), None, None, self._details_of_current)
        self.show_retired_action = action(
            self.tr("Show &retired devices"),
            None,
            None,
            None,
            self.tr("Also list removed devices that signed sales: their sales and receipts are kept"),
        )
        self.show_retired_action.setCheckable(True)
        self.show_retired_action.toggled.connect(self.show_retired)
        self.backup_action = action(
            self.tr("&Back up now"), None, None, self.backup_actions.back_up_now,
            self.tr("Make a checked copy of the database now (copies are also made daily)"),
        )  # fmt: skip
        self.restore_action = action(
            self.tr("&Restore from a backup…"), None, None, self.backup_actions.choose_file,
            self.tr("Put a backup back in place of the current data (a copy of it is kept)"),
        )  # fmt: skip
        self.quit_action = action(self.tr("&Quit"), None, QKeySequence.StandardKey.Quit, self.close)
        self.about_action = action(self.tr("&About"), None, None, self.open_about)
        for act in (self.sync_all_action, self.sync_one_action, self.add_device_action, self.settings_action):
            self.addAction(act)  # shortcuts work from every tab

    def _build_toolbar_and_menus(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addAction(self.practice_action)  # Sync all and Add device are buttons above the board
        toolbar.addAction(self.settings_action)
        toolbar.addAction(self.diagnostics_action)
        self.addToolBar(toolbar)
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        file_menu.addAction(self.add_device_action)
        file_menu.addAction(self.practice_action)
        file_menu.addAction(self.leave_practice_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_retired_action)
        sync_menu = menu.addMenu(self.tr("S&ync"))
        sync_menu.addAction(self.sync_all_action)
        sync_menu.addAction(self.sync_one_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.diagnostics_action)
        help_menu.addAction(self.about_action)
        services = self.services
        reports = ReportsUseCases(
            services.day_reports, services.accountant_export, services.reconcile, devices=services.store
        )
        self.reports_menu = add_reports_menu(self, reports, before=help_menu)  # issue 17

    def _build_board_page(self) -> QWidget:
        """Keyring notice, the Add device / Sync all buttons, the board with its report and detail panel."""
        self.keyring_banner = Banner("warn")
        self.keyring_button = QPushButton(icon("key"), self.tr("Choose where keys are kept…"))
        self.keyring_button.clicked.connect(self.open_keyring_choice)
        keyring_row = QHBoxLayout()
        keyring_row.addWidget(self.keyring_banner, 1)
        keyring_row.addWidget(self.keyring_button)
        self.keyring_box = QWidget()
        self.keyring_box.setLayout(keyring_row)
        keyring_row.setContentsMargins(0, 0, 0, 0)

        # Practice devices next to real ones: say so, and offer the way out.
        self.practice_banner = Banner("info")
        self.leave_practice_button = QPushButton(self.tr("Leave practice mode…"))
        self.leave_practice_button.clicked.connect(self.ask_leave_practice)
        practice_row = QHBoxLayout()
        practice_row.setContentsMargins(0, 0, 0, 0)
        practice_row.addWidget(self.practice_banner, 1)
        practice_row.addWidget(self.leave_practice_button)
        self.practice_box = QWidget()
        self.practice_box.setLayout(practice_row)
        self.practice_box.hide()

        self.sync_button = QPushButton(icon("sync"), self.tr("Sync all"))
        self.sync_button.setToolTip(self.tr("Check every device and send what waits, then report (F5)"))
        self.sync_button.setMinimumHeight(34)
        self.sync_button.setObjectName("syncAll")
        self.sync_button.setStyleSheet("QPushButton#syncAll { font-weight:bold; padding:4px 14px; }")
        self.sync_button.clicked.connect(self.sync_all)
        self.add_button = QPushButton(icon("device-add"), self.tr("Add device…"))
        self.add_button.clicked.connect(self.open_add_device)
        self.board_title = QLabel(self.tr("Your eTIMS devices"))
        self.board_title.setStyleSheet("font-size:15px; font-weight:bold;")
        top = QHBoxLayout()
        top.addWidget(self.board_title)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.sync_button)

        self.board_split = QSplitter(Qt.Orientation.Vertical)
        self.board_split.addWidget(self.board)
        self.board_split.addWidget(self.report)
        self.board_split.setStretchFactor(0, 3)
        self.board_split.setStretchFactor(1, 2)
        self.detail_split = QSplitter(Qt.Orientation.Horizontal)
        self.detail_split.addWidget(self.board_split)
        self.detail_split.addWidget(self.detail)
        self.detail_split.setStretchFactor(0, 3)
        self.detail_split.setStretchFactor(1, 2)
        board_page = QWidget()
        board_layout = QVBoxLayout(board_page)
        board_layout.addWidget(self.keyring_box)
        board_layout.addWidget(self.practice_box)
        board_layout.addLayout(top)
        board_layout.addWidget(self.detail_split, 1)
        return board_page

    def _build_status_bar(self) -> None:
        """Connectivity (n of m devices online) and the keyring backend, always in view."""
        self.connectivity = QLabel()
        self.keyring_label = QLabel()
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(self.connectivity)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.keyring_label)
        self._show_keyring()

    def _add_foreign_tab(self, tab_class: Callable[..., _Tab], title: str, *needs: object) -> _Tab | None:
        """`needs`: the use cases the tab is built with (none: it still takes the whole services)."""
        try:
            widget = tab_class(*(needs or (self.services,)), self)
        except Exception as exc:  # noqa: BLE001 - a broken tab must not keep the board from opening
            log.exception("could not build %s", tab_class.__name__)
            failed = QLabel(self.tr("This tab could not open: %1").replace("%1", plain_error(exc)))
            failed.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(failed, title)
            return None
        self.tabs.addTab(widget, title)
        return widget

    def new_sale(self) -> None:
        if self.sales_tab is None:  # the tab could not open (it says why)
            return
        self.tabs.setCurrentWidget(self.sales_tab)
        self.sales_tab.new_sale()

    # -- board --------------------------------------------------------------------------------
    def _board_refreshed(self) -> None:
        rows = self.model.rows()
        if not self._practice_resumed:
            self._practice_resumed = True
            practice_missing = getattr(self.services, "practice", None) is None
            if any(r.device.practice for r in rows) and practice_missing and not self.services.store.damage:
                self.start_practice()  # practice devices need their practice KRA running again
        self.devices_page.setCurrentWidget(self._board_page if rows else self.empty)
        ids = [r.device.saved_id for r in rows]
        if ids != self._fitted_ids:  # columns fit new devices; the user's own widths survive refreshes
            first = not self._fitted_ids
            self._fitted_ids = ids
            if first and self._header_restored:
                self.board.resizeRowsToContents()  # keep the widths remembered from last time
            else:
                self.board.fit()
        # else a row that gained or lost a line resizes itself (DeviceBoardModel.row_shape_changed)
        if rows and not self.board.currentIndex().isValid():
            self.board.selectRow(0)
        practice = any(r.device.practice for r in rows)
        real = any(not r.device.practice for r in rows)
        self.leave_practice_action.setEnabled(practice)
        self.practice_box.setVisible(practice and real)
        self.practice_banner.show_message(
            "info",
            self.tr(
                "Your real devices are set up. The PRACTICE devices only talk to the practice KRA inside "
                "this app; leave practice mode to remove them."
            )
            if practice and real
            else "",
        )
        in_use = [r for r in rows if not r.device.retired]
        online = sum(1 for r in in_use if r.status.kind is StatusKind.ONLINE)
        if rows:
            self.connectivity.setText(
                self.tr("%1 of %2 devices online").replace("%1", str(online)).replace("%2", str(len(in_use)))
            )
            self.connectivity.setToolTip(
                "\n".join(f"{r.device.name}: {tr_core(r.status.kind.label)}" for r in rows)
            )
        else:
            self.connectivity.setText(self.tr("No devices yet"))
        self._show_keyring()

    def show_retired(self, shown: bool) -> None:
        self.refresher.include_retired = shown
        self.refresher.refresh_now()

    def _device_removed(self, device_id: int, retired: bool) -> None:
        self.refresher.refresh_now()
        self.statusBar().showMessage(
            self.tr(
                "Device retired: its sales and receipts stay in the Sales tab (View > Show retired devices)."
            )
            if retired
            else self.tr("Device deleted."),
            10_000,
        )

    def _current_changed(self, *_args: object) -> None:
        device_id = self.board.current_device_id()
        row = self.model.board_row(device_id) if device_id is not None else None
        retired = row is not None and row.device.retired
        self.sync_one_action.setEnabled(device_id is not None and not retired and not self.sync.running)
        if device_id is not None and self.detail.isVisible():
            self.detail.show_device(device_id)

    def _detail_shown(self, shown: bool) -> None:
        """With the detail panel open the board is narrow: hide the columns the panel repeats, so the
        status and the waiting sales stay in view instead of scrolling off to the right."""
        for column in DETAIL_REPEATS:
            self.board.setColumnHidden(column, shown)

    def open_device(self, device_id: int) -> None:
        self.tabs.setCurrentWidget(self.devices_page)
        self.devices_page.setCurrentWidget(self._board_page)
        self.board.select_device(device_id)
        self.detail.show_device(device_id)
        self._detail_shown(True)
        if sum(self.detail_split.sizes()[1:]) == 0:
            width = self.detail_split.width()
            # the board keeps room for its visible columns when the panel leaves enough for itself
            board = self.board
            needed = (
                board.horizontalHeader().length() + board.verticalHeader().width() + 4 * board.frameWidth()
            )
            needed += board.verticalScrollBar().sizeHint().width()
            board_width = max(width * 3 // 5, min(needed, width - self.detail.minimumSizeHint().width()))
            self.detail_split.setSizes([board_width, width - board_width])

    def _details_of_current(self) -> None:
        device_id = self.board.current_device_id()
        if device_id is not None:
            self.open_device(device_id)

    def _board_menu(self, position: QPoint) -> None:
        device_id = self.board.current_device_id()
        if device_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.details_action)
        menu.addAction(self.sync_one_action)
        row = self.model.board_row(device_id)
        if row is not None:
            menu.addAction(
                icon("key"),
                self.tr("Reconnect to the practice KRA")
                if row.device.practice
                else self.tr("Initialise / enter key…"),
                lambda: self.open_device_setup(device_id),
            )
        menu.popup(self.board.viewport().mapToGlobal(position))

    # -- sync ---------------------------------------------------------------------------------
    def sync_all(self) -> None:
        self.sync.sync_all()

    def sync_selected(self) -> None:
        device_id = self.board.current_device_id()
        if device_id is not None:
            self.sync.sync_devices([device_id])

    def _set_sync_enabled(self, enabled: bool) -> None:
        for widget in (self.sync_button, self.sync_all_action, self.sync_one_action, self.detail.sync_button):
            widget.setEnabled(enabled)

    def _sync_started(self, _device_ids: object) -> None:
        self.refresher.set_delay(SYNCING_COALESCE_MS)  # the rows' counts come live from the progress
        self._set_sync_enabled(False)
        self.sync_button.setText(self.tr("Syncing…"))
        self.report.show_running()
        self.statusBar().showMessage(self.tr("Syncing… you can keep working."))

    def _sync_done(self) -> None:
        self.refresher.set_delay(COALESCE_MS)
        self._set_sync_enabled(True)
        self.sync_button.setText(self.tr("Sync all"))
        self.model.clear_progress()
        self.refresher.refresh_now()
        if self.detail.isVisible():
            self.detail.reload()

    def _sync_finished(self, report: SyncReport) -> None:
        self._sync_done()
        self.report.show_report(report)
        self.statusBar().showMessage(self.tr("Sync finished. The report is under the board."), 10_000)

    def _sync_failed(self, text: str) -> None:
        self._sync_done()
        self.report.show_failure(text)

    # -- practice mode -----------------------------------------------------------------------
    def start_practice(self) -> None:
        self.practice_action.setEnabled(False)
        self.empty.practice_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Starting practice mode…"))
        spawn(self._start_practice(), on_error=self._practice_failed)

    async def _start_practice(self) -> None:
        await start_practice(self.services)
        self.practice_action.setText(self.tr("Practice mode is on"))
        self.practice_action.setToolTip(
            self.tr("The PRACTICE devices talk to a practice KRA inside this app, never to the real one.")
        )  # stays disabled: it is running
        self.refresher.refresh_now()
        self.statusBar().showMessage(
            self.tr("Practice mode is on: the PRACTICE devices talk to a practice KRA inside this app."),
            15_000,
        )
        self.practice_ready.set()
        self.practice_started.emit()

    def ask_leave_practice(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave practice mode"),
            self.tr(
                "Remove the PRACTICE devices and their practice sales, and stop the practice KRA? "
                "Your real devices, their sales and your items stay."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Leave practice mode"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.leave_practice)
        box.open()
        return box

    def leave_practice(self) -> None:
        self.leave_practice_action.setEnabled(False)
        self.leave_practice_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Leaving practice mode…"))
        spawn(self._leave_practice(), on_error=self._leave_practice_failed)

    async def _leave_practice(self) -> None:
        removed = await leave_practice(self.services)
        self.practice_ready.clear()
        self.practice_action.setEnabled(True)
        self.practice_action.setText(self.tr("&Practice mode"))
        self.empty.practice_button.setEnabled(True)
        self.leave_practice_button.setEnabled(True)
        self.refresher.refresh_now()
        self.statusBar().showMessage(
            self.tr("Practice mode is off: %1 practice devices removed.").replace("%1", str(removed)), 10_000
        )

    def _restored(self, _text: str) -> None:
        self.tray.quit()  # the database changed under us: quit for real

    def _leave_practice_failed(self, exc: BaseException) -> None:
        self.leave_practice_button.setEnabled(True)
        self.refresher.refresh_now()
        self._message(QMessageBox.Icon.Warning, self.tr("Practice mode is still on"), plain_error(exc))

    def _practice_failed(self, exc: BaseException) -> None:
        self.practice_ready.set()
        self.practice_action.setEnabled(True)
        self.empty.practice_button.setEnabled(True)
        self._message(QMessageBox.Icon.Warning, self.tr("Practice mode did not start"), plain_error(exc))

    # -- dialogs (all non-modal) -------------------------------------------------------------
    def _keep(self, dialog: _Dialog) -> _Dialog:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog) if dialog in self._dialogs else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def open_add_device(self) -> AddDeviceWizard:
        wizard = self._keep(self._device_wizard())
        wizard.device_saved.connect(self._device_saved)
        wizard.show()
        return wizard

    def open_device_setup(self, device_id: int) -> None:
        spawn(
            self._open_device_setup(device_id),
            on_error=lambda exc: self.statusBar().showMessage(plain_error(exc)),
        )

    async def _open_device_setup(self, device_id: int) -> None:
        device = await self.services.store.get_device(device_id)
        if device.practice:
            await self._reconnect_practice()
            return
        wizard = self._keep(self._device_wizard(device))
        wizard.device_saved.connect(self._device_saved)
        wizard.show()

    def _device_wizard(self, device: Device | None = None) -> AddDeviceWizard:
        s = self.services
        env = s.settings.default_environment
        return AddDeviceWizard(s.devices, s.keys, s.store, self, device, default_environment=env)

    def _device_saved(self, device_id: int) -> None:
        self.refresher.refresh_now()
        self.board.select_device(device_id)

    def open_settings(self) -> SettingsDialog:
        dialog = self._keep(SettingsDialog(self.services.preferences, self.services.store, self))
        dialog.saved.connect(lambda _s: self.statusBar().showMessage(self.tr("Settings saved."), 5_000))
        dialog.saved.connect(lambda _s: self.tray.reload_settings())
        dialog.open()
        return dialog

    def open_diagnostics(self) -> DiagnosticsDialog:
        dialog = self._keep(
            DiagnosticsDialog(self.services.store, self.services.keys, self.services.paths, self)
        )
        dialog.show()
        return dialog

    def open_keyring_choice(self) -> KeyringDialog:
        dialog = self._keep(KeyringDialog(self.services.keys, self))
        dialog.choice.switched.connect(lambda _name: self._key_store_switched(dialog))
        dialog.open()
        return dialog

    def open_about(self) -> None:
        self._message(
            QMessageBox.Icon.Information,
            self.tr("About etims-desktop"),
            self.tr("etims-desktop %1\nHonest KRA eTIMS sync for OSCU and VSCU devices.").replace(
                "%1", __version__
            ),
        )

    def _message(self, kind: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show_keyring(self) -> None:
        keys = self.services.keys
        name = keys.backend_name
        temporary = keys.session_only
        self.keyring_label.setText(self.tr("Keys: %1").replace("%1", tr_core(name)))
        self.keyring_label.setToolTip(
            self.tr("CMC keys are kept only while the app runs.")
            if temporary
            else self.tr("CMC keys are kept here, never in the database or logs.")
        )
        locked_file = temporary and keys.key_file_exists()
        real_devices = any(not r.device.practice for r in self.model.rows())
        self.keyring_box.setVisible(locked_file or (temporary and real_devices))
        if locked_file:
            self.keyring_banner.show_message(
                "warn",
                self.tr(
                    "Your device keys are in a password-protected file. Until you unlock it, real devices "
                    "cannot sign sales (their sales wait safely)."
                ),
            )
            self.keyring_button.setText(self.tr("Unlock the key file…"))
        elif temporary:
            self.keyring_banner.show_message(
                "warn",
                self.tr(
                    "This computer has no keyring, so device keys are kept only while the app is open. "
                    "You can keep them in a file locked with a password instead."
                ),
            )
            self.keyring_button.setText(self.tr("Choose where keys are kept…"))

    def _key_store_switched(self, dialog: QDialog) -> None:
        """New keys are reachable: check every device again now rather than at the next live check."""
        self._show_keyring()
        dialog.close()
        spawn(self._check_all(), on_error=lambda exc: self.statusBar().showMessage(plain_error(exc)))

    async def _reconnect_practice(self) -> None:
        self.statusBar().showMessage(self.tr("Reconnecting the practice devices…"))
        for device in await reconnect_practice(self.services):
            await self.services.sync.checker.check(device)
            self.services.sync.notify(device.saved_id)
        self.statusBar().showMessage(self.tr("The practice devices are connected again."), 8_000)

    async def _check_all(self) -> None:
        if self.services.practice is not None:  # a practice key kept only for the session: get it again
            await reconnect_practice(self.services)
        for device in await self.services.store.list_devices():
            await self.services.sync.checker.check(device)
            self.services.sync.notify(device.saved_id)

    # -- window state -------------------------------------------------------------------------
    def restore_state(self) -> None:
        layout = self.window_state.move_in_old_file(read_old_ini) or self.window_state.load()
        geometry = to_state(layout.geometry)
        if geometry is not None:
            self.restoreGeometry(geometry)
        for text, splitter in ((layout.board_split, self.board_split), (layout.detail_split, self.detail_split)):
            value = to_state(text)
            if value is not None:
                splitter.restoreState(value)
        header = to_state(layout.board_header)
        if header is not None:
            self._header_restored = self.board.horizontalHeader().restoreState(header)
            self._detail_shown(False)  # saved while the detail panel was open: show every column again
        self.tabs.setCurrentIndex(layout.tab)

    def save_state(self) -> None:
        header = (
            to_text(self.board.horizontalHeader().saveState())
            if self.model.rowCount()
            else self.window_state.load().board_header  # widths of an empty board are not worth remembering
        )
        self.window_state.save(
            WindowLayout(
                geometry=to_text(self.saveGeometry()),
                board_split=to_text(self.board_split.saveState()),
                detail_split=to_text(self.detail_split.saveState()),
                board_header=header,
                tab=max(self.tabs.currentIndex(), 0),
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.tray.hides_on_close():  # to the tray: syncing goes on; the tray's Quit really quits
            event.ignore()
            self.hide()
            self.tray.window_hidden()
            return
        self.save_state()
        if not self._shut_down:
            self._shut_down = True
            self.events.detach()
            self._tick.stop()
            self.board.selectionModel().currentRowChanged.disconnect(self._current_changed)
            self.detail.shut_down()
        super().closeEvent(event)
        self.closed.emit()


class KeyringDialog(QDialog):
    """Where CMC keys are kept (or the key file unlocked), in a window of its own."""

    def __init__(self, keys: KeyStorage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where to keep CMC keys"))
        self.choice = KeyringChoice(keys, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():  # Enter in the password box unlocks; it must not close the dialog
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)
